import Foundation

/// Reads and writes aggregate tables: the canonical aggregate CSV, any CSV or workbook through
/// an ``AggregateMapping``.
///
/// A row is one count: origin, host, a year or a span of years, a kind (category and tactic or
/// mode), the count and its source. The canonical header is
///
/// ```
/// origin,host,year_start,year_end,category,mode,count,source_title,source_url,source_publisher,source_date,notes
/// ```
///
/// Reading is strict (the first invalid row throws) or lenient (every invalid row is kept,
/// verbatim, in the ``ImportReport`` with its line, column, field and reason; accepted plus
/// rejected equals the data rows). ``write(_:)`` writes the canonical CSV; reading it back and
/// writing again gives the same bytes.
///
/// A host must be one country. Published tables also print totals over every host (research
/// notes spell them `ALL_HOSTS`, `ALL` or `REGION:…`): such a row is rejected, because it is a
/// marginal of the per-host rows and summing it with them would count incidents twice. Keep
/// totals in their own file, or compare them with a count's total instead.
///
/// ```swift
/// let result = try AggregateCSV.read(contentsOf: url, mode: .lenient)
/// print(result.report.accepted, result.report.rejected.count)
/// print(AggregateCSV.write(result.table))
/// ```
public enum AggregateCSV {
  /// The canonical columns, in order.
  public static let header: [String] = AggregateField.allCases.map(\.rawValue)

  /// An aggregate table and its import report.
  public struct Result: Hashable, Sendable {
    /// The accepted rows.
    public let table: AggregateTable
    /// What was read: data rows, accepted, rejected rows with reasons, blank lines, ignored
    /// columns.
    public let report: ImportReport
  }

  /// One record of the input: its line (or sheet row), its fields and its text.
  struct Row {
    var line: Int
    var fields: [String]?
    var raw: String
    var problem: String?
    var isBlank: Bool
    var isDelimiterOnly: Bool
  }

  // MARK: Reading

  /// Reads an aggregate CSV, or a workbook (recognized by its content), through a mapping.
  ///
  /// - Parameters:
  ///   - url: the CSV or `.xlsx` file.
  ///   - sheet: for a workbook, the sheet to read (default: the first).
  ///   - mapping: where each field comes from (default: the canonical names).
  ///   - mode: strict (throw at the first invalid row) or lenient (report every one).
  /// - Returns: the table and the report.
  /// - Throws: ``ImportError``: the file cannot be read, a header column is missing or
  ///   repeated, or (strict) a row is invalid.
  /// - Complexity: O(*n*) in the size of the file.
  public static func read(
    contentsOf url: URL, sheet: String? = nil, mapping: AggregateMapping = .canonical,
    mode: ImportMode = .strict
  ) throws(ImportError) -> Result {
    try ImportError.checkReadableFile(url)
    if IncidentWorkbook.signature(ofFileAt: url) != nil {
      let bytes: [UInt8]
      do {
        bytes = Array(try Data(contentsOf: url, options: .mappedIfSafe))
      } catch {
        throw ImportError(.unreadable("\(url.path): the file cannot be read"))
      }
      return try read(workbook: bytes, named: url.path, sheet: sheet, mapping: mapping, mode: mode)
    }
    return try read(
      rows(of: CSVReader(contentsOf: url, delimiter: mapping.base.delimiter, encoding: mapping.base.encoding)),
      mapping: mapping, mode: mode)
  }

  /// Reads aggregate CSV text through a mapping.
  ///
  /// ```swift
  /// let text = "origin,host,year_start,year_end,category,mode,count,source_title\n"
  ///   + "CN,TR,2019,,detention,detention,3,Illustrative table\n"
  /// let table = try AggregateCSV.read(text: text).table
  /// table.totalCount   // 3
  /// ```
  ///
  /// - Parameters:
  ///   - text: the CSV.
  ///   - mapping: where each field comes from.
  ///   - mode: strict or lenient.
  /// - Returns: the table and the report.
  /// - Throws: ``ImportError`` as ``read(contentsOf:sheet:mapping:mode:)``.
  /// - Complexity: O(*n*).
  public static func read(
    text: String, mapping: AggregateMapping = .canonical, mode: ImportMode = .strict
  ) throws(ImportError) -> Result {
    try read(rows(of: CSVReader(text: text, delimiter: mapping.base.delimiter)), mapping: mapping, mode: mode)
  }

