import Foundation
import TransnationalRepression

/// `tnr count [--incidents FILE] --by DIM[,DIM…] [--measure incidents|persons] [--category C]
/// [--from YEAR] [--to YEAR] [--top N] [--format text|markdown|csv|json|xlsx] [--output FILE]`:
/// a count table.
///
/// Without `--incidents` it counts the bundled sample, and the text says it is a sample. With
/// `--aggregates FILE` it sums an aggregate table's counts instead (never together with
/// `--incidents`).
enum CountCommand {
  @Sendable static func run(_ parsed: ParsedArguments, console: Console) throws -> Int32 {
    let dimensions: [CountDimension]
    do {
      dimensions = try CountDimension.list(parsed.list("by").joined(separator: ","))
    } catch {
      throw UsageError("--by: \(error.description)", command: "count")
    }
    let measure = parsed.value("measure")!
    let format = parsed.value("format")!
    let from = parsed.integer("from")
    let to = parsed.integer("to")
    if let from, let to, from > to {
      throw UsageError("--from \(from) is after --to \(to)", command: "count")
    }
    var filter = IncidentFilter()
    if from != nil || to != nil { filter.years = (from ?? 1000)...(to ?? 9999) }
    let categories = parsed.list("category")
    if !categories.isEmpty {
      filter.categories = Set(categories.map { IncidentCategory(rawValue: $0)! })
    }
    let output = parsed.value("output")
    if format == "xlsx" && output == nil {
      throw UsageError("--format xlsx writes a workbook: name it with --output FILE.xlsx", command: "count")
    }
    let rendered: String
    if parsed.isGiven("aggregates") {
      guard let table = try AggregateCommand.runCount(parsed, console: console, dimensions: dimensions)
      else { return 1 }
      rendered = table
    } else {
      rendered = try incidentTable(parsed, console: console, dimensions: dimensions, filter: filter)
    }
    guard let output else {
      console.out(rendered)
      return 0
    }
    let url = URL(fileURLWithPath: output)
    do {
      if format == "xlsx" {
        let unit = parsed.isGiven("aggregates") ? "aggregates" : measure
        let sheet = "\(unit) by " + dimensions.map(\.rawValue).joined(separator: ", ")
        try CountOutput.workbook(csv: rendered, sheet: sheet).write(to: url)
      } else {
        try Data(rendered.utf8).write(to: url, options: .atomic)
      }
    } catch {
      throw FailureMessage.cannotWrite(output, error)
    }
    return 0
  }

  /// The rendered count of the incident file (or the bundled sample).
  static func incidentTable(
    _ parsed: ParsedArguments, console: Console, dimensions: [CountDimension], filter: IncidentFilter
  ) throws -> String {
    let measure = parsed.value("measure")!
    let format = parsed.value("format")!
    let top = parsed.integer("top")
    let (input, isSample) = try IncidentInput.columns(parsed, console: console)
    let query = try CountQuery(by: dimensions, where: filter)
    let columns = input.columns
    let context = CountOutput.Context(
      isSample: isSample, records: columns.count, filter: filter, top: top,
      format: format == "xlsx" ? "csv" : format)
    switch CountMeasure(rawValue: measure)! {
    case .incidents: return CountOutput.render(columns.countIncidents(query), context)
    case .persons: return CountOutput.render(columns.countPersons(query), context)
    case .aggregates: preconditionFailure("--measure offers incidents and persons only")
    }
  }
}

/// Renders a count table for `tnr count`.
enum CountOutput {
  /// The CSV form of a table as a one-sheet workbook: whole numbers (counts, years) as number
  /// cells, labels as text.
  static func workbook(csv: String, sheet: String) throws -> WorkbookWriter {
    var header: [String]?
    var rows: [[WorkbookCell]] = []
    try? CSVReader(text: csv).forEachRecord { record in
      let fields = record.fields() ?? []
      guard header != nil else {
        header = fields
        return
      }
      rows.append(
        fields.map { field in
          if field.isEmpty { return .empty }
          let digits = field.hasPrefix("-") ? field.dropFirst() : Substring(field)
          if !digits.isEmpty, digits.count <= 15, digits.allSatisfy(\.isASCIIDigitForCount),
            let number = Int(field)
          {
            return .number(Double(number))
          }
          return .text(field)
        })
    }
    var writer = WorkbookWriter()
    try writer.addSheet(named: sheet, header: header ?? [], rows: rows)
    return writer
  }

  struct Context {
    let isSample: Bool
    let records: Int
    let filter: IncidentFilter
    let top: Int?
    let format: String
  }

