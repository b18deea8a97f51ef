import Dispatch
import Foundation

/// The counting kernel: one pass over code columns into a histogram, split across threads.
///
/// This is the narrow boundary between the query planner (``CountExecution``) and the hot loop:
/// *given code columns, the shape of the table, optional weights and a row range, return the
/// cells*. A row's cell index is the sum, over its key columns, of `contributions[code]`, a
/// lookup table the planner fills with `axisCode × stride` (row-major, first dimension slowest)
/// — so derived dimensions (region from host, category from kind, phase from year) and filters
/// cost nothing extra: a filtered-out code contributes ``excluded``, which pushes the sum past
/// the last cell into a discarded "trash" cell, without a branch.
///
/// This general path serves the queries the kernel route (``KernelRoute``) cannot: filtered
/// counts and counts by ethnic group. Unfiltered counts over the other dimensions are plain dense
/// histograms of the stored codes and go to ``CountingKernel`` instead.
///
/// Rows are processed in blocks of ``blockRows``: first every key column adds its contributions
/// into a key buffer (simple loops over contiguous arrays), then the block is scattered into the
/// table. With more than one thread, each thread counts a contiguous chunk of rows into a private
/// table and the tables are summed; counts are exact integers, so the result does not depend on
/// the number of threads.
@usableFromInline
internal enum CountingCore {
  /// Rows whose keys are built before they are scattered (16 KiB of keys).
  @usableFromInline static let blockRows = 2048
  /// The fewest rows a thread is given by default.
  @usableFromInline static let defaultMinimumRowsPerThread = 1 << 16
  /// The largest table counted densely by default (32 MiB of `UInt64` per thread); larger
  /// shapes use a hash table of the cells that occur.
  @usableFromInline static let defaultDenseCellLimit = 1 << 22
  /// The contribution of a filtered-out code. Up to 15 of them still fit in 64 bits, and every
  /// valid cell index is below 2⁴⁸, so a key at or above the cell count means "excluded".
  @usableFromInline static let excluded: UInt64 = 1 << 59
  /// The largest number of cells any table may have.
  @usableFromInline static let maximumCellCount: UInt64 = 1 << 48

  /// One key column: per-row codes and the contribution of each code to the cell index.
  @usableFromInline
  struct KeyColumn: @unchecked Sendable {
    /// The codes, one per row.
    @usableFromInline enum Codes {
      case bytes(UnsafePointer<UInt8>)
      case words(UnsafePointer<UInt16>)
    }
    @usableFromInline let codes: Codes
    /// The code is `((raw >> shift) & mask) - offset`.
    @usableFromInline let shift: UInt16
    @usableFromInline let mask: UInt16
    @usableFromInline let offset: Int
    /// `axisCode × stride` (summed over the axes this column feeds), or ``excluded``.
    @usableFromInline let contributions: UnsafePointer<UInt64>

    @usableFromInline
    init(
      codes: Codes, shift: UInt16 = 0, mask: UInt16 = 0xFFFF, offset: Int = 0,
      contributions: UnsafePointer<UInt64>
    ) {
      self.codes = codes
      self.shift = shift
      self.mask = mask
      self.offset = offset
      self.contributions = contributions
    }

    /// Adds this column's contributions for rows `start ..< start + count` into `keys`.
    @inlinable
    func accumulate(into keys: UnsafeMutablePointer<UInt64>, from start: Int, count: Int) {
      let table = contributions
      switch codes {
      case .bytes(let base):
        let source = base + start
        for j in 0..<count { keys[j] &+= table[Int(source[j])] }
      case .words(let base):
        let source = base + start
        if shift == 0 && mask == 0xFFFF {
          let offset = self.offset
          for j in 0..<count { keys[j] &+= table[Int(source[j]) &- offset] }
        } else {
          let shift = self.shift
          let mask = self.mask
          let offset = self.offset
          for j in 0..<count { keys[j] &+= table[Int((source[j] &>> shift) & mask) &- offset] }
        }
      }
    }

    /// This column's contribution for one row.
    @inlinable
    func contribution(at row: Int) -> UInt64 {
      switch codes {
      case .bytes(let base): contributions[Int(base[row])]
      case .words(let base): contributions[Int((base[row] &>> shift) & mask) &- offset]
      }
    }
  }

  /// Per-row weights: a byte code per row and the weight of each code.
  @usableFromInline
  struct WeightColumn: @unchecked Sendable {
    @usableFromInline let codes: UnsafePointer<UInt8>
    /// 256 weights, indexed by code.
    @usableFromInline let weights: UnsafePointer<UInt64>

    @usableFromInline
    init(codes: UnsafePointer<UInt8>, weights: UnsafePointer<UInt64>) {
      self.codes = codes
      self.weights = weights
    }
  }

  /// The cells of one pass: dense (one entry per cell) or sparse (only the cells that occur).
  @usableFromInline
  enum Cells {
    case dense([UInt64])
    case sparse([UInt64: UInt64])

    /// Calls `body` with each cell index and its non-zero count.
    func forEachNonZero(_ body: (UInt64, UInt64) -> Void) {
      switch self {
      case .dense(let cells):
        for (index, value) in cells.enumerated() where value != 0 { body(UInt64(index), value) }
      case .sparse(let cells):
        for (index, value) in cells where value != 0 { body(index, value) }
      }
    }
  }

