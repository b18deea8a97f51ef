import Foundation

extension CountryTable {
  /// Reads a user's per-country table: a CSV with a `country` column (ISO 3166-1 alpha-2,
  /// alpha-3 or numeric codes, or English names as ``Country/lookup(name:)`` reads them) and
  /// named numeric columns.
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
    try self.init(table: CSVTable(contentsOf: url), name: name ?? url.lastPathComponent)
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

  private init(table: CSVTable, name: String) throws(ImportError) {
    guard let countryColumn = table.header.firstIndex(of: "country") else {
      throw ImportError(.missingColumn("country"), line: 1, field: "country")
    }
    let valueColumns = table.header.indices.filter { $0 != countryColumn }
    var columns = Array(repeating: [Country: CountryValue](), count: valueColumns.count)
    var seen: [Country: Int] = [:]
    for row in table.rows {
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
            line: row.line, column: countryColumn + 1, field: "country")
        case .unknown:
          throw ImportError(
            .invalidRecord(.unknownCountry(text)), line: row.line, column: countryColumn + 1,
            field: "country")
        }
      }
      if let first = seen[country] {
        throw ImportError(
          .invalidValue("country \(country.alpha2) appears twice (first on line \(first))"),
          line: row.line, column: countryColumn + 1, field: "country")
      }
      seen[country] = row.line
      for (slot, column) in valueColumns.enumerated() {
        let cell = row.fields[column]
        if cell.isEmpty { continue }
        guard let value = CreditorTable.decimal(cell), value.isFinite else {
          throw ImportError(
            .invalidValue("'\(cell)' is not a decimal number"), line: row.line, column: column + 1,
            field: table.header[column])
        }
        columns[slot][country] = .number(value)
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
