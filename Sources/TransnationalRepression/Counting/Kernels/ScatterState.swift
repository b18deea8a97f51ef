/// A thread's private count table: 32-bit cells (small enough to stay in cache) backed by a
/// 64-bit spill table that receives them before they could overflow.
///
/// Small tables (at most ``CountingKernel/laneCellLimit`` cells, such as a count by kind or by
/// country alone) are kept as four interleaved copies ("lanes"): row *j* of a block goes to
/// lane *j* mod 4. When most rows hit the same few cells, consecutive increments of one cell
/// would otherwise wait for each other (store-to-load forwarding); with lanes they run in
/// parallel. The lanes are summed when the table is flushed or merged.
///
/// Invariant: every cell of every lane is at most `pending`, and `pending <= limit <=
/// UInt32.max`, so an increment never wraps. Before a block whose total (rows, or the sum of its
/// weights) would push `pending` past `limit`, the lanes are added into `spill` and zeroed. A
/// block whose total alone exceeds `limit` goes straight into `spill`.
internal struct ScatterState {
  /// `lanes` consecutive copies of the table, `cellCount` cells each.
  let table: UnsafeMutablePointer<UInt32>
  var spill: UnsafeMutablePointer<UInt64>?
  var pending: UInt64 = 0
  let cellCount: Int
  let lanes: Int
  let limit: UInt64

  init(cellCount: Int, limit: UInt64) {
    self.cellCount = cellCount
    self.lanes = cellCount <= CountingKernel.laneCellLimit ? 4 : 1
    self.limit = Swift.min(limit, UInt64(UInt32.max))
    table = .allocate(capacity: cellCount * lanes)
    table.initialize(repeating: 0, count: cellCount * lanes)
  }

  /// Frees the tables. The state must not be used afterwards.
  func deallocate() {
    table.deallocate()
    spill?.deallocate()
  }

  /// The spill table, allocated and zeroed on first use.
  mutating func spillTable() -> UnsafeMutablePointer<UInt64> {
    if let spill { return spill }
    let created = UnsafeMutablePointer<UInt64>.allocate(capacity: cellCount)
    created.initialize(repeating: 0, count: cellCount)
    spill = created
    return created
  }

  /// The sum over the lanes of one cell.
  @inline(__always)
  func cell(_ index: Int) -> UInt64 {
    var sum: UInt64 = 0
    for lane in 0..<lanes { sum &+= UInt64(table[lane * cellCount + index]) }
    return sum
  }

  /// Adds the 32-bit lanes into the spill table and zeroes them.
  mutating func flush() {
    let wide = spillTable()
    for index in 0..<cellCount { wide[index] &+= cell(index) }
    table.update(repeating: 0, count: cellCount * lanes)
    pending = 0
  }

  /// Adds one to the cell of each of `count` keys.
  @inline(__always)
  mutating func add<Key: FixedWidthInteger & UnsignedInteger>(
    keys: UnsafePointer<Key>, count: Int
  ) {
    if pending &+ UInt64(count) > limit { flush() }
    pending &+= UInt64(count)
    let table = self.table
    if lanes == 4 {
      let (lane1, lane2, lane3) = (table + cellCount, table + 2 * cellCount, table + 3 * cellCount)
      var row = 0
      while row &+ 4 <= count {
        table[Int(keys[row])] &+= 1
        lane1[Int(keys[row &+ 1])] &+= 1
        lane2[Int(keys[row &+ 2])] &+= 1
        lane3[Int(keys[row &+ 3])] &+= 1
        row &+= 4
      }
      while row < count {
        table[Int(keys[row])] &+= 1
        row &+= 1
      }
    } else {
      for row in 0..<count {
        table[Int(keys[row])] &+= 1
      }
    }
  }

  /// Adds `weights[row]` to the cell of `keys[row]` for each of `count` rows.
  @inline(__always)
  mutating func add<Key: FixedWidthInteger & UnsignedInteger>(
    keys: UnsafePointer<Key>, weights: UnsafePointer<UInt32>, count: Int
  ) {
    var total: UInt64 = 0
    for row in 0..<count { total &+= UInt64(weights[row]) }
    if total > limit {
      let wide = spillTable()
      for row in 0..<count { wide[Int(keys[row])] &+= UInt64(weights[row]) }
      return
    }
    if pending &+ total > limit { flush() }
    pending &+= total
    let table = self.table
    if lanes == 4 {
      let (lane1, lane2, lane3) = (table + cellCount, table + 2 * cellCount, table + 3 * cellCount)
      var row = 0
      while row &+ 4 <= count {
        table[Int(keys[row])] &+= weights[row]
        lane1[Int(keys[row &+ 1])] &+= weights[row &+ 1]
        lane2[Int(keys[row &+ 2])] &+= weights[row &+ 2]
        lane3[Int(keys[row &+ 3])] &+= weights[row &+ 3]
        row &+= 4
      }
      while row < count {
        table[Int(keys[row])] &+= weights[row]
        row &+= 1
      }
    } else {
      for row in 0..<count {
        table[Int(keys[row])] &+= weights[row]
      }
    }
  }

  /// Adds this thread's counts into the caller's 64-bit table.
  func merge(into output: UnsafeMutableBufferPointer<UInt64>) {
    guard let base = output.baseAddress else { return }
    if let spill {
      for index in 0..<cellCount { base[index] &+= spill[index] &+ cell(index) }
    } else if lanes == 1 {
      for index in 0..<cellCount { base[index] &+= UInt64(table[index]) }
    } else {
      for index in 0..<cellCount { base[index] &+= cell(index) }
    }
  }

  /// The total added so far (for the invariant checks).
  func total() -> UInt64 {
    var sum: UInt64 = 0
    for index in 0..<cellCount { sum &+= cell(index) &+ (spill?[index] ?? 0) }
    return sum
  }
}
