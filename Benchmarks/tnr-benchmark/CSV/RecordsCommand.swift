import Foundation
import TransnationalRepression

/// `tnr-benchmark records FILE.csv`: the typed record paths on a canonical CSV (as
/// `tnr-benchmark scale generate` writes it): ``IncidentCSV/read(contentsOf:mapping:mode:today:rejectedRowNames:)``
/// on the file, and ``IncidentJSON/read(contentsOf:today:)`` on the same records written once
/// to a temporary JSON file with ``IncidentJSON/write(_:names:)``. Prints
/// `{"rows": N, "csv_rows_per_second": …, "json_rows_per_second": …,
/// "json_write_rows_per_second": …, "csv_peak_rss_bytes": …, "bytes_per_incident": …}` (the
/// writer timed on the records of the CSV read) (with `--format json`, followed by one result object per path in the
/// fields the other benchmarks write, group `records`).
///
/// `csv_peak_rss_bytes` is the process's peak resident size (VmHWM, reset before it) during one
/// read of the CSV, made before the timed ones (later reads reuse, and add to, what the
/// allocator kept of earlier ones); `bytes_per_incident` is what the records of that read hold
/// in memory: the resident size (VmRSS) with the result held minus before the read, over
/// the rows — `MemoryLayout<Incident>.stride` and every heap block included, and, as an upper
/// bound, whatever the allocator kept of the reader's own buffers.
///
/// The timed CSV read, JSON write and JSON read take turns within each repetition, so that a
/// change in the machine's speed during the run falls on all three alike.
enum RecordsCommand {
  /// The validation day: fixed, as `scale` uses, so results do not change with the date.
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  static func records(_ options: Options) throws -> Int32 {
    guard options.operands.count == 1 else {
      throw UsageError("records needs exactly one FILE.csv operand")
    }
    let path = options.operands[0]
    let url = URL(fileURLWithPath: path)
    guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else {
      throw ColumnsFileError(path, "cannot read the file's size")
    }
    let repetitions = options.repetitions ?? 3

    // CSV: the peak memory of one read, and the bytes its result holds (measured on a read of
    // its own, first: later reads reuse, and add to, what the allocator kept of earlier ones).
    var rows = 0
    var rejected = 0
    PeakMemory.reset()
    let baselinePeak = PeakMemory.bytes() ?? 0
    var heldBytes = 0
    do {
      let before = residentBytes()
      let result = try IncidentCSV.read(contentsOf: url, mode: .lenient, today: today)
      heldBytes = residentBytes() - before
      rows = result.dataset.count
      rejected = result.report.rejected.count
    }
    let csvPeak = PeakMemory.bytes()
    let bytesPerIncident = rows > 0 ? Double(heldBytes) / Double(rows) : 0

    // JSON: the same records, written once to a temporary file.
    let jsonURL = FileManager.default.temporaryDirectory
      .appendingPathComponent("tnr-benchmark-records-\(ProcessInfo.processInfo.processIdentifier).json")
    defer { try? FileManager.default.removeItem(at: jsonURL) }
    let dataset = try IncidentCSV.read(contentsOf: url, mode: .lenient, today: today).dataset
    try IncidentJSON.write(dataset, names: .include).write(to: jsonURL)

    // The three paths in turn within each repetition.
    var jsonRows = 0
    let measurements = try Measurement.interleaved(
      warmup: options.warmup, repetitions: repetitions,
      [
        { _ = try IncidentCSV.read(contentsOf: url, mode: .lenient, today: today) },
        { _ = try IncidentJSON.write(dataset, names: .include) },
        { jsonRows = try IncidentJSON.read(contentsOf: jsonURL, today: today).dataset.count },
      ])
    let (csv, write, json) = (measurements[0], measurements[1], measurements[2])
    guard jsonRows == rows else {
      throw ColumnsFileError(path, "the JSON read gave \(jsonRows) records, the CSV \(rows)")
    }

    let csvRate = Double(rows) / csv.median
    let jsonRate = Double(rows) / json.median
    let writeRate = Double(rows) / write.median
    let summary = JSONValue.object([
      ("rows", .int(rows)),
      ("csv_rows_per_second", .double(csvRate.rounded())),
      ("json_rows_per_second", .double(jsonRate.rounded())),
      ("json_write_rows_per_second", .double(writeRate.rounded())),
      ("csv_peak_rss_bytes", csvPeak.map { .int($0) } ?? .null),
      ("bytes_per_incident", .double((bytesPerIncident * 10).rounded() / 10)),
    ])
    switch options.format {
    case .json:
      print(summary)
      for (name, measurement, variant, peak) in [
        ("records.csv", csv, "IncidentCSV.read (typed records, lenient)", csvPeak),
        ("records.json", json, "IncidentJSON.read (typed records)", nil as Int?),
        ("records.json-write", write, "IncidentJSON.write (the same records)", nil),
      ] {
        var result = BenchmarkResult(
          name: name, unit: "rows", items: rows, threads: CountingKernel.defaultThreadCount,
          measurement: measurement, warmup: options.warmup, checksum: "-",
          peakResidentBytes: peak)
        result.bytes = name == "records.csv" ? size : nil
        result.details = [
          ("file", .string(path)),
          ("rejected", .int(rejected)),
          ("group", .string("records")),
          ("peer", .string(CountingCommands.peerName)),
          ("variant", .string(variant)),
          ("n", .int(rows)),
          ("reps", .int(measurement.samples.count)),
          ("median_s", .double(measurement.median)),
          ("min_s", .double(measurement.minimum)),
          ("rows_per_s", .double(Double(rows) / measurement.median)),
        ]
        print(JSONValue.object(result.json))
      }
    case .text:
      print("\(path): \(rows) rows (\(rejected) rejected), \(size) bytes")
      print(
        "IncidentCSV.read:  median \(String(format: "%.3f", csv.median)) s, "
          + "\(String(format: "%.0f", csvRate)) rows/s, peak RSS \(csvPeak.map(String.init) ?? "?") bytes "
          + "(\(String(format: "%.2f", Double(csvPeak ?? 0) / Double(max(size, 1))))× the file; "
          + "\(baselinePeak) before)")
      print(
        "IncidentJSON.read: median \(String(format: "%.3f", json.median)) s, "
          + "\(String(format: "%.0f", jsonRate)) rows/s")
      print(
        "IncidentJSON.write: median \(String(format: "%.3f", write.median)) s, "
          + "\(String(format: "%.0f", writeRate)) rows/s")
      print(
        "Incident: \(String(format: "%.1f", bytesPerIncident)) resident bytes per record held "
          + "(MemoryLayout<Incident>.stride \(MemoryLayout<Incident>.stride))")
    }
    return 0
  }

  /// The process's current resident size (VmRSS on Linux), in bytes; the peak elsewhere.
  static func residentBytes() -> Int {
    #if os(Linux)
      if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
          let fields = line.split(separator: " ", omittingEmptySubsequences: true)
          if fields.count >= 2, let kilobytes = Int(fields[1]) { return kilobytes * 1024 }
        }
      }
    #endif
    return PeakMemory.bytes() ?? 0
  }
}
