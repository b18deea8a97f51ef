/// One documented case of transnational repression.
///
/// An incident records who acted (``origin``), where (``host``), when (``date``), what happened
/// (``kind``: one of the dataset's three categories with its detail), to how many people
/// (``persons``) of which groups (``ethnicGroups``), and where it was read (``sources``).
///
/// ```swift
/// let incident = try Incident(
///   id: "DOC-001", host: .pakistan, year: 1997, kind: .extradition(.deportation),
///   persons: .exactly(14), ethnicGroups: [.uyghur],
///   source: SourceCitation(title: "Pakistan Deports Uyghurs (RFA, citing Dawn)"))
/// incident.category         // .extradition
/// incident.date.precision   // .year (from the parts given)
/// ```
///
/// That short form (``init(id:origin:host:year:month:day:kind:persons:ethnicGroups:source:notes:)``)
/// covers the common fields; the full one takes an ``IncidentDate`` of any precision, several
/// sources, a gender and a person's name.
///
/// Invariants, checked by the initializer and by ``IncidentDataset``: the id is not empty, there is
/// at least one source, and at least one ethnic group. Whether the date lies in the future depends
/// on the day of validation, so ``IncidentDataset`` checks it.
///
/// A person's name is sensitive: ``personName`` never appears in `description`, `dump`, logs or
/// default exports.
public struct Incident: Hashable, Sendable, Identifiable {
  /// A stable identifier, unique within a dataset (for example `DOC-001`).
  public let id: String
  /// The state that carried out the repression; China by default.
  public let origin: Country
  /// The country where it happened.
  public let host: Country
  /// When it happened, as precisely as known.
  public let date: IncidentDate
  /// The category and its detail.
  public let kind: IncidentKind
  /// How many people were affected, as exactly as known.
  public let persons: PersonCount
  /// The ethnic groups of the people affected; never empty.
  public let ethnicGroups: Set<EthnicGroup>
  /// The names of the groups outside ``EthnicGroup``'s list, in the order first given (spelled
  /// `Other:NAME` in a file); empty when none is named. When not empty, ``ethnicGroups`` holds
  /// ``EthnicGroup/other``.
  public let otherEthnicGroups: [String]
  /// The gender of the person affected, where given.
  public let gender: Gender?
  /// Where the record was read; never empty.
  public let sources: [SourceCitation]
  /// Conflicts between sources, later fate, caveats.
  public let notes: String
  /// The name of the person, if recorded. Sensitive; see ``PersonName``. An empty name is no
  /// name (`nil`), as an empty `person_name` cell of a CSV file is.
  public let personName: PersonName?

  /// Creates a validated incident.
  ///
  /// - Parameters:
  ///   - id: a non-empty identifier.
  ///   - origin: the perpetrating state (default China).
  ///   - host: the country where it happened.
  ///   - date: the date.
  ///   - kind: the category and its detail.
  ///   - persons: how many people (default unknown).
  ///   - ethnicGroups: the groups targeted; at least one (or a name in `otherEthnicGroups`).
  ///   - otherEthnicGroups: names of groups outside the list (see ``EthnicGroup``); each adds
  ///     ``EthnicGroup/other`` to ``ethnicGroups``. A repeated name is kept once.
  ///   - gender: the gender, if given.
  ///   - sources: at least one citation.
  ///   - notes: free text.
  ///   - personName: the person's name, if recorded (sensitive); an empty one is taken as `nil`.
  /// - Throws: ``ValidationIssue`` naming the first broken rule.
  public init(
    id: String, origin: Country = .china, host: Country, date: IncidentDate, kind: IncidentKind,
    persons: PersonCount = .unknown, ethnicGroups: Set<EthnicGroup>, otherEthnicGroups: [String] = [],
    gender: Gender? = nil, sources: [SourceCitation], notes: String = "", personName: PersonName? = nil
  ) throws(ValidationIssue) {
    guard id.contains(where: { !$0.isWhitespace }) else { throw .emptyID }
    var names: [String] = []
    for name in otherEthnicGroups where !names.contains(name) {
      guard EthnicGroup.isValidOtherName(name) else { throw .invalidOtherEthnicGroup(name) }
      names.append(name)
    }
    let ethnicGroups = names.isEmpty ? ethnicGroups : ethnicGroups.union([.other])
    guard !ethnicGroups.isEmpty else { throw .noEthnicGroup }
    guard !sources.isEmpty else { throw .noSource }
    self.init(
      validatedID: id, origin: origin, host: host, date: date, kind: kind, persons: persons,
      ethnicGroups: ethnicGroups, otherEthnicGroups: names, gender: gender, sources: sources,
      notes: notes, personName: personName?.revealedText.isEmpty == true ? nil : personName)
  }

  /// An incident whose values a reader has already validated (as ``init(id:origin:host:date:kind:persons:ethnicGroups:otherEthnicGroups:gender:sources:notes:personName:)``
  /// would: a visible id, at least one group and one source, valid other-group names listed
  /// once and `.other` among the groups when there are any, no empty name). Checks nothing.
  internal init(
    validatedID id: String, origin: Country, host: Country, date: IncidentDate, kind: IncidentKind,
    persons: PersonCount, ethnicGroups: Set<EthnicGroup>, otherEthnicGroups: [String],
    gender: Gender?, sources: [SourceCitation], notes: String, personName: PersonName?
  ) {
    self.id = id
    self.origin = origin
    self.host = host
    self.date = date
    self.kind = kind
    self.persons = persons
    self.ethnicGroups = ethnicGroups
    self.otherEthnicGroups = otherEthnicGroups
    self.gender = gender
    self.sources = sources
    self.notes = notes
    self.personName = personName
  }

  /// The dataset category.
  public var category: IncidentCategory { kind.category }

  /// The ethnic groups in code order (Uyghur first).
  public var sortedEthnicGroups: [EthnicGroup] { ethnicGroups.sorted() }

  /// The groups as a file spells them, in code order: a known group by its name, ``EthnicGroup/other``
  /// by one `Other:NAME` per name in ``otherEthnicGroups`` (or `Other` when none is named), e.g.
  /// `["Uyghur", "Other:Baloch"]`. The `ethnic_groups` cell joins them with `;`.
  public var ethnicGroupSpellings: [String] {
    sortedEthnicGroups.flatMap { group -> [String] in
      group == .other && !otherEthnicGroups.isEmpty
        ? otherEthnicGroups.map { EthnicGroup.namedOtherPrefix + $0 } : [group.rawValue]
    }
  }
}

extension Incident: CustomStringConvertible {
  /// A one-line summary that never contains the person's name, e.g.
  /// `DOC-001: extradition (deportation) CN→PK 1997, 14 persons, Uyghur`.
  public var description: String {
    let groups = ethnicGroupSpellings.joined(separator: ";")
    return "\(id): \(category.rawValue) (\(kind.mode)) \(origin)→\(host) \(date), "
      + "\(persons) persons, \(groups)"
  }
}

extension Incident: CustomReflectable {
  /// A mirror without the person's name, so `dump` never shows it.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "id": id, "origin": origin, "host": host, "date": date, "kind": kind,
        "persons": persons, "ethnicGroups": ethnicGroupSpellings, "gender": gender as Any,
        "sources": sources, "notes": notes,
        "personName": personName == nil ? "nil" : "<redacted>",
      ], displayStyle: .struct)
  }
}
