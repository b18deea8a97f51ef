/// Reads a JSON array of incidents straight from bytes to ``Incident`` values.
///
/// No tree is built: each record's object is scanned once, its known keys decoded into typed
/// values as they come, and the record validated by the same model rules and with the same
/// ``ValidationIssue`` wording as the CSV reader. Unknown keys are skipped (their values are still
/// checked to be valid JSON). A record's problems are collected while its object is scanned and
/// the one of the earliest field in the canonical schema's order is reported, so the message
/// names the record's id even when `"id"` comes last in the object.
///
/// In lenient mode an invalid record is skipped and reported with its text verbatim; a syntax
/// error ends the reading in both modes, since after it no record boundary can be trusted.
internal struct IncidentJSONReader {
  /// A record-level problem: the record is valid JSON but not a valid incident.
  struct Problem {
    /// The rank of the field in the canonical order (smaller is reported first).
    var rank: Int
    /// The byte offset of the offending value.
    var offset: Int
    /// The path inside the record, such as `date.year` or `sources[1].title`.
    var path: String
    /// What is wrong.
    var kind: ImportError.Kind
  }

  /// A string value's place: its body between the quotes, and where the value starts.
  struct Span {
    var start: Int
    var end: Int
    var plain: Bool
    var offset: Int
  }

  /// A number value's place.
  struct Number {
    var value: Int
    var offset: Int
  }

  private var scanner: JSONScanner
  private var lines: JSONLineCounter
  private let today: CalendarDay
  private let todayTuple: (Int, Int, Int)
  private var problem: Problem?
  /// Country indices of two-letter upper-case codes, filled as met (-1: not looked up yet,
  /// -2: no such country).
  private var countryCache = [Int32](repeating: -1, count: 26 * 26)
  /// Shared strings for the values that repeat across records (source titles, URLs, publishers).
  private var interner = StringInterner()

  init(_ bytes: UnsafeBufferPointer<UInt8>, today: CalendarDay) {
    self.scanner = JSONScanner(bytes)
    self.lines = JSONLineCounter(bytes)
    self.today = today
    self.todayTuple = (today.year, today.month, today.day)
  }

  private var bytes: UnsafeBufferPointer<UInt8> { scanner.bytes }

  // MARK: - The file

  /// Reads every record.
  ///
  /// - Parameters:
  ///   - mode: strict (throw at the first invalid record) or lenient (report it).
  ///   - rejectedRowNames: what a rejected record's text shows of its `person_name`.
  mutating func read(mode: ImportMode, rejectedRowNames: PersonNamePolicy) throws(ImportError)
    -> ImportResult
  {
    scanner.skipByteOrderMark()
    scanner.skipWhitespace()
    guard let first = scanner.peek else {
      throw ImportError(
        .malformedJSON("the file is empty; an incident file is a JSON array of incident objects"),
        line: 1, column: 1)
    }
    guard first == 0x5B else {
      let message =
        "the top level is \(IncidentJSONReader.typeName(first)), not an array; an incident file "
        + "is a JSON array of incident objects ([{…}, {…}])"
      throw located(.malformedJSON(message), at: scanner.position, field: nil)
    }
    scanner.position += 1
    var incidents: [Incident] = []
    incidents.reserveCapacity(max(16, bytes.count / 600))
    /// The byte offset of the record where each id was first seen.
    var firstLineOfID: [String: Int] = [:]
    firstLineOfID.reserveCapacity(max(16, bytes.count / 600))
    var report = ImportReport()
    scanner.skipWhitespace()
    if scanner.peek == 0x5D {
      scanner.position += 1
    } else {
      var index = 0
      while true {
        scanner.skipWhitespace()
        let start = scanner.position
        report.dataRows += 1
        problem = nil
        var decoded: (incident: Incident, idOffset: Int)?
        do throws(JSONSyntaxError) {
          decoded = try record()
        } catch {
          throw syntax(error, record: index)
        }
        if let decoded {
          let (incident, idOffset) = decoded
          if let firstStart = firstLineOfID[incident.id] {
            let firstLine = lines.location(of: firstStart).line
            problem = Problem(
              rank: 0, offset: idOffset, path: "id",
              kind: .invalidRecord(.duplicateID(incident.id, firstLine: firstLine)))
          } else {
            firstLineOfID[incident.id] = start
            incidents.append(incident)
            report.accepted += 1
          }
        }
        if let problem {
          let error = recordError(problem, record: index, recordStart: start)
          if mode == .strict { throw error }
          let end = scanner.position
          let line = lines.location(of: start).line
          report.rejected.append(
            RejectedRow(
              line: line, raw: rawText(from: start, to: end, names: rejectedRowNames),
              error: error))
        }
        index += 1
        scanner.skipWhitespace()
        if scanner.peek == 0x5D {
          scanner.position += 1
          break
        }
        guard scanner.peek == 0x2C else {
          throw syntax(
            scanner.error("expected ',' or ']' after a record, found \(scanner.found())"),
            record: nil)
        }
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.peek == 0x5D {
          throw syntax(scanner.error("a trailing comma before ']'"), record: nil)
        }
      }
    }
    scanner.skipWhitespace()
    guard scanner.atEnd else {
      throw syntax(
        scanner.error("unexpected \(scanner.found()) after the array of incidents"), record: nil)
    }
    return ImportResult(dataset: IncidentDataset(validated: incidents), report: report)
  }

