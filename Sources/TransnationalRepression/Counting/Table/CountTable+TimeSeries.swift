/// A count per year over a range of years, with zeros for the years where nothing was counted.
///
/// ```swift
/// let sample = IncidentDataset.documentedSample
/// let byYear = try sample.countIncidents(by: [.year])
/// let series = try byYear.timeSeries(from: 2014, to: 2021)[0]
/// series[2016]        // 1
/// series.values.count // 8
/// ```
public struct TimeSeries<Value: CountTableValue>: Hashable, Sendable {
  /// The labels of the table's other dimensions, in table order (empty for a table by year only).
  public let labels: [DimensionValue]
  /// The years covered.
  public let years: ClosedRange<Int>
  /// One value per year of ``years``, in order.
  public let values: [Value]

  /// Creates a series.
  ///
  /// - Parameters:
  ///   - labels: The labels of the other dimensions.
  ///   - years: The years.
  ///   - values: One value per year.
  /// - Complexity: O(1).
  public init(labels: [DimensionValue], years: ClosedRange<Int>, values: [Value]) {
    precondition(values.count == years.count, "one value per year")
    self.labels = labels
    self.years = years
    self.values = values
  }

  /// The value of a year, zero outside the series.
  ///
  /// - Parameter year: A year.
  /// - Returns: The value.
  /// - Complexity: O(1).
  public subscript(year: Int) -> Value {
    years.contains(year) ? values[year - years.lowerBound] : .zero
  }

  /// The running totals: each year's value is the sum up to and including it.
  ///
  /// ```swift
  /// series.cumulative().values.last == series.total   // true
  /// ```
  ///
  /// - Returns: The cumulative series.
  /// - Complexity: O(*y*) for *y* years.
  public func cumulative() -> TimeSeries {
    var running = Value.zero
    let sums = values.map { value -> Value in
      running += value
      return running
    }
    return TimeSeries(labels: labels, years: years, values: sums)
  }

  /// The sum over the series' years.
  ///
  /// - Complexity: O(*y*) for *y* years.
  public var total: Value { values.reduce(.zero, +) }
}

extension CountTable {
  /// The table as time series: one per combination of the other dimensions' labels, over a range
  /// of years, with zeros for missing years.
  ///
  /// ```swift
  /// let sample = IncidentDataset.documentedSample
  /// let table = try sample.countIncidents(by: [.category, .year])
  /// let series = try table.timeSeries(from: 2010, to: 2020)
  /// series.map(\.labels)   // [[.category(.intimidation)], [.category(.detention)], …]
  /// ```
  ///
  /// - Parameters:
  ///   - first: The first year.
  ///   - last: The last year.
  /// - Returns: One series per combination of other labels that occurs in the table (in any
  ///   year), sorted by labels; a table by year alone always gives exactly one series.
  /// - Throws: ``CountTableError`` when the table has no year dimension or `first > last`.
  /// - Complexity: O(*c* · *d* + *s* · *y*) for *c* cells, *s* series and *y* years.
  public func timeSeries(from first: Int, to last: Int) throws(CountTableError) -> [TimeSeries<Value>] {
    guard let yearIndex = dimensions.firstIndex(of: .year) else {
      throw CountTableError(.missingDimension(.year))
    }
    guard first <= last else { throw CountTableError(.invalidYearRange(from: first, to: last)) }
    let years = first...last
    var series: [[DimensionValue]: [Value]] = [:]
    if dimensions.count == 1 { series[[]] = Array(repeating: .zero, count: years.count) }
    for (labels, value) in storage {
      var others = labels
      others.remove(at: yearIndex)
      var values = series[others] ?? Array(repeating: .zero, count: years.count)
      if case .year(let year) = labels[yearIndex], years.contains(year) {
        values[year - first] += value
      }
      series[others] = values
    }
    return series.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map {
      TimeSeries(labels: $0.key, years: years, values: $0.value)
    }
  }

  /// The table as time series over the years it covers (see ``timeSeries(from:to:)``).
  ///
  /// - Returns: The series; none when the table has no cells.
  /// - Throws: ``CountTableError`` when the table has no year dimension.
  /// - Complexity: As ``timeSeries(from:to:)``.
  public func timeSeries() throws(CountTableError) -> [TimeSeries<Value>] {
    guard dimensions.contains(.year) else { throw CountTableError(.missingDimension(.year)) }
    guard let years = yearSpan() else { return [] }
    return try timeSeries(from: years.lowerBound, to: years.upperBound)
  }

  /// The running totals per year, over the years the table covers.
  ///
  /// ```swift
  /// let sample = IncidentDataset.documentedSample
  /// let byYear = try sample.countIncidents(by: [.year])
  /// try byYear.cumulative()[0].values.last   // 81
  /// ```
  ///
  /// - Returns: One cumulative series per combination of the other labels.
  /// - Throws: ``CountTableError`` when the table has no year dimension.
  /// - Complexity: As ``timeSeries(from:to:)``.
  public func cumulative() throws(CountTableError) -> [TimeSeries<Value>] {
    try timeSeries().map { $0.cumulative() }
  }

  /// Rolls years up into phases: the table with its year dimension replaced by phase.
  ///
  /// ```swift
  /// let sample = IncidentDataset.documentedSample
  /// let byYear = try sample.countPersons(by: [.year], where: IncidentFilter(categories: [.detention, .extradition]))
  /// let phases = try byYear.phaseTotals()
  /// phases[.phase(Periodization.greatWallOfSteel.phases[0])].knownSum
  /// ```
  ///
  /// - Parameter periodization: The phases (default the Great Wall of Steel stages). Years in no
  ///   phase go to the label `.phase(nil)`.
  /// - Returns: The table by phase, with the same total.
  /// - Throws: ``CountTableError`` when the table has no year dimension or already has a phase
  ///   dimension.
  /// - Complexity: O(*c* · (*d* + *p*)) for *c* cells, *d* dimensions and *p* phases.
  public func phaseTotals(
    _ periodization: Periodization = .greatWallOfSteel
  ) throws(CountTableError) -> CountTable {
    guard let yearIndex = dimensions.firstIndex(of: .year) else {
      throw CountTableError(.missingDimension(.year))
    }
    guard !dimensions.contains(.phase) else { throw CountTableError(.duplicateDimension(.phase)) }
    func rolled(_ cells: [[DimensionValue]: Value], at index: Int) -> [[DimensionValue]: Value] {
      var result: [[DimensionValue]: Value] = [:]
      for (labels, value) in cells {
        var key = labels
        if case .year(let year) = labels[index] {
          key[index] = .phase(periodization.phase(containing: year))
        }
        result.add(value, at: key)
      }
      return result
    }
    var rolledDimensions = dimensions
    rolledDimensions[yearIndex] = .phase
    let once = countedOnceStorage.map {
      rolled($0, at: singleValuedDimensions.firstIndex(of: .year)!)
    }
    return CountTable(
      unchecked: rolledDimensions, storage: rolled(storage, at: yearIndex), countedOnce: once,
      total: total)
  }

  /// The first and last year among the cells, if the table has a year dimension and cells.
  internal func yearSpan() -> ClosedRange<Int>? {
    guard let yearIndex = dimensions.firstIndex(of: .year) else { return nil }
    let years = storage.keys.compactMap { labels -> Int? in
      if case .year(let year) = labels[yearIndex] { return year }
      return nil
    }
    guard let low = years.min(), let high = years.max() else { return nil }
    return low...high
  }
}
