import Foundation

/// Turns CSV records into validated incidents, for one file's header and mapping.
internal struct IncidentRowParser {
  private let sources: [IncidentField: FieldSource]
  /// The same sources by ``IncidentField/ordinal`` (an array: looking a field up hashes
  /// nothing).
  let sourceList: [FieldSource]
  let headerCount: Int
  private let headerNames: [String]
  let extraSources: [(number: Int, columns: [IncidentField: Int])]
  private let today: CalendarDay
  /// How a mapped file's values are read; `nil` for the canonical schema.
  let reading: MappedValueReader?
  /// Columns of the file that no field is read from.
  let ignoredColumns: [String]
  /// The first part of generated ids (`NAME` of `NAME-LINE`).
  private let idPrefix: String
  /// The encoding the mapping declares (an invalid-UTF-8 message suggests one when none is).
  private let declaredEncoding: CSVEncoding?
  /// Whether unrecognised ethnic-group names are read as `Other:NAME`.
  private let allowsOtherEthnicGroups: Bool

  /// Resolves the header against the mapping.
  ///
  /// - Throws: ``ImportError`` when the header is not valid UTF-8, names a column twice, or lacks
  ///   a needed column.
  ///   `sourceName` is the file's name without its extension, the first part of generated ids.
  init(
    header record: CSVRecord, mapping: ColumnMapping, today: CalendarDay, sourceName: String = "row"
  ) throws(ImportError) {
    if let problem = record.problem {
      throw ImportError(.malformedCSV(problem), line: record.line)
    }
    guard let header = record.fields() else {
      throw ImportError(
        .malformedCSV("the header is not valid UTF-8" + IncidentRowParser.encodingHint(mapping.encoding)),
        line: record.line)
    }
    self.idPrefix = sourceName
    if header == [""] { throw ImportError(.emptyFile, line: record.line) }
    let resolved = try mapping.resolveForReading(header: header)
    self.sources = resolved.sources
    self.reading = resolved.reading
    self.sourceList = IncidentField.allCases.map { [sources = self.sources] in sources[$0]! }
    self.headerCount = header.count
    self.declaredEncoding = mapping.encoding
    self.allowsOtherEthnicGroups = mapping.allowsOtherEthnicGroups
    self.headerNames = header
    self.today = today
    var used = Set<Int>()
    for case .column(let index, _) in sources.values { used.insert(index) }
    if let date = resolved.reading?.date { used.insert(date.index) }
    if let kind = resolved.reading?.kind { used.insert(kind.index) }
    // Further sources: source_title_2, source_url_2, source_date_2, source_publisher_2, …
    var extra: [Int: [IncidentField: Int]] = [:]
    let parts: [(String, IncidentField)] = [
      ("source_title_", .sourceTitle), ("source_url_", .sourceURL),
      ("source_date_", .sourceDate), ("source_publisher_", .sourcePublisher),
    ]
    for (index, name) in header.enumerated() {
      for (prefix, field) in parts where name.hasPrefix(prefix) {
        let suffix = name.dropFirst(prefix.count)
        if let number = Int(suffix), number >= 2, String(number) == suffix {
          extra[number, default: [:]][field] = index
          used.insert(index)
        }
      }
    }
    self.extraSources = extra.keys.sorted().map { ($0, extra[$0]!) }
    self.ignoredColumns = header.enumerated().filter { !used.contains($0.offset) }.map(\.element)
  }

  /// The text of a rejected row for the import report: the row as it stands in the file, except
  /// that a `person_name` field shows only what `names` allows. A malformed row of a file with a
  /// name column cannot be split into fields safely, so its text is withheld (its line is kept).
  func rejectedText(of record: CSVRecord, names: PersonNamePolicy) -> String {
    guard case .column(let nameIndex, _) = sourceList[IncidentField.personName.ordinal],
      names != .include
    else {
      return record.rawText
    }
    guard record.problem == nil, record.count == headerCount, let fields = record.fields() else {
      return "<row withheld: the file has a person_name column and this row cannot be split into fields>"
    }
    var shown = fields
    shown[nameIndex] = fields[nameIndex].isEmpty ? "" : names.exportedText(for: PersonName(fields[nameIndex])) ?? ""
    return shown.map(CSVFormatting.escaped).joined(separator: ",")
  }

  /// Where each field comes from (for the columnar import's fast path).
  var sourcesForFastPath: [IncidentField: FieldSource] { sources }

  /// The columns of each further source, in order (for the columnar import's fast path).
  var extraSourcesForFastPath: [[IncidentField: Int]] { extraSources.map(\.columns) }

