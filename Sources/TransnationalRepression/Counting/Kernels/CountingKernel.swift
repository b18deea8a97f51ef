import Dispatch
import Foundation

/// The dense-histogram kernel under every count: maps each row's codes to one cell of a
/// row-major table and adds the row (or its weight) to that cell, on as many threads as asked.
///
/// Each dimension is a ``KernelColumn``: one small unsigned code per row and the range of valid
/// codes. A row's cell is its fused key, with the first dimension varying slowest:
///
/// ```
/// cell = ((c0 - offset0) * extent1 + (c1 - offset1)) * extent2 + (c2 - offset2) ...
/// ```
///
/// so a (country, kind, year) count over 250 countries, 3 kinds and the years 1997–2026 has
/// 22,500 cells and cell `(country * 3 + kind) * 30 + (year - 1997)`, the layout of the
/// benchmark generator `Benchmarks/Peers/gen.py`.
///
/// ## How it is fast
///
/// Rows are taken in blocks of 256. For each block the kernel first builds the fused keys into
/// a small buffer — a loop over plain arrays that the optimizer vectorizes, with 16-bit keys when
/// the table has at most 65,536 cells — and then increments a private `UInt32` table, which for
/// typical tables fits in the L2 cache. The private tables are added into the caller's `UInt64`
/// table at the end, and flushed into a `UInt64` spill table earlier whenever the next block could
/// overflow 32 bits (very large row counts, or weights). One, two and three columns of 8- and
/// 16-bit codes have fused key loops; other shapes build the key one column at a time. Tables of
/// at most 2,048 cells (a count by kind, or by country alone) are kept as four interleaved copies,
/// so that runs of rows in the same cell do not wait on each other. A count of few rows for its
/// table (up to 8,192, or half the cell count) skips the private table and adds straight into
/// `table`.
///
/// With more than one thread, the rows are split into contiguous chunks (eight per thread) that
/// the threads take in row order as they come free — so a thread slowed down by other work on its
/// core takes fewer — and each thread counts into its own private table; the tables are summed at
/// the end. Counts are exact integers, so the result does not depend on the number of threads.
///
/// ## Checked inputs
///
/// Every code is checked against its column's valid range while the keys are built (a running
/// maximum per block, which costs almost nothing), before the block touches the table. A code out
/// of range throws ``CountingKernelError`` naming the first bad row; nothing is ever written
/// outside the table, and `table` is left unchanged.
///
/// The algorithm is the one the C reference `Benchmarks/Peers/ref.c` ("blocked u16 keys") measures;
/// see `Benchmarks/Peers/RESULTS.md` for the speed of the C reference and of numpy, DuckDB, Polars
/// and pandas on the same data.
public enum CountingKernel {
  /// The number of rows whose keys are built before they are scattered into the table.
  ///
  /// Building keys streams the columns from memory, while scattering is bound by the table's
  /// cache; short blocks interleave the two finely enough that the hardware prefetcher keeps
  /// streaming during the scatter. On the shared 2-core benchmark machine, at 10⁸ rows, 256 rows
  /// were never slower than 1,024 or 4,096 (the C reference's choice) and often 5–20 % faster
  /// (noisy measurements). The buffer (0.5 or 1 KiB) stays in the L1 cache.
  internal static let blockRows = 256

  /// The largest table kept as four interleaved lanes per thread (see ``ScatterState``):
  /// 2,048 cells, so that the four 32-bit copies (32 KiB) stay in the L1 cache.
  internal static let laneCellLimit = 2_048

  /// The fewest rows one thread is given: below this, starting a thread and summing its table
  /// costs more than it saves.
  internal static let defaultMinimumRowsPerThread = 1 << 17

  /// The number of threads a count uses unless told otherwise: the number of active processors.
  ///
  /// ```swift
  /// let threads = CountingKernel.defaultThreadCount  // 2 on a 2-core machine
  /// ```
  ///
  /// - Complexity: O(1).
  public static var defaultThreadCount: Int {
    Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
  }

