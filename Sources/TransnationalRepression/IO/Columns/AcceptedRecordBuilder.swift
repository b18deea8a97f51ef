import Foundation

/// Builds the ``Incident`` of a row that the columnar import accepted, from the row's fields and
/// the codes the import found for it, without validating again: the typed record path of
/// ``IncidentCSV`` on the columnar engine.
///
/// The import's contract makes this safe: a row becomes a candidate only when
/// ``FastRowValidator`` accepts it (and then ``IncidentRowParser/incident(from:)`` would accept it
/// with exactly those codes) or when the general parser accepted it. So the builder reads the
/// coded fields (countries, kind, year and month, groups, persons and qualifier) from the codes,
/// parses only what the codes do not hold (day, precision, detention outcome, gender), and takes
/// the free text as it is. Repeated texts — source titles, addresses, publishers, dates — are
/// interned, so a million records citing one source hold one copy of its title.
///
/// It declines (returns `nil`, and the caller asks the general parser) for what the codes cannot
/// say: mapped value reading, and groups named outside the typed list (`Other:NAME`).
internal struct AcceptedRecordBuilder {
  /// The column of each field by ``IncidentField/ordinal``, or −1 when a constant fills it.
  private let columns: [Int]
  /// The constant of each field (empty when a column fills it).
  private let constants: [String]
  /// The columns of each further source (title, URL, date, publisher; −1 for none).
  private let extraColumns: [(title: Int, url: Int, date: Int, publisher: Int)]
  /// Whether the parser reads values through a mapping (the builder then declines).
  private let readsMappedValues: Bool
  private var interner = StringInterner()
  /// The sources of the last record built.
  private var lastSources: [SourceCitation] = []
  /// The group sets by bit mask: records with the same groups share one set.
  private var groupSets = EthnicGroupSets()

  /// The qualifiers by their column code.
  private static let qualifiers: [PersonCountQualifier] =
    PersonCountQualifier.allCases.sorted { $0.columnCode < $1.columnCode }
  /// The bit of `.other` in a group mask.
  private static let otherBit = UInt16(1) << UInt16(EthnicGroup.other.code)

  init(parser: IncidentRowParser) {
    var columns: [Int] = []
    var constants: [String] = []
    for source in parser.sourceList {
      switch source {
      case .column(let index, _):
        columns.append(index)
        constants.append("")
      case .constant(let value):
        columns.append(-1)
        constants.append(value)
      }
    }
    self.columns = columns
    self.constants = constants
    extraColumns = parser.extraSources.map { extra in
      (
        extra.columns[.sourceTitle] ?? -1, extra.columns[.sourceURL] ?? -1,
        extra.columns[.sourceDate] ?? -1, extra.columns[.sourcePublisher] ?? -1
      )
    }
    readsMappedValues = parser.reading != nil
  }

