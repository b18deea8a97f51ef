/// What one country owes China, with where each figure comes from.
///
/// A profile holds the figures one source gives for one country (and year, where the source has
/// years): the World Bank's end-2024 debt stocks by creditor, or Horn–Reinhart–Trebesch's
/// estimates for a year of 2000–2017. Figures a source does not give are `nil`; nothing is filled
/// in.
///
/// ```swift
/// let pakistan = CreditorTable.worldBank2024[Country("PK")!]!
/// pakistan.largestBilateralCreditor     // "China"
/// pakistan.value(.chinaShareTotal)      // about 0.25
/// ```
public struct CreditorProfile: Hashable, Sendable, Codable {
  /// The debtor country.
  public let country: Country
  /// The year the figures refer to (end of year).
  public let year: Int
  /// The debtor's name as the source spells it.
  public let sourceName: String
  /// The figures, by measure.
  public let values: [CreditorMeasure: Double]
  /// Total PPG external debt, USD (World Bank only).
  public let totalPPGDebtUSD: Double?
  /// Bilateral PPG debt, USD (World Bank only).
  public let bilateralPPGDebtUSD: Double?
  /// The largest bilateral creditor as the source names it (World Bank only).
  public let largestBilateralCreditor: String?
  /// The largest creditor overall, pooled creditors excluded (World Bank only).
  public let largestCreditorOverall: String?
  /// Where the figures come from.
  public let source: SourceCitation
  /// Caveats the source's authors attach to this country's figures.
  public let notes: [String]

  /// Creates a profile.
  public init(
    country: Country, year: Int, sourceName: String, values: [CreditorMeasure: Double],
    totalPPGDebtUSD: Double? = nil, bilateralPPGDebtUSD: Double? = nil,
    largestBilateralCreditor: String? = nil, largestCreditorOverall: String? = nil,
    source: SourceCitation, notes: [String] = []
  ) {
    self.country = country
    self.year = year
    self.sourceName = sourceName
    self.values = values
    self.totalPPGDebtUSD = totalPPGDebtUSD
    self.bilateralPPGDebtUSD = bilateralPPGDebtUSD
    self.largestBilateralCreditor = largestBilateralCreditor
    self.largestCreditorOverall = largestCreditorOverall
    self.source = source
    self.notes = notes
  }

  /// The figure for a measure, or `nil` when the source does not give it.
  public func value(_ measure: CreditorMeasure) -> Double? { values[measure] }
}
