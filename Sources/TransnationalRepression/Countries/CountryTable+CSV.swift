import Foundation

extension CountryTable {
  /// Reads a user's per-country table: a CSV with a `country` column (ISO 3166-1 alpha-2,
  /// alpha-3 or numeric codes, or English names as ``Country/lookup(name:)`` reads them) and
  /// named numeric columns. An Excel workbook (.xlsx, recognized by its content) is read the
  /// same way from its first sheet, its first non-empty row the header.
  ///
  /// Every other column becomes a ``CountryVariable`` (an indicator when all its values are 0 or
  /// 1, else numeric) whose source is the file. An empty cell is missing, never 0. Nothing is
  /// coerced: an unknown or ambiguous country, a country given twice, or a value that is not a
  /// plain decimal number throws.
  ///
  /// ```swift
  /// // country,cases,diaspora,debt
  /// // KZ,13,297000,0.056
  /// // Thailand,559,200,
  /// let table = try CountryTable(contentsOf: URL(fileURLWithPath: "countries.csv"))
  /// table.number("debt", for: Country("TH")!)   // nil: empty cell
  /// ```
  ///
  /// - Parameters:
  ///   - url: The CSV file.
  ///   - name: A name for the source (default: the file name).
  /// - Throws: ``ImportError`` naming the line, column and field of the first invalid value.
  /// - Complexity: O(*n*·*k*) for *n* rows and *k* columns.
  public init(contentsOf url: URL, name: String? = nil) throws(ImportError) {
    try self.init(table: CountryTable.csvTable(at: url), name: name ?? url.lastPathComponent)
  }

  /// The file's rows: a CSV file as it is, a workbook's first sheet rendered as CSV records
  /// (numbers as the shortest decimal, so values are read exactly as in a CSV file).
  private static func csvTable(at url: URL) throws(ImportError) -> CSVTable {
    switch IncidentWorkbook.signature(ofFileAt: url) {
    case nil:
      return try CSVTable(contentsOf: url)
    case .zip?, .compoundFile?:
      try ImportError.checkReadableFile(url)
      let bytes: [UInt8]
      do {
        bytes = try [UInt8](Data(contentsOf: url))
      } catch {
        throw ImportError(.unreadable("\(url.path): the workbook cannot be read"))
      }
      let rows = try IncidentWorkbook.sheetRows(
        bytes: bytes, named: url.lastPathComponent, sheet: nil, limits: ZipArchive.Limits())
      return try CSVTable(text: String(decoding: WorkbookRecords(rows: rows).bytes, as: UTF8.self))
    }
  }

  /// Reads a user's per-country table from CSV text; see ``init(contentsOf:name:)``.
  ///
  /// ```swift
  /// let table = try CountryTable(csvText: "country,x\nKZ,1\nKG,\n", name: "mine")
  /// table.number("x", for: Country("KG")!)   // nil
  /// ```
  ///
  /// - Parameters:
  ///   - csvText: The CSV text.
  ///   - name: A name for the source.
  /// - Throws: ``ImportError`` naming the line, column and field of the first invalid value.
  public init(csvText: String, name: String) throws(ImportError) {
    try self.init(table: CSVTable(text: csvText), name: name)
  }

  /// Reads a per-country table, strictly or leniently: in lenient reading a row with an unknown
  /// or ambiguous country, a repeated country or a cell that is not a number is left out whole,
  /// with its line and the reason, instead of failing the file.
  ///
  /// ```swift
  /// let (table, rejected) = try CountryTable.read(
  ///   contentsOf: URL(fileURLWithPath: "countries.csv"), lenient: true)
  /// for row in rejected { print("line \(row.line): \(row.reason)") }
  /// ```
  ///
  /// - Parameters:
  ///   - url: A CSV file or a workbook with a `country` column (ISO codes or names) and named
  ///     numeric columns.
  ///   - name: The table's name in labels and sources (default: the file name).
  ///   - lenient: Whether bad rows are left out (`true`) or fail the file (`false`).
  ///   - countryColumn: The column holding the countries (default `country`); every other
  ///     column is a variable.
  /// - Returns: The table and the rows left out (always empty when strict).
  /// - Throws: ``ImportError`` when the file cannot be read or has no `country` column, and when
  ///   strict, for the first bad row.
  /// - Complexity: O(*r*·*c*) for *r* rows and *c* columns.
  public static func read(
    contentsOf url: URL, name: String? = nil, lenient: Bool, countryColumn: String = "country"
  ) throws(ImportError) -> (table: CountryTable, rejected: [RejectedCountryRow]) {
    var rejected: [RejectedCountryRow]? = lenient ? [] : nil
    let table = try CountryTable(
      table: csvTable(at: url), name: name ?? url.lastPathComponent, countryColumn: countryColumn,
      rejected: &rejected)
    return (table, rejected ?? [])
  }

