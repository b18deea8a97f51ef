import Foundation

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
  /// Shared sets of ethnic groups.
  private var groupSets = EthnicGroupSets()
  /// The sources of the last record read (a record citing the same one source shares its list).
  private var lastSources: [SourceCitation] = []
  /// The ids checked by value in ``FirstIDs``' direct table, with no hashing (set by ``read``
  /// from the first record's id).
  private var directIDs = DirectIDs(bound: 0)

  init(_ bytes: UnsafeBufferPointer<UInt8>, today: CalendarDay) {
    self.scanner = JSONScanner(bytes)
    self.lines = JSONLineCounter(bytes)
    self.today = today
    self.todayTuple = (today.year, today.month, today.day)
  }

  private var bytes: UnsafeBufferPointer<UInt8> { scanner.bytes }

  // MARK: - The file

  /// What reading a run of records gave: the records in order, as accepted incidents and
  /// problems, each with its index inside the run.
  struct Part {
    /// Where the run starts (the `{` of its first record).
    var start: Int
    /// The accepted incidents (before the duplicate-id check, which needs the whole file).
    let incidents = IncidentBuffer()
    /// For each accepted incident: its record's index in the run, where the record starts and
    /// ends, where its id value is, and the id's key: its value in the direct table (see
    /// ``DirectIDs``) when `direct`, else its hash.
    var accepted: [(index: Int, start: Int, end: Int, idOffset: Int, idKey: Int, direct: Bool)] = []
    /// Whether an accepted id holds a non-ASCII byte (then ``FirstIDs`` compares every id as a
    /// string, since such an id may equal an ASCII one canonically: `K` and U+212A KELVIN SIGN).
    var nonASCIIID = false
    /// The records that break a rule: index in the run, where the record starts and ends, and
    /// its problem.
    var problems: [(index: Int, start: Int, end: Int, problem: Problem)] = []
    /// The syntax error that ended the run, with the index of the record it is in (`nil`
    /// between records).
    var syntaxError: (error: JSONSyntaxError, record: Int?)?
    /// The records begun in the run.
    var records = 0
    /// Where the run stopped: at the next record's `{` when it reached its boundary, after the
    /// closing `]` when the array ended.
    var end = 0
    /// Whether the run read the array's closing bracket.
    var closed = false
    /// Whether a strict run stopped at its first problem.
    var stoppedAtProblem = false

    /// Whether the run ended between two records, at `end`, and the next run may go on there.
    var reachedBoundary: Bool { syntaxError == nil && !closed && !stoppedAtProblem }
  }

  /// Reads every record.
  ///
  /// A large array is cut into runs of records read at the same time, a few per processor. A cut
  /// is a guess, `}` `,` `{` with only whitespace between (inside a string it would be wrong),
  /// and is checked: a run counts only if the run before it, read from a true record boundary,
  /// stops exactly at its start. A run whose guess fails is read again from where the run before
  /// it stopped. The runs are then taken in order, so ids, record indices, errors and the
  /// rejected rows are exactly those of one reading from the start.
  ///
  /// - Parameters:
  ///   - mode: strict (throw at the first invalid record) or lenient (report it).
  ///   - rejectedRowNames: what a rejected record's text shows of its `person_name`.
  ///   - threads: the threads that read runs (1: one run, read from the start).
  ///   - runBytes: the least length of a run (the tests make it tiny, so that small inputs are
  ///     cut too).
  mutating func read(
    mode: ImportMode, rejectedRowNames: PersonNamePolicy,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, runBytes: Int = 1 << 20
  ) throws(ImportError) -> ImportResult {
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
    scanner.skipWhitespace()
    var incidents: [Incident] = []
    var report = ImportReport()
    if scanner.peek == 0x5D {
      scanner.position += 1
    } else {
      let strict = mode == .strict
      // The direct table's id prefix, from the first record's id (any prefix keeps the check
      // exact: see DirectIDs), for about one value per 64 bytes of the file.
      var probe = self
      let first = probe.readPart(from: scanner.position, boundary: scanner.position + 1, strict: strict)
      let bound = min(max(1 << 20, bytes.count / 64), 1 << 28)
      directIDs =
        first.incidents.count > 0
        ? first.incidents.base[0].id.utf8.withContiguousStorageIfAvailable {
          DirectIDs(sample: $0, bound: bound)
        } ?? DirectIDs(bound: bound) : DirectIDs(bound: bound)
      var parts = readParts(from: scanner.position, strict: strict, threads: threads, runBytes: runBytes)
      // The runs that count: each one starts where the one before it stopped between records.
      var k = 1
      while k < parts.count {
        if !parts[k - 1].reachedBoundary {
          parts.removeSubrange(k...)
        } else if parts[k].start != parts[k - 1].end {
          // The guessed cut was not a record boundary: read on from where the run before it
          // stopped.
          var reader = self
          parts[k...] = [reader.readPart(from: parts[k - 1].end, boundary: Int.max, strict: strict)]
        }
        k += 1
      }
      let repeats = FirstIDs.repeats(in: parts, threads: threads, directBound: directIDs.bound)
      var firstIndex = 0
      for (part, repeats) in zip(parts, repeats) {
        var nextProblem = 0
        var nextRepeat = 0
        for position in 0..<part.accepted.count {
          let record = part.accepted[position]
          while nextProblem < part.problems.count && part.problems[nextProblem].index < record.index {
            let (index, start, end, problem) = part.problems[nextProblem]
            try reject(problem, firstIndex + index, start, end, strict, rejectedRowNames, &report)
            nextProblem += 1
          }
          if nextRepeat < repeats.count && repeats[nextRepeat].position == position {
            let firstLine = lines.location(of: repeats[nextRepeat].firstStart).line
            nextRepeat += 1
            let id = part.incidents.base[position].id
            let problem = Problem(
              rank: 0, offset: record.idOffset, path: "id",
              kind: .invalidRecord(.duplicateID(id, firstLine: firstLine)))
            try reject(
              problem, firstIndex + record.index, record.start, record.end, strict, rejectedRowNames,
              &report)
          } else {
            report.accepted += 1
          }
        }
        for (index, start, end, problem) in part.problems[nextProblem...] {
          try reject(problem, firstIndex + index, start, end, strict, rejectedRowNames, &report)
        }
        report.dataRows += part.records
        if let (error, record) = part.syntaxError {
          throw syntax(error, record: record.map { firstIndex + $0 })
        }
        firstIndex += part.records
        scanner.position = part.end
      }
      incidents = IncidentBuffer.gather(
        zip(parts, repeats).map { ($0.incidents, $1.map(\.position)) }, count: report.accepted)
    }
    scanner.skipWhitespace()
    guard scanner.atEnd else {
      throw syntax(
        scanner.error("unexpected \(scanner.found()) after the array of incidents"), record: nil)
    }
    return ImportResult(dataset: IncidentDataset(validated: incidents), report: report)
  }

  /// Reports a record's problem: thrown in strict mode, a rejected row in lenient mode.
  private mutating func reject(
    _ problem: Problem, _ index: Int, _ start: Int, _ end: Int, _ strict: Bool,
    _ names: PersonNamePolicy, _ report: inout ImportReport
  ) throws(ImportError) {
    // The record's line before the problem's (the line counter is fastest moving forward).
    let line = lines.location(of: start).line
    let error = recordError(problem, record: index, recordStart: start)
    if strict { throw error }
    report.rejected.append(
      RejectedRow(line: line, raw: rawText(from: start, to: end, names: names), error: error))
  }

  /// The runs of records from `start` (the first record's `{`), read at the same time when the
  /// array is large: a few per thread, cut at guessed record boundaries.
  private func readParts(from start: Int, strict: Bool, threads: Int, runBytes: Int) -> [Part] {
    var cuts = [start]
    // Several runs a thread, so that a thread slowed down by other work does not hold up the rest.
    let runs = threads > 1 ? min(8 * threads, max(1, (bytes.count - start) / max(1, runBytes))) : 1
    for run in 1..<max(1, runs) {
      let target = start + (bytes.count - start) / runs * run
      guard let cut = IncidentJSONReader.guessRecordStart(bytes, from: max(target, cuts.last! + 1))
      else { break }
      cuts.append(cut)
    }
    let results = UnsafeMutableBufferPointer<Part>.allocate(capacity: cuts.count)
    defer { results.deallocate() }
    let reader = self
    ImportState.perform(cuts.count) { run in
      var copy = reader
      let boundary = run + 1 < cuts.count ? cuts[run + 1] : Int.max
      (results.baseAddress! + run).initialize(
        to: copy.readPart(from: cuts[run], boundary: boundary, strict: strict))
    }
    defer { results.baseAddress!.deinitialize(count: cuts.count) }
    return Array(results)
  }

  /// The first `{` at or after `from` that follows `}` and `,` with only whitespace between:
  /// where a record would start if these bytes are outside strings.
  static func guessRecordStart(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    @inline(__always) func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
    var index = from
    while index < bytes.count {
      guard let found = memchr(bytes.baseAddress! + index, 0x7B, bytes.count - index) else {
        return nil
      }
      let brace = UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
      var back = brace - 1
      while back > 0 && isSpace(bytes[back]) { back -= 1 }
      if back > 0 && bytes[back] == 0x2C {
        back -= 1
        while back > 0 && isSpace(bytes[back]) { back -= 1 }
        if back >= 0 && bytes[back] == 0x7D { return brace }
      }
      index = brace + 1
    }
    return nil
  }

  /// Reads records from `start` (a record's `{`) until the array ends, a syntax error, a
  /// problem in strict mode, or, between two records, a position at or past `boundary`.
  mutating func readPart(from start: Int, boundary: Int, strict: Bool) -> Part {
    scanner.position = start
    var part = Part(start: start)
    while true {
      scanner.skipWhitespace()
      let recordStart = scanner.position
      let index = part.records
      part.records += 1
      problem = nil
      do throws(JSONSyntaxError) {
        if let (incident, idOffset) = try record() {
          let direct = incident.id.utf8.withContiguousStorageIfAvailable { directIDs.value($0, slack: 0) } ?? nil
          if let direct {
            part.accepted.append((index, recordStart, scanner.position, idOffset, direct, true))
          } else {
            part.accepted.append((index, recordStart, scanner.position, idOffset, incident.id.hashValue, false))
            if !part.nonASCIIID && !incident.id.utf8.allSatisfy({ $0 < 0x80 }) { part.nonASCIIID = true }
          }
          part.incidents.append(incident)
        }
      } catch {
        part.syntaxError = (error, index)
        return part
      }
      if index == 0 {
        // Room for as many records as the first one's length suggests.
        let estimate = (min(boundary, bytes.count) - start) / max(1, scanner.position - recordStart)
        part.incidents.reserve(estimate + estimate / 8 + 16)
        part.accepted.reserveCapacity(estimate + estimate / 8 + 16)
      }
      if let problem {
        part.problems.append((index, recordStart, scanner.position, problem))
        if strict {
          part.stoppedAtProblem = true
          return part
        }
      }
      scanner.skipWhitespace()
      if scanner.peek == 0x5D {
        scanner.position += 1
        part.closed = true
        part.end = scanner.position
        return part
      }
      guard scanner.peek == 0x2C else {
        part.syntaxError = (
          scanner.error("expected ',' or ']' after a record, found \(scanner.found())"), nil
        )
        return part
      }
      scanner.position += 1
      scanner.skipWhitespace()
      if scanner.peek == 0x5D {
        part.syntaxError = (scanner.error("a trailing comma before ']'"), nil)
        return part
      }
      if scanner.position >= boundary {
        part.end = scanner.position
        return part
      }
    }
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

  /// The value a string value spells in `table`.
  private func lookup<Value>(_ span: Span, _ table: SpellingTable<Value>) -> Value? {
    span.plain
      ? table.value(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])) : table.value(text(span))
  }

  private static let categories = SpellingTable(IncidentCategory.self)
  private static let outcomes = SpellingTable(DetentionOutcome.self)
  private static let genders = SpellingTable(Gender.self)
  private static let precisions = SpellingTable(DatePrecision.self)
  private static let qualifiers = SpellingTable(PersonCountQualifier.self)

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
    // A known key is matched in place: its bytes and the closing quote (a known key has no
    // escapes, so the string ends there), without scanning the string first.
    let first = scanner.position + 1
    if first < bytes.count {
      let slot = Int(bytes[first] & 0x7F) &* 2
      for candidate in slot..<slot + 2 {
        let code = Int(table.byFirst[candidate])
        if code < 0 { break }
        // The layout the writer and `JSONEncoder` use, `"key" : `, in three word compares.
        let spaced = table.spacedKeys[code]
        if spaced.matches(bytes, at: first) {
          scanner.position = first + spaced.count
          return (code, offset)
        }
        let name = table.names[code]
        let length = name.utf8CodeUnitCount
        if first + length < bytes.count && bytes[first + length] == 0x22
          && memcmp(bytes.baseAddress! + first, name.utf8Start, length) == 0
        {
          scanner.position = first + length + 1
          try scanner.expect(0x3A, "':' after a key")
          return (code, offset)
        }
      }
    }
    // Not a known key as written: an unknown key, or a known one spelt with escapes.
    let (start, end, plain) = try scanner.readStringBytes()
    try scanner.expect(0x3A, "':' after a key")
    if plain { return (-1, offset) }
    let name = text(Span(start: start, end: end, plain: false, offset: offset))
    for (code, literal) in table.names.enumerated() where name == literal.description {
      return (code, offset)
    }
    return (-1, offset)
  }

  /// The keys of one kind of object.
  struct KeyTable {
    let names: [StaticString]
    /// The codes of the keys with each first byte (at `2 * first` and `2 * first + 1`), -1 for
    /// none.
    let byFirst: [Int8]
    /// Each key followed by `" : ` (after its opening quote), by code.
    let spacedKeys: [WordPattern]

    init(names: [StaticString]) {
      self.names = names
      self.spacedKeys = names.map {
        WordPattern(Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) + Array("\" : ".utf8))
      }
      var byFirst = [Int8](repeating: -1, count: 256)
      for (code, name) in names.enumerated() {
        let slot = Int(name.utf8Start.pointee & 0x7F) * 2
        let free = byFirst[slot] < 0 ? slot : slot + 1
        precondition(byFirst[free] < 0, "more than two keys with one first byte")
        byFirst[free] = Int8(code)
      }
      self.byFirst = byFirst
    }
  }

  /// Up to 24 bytes expected at a place of the text, as three words and the masks of the bytes
  /// that count: the pretty-printed layout's key with its ` : ` (after the opening quote), and the
  /// line break and indentation before a key, each checked in three word compares.
  struct WordPattern {
    private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private var masks: (UInt64, UInt64, UInt64) = (0, 0, 0)
    /// The number of bytes that count.
    let count: Int

    init<Bytes: Collection<UInt8>>(_ pattern: Bytes) {
      precondition(pattern.count <= 24, "a word pattern longer than three words")
      count = pattern.count
      withUnsafeMutableBytes(of: &words) { words in
        withUnsafeMutableBytes(of: &masks) { masks in
          for (index, byte) in pattern.enumerated() {
            words[index] = byte
            masks[index] = 0xFF
          }
        }
      }
    }

    /// Whether the bytes at `position` of `bytes` begin with the pattern (`false` within 24
    /// bytes of the end, where the caller reads the general way).
    @inline(__always)
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
      guard position &+ 24 <= bytes.count else { return false }
      let raw = UnsafeRawPointer(bytes.baseAddress! + position)
      let a = raw.loadUnaligned(as: UInt64.self)
      let b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
      let c = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
      return ((a ^ words.0) & masks.0) | ((b ^ words.1) & masks.1) | ((c ^ words.2) & masks.2) == 0
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
    _ table: KeyTable, rank: (Int) -> Int, path: @autoclosure () -> String,
    _ member: (inout IncidentJSONReader, Int, Int) throws(JSONSyntaxError) -> Void
  ) throws(JSONSyntaxError) {
    scanner.position += 1
    let afterBrace = scanner.position
    scanner.skipWhitespace()
    if scanner.peek == 0x7D {
      scanner.position += 1
      return
    }
    // The line break and indentation before the first key, expected before the others.
    let lead = IncidentJSONReader.keyLead(bytes, afterBrace..<scanner.position)
    var seen: UInt32 = 0
    while true {
      let (code, offset) = try key(table)
      if code >= 0 {
        let bit: UInt32 = 1 << UInt32(code)
        if seen & bit != 0 {
          let name = table.names[code].description
          note(
            rank(code), offset, path().isEmpty ? name : path() + "." + name,
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
      case 0x2C:
        scanner.position += 1
        if let lead, lead.matches(bytes, at: scanner.position) { scanner.position += lead.count }
      case 0x7D:
        scanner.position += 1
        return
      default:
        throw scanner.error("expected ',' or '}' after an object member, found \(scanner.found())")
      }
    }
  }

  /// The whitespace before an object's first key, `range` of `bytes`, as a pattern for the
  /// keys after it, when it is the pretty-printed layout's line feed and spaces (up to 24 bytes).
  /// Skipping it where it matches skips whitespace only, so the key is then read as before.
  static func keyLead(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> WordPattern? {
    guard range.count >= 1, range.count <= 24, bytes[range.lowerBound] == 0x0A,
      bytes[range.dropFirst()].allSatisfy({ $0 == 0x20 })
    else { return nil }
    return WordPattern(bytes[range])
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
        lookup(category, IncidentJSONReader.categories), category, 7, "category",
        unknown: ValidationIssue.unknownCategory)
    }
    var parsedOutcome = DetentionOutcome.unknown
    if let outcome, outcome.end > outcome.start || !outcome.plain {
      if let parsed = lookup(outcome, IncidentJSONReader.outcomes) {
        parsedOutcome = parsed
      } else {
        let value = text(outcome)
        if !value.isEmpty {
          note(8, outcome.offset, "outcome", .invalidRecord(.unknownOutcome(value)))
        }
      }
    }
    var kind: IncidentKind?
    if let mode, let parsedCategory {
      kind =
        mode.plain
        ? IncidentKind(
          category: parsedCategory, modeBytes: UnsafeBufferPointer(rebasing: bytes[mode.start..<mode.end]),
          outcome: parsedOutcome)
        : IncidentKind(category: parsedCategory, mode: text(mode), outcome: parsedOutcome)
      if kind == nil {
        let value = text(mode)
        let issue: ValidationIssue =
          value.isEmpty
          ? .emptyRequiredField
          : IncidentKind.categories(acceptingMode: value).isEmpty
            ? .unknownMode(value) : .modeNotInCategory(mode: value, category: parsedCategory)
        note(9, mode.offset, "mode", .invalidRecord(issue))
      }
    }
    var parsedGender: Gender?
    if let gender, gender.end > gender.start || !gender.plain {
      parsedGender = lookup(gender, IncidentJSONReader.genders)
      if parsedGender == nil {
        let value = text(gender)
        if !value.isEmpty {
          note(13, gender.offset, "gender", .invalidRecord(.unknownGender(value)))
        }
      }
    }
    guard problem == nil, let hostCountry, let date, let kind, let persons, let id else {
      return nil
    }
    let personName = name.map(text).flatMap { $0.isEmpty ? nil : PersonName($0) }
    if otherGroups.isEmpty {
      // Every rule the model checks has been checked above (a visible id, a group, a source).
      return (
        Incident(
          validatedID: idText, origin: originCountry, host: hostCountry, date: date, kind: kind,
          persons: persons, ethnicGroups: groups, otherEthnicGroups: [], gender: parsedGender,
          sources: sources, notes: notes.map(text) ?? "", personName: personName),
        id.offset
      )
    }
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
        lookup(precision, IncidentJSONReader.precisions), precision, 6, "date.precision",
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
        lookup(qualifier, IncidentJSONReader.qualifiers), qualifier, 11, "persons.qualifier",
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
    var mask: UInt16 = 0
    var otherNames: [String] = []
    var index = 0
    try elements { (reader: inout IncidentJSONReader) throws(JSONSyntaxError) in
      let position = index
      index += 1
      guard let span = try reader.string(12, "ethnic_groups[\(position)]", required: true) else {
        return
      }
      if let code = reader.ethnicGroupCode(span) {
        mask |= 1 << UInt16(code)
        return
      }
      let name = reader.text(span)
      guard let (group, otherName) = EthnicGroup.parse(spelling: name) else {
        reader.note(
          12, span.offset, "ethnic_groups[\(position)]",
          .invalidRecord(.unknownEthnicGroup(name)))
        return
      }
      mask |= 1 << UInt16(group.code)
      if let otherName, !otherNames.contains(otherName) { otherNames.append(otherName) }
    }
    if index == 0 { note(12, offset, "ethnic_groups", .invalidRecord(.noEthnicGroup)) }
    return (groupSets.groups(mask), otherNames)
  }

  /// The code of the ethnic group a string names, in any letter case (the CSV reader's rule),
  /// compared as bytes.
  private func ethnicGroupCode(_ span: Span) -> Int? {
    guard span.plain else {
      let name = text(span)
      return EthnicGroup.allCases.firstIndex { $0.rawValue.caseInsensitiveEquals(name) }
    }
    let length = span.end - span.start
    outer: for (code, spelling) in IncidentJSONReader.groupSpellings where spelling.count == length {
      for offset in 0..<length {
        let a = bytes[span.start + offset]
        let b = spelling[offset]
        if a != b && !(a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A) {
          continue outer
        }
      }
      return code
    }
    return nil
  }

  /// Each group's spelling, by code.
  private static let groupSpellings = EthnicGroup.allCases.enumerated().map { ($0.offset, Array($0.element.rawValue.utf8)) }

  /// Reads the `sources` array.
  private mutating func citations() throws(JSONSyntaxError) -> [SourceCitation] {
    guard let offset = try opens(0x5B, rank: 14, field: "sources", expected: "an array of objects") else {
      return []
    }
    // Records that cite what the record before cites share its list: while each citation
    // spells the one at its place in that list, nothing is built.
    var citations: [SourceCitation]?
    let previous = lastSources
    let bytes = bytes
    var index = 0
    try elements { (reader: inout IncidentJSONReader) throws(JSONSyntaxError) in
      let position = index
      index += 1
      // Made only for a message (a string a record would cost time).
      func path() -> String { "sources[\(position)]" }
      reader.scanner.skipWhitespace()
      let start = reader.scanner.position
      guard reader.scanner.peek == 0x7B else {
        try reader.wrongType(14, path(), expected: "an object")
        return
      }
      var title: Span?
      var url: Span?
      var publisher: Span?
      var date: Span?
      try reader.members(IncidentJSONReader.sourceKeys, rank: { _ in 14 }, path: path()) {
        (reader: inout IncidentJSONReader, code: Int, _: Int) throws(JSONSyntaxError) in
        switch code {
        case 0: title = try reader.string(14, path() + ".title", required: true)
        case 1: url = try reader.string(14, path() + ".url", required: false)
        case 2: publisher = try reader.string(14, path() + ".publisher", required: false)
        default: date = try reader.string(14, path() + ".date", required: false)
        }
      }
      guard let title else {
        reader.note(14, start, path() + ".title", .malformedJSON("missing key 'title'"))
        return
      }
      if citations == nil {
        if position < previous.count
          && IncidentJSONReader.spells(title, previous[position].title, in: bytes)
          && IncidentJSONReader.spells(url, previous[position].url, in: bytes)
          && IncidentJSONReader.spells(publisher, previous[position].publisher, in: bytes)
          && IncidentJSONReader.spells(date, previous[position].date, in: bytes)
        {
          return
        }
        citations = Array(previous.prefix(position))
      }
      do throws(SourceCitationError) {
        let titleText = reader.sharedText(title)
        let urlText = url.map { reader.sharedText($0) }
        let publisherText = publisher.map { reader.sharedText($0) }
        citations!.append(
          try SourceCitation(
            title: titleText, url: urlText, publisher: publisherText, date: date.map(reader.text)))
      } catch {
        let at = error == .emptyTitle ? title : (date ?? title)
        reader.note(
          14, at.offset, path() + (error == .emptyTitle ? ".title" : ".date"),
          .invalidRecord(.invalidSource(error)))
      }
    }
    if index == 0 { note(14, offset, "sources", .invalidRecord(.noSource)) }
    guard let citations else {
      if index == lastSources.count { return lastSources }
      // A shorter list than the last record's: its first citations.
      return Array(lastSources.prefix(index))
    }
    if problem == nil { lastSources = citations }
    return citations
  }

  /// Whether a string value spells `text` as a stored citation field (an empty value is stored
  /// as `nil`), compared as bytes.
  private static func spells(_ span: Span?, _ text: String?, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let span, span.end > span.start || !span.plain else { return text == nil }
    // A value with escapes is not compared (it is read as a new citation).
    guard span.plain, let text else { return false }
    let length = span.end - span.start
    return text.utf8.withContiguousStorageIfAvailable { stored in
      stored.count == length && memcmp(stored.baseAddress!, bytes.baseAddress! + span.start, length) == 0
    } ?? (text.utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])))
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

