/// The three categories of the China's Transnational Repression of Uyghurs Dataset
/// (Oxus Society and UHRP; "Great Wall of Steel", Wilson Center, 2022).
///
/// To January 2022 the dataset counts 5,532 intimidation cases, 1,150 detentions in a host
/// country and 424 deportations, extraditions or renditions to China
/// ([Oxus Society, Great Wall of Steel, para 3](https://oxussociety.org/great-wall-of-steel/)).
///
/// The raw values are the spellings of the canonical CSV schema. The declaration order is also the
/// category's code in the columnar counting store and in the benchmark generator
/// (intimidation 0, detention 1, extradition 2).
public enum IncidentCategory: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
  /// Threats, surveillance, coercion by proxy and other intimidation short of detention.
  case intimidation
  /// Held in the host country (whatever the later outcome, if the person was not returned).
  case detention
  /// Returned to the origin state in the dataset's wide sense: "deported, extradited or
  /// rendered", including coerced returns.
  case extradition

  /// The category's small integer code (0, 1, 2) in declaration order.
  public var code: UInt8 {
    switch self {
    case .intimidation: 0
    case .detention: 1
    case .extradition: 2
    }
  }

  /// The category with the given code, or `nil` outside 0...2.
  public init?(code: UInt8) {
    guard Int(code) < Self.allCases.count else { return nil }
    self = Self.allCases[Int(code)]
  }

  /// Orders categories by code.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.code < rhs.code }
}

/// How a person was intimidated (category ``IncidentCategory/intimidation``).
///
/// The raw values are the `mode` spellings of the canonical CSV schema.
public enum IntimidationTactic: String, CaseIterable, Codable, Hashable, Sendable {
  /// A threat whose channel the source does not specify.
  case threat
  /// Threats to or detention of family in the origin state (coercion by proxy).
  case threatsToFamily = "threats_to_family"
  /// Threats by message, social media or call.
  case digitalThreat = "digital_threat"
  /// Malware or phishing aimed at the person.
  case malwareOrPhishing = "malware_or_phishing"
  /// Surveillance, or recruitment of the person as an informant.
  case surveillance
  /// Refusal of a passport or other documents.
  case documentDenial = "document_denial"
  /// Abuse of an Interpol notice or diffusion.
  case interpolNoticeAbuse = "interpol_notice_abuse"
  /// A smear or disinformation campaign.
  case smearCampaign = "smear_campaign"
  /// Physical assault.
  case physicalAssault = "physical_assault"
  /// Any other tactic (say which in the notes).
  case other
  /// The source, or the file, does not say which tactic.
  case unspecified
  /// A killing or attempted killing of the person abroad: Freedom House's "suspected
  /// assassination" (and "attempted assassination").
  ///
  /// Freedom House's word "suspected" means the attribution to the origin state is not proven:
  /// the source judges it credible, no court or official finding has established it. Say in the
  /// notes what the attribution rests on.
  /// ([Freedom House, Out of Sight, Not Out of Reach, 2021](https://freedomhouse.org/report/transnational-repression))
  ///
  /// Added after ``unspecified`` so the earlier tactics keep their codes; its `mode` code comes
  /// after the return modes in ``IncidentKind/allModes``.
  case assassination
  /// Physical intimidation short of assault, such as being followed, confronted or surrounded in
  /// person by the origin state's agents (Freedom House's "physical intimidation").
  ///
  /// Added after ``assassination`` so the earlier tactics keep their codes.
  case physicalIntimidation = "physical_intimidation"
}

/// What became of a person detained in the host country (category
/// ``IncidentCategory/detention``), where known.
public enum DetentionOutcome: String, CaseIterable, Codable, Hashable, Sendable {
  /// The source does not say.
  case unknown
  /// Released in the host country.
  case released
  /// Still held when the source was written.
  case stillHeld = "still_held"
  /// Deported to a third country (a return to the origin state is an
  /// ``IncidentCategory/extradition`` record instead).
  case deported
}

/// How a person was returned to the origin state (category ``IncidentCategory/extradition``).
///
/// The raw values are the `mode` spellings of the canonical CSV schema. The dataset's 523 most
/// detailed cases split into 108 deportations, 89 coerced returns, 11 renditions and 9
/// extraditions ([Great Wall of Steel, para 3](https://oxussociety.org/great-wall-of-steel/)).
public enum ReturnMode: String, CaseIterable, Codable, Hashable, Sendable {
  /// Removal by the host state's immigration process.
  case deportation
  /// Formal extradition at the origin state's request.
  case extradition
  /// Extralegal transfer outside any judicial process.
  case rendition
  /// Return under pressure, such as threats to family, without a host-state removal.
  case coercedReturn = "coerced_return"
  /// The source, or the file, does not say how the person was returned.
  case unspecified
}

