/// A world region, as the transnational-repression reports group host countries.
///
/// The Oxus Society / UHRP reports ("No Space Left to Run", 2021; "Great Wall of Steel", 2022)
/// publish totals for regions such as the Middle East and North Africa (689 incidents to
/// January 2022) and South Asia (668). Every ISO 3166-1 country maps to exactly one region in
/// the bundled table (see ``Country/region``); the assignment and its judgement calls are
/// documented in the Data Sources article.
///
/// ```swift
/// let region = Country("PK")!.region   // .southAsia
/// ```
public enum Region: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
  /// The Arab League states, Turkey, Iran, Israel, Palestine and Western Sahara.
  case middleEastAndNorthAfrica = "Middle East and North Africa"
  /// Afghanistan, Pakistan, India, Nepal, Bangladesh, Bhutan, Sri Lanka and the Maldives.
  case southAsia = "South Asia"
  /// Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.
  case centralAsia = "Central Asia"
  /// The ASEAN states and Timor-Leste.
  case southeastAsia = "Southeast Asia"
  /// China, Mongolia, Japan, the Koreas, Taiwan, Hong Kong and Macao.
  case eastAsia = "East Asia"
  /// Europe, including Russia, Ukraine, Belarus and the South Caucasus.
  case europe = "Europe"
  /// The United States, Canada, Greenland, Bermuda and Saint Pierre and Miquelon.
  case northAmerica = "North America"
  /// Mexico, Central and South America and the Caribbean.
  case latinAmericaAndCaribbean = "Latin America and Caribbean"
  /// Africa south of the Sahara.
  case subSaharanAfrica = "Sub-Saharan Africa"
  /// Australia, New Zealand and the Pacific islands.
  case oceania = "Oceania"
  /// Antarctica (ISO 3166-1 `AQ`), which belongs to no inhabited region.
  case antarctica = "Antarctica"

  /// The region's name as the reports print it.
  public var name: String { rawValue }

  /// Orders regions in declaration order, the order the reports use.
  public static func < (lhs: Region, rhs: Region) -> Bool {
    lhs.ordinal < rhs.ordinal
  }

  /// The position of the region in `allCases`; a small integer code for the columnar store.
  public var ordinal: Int { Region.allCases.firstIndex(of: self)! }
}