/// Incidents in memory of their own, moved out exactly once: the JSON reader's runs fill one
/// each, and ``gather(_:count:)`` moves them into the dataset's array without copying (an
/// `Array` would be copied element by element, each copy retaining every string and list the
/// incident holds). What is not moved out is freed with the buffer.
internal final class IncidentBuffer {
  private(set) var base = LargeMemory.allocate(Incident.self, count: 16)
  private(set) var count = 0
  private var capacity = 16

  deinit {
    base.deinitialize(count: count)
    LargeMemory.deallocate(base, count: capacity)
  }

  /// Appends an incident.
  func append(_ incident: consuming Incident) {
    if count == capacity { reserve(capacity * 2) }
    (base + count).initialize(to: consume incident)
    count += 1
  }

  /// Makes room for `capacity` incidents in all.
  func reserve(_ capacity: Int) {
    guard capacity > self.capacity else { return }
    let grown = LargeMemory.allocate(Incident.self, count: capacity)
    grown.moveInitialize(from: base, count: count)
    LargeMemory.deallocate(base, count: self.capacity)
    base = grown
    self.capacity = capacity
  }

  /// One array of the buffers' incidents in order, leaving out each buffer's `repeats`
  /// (ascending positions, freed); the buffers are left empty. The moves run on several threads.
  static func gather(_ buffers: [(IncidentBuffer, repeats: [Int])], count: Int) -> [Incident] {
    var offsets = [0]
    for (buffer, repeats) in buffers { offsets.append(offsets.last! + buffer.count - repeats.count) }
    precondition(offsets.last! == count, "the kept incidents are the accepted ones")
    return [Incident](unsafeUninitializedCapacity: count) { target, initialized in
      if let start = target.baseAddress {
        LargeMemory.adviseHugePages(start, bytes: count * MemoryLayout<Incident>.stride)
      }
      let target = target.baseAddress
      ImportState.perform(buffers.count) { index in
        let (buffer, repeats) = buffers[index]
        guard let target else { return }
        var into = target + offsets[index]
        var from = 0
        for position in repeats {
          into.moveInitialize(from: buffer.base + from, count: position - from)
          into += position - from
          (buffer.base + position).deinitialize(count: 1)
          from = position + 1
        }
        into.moveInitialize(from: buffer.base + from, count: buffer.count - from)
        buffer.count = 0
      }
      initialized = count
    }
  }
}

