/// A labelled count: incidents or persons split by one or more dimensions.
///
/// A table comes from a count (``IncidentColumns/countIncidents(_:threads:)``,
/// ``IncidentColumns/countPersons(_:threads:)``, or ``IncidentDataset/countIncidents(by:where:periodization:)``)
/// and answers questions about it: look a cell up by its labels (``value(at:)``,
/// which throws on labels that name no cell), take marginals and slices, rank
/// with ``top(_:)``, compute ``shares()``, ``timeSeries(from:to:)`` and ``cumulative()``, roll years
/// into ``phaseTotals(_:)``, and check itself with ``reconciliation()``. Cells hold `Int` for
/// incidents and ``PersonsCell`` for persons.
///
/// ```swift
/// let table = try IncidentDataset.documentedSample.countIncidents(by: [.host, .category])
/// try table.value(at: .country(.thailand), .category(.extradition))   // 3 (labels in any order)
/// table[.country(.thailand), .category(.extradition)]                  // 3, traps on bad labels
/// table.total                                                         // 81
/// let byHost = try table.marginal(over: [.host])
/// byHost.top(3)                                               // the three largest, ties kept
/// ```
///
/// ## Partial tables merge exactly
///
/// Tables are plain values. Counts of several files, or of parts of one file counted on several
/// machines, combine with ``merging(_:)``, which is associative and commutative with ``empty`` as
/// its identity; the merged table equals the count of the union. Tables with different labels
/// (say different year ranges) merge fine: only the cells that occur are stored.
///
/// ## Multi-valued dimensions
///
/// An incident naming two ethnic groups counts once under each, so the cells of a table by
/// ``CountDimension/ethnicGroup`` can add up to more than ``total`` (which counts each incident
/// once). Such a table lists the dimension in ``multiValuedDimensions`` and also keeps the counts
/// over its other dimensions with every incident counted once (``countedOnceCells``), so
/// marginals without the multi-valued dimension, slices and totals stay exact.
///
/// - Complexity: A table stores only its non-zero cells: O(*c*) memory for *c* of them. (A count
///   made straight from the stored columns keeps its dense grid of cells when at least one in
///   eight is non-zero, so at most 8 *c*; ``cells`` then builds the dictionary on first use.)
public struct CountTable<Value: CountTableValue>: Hashable, Sendable {
  /// Whether two tables have the same dimensions, cells and totals.
  ///
  /// - Complexity: O(*c*) for *c* cells.
  public static func == (lhs: CountTable, rhs: CountTable) -> Bool {
    lhs.dimensions == rhs.dimensions && lhs.total == rhs.total
      && lhs.countedOnceStorage == rhs.countedOnceStorage
      && (lhs.cellStore === rhs.cellStore || lhs.storage == rhs.storage)
  }

