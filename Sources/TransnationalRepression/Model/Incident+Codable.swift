extension CodingUserInfoKey {
  /// Set to a ``PersonNamePolicy`` in an encoder's `userInfo` to export people's names;
  /// without it, ``Incident`` encodes no name.
  public static let personNamePolicy = CodingUserInfoKey(rawValue: "tnr.personNamePolicy")!
}

extension Incident: Codable {
  private enum CodingKeys: String, CodingKey {
    case id, origin, host, date, category, mode, outcome, persons
    case ethnicGroups = "ethnic_groups"
    case gender, sources, notes
    case personName = "person_name"
  }

  /// Decodes and validates an incident.
  ///
  /// - Throws: `DecodingError` when a field is missing, malformed, or breaks an invariant (for
  ///   example a mode that does not belong to its category).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let category = try container.decode(IncidentCategory.self, forKey: .category)
    let mode = try container.decode(String.self, forKey: .mode)
    let outcome = try container.decodeIfPresent(DetentionOutcome.self, forKey: .outcome) ?? .unknown
    guard let kind = IncidentKind(category: category, mode: mode, outcome: outcome) else {
      throw DecodingError.dataCorruptedError(
        forKey: .mode, in: container,
        debugDescription: ValidationIssue.modeNotInCategory(mode: mode, category: category).description)
    }
    let spellings = try container.decode([String].self, forKey: .ethnicGroups).map {
      spelling throws(DecodingError) in
      guard let parsed = EthnicGroup.parse(spelling: spelling) else {
        throw DecodingError.dataCorruptedError(
          forKey: .ethnicGroups, in: container,
          debugDescription: ValidationIssue.unknownEthnicGroup(spelling).description)
      }
      return parsed
    }
    do {
      try self.init(
        id: try container.decode(String.self, forKey: .id),
        origin: try container.decodeIfPresent(Country.self, forKey: .origin) ?? .china,
        host: try container.decode(Country.self, forKey: .host),
        date: try container.decode(IncidentDate.self, forKey: .date),
        kind: kind,
        persons: try container.decode(PersonCount.self, forKey: .persons),
        ethnicGroups: Set(spellings.map(\.group)), otherEthnicGroups: spellings.compactMap(\.name),
        gender: try container.decodeIfPresent(Gender.self, forKey: .gender),
        sources: try container.decode([SourceCitation].self, forKey: .sources),
        notes: try container.decodeIfPresent(String.self, forKey: .notes) ?? "",
        personName: try container.decodeIfPresent(PersonName.self, forKey: .personName))
    } catch let issue as ValidationIssue {
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: container, debugDescription: issue.description)
    }
  }

  /// Encodes the incident; the person's name only as the encoder's
  /// `CodingUserInfoKey.personNamePolicy` says (omitted by default).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(origin, forKey: .origin)
    try container.encode(host, forKey: .host)
    try container.encode(date, forKey: .date)
    try container.encode(category, forKey: .category)
    try container.encode(kind.mode, forKey: .mode)
    if case .detention(let outcome) = kind, outcome != .unknown {
      try container.encode(outcome, forKey: .outcome)
    }
    try container.encode(persons, forKey: .persons)
    try container.encode(ethnicGroupSpellings, forKey: .ethnicGroups)
    try container.encodeIfPresent(gender, forKey: .gender)
    try container.encode(sources, forKey: .sources)
    try container.encode(notes, forKey: .notes)
    let policy = encoder.userInfo[.personNamePolicy] as? PersonNamePolicy ?? .omit
    if let text = policy.exportedText(for: personName) {
      try container.encode(text, forKey: .personName)
    }
  }
}
