import Foundation
import TransnationalRepression

/// `tnr import --aggregates FILE …` and `tnr count --aggregates FILE …`: aggregate country-year
/// tables (``AggregateCSV``), read through the same mapping options as incident files, never
/// mixed with incidents.
enum AggregateCommand {
  /// The fields only aggregate tables have; `--map` and `--default` take them too.
  static let aggregateOnlyFields: Set<String> = ["count", "year_start", "year_end"]

  /// The mapping the options describe: the incident mapping plus `--map count=COLUMN`,
  /// `--map year_start=…`, `--map year_end=…` and their `--default`s.
  static func mapping(_ parsed: ParsedArguments) throws -> AggregateMapping {
    let base = try MappingOptions.mapping(parsed, skipping: aggregateOnlyFields)
    var mapping = AggregateMapping(base)
    for (option, pairs) in [("map", parsed.values("map")), ("default", parsed.values("default"))] {
      for pair in pairs {
        guard let equals = pair.firstIndex(of: "="),
          let field = AggregateField(rawValue: String(pair[..<equals])),
          aggregateOnlyFields.contains(field.rawValue)
        else { continue }
        let value = String(pair[pair.index(after: equals)...])
        if option == "map" { mapping.columns[field] = value } else { mapping.defaults[field] = value }
      }
    }
    return mapping
  }

  /// The cases per host of `--aggregates FILE` for `tnr correlate` and `tnr model`: the table's
  /// detention and extradition counts with origin CN (the creditor measures are debt to China),
  /// summed per host, and the table's description; `nil` (after saying why) when the file cannot
  /// be used. A usage error when `--incidents` or `--cases` is given too.
  static func casesPerHost(
    _ path: String, _ parsed: ParsedArguments, command: String, console: Console
  ) throws -> (cases: [Country: Double], description: String)? {
    if parsed.isGiven("incidents") {
      throw UsageError(
        "--aggregates and --incidents cannot be used together: the cases come from one of them",
        command: command)
    }
    if parsed.isGiven("cases") {
      throw UsageError(
        "--cases does not apply to --aggregates: the cases are the table's detention and extradition counts with origin CN per host",
        command: command)
    }
    guard let result = try read(path, parsed, lenient: parsed.flag("lenient"), console: console)
    else { return nil }
    return (
      result.table.totalsByHost(origins: [.china], categories: [.detention, .extradition]),
      "aggregate table \(path) (\(result.table.records.count) rows: counts published or shared as totals, not incident records; other origins and intimidation rows left out)"
    )
  }

  /// Reads the aggregate file, listing rejected rows and the summary on standard error as
  /// `tnr import` does; `nil` (after saying why) when the file cannot be used.
  static func read(
    _ path: String, _ parsed: ParsedArguments, lenient: Bool, console: Console
  ) throws -> AggregateCSV.Result? {
    let mapping = try mapping(parsed)
    let url = URL(fileURLWithPath: path)
    let isWorkbook = IncidentWorkbook.signature(ofFileAt: url) != nil
    let sheet = try IncidentInput.sheet(parsed, path: path)
    func describe(_ error: ImportError) -> String {
      isWorkbook ? IncidentWorkbook.describe(error) : error.description
    }
    let result: AggregateCSV.Result
    do {
      result = try AggregateCSV.read(
        contentsOf: url, sheet: sheet, mapping: mapping, mode: lenient ? .lenient : .strict)
    } catch {
      console.err("\(path): \(describe(error))\n")
      if let line = error.line, line > 1 {
        console.err(
          "\(path): stopped at the first rejected row (use --lenient to keep the valid rows and list every rejected one)\n")
      }
      return nil
    }
    let report = result.report
    for row in report.rejected {
      console.err("\(path): \(describe(row.error))\n    \(row.raw)\n")
    }
    if !report.ignoredColumns.isEmpty {
      console.err("\(path): ignored columns: \(report.ignoredColumns.joined(separator: ", "))\n")
    }
    console.err(
      "\(path): \(report.dataRows) aggregate rows, \(report.accepted) accepted, \(report.rejected.count) rejected\n")
    return result
  }

  /// `tnr import --aggregates FILE [--output OUT.csv|OUT.xlsx]`: the canonical aggregate CSV.
  static func runImport(_ parsed: ParsedArguments, console: Console) throws -> Int32 {
    for option in ["suggest", "today", "date-order", "generate-ids", "allow-other-groups"]
    where parsed.isGiven(option) {
      throw UsageError("--\(option) is for incident files, not with --aggregates", command: "import")
    }
    if parsed.flag("print-mapping") {
      throw UsageError("--print-mapping is for incident files, not with --aggregates", command: "import")
    }
    if let format = parsed.value("format"), parsed.isGiven("format"), format != "csv" {
      throw UsageError("--aggregates writes the canonical aggregate CSV: --format \(format) is not available", command: "import")
    }
    guard let path = parsed.positionals.first else {
      throw UsageError("--aggregates needs the FILE to read", command: "import")
    }
    let output = parsed.value("output")
    if let output {
      let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
      guard ["csv", "xlsx"].contains(ext) else {
        throw UsageError("with --aggregates, --output takes a file ending in .csv or .xlsx, not '\(output)'", command: "import")
      }
    }
    guard let result = try read(path, parsed, lenient: parsed.flag("lenient"), console: console) else {
      return 1
    }
    if let output {
      let url = URL(fileURLWithPath: output)
      do {
        if url.pathExtension.lowercased() == "xlsx" {
          try AggregateCSV.workbook(result.table).write(to: url)
        } else {
          try Data(AggregateCSV.write(result.table).utf8).write(to: url, options: .atomic)
        }
      } catch {
        throw FailureMessage.cannotWrite(output, error)
      }
    } else {
      console.out(AggregateCSV.write(result.table))
    }
    return result.report.rejected.isEmpty ? 0 : 1
  }

  /// `tnr count --aggregates FILE --by DIM[,DIM…]`: the rows' counts summed.
  static func runCount(
    _ parsed: ParsedArguments, console: Console, dimensions: [CountDimension]
  ) throws -> String? {
    if parsed.isGiven("incidents") {
      throw UsageError(
        "--aggregates and --incidents cannot be counted together: aggregate rows are counts "
          + "someone else made, incidents are records; count each file on its own", command: "count")
    }
    for option in ["input-format", "from", "to", "date-order", "generate-ids", "allow-other-groups"] where parsed.isGiven(option) {
      throw UsageError("--\(option) does not apply to --aggregates", command: "count")
    }
    if parsed.isGiven("measure") {
      throw UsageError(
        "--measure does not apply to --aggregates: an aggregate table sums its count column", command: "count")
    }
    let path = parsed.value("aggregates")!
    guard let result = try read(path, parsed, lenient: parsed.flag("lenient"), console: console) else {
      return nil
    }
    let categories = parsed.list("category")
    let table: CountTable<AggregateCount>
    do {
      table = try result.table.count(
        by: dimensions,
        categories: categories.isEmpty ? nil : Set(categories.compactMap(IncidentCategory.init(rawValue:))))
    } catch {
      throw UsageError("--by: \(error.description)", command: "count")
    }
    var filter = IncidentFilter()
    if !categories.isEmpty {
      filter.categories = Set(categories.compactMap(IncidentCategory.init(rawValue:)))
    }
    let format = parsed.value("format")!
    let context = CountOutput.Context(
      isSample: false, records: result.table.records.count, filter: filter,
      top: parsed.integer("top"), format: format == "xlsx" ? "csv" : format)
    return CountOutput.render(table, context)
  }
}
