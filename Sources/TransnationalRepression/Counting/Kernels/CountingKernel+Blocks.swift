// The hot loops of CountingKernel: per block of rows, build fused keys into an L1-resident
// buffer (a vectorizable loop: unsafe pointers, wrapping arithmetic, no bounds or overflow
// checks), check the block's codes with a running maximum, then scatter into the private table.
//
// All code arithmetic wraps in the width of the key (UInt16 or UInt32). For valid codes every
// intermediate value is below the cell count, which fits the key, so wrapping never changes a
// valid key; a block holding an invalid code is rejected before its keys are used.

/// An unsigned code or key type the kernel specializes for.
internal typealias KernelInteger = FixedWidthInteger & UnsignedInteger

extension CountingKernel {
  /// Counts `rows` into `state`, choosing a fused loop for the shape of the columns.
  internal static func countChunk(
    _ plan: CountingPlan, rows: Range<Int>, state: inout ScatterState
  ) throws(CountingKernelError) {
    let columns = plan.columns
    if columns.count == 3 {
      let (x, y, z) = (columns[0], columns[1], columns[2])
      switch (x.storage, y.storage, z.storage) {
      case (.uint16(let a), .uint8(let b), .uint16(let c)):
        return try fused3(a, b, c, plan, rows, &state)
      case (.uint16(let a), .uint16(let b), .uint16(let c)):
        return try fused3(a, b, c, plan, rows, &state)
      case (.uint16(let a), .uint8(let b), .uint8(let c)):
        return try fused3(a, b, c, plan, rows, &state)
      case (.uint16(let a), .uint16(let b), .uint8(let c)):
        return try fused3(a, b, c, plan, rows, &state)
      case (.uint8(let a), .uint8(let b), .uint16(let c)):
        return try fused3(a, b, c, plan, rows, &state)
      case (.uint8(let a), .uint16(let b), .uint16(let c)):
        return try fused3(a, b, c, plan, rows, &state)
      case (.uint8(let a), .uint8(let b), .uint8(let c)):
        return try fused3(a, b, c, plan, rows, &state)
      case (.uint8(let a), .uint16(let b), .uint8(let c)):
        return try fused3(a, b, c, plan, rows, &state)
      default:
        break
      }
    } else if columns.count == 2 {
      switch (columns[0].storage, columns[1].storage) {
      case (.uint16(let a), .uint8(let b)): return try fused2(a, b, plan, rows, &state)
      case (.uint16(let a), .uint16(let b)): return try fused2(a, b, plan, rows, &state)
      case (.uint8(let a), .uint16(let b)): return try fused2(a, b, plan, rows, &state)
      case (.uint8(let a), .uint8(let b)): return try fused2(a, b, plan, rows, &state)
      default: break
      }
    }
    // One column (any width), four or more, 32-bit codes, or none: one pass per column.
    if plan.narrowKeys {
      try columnwise(plan, rows, &state, key: UInt16.self)
    } else {
      try columnwise(plan, rows, &state, key: UInt32.self)
    }
  }

  // MARK: Three columns

  /// Three 8- or 16-bit columns: picks 16- or 32-bit keys.
  @inline(__always)
  static func fused3<A: KernelInteger, B: KernelInteger, C: KernelInteger>(
    _ a: UnsafeBufferPointer<A>, _ b: UnsafeBufferPointer<B>, _ c: UnsafeBufferPointer<C>,
    _ plan: CountingPlan, _ rows: Range<Int>, _ state: inout ScatterState
  ) throws(CountingKernelError) {
    if plan.narrowKeys {
      try fused3(a, b, c, plan, rows, &state, key: UInt16.self)
    } else {
      try fused3(a, b, c, plan, rows, &state, key: UInt32.self)
    }
  }