  /// The error for a syntax error.
  private mutating func syntax(_ error: JSONSyntaxError, record: Int?) -> ImportError {
    located(.malformedJSON(error.message), at: error.offset, field: record.map { "[\($0)]" })
  }

  private mutating func located(_ kind: ImportError.Kind, at offset: Int, field: String?)
    -> ImportError
  {
    let place = lines.location(of: offset)
    return ImportError(kind, line: place.line, column: place.column, field: field)
  }

  /// The error for a record's problem, with the record's id when it has a usable one.
  private mutating func recordError(_ problem: Problem, record index: Int, recordStart: Int)
    -> ImportError
  {
    let id = recordID(from: recordStart)
    let place = lines.location(of: problem.offset)
    return ImportError(
      problem.kind, line: place.line, column: place.column,
      field: problem.path.isEmpty ? "[\(index)]" : "[\(index)].\(problem.path)", recordID: id)
  }

  /// The record's id, read again from its text (only for error messages).
  private func recordID(from start: Int) -> String? {
    var probe = JSONScanner(bytes, position: start)
    guard probe.peek == 0x7B else { return nil }
    probe.position += 1
    while true {
      probe.skipWhitespace()
      guard probe.peek == 0x22, let key = try? probe.readString() else { return nil }
      guard (try? probe.expect(0x3A, "':'")) != nil else { return nil }
      probe.skipWhitespace()
      if key == "id" {
        guard probe.peek == 0x22, let id = try? probe.readString(),
          id.contains(where: { !$0.isWhitespace })
        else { return nil }
        return id
      }
      guard (try? probe.skipValue(depth: 1)) != nil else { return nil }
      probe.skipWhitespace()
      guard probe.peek == 0x2C else { return nil }
      probe.position += 1
    }
  }

  /// A rejected record's text: verbatim, except that a `person_name` value shows only what
  /// `names` allows.
  private func rawText(from start: Int, to end: Int, names: PersonNamePolicy) -> String {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    guard names != .include, let span = personNameSpan(from: start) else { return text }
    let name = (try? JSONScanner(bytes, position: span.start).readStringValue()) ?? ""
    let shown = name.isEmpty ? "" : names.exportedText(for: PersonName(name)) ?? ""
    var out = Array(bytes[start..<span.start])
    IncidentJSONWriter.appendString(shown, to: &out)
    out.append(contentsOf: bytes[span.end..<end])
    return String(decoding: out, as: UTF8.self)
  }

  /// Where the top-level `person_name` string value of the record at `start` lies.
  private func personNameSpan(from start: Int) -> (start: Int, end: Int)? {
    var probe = JSONScanner(bytes, position: start)
    guard probe.peek == 0x7B else { return nil }
    probe.position += 1
    while true {
      probe.skipWhitespace()
      guard probe.peek == 0x22, let key = try? probe.readString() else { return nil }
      guard (try? probe.expect(0x3A, "':'")) != nil else { return nil }
      probe.skipWhitespace()
      let valueStart = probe.position
      guard (try? probe.skipValue(depth: 1)) != nil else { return nil }
      if key == "person_name", bytes[valueStart] == 0x22 {
        return (valueStart, probe.position)
      }
      probe.skipWhitespace()
      guard probe.peek == 0x2C else { return nil }
      probe.position += 1
    }
  }

