extension CountTable {
  /// The value of the cell with these labels, zero when nothing was counted there; the lookup to
  /// use when the labels come from input or may be wrong.
  ///
  /// The labels may come in any order: each goes to the dimension it fits. Only countries fit
  /// two dimensions (``CountDimension/origin`` and ``CountDimension/host``); on a table with both,
  /// the countries are taken in the order the table declares those two dimensions, whatever
  /// other labels stand between them.
  ///
  /// ```swift
  /// let table = try IncidentDataset.documentedSample.countIncidents(by: [.host, .category])
  /// try table.value(at: .country(.thailand), .category(.extradition))   // 3
  /// try table.value(at: .category(.extradition), .country(.thailand))   // 3, the same cell
  /// try table.value(at: .year(2015), .country(.thailand))
  /// // throws CountTableError: label 2015 fits no dimension of the table [host, category]
  /// ```
  ///
  /// Unlike the subscript (``subscript(_:)``), which stops the program on labels that cannot
  /// name a cell, this method throws, so a test suite or a server survives the mistake.
  ///
  /// - Parameter labels: One label per dimension, in any order.
  /// - Returns: The cell's value; zero for a cell with no count (including labels, such as a
  ///   year, that the table never saw).
  /// - Throws: ``CountTableError`` (``CountTableError/Kind/labelMismatch(_:)``) when the number of
  ///   labels is not the number of dimensions, a label is of a kind no dimension takes (a year
  ///   on a table by host and category), or two labels go to one dimension.
  /// - Complexity: O(*d*) on average for labels in dimension order; O(*d*²) otherwise.
  public func value(at labels: DimensionValue...) throws(CountTableError) -> Value {
    try value(labels: labels)
  }

  /// The value of the cell with these labels, given as an array, zero when nothing was counted
  /// there (see ``value(at:)``).
  ///
  /// ```swift
  /// let labels: [DimensionValue] = [.category(.detention), .country(.turkiye)]
  /// let detained = try table.value(labels: labels)
  /// ```
  ///
  /// - Parameter labels: One label per dimension, in any order.
  /// - Returns: The cell's value; zero for a cell with no count.
  /// - Throws: ``CountTableError`` (``CountTableError/Kind/labelMismatch(_:)``) when the labels
  ///   cannot name a cell of the table.
  /// - Complexity: O(*d*) on average for labels in dimension order; O(*d*²) otherwise.
  public func value(labels: [DimensionValue]) throws(CountTableError) -> Value {
    if labelsFitInOrder(labels) { return cellStore.value(at: labels) }
    return cellStore.value(at: try arranged(labels))
  }

  /// Whether `labels` name a cell as given: one per dimension, each fitting its dimension.
  @inline(__always)
  internal func labelsFitInOrder(_ labels: [DimensionValue]) -> Bool {
    labels.count == dimensions.count && zip(labels, dimensions).allSatisfy { $0.fits($1) }
  }

  /// `labels` in dimension order: each label goes to the first dimension, in the table's order,
  /// that it fits and that no earlier label took.
  ///
  /// Every label kind but a country fits one dimension at most, so only countries can compete,
  /// and they are taken in the order of the table's country dimensions.
  internal func arranged(_ labels: [DimensionValue]) throws(CountTableError) -> [DimensionValue] {
    let names = "[\(dimensions.map(\.rawValue).joined(separator: ", "))]"
    guard labels.count == dimensions.count else {
      throw CountTableError(
        .labelMismatch(
          "\(labels.count) label\(labels.count == 1 ? "" : "s") "
            + "[\(labels.map(\.description).joined(separator: ", "))] given for a table with "
            + "\(dimensions.count) dimension\(dimensions.count == 1 ? "" : "s") \(names)"))
    }
    var slots = [DimensionValue?](repeating: nil, count: dimensions.count)
    for label in labels {
      let fitting = dimensions.indices.filter { label.fits(dimensions[$0]) }
      guard let free = fitting.first(where: { slots[$0] == nil }) else {
        if fitting.isEmpty {
          throw CountTableError(
            .labelMismatch("label \(label) fits no dimension of the table \(names)"))
        }
        let taken = fitting.map { "'\(dimensions[$0].rawValue)'" }.joined(separator: " and ")
        throw CountTableError(
          .labelMismatch(
            "label \(label) has no dimension left: \(taken) already \(fitting.count == 1 ? "has" : "have") a label "
              + "(table \(names))"))
      }
      slots[free] = label
    }
    return slots.map { $0! }
  }
}
