/// The ethnic group of the people targeted.
///
/// The dataset counts Uyghurs together with other Turkic and non-Turkic groups from the Xinjiang
/// Uyghur Autonomous Region: "Although we use the term Uyghur, we include other Turkic groups from
/// the XUAR, including Kyrgyz, Kazakhs and Uzbeks as well as non-Turkic groups such as Tajiks"
/// (Lemon, Jardine and Hall, *Globalizations* 20(4), 2023, note 1). The raw values are the spellings
/// of the `ethnic_groups` CSV column; an unknown spelling is an error, never coerced to ``other``.
///
/// ## Groups outside the list, and an unknown group
///
/// The list is typed for the Uyghur case, but the library serves any origin state. A group
/// outside the list is ``other`` *with its name*: the `ethnic_groups` cell (and the JSON array)
/// spells it `Other:NAME` (for example `Other:Baloch`, `Other:Tibetan exile` is also fine, or
/// `Uyghur;Other:Hong Konger`), and the name is kept in ``Incident/otherEthnicGroups``. A record
/// whose group the source does not give says so with ``unknown`` (`Unknown`) rather than leaving
/// the cell empty. A bare unrecognised name (`Baloch`) is still an error in the canonical schema,
/// so a typo in a known spelling is never taken for a new group; a spreadsheet import reads such
/// names as `Other:NAME` only when its mapping says so (``ColumnMapping/allowsOtherEthnicGroups``,
/// `--allow-other-groups`).
///
/// ```swift
/// let parsed = EthnicGroup.parse(spelling: "Other:Baloch")
/// // parsed?.group == .other, parsed?.name == "Baloch"
/// ```
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
  /// Another group, named in the record's ``Incident/otherEthnicGroups`` (spelled `Other:NAME`)
  /// or, without a name, in its notes.
  case other = "Other"
  /// The source does not say which group.
  case unknown = "Unknown"

  /// The prefix that names a group outside the list in a cell: `Other:`.
  public static let namedOtherPrefix = "Other:"

  /// Reads one spelling of an `ethnic_groups` cell: a known group's name in any letter case, or
  /// `Other:NAME` (any case for `Other`; the name trimmed of surrounding spaces, kept as written).
  ///
  /// - Parameter spelling: one `;`-separated item of the cell.
  /// - Returns: the group and, for `Other:NAME`, the name; `nil` for anything else (an empty name
  ///   after `Other:`, a name that is itself a known group's, or a name holding `;`).
  public static func parse(spelling: some StringProtocol) -> (group: EthnicGroup, name: String?)? {
    if let group = allCases.first(where: { $0.rawValue.caseInsensitiveEquals(spelling) }) {
      return (group, nil)
    }
    let prefix = namedOtherPrefix
    guard spelling.count > prefix.count,
      spelling.prefix(prefix.count).lowercased() == prefix.lowercased()
    else { return nil }
    let name = spelling.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    guard isValidOtherName(name) else { return nil }
    return (.other, name)
  }

  /// Whether `name` can name a group outside the list: not empty, no `;`, no line break, not
  /// `Other:`-prefixed and not the name of a group in the list.
  public static func isValidOtherName(_ name: String) -> Bool {
    !name.isEmpty && !name.contains(";") && !name.contains(where: \.isNewline)
      && name.trimmingCharacters(in: .whitespaces) == name
      && !allCases.contains { $0.rawValue.caseInsensitiveEquals(name) }
      && !name.lowercased().hasPrefix(namedOtherPrefix.lowercased())
  }

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
