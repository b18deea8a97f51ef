import Testing

@testable import TransnationalRepression

/// The counting kernel against a plain dictionary count, on seeded random columns.
@Suite("CountingKernel")
struct CountingKernelTests {
  // MARK: Fixtures (test support, not API)

  /// A deterministic generator (splitmix64) so that failures reproduce.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// The width of a test column's codes.
  enum Width: Sendable { case u8, u16, u32 }

  /// A dimension to generate: code width, offset and extent.
  struct Dimension: Sendable, CustomStringConvertible {
    var width: Width
    var offset: Int
    var extent: Int
    var description: String { "\(width)[\(offset)..<\(offset + extent)]" }
  }

  /// Columns owned by the test (freed on release), with the views the kernel takes.
  final class Columns {
    let dimensions: [Dimension]
    let rows: Int
    var codes: [[Int]]
    private var u8: [UnsafeMutableBufferPointer<UInt8>] = []
    private var u16: [UnsafeMutableBufferPointer<UInt16>] = []
    private var u32: [UnsafeMutableBufferPointer<UInt32>] = []
    private(set) var kernelColumns: [KernelColumn] = []
    let weightStorage: UnsafeMutableBufferPointer<UInt32>

    init(_ dimensions: [Dimension], rows: Int, seed: UInt64, maxWeight: UInt32 = 1_000) {
      self.dimensions = dimensions
      self.rows = rows
      var random = SeededGenerator(state: seed)
      // Skewed codes (like the real data): half the rows take one of the first few codes.
      codes = dimensions.map { dimension in
        (0..<rows).map { _ in
          let hot = Bool.random(using: &random)
          let span = hot ? min(3, dimension.extent) : dimension.extent
          return dimension.offset + Int.random(in: 0..<span, using: &random)
        }
      }
      weightStorage = .allocate(capacity: rows)
      for row in 0..<rows {
        weightStorage[row] = UInt32.random(in: 0...maxWeight, using: &random)
      }
      rebuildViews()
    }

