extension Incident {
  /// Creates a validated incident from its common fields, in one statement.
  ///
  /// The date's precision follows from the parts given: a `day` makes it
  /// ``DatePrecision/day``, a `month` alone ``DatePrecision/month``, the `year` alone
  /// ``DatePrecision/year``. The origin defaults to China and the one `source` becomes
  /// ``sources``. For a date known only as the year of a report (``DatePrecision/reported``),
  /// several sources, a gender or a person's name, use
  /// ``init(id:origin:host:date:kind:persons:ethnicGroups:otherEthnicGroups:gender:sources:notes:personName:)``.
  ///
  /// ```swift
  /// let incident = try Incident(
  ///   id: "A", host: .thailand, year: 2015, month: 7, kind: .extradition(.deportation),
  ///   persons: .exactly(109), ethnicGroups: [.uyghur],
  ///   source: SourceCitation(title: "Thailand deports Uyghurs to China"))
  /// incident.date.precision   // .month
  /// incident.origin           // .china
  /// ```
  ///
  /// The ethnic groups have no default: a record that names the wrong group would be counted
  /// under it without a trace.
  ///
  /// - Parameters:
  ///   - id: a non-empty identifier.
  ///   - origin: the perpetrating state (default China).
  ///   - host: the country where it happened.
  ///   - year: the year, 1000–9999.
  ///   - month: the month, 1–12, when known.
  ///   - day: the day of the month, when known (only with a month).
  ///   - kind: the category and its detail.
  ///   - persons: how many people (default unknown).
  ///   - ethnicGroups: the groups targeted; at least one.
  ///   - source: the citation the record was read from.
  ///   - notes: free text.
  /// - Throws: ``ValidationIssue``: ``ValidationIssue/invalidDate(_:)`` for an impossible date
  ///   (a month outside 1–12, a day without a month, 2021-02-30), and what the full initializer
  ///   throws (an empty id, no ethnic group).
  /// - Complexity: O(*g*) for *g* ethnic groups.
  public init(
    id: String, origin: Country = .china, host: Country, year: Int, month: Int? = nil,
    day: Int? = nil, kind: IncidentKind, persons: PersonCount = .unknown,
    ethnicGroups: Set<EthnicGroup>, source: SourceCitation, notes: String = ""
  ) throws(ValidationIssue) {
    let precision: DatePrecision = day != nil ? .day : month != nil ? .month : .year
    let date: IncidentDate
    do {
      date = try IncidentDate(year: year, month: month, day: day, precision: precision)
    } catch {
      throw .invalidDate(error)
    }
    try self.init(
      id: id, origin: origin, host: host, date: date, kind: kind, persons: persons,
      ethnicGroups: ethnicGroups, sources: [source], notes: notes)
  }
}
