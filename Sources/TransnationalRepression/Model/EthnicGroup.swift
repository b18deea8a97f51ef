/// The ethnic group of the people targeted.
///
/// The dataset counts Uyghurs together with other Turkic and non-Turkic groups from the Xinjiang
/// Uyghur Autonomous Region: "Although we use the term Uyghur, we include other Turkic groups from
/// the XUAR, including Kyrgyz, Kazakhs and Uzbeks as well as non-Turkic groups such as Tajiks"
/// (Lemon, Jardine and Hall, *Globalizations* 20(4), 2023, note 1). The raw values are the spellings
/// of the `ethnic_groups` CSV column; an unknown spelling is an error, never coerced to ``other``.
public enum EthnicGroup: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
  /// Uyghur.
  case uyghur = "Uyghur"
  /// Kazakh.
  case kazakh = "Kazakh"
  /// Kyrgyz.
  case kyrgyz = "Kyrgyz"
  /// Uzbek.
  case uzbek = "Uzbek"
  /// Tajik.
  case tajik = "Tajik"
  /// Hui.
  case hui = "Hui"
  /// Tibetan.
  case tibetan = "Tibetan"
  /// Mongol.
  case mongol = "Mongol"
  /// Han.
  case han = "Han"
  /// Another group (name it in the notes).
  case other = "Other"

  /// The group's position in `allCases`; its code in the columnar store.
  public var code: UInt8 { UInt8(EthnicGroup.allCases.firstIndex(of: self)!) }

  /// Orders groups by code.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.code < rhs.code }
}

/// The gender of a targeted person, where a source gives it.
public enum Gender: String, CaseIterable, Codable, Hashable, Sendable {
  /// Female.
  case female
  /// Male.
  case male
  /// Another gender.
  case other
}