  static func render<Value: CountTableValue>(_ table: CountTable<Value>, _ context: Context) -> String {
    let rows = context.top.map { table.top($0) } ?? table.rows
    switch context.format {
    case "json": return table.jsonText(rows: rows)
    case "csv": return csv(table, rows)
    default: return text(table, rows, context, markdown: context.format == "markdown")
    }
  }

  /// The column titles of a value's numbers.
  static func valueHeader<Value: CountTableValue>(_ type: Value.Type) -> [String] {
    switch Value.measure {
    case .incidents: ["incidents"]
    case .persons: ["persons (known sum)", "exact", "at least", "about", "up to", "unknown"]
    case .aggregates: ["aggregated count"]
    }
  }

  static func csv<Value: CountTableValue>(_ table: CountTable<Value>, _ rows: [CountRow<Value>]) -> String {
    var output = ""
    // The value column is named for the measure, as in the text table (JSON calls it "value").
    let fields = [Value.measure.rawValue] + Value.jsonFields(of: .zero).dropFirst().map(\.name)
    CSVFormatting.appendRow(table.dimensions.map(\.rawValue) + fields, to: &output)
    for row in rows {
      CSVFormatting.appendRow(
        row.labels.map(csvLabel) + Value.jsonFields(of: row.value).map { String($0.number) },
        to: &output)
    }
    return output
  }

  /// A label as the CSV schema spells it (an empty field for a year outside every phase).
  static func csvLabel(_ label: DimensionValue) -> String {
    switch label.jsonValue {
    case .string(let text): text
    case .number(let number): String(number)
    case .null: ""
    }
  }

  static func text<Value: CountTableValue>(
    _ table: CountTable<Value>, _ rows: [CountRow<Value>], _ context: Context, markdown: Bool
  ) -> String {
    var lines: [String] = []
    let measure = Value.measure.rawValue
    let by = table.dimensions.map(\.rawValue).joined(separator: ", ")
    let title = by.isEmpty ? measure : "\(measure) by \(by)"
    lines.append(markdown ? "# Count: \(title)" : "COUNT: \(title.uppercased())")
    lines.append("")
    if context.isSample {
      lines.append(
        "Data: the bundled sample of \(context.records) individually sourced events (documented-events.csv).")
      lines.append(
        "It is a documented SAMPLE, not the Oxus Society / UHRP dataset: its counts are not the dataset's.")
    } else if Value.measure == .aggregates {
      lines.append(
        "Data: \(context.records) aggregate rows: counts published or shared as totals, summed; not incident records.")
    } else {
      lines.append("Data: \(context.records) records.")
    }
    var restrictions: [String] = []
    if let categories = context.filter.categories {
      restrictions.append("categories " + categories.sorted().map(\.rawValue).joined(separator: ", "))
    }
    if let years = context.filter.years {
      restrictions.append(
        "years " + (years.lowerBound == 1000 ? "to \(years.upperBound)"
          : years.upperBound == 9999 ? "from \(years.lowerBound)"
          : "\(years.lowerBound)–\(years.upperBound)"))
    }
    if !restrictions.isEmpty { lines.append("Filter: " + restrictions.joined(separator: "; ") + ".") }
    if let top = context.top {
      lines.append("Showing the top \(top) cells (ties at the cut kept): \(rows.count) of \(table.cells.count).")
    }
    lines.append("")
    let header = table.dimensions.map(\.rawValue) + valueHeader(Value.self)
    var body = rows.map { row in
      row.labels.map(\.description) + Value.jsonFields(of: row.value).map { String($0.number) }
    }
    var totalRow = Array(repeating: "", count: table.dimensions.count) + Value.jsonFields(of: table.total).map { String($0.number) }
    if totalRow.count > header.count - valueHeader(Value.self).count, !table.dimensions.isEmpty {
      totalRow[0] = "total"
    }
    body.append(totalRow)
    lines.append(TextTable.render(header: header, rows: body, markdown: markdown))
    lines.append("")
    if !table.multiValuedDimensions.isEmpty {
      let names = table.multiValuedDimensions.map(\.rawValue).joined(separator: ", ")
      lines.append(
        "Multi-valued: an incident naming several \(names) values counts under each, so the cells can")
      lines.append("add up to more than the total, which counts each incident once.")
    }
    if Value.measure == .persons {
      lines.append(
        "Persons: the sum of the numbers the records give; the other columns count records by qualifier.")
      lines.append(
        "'At least' and unknown counts make the sum a lower bound; 'about' and 'up to' make it an estimate.")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension Character {
  /// Whether the character is one of the ASCII digits 0–9.
  fileprivate var isASCIIDigitForCount: Bool { ("0"..."9").contains(self) }
}