  /// Reads the first (or the named) sheet of a workbook held in memory.
  ///
  /// - Parameters:
  ///   - bytes: the whole `.xlsx` file.
  ///   - sheet: the sheet's name; `nil` for the first.
  ///   - mapping: where each field comes from.
  ///   - mode: strict or lenient.
  /// - Returns: the table and the report; lines are the sheet's row numbers.
  /// - Throws: ``ImportError``: a damaged, encrypted or hostile workbook, a missing sheet, or as
  ///   ``read(contentsOf:sheet:mapping:mode:)``.
  /// - Complexity: O(*n*) in the size of the inflated sheet.
  public static func read(
    workbook bytes: [UInt8], sheet: String? = nil, mapping: AggregateMapping = .canonical,
    mode: ImportMode = .strict
  ) throws(ImportError) -> Result {
    try read(workbook: bytes, named: nil, sheet: sheet, mapping: mapping, mode: mode)
  }

  static func read(
    workbook bytes: [UInt8], named name: String?, sheet: String?, mapping: AggregateMapping,
    mode: ImportMode
  ) throws(ImportError) -> Result {
    let cells = try IncidentWorkbook.sheetRows(
      bytes: bytes, named: name, sheet: sheet, limits: ZipArchive.Limits())
    // The same cell-to-text rendering as incident workbooks: one CSV record per non-empty row.
    let records = WorkbookRecords(rows: cells)
    var rows = try rows(of: CSVReader(bytes: records.bytes))
    for index in rows.indices where index < records.rowNumbers.count {
      rows[index].line = records.rowNumbers[index]
    }
    return try read(rows, mapping: mapping, mode: mode)
  }

  /// Every record of a reader, copied out (aggregate tables are small).
  static func rows(of reader: CSVReader) throws(ImportError) -> [Row] {
    var rows: [Row] = []
    do {
      try reader.forEachRecord { record in
        rows.append(
          Row(
            line: record.line, fields: record.isValidUTF8 ? record.fields() : nil,
            raw: record.rawText, problem: record.problem, isBlank: record.isBlank,
            isDelimiterOnly: record.isDelimiterOnly))
      }
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(.unreadable("\(error)"))
    }
    return rows
  }

  /// Where a field's text comes from.
  enum Source {
    case column(Int)
    case constant(String)
  }

  /// The resolved header: each field's source, and the kind column with its labels.
  struct Plan {
    var sources: [AggregateField: Source] = [:]
    var kind: Int?
    var kindLabels: [String: (category: IncidentCategory, mode: String)] = [:]
    var vocabularies: [AggregateField: [String: String]] = [:]
    var names: [Int: String] = [:]
    var ignored: [String] = []
    var columnCount: Int