  /// The id of a record as ``incident(from:)`` reads it (the record must have the header's
  /// field count and be valid UTF-8).
  func idText(of record: CSVRecord) -> String {
    switch sourceList[IncidentField.id.ordinal] {
    case .column(let index, _): record.string(at: index) ?? ""
    case .constant(let constant): constant
    }
  }

  /// The 1-based column of a field, or `nil` for a default.
  func columnNumber(of field: IncidentField) -> Int? {
    if case .column(let index, _) = sourceList[field.ordinal] { return index + 1 }
    return nil
  }

  /// The file's name for a field's column (or the canonical name for a default).
  func columnName(of field: IncidentField) -> String {
    if case .column(_, let name) = sourceList[field.ordinal] { return name }
    return field.rawValue
  }

  /// Parses one record.
  ///
  /// - Throws: ``ImportError`` for the first problem, naming line, column and field.
  func incident(from record: CSVRecord) throws(ImportError) -> Incident {
    let line = record.line
    if let problem = record.problem {
      throw ImportError(.malformedCSV(problem), line: line)
    }
    if !record.isValidUTF8 {
      let column = (0..<record.count).first { record.string(at: $0) == nil }
      throw ImportError(
        .malformedCSV("the row is not valid UTF-8" + IncidentRowParser.encodingHint(declaredEncoding)),
        line: line, column: column.map { $0 + 1 },
        field: column.flatMap { headerNames.indices.contains($0) ? headerNames[$0] : nil })
    }
    // A NUL byte in a spreadsheet's cell means a damaged or misdecoded file. The canonical
    // schema reads back whatever the writer wrote (round trips stay lossless), so only mapped
    // files reject it.
    if reading != nil, let column = record.firstFieldWithNUL {
      throw ImportError(
        .malformedCSV("the field holds a NUL byte (0x00), which no text value may hold"),
        line: line, column: column + 1,
        field: headerNames.indices.contains(column) ? headerNames[column] : nil)
    }
    guard record.count == headerCount else {
      throw ImportError(.wrongFieldCount(expected: headerCount, found: record.count), line: line)
    }
    var recordID: String?

    func text(_ field: IncidentField) throws(ImportError) -> String {
      let value: String
      switch sourceList[field.ordinal] {
      case .column(let index, _): value = record.string(at: index)!
      case .constant(let constant): value = constant
      }
      if let reading {
        return try mappedText(field, value, reading)
      }
      if value.isEmpty && !field.mayBeEmpty {
        throw fail(.emptyRequiredField, field)
      }
      return value
    }
    func mappedText(_ field: IncidentField, _ raw: String, _ reading: MappedValueReader)
      throws(ImportError) -> String
    {
      var value = raw
      if let vocabulary = reading.vocabularies[field], !Vocabulary.key(raw).isEmpty {
        guard let mapped = vocabulary.values[Vocabulary.key(raw)] else {
          throw failText(
            "'\(raw)' is not a label the mapping knows for \(field.rawValue) (known labels: "
              + "\(vocabulary.labelList)); add it with --value \(field.rawValue):LABEL=VALUE",
            field)
        }
        value = mapped
      }
      if MappedValueReader.enumeratedFields.contains(field) {
        value = value.trimmingCharacters(in: .whitespaces).lowercased()
      }
      if value.isEmpty && !field.mayBeEmpty {
        throw fail(.emptyRequiredField, field)
      }
      return value
    }
    func failText(_ message: String, _ field: IncidentField) -> ImportError {
      ImportError(
        .invalidValue(message), line: line, column: columnNumber(of: field),
        field: columnName(of: field), recordID: recordID)
    }
    func failAt(_ message: String, _ place: (index: Int, name: String)) -> ImportError {
      ImportError(
        .invalidValue(message), line: line, column: place.index + 1, field: place.name,
        recordID: recordID)
    }
    func fail(_ issue: ValidationIssue, _ field: IncidentField) -> ImportError {
      ImportError(
        .invalidRecord(issue), line: line, column: columnNumber(of: field),
        field: columnName(of: field), recordID: recordID)
    }
    func country(_ field: IncidentField) throws(ImportError) -> Country {
      if reading != nil {
        let raw: String
        switch sourceList[field.ordinal] {
        case .column(let index, _): raw = record.string(at: index)!
        case .constant(let constant): raw = constant
        }
        switch MappedValueReader.country(raw) {
        case .success(let country): return country
        case .failure(.empty): throw fail(.emptyRequiredField, field)
        case .failure(let error): throw failText(error.message, field)
        }
      }
      let code = try text(field)
      guard let country = Country(code) else { throw fail(.unknownCountry(code), field) }
      return country
    }
    func number(_ field: IncidentField) throws(ImportError) -> Int? {
      let value = try text(field)
      if value.isEmpty { return nil }
      guard let parsed = IncidentRowParser.wholeNumber(value) else {
        throw fail(.notANumber(value), field)
      }
      return parsed
    }

    let id = reading?.generatesIDs == true ? "\(idPrefix)-\(line)" : try text(.id)
    guard id.contains(where: { !$0.isWhitespace }) else { throw fail(.emptyID, .id) }
    recordID = id
    let origin = try country(.origin)
    let host = try country(.host)

    let date: IncidentDate
    if let place = reading?.date {
      let raw = record.string(at: place.index)!
      do {
        date = try IncidentDate(parsing: raw, order: reading?.dateOrder)
      } catch {
        throw failAt(error.description, place)
      }
      if date.isAfter((today.year, today.month, today.day)) {
        throw ImportError(
          .invalidRecord(.futureDate(date, today: today.description)), line: line,
          column: place.index + 1, field: place.name, recordID: recordID)
      }
    } else {
    guard let year = try number(.year) else { throw fail(.emptyRequiredField, .year) }
    let month = try number(.month)
    let day = try number(.day)
    let precisionText = try text(.datePrecision)
    guard let precision = DatePrecision(rawValue: precisionText) else {
      throw fail(.unknownDatePrecision(precisionText), .datePrecision)
    }
    do {
      date = try IncidentDate(year: year, month: month, day: day, precision: precision)
    } catch {
      let field: IncidentField =
        switch error {
        case .yearOutOfRange: .year
        case .monthOutOfRange: .month
        case .dayOutOfRange, .dayWithoutMonth: .day
        case .missingPart(_, let part), .unexpectedPart(_, let part): part == "day" ? .day : .month
        }
      throw fail(.invalidDate(error), field)
    }
    if date.isAfter((today.year, today.month, today.day)) {
      // Point at the most precise part given: a month-precision date is in the future because of
      // its month (2026-12 on 2026-11-23), not its year.
      throw fail(
        .futureDate(date, today: today.description),
        date.day != nil ? .day : date.month != nil ? .month : .year)
    }
    }

    let category: IncidentCategory
    let modeText: String
    if let reading, let place = reading.kind {
      let raw = record.string(at: place.index)!
      let key = Vocabulary.key(raw)
      if key.isEmpty {
        throw ImportError(
          .invalidRecord(.emptyRequiredField), line: line, column: place.index + 1,
          field: place.name, recordID: recordID)
      }
      if reading.kindLabels.isEmpty {
        guard let kind = MappedValueReader.kindValue(raw) else {
          throw failAt(
            "'\(raw)' is not a kind (CATEGORY/MODE, such as extradition/deportation); map the "
              + "file's labels with --value kind:LABEL=CATEGORY/MODE", place)
        }
        (category, modeText) = kind
      } else {
        guard let kind = reading.kindValues[key] else {
          throw failAt(
            "'\(raw)' is not a label the mapping knows for kind (known labels: "
              + reading.kindLabels.map { "'\($0)'" }.joined(separator: ", ")
              + "); add it with --value kind:LABEL=CATEGORY/MODE", place)
        }
        (category, modeText) = kind
      }
    } else {
      let categoryText = try text(.category)
      guard let parsed = IncidentCategory(rawValue: categoryText) else {
        throw fail(.unknownCategory(categoryText), .category)
      }
      category = parsed
      modeText = try text(.mode)
    }
    let outcomeText = try text(.detentionOutcome)
    var outcome = DetentionOutcome.unknown
    if !outcomeText.isEmpty {
      guard let parsed = DetentionOutcome(rawValue: outcomeText) else {
        throw fail(.unknownOutcome(outcomeText), .detentionOutcome)
      }
      outcome = parsed
    }
    guard let kind = IncidentKind(category: category, mode: modeText, outcome: outcome) else {
      if IncidentKind.categories(acceptingMode: modeText).isEmpty {
        throw fail(.unknownMode(modeText), .mode)
      }
      throw fail(.modeNotInCategory(mode: modeText, category: category), .mode)
    }

    let persons: PersonCount
    if let reading, reading.personsAsText {
      let raw: String
      switch sourceList[IncidentField.persons.ordinal] {
      case .column(let index, _): raw = record.string(at: index)!
      case .constant(let constant): raw = constant
      }
      do {
        persons = try PersonCount(parsing: raw)
      } catch {
        throw failText(error.description, .persons)
      }
    } else {
    let personsValue = try number(.persons)
    let qualifierText = try text(.personsQualifier)
    guard let qualifier = PersonCountQualifier(rawValue: qualifierText) else {
      throw fail(.unknownPersonsQualifier(qualifierText), .personsQualifier)
    }
    do {
      persons = try PersonCount(personsValue, qualifier: qualifier)
    } catch {
      throw fail(.invalidPersons(error), error == .valueWithUnknownQualifier ? .personsQualifier : .persons)
    }
    }

    var groups = Set<EthnicGroup>()
    var otherGroups: [String] = []
    for name in try text(.ethnicGroups).split(separator: ";", omittingEmptySubsequences: false) {
      let name = reading == nil ? name : Substring(name.trimmingCharacters(in: .whitespaces))
      if let (group, otherName) = EthnicGroup.parse(spelling: name) {
        groups.insert(group)
        if let otherName, !otherGroups.contains(otherName) { otherGroups.append(otherName) }
      } else if allowsOtherEthnicGroups, EthnicGroup.isValidOtherName(String(name)) {
        groups.insert(.other)
        if !otherGroups.contains(String(name)) { otherGroups.append(String(name)) }
      } else {
        throw fail(.unknownEthnicGroup(String(name)), .ethnicGroups)
      }
    }

    let genderText = try text(.gender)
    var gender: Gender?
    if !genderText.isEmpty {
      guard let parsed = Gender(rawValue: genderText) else {
        throw fail(.unknownGender(genderText), .gender)
      }
      gender = parsed
    }

    var citations: [SourceCitation] = []
    do {
      citations.append(
        try SourceCitation(
          title: try text(.sourceTitle), url: try text(.sourceURL),
          publisher: try text(.sourcePublisher), date: try text(.sourceDate)))
    } catch let error as ImportError {
      throw error
    } catch let error as SourceCitationError {
      throw fail(.invalidSource(error), error == .emptyTitle ? .sourceTitle : .sourceDate)
    } catch {
      throw fail(.noSource, .sourceTitle)
    }
    for (number, columns) in extraSources {
      func value(_ field: IncidentField) -> String {
        columns[field].map { record.string(at: $0)! } ?? ""
      }
      let title = value(.sourceTitle)
      if title.isEmpty && value(.sourceURL).isEmpty && value(.sourceDate).isEmpty
        && value(.sourcePublisher).isEmpty
      {
        continue
      }
      do {
        citations.append(
          try SourceCitation(
            title: title, url: value(.sourceURL), publisher: value(.sourcePublisher),
            date: value(.sourceDate)))
      } catch {
        let column = columns[error == .emptyTitle ? .sourceTitle : .sourceDate]
        throw ImportError(
          .invalidRecord(.invalidSource(error)), line: line, column: column.map { $0 + 1 },
          field: error == .emptyTitle ? "source_title_\(number)" : "source_date_\(number)",
          recordID: recordID)
      }
    }

    let notes = try text(.notes)
    let nameText = try text(.personName)
    do {
      return try Incident(
        id: id, origin: origin, host: host, date: date, kind: kind, persons: persons,
        ethnicGroups: groups, otherEthnicGroups: otherGroups, gender: gender, sources: citations, notes: notes,
        personName: nameText.isEmpty ? nil : PersonName(nameText))
    } catch {
      throw fail(error, .id)
    }
  }