  // MARK: - Problems

  /// Keeps `kind` as the record's problem unless an earlier field already has one.
  private mutating func note(
    _ rank: Int, _ offset: Int, _ path: @autoclosure () -> String,
    _ kind: @autoclosure () -> ImportError.Kind
  ) {
    if let problem, problem.rank <= rank { return }
    problem = Problem(rank: rank, offset: offset, path: path(), kind: kind())
  }

  /// The value read from a required string field, or `nil` with its problem noted: an empty
  /// string as an empty required field, any other text as `unknown(text)`.
  private mutating func required<Value>(
    _ parsed: Value?, _ span: Span, _ rank: Int, _ path: String,
    unknown: (String) -> ValidationIssue
  ) -> Value? {
    if let parsed { return parsed }
    let value = text(span)
    note(rank, span.offset, path, .invalidRecord(value.isEmpty ? .emptyRequiredField : unknown(value)))
    return nil
  }

  /// A name for the JSON type starting with `byte`.
  static func typeName(_ byte: UInt8) -> String {
    switch byte {
    case 0x22: "a string"
    case 0x7B: "an object"
    case 0x5B: "an array"
    case 0x74, 0x66: "a boolean"
    case 0x6E: "null"
    default: "a number"
    }
  }

  /// Notes a wrong type and skips the value.
  private mutating func wrongType(
    _ rank: Int, _ path: @autoclosure () -> String, expected: String
  ) throws(JSONSyntaxError) {
    let offset = scanner.position
    let found = IncidentJSONReader.typeName(scanner.peek ?? 0x30)
    try scanner.skipValue(depth: 2)
    note(rank, offset, path(), .malformedJSON("expected \(expected), found \(found)"))
  }

  // MARK: - Values

  /// Reads a string value; `nil` for null (noted as a problem when `required`) or a wrong type.
  private mutating func string(_ rank: Int, _ path: @autoclosure () -> String, required: Bool)
    throws(JSONSyntaxError) -> Span?
  {
    scanner.skipWhitespace()
    let offset = scanner.position
    switch scanner.peek {
    case 0x22:
      let (start, end, plain) = try scanner.readStringBytes()
      return Span(start: start, end: end, plain: plain, offset: offset)
    case 0x6E:
      try scanner.scanLiteral()
      if required { note(rank, offset, path(), .invalidRecord(.emptyRequiredField)) }
      return nil
    default:
      try wrongType(rank, path(), expected: required ? "a string" : "a string or null")
      return nil
    }
  }

  /// Reads a whole-number value; `nil` for null (noted when `required`), a wrong type, or a
  /// number that is not whole (noted at its place).
  private mutating func integer(_ rank: Int, _ path: @autoclosure () -> String, required: Bool)
    throws(JSONSyntaxError) -> Number?
  {
    scanner.skipWhitespace()
    let offset = scanner.position
    switch scanner.peek ?? 0 {
    case 0x2D, 0x30...0x39:
      let (start, end, isInteger) = try scanner.scanNumber()
      let negative = bytes[start] == 0x2D
      let digits = end - start - (negative ? 1 : 0)
      guard isInteger, digits <= 18 else {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        note(rank, offset, path(), .invalidRecord(.notANumber(text)))
        return nil
      }
      var value = 0
      for index in (negative ? start + 1 : start)..<end {
        value = value &* 10 &+ Int(bytes[index] &- 0x30)
      }
      return Number(value: negative ? -value : value, offset: offset)
    case 0x6E:
      try scanner.scanLiteral()
      if required { note(rank, offset, path(), .invalidRecord(.emptyRequiredField)) }
      return nil
    default:
      try wrongType(rank, path(), expected: required ? "a whole number" : "a whole number or null")
      return nil
    }
  }