  /// The incident of an accepted row, or `nil` when the general parser must build it.
  ///
  /// - Parameters:
  ///   - record: the row's fields.
  ///   - codes: the codes the import found for the row.
  ///   - persons: the row's persons (the codes hold only values below 255).
  mutating func incident(_ record: CSVRecord, _ codes: Candidate, persons: Int) -> Incident? {
    let mask = codes.groups & RowCodes.groupBits
    guard !readsMappedValues, mask & AcceptedRecordBuilder.otherBit == 0 else { return nil }

    guard let day = number(.day, record),
      let precision = match(.datePrecision, record, AcceptedRecordBuilder.precisions),
      let date = try? IncidentDate(
        year: Int(codes.year), month: codes.month == 0 ? nil : Int(codes.month), day: day,
        precision: precision)
    else { return nil }

    var kind = IncidentKind.kindOfColumnCode[Int(codes.kind)]
    if case .detention = kind {
      guard let outcome = isEmpty(.detentionOutcome, record)
        ? DetentionOutcome.unknown : match(.detentionOutcome, record, AcceptedRecordBuilder.outcomes)
      else { return nil }
      kind = .detention(outcome)
    }

    let qualifier = AcceptedRecordBuilder.qualifiers[Int(codes.groups >> RowCodes.qualifierShift)]
    guard let count = try? PersonCount(qualifier == .unknown ? nil : persons, qualifier: qualifier)
    else { return nil }

    let groups = groupSets.groups(mask)

    var gender: Gender?
    if !isEmpty(.gender, record) {
      guard let parsed = match(.gender, record, AcceptedRecordBuilder.genders) else { return nil }
      gender = parsed
    }

    let first = SourceCitation(
      validatedTitle: text(.sourceTitle, record, interned: true),
      url: text(.sourceURL, record, interned: true),
      publisher: text(.sourcePublisher, record, interned: true),
      date: text(.sourceDate, record, interned: true))
    // Rows that cite what the row before cites share its list (one allocation fewer a row).
    var sources = lastSources.count == 1 && lastSources[0] == first ? lastSources : [first]
    for extra in extraColumns {
      let title = text(column: extra.title, record, interned: true)
      let url = text(column: extra.url, record, interned: true)
      let date = text(column: extra.date, record, interned: true)
      let publisher = text(column: extra.publisher, record, interned: true)
      if title.isEmpty && url.isEmpty && date.isEmpty && publisher.isEmpty { continue }
      sources.append(SourceCitation(validatedTitle: title, url: url, publisher: publisher, date: date))
    }
    lastSources = sources

    let name = text(.personName, record, interned: false)
    return Incident(
      validatedID: text(.id, record, interned: false),
      origin: Country(unchecked: UInt16(codes.origin)), host: Country(unchecked: UInt16(codes.host)),
      date: date, kind: kind, persons: count, ethnicGroups: groups, otherEthnicGroups: [],
      gender: gender, sources: sources, notes: text(.notes, record, interned: false),
      personName: name.isEmpty ? nil : PersonName(name))
  }

  // MARK: - Fields

  /// A field's text: its column's (quotes undone), or its constant.
  private mutating func text(_ field: IncidentField, _ record: CSVRecord, interned: Bool) -> String {
    let column = columns[field.ordinal]
    return column < 0 ? constants[field.ordinal] : text(column: column, record, interned: interned)
  }

  /// A column's text (empty for −1).
  private mutating func text(column: Int, _ record: CSVRecord, interned: Bool) -> String {
    guard column >= 0 else { return "" }
    let bytes = record.rawBytes(at: column)
    if record.isQuoted(column) && bytes.contains(0x22) { return record.string(at: column) ?? "" }
    return interned ? interner.string(bytes) : String(decoding: bytes, as: UTF8.self)
  }

  /// Calls `body` with a field's bytes (an enumerated or numeric field: no quotes to undo).
  private func withBytes<Result>(
    _ field: IncidentField, _ record: CSVRecord, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    let column = columns[field.ordinal]
    if column >= 0 { return body(record.rawBytes(at: column)) }
    var constant = constants[field.ordinal]
    return constant.withUTF8(body)
  }

  private func isEmpty(_ field: IncidentField, _ record: CSVRecord) -> Bool {
    withBytes(field, record) { $0.isEmpty }
  }

  private static let precisions = SpellingTable(DatePrecision.self)
  private static let outcomes = SpellingTable(DetentionOutcome.self)
  private static let genders = SpellingTable(Gender.self)

  /// The case whose spelling is the field's bytes.
  private func match<Value>(
    _ field: IncidentField, _ record: CSVRecord, _ spellings: SpellingTable<Value>
  ) -> Value? {
    withBytes(field, record) { spellings.value($0) }
  }

  /// A field's number: `.some(nil)` when empty, `nil` when not plain digits (the fast path took
  /// only plain digits).
  private func number(_ field: IncidentField, _ record: CSVRecord) -> Int?? {
    withBytes(field, record) { FastRowValidator.optionalNumber($0) }
  }
}
