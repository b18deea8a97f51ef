import Foundation
import TransnationalRepression

/// `tnr validate FILE [--lenient] [--format text|json] [--today YYYY-MM-DD]`.
///
/// The file is always read to the end. Without `--lenient` only the first rejected row is shown
/// (where a strict import stops); with it every rejected row is. Exit 0 when every row is valid,
/// 1 when any row is rejected or the file itself is unusable (no header, a missing column).
enum ValidateCommand {
  @Sendable static func run(_ parsed: ParsedArguments, console: Console) throws -> Int32 {
    let format = parsed.value("format")!
    let mapping = try IncidentInput.mapping(parsed)
    let path = parsed.positionals[0]
    let showAll = parsed.flag("lenient")
    let today = try IncidentInput.today(parsed)

    let sheet = try IncidentInput.sheet(parsed, path: path)
    var report = ImportReport()
    var fileError: ImportError?
    do {
      report = try IncidentInput.readColumns(
        path: path, mapping: mapping, mode: .lenient, today: today, format: parsed.value("input-format"),
        sheet: sheet
      ).report
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
        "ignored_columns": report.ignoredColumns,
      ]
      if let fileError {
        object["error"] = ["reason": fileError.description, "line": fileError.line ?? 0]
      }
      let data = try JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      console.out(String(decoding: data, as: UTF8.self) + "\n")
    } else if let fileError {
      console.err("\(path): \(fileError.description)\n")
    } else {
      for row in shown {
        console.out("\(path): \(row.reason)\n")
      }
      if shown.count < report.rejected.count {
        console.out(
          "\(path): \(counted(report.rejected.count - shown.count, "more rejected row")) (use --lenient to list every one)\n")
      }
      if !report.ignoredColumns.isEmpty {
        console.out("\(path): ignored \(counted(report.ignoredColumns.count, "column")) the schema does not know: \(report.ignoredColumns.joined(separator: ", "))\n")
      }
      if report.delimiterOnlyRows > 0 {
        console.out(
          "\(path): skipped \(counted(report.delimiterOnlyRows, "row")) of delimiters only\n")
      }
      console.out(
        "\(path): \(counted(report.dataRows, "row")), \(report.accepted) accepted, \(report.rejected.count) rejected\n")
    }
    return fileError != nil || !report.rejected.isEmpty ? 1 : 0
  }
}
