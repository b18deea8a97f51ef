extension CountTable {
  /// Sums the table down to some of its dimensions.
  ///
  /// Without the multi-valued dimension the marginal is exact: it is taken from the cells counted
  /// once, so an incident naming two groups still counts once per host. Keeping the multi-valued
  /// dimension keeps its expansion.
  ///
  /// ```swift
  /// let sample = IncidentDataset.documentedSample
  /// let table = try sample.countIncidents(by: [.host, .category])
  /// let byCategory = try table.marginal(over: [.category])
  /// byCategory[.category(.detention)]   // 24
  /// ```
  ///
  /// - Parameter kept: The dimensions to keep, in the order the result should have them.
  /// - Returns: A table over `kept` with the same ``total``.
  /// - Throws: ``CountTableError`` when a dimension is not in the table or repeats.
  /// - Complexity: O(*c* · *d*) for *c* cells of *d* dimensions.
  public func marginal(over kept: [CountDimension]) throws(CountTableError) -> CountTable {
    let positions = try indices(of: kept, in: dimensions)
    let keepsMultiValued = kept.contains(where: \.isMultiValued)
    if keepsMultiValued || countedOnceStorage == nil {
      var cells: [[DimensionValue]: Value] = [:]
      for (labels, value) in storage { cells.add(value, at: positions.map { labels[$0] }) }
      var countedOnce: [[DimensionValue]: Value]?
      if keepsMultiValued, let once = countedOnceStorage {
        let single = singleValuedDimensions
        let keptSingle = kept.filter { !$0.isMultiValued }
        let singlePositions = try indices(of: keptSingle, in: single)
        var projected: [[DimensionValue]: Value] = [:]
        for (labels, value) in once { projected.add(value, at: singlePositions.map { labels[$0] }) }
        countedOnce = projected
      }
      return CountTable(unchecked: kept, storage: cells, countedOnce: countedOnce, total: total)
    }
    // Every kept dimension is single-valued: sum the cells counted once.
    let singlePositions = try indices(of: kept, in: singleValuedDimensions)
    var cells: [[DimensionValue]: Value] = [:]
    for (labels, value) in countedOnceStorage! {
      cells.add(value, at: singlePositions.map { labels[$0] })
    }
    return CountTable(unchecked: kept, storage: cells, countedOnce: nil, total: total)
  }

  /// The part of the table where one dimension has one value, without that dimension.
  ///
  /// Slicing the multi-valued dimension gives an ordinary table: the incidents naming that group,
  /// each once.
  ///
  /// ```swift
  /// let sample = IncidentDataset.documentedSample
  /// let table = try sample.countIncidents(by: [.host, .category])
  /// let returns = try table.slice(.category, equals: .category(.extradition))
  /// returns.total                       // 28
  /// returns[.country(Country("PK")!)]   // 5
  /// ```
  ///
  /// - Parameters:
  ///   - dimension: One of the table's dimensions.
  ///   - value: A label of that dimension.
  /// - Returns: A table over the other dimensions whose total counts the slice.
  /// - Throws: ``CountTableError`` when the table lacks the dimension or the label does not fit it.
  /// - Complexity: O(*c* · *d*) for *c* cells of *d* dimensions.
  public func slice(
    _ dimension: CountDimension, equals value: DimensionValue
  ) throws(CountTableError) -> CountTable {
    guard let position = dimensions.firstIndex(of: dimension) else {
      throw CountTableError(.missingDimension(dimension))
    }
    guard value.fits(dimension) else {
      throw CountTableError(
        .labelMismatch("'\(value)' is not a value of dimension '\(dimension.rawValue)'"))
    }
    var rest = dimensions
    rest.remove(at: position)
    var cells: [[DimensionValue]: Value] = [:]
    for (labels, count) in storage where labels[position] == value {
      var key = labels
      key.remove(at: position)
      cells[key] = count
    }
    if dimension.isMultiValued || countedOnceStorage == nil {
      // Only one dimension is multi-valued, so what remains counts each incident once.
      let total = cells.values.reduce(Value.zero, +)
      return CountTable(unchecked: rest, storage: cells, countedOnce: nil, total: total)
    }
    let singlePosition = singleValuedDimensions.firstIndex(of: dimension)!
    var once: [[DimensionValue]: Value] = [:]
    for (labels, count) in countedOnceStorage! where labels[singlePosition] == value {
      var key = labels
      key.remove(at: singlePosition)
      once[key] = count
    }
    let total = once.values.reduce(Value.zero, +)
    return CountTable(unchecked: rest, storage: cells, countedOnce: once, total: total)
  }

  /// The `n` largest cells, with every cell tied with the `n`-th kept.
  ///
  /// Cells rank by ``CountTableValue/tally(of:)`` (the count, or the known persons sum), largest
  /// first; equal cells follow label order. The top 3 of 9, 8, 8, 8, 5 are the four cells 9, 8,
  /// 8, 8.
  ///
  /// ```swift
  /// let sample = IncidentDataset.documentedSample
  /// let byHost = try sample.countIncidents(by: [.host])
  /// byHost.top(3).map(\.value)   // [9, 8, 6]: Turkey, Kazakhstan, Thailand
  /// ```
  ///
  /// - Parameter n: How many ranks to keep; 0 or less gives no rows.
  /// - Returns: The rows, largest first; more than `n` when there are ties at the cut.
  /// - Complexity: O(*c* log *c*) for *c* cells.
  public func top(_ n: Int) -> [CountRow<Value>] {
    guard n > 0 else { return [] }
    let ranked = storage.map { CountRow(labels: $0.key, value: $0.value) }.sorted {
      let a = Value.tally(of: $0.value)
      let b = Value.tally(of: $1.value)
      return a != b ? a > b : $0.labels.lexicographicallyPrecedes($1.labels)
    }
    guard ranked.count > n else { return ranked }
    let cut = Value.tally(of: ranked[n - 1].value)
    return Array(ranked.prefix { Value.tally(of: $0.value) >= cut })
  }

  /// Each cell's share of the total, from 0 to 1, sorted by labels.
  ///
  /// Shares divide ``CountTableValue/tally(of:)`` values: counts, or known persons sums (which
  /// are lower bounds or estimates; see ``PersonsCell``). In a table with a multi-valued dimension
  /// the shares are of incidents and can add up to more than 1.
  ///
  /// ```swift
  /// let sample = IncidentDataset.documentedSample
  /// let byCategory = try sample.countIncidents(by: [.category])
  /// byCategory.shares().map(\.value)   // [0.133…, 0.4, 0.466…]
  /// ```
  ///
  /// - Returns: One row per non-zero cell; empty when the total's tally is 0.
  /// - Complexity: O(*c* log *c*) for *c* cells.
  public func shares() -> [CountRow<Double>] {
    let whole = Value.tally(of: total)
    guard whole != 0 else { return [] }
    return rows.map { CountRow(labels: $0.labels, value: Double(Value.tally(of: $0.value)) / Double(whole)) }
  }
}
