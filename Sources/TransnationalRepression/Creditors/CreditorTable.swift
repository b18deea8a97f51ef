import Foundation

/// Creditor profiles for many countries from one source: the bundled World Bank and
/// Horn–Reinhart–Trebesch tables, or a user's own CSV.
///
/// ```swift
/// let table = CreditorTable.worldBank2024
/// table.countries.count                                  // 120 debtor economies
/// table.value(.chinaLargestBilateral, for: Country("KG")!)   // 1
/// ```
public struct CreditorTable: Hashable, Sendable {
  /// A short description of the source, e.g. "World Bank IDS, end-2024".
  public let name: String
  /// The profiles, one per country.
  public let profiles: [Country: CreditorProfile]

  /// Creates a table from profiles (one per country).
  public init(name: String, profiles: [CreditorProfile]) {
    self.name = name
    self.profiles = Dictionary(profiles.map { ($0.country, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// The countries covered, in country order.
  public var countries: [Country] { profiles.keys.sorted() }

  /// The profile of a country, or `nil` when the table does not cover it.
  public subscript(country: Country) -> CreditorProfile? { profiles[country] }

  /// A measure for a country, or `nil` when the table does not cover the country or the measure.
  public func value(_ measure: CreditorMeasure, for country: Country) -> Double? {
    profiles[country]?.value(measure)
  }

  /// The measures this table gives for at least one country.
  public var measures: [CreditorMeasure] {
    CreditorMeasure.allCases.filter { measure in profiles.values.contains { $0.value(measure) != nil } }
  }
}

extension CreditorTable {
  /// Reads a user's creditor table: a CSV with a header holding `country` (ISO 3166-1 alpha-2,
  /// alpha-3 or numeric) and one column per measure, named as ``CreditorMeasure`` raw values
  /// (`china_share_total`, `hrt_debt_pct_gdp`, …); optional `year` and `source` columns.
  ///
  /// Values are validated like incidents: every country must be known and appear once, every
  /// value must be a finite decimal number (empty means "not given"), shares must lie in 0–1 and
  /// indicators be 0 or 1. Nothing is coerced.
  ///
  /// - Parameters:
  ///   - url: the CSV file.
  ///   - name: a name for the table (default: the file name).
  /// - Returns: the table.
  /// - Throws: ``ImportError`` naming the line, column and field of the first invalid value.
  public init(contentsOf url: URL, name: String? = nil) throws(ImportError) {
    let table = try CSVTable(contentsOf: url)
    try self.init(table: table, name: name ?? url.lastPathComponent)
  }

  /// Reads a user's creditor table from CSV text; see ``init(contentsOf:name:)``.
  ///
  /// - Throws: ``ImportError`` naming the line, column and field of the first invalid value.
  public init(csvText: String, name: String) throws(ImportError) {
    try self.init(table: CSVTable(text: csvText), name: name)
  }

  private init(table: CSVTable, name: String) throws(ImportError) {
    guard let countryColumn = table.header.firstIndex(of: "country") else {
      throw ImportError(.missingColumn("country"), line: 1, field: "country")
    }
    let measureColumns = table.header.enumerated().compactMap { index, header in
      CreditorMeasure(rawValue: header).map { (index, $0) }
    }
    guard !measureColumns.isEmpty else {
      throw ImportError(
        .missingColumn(CreditorMeasure.allCases.map(\.rawValue).joined(separator: " or ")), line: 1)
    }
    let yearColumn = table.header.firstIndex(of: "year")
    let sourceColumn = table.header.firstIndex(of: "source")
    var profiles: [CreditorProfile] = []
    var seen: [Country: Int] = [:]
    for row in table.rows {
      let code = row.fields[countryColumn]
      guard let country = Country(code) else {
        throw ImportError(
          .invalidRecord(.unknownCountry(code)), line: row.line, column: countryColumn + 1,
          field: "country")
      }
      if let first = seen[country] {
        throw ImportError(
          .invalidValue("country \(country) appears twice (first on line \(first))"), line: row.line,
          column: countryColumn + 1, field: "country")
      }
      seen[country] = row.line
      var year = 0
      if let yearColumn {
        guard let parsed = IncidentRowParser.wholeNumber(row.fields[yearColumn]), parsed >= 1000,
          parsed <= 9999
        else {
          throw ImportError(
            .invalidValue("'\(row.fields[yearColumn])' is not a four-digit year"), line: row.line,
            column: yearColumn + 1, field: "year")
        }
        year = parsed
      }
      var values: [CreditorMeasure: Double] = [:]
      for (column, measure) in measureColumns {
        let text = row.fields[column]
        if text.isEmpty { continue }
        guard let value = CreditorTable.decimal(text), value.isFinite else {
          throw ImportError(
            .invalidValue("'\(text)' is not a decimal number"), line: row.line, column: column + 1,
            field: measure.rawValue)
        }
        if measure.isIndicator && value != 0 && value != 1 {
          throw ImportError(
            .invalidValue("\(measure.rawValue) must be 0 or 1, not \(text)"), line: row.line,
            column: column + 1, field: measure.rawValue)
        }
        if (measure == .chinaShareTotal || measure == .chinaShareBilateral) && !(0...1).contains(value) {
          throw ImportError(
            .invalidValue("\(measure.rawValue) is a fraction from 0 to 1, not \(text)"),
            line: row.line, column: column + 1, field: measure.rawValue)
        }
        values[measure] = value
      }
      let sourceTitle = sourceColumn.map { row.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
      profiles.append(
        CreditorProfile(
          country: country, year: year, sourceName: code, values: values,
          source: (try? SourceCitation(title: sourceTitle ?? "User creditor table \(name)"))!))
    }
    self.init(name: name, profiles: profiles)
  }

  /// Parses a plain decimal: optional minus sign, digits, optional fraction and exponent. No
  /// thousands separators, no spaces.
  static func decimal(_ text: String) -> Double? {
    guard !text.isEmpty,
      text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x65 || $0 == 0x45 || $0 == 0x2B })
    else { return nil }
    return Double(text)
  }
}