  /// The number of cells of the dense table for `columns`: the product of their extents.
  ///
  /// ```swift
  /// let cells = try CountingKernel.cellCount(of: [country, kind, year])  // 250 * 3 * 30
  /// ```
  ///
  /// - Parameter columns: The dimensions, first (slowest) first. No columns give one cell.
  /// - Returns: The product of the extents, at most 2³².
  /// - Throws: ``CountingKernelError`` with reason `invalidDimension` for a column whose offset or
  ///   extent does not fit its codes, or `tooManyCells` when the product exceeds 2³².
  /// - Complexity: O(*d*) for *d* columns.
  public static func cellCount(of columns: [KernelColumn]) throws(CountingKernelError) -> Int {
    var cells = 1
    for (dimension, column) in columns.enumerated() {
      let limit = 1 << column.codeBitWidth
      guard column.offset >= 0, column.extent >= 1, column.offset < limit,
        column.extent <= limit - column.offset
      else {
        throw CountingKernelError(
          .invalidDimension(
            dimension: dimension, offset: column.offset, extent: column.extent,
            codeBitWidth: column.codeBitWidth))
      }
      let (product, overflow) = cells.multipliedReportingOverflow(by: column.extent)
      guard !overflow, product <= maximumCellCount else {
        throw CountingKernelError(.tooManyCells(dimension: dimension))
      }
      cells = product
    }
    return cells
  }

  /// The largest table the kernel handles: every cell index must fit a `UInt32`.
  internal static let maximumCellCount = 1 << 32

  /// Counts rows (or sums their weights) into a dense table, adding to what it holds.
  ///
  /// Row *i* adds 1 — or `weights[i]` — to the cell of its codes (see ``CountingKernel``). The
  /// table is added to, not overwritten, so partial counts of several batches of rows, or of
  /// several threads or machines, combine by calling again with the same table. Zero it first for
  /// a fresh count.
  ///
  /// ```swift
  /// var table = [UInt64](repeating: 0, count: 250 * 3 * 30)
  /// try country.withUnsafeBufferPointer { c in
  ///   try kind.withUnsafeBufferPointer { k in
  ///     try year.withUnsafeBufferPointer { y in
  ///       try table.withUnsafeMutableBufferPointer { t in
  ///         try CountingKernel.count(
  ///           columns: [
  ///             KernelColumn(c, extent: 250),
  ///             KernelColumn(k, extent: 3),
  ///             KernelColumn(y, offset: 1997, extent: 30),
  ///           ],
  ///           into: t)
  ///       }
  ///     }
  ///   }
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - columns: The dimensions, first (slowest-varying in the table) first. All must have the
  ///     same number of rows. No columns count every row into a single cell.
  ///   - weights: An optional weight per row (for example persons per incident), the same length
  ///     as the columns; `nil` counts each row once. Cells accumulate in 64 bits, so weights up to
  ///     `UInt32.max` never overflow a cell short of 2⁶⁴ in total.
  ///   - rows: The rows to count; `nil` (the default) counts them all.
  ///   - threads: The most threads to use, at least 1. Defaults to ``defaultThreadCount``. Fewer
  ///     threads are used when there are few rows (at least 131,072 rows per thread).
  ///   - table: The dense table, one cell per combination of codes (``cellCount(of:)`` cells),
  ///     row-major with the first column slowest. Counts are added to it.
  /// - Throws: ``CountingKernelError`` when the arguments do not describe a table (lengths, rows,
  ///   table size, offsets and extents, thread count) or a code is outside its column's valid
  ///   codes. The table is then unchanged.
  /// - Complexity: O(*n* · *d* + *c* · *t*) for *n* rows, *d* columns, *c* cells and *t*
  ///   threads; O(*c* · *t*) extra memory (a private `UInt32` table per thread).
  public static func count(
    columns: [KernelColumn],
    weights: UnsafeBufferPointer<UInt32>? = nil,
    rows: Range<Int>? = nil,
    threads: Int = CountingKernel.defaultThreadCount,
    into table: UnsafeMutableBufferPointer<UInt64>
  ) throws(CountingKernelError) {
    try count(
      columns: columns, weights: weights, rows: rows, threads: threads, into: table,
      tuning: KernelTuning())
  }

  /// Counts rows (or sums their weights) into a new dense table.
  ///
  /// The same as ``count(columns:weights:rows:threads:into:)`` with a zeroed table of
  /// ``cellCount(of:)`` cells.
  ///
  /// ```swift
  /// let table = try kinds.withUnsafeBufferPointer { k in
  ///   try CountingKernel.count(columns: [KernelColumn(k, extent: 3)])
  /// }
  /// // table == [intimidations, detentions, extraditions]
  /// ```
  ///
  /// - Parameters:
  ///   - columns: The dimensions, first (slowest-varying in the table) first.
  ///   - weights: An optional weight per row; `nil` counts each row once.
  ///   - rows: The rows to count; `nil` (the default) counts them all.
  ///   - threads: The most threads to use, at least 1. Defaults to ``defaultThreadCount``.
  /// - Returns: The dense table, row-major with the first column slowest.
  /// - Throws: ``CountingKernelError``, as ``count(columns:weights:rows:threads:into:)``.
  /// - Complexity: O(*n* · *d* + *c* · *t*) for *n* rows, *d* columns, *c* cells and *t*
  ///   threads.
  public static func count(
    columns: [KernelColumn],
    weights: UnsafeBufferPointer<UInt32>? = nil,
    rows: Range<Int>? = nil,
    threads: Int = CountingKernel.defaultThreadCount
  ) throws(CountingKernelError) -> [UInt64] {
    let cells = try cellCount(of: columns)
    var table = [UInt64](repeating: 0, count: cells)
    try table.withUnsafeMutableBufferPointer { (buffer) throws(CountingKernelError) in
      try count(columns: columns, weights: weights, rows: rows, threads: threads, into: buffer)
    }
    return table
  }
}

