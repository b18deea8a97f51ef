import Foundation
import TransnationalRepression

/// `tnr import FILE [--map FIELD=COLUMN]… [--default FIELD=VALUE]… [--value FIELD:LABEL=VALUE]…
/// [--date-order dmy|mdy|ymd] [--mapping FILE.json] [--print-mapping] [--lenient]
/// [--sheet NAME] [--output OUT.csv|OUT.json|OUT.xlsx]`.
///
/// Reads a spreadsheet-style CSV or Excel workbook (recognized by its content) through a ``ColumnMapping`` and writes the canonical schema
/// (CSV, or JSON for an `.json` output), to standard output without `--output`. The import
/// report goes to standard error. Exit 0 when every row is accepted, 1 when any row is rejected
/// (with `--lenient` the accepted rows are still written) or a file cannot be read, 2 for usage.
enum ImportCommand {
  @Sendable static func run(_ parsed: ParsedArguments, console: Console) throws -> Int32 {
    if parsed.flag("aggregates") { return try AggregateCommand.runImport(parsed, console: console) }
    if parsed.flag("suggest") {
      // The proposed mapping on standard output, what is left to decide on standard error.
      let path = parsed.positionals[0]
      let suggestion: MappingSuggestion
      do {
        suggestion = try MappingSuggestion(contentsOf: URL(fileURLWithPath: path))
      } catch {
        console.err("\(path): \(error.description)\n")
        return 1
      }
      let mapping = try MappingOptions.mapping(parsed, base: suggestion.mapping)
      console.out(try MappingOptions.json(mapping) + "\n")
      for note in suggestion.notes { console.err("\(path): \(note)\n") }
      return 0
    }
    let mapping = try MappingOptions.mapping(parsed)
    if parsed.flag("print-mapping") {
      console.out(try MappingOptions.json(mapping) + "\n")
      return 0
    }
    let path = parsed.positionals[0]
    let lenient = parsed.flag("lenient")
    let today = try IncidentInput.today(parsed)
    let output = parsed.value("output")
    var format = parsed.value("format") ?? "csv"
    if let output {
      let fileFormat = URL(fileURLWithPath: output).pathExtension.lowercased()
      guard ["csv", "json", "xlsx"].contains(fileFormat) else {
        throw UsageError("--output takes a file ending in .csv, .json or .xlsx, not '\(output)'")
      }
      if parsed.isGiven("format") && fileFormat != format {
        throw UsageError("--format \(format) contradicts --output \(output)")
      }
      format = fileFormat
    }

    let result: ImportResult
    let inputURL = URL(fileURLWithPath: path)
    // A workbook by its content (a workbook renamed .csv is still a workbook).
    let isWorkbook = IncidentWorkbook.signature(ofFileAt: inputURL) != nil
    let sheet = try IncidentInput.sheet(parsed, path: path)
    func describe(_ error: ImportError) -> String {
      isWorkbook ? IncidentWorkbook.describe(error) : error.description
    }
    do {
      if isWorkbook {
        let bytes: [UInt8]
        do {
          bytes = Array(try Data(contentsOf: inputURL, options: .mappedIfSafe))
        } catch {
          throw ImportError(.unreadable(error.localizedDescription))
        }
        result = try IncidentWorkbook.read(
          bytes: bytes, sheet: sheet, mapping: mapping,
          mode: lenient ? .lenient : .strict, today: today)
      } else {
        result = try IncidentCSV.read(
          contentsOf: inputURL, mapping: mapping, mode: lenient ? .lenient : .strict, today: today)
      }
    } catch let error as ImportError {
      console.err("\(path): \(describe(error))\n")
      if error.line != nil && error.line! > 1 {
        console.err("\(path): stopped at the first rejected row (use --lenient to keep the valid rows and list every rejected one)\n")
      }
      return 1
    }

    let report = result.report
    for row in report.rejected {
      console.err("\(path): \(describe(row.error))\n    \(row.raw)\n")
    }
    if !report.ignoredColumns.isEmpty {
      console.err(
        "\(path): ignored \(counted(report.ignoredColumns.count, "column")): \(report.ignoredColumns.joined(separator: ", "))\n")
    }
    if report.delimiterOnlyRows > 0 {
      console.err(
        "\(path): skipped \(counted(report.delimiterOnlyRows, "row")) of delimiters only\n")
    }
    console.err(
      "\(path): \(counted(report.dataRows, "row")), \(report.accepted) accepted, \(report.rejected.count) rejected\n")

    if let output {
      let url = URL(fileURLWithPath: output)
      do {
        if format == "json" {
          try IncidentJSON.write(result.dataset).write(to: url, options: .atomic)
        } else if format == "xlsx" {
          try IncidentWorkbook.write(result.dataset, to: url)
        } else {
          try IncidentCSV.write(result.dataset, to: url)
        }
      } catch {
        throw FailureMessage.cannotWrite(output, error)
      }
    } else if format == "json" {
      console.out(String(decoding: try IncidentJSON.write(result.dataset), as: UTF8.self) + "\n")
    } else {
      console.out(IncidentCSV.write(result.dataset))
    }
    return report.rejected.isEmpty ? 0 : 1
  }
}