    /// Rebuilds the typed buffers from `codes` (after a test edits a code).
    func rebuildViews() {
      freeColumns()
      kernelColumns = zip(dimensions, codes).map { dimension, values in
        switch dimension.width {
        case .u8:
          let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: rows)
          for row in 0..<rows { buffer[row] = UInt8(truncatingIfNeeded: values[row]) }
          u8.append(buffer)
          return KernelColumn(
            UnsafeBufferPointer(buffer), offset: dimension.offset, extent: dimension.extent)
        case .u16:
          let buffer = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: rows)
          for row in 0..<rows { buffer[row] = UInt16(truncatingIfNeeded: values[row]) }
          u16.append(buffer)
          return KernelColumn(
            UnsafeBufferPointer(buffer), offset: dimension.offset, extent: dimension.extent)
        case .u32:
          let buffer = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: rows)
          for row in 0..<rows { buffer[row] = UInt32(truncatingIfNeeded: values[row]) }
          u32.append(buffer)
          return KernelColumn(
            UnsafeBufferPointer(buffer), offset: dimension.offset, extent: dimension.extent)
        }
      }
    }

    var weights: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(weightStorage) }

    var cellCount: Int { dimensions.reduce(1) { $0 * $1.extent } }

    /// The reference: a dictionary keyed by the row-major cell index, made dense.
    func reference(weighted: Bool, rows range: Range<Int>? = nil) -> [UInt64] {
      var counts: [Int: UInt64] = [:]
      for row in range ?? 0..<rows {
        var cell = 0
        for (dimension, values) in zip(dimensions, codes) {
          cell = cell * dimension.extent + (values[row] - dimension.offset)
        }
        counts[cell, default: 0] += weighted ? UInt64(weightStorage[row]) : 1
      }
      var table = [UInt64](repeating: 0, count: cellCount)
      for (cell, count) in counts { table[cell] = count }
      return table
    }

    private func freeColumns() {
      for buffer in u8 { buffer.deallocate() }
      for buffer in u16 { buffer.deallocate() }
      for buffer in u32 { buffer.deallocate() }
      (u8, u16, u32) = ([], [], [])
    }

    deinit {
      freeColumns()
      weightStorage.deallocate()
    }
  }

  /// Runs the kernel into a fresh table with the given tuning.
  static func run(
    _ columns: Columns, weighted: Bool, threads: Int, rows: Range<Int>? = nil,
    tuning: KernelTuning = KernelTuning()
  ) throws(CountingKernelError) -> [UInt64] {
    var table = [UInt64](repeating: 0, count: columns.cellCount)
    try table.withUnsafeMutableBufferPointer { (buffer) throws(CountingKernelError) in
      try CountingKernel.count(
        columns: columns.kernelColumns, weights: weighted ? columns.weights : nil, rows: rows,
        threads: threads, into: buffer, tuning: tuning)
    }
    return table
  }

  /// Tuning that sends even small inputs through the blocked, multi-threaded path.
  static var blockedTuning: KernelTuning {
    var tuning = KernelTuning()
    tuning.minimumRowsPerThread = 64
    tuning.smallCountLimit = 0
    return tuning
  }

  static let country = Dimension(width: .u16, offset: 0, extent: 250)
  static let kind = Dimension(width: .u8, offset: 0, extent: 3)
  static let year = Dimension(width: .u16, offset: 1997, extent: 30)

  /// Shapes covering every path: fused 2- and 3-column loops with 16- and 32-bit keys, the
  /// column-by-column loop (one column, four columns, 32-bit codes).
  static let shapes: [[Dimension]] = [
    [country],
    [country, kind],
    [kind, year],
    [country, kind, year],
    [
      Dimension(width: .u8, offset: 0, extent: 11), year,
      Dimension(width: .u8, offset: 0, extent: 10),
      Dimension(width: .u32, offset: 100, extent: 5),
    ],
    [
      Dimension(width: .u16, offset: 3, extent: 300),
      Dimension(width: .u16, offset: 0, extent: 300),
      Dimension(width: .u8, offset: 250, extent: 6),
    ],
    [
      Dimension(width: .u32, offset: 5, extent: 1_000),
      Dimension(width: .u8, offset: 0, extent: 70),
    ],
    [
      Dimension(width: .u8, offset: 0, extent: 256),
      Dimension(width: .u16, offset: 65_000, extent: 536),
    ],
  ]

  // MARK: Agreement with the dictionary count

  @Test(
    "matches a dictionary count for every size, shape, weighting and thread count",
    arguments: [0, 1, 255, 257, 4_095, 4_096, 4_097, 100_000])
  func matchesDictionaryCount(rows: Int) throws {
    for (index, shape) in Self.shapes.enumerated() {
      let columns = Columns(shape, rows: rows, seed: UInt64(rows * 31 + index))
      for weighted in [false, true] {
        let expected = columns.reference(weighted: weighted)
        for threads in [1, 2, 3, 7] {
          let defaultPath = try Self.run(columns, weighted: weighted, threads: threads)
          #expect(
            defaultPath == expected, "shape \(shape), weighted \(weighted), \(threads) threads")
          let blocked = try Self.run(
            columns, weighted: weighted, threads: threads, tuning: Self.blockedTuning)
          #expect(
            blocked == expected, "blocked: shape \(shape), weighted \(weighted), \(threads) threads"
          )
        }
      }
    }
  }

  @Test("every fused combination of 8- and 16-bit columns, and a 32-bit fallback")
  func everyFusedCombination() throws {
    let small = Dimension(width: .u8, offset: 1, extent: 5)
    let wide = Dimension(width: .u16, offset: 1_000, extent: 40)
    let widths: [[Dimension]] = [small, wide].flatMap { a in
      [small, wide].flatMap { b in [small, wide].map { c in [a, b, c] } }
    }
    let shapes =
      widths + [
        [wide, Dimension(width: .u32, offset: 7, extent: 9), small],
        [
          Dimension(width: .u16, offset: 0, extent: 1),
          Dimension(width: .u16, offset: 0, extent: 256),
          Dimension(width: .u16, offset: 0, extent: 256),
        ],
      ]
    for (index, shape) in shapes.enumerated() {
      let columns = Columns(shape, rows: 9_000, seed: UInt64(500 + index))
      for weighted in [false, true] {
        let expected = columns.reference(weighted: weighted)
        for threads in [1, 2] {
          #expect(
            try Self.run(
              columns, weighted: weighted, threads: threads, tuning: Self.blockedTuning)
              == expected,
            "shape \(shape)")
          #expect(try Self.run(columns, weighted: weighted, threads: threads) == expected)
        }
      }
    }
  }

  @Test("counts a row range", arguments: [1, 2, 3, 7])
  func countsRowRange(threads: Int) throws {
    let columns = Columns([Self.country, Self.kind, Self.year], rows: 20_000, seed: 7)
    for range in [0..<0, 5..<6, 123..<4_219, 4_096..<20_000, 1..<19_999] {
      for weighted in [false, true] {
        let expected = columns.reference(weighted: weighted, rows: range)
        #expect(
          try Self.run(columns, weighted: weighted, threads: threads, rows: range) == expected)
        #expect(
          try Self.run(
            columns, weighted: weighted, threads: threads, rows: range, tuning: Self.blockedTuning)
            == expected)
      }
    }
  }

  @Test("adds to the table rather than overwriting it")
  func accumulates() throws {
    let columns = Columns([Self.kind, Self.year], rows: 10_000, seed: 11)
    var table = [UInt64](repeating: 5, count: columns.cellCount)
    try table.withUnsafeMutableBufferPointer { (buffer) throws(CountingKernelError) in
      try CountingKernel.count(columns: columns.kernelColumns, rows: 0..<6_000, into: buffer)
      try CountingKernel.count(columns: columns.kernelColumns, rows: 6_000..<10_000, into: buffer)
    }
    #expect(table == columns.reference(weighted: false).map { $0 + 5 })
  }

  @Test("the returning overload equals the in-place one")
  func returningOverload() throws {
    let columns = Columns([Self.country, Self.kind, Self.year], rows: 50_000, seed: 3)
    let table = try CountingKernel.count(columns: columns.kernelColumns, weights: columns.weights)
    #expect(table == columns.reference(weighted: true))
    #expect(try CountingKernel.cellCount(of: columns.kernelColumns) == 22_500)
  }

  @Test("no columns count every row into one cell")
  func noColumns() throws {
    let columns = Columns([], rows: 9_000, seed: 5)
    var table: [UInt64] = [0]
    try table.withUnsafeMutableBufferPointer { (buffer) throws(CountingKernelError) in
      try CountingKernel.count(columns: [], weights: columns.weights, into: buffer)
    }
    #expect(table == [columns.reference(weighted: true)[0]])
    #expect(try CountingKernel.count(columns: [], rows: 0..<0) == [0])
  }

  // MARK: 32-bit private tables never overflow

  @Test("weights near UInt32.max take the 64-bit path", arguments: [1, 2, 3])
  func hugeWeights(threads: Int) throws {
    let columns = Columns([Self.kind], rows: 10_000, seed: 13)
    for row in 0..<columns.rows { columns.weightStorage[row] = UInt32.max - UInt32(row % 3) }
    let expected = columns.reference(weighted: true)
    #expect(expected.reduce(0, +) > UInt64(UInt32.max) * 9_000)
    #expect(try Self.run(columns, weighted: true, threads: threads) == expected)
    #expect(
      try Self.run(columns, weighted: true, threads: threads, tuning: Self.blockedTuning)
        == expected)
  }

  @Test("a private table is flushed before a cell could pass UInt32.max", arguments: [1, 2])
  func flushesBeforeOverflow(threads: Int) throws {
    // 32,768 rows of weight 2^19 (2^34 in all) in cell 0: a 32-bit cell would overflow four
    // times over without the flushes.
    let columns = Columns([Dimension(width: .u8, offset: 0, extent: 2)], rows: 8 * 4_096, seed: 17)
    for row in 0..<columns.rows {
      columns.codes[0][row] = 0
      columns.weightStorage[row] = 1 << 19
    }
    columns.rebuildViews()
    var tuning = Self.blockedTuning
    tuning.minimumRowsPerThread = 4 * 4_096
    let table = try Self.run(columns, weighted: true, threads: threads, tuning: tuning)
    #expect(table == [UInt64(8 * 4_096) << 19, 0])
  }

  @Test("counts flush at the private-table limit, with and without lanes", arguments: [1, 3])
  func flushAtLimit(threads: Int) throws {
    // 750 cells are kept as four lanes, 22,500 cells as one table.
    for shape in [[Self.country, Self.kind], [Self.country, Self.kind, Self.year]] {
      let columns = Columns(shape, rows: 30_000, seed: 19)
      var tuning = Self.blockedTuning
      tuning.privateTableLimit = 5_000
      #expect(
        try Self.run(columns, weighted: false, threads: threads, tuning: tuning)
          == columns.reference(weighted: false))
      // Weights up to 1,000: some 256-row blocks exceed the limit alone and go to the spill table.
      #expect(
        try Self.run(columns, weighted: true, threads: threads, tuning: tuning)
          == columns.reference(weighted: true))
    }
  }

  // MARK: Checked inputs

  @Test("a code out of range throws, names the first bad row and leaves the table unchanged")
  func codeOutOfRange() throws {
    let shapes = [Self.shapes[1], Self.shapes[3], Self.shapes[4], Self.shapes[6]]
    for (index, shape) in shapes.enumerated() {
      let columns = Columns(shape, rows: 30_000, seed: UInt64(100 + index))
      let dimension = shape.count - 1
      let first = 17_000 + index
      // One code just below the range, one just above, later.
      columns.codes[dimension][first] = shape[dimension].offset + shape[dimension].extent
      if shape[0].offset > 0 { columns.codes[0][first + 9] = shape[0].offset - 1 }
      columns.codes[0][first + 5_000] = shape[0].offset + shape[0].extent
      columns.rebuildViews()
      for tuning in [KernelTuning(), Self.blockedTuning] {
        for threads in [1, 2, 3, 7] {
          var table = [UInt64](repeating: 9, count: columns.cellCount)
          let error = #expect(throws: CountingKernelError.self) {
            try table.withUnsafeMutableBufferPointer { (buffer) throws(CountingKernelError) in
              try CountingKernel.count(
                columns: columns.kernelColumns, threads: threads, into: buffer, tuning: tuning)
            }
          }
          #expect(error?.reason == .codeOutOfRange)
          #expect(error?.row == first, "shape \(shape), \(threads) threads")
          #expect(error?.dimension == dimension)
          #expect(error?.code == shape[dimension].offset + shape[dimension].extent)
          #expect(table.allSatisfy { $0 == 9 }, "the table must be unchanged")
        }
      }
      // Rows before the bad one still count.
      #expect(
        try Self.run(columns, weighted: false, threads: 2, rows: 0..<first)
          == columns.reference(weighted: false, rows: 0..<first))
    }
  }

  @Test("a code below the offset is out of range")
  func codeBelowOffset() {
    let columns = Columns([Self.year], rows: 100, seed: 23)
    columns.codes[0][42] = 1996
    columns.rebuildViews()
    let error = #expect(throws: CountingKernelError.self) {
      try CountingKernel.count(columns: columns.kernelColumns)
    }
    #expect(error?.row == 42)
    #expect(error?.code == 1996)
    #expect(error?.description.contains("1997...2026") == true)
  }

  @Test("arguments that do not describe a table are rejected")
  func invalidArguments() throws {
    let columns = Columns([Self.country, Self.kind], rows: 1_000, seed: 29)
    let short = Columns([Self.kind], rows: 999, seed: 31)
    let cells = columns.cellCount
    func reason(
      _ kernelColumns: [KernelColumn], weights: UnsafeBufferPointer<UInt32>? = nil,
      rows: Range<Int>? = nil, threads: Int = 1, cells: Int
    ) -> CountingKernelError.Reason? {
      var table = [UInt64](repeating: 0, count: cells)
      do {
        try table.withUnsafeMutableBufferPointer { (buffer) throws(CountingKernelError) in
          try CountingKernel.count(
            columns: kernelColumns, weights: weights, rows: rows, threads: threads, into: buffer)
        }
        return nil
      } catch {
        return error.reason
      }
    }
    let country = columns.kernelColumns[0]
    #expect(reason(columns.kernelColumns, cells: cells - 1) == .tableSizeMismatch)
    #expect(reason([country, short.kernelColumns[0]], cells: cells) == .lengthMismatch)
    #expect(reason(columns.kernelColumns, weights: short.weights, cells: cells) == .lengthMismatch)
    #expect(reason(columns.kernelColumns, rows: 10..<1_001, cells: cells) == .rowsOutOfBounds)
    #expect(reason(columns.kernelColumns, rows: -1..<5, cells: cells) == .rowsOutOfBounds)
    #expect(reason(columns.kernelColumns, threads: 0, cells: cells) == .invalidThreadCount)
    let kinds = short.kernelColumns[0]
    guard case .uint8(let codes) = kinds.storage else {
      Issue.record("expected 8-bit codes")
      return
    }
    #expect(reason([KernelColumn(codes, offset: 0, extent: 257)], cells: 257) == .invalidDimension)
    #expect(reason([KernelColumn(codes, offset: 200, extent: 57)], cells: 57) == .invalidDimension)
    #expect(reason([KernelColumn(codes, offset: -1, extent: 3)], cells: 3) == .invalidDimension)
    #expect(reason([KernelColumn(codes, offset: 0, extent: 0)], cells: 0) == .invalidDimension)
    #expect(throws: CountingKernelError.self) {
      try CountingKernel.cellCount(of: [KernelColumn](repeating: country, count: 5))
    }
    let error = #expect(throws: CountingKernelError.self) {
      try CountingKernel.cellCount(of: [KernelColumn](repeating: country, count: 5))
    }
    #expect(error?.reason == .tooManyCells)
    #expect(error?.dimension == 4)
  }

  @Test("every error explains itself")
  func descriptions() {
    let errors: [(CountingKernelError, String)] = [
      (
        CountingKernelError(.codeOutOfRange(dimension: 2, row: 7, code: 2030, valid: 1997..<2027)),
        "row 7 of dimension 2 has code 2030, outside the valid codes 1997...2026"
      ),
      (
        CountingKernelError(.lengthMismatch(dimension: 1, count: 5, expected: 6)),
        "dimension 1 has 5 rows"
      ),
      (
        CountingKernelError(.lengthMismatch(dimension: nil, count: 5, expected: 6)),
        "the weights have 5 rows"
      ),
      (CountingKernelError(.rowsOutOfBounds(rows: 3..<9, count: 8)), "rows 3..<9"),
      (CountingKernelError(.tableSizeMismatch(count: 3, expected: 4)), "the table has 3 cells"),
      (
        CountingKernelError(
          .invalidDimension(dimension: 0, offset: 250, extent: 10, codeBitWidth: 8)),
        "offset 250 and extent 10"
      ),
      (CountingKernelError(.tooManyCells(dimension: 3)), "more than 2^32 cells"),
      (CountingKernelError(.invalidThreadCount(0)), "thread count 0"),
    ]
    for (error, fragment) in errors {
      #expect(error.description.hasPrefix("CountingKernel: "))
      #expect(error.description.contains(fragment), "\(error.description)")
    }
    #expect(errors[1].0.dimension == 1 && errors[2].0.dimension == nil)
    #expect(errors[0].0.row == 7 && errors[3].0.row == nil && errors[3].0.code == nil)
  }

  @Test("chunks are contiguous, cover the rows and split on 64-row boundaries")
  func chunkBounds() {
    for (range, parts) in [(0..<1_000_000, 2), (5..<100_005, 3), (0..<100, 7), (0..<1, 2)] {
      let bounds = CountingKernel.chunkBounds(range, parts: parts)
      #expect(bounds.count == parts + 1)
      #expect(bounds.first == range.lowerBound && bounds.last == range.upperBound)
      #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 })
      #expect(bounds.dropFirst().dropLast().allSatisfy { $0 % 64 == 0 })
    }
  }
}
