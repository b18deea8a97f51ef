import Foundation
import TransnationalRepression

/// `tnr-benchmark csv FILE.csv`: gen.py's CSV end to end — read, validate every row through
/// ``BaselineCSV/mapping`` into columns, count (host, category, year) — with the table checksum
/// compared with the generator's (`FILE.csv.json`), in the JSON fields `Benchmarks/Peers/peers.py
/// report` reads (group `e2e`).
enum CSVCommands {
  static func csv(_ options: Options) throws -> Int32 {
    guard options.operands.count == 1 else {
      throw UsageError("csv needs exactly one FILE.csv operand")
    }
    let path = options.operands[0]
    let url = URL(fileURLWithPath: path)
    guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else {
      throw ColumnsFileError(path, "cannot read the file's size")
    }
    let threads = options.threads ?? CountingKernel.defaultThreadCount
    var table: CountTable<Int>?
    var rows = 0
    var rejected = 0
    PeakMemory.reset()
    let measurement = try Measurement.run(
      warmup: options.warmup, repetitions: options.repetitions ?? 7, prepare: { table = nil }
    ) {
      let result = try IncidentColumns.read(
        contentsOf: url, mapping: BaselineCSV.mapping, mode: .lenient, today: BaselineCSV.today,
        threads: threads)
      rows = result.report.dataRows
      rejected = result.report.rejected.count
      table = result.columns.countIncidents(BaselineCSV.query, threads: threads)
    }
    let checksum = table.map(BaselineCSV.checksum) ?? "-"
    let expected = expectedChecksum(path: path, rows: rows)
    var result = BenchmarkResult(
      name: "csv", unit: "rows", items: rows, threads: threads, measurement: measurement,
      warmup: options.warmup, checksum: checksum, peakResidentBytes: PeakMemory.bytes())
    result.bytes = size
    result.details =
      [
        ("file", .string(path)),
        ("rejected", .int(rejected)),
        ("expected_checksum", expected.map { .string($0) } ?? .null),
        ("checksum_ok", expected.map { .bool($0 == checksum) } ?? .null),
        ("group", .string("e2e")),
        ("peer", .string(CountingCommands.peerName)),
        (
          "variant",
          .string(
            "IncidentColumns.read (full validation) + countIncidents(host, category, year), "
              + "\(threads) thread\(threads == 1 ? "" : "s")")
        ),
        ("n", .int(rows)),
        ("reps", .int(measurement.samples.count)),
        ("median_s", .double(measurement.median)),
        ("min_s", .double(measurement.minimum)),
        ("rows_per_s", .double(result.itemsPerSecond)),
        ("csv_mb", .double((Double(size) / 1e4).rounded() / 100)),
      ]
    switch options.format {
    case .json:
      print(JSONValue.object(result.json))
    case .text:
      print("\(path): \(rows) rows (\(rejected) rejected), \(size) bytes")
      print(TextReport.results([result]))
      print(CountingCommands.checksumLine(checksum, expected: expected))
    }
    return expected.map { $0 == checksum ? 0 : 1 } ?? 0
  }

  /// The checksum gen.py recorded beside the file (`FILE.json`), else the published one for
  /// the standard size.
  static func expectedChecksum(path: String, rows: Int) -> String? {
    if let data = FileManager.default.contents(atPath: path + ".json"),
      let meta = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let checksum = meta["checksum"] as? String, (meta["n"] as? NSNumber)?.intValue == rows
    {
      return checksum
    }
    return BaselineGenerator.knownChecksums[rows]
  }
}
