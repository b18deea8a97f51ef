import Foundation
import TransnationalRepression

/// `tnr validate FILE [--lenient] [--format text|json] [--today YYYY-MM-DD]`.
///
/// The file is always read to the end. Without `--lenient` only the first rejected row is shown
/// (where a strict import stops); with it every rejected row is. Exit 0 when every row is valid,
/// 1 when any row is rejected or the file itself is unusable (no header, a missing column).
enum ValidateCommand {
  static func run(_ arguments: [String], console: Console) throws -> Int32 {
    let parsed = try Arguments(arguments, options: ["format", "map", "default", "today"], flags: ["lenient"])
    guard parsed.positionals.count == 1 else {
      throw UsageError("validate takes exactly one FILE, got \(parsed.positionals.count)")
    }
    let format = try parsed.choice("format", ["text", "json"], default: "text")
    let mapping = try IncidentInput.mapping(parsed)
    let path = parsed.positionals[0]
    let showAll = parsed.flag("lenient")
    let today = try IncidentInput.today(parsed)

    var report = ImportReport()
    var fileError: ImportError?
    do {
      report = try IncidentInput.read(path: path, mapping: mapping, mode: .lenient, today: today).report
    } catch {
      fileError = error
    }
    let shown = showAll ? report.rejected : Array(report.rejected.prefix(1))
    if format == "json" {
      var object: [String: Any] = [
        "rows": report.dataRows,
        "accepted": report.accepted,
        "rejected_count": report.rejected.count,
        "rejected": shown.map { ["line": $0.line, "reason": $0.reason, "raw": $0.raw] as [String: Any] },
      ]
      if let fileError {
        object["error"] = ["reason": fileError.description, "line": fileError.line ?? 0]
      }
      let data = try JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      console.out(String(decoding: data, as: UTF8.self) + "\n")
    } else if let fileError {
      console.out("\(path): \(fileError.description)\n")
    } else {
      for row in shown {
        console.out("\(path): \(row.reason)\n")
      }
      if shown.count < report.rejected.count {
        console.out(
          "\(path): \(report.rejected.count - shown.count) more rejected rows (use --lenient to list every one)\n")
      }
      console.out(
        "\(path): \(report.dataRows) rows, \(report.accepted) accepted, \(report.rejected.count) rejected\n")
    }
    return fileError != nil || !report.rejected.isEmpty ? 1 : 0
  }
}
