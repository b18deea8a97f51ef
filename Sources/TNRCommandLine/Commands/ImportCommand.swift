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
    let mapping = try ImportMappingOptions.mapping(parsed)
    if parsed.flag("print-mapping") {
      console.out(try ImportMappingOptions.json(mapping) + "\n")
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
    if parsed.isGiven("sheet") && !isWorkbook {
      throw UsageError("--sheet takes the sheet of a workbook (.xlsx); '\(path)' is not a workbook")
    }
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
          bytes: bytes, sheet: parsed.value("sheet"), mapping: mapping,
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
        throw ImportError(.unreadable("\(output) cannot be written: \(error.localizedDescription)"))
      }
    } else if format == "json" {
      console.out(String(decoding: try IncidentJSON.write(result.dataset), as: UTF8.self) + "\n")
    } else {
      console.out(IncidentCSV.write(result.dataset))
    }
    return report.rejected.isEmpty ? 0 : 1
  }
}

/// The mapping options of `tnr import`: `--mapping`, `--map`, `--default`, `--value`,
/// `--date-order`.
enum ImportMappingOptions {
  /// The mapping the options describe: the `--mapping` file's, with the flags on top.
  static func mapping(_ parsed: ParsedArguments) throws -> ColumnMapping {
    var mapping = ColumnMapping()
    if let path = parsed.value("mapping") {
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw ImportError(.unreadable("\(path): the mapping file cannot be read"))
      }
      do {
        mapping = try JSONDecoder().decode(ColumnMapping.self, from: data)
      } catch let DecodingError.dataCorrupted(context) {
        throw ImportError(.malformedJSON("\(path): \(context.debugDescription)"))
      } catch {
        throw ImportError(
          .malformedJSON(
            "\(path): not a mapping (an object with columns, defaults, values, date_order)"))
      }
    }
    let fieldList =
      "fields: date, kind, " + IncidentField.allCases.map(\.rawValue).joined(separator: ", ")
    for pair in parsed.values("map") {
      guard let equals = pair.firstIndex(of: "=") else {
        throw UsageError("--map takes FIELD=COLUMN, not '\(pair)'")
      }
      let name = String(pair[..<equals])
      let column = String(pair[pair.index(after: equals)...])
      switch name {
      case "date": mapping.dateColumn = column
      case "kind": mapping.kindColumn = column
      default:
        guard let field = IncidentField(rawValue: name) else {
          throw UsageError("'\(name)' is not a field; \(fieldList)")
        }
        mapping.columns[field] = column
      }
    }
    for pair in parsed.values("default") {
      guard let equals = pair.firstIndex(of: "=") else {
        throw UsageError("--default takes FIELD=VALUE, not '\(pair)'")
      }
      let name = String(pair[..<equals])
      guard let field = IncidentField(rawValue: name) else {
        throw UsageError(
          "'\(name)' is not a field; fields: \(IncidentField.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      mapping.defaults[field] = String(pair[pair.index(after: equals)...])
    }
    for entry in parsed.values("value") {
      // FIELD before the first ':', VALUE after the last '=' (labels may hold either).
      guard let colon = entry.firstIndex(of: ":"), let equals = entry.lastIndex(of: "="),
        colon < equals
      else {
        throw UsageError("--value takes FIELD:LABEL=VALUE, not '\(entry)'")
      }
      let field = String(entry[..<colon])
      let enumerated = [
        "kind", "category", "mode", "persons_qualifier", "date_precision", "detention_outcome",
        "gender", "ethnic_groups",
      ]
      guard enumerated.contains(field) else {
        throw UsageError(
          "--value takes labels of kind or an enumerated field (\(enumerated.joined(separator: ", "))), not '\(field)'")
      }
      let label = String(entry[entry.index(after: colon)..<equals])
      let value = String(entry[entry.index(after: equals)...])
      mapping.values[field, default: [:]][label] = value
    }
    if let order = parsed.value("date-order") {
      mapping.dateOrder = DateOrder(rawValue: order)
    }
    return mapping
  }

  /// The mapping as the JSON `--mapping` reads, keys sorted, two-space indented.
  static func json(_ mapping: ColumnMapping) throws -> String {
    // Not snakeCaseJSON: its key strategy would rewrite the file's column names and labels,
    // which are dictionary keys here; the mapping's own keys are snake_case already.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(mapping), as: UTF8.self)
  }
}