  /// The text of a string value.
  private func text(_ span: Span) -> String {
    if span.plain {
      return String(
        decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
    }
    return (try? JSONScanner(bytes, position: span.start - 1).readStringValue()) ?? ""
  }

  /// The text of a string value that often repeats across records, shared when it does.
  private mutating func sharedText(_ span: Span) -> String {
    span.plain ? interner.string(bytes, span.start, span.end) : text(span)
  }

  /// Whether a plain string value is exactly `literal`.
  @inline(__always)
  private func equals(_ start: Int, _ end: Int, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard end - start == count else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<count where bytes[start + offset] != pointer[offset] { return false }
    return true
  }

  /// A country code's country, with a cache for two upper-case letters.
  private mutating func country(_ span: Span) -> Country? {
    if span.plain, span.end - span.start == 2 {
      let a = Int(bytes[span.start]) - 0x41
      let b = Int(bytes[span.start + 1]) - 0x41
      if (0..<26).contains(a), (0..<26).contains(b) {
        let slot = a * 26 + b
        let cached = countryCache[slot]
        if cached >= 0 { return Country(unchecked: UInt16(cached)) }
        if cached == -2 { return nil }
        let found = Country(text(span))
        countryCache[slot] = found.map { Int32($0.index) } ?? -2
        return found
      }
    }
    return Country(text(span))
  }

  /// The key at the current position (after whitespace), as a known key's number or -1.
  private mutating func key(_ table: KeyTable) throws(JSONSyntaxError) -> (code: Int, offset: Int) {
    scanner.skipWhitespace()
    let offset = scanner.position
    guard scanner.peek == 0x22 else {
      if scanner.peek == 0x7D { throw scanner.error("a trailing comma before '}'") }
      throw scanner.error("expected a key (a string in double quotes), found \(scanner.found())")
    }
    let (start, end, plain) = try scanner.readStringBytes()
    try scanner.expect(0x3A, "':' after a key")
    if plain {
      // Keys of one table differ in length or first byte, so one candidate is compared at most.
      let length = end - start
      if length < table.byLengthAndFirst.count {
        let candidates = table.byLengthAndFirst[length]
        for code in candidates where table.firstBytes[code] == bytes[start] {
          return (equals(start, end, table.names[code]) ? code : -1, offset)
        }
      }
      return (-1, offset)
    }
    let name = text(Span(start: start, end: end, plain: false, offset: offset))
    for (code, literal) in table.names.enumerated() where name == literal.description {
      return (code, offset)
    }
    return (-1, offset)
  }

  /// The keys of one kind of object.
  struct KeyTable {
    let names: [StaticString]
    /// The codes of the keys of each length.
    let byLengthAndFirst: [[Int]]
    /// Each key's first byte.
    let firstBytes: [UInt8]

    init(names: [StaticString]) {
      self.names = names
      var byLength = [[Int]](repeating: [], count: 1 + names.map(\.utf8CodeUnitCount).max()!)
      for (code, name) in names.enumerated() { byLength[name.utf8CodeUnitCount].append(code) }
      self.byLengthAndFirst = byLength
      self.firstBytes = names.map { $0.utf8Start.pointee }
    }
  }

  private static let recordKeys = KeyTable(names: [
    "id", "origin", "host", "date", "category", "mode", "outcome", "persons", "ethnic_groups",
    "gender", "sources", "notes", "person_name",
  ])
  private static let recordRanks = [0, 1, 2, 3, 7, 9, 8, 10, 12, 13, 14, 15, 16]
  private static let dateKeys = KeyTable(names: ["year", "month", "day", "precision"])
  private static let personsKeys = KeyTable(names: ["value", "qualifier"])
  private static let sourceKeys = KeyTable(names: ["title", "url", "publisher", "date"])

  /// Iterates over an object's members (the scanner is at `{`), calling `member` with each key's
  /// code and offset; notes a repeated known key.
  private mutating func members(
    _ table: KeyTable, rank: (Int) -> Int, path: String,
    _ member: (inout IncidentJSONReader, Int, Int) throws(JSONSyntaxError) -> Void
  ) throws(JSONSyntaxError) {
    scanner.position += 1
    scanner.skipWhitespace()
    if scanner.peek == 0x7D {
      scanner.position += 1
      return
    }
    var seen: UInt32 = 0
    while true {
      let (code, offset) = try key(table)
      if code >= 0 {
        let bit: UInt32 = 1 << UInt32(code)
        if seen & bit != 0 {
          let name = table.names[code].description
          note(
            rank(code), offset, path.isEmpty ? name : path + "." + name,
            .malformedJSON(
              "the key '\(name)' appears more than once in one object; which value counts would "
                + "be a guess"))
        }
        seen |= bit
        try member(&self, code, offset)
      } else {
        try scanner.skipValue(depth: 3)
      }
      scanner.skipWhitespace()
      switch scanner.peek {
      case 0x2C: scanner.position += 1
      case 0x7D:
        scanner.position += 1
        return
      default:
        throw scanner.error("expected ',' or '}' after an object member, found \(scanner.found())")
      }
    }
  }

  // MARK: - A record

  /// Reads one record; returns the incident, or `nil` with ``problem`` set.
  private mutating func record() throws(JSONSyntaxError) -> (incident: Incident, idOffset: Int)? {
    let recordOffset = scanner.position
    guard scanner.peek == 0x7B else {
      let found = IncidentJSONReader.typeName(scanner.peek ?? 0x30)
      try scanner.skipValue(depth: 1)
      note(-1, recordOffset, "", .malformedJSON("a record must be an object, found \(found)"))
      return nil
    }
    var id: Span?
    var origin: Span?
    var host: Span?
    var date: IncidentDate?
    var dateSeen = false
    var category: Span?
    var mode: Span?
    var outcome: Span?
    var persons: PersonCount?
    var personsSeen = false
    var groups: Set<EthnicGroup> = []
    var otherGroups: [String] = []
    var groupsSeen = false
    var gender: Span?
    var sources: [SourceCitation] = []
    var sourcesSeen = false
    var notes: Span?
    var name: Span?
    let ranks = IncidentJSONReader.recordRanks
    try members(IncidentJSONReader.recordKeys, rank: { ranks[$0] }, path: "") {
      (reader: inout IncidentJSONReader, code: Int, _: Int) throws(JSONSyntaxError) in
      switch code {
      case 0: id = try reader.string(0, "id", required: true)
      case 1: origin = try reader.string(1, "origin", required: false)
      case 2: host = try reader.string(2, "host", required: true)
      case 3:
        dateSeen = true
        date = try reader.date()
      case 4: category = try reader.string(7, "category", required: true)
      case 5: mode = try reader.string(9, "mode", required: true)
      case 6: outcome = try reader.string(8, "outcome", required: false)
      case 7:
        personsSeen = true
        persons = try reader.personCount()
      case 8:
        groupsSeen = true
        (groups, otherGroups) = try reader.ethnicGroups()
      case 9: gender = try reader.string(13, "gender", required: false)
      case 10:
        sourcesSeen = true
        sources = try reader.citations()
      case 11: notes = try reader.string(15, "notes", required: false)
      default: name = try reader.string(16, "person_name", required: false)
      }
    }
    // Missing required keys, each at its field's rank.
    func missing(_ rank: Int, _ key: String) {
      note(rank, recordOffset, key, .malformedJSON("missing key '\(key)'"))
    }
    if id == nil { missing(0, "id") }
    if host == nil { missing(2, "host") }
    if !dateSeen { missing(3, "date") }
    if category == nil { missing(7, "category") }
    if mode == nil { missing(9, "mode") }
    if !personsSeen { missing(10, "persons") }
    if !groupsSeen { missing(12, "ethnic_groups") }
    if !sourcesSeen { missing(14, "sources") }

    // Validation, in the CSV reader's order and wording.
    var idText = ""
    if let id {
      idText = text(id)
      // A printable ASCII first byte other than a space settles it without Unicode properties.
      let first = id.end > id.start ? bytes[id.start] : 0
      if !(first > 0x20 && first < 0x7F) && !idText.contains(where: { !$0.isWhitespace }) {
        note(0, id.offset, "id", .invalidRecord(.emptyID))
      }
    }
    var originCountry = Country.china
    if let origin, let found = required(country(origin), origin, 1, "origin", unknown: ValidationIssue.unknownCountry) {
      originCountry = found
    }
    var hostCountry: Country?
    if let host {
      hostCountry = required(country(host), host, 2, "host", unknown: ValidationIssue.unknownCountry)
    }
    var parsedCategory: IncidentCategory?
    if let category {
      parsedCategory = required(
        IncidentCategory(rawValue: text(category)), category, 7, "category",
        unknown: ValidationIssue.unknownCategory)
    }
    var parsedOutcome = DetentionOutcome.unknown
    if let outcome {
      let value = text(outcome)
      if !value.isEmpty {
        if let parsed = DetentionOutcome(rawValue: value) {
          parsedOutcome = parsed
        } else {
          note(8, outcome.offset, "outcome", .invalidRecord(.unknownOutcome(value)))
        }
      }
    }
    var kind: IncidentKind?
    if let mode, let parsedCategory {
      let value = text(mode)
      kind = IncidentKind(category: parsedCategory, mode: value, outcome: parsedOutcome)
      if kind == nil {
        let issue: ValidationIssue =
          value.isEmpty
          ? .emptyRequiredField
          : IncidentKind.categories(acceptingMode: value).isEmpty
            ? .unknownMode(value) : .modeNotInCategory(mode: value, category: parsedCategory)
        note(9, mode.offset, "mode", .invalidRecord(issue))
      }
    }
    var parsedGender: Gender?
    if let gender {
      let value = text(gender)
      if !value.isEmpty {
        parsedGender = Gender(rawValue: value)
        if parsedGender == nil {
          note(13, gender.offset, "gender", .invalidRecord(.unknownGender(value)))
        }
      }
    }
    guard problem == nil, let hostCountry, let date, let kind, let persons, let id else {
      return nil
    }
    let personName = name.map(text).flatMap { $0.isEmpty ? nil : PersonName($0) }
    do {
      let incident = try Incident(
        id: idText, origin: originCountry, host: hostCountry, date: date, kind: kind,
        persons: persons, ethnicGroups: groups, otherEthnicGroups: otherGroups, gender: parsedGender,
        sources: sources,
        notes: notes.map(text) ?? "", personName: personName)
      return (incident, id.offset)
    } catch {
      // The checks above leave nothing for the model to reject; kept as a safety net.
      note(0, id.offset, "id", .invalidRecord(error))
      return nil
    }
  }

  /// The offset of the container (`opener`: `{` or `[`) a required field takes, when the next
  /// value opens one; otherwise `nil`, with a `null` noted as an empty required field and
  /// another value as the wrong type, and the value skipped.
  private mutating func opens(
    _ opener: UInt8, rank: Int, field: String, expected: String
  ) throws(JSONSyntaxError) -> Int? {
    scanner.skipWhitespace()
    let offset = scanner.position
    switch scanner.peek {
    case opener: return offset
    case 0x6E:
      try scanner.scanLiteral()
      note(rank, offset, field, .invalidRecord(.emptyRequiredField))
      return nil
    default:
      try wrongType(rank, field, expected: expected)
      return nil
    }
  }

  /// Reads the `date` object; `nil` when it is invalid (the problem is noted).
  private mutating func date() throws(JSONSyntaxError) -> IncidentDate? {
    guard let offset = try opens(0x7B, rank: 3, field: "date", expected: "an object") else {
      return nil
    }
    var year: Number?
    var month: Number?
    var day: Number?
    var precision: Span?
    let before = problem?.rank ?? Int.max
    try members(IncidentJSONReader.dateKeys, rank: { 3 + $0 }, path: "date") {
      (reader: inout IncidentJSONReader, code: Int, _: Int) throws(JSONSyntaxError) in
      switch code {
      case 0: year = try reader.integer(3, "date.year", required: true)
      case 1: month = try reader.integer(4, "date.month", required: false)
      case 2: day = try reader.integer(5, "date.day", required: false)
      default: precision = try reader.string(6, "date.precision", required: true)
      }
    }
    if let problem, problem.rank < before, (3...6).contains(problem.rank) { return nil }
    guard let year else {
      note(3, offset, "date.year", .malformedJSON("missing key 'year'"))
      return nil
    }
    guard let precision else {
      note(6, offset, "date.precision", .malformedJSON("missing key 'precision'"))
      return nil
    }
    guard
      let parsed = required(
        DatePrecision(rawValue: text(precision)), precision, 6, "date.precision",
        unknown: ValidationIssue.unknownDatePrecision)
    else { return nil }
    let value: IncidentDate
    do {
      value = try IncidentDate(
        year: year.value, month: month?.value, day: day?.value, precision: parsed)
    } catch {
      let part = error.jsonPart
      let at: Int =
        switch part {
        case "month": month?.offset ?? offset
        case "day": day?.offset ?? offset
        default: year.offset
        }
      note(3, at, "date.\(part)", .invalidRecord(.invalidDate(error)))
      return nil
    }
    if value.isAfter(todayTuple) {
      let (part, at) =
        value.day != nil
        ? ("day", day!.offset) : value.month != nil ? ("month", month!.offset) : ("year", year.offset)
      let todayText = today.description
      note(3, at, "date.\(part)", .invalidRecord(.futureDate(value, today: todayText)))
      return nil
    }
    return value
  }

  /// Reads the `persons` object; `nil` when it is invalid (the problem is noted).
  private mutating func personCount() throws(JSONSyntaxError) -> PersonCount? {
    guard let offset = try opens(0x7B, rank: 10, field: "persons", expected: "an object") else {
      return nil
    }
    var value: Number?
    var qualifier: Span?
    var valueProblem = false
    try members(IncidentJSONReader.personsKeys, rank: { 10 + $0 }, path: "persons") {
      (reader: inout IncidentJSONReader, code: Int, _: Int) throws(JSONSyntaxError) in
      if code == 0 {
        reader.scanner.skipWhitespace()
        let isNull = reader.scanner.peek == 0x6E
        value = try reader.integer(10, "persons.value", required: false)
        valueProblem = value == nil && !isNull
      } else {
        qualifier = try reader.string(11, "persons.qualifier", required: true)
      }
    }
    guard !valueProblem else { return nil }
    guard let qualifier else {
      note(11, offset, "persons.qualifier", .malformedJSON("missing key 'qualifier'"))
      return nil
    }
    guard
      let parsed = required(
        PersonCountQualifier(rawValue: text(qualifier)), qualifier, 11, "persons.qualifier",
        unknown: ValidationIssue.unknownPersonsQualifier)
    else { return nil }
    do {
      return try PersonCount(value?.value, qualifier: parsed)
    } catch {
      if error == .valueWithUnknownQualifier {
        note(11, qualifier.offset, "persons.qualifier", .invalidRecord(.invalidPersons(error)))
      } else {
        note(10, value?.offset ?? offset, "persons.value", .invalidRecord(.invalidPersons(error)))
      }
      return nil
    }
  }

  /// Reads the `ethnic_groups` array (the CSV reader's rule: known names in any letter case, and
  /// `Other:NAME` for a group outside the list, its name kept in order).
  private mutating func ethnicGroups() throws(JSONSyntaxError) -> (Set<EthnicGroup>, [String]) {
    guard let offset = try opens(0x5B, rank: 12, field: "ethnic_groups", expected: "an array of strings") else {
      return ([], [])
    }
    var groups = Set<EthnicGroup>()
    var otherNames: [String] = []
    var index = 0
    try elements { (reader: inout IncidentJSONReader) throws(JSONSyntaxError) in
      let position = index
      index += 1
      guard let span = try reader.string(12, "ethnic_groups[\(position)]", required: true) else {
        return
      }
      if let group = reader.ethnicGroup(span) {
        groups.insert(group)
        return
      }
      let name = reader.text(span)
      guard let (group, otherName) = EthnicGroup.parse(spelling: name) else {
        reader.note(
          12, span.offset, "ethnic_groups[\(position)]",
          .invalidRecord(.unknownEthnicGroup(name)))
        return
      }
      groups.insert(group)
      if let otherName, !otherNames.contains(otherName) { otherNames.append(otherName) }
    }
    if index == 0 { note(12, offset, "ethnic_groups", .invalidRecord(.noEthnicGroup)) }
    return (groups, otherNames)
  }

  /// The ethnic group a string names, in any letter case (the CSV reader's rule), compared as
  /// bytes.
  private func ethnicGroup(_ span: Span) -> EthnicGroup? {
    guard span.plain else {
      let name = text(span)
      return EthnicGroup.allCases.first { $0.rawValue.caseInsensitiveEquals(name) }
    }
    let length = span.end - span.start
    outer: for (group, spelling) in IncidentJSONReader.groupSpellings where spelling.count == length {
      for offset in 0..<length {
        let a = bytes[span.start + offset]
        let b = spelling[offset]
        if a != b && !(a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A) {
          continue outer
        }
      }
      return group
    }
    return nil
  }

  private static let groupSpellings = EthnicGroup.allCases.map { ($0, Array($0.rawValue.utf8)) }

  /// Reads the `sources` array.
  private mutating func citations() throws(JSONSyntaxError) -> [SourceCitation] {
    guard let offset = try opens(0x5B, rank: 14, field: "sources", expected: "an array of objects") else {
      return []
    }
    var citations: [SourceCitation] = []
    var index = 0
    try elements { (reader: inout IncidentJSONReader) throws(JSONSyntaxError) in
      let position = index
      index += 1
      let path = "sources[\(position)]"
      reader.scanner.skipWhitespace()
      let start = reader.scanner.position
      guard reader.scanner.peek == 0x7B else {
        try reader.wrongType(14, path, expected: "an object")
        return
      }
      var title: Span?
      var url: Span?
      var publisher: Span?
      var date: Span?
      try reader.members(IncidentJSONReader.sourceKeys, rank: { _ in 14 }, path: path) {
        (reader: inout IncidentJSONReader, code: Int, _: Int) throws(JSONSyntaxError) in
        switch code {
        case 0: title = try reader.string(14, path + ".title", required: true)
        case 1: url = try reader.string(14, path + ".url", required: false)
        case 2: publisher = try reader.string(14, path + ".publisher", required: false)
        default: date = try reader.string(14, path + ".date", required: false)
        }
      }
      guard let title else {
        reader.note(14, start, path + ".title", .malformedJSON("missing key 'title'"))
        return
      }
      do throws(SourceCitationError) {
        let titleText = reader.sharedText(title)
        let urlText = url.map { reader.sharedText($0) }
        let publisherText = publisher.map { reader.sharedText($0) }
        citations.append(
          try SourceCitation(
            title: titleText, url: urlText, publisher: publisherText, date: date.map(reader.text)))
      } catch {
        let at = error == .emptyTitle ? title : (date ?? title)
        reader.note(
          14, at.offset, path + (error == .emptyTitle ? ".title" : ".date"),
          .invalidRecord(.invalidSource(error)))
      }
    }
    if index == 0 { note(14, offset, "sources", .invalidRecord(.noSource)) }
    return citations
  }

  /// Iterates over an array's elements (the scanner is at `[`).
  private mutating func elements(
    _ element: (inout IncidentJSONReader) throws(JSONSyntaxError) -> Void
  ) throws(JSONSyntaxError) {
    scanner.position += 1
    scanner.skipWhitespace()
    if scanner.peek == 0x5D {
      scanner.position += 1
      return
    }
    while true {
      try element(&self)
      scanner.skipWhitespace()
      switch scanner.peek {
      case 0x2C:
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.peek == 0x5D { throw scanner.error("a trailing comma before ']'") }
      case 0x5D:
        scanner.position += 1
        return
      default:
        throw scanner.error("expected ',' or ']' after an array element, found \(scanner.found())")
      }
    }
  }
}

extension JSONScanner {
  /// Reads the string value at the current position.
  func readStringValue() throws(JSONSyntaxError) -> String {
    var copy = self
    return try copy.readString()
  }
}

extension IncidentDateError {
  /// The date part an impossible date is blamed on: `year`, `month` or `day` (the same rule as
  /// the CSV reader's columns).
  var jsonPart: String {
    switch self {
    case .yearOutOfRange: "year"
    case .monthOutOfRange: "month"
    case .dayOutOfRange, .dayWithoutMonth: "day"
    case .missingPart(_, let part), .unexpectedPart(_, let part): part == "day" ? "day" : "month"
    }
  }
}
