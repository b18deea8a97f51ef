extension CountTable {
  /// Adds another table's counts to this one's.
  ///
  /// Merging is associative and commutative, and ``empty`` is its identity, so partial tables —
  /// of several files, or of parts of one file counted on several threads or machines — combine
  /// exactly, in any order: the counts of A merged with the counts of B equal the counts of A ∪ B
  /// (when no incident is in both). Labels need not match: a table of 1997–2010 merges with one
  /// of 2005–2025.
  ///
  /// ```swift
  /// let early = try IncidentDataset(records2010).countIncidents(by: [.host, .year])
  /// let late = try IncidentDataset(records2020).countIncidents(by: [.host, .year])
  /// let all = try early.merging(late)
  /// ```
  ///
  /// - Parameter other: A table with the same dimensions in the same order (or ``empty``, or a
  ///   table with no dimensions and nothing counted).
  /// - Returns: The cell-by-cell sum, with the totals added.
  /// - Throws: ``CountTableError`` when the dimensions differ.
  /// - Complexity: O(*c* · *d*) for the *c* cells of `other`, of *d* dimensions.
  public func merging(_ other: CountTable) throws(CountTableError) -> CountTable {
    if other.isIdentity { return self }
    if isIdentity { return other }
    guard dimensions == other.dimensions else {
      throw CountTableError(.dimensionMismatch(dimensions, other.dimensions))
    }
    var cells = storage
    for (labels, value) in other.storage { cells.add(value, at: labels) }
    var once = countedOnceStorage
    if let theirs = other.countedOnceStorage {
      for (labels, value) in theirs { once?.add(value, at: labels) }
    }
    return CountTable(unchecked: dimensions, storage: cells, countedOnce: once, total: total + other.total)
  }

  /// Merges any number of tables (see ``merging(_:)``).
  ///
  /// ```swift
  /// let all = try CountTable.merged(files.map { try $0.countIncidents(by: [.host]) })
  /// ```
  ///
  /// - Parameter tables: Tables with the same dimensions.
  /// - Returns: Their sum; ``empty`` when there are none.
  /// - Throws: ``CountTableError`` when the dimensions differ.
  /// - Complexity: O(*C* · *d*) for *C* cells in all.
  public static func merged(_ tables: some Sequence<CountTable>) throws(CountTableError) -> CountTable {
    var result = CountTable.empty
    for table in tables { result = try result.merging(table) }
    return result
  }

  /// Whether the table has no dimensions and counts nothing: it merges as the identity.
  internal var isIdentity: Bool {
    dimensions.isEmpty && cellStore.count == 0 && total == .zero
  }
}
