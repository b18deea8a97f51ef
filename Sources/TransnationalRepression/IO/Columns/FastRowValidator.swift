import Foundation

/// The fast path of the columnar import: recognizes a plain row that the general parser
/// (``IncidentRowParser``) accepts and computes its codes straight from the field bytes, without
/// building strings, sets or an ``Incident``.
///
/// The contract is one-sided: when ``codes(_:)`` returns codes, the general parser accepts the
/// row and would give an incident with exactly those codes; when it returns `nil` the row may
/// still be valid, and the caller hands it to the general parser, which also words every error.
/// So the fast path never decides an error, and error messages are the general parser's.
///
/// What it handles: ASCII values for every validated field (free-text fields — notes, source
/// title, address and publisher, the name — may hold any valid UTF-8), 2-letter country codes
/// through a 26 × 26 table (alpha-3 and numeric codes through the general lookup), numbers as
/// plain digits, categories, modes, precisions and qualifiers by byte comparison, ethnic groups
/// case-insensitively as the general parser compares them, source dates, and further numbered
/// sources. A field that the mapping fills with a constant is parsed once, when the validator is
/// made. Anything else (a minus sign, a non-ASCII country code, …) goes to the general parser.
///
/// The validator is a trivial value (pointers and numbers, no reference counting in the hot
/// loop) into memory that its ``Storage`` owns; the import keeps the storage alive while the
/// validator is used, on any number of threads (it is never written after it is made).
internal struct FastRowValidator: @unchecked Sendable {
  /// Owns the memory the validator points into.
  final class Storage: @unchecked Sendable {
    fileprivate var bytes: UnsafeMutablePointer<UInt8>
    fileprivate var slots: UnsafeMutablePointer<Slot>
    fileprivate var spellings: UnsafeMutablePointer<Spelling>

    fileprivate init(bytes: Int, slots: Int, spellings: Int) {
      // Padded, so that a word may be read from any constant (see `constantPadding`).
      self.bytes = .allocate(capacity: bytes + FastRowValidator.constantPadding)
      self.bytes.initialize(repeating: 0, count: bytes + FastRowValidator.constantPadding)
      self.slots = .allocate(capacity: Swift.max(slots, 1))
      self.spellings = .allocate(capacity: Swift.max(spellings, 1))
    }

    deinit {
      bytes.deallocate()
      slots.deallocate()
      spellings.deallocate()
    }
  }

  /// Where a field's bytes are: a column of the row, or a constant held by the storage.
  struct Slot {
    /// The 0-based column, or −1 for a constant.
    let column: Int
    /// The constant's bytes (when `column` is −1).
    let start: UnsafePointer<UInt8>
    let count: Int
    var isConstant: Bool {
      @inline(__always) get { column < 0 }
    }
  }

  /// A spelling and the code it stands for.
  struct Spelling {
    let start: UnsafePointer<UInt8>
    let count: Int
    let code: UInt8
  }

  /// A list of spellings.
  struct Spellings {
    let first: UnsafePointer<Spelling>
    let count: Int

    /// The code of the spelling equal to `bytes`.
    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
      let length = bytes.count
      for index in 0..<count {
        let spelling = first[index]
        if spelling.count == length && FastRowValidator.equal(spelling.start, bytes.baseAddress!, length) {
          return spelling.code
        }
      }
      return nil
    }