/// Knobs that tests turn to reach rare paths with small inputs. Not API.
internal struct KernelTuning: Sendable {
  /// The fewest rows one thread is given.
  var minimumRowsPerThread = CountingKernel.defaultMinimumRowsPerThread
  /// The most a private table may accumulate before it is flushed into the 64-bit spill table.
  var privateTableLimit = UInt64(UInt32.max)
  /// The most rows counted without private tables; `nil` for the default rule.
  var smallCountLimit: Int?

  init() {}
}

extension CountingKernel {
  /// The checked entry: validates the arguments, splits the rows and merges the threads' tables.
  internal static func count(
    columns: [KernelColumn],
    weights: UnsafeBufferPointer<UInt32>? = nil,
    rows: Range<Int>? = nil,
    threads: Int,
    into table: UnsafeMutableBufferPointer<UInt64>,
    tuning: KernelTuning
  ) throws(CountingKernelError) {
    let plan = try CountingPlan(columns: columns, weights: weights, rows: rows, table: table)
    guard threads >= 1 else { throw CountingKernelError(.invalidThreadCount(threads)) }
    let rows = plan.rows
    if rows.isEmpty { return }

    if rows.count <= tuning.smallCountLimit ?? smallCountLimit(cellCount: plan.cellCount) {
      // Few rows for the table: a private table would cost more to clear and merge than the
      // rows cost to count. Build every key first, then add straight into `table`.
      if plan.narrowKeys {
        try countSmall(plan, into: table, key: UInt16.self)
      } else {
        try countSmall(plan, into: table, key: UInt32.self)
      }
      return
    }
    let workers = Swift.min(
      threads, Swift.max(1, rows.count / Swift.max(1, tuning.minimumRowsPerThread)))
    if workers == 1 {
      var state = ScatterState(cellCount: plan.cellCount, limit: tuning.privateTableLimit)
      defer { state.deallocate() }
      try countChunk(plan, rows: rows, state: &state)
      checkInvariants(plan, states: CollectionOfOne(state))
      state.merge(into: table)
      return
    }

    // More chunks than threads, handed out in row order as threads come free: a thread slowed
    // by another process on its core takes fewer chunks instead of holding up the count.
    let parts = Swift.min(
      workers * chunksPerThread,
      Swift.max(workers, rows.count / Swift.max(1, tuning.minimumRowsPerThread / 4)))
    let queue = ChunkQueue(bounds: chunkBounds(rows, parts: parts))
    let slots = UnsafeMutableBufferPointer<ScatterState?>.allocate(capacity: workers)
    slots.initialize(repeating: nil)
    let failures = UnsafeMutableBufferPointer<CountingKernelError?>.allocate(capacity: parts)
    failures.initialize(repeating: nil)
    defer {
      for index in slots.indices { slots[index]?.deallocate() }
      slots.deinitialize()
      slots.deallocate()
      failures.deinitialize()
      failures.deallocate()
    }
    let context = WorkerContext(
      plan: plan, queue: queue, slots: slots, failures: failures, tuning: tuning)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      context.run(worker: worker)
    }
    // Chunks are in row order, so the first failed chunk holds the first bad row.
    if let error = failures.lazy.compactMap({ $0 }).first { throw error }
    checkInvariants(plan, states: slots.lazy.compactMap { $0 })
    for state in slots { state?.merge(into: table) }
  }

  /// Chunks per thread in a multi-threaded count (at least a quarter of
  /// `minimumRowsPerThread` rows each).
  internal static let chunksPerThread = 8

  /// The most rows counted by ``countSmall(_:into:key:)``: 8,192, or half as many rows as cells
  /// (then clearing and merging a private table would dominate), at most 2²⁰.
  internal static func smallCountLimit(cellCount: Int) -> Int {
    Swift.min(1 << 20, Swift.max(8_192, cellCount / 2))
  }

  /// Splits `rows` into `parts` contiguous chunks of nearly equal size whose inner boundaries
  /// are multiples of 64 rows (whole cache lines of every column).
  internal static func chunkBounds(_ rows: Range<Int>, parts: Int) -> [Int] {
    var bounds = [rows.lowerBound]
    for part in 1..<parts {
      let split = rows.lowerBound + Int((Int64(rows.count) * Int64(part)) / Int64(parts))
      bounds.append(Swift.max(bounds[part - 1], Swift.min(rows.upperBound, split & ~63)))
    }
    bounds.append(rows.upperBound)
    return bounds
  }

  /// The chunks of one count, handed to worker threads in row order.
  ///
  /// `@unchecked Sendable`: `next` and `firstFailure` are only touched with `lock` held.
  internal final class ChunkQueue: @unchecked Sendable {
    /// Chunk *i* is rows `bounds[i] ..< bounds[i + 1]`.
    let bounds: [Int]
    private let lock = NSLock()
    private var next = 0
    private var firstFailure = Int.max

    init(bounds: [Int]) {
      self.bounds = bounds
    }

    /// The next chunk to count, or `nil` when none is left (or every chunk left comes after
    /// one that failed, so its rows cannot hold the first bad row).
    func take() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard next < bounds.count - 1, next < firstFailure else { return nil }
      next += 1
      return next - 1
    }

    /// Records that `chunk` holds a bad code.
    func fail(_ chunk: Int) {
      lock.lock()
      firstFailure = Swift.min(firstFailure, chunk)
      lock.unlock()
    }
  }

  /// One count's inputs and result slots, shared with the worker threads.
  ///
  /// `@unchecked Sendable` is sound here because: the columns and weights are only read while
  /// `concurrentPerform` runs (the caller promises not to mutate them during the call); worker
  /// *i* writes only `slots[i]`, and `failures[c]` is written only by the one worker that took
  /// chunk *c* from the queue; and `concurrentPerform` returns only after every worker has
  /// finished, so the caller's later reads happen after all the writes. Thread Sanitizer
  /// (`swift test --sanitize=thread`) checks this in the kernel tests.
  internal struct WorkerContext: @unchecked Sendable {
    let plan: CountingPlan
    let queue: ChunkQueue
    let slots: UnsafeMutableBufferPointer<ScatterState?>
    let failures: UnsafeMutableBufferPointer<CountingKernelError?>
    let tuning: KernelTuning

    /// Counts chunks into a private table until none is left.
    func run(worker: Int) {
      var state: ScatterState?
      while let chunk = queue.take() {
        if state == nil {
          state = ScatterState(cellCount: plan.cellCount, limit: tuning.privateTableLimit)
        }
        do throws(CountingKernelError) {
          try countChunk(plan, rows: queue.bounds[chunk]..<queue.bounds[chunk + 1], state: &state!)
        } catch {
          failures[chunk] = error
          queue.fail(chunk)
        }
      }
      slots[worker] = state
    }
  }
}

