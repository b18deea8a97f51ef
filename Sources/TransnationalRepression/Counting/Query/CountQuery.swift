/// A count to run: the dimensions to split by, the incidents to include, and the periodization
/// that defines phases.
///
/// The measure — incidents or persons — is chosen by the function that runs the query
/// (``IncidentColumns/countIncidents(_:threads:)`` gives `CountTable<Int>`,
/// ``IncidentColumns/countPersons(_:threads:)`` gives `CountTable<PersonsCell>`), so the type of
/// each cell says what it holds.
///
/// ```swift
/// let query = try CountQuery(by: [.host, .category], where: IncidentFilter(years: 2014...2021))
/// let table = IncidentColumns(IncidentDataset.documentedSample).countIncidents(query)
/// ```
public struct CountQuery: Hashable, Sendable, Codable {
  /// The dimensions, first (slowest-varying) first; no repeats.
  public let dimensions: [CountDimension]
  /// Which incidents to include.
  public var filter: IncidentFilter
  /// The phases for the ``CountDimension/phase`` dimension.
  public var periodization: Periodization

  /// Creates a query.
  ///
  /// - Parameters:
  ///   - dimensions: The dimensions, first first. None counts everything into one cell.
  ///   - filter: Which incidents to include (default all).
  ///   - periodization: The phases (default ``Periodization/greatWallOfSteel``).
  /// - Throws: ``CountTableError`` when a dimension is repeated.
  /// - Complexity: O(*d*²) for *d* dimensions.
  public init(
    by dimensions: [CountDimension], where filter: IncidentFilter = .all,
    periodization: Periodization = .greatWallOfSteel
  ) throws(CountTableError) {
    for (index, dimension) in dimensions.enumerated() where dimensions[..<index].contains(dimension) {
      throw CountTableError(.duplicateDimension(dimension))
    }
    self.dimensions = dimensions
    self.filter = filter
    self.periodization = periodization
  }

  private enum CodingKeys: String, CodingKey { case dimensions, filter, periodization }

  /// Decodes a query, checking that no dimension repeats.
  ///
  /// - Throws: `DecodingError` when a field is missing or a dimension repeats.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let dimensions = try container.decode([CountDimension].self, forKey: .dimensions)
    do {
      try self.init(
        by: dimensions,
        where: try container.decodeIfPresent(IncidentFilter.self, forKey: .filter) ?? .all,
        periodization: try container.decodeIfPresent(Periodization.self, forKey: .periodization)
          ?? .greatWallOfSteel)
    } catch let error as CountTableError {
      throw DecodingError.dataCorruptedError(
        forKey: .dimensions, in: container, debugDescription: error.description)
    }
  }

  /// Encodes the dimensions, filter and periodization.
  ///
  /// - Throws: The encoder's errors.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(dimensions, forKey: .dimensions)
    try container.encode(filter, forKey: .filter)
    try container.encode(periodization, forKey: .periodization)
  }
}

extension IncidentColumns {
  /// Counts incidents: each included record adds 1 to its cell.
  ///
  /// ```swift
  /// let columns = IncidentColumns(IncidentDataset.documentedSample)
  /// let table = columns.countIncidents(try CountQuery(by: [.category]))
  /// table[.category(.extradition)]   // 28
  /// ```
  ///
  /// - Parameters:
  ///   - query: The dimensions, filter and periodization.
  ///   - threads: The most threads to use; `nil` uses every active processor. The result does
  ///     not depend on it.
  /// - Returns: The labelled table; for ``CountDimension/ethnicGroup`` an incident naming several
  ///   groups counts in each.
  /// - Complexity: O(*n*) for *n* incidents: one pass over the rows, split across threads;
  ///   O(*c* · *t*) memory for *c* cells and *t* threads. (Counting by ethnic group counts each
  ///   distinct combination of groups in the same pass and expands it afterwards.)
  public func countIncidents(_ query: CountQuery, threads: Int? = nil) -> CountTable<Int> {
    CountExecution(columns: self, query: query, threads: threads).incidents()
  }