/// What kind of incident a record is: its category together with the category's detail.
///
/// The payload makes a mode that does not belong to its category unrepresentable: a detention
/// cannot carry a return mode.
///
/// ```swift
/// let kind = IncidentKind.extradition(.deportation)
/// kind.category   // .extradition
/// kind.mode       // "deportation"
/// ```
public enum IncidentKind: Hashable, Sendable {
  /// Intimidation with its tactic.
  case intimidation(IntimidationTactic)
  /// Detention in the host country with its outcome, where known.
  case detention(DetentionOutcome)
  /// A return to the origin state with its mode.
  case extradition(ReturnMode)

  /// The dataset category.
  public var category: IncidentCategory {
    switch self {
    case .intimidation: .intimidation
    case .detention: .detention
    case .extradition: .extradition
    }
  }

  /// The `mode` column of the canonical CSV schema: the tactic or return mode, or `"detention"`.
  public var mode: String {
    switch self {
    case .intimidation(let tactic): tactic.rawValue
    case .detention: "detention"
    case .extradition(let mode): mode.rawValue
    }
  }

  /// A reader's label for a `mode` spelling, for tables and charts: `"threats_to_family"` →
  /// "threats to family", `"other"` → "other intimidation", `"extradition"` → "formal extradition".
  ///
  /// ```swift
  /// IncidentKind.label(forMode: "digital_threat")   // "digital threat"
  /// ```
  ///
  /// - Parameter mode: a `mode` spelling of the canonical CSV schema.
  /// - Returns: the label; an unknown spelling comes back with its underscores as spaces.
  public static func label(forMode mode: String) -> String {
    switch mode {
    case IntimidationTactic.other.rawValue: "other intimidation"
    case IntimidationTactic.unspecified.rawValue: "unspecified"
    case ReturnMode.extradition.rawValue: "formal extradition"
    default: String(mode.map { $0 == "_" ? " " : $0 })
    }
  }

  /// The tactics whose mode codes precede detention's: the first eleven cases of
  /// ``IntimidationTactic``, `threat` through `unspecified`.
  ///
  /// Tactics added later (``IntimidationTactic/assassination``,
  /// ``IntimidationTactic/physicalIntimidation``) take codes after the return modes, so every
  /// earlier code, and the seeded synthetic data drawn from these eleven, stay as they were.
  static let originalTacticCount = 11

  /// Every `mode` spelling, in a fixed order; a mode's position is its code in the columnar store.
  ///
  /// The first eleven tactics, then `"detention"`, then the return modes, then the tactics added
  /// later (`"assassination"`, `"physical_intimidation"`): 19 spellings, with `"unspecified"`
  /// twice (intimidation and extradition).
  public static let allModes: [String] =
    IntimidationTactic.allCases.prefix(originalTacticCount).map(\.rawValue) + ["detention"]
    + ReturnMode.allCases.map(\.rawValue)
    + IntimidationTactic.allCases.dropFirst(originalTacticCount).map(\.rawValue)

  /// Builds a kind from a category and a CSV `mode` spelling.
  ///
  /// `"unspecified"` is accepted for every category (a detention's mode is always written back as
  /// `"detention"`), so files without a mode column can be read through a ``ColumnMapping`` that
  /// supplies it as the default, without inventing a mode.
  ///
  /// - Parameters:
  ///   - category: the record's category.
  ///   - mode: the `mode` spelling; it must belong to `category`.
  ///   - outcome: for a detention, its outcome (ignored otherwise).
  /// - Returns: the kind, or `nil` when `mode` is not a mode of `category`.
  public init?(category: IncidentCategory, mode: String, outcome: DetentionOutcome = .unknown) {
    var mode = mode
    guard let kind = mode.withUTF8({ IncidentKind(category: category, modeBytes: $0, outcome: outcome) })
    else { return nil }
    self = kind
  }

  /// The categories whose modes include `mode`; empty when `mode` is no known mode.
  public static func categories(acceptingMode mode: String) -> [IncidentCategory] {
    IncidentCategory.allCases.filter { IncidentKind(category: $0, mode: mode) != nil }
  }
}
