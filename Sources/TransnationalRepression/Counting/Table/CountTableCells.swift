import Foundation

/// The cells of a ``CountTable``: a dictionary from labels to values, or a dense grid with one
/// value for every combination of the axes' labels (what the kernel route of a count produces),
/// from which the dictionary is built the first time an operation needs it.
///
/// A lookup by labels and the count of non-zero cells read the grid directly, so a count that is
/// only looked up never pays for the dictionary (22,500 arrays of labels for a table by host,
/// category and year). The store never changes once made: the dictionary is built at most once,
/// under a lock, and tables stay values that cross threads freely.
@usableFromInline
internal final class CountTableCells<Value: CountTableValue>: @unchecked Sendable {
  // `@unchecked Sendable`: `grid` is immutable; `built` is written once, under `lock`, and read
  // only under it.
  private let grid: DenseGrid<Value>?
  private let lock = NSLock()
  private var built: [[DimensionValue]: Value]?

  /// Cells held as a dictionary (no zero values).
  init(_ cells: [[DimensionValue]: Value]) {
    grid = nil
    built = cells
  }

  /// Cells held as a grid.
  init(_ grid: DenseGrid<Value>) {
    self.grid = grid
  }

  /// The non-zero cells by labels (built from the grid on first use).
  var dictionary: [[DimensionValue]: Value] {
    lock.lock()
    defer { lock.unlock() }
    if let built { return built }
    let made = grid!.dictionary()
    built = made
    return made
  }

  /// Whether the cells are held as a grid.
  var holdsGrid: Bool { grid != nil }

  /// The number of non-zero cells.
  var count: Int {
    if let grid { return grid.nonZeroCount }
    return dictionary.count
  }

  /// The value of the cell with these labels (which fit the dimensions), zero when none.
  func value(at labels: [DimensionValue]) -> Value {
    if let grid { return grid.value(at: labels) }
    return dictionary[labels] ?? .zero
  }
}

/// One value for every combination of axis labels, row-major (the last axis varies fastest).
internal struct DenseGrid<Value: CountTableValue>: Sendable {
  /// The labels of each axis, in grid order.
  let axes: [[DimensionValue]]
  /// The values, `axes.map(\.count).reduce(1, *)` of them.
  let values: [Value]
  /// The position of each label in its axis.
  private let positions: [[DimensionValue: Int]]
  /// The number of values that are not zero.
  let nonZeroCount: Int

  /// A grid of `values` over `axes`.
  init(axes: [[DimensionValue]], values: [Value]) {
    precondition(values.count == axes.reduce(1) { $0 * $1.count }, "DenseGrid: wrong number of values")
    self.axes = axes
    self.values = values
    positions = axes.map { axis in
      Dictionary(uniqueKeysWithValues: axis.enumerated().map { ($0.element, $0.offset) })
    }
    nonZeroCount = values.reduce(0) { $0 + ($1 == .zero ? 0 : 1) }
  }

  /// The value at `labels`, zero for a label that is on no axis.
  func value(at labels: [DimensionValue]) -> Value {
    var cell = 0
    for (axis, label) in labels.enumerated() {
      guard let position = positions[axis][label] else { return .zero }
      cell = cell * axes[axis].count + position
    }
    return values[cell]
  }

  /// The non-zero values by labels.
  func dictionary() -> [[DimensionValue]: Value] {
    var cells: [[DimensionValue]: Value] = [:]
    cells.reserveCapacity(nonZeroCount)
    let sizes = axes.map(\.count)
    for (cell, value) in values.enumerated() where value != .zero {
      var labels = [DimensionValue]()
      labels.reserveCapacity(sizes.count)
      var rest = cell
      var divisor = values.count
      for (axis, size) in sizes.enumerated() {
        divisor /= size
        labels.append(axes[axis][rest / divisor])
        rest %= divisor
      }
      cells[labels] = value
    }
    return cells
  }
}