/// The ids accepted so far by the JSON reader, with where each record starts: open addressing
/// over the ids' hashes (computed by the runs, on their threads), a match confirmed by comparing
/// the ids as strings (so ids equal as Swift strings, canonically equivalent ones included, are
/// one id). Ids of the form *prefix + number* (``DirectIDs``) are checked by value in a direct
/// table instead, unless some id in the file is not ASCII.
internal struct FirstIDs {
  /// For each run, its incidents whose id an earlier incident has (ascending positions), with
  /// where that earlier record starts. The ids are split among `threads` shards by hash (or by
  /// value), each shard taking its ids in file order, at the same time; `directBound` is the
  /// direct table's size (``DirectIDs/bound``).
  static func repeats(in runs: [IncidentJSONReader.Part], threads: Int, directBound: Int)
    -> [[(position: Int, firstStart: Int)]]
  {
    let shards = max(1, min(threads, 64))
    let total = runs.reduce(0) { $0 + $1.accepted.count }
    // Ids in the direct table are checked there by value, each holding the first record's
    // number in the file + 1 (shards take blocks of 4,096 values, so that no two threads write
    // one cache line). With a non-ASCII id anywhere, every id is compared as a string.
    let byValue = !runs.contains { $0.nonASCIIID } && total < Int(UInt32.max)
    let direct =
      byValue && runs.contains { $0.accepted.contains { $0.direct } }
      ? calloc(directBound, MemoryLayout<UInt32>.size)?.assumingMemoryBound(to: UInt32.self) : nil
    defer { free(direct) }
    var firstNumbers = [0]
    for run in runs { firstNumbers.append(firstNumbers.last! + run.accepted.count) }
    /// Where the record with `number` (in file order among the accepted) starts.
    func start(ofNumber number: Int) -> Int {
      var run = 0
      while firstNumbers[run + 1] <= number { run += 1 }
      return runs[run].accepted[number - firstNumbers[run]].start
    }
    let found = UnsafeMutableBufferPointer<[(run: Int, position: Int, firstStart: Int)]>.allocate(
      capacity: shards)
    defer { found.deallocate() }
    ImportState.perform(shards) { shard in
      var ids = FirstIDs(capacity: total / shards + 16)
      var repeats: [(run: Int, position: Int, firstStart: Int)] = []
      for (run, part) in runs.enumerated() {
        for (position, record) in part.accepted.enumerated() {
          if record.direct, let direct {
            guard (record.idKey >> 12) % shards == shard else { continue }
            let held = direct[record.idKey]
            if held != 0 {
              repeats.append((run, position, start(ofNumber: Int(held) - 1)))
            } else {
              direct[record.idKey] = UInt32(firstNumbers[run] + position + 1)
            }
            continue
          }
          let hash = record.direct ? part.incidents.base[position].id.hashValue : record.idKey
          guard Int(UInt(bitPattern: hash) >> 58) % shards == shard else { continue }
          let first = ids.insert(
            part.incidents.base[position].id, hash: hash, run: run, position: position,
            start: record.start
          ) { run, position in runs[run].incidents.base[position].id }
          if let first { repeats.append((run, position, first)) }
        }
      }
      (found.baseAddress! + shard).initialize(to: repeats)
    }
    defer { found.baseAddress!.deinitialize(count: shards) }
    var byRun = [[(position: Int, firstStart: Int)]](repeating: [], count: runs.count)
    for shard in found {
      for (run, position, first) in shard { byRun[run].append((position, first)) }
    }
    for run in byRun.indices where byRun[run].count > 1 { byRun[run].sort { $0.position < $1.position } }
    return byRun
  }