  /// Counts rows (or sums their weights) into cells.
  ///
  /// - Parameters:
  ///   - keys: The key columns; a row's cell is the sum of their contributions. No columns put
  ///     every row in cell 0.
  ///   - weights: Per-row weights, or `nil` to count each row once.
  ///   - rows: The rows to count.
  ///   - cellCount: The number of cells, at most ``maximumCellCount``.
  ///   - dense: Whether to count into a dense table (else a hash table).
  ///   - threads: The most threads to use, at least 1.
  ///   - minimumRowsPerThread: The fewest rows a thread is given.
  /// - Returns: The cells; rows whose key is at or above `cellCount` are dropped.
  /// - Complexity: O(*n* · *k*) for *n* rows and *k* key columns, plus O(*c* · *t*) for a dense
  ///   table of *c* cells on *t* threads.
  @usableFromInline
  static func histogram(
    keys: [KeyColumn], weights: WeightColumn?, rows: Range<Int>, cellCount: Int, dense: Bool,
    threads: Int, minimumRowsPerThread: Int = defaultMinimumRowsPerThread
  ) -> Cells {
    precondition(UInt64(cellCount) <= maximumCellCount && cellCount >= 1, "bad cell count")
    let workers = Swift.max(
      1, Swift.min(threads, rows.count / Swift.max(1, minimumRowsPerThread)))
    let chunks = split(rows, parts: workers)
    if dense {
      if workers == 1 {
        return .dense(denseChunk(keys: keys, weights: weights, rows: rows, cellCount: cellCount))
      }
      let results = runWorkers(workers) { worker in
        denseChunk(keys: keys, weights: weights, rows: chunks[worker], cellCount: cellCount)
      }
      var total = results[0]
      for partial in results.dropFirst() {
        total.withUnsafeMutableBufferPointer { sum in
          partial.withUnsafeBufferPointer { part in
            for index in 0..<cellCount { sum[index] &+= part[index] }
          }
        }
      }
      return .dense(total)
    } else {
      if workers == 1 {
        return .sparse(sparseChunk(keys: keys, weights: weights, rows: rows, cellCount: cellCount))
      }
      let results = runWorkers(workers) { worker in
        sparseChunk(keys: keys, weights: weights, rows: chunks[worker], cellCount: cellCount)
      }
      var total = results[0]
      for partial in results.dropFirst() {
        total.merge(partial, uniquingKeysWith: &+)
      }
      return .sparse(total)
    }
  }

  /// The cell index of one row (≥ `cellCount` when excluded).
  @inlinable
  static func key(of row: Int, keys: [KeyColumn]) -> UInt64 {
    var key: UInt64 = 0
    for column in keys { key &+= column.contribution(at: row) }
    return key
  }

  /// Splits `rows` into `parts` contiguous, nearly equal ranges.
  static func split(_ rows: Range<Int>, parts: Int) -> [Range<Int>] {
    let size = rows.count / parts
    let extra = rows.count % parts
    var bounds: [Range<Int>] = []
    var start = rows.lowerBound
    for part in 0..<parts {
      let end = start + size + (part < extra ? 1 : 0)
      bounds.append(start..<end)
      start = end
    }
    return bounds
  }

  /// Runs `work` for workers `0 ..< count` concurrently and returns their results in order.
  static func runWorkers<Result: Sendable>(
    _ count: Int, _ work: @Sendable (Int) -> Result
  ) -> [Result] {
    if count == 1 { return [work(0)] }
    let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
      slots.deinitialize()
      slots.deallocate()
    }
    nonisolated(unsafe) let output = slots
    DispatchQueue.concurrentPerform(iterations: count) { worker in
      output[worker] = work(worker)
    }
    return slots.map { $0! }
  }

  /// One thread's dense pass: a private table with a trash cell at the end.
  static func denseChunk(
    keys: [KeyColumn], weights: WeightColumn?, rows: Range<Int>, cellCount: Int
  ) -> [UInt64] {
    var table = [UInt64](repeating: 0, count: cellCount + 1)
    let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: blockRows)
    defer { scratch.deallocate() }
    let trash = UInt64(cellCount)
    table.withUnsafeMutableBufferPointer { buffer in
      let cells = buffer.baseAddress!
      var start = rows.lowerBound
      while start < rows.upperBound {
        let count = Swift.min(blockRows, rows.upperBound - start)
        scratch.update(repeating: 0, count: count)
        for column in keys { column.accumulate(into: scratch, from: start, count: count) }
        if let weights {
          let codes = weights.codes + start
          let weight = weights.weights
          for j in 0..<count {
            cells[Int(Swift.min(scratch[j], trash))] &+= weight[Int(codes[j])]
          }
        } else {
          for j in 0..<count { cells[Int(Swift.min(scratch[j], trash))] &+= 1 }
        }
        start += count
      }
    }
    table.removeLast()
    return table
  }

  /// One thread's sparse pass: a hash table of the cells that occur.
  static func sparseChunk(
    keys: [KeyColumn], weights: WeightColumn?, rows: Range<Int>, cellCount: Int
  ) -> [UInt64: UInt64] {
    var table: [UInt64: UInt64] = [:]
    let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: blockRows)
    defer { scratch.deallocate() }
    let limit = UInt64(cellCount)
    var start = rows.lowerBound
    while start < rows.upperBound {
      let count = Swift.min(blockRows, rows.upperBound - start)
      scratch.update(repeating: 0, count: count)
      for column in keys { column.accumulate(into: scratch, from: start, count: count) }
      for j in 0..<count where scratch[j] < limit {
        let weight = weights.map { $0.weights[Int($0.codes[start + j])] } ?? 1
        table[scratch[j], default: 0] &+= weight
      }
      start += count
    }
    return table
  }
}