    /// The code of the spelling equal to `bytes` up to ASCII case, as
    /// `caseInsensitiveEquals` compares.
    @inline(__always)
    func matchIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
      let length = bytes.count
      outer: for index in 0..<count {
        let spelling = first[index]
        guard spelling.count == length else { continue }
        for k in 0..<length {
          let a = spelling.start[k]
          let b = bytes[k]
          if a == b { continue }
          let lower = a | 0x20
          if lower == b | 0x20 && lower >= 0x61 && lower <= 0x7A { continue }
          continue outer
        }
        return spelling.code
      }
      return nil
    }
  }

  /// The fields of one row: `base[starts[i] ..< ends[i]]` is column *i*.
  struct Row {
    let base: UnsafePointer<UInt8>
    let starts: UnsafePointer<Int>
    let ends: UnsafePointer<Int>
    /// How many bytes of the buffer may be read (from `base`).
    let readable: Int

    /// How many bytes after a field may be read: the rest of the buffer, or, for a constant,
    /// the storage's padding.
    @inline(__always)
    func slack(_ slot: Slot) -> Int {
      slot.column < 0 ? FastRowValidator.constantPadding : readable &- ends[slot.column]
    }

    @inline(__always)
    func bytes(_ slot: Slot) -> UnsafeBufferPointer<UInt8> {
      if slot.column < 0 { return UnsafeBufferPointer(start: slot.start, count: slot.count) }
      return field(slot.column)
    }

    /// The bytes of column `column`.
    @inline(__always)
    func field(_ column: Int) -> UnsafeBufferPointer<UInt8> {
      let start = starts[column]
      return UnsafeBufferPointer(start: base + start, count: ends[column] &- start)
    }
  }

  /// The codes of an accepted row and where its id is.
  struct Codes {
    var origin: UInt8 = 0
    var host: UInt8 = 0
    var kind: UInt8 = 0
    var year: UInt16 = 0
    /// Ethnic-group bits and the qualifier (see ``RowCodes``).
    var groups: UInt16 = 0
    var persons: Int = 0
    /// The month, 1–12, or 0 when the date has none.
    var month: UInt8 = 0
    var id: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  }

  /// The bytes after the last constant that may be read.
  static let constantPadding = 8

  /// Whether the fast path can accept any row (false when a constant default is invalid: every
  /// row then goes to the general parser, which reports it).
  let isUsable: Bool

  private let id, origin, host, year, month, day, precision, category, mode, outcome: Slot
  private let persons, qualifier, groups, gender, title, sourceDate: Slot
  /// Four slots (title, url, date, publisher) per further source.
  private let extraSlots: UnsafePointer<Slot>
  private let extraCount: Int
  private let today: CalendarDay

  /// The country index of each pair of upper-case letters, `(a - 65) * 26 + (b - 65)`; 0xFF
  /// for a pair that is no alpha-2 code.
  let countryByPair: UnsafePointer<UInt8>
  private let precisions, outcomes, qualifiers, groupNames, genders: Spellings
  let categories: Spellings
  /// Each category's modes, with their kind codes.
  private let modes: (Spellings, Spellings, Spellings)

  // Constants parsed once (nil when the field is a column).
  private let constantOrigin: UInt8?
  private let constantHost: UInt8?
  private let constantYear: Int?
  private let constantMonth: Int??
  private let constantDay: Int??
  private let constantPrecision: DatePrecision?
  private let constantCategory: IncidentCategory?
  /// For a constant mode and outcome: the kind code of each category, 0xFF where the mode does
  /// not belong.
  private let constantKinds: (UInt8, UInt8, UInt8)?
  private let constantPersons: Int??
  private let constantQualifier: PersonCountQualifier?
  private let constantGroups: UInt16?
  /// Whether the year, month, day and precision are all constant (and valid).
  private let constantDate: Bool

  /// Makes the validator of a file; `storage` receives the memory it points into.
  init(parser: IncidentRowParser, today: CalendarDay, storage: inout Storage?) {
    self.today = today
    let sources = parser.sourcesForFastPath
    let extras = parser.extraSourcesForFastPath

    // Every byte string the validator compares with, laid out in one buffer.
    var text: [UInt8] = []
    var constantOffsets: [IncidentField: (Int, Int)] = [:]
    for field in IncidentField.allCases {
      if case .constant(let value) = sources[field]! {
        constantOffsets[field] = (text.count, value.utf8.count)
        text += value.utf8
      }
    }
    var spellingList: [(Int, Int, UInt8)] = []  // offset, length, code
    func add(_ words: [(String, UInt8)]) -> Range<Int> {
      let first = spellingList.count
      for (word, code) in words {
        spellingList.append((text.count, word.utf8.count, code))
        text += word.utf8
      }
      return first..<spellingList.count
    }
    let precisionRange = add(DatePrecision.allCases.enumerated().map { ($1.rawValue, UInt8($0)) })
    let categoryRange = add(IncidentCategory.allCases.map { ($0.rawValue, $0.code) })
    let outcomeRange = add(DetentionOutcome.allCases.enumerated().map { ($1.rawValue, UInt8($0)) })
    let qualifierRange = add(PersonCountQualifier.allCases.map { ($0.rawValue, UInt8($0.columnCode)) })
    let groupRange = add(EthnicGroup.allCases.map { ($0.rawValue, $0.code) })
    let genderRange = add(Gender.allCases.enumerated().map { ($1.rawValue, UInt8($0)) })
    let modeRanges = IncidentCategory.allCases.map { category in
      add(
        Set(IncidentKind.allModes).sorted().compactMap { mode in
          IncidentKind(category: category, mode: mode).map { (mode, $0.columnCode) }
        })
    }
    let pairOffset = text.count
    var pairs = [UInt8](repeating: 0xFF, count: 26 * 26)
    for country in Country.allCountries {
      let code = Array(country.alpha2.utf8)
      pairs[Int(code[0] - 65) * 26 + Int(code[1] - 65)] = UInt8(country.index)
    }
    text += pairs

    let owner = Storage(bytes: text.count, slots: 4 * extras.count, spellings: spellingList.count)
    storage = owner
    let bytes = owner.bytes
    bytes.update(from: text, count: text.count)
    for (index, spelling) in spellingList.enumerated() {
      (owner.spellings + index).initialize(
        to: Spelling(start: bytes + spelling.0, count: spelling.1, code: spelling.2))
    }
    func spellings(_ range: Range<Int>) -> Spellings {
      Spellings(first: owner.spellings + range.lowerBound, count: range.count)
    }
    precisions = spellings(precisionRange)
    categories = spellings(categoryRange)
    outcomes = spellings(outcomeRange)
    qualifiers = spellings(qualifierRange)
    groupNames = spellings(groupRange)
    genders = spellings(genderRange)
    modes = (spellings(modeRanges[0]), spellings(modeRanges[1]), spellings(modeRanges[2]))
    countryByPair = UnsafePointer(bytes + pairOffset)

    func slot(_ field: IncidentField) -> Slot {
      if case .column(let index, _) = sources[field]! {
        return Slot(column: index, start: bytes, count: 0)
      }
      let (offset, count) = constantOffsets[field]!
      return Slot(column: -1, start: bytes + offset, count: count)
    }
    id = slot(.id)
    origin = slot(.origin)
    host = slot(.host)
    year = slot(.year)
    month = slot(.month)
    day = slot(.day)
    precision = slot(.datePrecision)
    category = slot(.category)
    mode = slot(.mode)
    outcome = slot(.detentionOutcome)
    persons = slot(.persons)
    qualifier = slot(.personsQualifier)
    groups = slot(.ethnicGroups)
    gender = slot(.gender)
    title = slot(.sourceTitle)
    sourceDate = slot(.sourceDate)
    let empty = Slot(column: -1, start: bytes, count: 0)
    for (index, columns) in extras.enumerated() {
      for (part, field) in [IncidentField.sourceTitle, .sourceURL, .sourceDate, .sourcePublisher]
        .enumerated()
      {
        (owner.slots + 4 * index + part).initialize(
          to: columns[field].map { Slot(column: $0, start: bytes, count: 0) } ?? empty)
      }
    }
    extraSlots = UnsafePointer(owner.slots)
    extraCount = extras.count

    // Parse the constants once; an invalid constant disables the fast path.
    func constant(_ slot: Slot) -> UnsafeBufferPointer<UInt8>? {
      slot.isConstant ? UnsafeBufferPointer(start: slot.start, count: slot.count) : nil
    }
    var usable = true
    func parsed<T>(_ slot: Slot, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
      guard let bytes = constant(slot) else { return nil }
      guard let value = parse(bytes) else {
        usable = false
        return nil
      }
      return value
    }
    let pairTable = countryByPair
    constantOrigin = parsed(origin) { FastRowValidator.country($0, pairTable) }
    constantHost = parsed(host) { FastRowValidator.country($0, pairTable) }
    constantYear = parsed(year) { FastRowValidator.digits($0) }
    constantMonth = parsed(month) { FastRowValidator.optionalNumber($0) }
    constantDay = parsed(day) { FastRowValidator.optionalNumber($0) }
    let precisions = self.precisions
    let categories = self.categories
    let qualifiers = self.qualifiers
    let groupNames = self.groupNames
    let genders = self.genders
    let outcomes = self.outcomes
    let modes = self.modes
    constantPrecision = parsed(precision) { precisions.match($0).map { DatePrecision.allCases[Int($0)] } }
    constantCategory = parsed(category) { categories.match($0).map { IncidentCategory(code: $0)! } }
    constantPersons = parsed(persons) { FastRowValidator.optionalNumber($0) }
    constantQualifier = parsed(qualifier) {
      qualifiers.match($0).map { PersonCountQualifier.allCases[Int($0)] }
    }
    constantGroups = parsed(groups) { FastRowValidator.groupMask($0, groupNames) }
    if let bytes = constant(id), !FastRowValidator.isPlainID(bytes) { usable = false }
    if let bytes = constant(gender), !(bytes.isEmpty || genders.match(bytes) != nil) {
      usable = false
    }
    if let bytes = constant(title), !FastRowValidator.hasVisibleASCII(bytes) { usable = false }
    if let bytes = constant(sourceDate), !FastRowValidator.isSourceDate(bytes) { usable = false }
    if let bytes = constant(outcome), !(bytes.isEmpty || outcomes.match(bytes) != nil) {
      usable = false
    }
    if let modeBytes = constant(mode), constant(outcome) != nil {
      let kinds = (
        modes.0.match(modeBytes) ?? 0xFF, modes.1.match(modeBytes) ?? 0xFF,
        modes.2.match(modeBytes) ?? 0xFF
      )
      if kinds == (0xFF, 0xFF, 0xFF) { usable = false }
      if let category = constantCategory {
        // A constant category whose constant mode does not belong to it: no row is valid.
        let code = category == .intimidation ? kinds.0 : category == .detention ? kinds.1 : kinds.2
        if code == 0xFF { usable = false }
      }
      constantKinds = kinds
    } else {
      constantKinds = nil
    }
    if let value = constantPersons, let qualifier = constantQualifier,
      (value == nil) != (qualifier == .unknown)
    {
      usable = false  // a number exactly when the qualifier is not `unknown`
    }
    if let year = constantYear, let month = constantMonth, let day = constantDay,
      let precision = constantPrecision
    {
      if !FastRowValidator.dateIsValid(
        year: year, month: month, day: day, precision: precision, today: today)
      {
        usable = false
      }
      constantDate = true
    } else {
      constantDate = false
    }
    isUsable = usable

    // The narrow plan: every field but id, origin, host, year and category constant (and
    // valid), the date a bare year, no further sources.
    let others: [Slot] = [month, day, precision, mode, outcome, persons, qualifier, groups, gender, title, sourceDate]
    if usable && extras.isEmpty && others.allSatisfy(\.isConstant) && constantMonth! == nil
      && constantDay! == nil && (constantPrecision == .year || constantPrecision == .reported)
    {
      var template = Codes()
      template.origin = constantOrigin ?? 0
      template.host = constantHost ?? 0
      template.year = UInt16(truncatingIfNeeded: constantYear ?? 0)
      template.persons = constantPersons! ?? 0
      template.groups = constantGroups! | UInt16(constantQualifier!.columnCode) << RowCodes.qualifierShift
      let kinds = constantKinds!
      let categoryCode = constantCategory?.code
      if let categoryCode {
        template.kind = categoryCode == 0 ? kinds.0 : categoryCode == 1 ? kinds.1 : kinds.2
      }
      narrow = Narrow(
        template: template, id: id.isConstant ? -1 : id.column,
        origin: origin.isConstant ? -1 : origin.column, host: host.isConstant ? -1 : host.column,
        year: year.isConstant ? -1 : year.column,
        category: category.isConstant ? -1 : category.column, kinds: kinds,
        lastYear: today.year)
    } else {
      narrow = nil
    }
  }

  /// The plan of a narrow mapping, where only the id, origin, host, year and category may be
  /// columns (as in gen.py's CSV): the codes of the constants are folded into a template, and a
  /// row only parses its few columns.
  struct Narrow {
    let template: Codes
    /// The columns (−1: the template's value).
    let id, origin, host, year, category: Int
    /// The kind code of each category (0xFF: the constant mode does not belong to it).
    let kinds: (UInt8, UInt8, UInt8)
    /// The last year that is not in the future (a bare year is valid from 1000 to this).
    let lastYear: Int
  }

  /// The narrow plan, when the mapping is narrow.
  let narrow: Narrow?

  /// ``codes(_:ascii:)`` for a narrow mapping (``PartReader`` calls it directly for the ASCII
  /// rows of a quote-free run).
  @inline(__always)
  func narrowCodes(_ row: Row, ascii: Bool, _ plan: Narrow) -> Codes? {
    var codes = plan.template
    if plan.id >= 0 {
      let bytes = row.field(plan.id)
      let first = bytes.isEmpty ? 0x20 : bytes[0]
      guard (ascii && first > 0x20 && first < 0x80) || FastRowValidator.isPlainID(bytes) else {
        return nil
      }
      codes.id = bytes
    } else {
      codes.id = row.bytes(id)
    }
    if plan.origin >= 0 {
      guard let value = FastRowValidator.country(row.field(plan.origin), countryByPair) else { return nil }
      codes.origin = value
    }
    if plan.host >= 0 {
      guard let value = FastRowValidator.country(row.field(plan.host), countryByPair) else { return nil }
      codes.host = value
    }
    if plan.year >= 0 {
      guard
        let value = FastRowValidator.digits(
          row.field(plan.year), slack: row.readable &- row.ends[plan.year]),
        value >= 1000 && value <= 9999 && value <= plan.lastYear
      else { return nil }
      codes.year = UInt16(truncatingIfNeeded: value)
    }
    if plan.category >= 0 {
      guard let category = categories.match(row.field(plan.category)) else { return nil }
      let kind = category == 0 ? plan.kinds.0 : category == 1 ? plan.kinds.1 : plan.kinds.2
      guard kind != 0xFF else { return nil }
      codes.kind = kind
    }
    return codes
  }

  // MARK: - One row

  /// The codes of a plain row the general parser accepts, or `nil` to send the row to the
  /// general parser. The caller has checked the field count and that the row is well-formed
  /// UTF-8 without doubled quotes.
  @inline(__always)
  func codes(_ row: Row, ascii: Bool) -> Codes? {
    if let narrow { return narrowCodes(row, ascii: ascii, narrow) }
    var codes = Codes()
    // id: ASCII, with a character that is not white space (in an ASCII row, a first byte that
    // is not white space settles it).
    let idBytes = row.bytes(id)
    if !id.isConstant {
      let first = idBytes.isEmpty ? 0x20 : idBytes[0]
      let visibleFirst = first > 0x20 && first < 0x80
      guard (ascii && visibleFirst) || FastRowValidator.isPlainID(idBytes) else { return nil }
    }
    codes.id = idBytes

    if let value = constantOrigin {
      codes.origin = value
    } else {
      guard let value = FastRowValidator.country(row.bytes(origin), countryByPair) else {
        return nil
      }
      codes.origin = value
    }
    if let value = constantHost {
      codes.host = value
    } else {
      guard let value = FastRowValidator.country(row.bytes(host), countryByPair) else {
        return nil
      }
      codes.host = value
    }

    // Date.
    if constantDate {
      codes.year = UInt16(truncatingIfNeeded: constantYear!)
      codes.month = UInt8(truncatingIfNeeded: (constantMonth ?? nil) ?? 0)
    } else {
      let yearValue: Int
      if let value = constantYear {
        yearValue = value
      } else {
        guard let value = FastRowValidator.digits(row.bytes(year), slack: row.slack(year)) else {
          return nil
        }
        yearValue = value
      }
      let monthValue: Int?
      if let value = constantMonth {
        monthValue = value
      } else {
        guard let value = FastRowValidator.optionalNumber(row.bytes(month)) else { return nil }
        monthValue = value
      }
      let dayValue: Int?
      if let value = constantDay {
        dayValue = value
      } else {
        guard let value = FastRowValidator.optionalNumber(row.bytes(day)) else { return nil }
        dayValue = value
      }
      let precisionValue: DatePrecision
      if let value = constantPrecision {
        precisionValue = value
      } else {
        guard let code = precisions.match(row.bytes(precision)) else { return nil }
        precisionValue = DatePrecision.allCases[Int(code)]
      }
      guard
        FastRowValidator.dateIsValid(
          year: yearValue, month: monthValue, day: dayValue, precision: precisionValue,
          today: today)
      else { return nil }
      codes.year = UInt16(truncatingIfNeeded: yearValue)
      codes.month = UInt8(truncatingIfNeeded: monthValue ?? 0)
    }

    // Category and mode.
    let categoryCode: UInt8
    if let value = constantCategory {
      categoryCode = value.code
    } else {
      guard let code = categories.match(row.bytes(category)) else { return nil }
      categoryCode = code
    }
    if let kinds = constantKinds {
      let code = categoryCode == 0 ? kinds.0 : categoryCode == 1 ? kinds.1 : kinds.2
      guard code != 0xFF else { return nil }
      codes.kind = code
    } else {
      let outcomeBytes = row.bytes(outcome)
      guard outcomeBytes.isEmpty || outcomes.match(outcomeBytes) != nil else { return nil }
      let modeBytes = row.bytes(mode)
      let match =
        categoryCode == 0
        ? modes.0.match(modeBytes) : categoryCode == 1 ? modes.1.match(modeBytes) : modes.2.match(modeBytes)
      guard let code = match else { return nil }
      codes.kind = code
    }

    // Persons.
    let personsValue: Int?
    if let value = constantPersons {
      personsValue = value
    } else {
      guard let value = FastRowValidator.optionalNumber(row.bytes(persons)) else { return nil }
      personsValue = value
    }
    let qualifierCode: UInt8
    if let value = constantQualifier {
      qualifierCode = UInt8(value.columnCode)
    } else {
      guard let code = qualifiers.match(row.bytes(qualifier)) else { return nil }
      qualifierCode = code
    }
    // A number exactly when the qualifier is not `unknown` (code 4).
    guard (personsValue == nil) == (qualifierCode == 4) else { return nil }
    codes.persons = personsValue ?? 0

    // Ethnic groups and the qualifier share a code.
    let mask: UInt16
    if let value = constantGroups {
      mask = value
    } else {
      guard let value = FastRowValidator.groupMask(row.bytes(groups), groupNames) else {
        return nil
      }
      mask = value
    }
    codes.groups = mask | UInt16(qualifierCode) << RowCodes.qualifierShift

    // Fields that are only checked.
    if !gender.isConstant {
      let bytes = row.bytes(gender)
      guard bytes.isEmpty || genders.match(bytes) != nil else { return nil }
    }
    if !title.isConstant && !FastRowValidator.hasVisibleASCII(row.bytes(title)) { return nil }
    if !sourceDate.isConstant && !FastRowValidator.isSourceDate(row.bytes(sourceDate)) {
      return nil
    }
    for source in 0..<extraCount {
      let slots = extraSlots + 4 * source
      if row.bytes(slots[0]).isEmpty && row.bytes(slots[1]).isEmpty
        && row.bytes(slots[2]).isEmpty && row.bytes(slots[3]).isEmpty
      {
        continue
      }
      guard FastRowValidator.hasVisibleASCII(row.bytes(slots[0])),
        FastRowValidator.isSourceDate(row.bytes(slots[2]))
      else { return nil }
    }
    return codes
  }

  // MARK: - Field parsers

  /// Whether `count` bytes at `a` and `b` are equal (short strings: a byte loop, no call).
  @inline(__always)
  static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    if count >= 8 && count <= 16 {
      // Two 8-byte words, overlapping in the middle.
      let tail = count &- 8
      return UnsafeRawPointer(a).loadUnaligned(as: UInt64.self)
        == UnsafeRawPointer(b).loadUnaligned(as: UInt64.self)
        && UnsafeRawPointer(a + tail).loadUnaligned(as: UInt64.self)
          == UnsafeRawPointer(b + tail).loadUnaligned(as: UInt64.self)
    }
    var index = 0
    while index &+ 8 <= count {
      if UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self)
        != UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self)
      {
        return false
      }
      index &+= 8
    }
    while index < count {
      if a[index] != b[index] { return false }
      index &+= 1
    }
    return true
  }

  /// The value of a canonical decimal integer — `0`, or a digit 1–9 followed by at most 17
  /// digits — else `nil`. Two such strings are equal exactly when their values are.
  /// `slack`: how many bytes after `bytes` may be read (8 − count or more takes one load).
  @inline(__always)
  static func canonicalInteger(_ bytes: UnsafeBufferPointer<UInt8>, slack: Int = 0) -> Int? {
    let count = bytes.count
    guard count >= 1 && count <= 18 else { return nil }
    if count <= 8 && slack >= 8 &- count {
      guard let value = eightDigits(bytes.baseAddress!, count) else { return nil }
      return count > 1 && bytes[0] == 0x30 ? nil : value
    }
    let first = bytes[0] &- 0x30
    guard first < 10 && (first != 0 || count == 1) else { return nil }
    var value = Int(first)
    var index = 1
    while index < count {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      value = value &* 10 &+ Int(digit)
      index &+= 1
    }
    return value
  }

  /// The country of a 2-letter code (any case); other codes (alpha-3, numeric) through the
  /// general lookup.
  @inline(__always)
  static func country(_ bytes: UnsafeBufferPointer<UInt8>, _ pairs: UnsafePointer<UInt8>) -> UInt8? {
    if bytes.count == 2 {
      let a = (bytes[0] & 0xDF) &- 65
      let b = (bytes[1] & 0xDF) &- 65
      if a < 26 && b < 26 {
        let index = pairs[Int(a) &* 26 &+ Int(b)]
        return index == 0xFF ? nil : index
      }
    }
    return otherCountry(bytes)
  }

  /// A code that is not two letters: through ``CountryLookup``, as the general parser.
  @inline(never)
  static func otherCountry(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
    guard !bytes.isEmpty, !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    return CountryLookup.shared.index(of: String(decoding: bytes, as: UTF8.self)).map {
      UInt8(truncatingIfNeeded: $0)
    }
  }

  /// The value of `count` (1 to 8) ASCII digits at `start`, else `nil`: one 8-byte load (the
  /// caller makes sure 8 bytes from `start` may be read), masked, checked and converted without
  /// a loop.
  @inline(__always)
  static func eightDigits(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int? {
    let keep = ~UInt64(0) &>> UInt64(64 &- 8 &* count)
    let x = (UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)) & keep)
      ^ (0x3030_3030_3030_3030 & keep)
    // Every kept byte 0...9: no high nibble, and none after adding 6.
    guard x & 0xF0F0_F0F0_F0F0_F0F0 == 0, (x &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0
    else { return nil }
    // Leading zero digits in front, then pairs, quadruples, octets.
    var v = x &<< UInt64(64 &- 8 &* count)
    v = (v &* 10 &+ (v &>> 8)) & 0x00FF_00FF_00FF_00FF
    v = (v &* 100 &+ (v &>> 16)) & 0x0000_FFFF_0000_FFFF
    v = (v &* 10_000 &+ (v &>> 32)) & 0xFFFF_FFFF
    return Int(truncatingIfNeeded: v)
  }

  /// 1 to 18 ASCII digits (the general parser's whole numbers without a sign). `slack`: how
  /// many bytes after `bytes` may be read.
  @inline(__always)
  static func digits(_ bytes: UnsafeBufferPointer<UInt8>, slack: Int = 0) -> Int? {
    let count = bytes.count
    guard count >= 1 && count <= 18 else { return nil }
    if count <= 8 && slack >= 8 &- count { return eightDigits(bytes.baseAddress!, count) }
    var value = 0
    for index in 0..<count {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      value = value &* 10 &+ Int(digit)
    }
    return value
  }

  /// An optional number: empty (`.some(nil)`), digits (`.some(value)`), or not plain (`nil`).
  @inline(__always)
  static func optionalNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int?? {
    if bytes.isEmpty { return .some(nil) }
    guard let value = digits(bytes) else { return nil }
    return .some(value)
  }

  /// `;`-separated group names, each equal to a group's spelling up to ASCII case; an empty
  /// name is no group.
  static func groupMask(_ bytes: UnsafeBufferPointer<UInt8>, _ names: Spellings) -> UInt16? {
    var mask: UInt16 = 0
    var start = 0
    let count = bytes.count
    while true {
      var end = start
      while end < count && bytes[end] != 0x3B { end &+= 1 }
      guard let code = names.matchIgnoringCase(UnsafeBufferPointer(rebasing: bytes[start..<end]))
      else { return nil }
      mask |= 1 << UInt16(code)
      if end == count { return mask }
      start = end &+ 1
    }
  }

  /// An ASCII id with a character that is not white space.
  @inline(__always)
  static func isPlainID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var visible = false
    for byte in bytes {
      if byte >= 0x80 { return false }
      if byte != 0x20 && (byte < 0x09 || byte > 0x0D) { visible = true }
    }
    return visible
  }

  /// Whether the text holds an ASCII byte that is not white space: then it has a character
  /// that is not white space (an ASCII letter, digit or mark starts its own grapheme, or follows
  /// a prepended mark that is not white space either). Texts without one go to the general
  /// parser.
  @inline(__always)
  static func hasVisibleASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in bytes where byte < 0x80 && byte != 0x20 && (byte < 0x09 || byte > 0x0D) {
      return true
    }
    return false
  }

  /// Empty, or `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real date (``SourceCitation``'s rule).
  static func isSourceDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    if count == 0 { return true }
    guard count == 4 || count == 7 || count == 10 else { return false }
    func number(_ range: Range<Int>) -> Int? { digits(UnsafeBufferPointer(rebasing: bytes[range])) }
    guard let year = number(0..<4) else { return false }
    var month: Int?
    var day: Int?
    if count >= 7 {
      guard bytes[4] == 0x2D, let value = number(5..<7) else { return false }
      month = value
    }
    if count == 10 {
      guard bytes[7] == 0x2D, let value = number(8..<10) else { return false }
      day = value
    }
    let precision: DatePrecision = day != nil ? .day : month != nil ? .month : .year
    return (try? IncidentDate(year: year, month: month, day: day, precision: precision)) != nil
  }

  /// Whether the date is possible and not after `today`.
  @inline(__always)
  static func dateIsValid(
    year: Int, month: Int?, day: Int?, precision: DatePrecision, today: CalendarDay
  ) -> Bool {
    if month == nil && day == nil && (precision == .year || precision == .reported) {
      return year >= 1000 && year <= 9999 && year <= today.year
    }
    return generalDateIsValid(year: year, month: month, day: day, precision: precision, today: today)
  }

  @inline(never)
  static func generalDateIsValid(
    year: Int, month: Int?, day: Int?, precision: DatePrecision, today: CalendarDay
  ) -> Bool {
    guard let date = try? IncidentDate(year: year, month: month, day: day, precision: precision)
    else { return false }
    return !date.isAfter((today.year, today.month, today.day))
  }
}