    init(header: [String], mapping: AggregateMapping) throws(ImportError) {
      columnCount = header.count
      var position: [String: Int] = [:]
      for (index, name) in header.enumerated() where !name.isEmpty {
        if position.updateValue(index, forKey: name) != nil {
          throw ImportError(.duplicateColumn(name), line: 1, column: index + 1, field: name)
        }
        names[index] = name
      }
      let base = mapping.base
      var missing: [String] = []
      func column(_ name: String, for field: String) -> Int? {
        guard let index = position[name] else {
          missing.append("'\(name)' (mapped to \(field))")
          return nil
        }
        return index
      }
      if let name = base.kindColumn { kind = column(name, for: "kind") }
      for field in AggregateField.allCases {
        let incident = field.incidentField
        if let name = mapping.columns[field] ?? incident.flatMap({ base.columns[$0] }) {
          if let index = column(name, for: field.rawValue) { sources[field] = .column(index) }
        } else if let index = position[field.rawValue] {
          sources[field] = .column(index)
        } else if let value = mapping.defaults[field] ?? incident.flatMap({ base.defaults[$0] }) {
          sources[field] = .constant(value)
        } else if field == .yearStart || field == .yearEnd,
          let source = base.columns[.year].flatMap({ column($0, for: "year") }).map(Source.column)
            ?? position["year"].map(Source.column) ?? base.defaults[.year].map(Source.constant)
        {
          sources[field] = source
        } else if field == .yearEnd, let start = sources[.yearStart] {
          sources[field] = start
        } else if (field == .category || field == .mode) && base.kindColumn != nil {
          continue
        } else if field.mayBeEmpty {
          sources[field] = .constant("")
        } else {
          missing.append("'\(field.rawValue)'")
        }
      }
      if missing.count == 1 {
        throw ImportError(
          .invalidValue(
            "the header has no column \(missing[0]); map it (--map FIELD=COLUMN) or give a value "
              + "(--default FIELD=VALUE)"), line: 1)
      }
      if missing.count > 1 {
        throw ImportError(
          .invalidValue(
            "the header lacks \(missing.count) columns: " + missing.joined(separator: ", ")
              + "; map each to a column of the file (--map FIELD=COLUMN) or give a value "
              + "(--default FIELD=VALUE)"), line: 1)
      }
      for (label, value) in base.values["kind"] ?? [:] {
        guard let parsed = MappedValueReader.kindValue(value) else {
          throw ImportError(
            .invalidValue(
              "the mapping's kind label '\(label)' maps to '\(value)', which is not CATEGORY/MODE "
                + "(such as extradition/deportation or intimidation/assassination)"), field: "kind")
        }
        kindLabels[Vocabulary.key(label)] = parsed
      }
      for field in [AggregateField.category, .mode] {
        if let labels = base.values[field.rawValue] {
          vocabularies[field] = Dictionary(
            labels.map { (Vocabulary.key($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        }
      }
      var used = Set<Int>()
      for case .column(let index) in sources.values { used.insert(index) }
      if let kind { used.insert(kind) }
      ignored = header.indices.filter { !used.contains($0) && !header[$0].isEmpty }.map { header[$0] }
    }

    /// The error of a field, placed at its column.
    func failure(_ reason: String, _ field: AggregateField, line: Int) -> ImportError {
      var column: Int?
      if case .column(let index)? = sources[field] { column = index }
      if field == .category || field == .mode, sources[field] == nil { column = kind }
      return ImportError(
        .invalidValue(reason), line: line, column: column.map { $0 + 1 },
        field: column.flatMap { names[$0] } ?? field.rawValue)
    }

    func text(_ field: AggregateField, _ fields: [String]) -> String {
      switch sources[field] {
      case .column(let index)?: index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
      case .constant(let value)?: value
      case nil: ""
      }
    }

    func record(_ fields: [String], line: Int) throws(ImportError) -> AggregateRecord {
      func country(_ field: AggregateField) throws(ImportError) -> Country {
        let raw = text(field, fields)
        let upper = raw.uppercased()
        if upper == "ALL" || upper == "ALL_HOSTS" || upper.hasPrefix("REGION:") {
          throw failure(
            "'\(raw)' is a total over several countries, not one \(field.rawValue): an aggregate "
              + "row counts one origin in one host, and a total summed with its own rows would "
              + "count incidents twice (keep totals in a separate file)", field, line: line)
        }
        switch MappedValueReader.country(raw) {
        case .success(let country): return country
        case .failure(let error): throw failure(error.message, field, line: line)
        }
      }
      func year(_ field: AggregateField) throws(ImportError) -> Int? {
        let raw = text(field, fields)
        if raw.isEmpty { return nil }
        guard raw.allSatisfy(\.isASCIIDigitForAggregate), let year = Int(raw),
          AggregatePeriod.validYears.contains(year)
        else {
          throw failure("'\(raw)' is not a year (1900–2100)", field, line: line)
        }
        return year
      }
      let origin = try country(.origin)
      let host = try country(.host)
      guard let first = try year(.yearStart) else {
        throw failure("the first year is empty", .yearStart, line: line)
      }
      let last = try year(.yearEnd) ?? first
      let period: AggregatePeriod
      do throws(AggregateError) {
        period = try AggregatePeriod(first: first, last: last)
      } catch {
        throw failure(error.message, .yearEnd, line: line)
      }
      let kind = try self.kind(fields, line: line)
      let countText = text(.count, fields)
      guard !countText.isEmpty, countText.allSatisfy(\.isASCIIDigitForAggregate), countText.count <= 15,
        let count = Int(countText)
      else {
        throw failure(
          countText.isEmpty ? "the count is empty" : "'\(countText)' is not a whole number of 0 or more",
          .count, line: line)
      }
      let source: SourceCitation
      do throws(SourceCitationError) {
        source = try SourceCitation(
          title: text(.sourceTitle, fields), url: text(.sourceURL, fields),
          publisher: text(.sourcePublisher, fields), date: text(.sourceDate, fields))
      } catch {
        let field: AggregateField = error == .emptyTitle ? .sourceTitle : .sourceDate
        throw failure(error.description, field, line: line)
      }
      do throws(AggregateError) {
        return try AggregateRecord(
          origin: origin, host: host, period: period, kind: kind, count: count, source: source,
          notes: text(.notes, fields))
      } catch {
        throw failure(error.message, .count, line: line)
      }
    }

    func kind(_ fields: [String], line: Int) throws(ImportError) -> IncidentKind {
      if let kind, sources[.category] == nil {
        let raw = kind < fields.count ? fields[kind].trimmingCharacters(in: .whitespaces) : ""
        guard let value = kindLabels[Vocabulary.key(raw)] ?? MappedValueReader.kindValue(raw),
          let parsed = IncidentKind(category: value.category, mode: value.mode)
        else {
          throw failure(
            "'\(raw)' is not a kind (CATEGORY/MODE, such as extradition/deportation); map the "
              + "label with --value kind:\(raw)=CATEGORY/MODE", .category, line: line)
        }
        return parsed
      }
      func value(_ field: AggregateField) -> String {
        let raw = text(field, fields)
        return vocabularies[field]?[Vocabulary.key(raw)] ?? raw.lowercased()
      }
      let categoryText = value(.category)
      guard let category = IncidentCategory(rawValue: categoryText) else {
        throw failure(
          "'\(text(.category, fields))' is not a category (intimidation, detention, extradition)",
          .category, line: line)
      }
      var mode = value(.mode)
      if mode.isEmpty { mode = category == .detention ? "detention" : "unspecified" }
      guard let kind = IncidentKind(category: category, mode: mode) else {
        throw failure(
          "'\(text(.mode, fields))' is not a mode of \(category.rawValue) (modes: "
            + IncidentKind.allModes.filter { IncidentKind(category: category, mode: $0) != nil }
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .joined(separator: ", ") + ")", .mode, line: line)
      }
      return kind
    }
  }

  static func read(_ rows: [Row], mapping: AggregateMapping, mode: ImportMode) throws(ImportError) -> Result {
    var plan: Plan?
    var report = ImportReport()
    var records: [AggregateRecord] = []
    for row in rows {
      guard let current = plan else {
        if row.isBlank { throw ImportError(.emptyFile, line: 1) }
        guard let header = row.fields else {
          throw ImportError(.malformedCSV(row.problem ?? "the header is not valid UTF-8"), line: row.line)
        }
        plan = try Plan(header: header, mapping: mapping)
        report.ignoredColumns = plan!.ignored
        continue
      }
      if row.isBlank {
        report.blankLines += 1
        continue
      }
      if row.isDelimiterOnly {
        report.delimiterOnlyRows += 1
        continue
      }
      report.dataRows += 1
      do throws(ImportError) {
        if let problem = row.problem { throw ImportError(.malformedCSV(problem), line: row.line) }
        guard let fields = row.fields else {
          throw ImportError(.malformedCSV("the row is not valid UTF-8"), line: row.line)
        }
        if fields.count != current.columnCount {
          throw ImportError(.wrongFieldCount(expected: current.columnCount, found: fields.count), line: row.line)
        }
        records.append(try current.record(fields, line: row.line))
        report.accepted += 1
      } catch {
        if mode == .strict { throw error }
        report.rejected.append(RejectedRow(line: row.line, raw: row.raw, error: error))
      }
    }
    guard plan != nil else { throw ImportError(.emptyFile, line: 1) }
    return Result(table: AggregateTable(records), report: report)
  }

  // MARK: Writing

  /// The canonical aggregate CSV of a table: the header, then one line per row in order.
  ///
  /// A one-year period writes the year in both `year_start` and `year_end`; a detention's mode
  /// is `detention`.
  ///
  /// - Parameter table: the rows.
  /// - Returns: the CSV text, each line ending in a line feed.
  /// - Complexity: O(*n*).
  public static func write(_ table: AggregateTable) -> String {
    var output = ""
    CSVFormatting.appendRow(header, to: &output)
    for row in rows(of: table) { CSVFormatting.appendRow(row, to: &output) }
    return output
  }

  /// The fields of each row, in the canonical column order.
  static func rows(of table: AggregateTable) -> [[String]] {
    table.records.map { record in
      [
        record.origin.alpha2, record.host.alpha2, String(record.period.firstYear),
        String(record.period.lastYear), record.kind.category.rawValue, record.kind.mode,
        String(record.count), record.source.title, record.source.url ?? "",
        record.source.publisher ?? "", record.source.date ?? "", record.notes,
      ]
    }
  }

  /// The table as a one-sheet workbook of the canonical columns: years and counts as number
  /// cells, the rest as text.
  ///
  /// ```swift
  /// try AggregateCSV.workbook(table).write(to: url)
  /// ```
  ///
  /// - Parameter table: the rows.
  /// - Returns: the workbook writer.
  /// - Throws: ``WorkbookError`` when the table exceeds Excel's row limit.
  /// - Complexity: O(*n*).
  public static func workbook(_ table: AggregateTable) throws(WorkbookError) -> WorkbookWriter {
    let numeric: Set<Int> = [2, 3, 6]
    var writer = WorkbookWriter()
    try writer.addSheet(
      named: "aggregates", header: header,
      rows: rows(of: table).map { fields in
        fields.enumerated().map { index, field in
          if field.isEmpty { return WorkbookCell.empty }
          return numeric.contains(index) ? .number(Double(Int(field)!)) : .text(field)
        }
      })
    return writer
  }
}

extension Character {
  /// Whether the character is one of the ASCII digits 0–9.
  fileprivate var isASCIIDigitForAggregate: Bool { ("0"..."9").contains(self) }
}
