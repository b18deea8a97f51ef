import TransnationalRepression

/// `tnr-benchmark columns` and `tnr-benchmark sweep`.
enum CountingCommands {
  static let peerName = "Swift (tnr-benchmark)"

  /// `columns FILE.bin`: counts (country, kind, year) of a gen.py binary file into the
  /// 22,500-cell table and checks the table checksum against the generator's.
  static func columns(_ options: Options) throws -> Int32 {
    guard options.operands.count == 1 else {
      throw UsageError("columns needs exactly one FILE.bin operand")
    }
    let path = options.operands[0]
    let (data, header) = try ColumnsFile.read(path: path)
    let threads = options.threads ?? CountingKernel.defaultThreadCount
    let repetitions = options.repetitions ?? (data.rows > 10_000_000 ? 5 : 7)
    let columns = [
      KernelColumn(UnsafeBufferPointer(data.country), extent: data.countries),
      KernelColumn(UnsafeBufferPointer(data.kind), extent: data.kinds),
      KernelColumn(UnsafeBufferPointer(data.year), offset: data.yearMin, extent: data.years),
    ]
    let table = DenseTable(cells: data.cellCount)
    let measurement = try Measurement.run(
      warmup: options.warmup, repetitions: repetitions, prepare: table.zero
    ) {
      try CountingKernel.count(columns: columns, threads: threads, into: table.cells)
    }
    let checksum = TableChecksum.fnv1a64(table.cells)
    let expected = ColumnsFile.expectedChecksum(path: path, header: header)
    var result = BenchmarkResult(
      name: "columns", unit: "rows", items: data.rows, threads: threads,
      measurement: measurement, warmup: options.warmup, checksum: checksum,
      peakResidentBytes: PeakMemory.bytes())
    result.details =
      [
        ("file", .string(path)),
        ("cells", .int(data.cellCount)),
        ("expected_checksum", expected.map { .string($0) } ?? .null),
        ("checksum_ok", expected.map { .bool($0 == checksum) } ?? .null),
      ] + peerFields(result, variant: "CountingKernel (blocked keys)")
    switch options.format {
    case .json:
      print(JSONValue.object(result.json))
    case .text:
      print("\(path): \(data.rows) rows, \(data.cellCount) cells, \(repetitions) repetitions")
      print(TextReport.results([result]))
      print(checksumLine(checksum, expected: expected))
    }
    return expected.map { $0 == checksum ? 0 : 1 } ?? 0
  }

  /// `sweep`: synthetic columns of growing size, each counted with 1 thread and all threads.
  static func sweep(_ options: Options) throws -> Int32 {
    let maximum = options.maximum ?? (options.smoke ? 1_000_000 : 100_000_000)
    let allThreads = options.threads ?? CountingKernel.defaultThreadCount
    var sizes: [Int] = []
    var size = 1_000
    while size <= maximum {
      sizes.append(size)
      size *= 10
    }
    if sizes.last != maximum { sizes.append(maximum) }

    let started = MonotonicClock.nanoseconds()
    let data = BaselineGenerator.generate(rows: maximum, threads: allThreads)
    let seconds = Double(MonotonicClock.nanoseconds() - started) * 1e-9
    if options.format == .text {
      print(
        "generated \(maximum) synthetic rows (gen.py's algorithm) in "
          + TextReport.duration(seconds))
    }
    let columns = [
      KernelColumn(UnsafeBufferPointer(data.country), extent: data.countries),
      KernelColumn(UnsafeBufferPointer(data.kind), extent: data.kinds),
      KernelColumn(UnsafeBufferPointer(data.year), offset: data.yearMin, extent: data.years),
    ]
    let table = DenseTable(cells: data.cellCount)
    var results: [BenchmarkResult] = []
    var failed = false
    for rows in sizes {
      for threads in Array(Set([1, allThreads])).sorted() {
        let repetitions =
          options.repetitions
          ?? (options.smoke
            ? 3 : rows >= 100_000_000 ? 5 : rows >= 1_000_000 ? 7 : 1_000_000 / rows * 7)
        let measurement = try Measurement.run(
          warmup: options.warmup, repetitions: repetitions, prepare: table.zero
        ) {
          try CountingKernel.count(
            columns: columns, rows: 0..<rows, threads: threads, into: table.cells)
        }
        let checksum = TableChecksum.fnv1a64(table.cells)
        let expected = BaselineGenerator.knownChecksums[rows]
        if let expected, expected != checksum { failed = true }
        var result = BenchmarkResult(
          name: "sweep", unit: "rows", items: rows, threads: threads, measurement: measurement,
          warmup: options.warmup, checksum: checksum, peakResidentBytes: PeakMemory.bytes())
        result.details =
          [
            ("expected_checksum", expected.map { .string($0) } ?? .null),
            ("checksum_ok", expected.map { .bool($0 == checksum) } ?? .null),
          ] + peerFields(result, variant: "CountingKernel (blocked keys), synthetic in memory")
        if options.format == .json { print(JSONValue.object(result.json)) }
        results.append(result)
      }
    }
    if options.format == .text {
      let header = ["rows", "threads", "median", "p10", "p90", "min", "rows/s", "checksum"]
      let rows = results.map { result -> [String] in
        let m = result.measurement
        let expected = BaselineGenerator.knownChecksums[result.items]
        let mark =
          expected == nil
          ? "" : expected == result.checksum ? " (gen.py: ok)" : " (gen.py: MISMATCH)"
        return [
          "\(result.items)", "\(result.threads)", TextReport.duration(m.median),
          TextReport.duration(m.p10), TextReport.duration(m.p90), TextReport.duration(m.minimum),
          TextReport.rate(result.itemsPerSecond), (result.checksum ?? "-") + mark,
        ]
      }
      print(TextReport.table(header: header, rows: rows))
      print("peak RSS \(TextReport.bytes(PeakMemory.bytes()))")
    }
    if failed { printError("error: a table checksum differs from gen.py's") }
    return failed ? 1 : 0
  }

  /// Fields that let `Benchmarks/Peers/peers.py report` show this result beside the peers.
  static func peerFields(_ result: BenchmarkResult, variant: String) -> [(String, JSONValue)] {
    [
      ("group", .string("count")),
      ("peer", .string(peerName)),
      ("variant", .string("\(variant), \(result.threads) thread\(result.threads == 1 ? "" : "s")")),
      ("n", .int(result.items)),
      ("reps", .int(result.measurement.samples.count)),
      ("median_s", .double(result.measurement.median)),
      ("min_s", .double(result.measurement.minimum)),
      ("rows_per_s", .double(result.itemsPerSecond)),
    ]
  }

  static func checksumLine(_ checksum: String, expected: String?) -> String {
    guard let expected else { return "checksum \(checksum) (no generator checksum to compare)" }
    return expected == checksum
      ? "checksum \(checksum) matches the generator's"
      : "checksum \(checksum) DIFFERS from the generator's \(expected)"
  }
}