/// The validated arguments of one count.
internal struct CountingPlan {
  let columns: [KernelColumn]
  /// The weight of row 0, when the rows are weighted.
  let weights: UnsafePointer<UInt32>?
  let rows: Range<Int>
  let cellCount: Int
  /// Whether cell indices fit 16 bits (at most 65,536 cells).
  let narrowKeys: Bool

  init(
    columns: [KernelColumn], weights: UnsafeBufferPointer<UInt32>?, rows: Range<Int>?,
    table: UnsafeMutableBufferPointer<UInt64>
  ) throws(CountingKernelError) {
    let cells = try CountingKernel.cellCount(of: columns)
    guard table.count == cells else {
      throw CountingKernelError(.tableSizeMismatch(count: table.count, expected: cells))
    }
    let length = columns.first?.count ?? weights?.count ?? (rows?.upperBound ?? 0)
    for (dimension, column) in columns.enumerated() where column.count != length {
      throw CountingKernelError(
        .lengthMismatch(dimension: dimension, count: column.count, expected: length))
    }
    if let weights, weights.count != length {
      throw CountingKernelError(
        .lengthMismatch(dimension: nil, count: weights.count, expected: length))
    }
    let rows = rows ?? 0..<length
    guard rows.lowerBound >= 0, rows.upperBound <= length else {
      throw CountingKernelError(.rowsOutOfBounds(rows: rows, count: length))
    }
    self.columns = columns
    self.weights = weights?.baseAddress
    self.rows = rows
    self.cellCount = cells
    self.narrowKeys = cells <= 1 << 16
  }
}