  /// Counts persons honestly: each cell holds the sum of the known numbers and how many records
  /// were exact, at least, about, up to, or unknown.
  ///
  /// ```swift
  /// let columns = IncidentColumns(IncidentDataset.documentedSample)
  /// let table = columns.countPersons(try CountQuery(by: [.category]))
  /// table[.category(.extradition)].knownSum   // 297
  /// ```
  ///
  /// - Parameters:
  ///   - query: The dimensions, filter and periodization.
  ///   - threads: The most threads to use; `nil` uses every active processor.
  /// - Returns: The labelled table of ``PersonsCell`` values.
  /// - Complexity: O(*n*) with two passes over the rows (records by qualifier, and the persons
  ///   sum); see ``countIncidents(_:threads:)``.
  public func countPersons(_ query: CountQuery, threads: Int? = nil) -> CountTable<PersonsCell> {
    CountExecution(columns: self, query: query, threads: threads).persons()
  }

  /// Counts with the measure given by the cell type: `Int` for incidents, ``PersonsCell`` for
  /// persons.
  ///
  /// ```swift
  /// func rank<Value: CountTableValue>(_ columns: IncidentColumns, _ type: Value.Type) -> [CountRow<Value>] {
  ///   columns.count(try! CountQuery(by: [.host]), as: type).top(5)
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - query: The dimensions, filter and periodization.
  ///   - type: `Int.self` or `PersonsCell.self`.
  ///   - threads: The most threads to use; `nil` uses every active processor.
  /// - Returns: The labelled table.
  /// - Complexity: As ``countIncidents(_:threads:)`` or ``countPersons(_:threads:)``.
  public func count<Value: CountTableValue>(
    _ query: CountQuery, as type: Value.Type = Value.self, threads: Int? = nil
  ) -> CountTable<Value> {
    switch Value.measure {
    case .incidents:
      guard let table = countIncidents(query, threads: threads) as? CountTable<Value> else {
        preconditionFailure("CountTableValue is implemented only by Int and PersonsCell")
      }
      return table
    case .persons:
      guard let table = countPersons(query, threads: threads) as? CountTable<Value> else {
        preconditionFailure("CountTableValue is implemented only by Int and PersonsCell")
      }
      return table
    case .aggregates:
      preconditionFailure(
        "incident columns hold no aggregate rows: count an AggregateTable with count(by:)")
    }
  }
}

extension IncidentDataset {
  /// Counts incidents by the given dimensions.
  ///
  /// This builds the columnar store for this one count; build an ``IncidentColumns`` once to
  /// run many.
  ///
  /// ```swift
  /// let table = try IncidentDataset.documentedSample.countIncidents(by: [.host, .category])
  /// table[.country(Country("TH")!), .category(.extradition)]   // 3
  /// ```
  ///
  /// - Parameters:
  ///   - dimensions: The dimensions, first first.
  ///   - filter: Which incidents to include (default all).
  ///   - periodization: The phases (default the Great Wall of Steel stages).
  /// - Returns: The labelled table.
  /// - Throws: ``CountTableError`` when a dimension is repeated.
  /// - Complexity: O(*n*) to build the columns, then as ``IncidentColumns/countIncidents(_:threads:)``.
  public func countIncidents(
    by dimensions: [CountDimension], where filter: IncidentFilter = .all,
    periodization: Periodization = .greatWallOfSteel
  ) throws(CountTableError) -> CountTable<Int> {
    let query = try CountQuery(by: dimensions, where: filter, periodization: periodization)
    return IncidentColumns(self).countIncidents(query)
  }

  /// Counts persons by the given dimensions (see ``PersonsCell``).
  ///
  /// ```swift
  /// let table = try IncidentDataset.documentedSample.countPersons(by: [.category])
  /// table[.category(.extradition)].knownSum   // 297
  /// ```
  ///
  /// - Parameters:
  ///   - dimensions: The dimensions, first first.
  ///   - filter: Which incidents to include (default all).
  ///   - periodization: The phases (default the Great Wall of Steel stages).
  /// - Returns: The labelled table.
  /// - Throws: ``CountTableError`` when a dimension is repeated.
  /// - Complexity: O(*n*) to build the columns, then as ``IncidentColumns/countPersons(_:threads:)``.
  public func countPersons(
    by dimensions: [CountDimension], where filter: IncidentFilter = .all,
    periodization: Periodization = .greatWallOfSteel
  ) throws(CountTableError) -> CountTable<PersonsCell> {
    let query = try CountQuery(by: dimensions, where: filter, periodization: periodization)
    return IncidentColumns(self).countPersons(query)
  }
}