  private init(table: CSVTable, name: String) throws(ImportError) {
    var none: [RejectedCountryRow]? = nil
    try self.init(table: table, name: name, countryColumn: "country", rejected: &none)
  }

  private init(
    table: CSVTable, name: String, countryColumn countryName: String,
    rejected: inout [RejectedCountryRow]?
  ) throws(ImportError) {
    guard let countryColumn = table.header.firstIndex(of: countryName) else {
      throw ImportError(.missingColumn(countryName), line: 1, field: countryName)
    }
    let valueColumns = table.header.indices.filter { $0 != countryColumn }
    var columns = Array(repeating: [Country: CountryValue](), count: valueColumns.count)
    var seen: [Country: Int] = [:]
    for row in table.rows {
      do throws(ImportError) {
      let text = row.fields[countryColumn]
      let country: Country
      if let byCode = Country(text) {
        country = byCode
      } else {
        switch Country.lookup(name: text) {
        case .country(let byName): country = byName
        case .ambiguous(let candidates):
          throw ImportError(
            .invalidValue("'\(text)' names more than one country (\(candidates.map(\.alpha2).joined(separator: ", "))); use an ISO code"),
            line: row.line, column: countryColumn + 1, field: countryName)
        case .unknown:
          throw ImportError(
            .invalidRecord(.unknownCountry(text)), line: row.line, column: countryColumn + 1,
            field: countryName)
        }
      }
      if let first = seen[country] {
        throw ImportError(
          .invalidValue("country \(country.alpha2) appears twice (first on line \(first))"),
          line: row.line, column: countryColumn + 1, field: countryName)
      }
      var values: [(slot: Int, value: Double)] = []
      for (slot, column) in valueColumns.enumerated() {
        let cell = row.fields[column]
        if cell.isEmpty { continue }
        guard let value = CreditorTable.decimal(cell), value.isFinite else {
          throw ImportError(
            .invalidValue("'\(cell)' is not a decimal number"), line: row.line, column: column + 1,
            field: table.header[column])
        }
        values.append((slot, value))
      }
      // The row is whole: only now does it enter the table.
      seen[country] = row.line
      for (slot, value) in values { columns[slot][country] = .number(value) }
      } catch {
        guard rejected != nil else { throw error }
        rejected!.append(RejectedCountryRow(line: row.line, reason: error.description))
      }
    }
    self.init(
      variables: valueColumns.enumerated().map { slot, column in
        let values = columns[slot]
        let isIndicator =
          !values.isEmpty && values.values.allSatisfy { $0 == .number(0) || $0 == .number(1) }
        return CountryVariable(
          name: table.header[column], kind: isIndicator ? .indicator : .numeric,
          label: "Column \(table.header[column]) of \(name)",
          derivation: "As given in the file; an empty cell or a country without a row is missing.",
          source: "User table \(name)", year: "as given", values: values)
      })
  }
}

/// A row of a per-country table left out by lenient reading (``CountryTable/read(contentsOf:name:lenient:countryColumn:)``).
///
/// ```swift
/// let row = RejectedCountryRow(line: 4, reason: "line 4, column 1 (country): unknown country 'Atlantis'")
/// ```
public struct RejectedCountryRow: Sendable, Hashable, Codable {
  /// The line of the row in the file (the header is line 1).
  public let line: Int
  /// Why it was left out.
  public let reason: String

  /// Creates the record.
  ///
  /// - Parameters:
  ///   - line: The line.
  ///   - reason: Why the row was left out.
  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }
}