  /// Three columns, one fused loop per block: `key = ra * (eb * ec) + rb * ec + rc`, with a
  /// running maximum of each relative code for the range check. The (UInt16, UInt8, UInt16)
  /// specialization with 16-bit keys is the benchmark's (country, kind, year).
  @inline(never)
  static func fused3<A: KernelInteger, B: KernelInteger, C: KernelInteger, K: KernelInteger>(
    _ a: UnsafeBufferPointer<A>, _ b: UnsafeBufferPointer<B>, _ c: UnsafeBufferPointer<C>,
    _ plan: CountingPlan, _ rows: Range<Int>, _ state: inout ScatterState, key: K.Type
  ) throws(CountingKernelError) {
    let columns = plan.columns
    let (extentA, extentB, extentC) = (columns[0].extent, columns[1].extent, columns[2].extent)
    let offsetA = A(truncatingIfNeeded: columns[0].offset)
    let offsetB = B(truncatingIfNeeded: columns[1].offset)
    let offsetC = C(truncatingIfNeeded: columns[2].offset)
    let strideA = K(truncatingIfNeeded: extentB &* extentC)
    let strideB = K(truncatingIfNeeded: extentC)
    let keys = UnsafeMutablePointer<K>.allocate(capacity: blockRows)
    keys.initialize(repeating: 0, count: blockRows)
    defer { keys.deallocate() }
    let baseA = a.baseAddress!
    let baseB = b.baseAddress!
    let baseC = c.baseAddress!

    var start = rows.lowerBound
    while start < rows.upperBound {
      let count = Swift.min(blockRows, rows.upperBound - start)
      let pa = baseA + start
      let pb = baseB + start
      let pc = baseC + start
      var maxA: A = 0
      var maxB: B = 0
      var maxC: C = 0
      for row in 0..<count {
        let ra = pa[row] &- offsetA
        let rb = pb[row] &- offsetB
        let rc = pc[row] &- offsetC
        maxA = Swift.max(maxA, ra)
        maxB = Swift.max(maxB, rb)
        maxC = Swift.max(maxC, rc)
        keys[row] =
          K(truncatingIfNeeded: ra) &* strideA &+ K(truncatingIfNeeded: rb) &* strideB
          &+ K(truncatingIfNeeded: rc)
      }
      if Int(maxA) >= extentA || Int(maxB) >= extentB || Int(maxC) >= extentC {
        throw firstBadRow(plan, in: start..<start + count)
      }
      scatter(keys, count: count, firstRow: start, plan, &state)
      start += count
    }
  }

  // MARK: Two columns

  /// Two 8- or 16-bit columns: picks 16- or 32-bit keys.
  @inline(__always)
  static func fused2<A: KernelInteger, B: KernelInteger>(
    _ a: UnsafeBufferPointer<A>, _ b: UnsafeBufferPointer<B>,
    _ plan: CountingPlan, _ rows: Range<Int>, _ state: inout ScatterState
  ) throws(CountingKernelError) {
    if plan.narrowKeys {
      try fused2(a, b, plan, rows, &state, key: UInt16.self)
    } else {
      try fused2(a, b, plan, rows, &state, key: UInt32.self)
    }
  }

  /// Two columns, one fused loop per block: `key = ra * eb + rb`.
  @inline(never)
  static func fused2<A: KernelInteger, B: KernelInteger, K: KernelInteger>(
    _ a: UnsafeBufferPointer<A>, _ b: UnsafeBufferPointer<B>,
    _ plan: CountingPlan, _ rows: Range<Int>, _ state: inout ScatterState, key: K.Type
  ) throws(CountingKernelError) {
    let columns = plan.columns
    let (extentA, extentB) = (columns[0].extent, columns[1].extent)
    let offsetA = A(truncatingIfNeeded: columns[0].offset)
    let offsetB = B(truncatingIfNeeded: columns[1].offset)
    let strideA = K(truncatingIfNeeded: extentB)
    let keys = UnsafeMutablePointer<K>.allocate(capacity: blockRows)
    keys.initialize(repeating: 0, count: blockRows)
    defer { keys.deallocate() }
    let baseA = a.baseAddress!
    let baseB = b.baseAddress!

    var start = rows.lowerBound
    while start < rows.upperBound {
      let count = Swift.min(blockRows, rows.upperBound - start)
      let pa = baseA + start
      let pb = baseB + start
      var maxA: A = 0
      var maxB: B = 0
      for row in 0..<count {
        let ra = pa[row] &- offsetA
        let rb = pb[row] &- offsetB
        maxA = Swift.max(maxA, ra)
        maxB = Swift.max(maxB, rb)
        keys[row] = K(truncatingIfNeeded: ra) &* strideA &+ K(truncatingIfNeeded: rb)
      }
      if Int(maxA) >= extentA || Int(maxB) >= extentB {
        throw firstBadRow(plan, in: start..<start + count)
      }
      scatter(keys, count: count, firstRow: start, plan, &state)
      start += count
    }
  }

  // MARK: Any shape