  /// What an invalid-UTF-8 message adds: the `--encoding` to try, unless one was declared.
  static func encodingHint(_ declared: CSVEncoding?) -> String {
    guard declared == nil || declared == .utf8 else { return "" }
    return "; if the file was saved in another encoding, name it with --encoding windows-1252 "
      + "(or latin1), or save it as UTF-8"
  }

  /// Parses an optional minus sign and ASCII digits; anything else (spaces, `+`, separators,
  /// decimals) is not a whole number.
  static func wholeNumber(_ text: String) -> Int? {
    var digits = Substring(text)
    let negative = digits.first == "-"
    if negative { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.count <= 18, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    else { return nil }
    let value = Int(digits)!
    return negative ? -value : value
  }
}

extension StringProtocol {
  /// ASCII case-insensitive equality.
  func caseInsensitiveEquals(_ other: some StringProtocol) -> Bool {
    self.utf8.count == other.utf8.count
      && zip(self.utf8, other.utf8).allSatisfy { a, b in
        a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
      }
  }
}

extension IncidentField {
  /// The field's position in `allCases`, without hashing its name.
  var ordinal: Int {
    switch self {
    case .id: 0
    case .origin: 1
    case .host: 2
    case .year: 3
    case .month: 4
    case .day: 5
    case .datePrecision: 6
    case .category: 7
    case .mode: 8
    case .persons: 9
    case .personsQualifier: 10
    case .ethnicGroups: 11
    case .sourceTitle: 12
    case .sourceURL: 13
    case .sourceDate: 14
    case .notes: 15
    case .detentionOutcome: 16
    case .gender: 17
    case .sourcePublisher: 18
    case .personName: 19
    }
  }
}
