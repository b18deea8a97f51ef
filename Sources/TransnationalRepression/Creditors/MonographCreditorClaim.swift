/// The monograph's creditor claim, checked against the bundled World Bank data.
///
/// "Great Wall of Steel" (Jardine, Wilson Center, 2022) notes that of the ten countries where
/// Uyghurs are most exposed to detention or extradition, China is the largest creditor of five:
/// Pakistan, Kyrgyzstan, Tajikistan, Cambodia and Myanmar. The list of ten could not be
/// retrieved from the stored copies of the monograph (see the Data Sources article); the five
/// named countries can be checked against the World Bank's end-2024 debt stocks.
///
/// ```swift
/// for row in MonographCreditorClaim.check() {
///   print(row.country.commonName, row.chinaIsLargestBilateral ?? false)
/// }
/// // Pakistan true, Kyrgyzstan true, Tajikistan true, Cambodia true, Myanmar false (Japan)
/// ```
public enum MonographCreditorClaim {
  /// The five countries the monograph names, in its order.
  public static let namedCountries: [Country] = ["PK", "KG", "TJ", "KH", "MM"].map { Country($0)! }

  /// One named country against the data.
  public struct Row: Hashable, Sendable, Codable {
    /// The country.
    public let country: Country
    /// Whether China is the largest bilateral creditor at end-2024; `nil` if not covered.
    public let chinaIsLargestBilateral: Bool?
    /// Whether China is the largest creditor overall at end-2024; `nil` if not covered.
    public let chinaIsLargestOverall: Bool?
    /// The largest bilateral creditor as IDS names it.
    public let largestBilateralCreditor: String?
    /// The largest creditor overall as IDS names it.
    public let largestCreditorOverall: String?
    /// China's share of total PPG external debt.
    public let chinaShareTotal: Double?
  }

  /// Checks the named countries against a creditor table (default: World Bank IDS, end-2024).
  ///
  /// - Parameter table: a table with the largest-creditor indicators.
  /// - Returns: one row per named country, in the monograph's order.
  public static func check(against table: CreditorTable = .worldBank2024) -> [Row] {
    namedCountries.map { country in
      let profile = table[country]
      return Row(
        country: country,
        chinaIsLargestBilateral: profile?.value(.chinaLargestBilateral).map { $0 == 1 },
        chinaIsLargestOverall: profile?.value(.chinaLargestOverall).map { $0 == 1 },
        largestBilateralCreditor: profile?.largestBilateralCreditor,
        largestCreditorOverall: profile?.largestCreditorOverall,
        chinaShareTotal: profile?.value(.chinaShareTotal))
    }
  }
}
