import Foundation
import TransnationalRepression

/// `tnr-benchmark workbook FILE [--sheet NAME] [--repetitions N] [--format text|json]`: reads a
/// workbook of the canonical columns through the import (``IncidentWorkbook``, strict, canonical
/// mapping), and times the inflater alone on the sheet's entry.
///
/// Reports the median (and p10/p90) seconds of the whole read (file bytes in memory → validated
/// dataset), rows per second, the sheet entry's inflate throughput in MB/s of output, and the
/// peak resident memory (VmHWM) of the process. The file is made by
/// `Benchmarks/workbook-peers.py generate` (openpyxl, 10^5 rows by default); the same script
/// times fastexcel (calamine) and openpyxl on it, and zlib's inflate on the same entry.
enum WorkbookBenchmark {
  static let usage = """
    usage: tnr-benchmark workbook FILE [--sheet NAME] [--repetitions N] [--format text|json]

    Reads FILE (.xlsx, canonical columns) with IncidentWorkbook.read (strict, canonical mapping)
    N times (default 5, after one warm-up), and inflates its sheet entry alone; prints median
    seconds, rows/s, inflate MB/s and peak RSS (VmHWM).
    """

  /// The validation day: fixed, so results do not change with the date.
  static let today = CalendarDay(year: 2026, month: 12, day: 31)!

  static func main(_ arguments: [String]) -> Int32 {
    #if DEBUG
      printError("tnr-benchmark workbook: a debug build; run with -c release")
      return 2
    #else
      var path: String?
      var sheet: String?
      var repetitions = 5
      var json = false
      var index = 0
      while index < arguments.count {
        let argument = arguments[index]
        func next() -> String? {
          index += 1
          return index < arguments.count ? arguments[index] : nil
        }
        switch argument {
        case "--sheet": sheet = next()
        case "--repetitions":
          guard let text = next(), let value = Int(text), value >= 1 else {
            printError("tnr-benchmark workbook: --repetitions takes a positive number\n\(usage)")
            return 2
          }
          repetitions = value
        case "--format":
          let value = next()
          guard value == "text" || value == "json" else {
            printError("tnr-benchmark workbook: --format takes text or json\n\(usage)")
            return 2
          }
          json = value == "json"
        case "help", "--help", "-h":
          print(usage)
          return 0
        default:
          guard path == nil, !argument.hasPrefix("-") else {
            printError("tnr-benchmark workbook: unexpected argument \(argument)\n\(usage)")
            return 2
          }
          path = argument
        }
        index += 1
      }
      guard let path else {
        printError("tnr-benchmark workbook: needs a FILE\n\(usage)")
        return 2
      }
      do {
        return try run(path: path, sheet: sheet, repetitions: repetitions, json: json)
      } catch {
        printError("tnr-benchmark workbook: \(error)")
        return 1
      }
    #endif
  }

  static func run(path: String, sheet: String?, repetitions: Int, json: Bool) throws -> Int32 {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    PeakMemory.reset()
    let before = PeakMemory.bytes() ?? 0
    var rows = 0
    let read = try Measurement.run(warmup: 1, repetitions: repetitions) {
      let result = try IncidentWorkbook.read(bytes: bytes, sheet: sheet, mode: .strict, today: today)
      rows = result.report.accepted
    }
    let peak = PeakMemory.bytes() ?? 0
    // The sheet's entry, inflated alone (its compressed bytes are sliced out untimed).
    let workbook = try Workbook(bytes: bytes)
    let target = sheet.flatMap { workbook.sheet(named: $0) } ?? workbook.sheets[0]
    let archive = try ZipArchive(bytes: bytes)
    guard let entry = archive.entry(named: target.part) else {
      throw WorkbookError(.missingPart, part: target.part, message: "no such entry")
    }
    let compressed = try compressedBytes(of: entry, in: bytes)
    var inflated = 0
    let inflate = try Measurement.run(warmup: 1, repetitions: max(repetitions, 5)) {
      inflated = try Inflate.decompress(compressed, limit: entry.uncompressedSize).count
    }
    let rowsPerSecond = Double(rows) / read.median
    let megabytesPerSecond = Double(inflated) / 1e6 / inflate.median
    if json {
      let record: [String: Any] = [
        "group": "workbook", "peer": "Swift IncidentWorkbook.read", "file": path, "rows": rows,
        "median_s": read.median, "p10_s": read.p10, "p90_s": read.p90,
        "rows_per_s": rowsPerSecond, "inflate_entry": entry.name,
        "inflate_bytes_out": inflated, "inflate_median_s": inflate.median,
        "inflate_mb_per_s": megabytesPerSecond, "peak_rss_bytes": peak,
        "rss_before_bytes": before, "file_bytes": bytes.count,
      ]
      let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
      print(String(decoding: data, as: UTF8.self))
    } else {
      print("workbook \(path): \(bytes.count) bytes, \(rows) rows")
      print(
        String(
          format: "IncidentWorkbook.read: median %.3f s (p10 %.3f, p90 %.3f), %.0f rows/s",
          read.median, read.p10, read.p90, rowsPerSecond))
      print(
        String(
          format: "Inflate %@: %d bytes out, median %.4f s, %.0f MB/s", entry.name, inflated,
          inflate.median, megabytesPerSecond))
      print(String(format: "peak RSS (VmHWM): %.1f MB", Double(peak) / 1e6))
    }
    return 0
  }

  /// The raw DEFLATE bytes of an entry: after its local header (30 bytes, name, extra field).
  static func compressedBytes(of entry: ZipArchive.Entry, in bytes: [UInt8]) throws -> [UInt8] {
    guard entry.method == .deflate else {
      throw WorkbookError(.container, part: entry.name, message: "the entry is not deflated")
    }
    // Find the local header by name (the central directory's offset is internal to the library).
    let name = Array(entry.name.utf8)
    var offset = 0
    while offset + 30 + name.count <= bytes.count {
      if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 3,
        bytes[offset + 3] == 4
      {
        let nameLength = Int(bytes[offset + 26]) | Int(bytes[offset + 27]) << 8
        let extraLength = Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8
        if nameLength == name.count, Array(bytes[(offset + 30)..<(offset + 30 + nameLength)]) == name {
          let start = offset + 30 + nameLength + extraLength
          return Array(bytes[start..<min(bytes.count, start + entry.compressedSize)])
        }
      }
      offset += 1
    }
    throw WorkbookError(.container, part: entry.name, message: "no local header for the entry")
  }
}