  /// Slot → entry + 1 (0: empty).
  private var slots: [Int32]
  private var mask: Int
  /// Entry → its id's hash, run, position in the run, and record start.
  private var entries: [(hash: Int, run: Int32, position: Int32, start: Int)] = []

  init(capacity: Int) {
    var size = 16
    while size < 2 * capacity { size <<= 1 }
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
    entries.reserveCapacity(capacity)
  }

  /// Adds `id` unless an earlier record has it; returns that record's start, or `nil` when the
  /// id is new. `idAt(run, position)` gives an entry's id.
  mutating func insert(
    _ id: String, hash: Int, run: Int, position: Int, start: Int, idAt: (Int, Int) -> String
  ) -> Int? {
    var slot = hash & mask  // a String's hash value is already well mixed
    while true {
      let entry = Int(slots[slot]) - 1
      if entry < 0 { break }
      let held = entries[entry]
      if held.hash == hash && idAt(Int(held.run), Int(held.position)) == id { return held.start }
      slot = (slot + 1) & mask
    }
    if entries.count + 1 >= Int(Int32.max) || 2 * (entries.count + 1) > mask + 1 { grow() }
    entries.append((hash, Int32(run), Int32(position), start))
    place(entries.count - 1)
    return nil
  }

  private mutating func place(_ entry: Int) {
    var slot = entries[entry].hash & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(entry + 1)
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: 2 * (mask + 1))
    mask = 2 * mask + 1
    for entry in entries.indices { place(entry) }
  }
}