  /// Any columns: per block, folds one column at a time into the keys (see `fold`). Used for
  /// one column, for four or more, for 32-bit codes and for none.
  @inline(never)
  static func columnwise<K: KernelInteger>(
    _ plan: CountingPlan, _ rows: Range<Int>, _ state: inout ScatterState, key: K.Type
  ) throws(CountingKernelError) {
    let keys = UnsafeMutablePointer<K>.allocate(capacity: blockRows)
    keys.initialize(repeating: 0, count: blockRows)
    defer { keys.deallocate() }
    let columns = plan.columns

    var start = rows.lowerBound
    while start < rows.upperBound {
      let count = Swift.min(blockRows, rows.upperBound - start)
      for (dimension, column) in columns.enumerated() {
        let valid: Bool
        switch column.storage {
        case .uint8(let codes):
          valid = fold(codes.baseAddress! + start, column, into: keys, count, first: dimension == 0)
        case .uint16(let codes):
          valid = fold(codes.baseAddress! + start, column, into: keys, count, first: dimension == 0)
        case .uint32(let codes):
          valid = fold(codes.baseAddress! + start, column, into: keys, count, first: dimension == 0)
        }
        if !valid { throw firstBadRow(plan, in: start..<start + count) }
      }
      scatter(keys, count: count, firstRow: start, plan, &state)
      start += count
    }
  }

  /// Folds one column into the keys: `key = key * extent + (code - offset)` (or
  /// `key = code - offset` for the first column). Returns whether every code was valid.
  @inline(__always)
  static func fold<T: KernelInteger, K: KernelInteger>(
    _ codes: UnsafePointer<T>, _ column: KernelColumn, into keys: UnsafeMutablePointer<K>,
    _ count: Int, first: Bool
  ) -> Bool {
    let offset = T(truncatingIfNeeded: column.offset)
    var maximum: T = 0
    if first {
      for row in 0..<count {
        let relative = codes[row] &- offset
        maximum = Swift.max(maximum, relative)
        keys[row] = K(truncatingIfNeeded: relative)
      }
    } else {
      let extent = K(truncatingIfNeeded: column.extent)
      for row in 0..<count {
        let relative = codes[row] &- offset
        maximum = Swift.max(maximum, relative)
        keys[row] = keys[row] &* extent &+ K(truncatingIfNeeded: relative)
      }
    }
    return UInt64(maximum) < UInt64(column.extent)
  }

  // MARK: Few rows

  /// Counts a few rows (see ``smallCountLimit(cellCount:)``) without a private table: builds
  /// and checks every key first, one column at a time, then adds straight into `table`, which is
  /// therefore untouched when a code is out of range.
  @inline(never)
  static func countSmall<K: KernelInteger>(
    _ plan: CountingPlan, into table: UnsafeMutableBufferPointer<UInt64>, key: K.Type
  ) throws(CountingKernelError) {
    let rows = plan.rows
    let count = rows.count
    let keys = UnsafeMutablePointer<K>.allocate(capacity: count)
    keys.initialize(repeating: 0, count: count)
    defer { keys.deallocate() }
    for (dimension, column) in plan.columns.enumerated() {
      let valid: Bool
      switch column.storage {
      case .uint8(let codes):
        valid = fold(
          codes.baseAddress! + rows.lowerBound, column, into: keys, count, first: dimension == 0)
      case .uint16(let codes):
        valid = fold(
          codes.baseAddress! + rows.lowerBound, column, into: keys, count, first: dimension == 0)
      case .uint32(let codes):
        valid = fold(
          codes.baseAddress! + rows.lowerBound, column, into: keys, count, first: dimension == 0)
      }
      if !valid { throw firstBadRow(plan, in: rows) }
    }
    let cells = table.baseAddress!
    if let weights = plan.weights {
      let weights = weights + rows.lowerBound
      for row in 0..<count { cells[Int(keys[row])] &+= UInt64(weights[row]) }
    } else {
      for row in 0..<count { cells[Int(keys[row])] &+= 1 }
    }
  }

  // MARK: Shared steps

  /// Adds a block of keys (and their weights, when the rows are weighted) into the table.
  @inline(__always)
  static func scatter<K: KernelInteger>(
    _ keys: UnsafeMutablePointer<K>, count: Int, firstRow: Int, _ plan: CountingPlan,
    _ state: inout ScatterState
  ) {
    if let weights = plan.weights {
      state.add(keys: keys, weights: weights + firstRow, count: count)
    } else {
      state.add(keys: keys, count: count)
    }
  }

  /// The error for the first row in `block` holding a code outside its column's range (slow
  /// path, taken only for a block already known to hold one).
  @inline(never)
  static func firstBadRow(_ plan: CountingPlan, in block: Range<Int>) -> CountingKernelError {
    for row in block {
      for (dimension, column) in plan.columns.enumerated() {
        let code = column.code(at: row)
        if !column.validCodes.contains(code) {
          return CountingKernelError(
            .codeOutOfRange(dimension: dimension, row: row, code: code, valid: column.validCodes))
        }
      }
    }
    preconditionFailure("CountingKernel: a block failed its range check but holds no bad code")
  }
}