  /// Feeds the dimensions, cells and total to `hasher`.
  ///
  /// - Parameter hasher: The hasher.
  /// - Complexity: O(*c*) for *c* cells.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(dimensions)
    hasher.combine(storage)
    hasher.combine(countedOnceStorage)
    hasher.combine(total)
  }

  /// The dimensions, in the order labels are given.
  public let dimensions: [CountDimension]
  /// The non-zero cells: a dictionary, or the grid of a kernel count (see ``CountTableCells``).
  internal let cellStore: CountTableCells<Value>
  /// The non-zero cells, by labels in dimension order.
  internal var storage: [[DimensionValue]: Value] { cellStore.dictionary }
  /// For tables with a multi-valued dimension: the cells over ``singleValuedDimensions`` with
  /// every incident counted once. `nil` otherwise.
  @usableFromInline internal var countedOnceStorage: [[DimensionValue]: Value]?
  /// The whole count, each incident once.
  public let total: Value

  /// Assembles a table from parts already checked (counts and table operations).
  @usableFromInline
  internal init(
    unchecked dimensions: [CountDimension], storage: [[DimensionValue]: Value],
    countedOnce: [[DimensionValue]: Value]?, total: Value
  ) {
    self.dimensions = dimensions
    self.cellStore = CountTableCells(CountTable.withoutZeros(storage))
    self.countedOnceStorage = countedOnce.map(CountTable.withoutZeros)
    self.total = total
  }

  /// A table over single-valued dimensions whose cells are a grid of values, one per
  /// combination of the axes' labels (axes in dimension order). A grid mostly of zeros is
  /// stored as a dictionary instead.
  internal init(dimensions: [CountDimension], grid: DenseGrid<Value>, total: Value) {
    self.dimensions = dimensions
    self.cellStore =
      grid.nonZeroCount >= grid.values.count / 8
      ? CountTableCells(grid) : CountTableCells(grid.dictionary())
    self.countedOnceStorage = nil
    self.total = total
  }

  /// The cells that are not zero; the same dictionary, not rebuilt, when none is (a count's
  /// cells, most often).
  private static func withoutZeros(
    _ cells: [[DimensionValue]: Value]
  ) -> [[DimensionValue]: Value] {
    cells.values.contains(.zero) ? cells.filter { $0.value != .zero } : cells
  }

  /// Builds a table from cells, for example counts made elsewhere.
  ///
  /// ```swift
  /// let table = try CountTable<Int>(
  ///   dimensions: [.host],
  ///   cells: [[.country(Country("TR")!)]: 9, [.country(Country("EG")!)]: 4])
  /// table.total   // 13
  /// ```
  ///
  /// - Parameters:
  ///   - dimensions: The dimensions, without repeats.
  ///   - cells: The values by labels in dimension order; zero cells are dropped.
  ///   - countedOnce: For a table with a multi-valued dimension, the cells over the other
  ///     dimensions with every incident counted once; required then, and must be `nil` otherwise.
  ///   - total: The whole count; `nil` computes it from the cells (or from `countedOnce`). A total
  ///     given here is not checked: ``reconciliation()`` reports any difference.
  /// - Throws: ``CountTableError`` when a dimension repeats, labels do not fit the dimensions, a
  ///   value is negative, or `countedOnce` is missing or unexpected.
  /// - Complexity: O(*c* · *d*) for *c* cells of *d* dimensions.
  public init(
    dimensions: [CountDimension], cells: [[DimensionValue]: Value],
    countedOnce: [[DimensionValue]: Value]? = nil, total: Value? = nil
  ) throws(CountTableError) {
    for (index, dimension) in dimensions.enumerated() where dimensions[..<index].contains(dimension) {
      throw CountTableError(.duplicateDimension(dimension))
    }
    try CountTable.check(cells, dimensions: dimensions)
    let single = dimensions.filter { !$0.isMultiValued }
    if single.count == dimensions.count {
      guard countedOnce == nil else {
        throw CountTableError(
          .invalidValue("countedOnce is only for tables with a multi-valued dimension"))
      }
    } else {
      guard let countedOnce else {
        throw CountTableError(
          .invalidValue(
            "a table by a multi-valued dimension needs its cells counted once (countedOnce)"))
      }
      try CountTable.check(countedOnce, dimensions: single)
    }
    let computed = (countedOnce ?? cells).values.reduce(Value.zero, +)
    self.init(unchecked: dimensions, storage: cells, countedOnce: countedOnce, total: total ?? computed)
  }

  private static func check(
    _ cells: [[DimensionValue]: Value], dimensions: [CountDimension]
  ) throws(CountTableError) {
    for (labels, value) in cells {
      guard labels.count == dimensions.count,
        zip(labels, dimensions).allSatisfy({ $0.fits($1) })
      else {
        throw CountTableError(
          .labelMismatch(
            "labels [\(labels.map(\.description).joined(separator: ", "))] do not fit dimensions "
              + "[\(dimensions.map(\.rawValue).joined(separator: ", "))]"))
      }
      guard Value.jsonFields(of: value).allSatisfy({ $0.number >= 0 }) else {
        throw CountTableError(.invalidValue("a cell holds a negative count"))
      }
    }
  }

  /// The table with no dimensions and nothing counted: the identity of ``merging(_:)``.
  ///
  /// ```swift
  /// try CountTable<Int>.empty.merging(table) == table   // true
  /// ```
  ///
  /// - Complexity: O(1).
  public static var empty: CountTable {
    CountTable(unchecked: [], storage: [:], countedOnce: nil, total: .zero)
  }

  /// What the cells count: incidents or persons.
  ///
  /// - Complexity: O(1).
  public var measure: CountMeasure { Value.measure }

  /// The dimensions under which an incident can count in several cells (``CountDimension/ethnicGroup``),
  /// so the cells can add up to more than ``total``.
  ///
  /// - Complexity: O(*d*).
  public var multiValuedDimensions: [CountDimension] { dimensions.filter(\.isMultiValued) }

  /// The dimensions under which each incident counts once.
  ///
  /// - Complexity: O(*d*).
  public var singleValuedDimensions: [CountDimension] { dimensions.filter { !$0.isMultiValued } }

  /// The non-zero cells, by labels in dimension order.
  ///
  /// - Complexity: O(1), except the first time for a table that holds a dense grid (a count made
  ///   straight from the stored columns): O(*g*) for its *g* grid cells.
  public var cells: [[DimensionValue]: Value] { storage }

  /// For a table with a multi-valued dimension, the cells over ``singleValuedDimensions`` with
  /// every incident counted once; `nil` otherwise.
  ///
  /// - Complexity: O(1).
  public var countedOnceCells: [[DimensionValue]: Value]? { countedOnceStorage }

  /// The non-zero cells as rows, sorted by labels.
  ///
  /// ```swift
  /// for row in table.rows { print(row.labels, row.value) }
  /// ```
  ///
  /// - Complexity: O(*c* log *c*) for *c* cells.
  public var rows: [CountRow<Value>] {
    storage.map { CountRow(labels: $0.key, value: $0.value) }.sorted { $0.labels.lexicographicallyPrecedes($1.labels) }
  }

  /// The value of the cell with these labels, zero when nothing was counted there.
  ///
  /// ```swift
  /// table[.country(.thailand), .category(.extradition)]   // 3
  /// table[.category(.extradition), .country(.thailand)]   // 3: any order
  /// ```
  ///
  /// The labels may come in any order, as for ``value(at:)``, which is the
  /// lookup to use when they come from input: it throws where this subscript stops the program.
  ///
  /// - Parameter labels: One label per dimension, in any order (countries on a table by origin
  ///   and host in the table's order of the two). Labels that cannot name a cell (the wrong
  ///   number, a kind of label no dimension takes, two labels for one dimension) are a
  ///   programming error and stop the program, as an array index out of range does: a zero there
  ///   would pass for a count.
  /// - Returns: The cell's value.
  /// - Complexity: O(*d*) on average for labels in dimension order; O(*d*²) otherwise.
  public subscript(_ labels: DimensionValue...) -> Value {
    self[labels: labels]
  }

  /// The value of the cell with these labels, zero when nothing was counted there.
  ///
  /// ```swift
  /// table[labels: [.category(.detention)]]   // 24
  /// ```
  ///
  /// - Parameter labels: One label per dimension, in any order (checked, as ``subscript(_:)``;
  ///   ``value(labels:)`` throws instead).
  /// - Returns: The cell's value.
  /// - Complexity: O(*d*) on average for labels in dimension order; O(*d*²) otherwise.
  public subscript(labels labels: [DimensionValue]) -> Value {
    if labelsFitInOrder(labels) { return cellStore.value(at: labels) }
    do {
      return cellStore.value(at: try arranged(labels))
    } catch {
      preconditionFailure(error.description)
    }
  }

  /// The labels of one dimension that occur in non-zero cells, sorted.
  ///
  /// ```swift
  /// table.labels(of: .host)   // [.country(AE), .country(AU), …]
  /// ```
  ///
  /// - Parameter dimension: One of the table's dimensions.
  /// - Returns: The labels, or an empty array when the table lacks the dimension.
  /// - Complexity: O(*c* log *c*) for *c* cells.
  public func labels(of dimension: CountDimension) -> [DimensionValue] {
    guard let index = dimensions.firstIndex(of: dimension) else { return [] }
    return Set(storage.keys.map { $0[index] }).sorted()
  }

  /// The positions of `wanted` among `dimensions`, or an error naming a missing one.
  internal func indices(
    of wanted: [CountDimension], in dimensions: [CountDimension]
  ) throws(CountTableError) -> [Int] {
    var indices: [Int] = []
    for (position, dimension) in wanted.enumerated() {
      if wanted[..<position].contains(dimension) {
        throw CountTableError(.duplicateDimension(dimension))
      }
      guard let index = dimensions.firstIndex(of: dimension) else {
        throw CountTableError(.missingDimension(dimension))
      }
      indices.append(index)
    }
    return indices
  }
}

/// One cell of a table: its labels and its value.
///
/// ```swift
/// let row = table.top(1)[0]
/// row.labels   // [.country(Country("TR")!)]
/// row.value    // 9
/// ```
public struct CountRow<Value: Hashable & Sendable>: Hashable, Sendable {
  /// The labels, in the table's dimension order.
  public var labels: [DimensionValue]
  /// The value.
  public var value: Value

  /// Creates a row.
  ///
  /// - Parameters:
  ///   - labels: The labels, in dimension order.
  ///   - value: The value.
  /// - Complexity: O(1).
  public init(labels: [DimensionValue], value: Value) {
    self.labels = labels
    self.value = value
  }
}

extension Dictionary where Value: AdditiveArithmetic {
  /// Adds `value` to the entry for `key`.
  @inlinable
  internal mutating func add(_ value: Value, at key: Key) {
    self[key, default: .zero] += value
  }
}
