extension IncidentDate {
  /// Reads a date as people write it in a spreadsheet's one date column, with its precision.
  ///
  /// The forms read, with the precision each gives:
  ///
  /// - ISO 8601 dates, ``DatePrecision/day``: `2015-07-09`, also with a time
  ///   (`2015-07-09T14:30:00Z`, `2015-07-09 00:00:00`).
  /// - ISO 8601 year and month, ``DatePrecision/month``: `2017-07`.
  /// - ISO 8601 year, ``DatePrecision/year``: `2019`.
  /// - An English month name, day first, ``DatePrecision/day``: `9 July 2015`, `9 Jul. 2015`,
  ///   `9th July 2015`, `09-Jul-2015`.
  /// - An English month name, month first, ``DatePrecision/day``: `July 9, 2015`, `Jul 9 2015`,
  ///   `July 9th, 2015`.
  /// - An English month name and a year, ``DatePrecision/month``: `July 2017`, `Jul 2017`,
  ///   `Jul-2017`.
  /// - A numeric month and four-digit year, ``DatePrecision/month``: `07/2017`, `7.2017`,
  ///   `2017/07` (one reading only, so no order is needed).
  /// - A numeric date with a declared order, ``DatePrecision/day``: `09/07/2015`, `9.7.2015`,
  ///   `2015/07/09`.
  ///
  /// Month names are English, full or abbreviated (`Sept` too), in any case, with or without a
  /// period. Ordinal days (`1st`, `2nd`, `23rd`, `9th`) must have the right suffix. Between the
  /// parts of a month-name date, spaces, commas, periods, hyphens and slashes are all accepted.
  /// An ISO 8601 date with a time keeps the calendar date as written: the time and any offset
  /// are checked for form and then ignored.
  ///
  /// A numeric date with three parts (`09/07/2015`, `9.7.2015`, `2015/7/9`; any of `/`, `.`,
  /// `-` or a space, the same one twice) is read only with a declared `order`. Without one it is
  /// ``DateTextError/orderNotDeclared(_:)``, whose message names `--date-order`, even when a
  /// number over 12 would seem to settle it: the order is never guessed from one row. The ISO
  /// form `2015-07-09` (four, two and two digits) is always year, month, day, whatever the order.
  ///
  /// Years have four digits (1000–9999); a two-digit year is an error, never given a century.
  /// The calendar is checked, leap years included: `2015-02-29` and `30 February 2016` are
  /// errors, `2016-02-29` is not. Approximate dates (`mid-2017`, `summer 2017`, `2017?`) are
  /// errors: a date's imprecision is its precision, so write `2017`.
  ///
  /// ```swift
  /// try IncidentDate(parsing: "2017-07")                    // 2017-07, precision .month
  /// try IncidentDate(parsing: "July 9, 2015")               // 2015-07-09, precision .day
  /// try IncidentDate(parsing: "09/07/2015", order: .dmy)    // 2015-07-09
  /// try IncidentDate(parsing: "09/07/2015")                 // throws .orderNotDeclared
  /// ```
  ///
  /// - Parameters:
  ///   - text: the date as written; spaces around it are ignored.
  ///   - order: the order of the file's numeric dates, when declared; used only for numeric
  ///     dates with three parts.
  /// - Throws: ``DateTextError``, with a plain-English reason.
  /// - Complexity: O(*n*) in the length of the text.
  public init(parsing text: some StringProtocol, order: DateOrder? = nil) throws(DateTextError) {
    self = try DateTextParser.parse(text, order: order)
  }
}

/// The reader behind ``IncidentDate/init(parsing:order:)``.
internal enum DateTextParser {
  /// A run of digits or of ASCII letters.
  private enum Token {
    case number(value: Int, digits: Int, ordinal: Bool)
    case word(String)
  }

  static func parse(_ input: some StringProtocol, order: DateOrder?) throws(DateTextError)
    -> IncidentDate
  {
    let text = trimmed(String(input))
    guard !text.isEmpty else { throw .empty }
    if let (year, month, day) = isoParts(Array(text.utf8)) {
      return try make(text, year, month, day)
    }
    let (tokens, separators) = try tokenize(text)
    if tokens.contains(where: { if case .word = $0 { true } else { false } }) {
      return try monthNameDate(text, tokens, separators)
    }
    return try numericDate(text, tokens, separators, order: order)
  }

  /// The text without surrounding whitespace (spaces, tabs, no-break spaces).
  private static func trimmed(_ input: String) -> String {
    guard let first = input.firstIndex(where: { !$0.isWhitespace }),
      let last = input.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(input[first...last])
  }

  private static func make(_ text: String, _ year: Int, _ month: Int?, _ day: Int?)
    throws(DateTextError) -> IncidentDate
  {
    let precision: DatePrecision = day != nil ? .day : month != nil ? .month : .year
    do {
      return try IncidentDate(year: year, month: month, day: day, precision: precision)
    } catch {
      throw .impossible(text: text, error)
    }
  }

  // MARK: - ISO 8601

  /// Year, month and day of `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DD` followed by `T` or a
  /// space and a time (`hh:mm`, `:ss`, a fraction, `Z` or an offset); `nil` for any other form.
  private static func isoParts(_ b: [UInt8]) -> (Int, Int?, Int?)? {
    guard let year = digits(b, 0, 4) else { return nil }
    if b.count == 4 { return (year, nil, nil) }
    guard b.count >= 7, b[4] == UInt8(ascii: "-"), let month = digits(b, 5, 2) else { return nil }
    if b.count == 7 { return (year, month, nil) }
    guard b.count >= 10, b[7] == UInt8(ascii: "-"), let day = digits(b, 8, 2) else { return nil }
    if b.count == 10 { return (year, month, day) }
    guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), isISOTime(b, from: 11)
    else { return nil }
    return (year, month, day)
  }

  /// The value of `count` ASCII digits at `from`, or `nil`.
  private static func digits(_ b: [UInt8], _ from: Int, _ count: Int) -> Int? {
    guard from + count <= b.count else { return nil }
    var value = 0
    for index in from..<(from + count) {
      let byte = b[index]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// Whether `b[from...]` is `hh:mm[:ss[.fff]][Z|±hh[[:]mm]]`.
  private static func isISOTime(_ b: [UInt8], from start: Int) -> Bool {
    var i = start
    guard let hour = digits(b, i, 2), hour <= 23, i + 2 < b.count, b[i + 2] == UInt8(ascii: ":"),
      let minute = digits(b, i + 3, 2), minute <= 59
    else { return false }
    i += 5
    if i < b.count, b[i] == UInt8(ascii: ":") {
      guard let second = digits(b, i + 1, 2), second <= 60 else { return false }
      i += 3
      if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
        i += 1
        let fractionStart = i
        while i < b.count, digits(b, i, 1) != nil { i += 1 }
        guard i > fractionStart else { return false }
      }
    }
    if i == b.count { return true }
    if b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
    guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"),
      let offsetHour = digits(b, i + 1, 2), offsetHour <= 23
    else { return false }
    i += 3
    if i == b.count { return true }
    if b[i] == UInt8(ascii: ":") { i += 1 }
    guard let offsetMinute = digits(b, i, 2), offsetMinute <= 59 else { return false }
    return i + 2 == b.count
  }

  // MARK: - Tokens

  /// The separator characters between two tokens: how many, and the first one (a run of
  /// whitespace counts as one space).
  private struct Separator: Equatable {
    var length = 0
    var first: UInt8 = 0

    mutating func append(_ byte: UInt8) {
      if length == 0 { first = byte }
      length += 1
    }
  }

  /// Splits the text into numbers and words, with the separators before each token (the first
  /// entry is what precedes the first token, the last what follows the last one).
  private static func tokenize(_ text: String) throws(DateTextError) -> ([Token], [Separator]) {
    var bytes = Array(text.utf8)
    if bytes.contains(where: { $0 >= 0x80 }) {
      // Only whitespace (a no-break space, say) may be non-ASCII; it separates like a space.
      bytes = []
      for scalar in text.unicodeScalars {
        if scalar.isASCII {
          bytes.append(UInt8(scalar.value))
        } else if scalar.properties.isWhitespace {
          bytes.append(32)
        } else {
          throw .unrecognized(text)
        }
      }
    }
    var tokens: [Token] = []
    tokens.reserveCapacity(3)
    var separators: [Separator] = [Separator()]
    separators.reserveCapacity(4)
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      if isDigit(byte) {
        var value = 0
        var count = 0
        while i < bytes.count, isDigit(bytes[i]) {
          count += 1
          guard count <= 9 else { throw .unrecognized(text) }
          value = value * 10 + Int(bytes[i] - 48)
          i += 1
        }
        if !tokens.isEmpty, separators[tokens.count].length == 0 { throw .unrecognized(text) }
        tokens.append(.number(value: value, digits: count, ordinal: false))
        separators.append(Separator())
      } else if isLetter(byte) {
        let start = i
        while i < bytes.count, isLetter(bytes[i]) { i += 1 }
        let word = String(decoding: bytes[start..<i].lazy.map { $0 | 0x20 }, as: UTF8.self)
        if case .number(let value, let count, false)? = tokens.last,
          separators[tokens.count].length == 0
        {
          // An ordinal suffix glued to its number: 1st, 2nd, 3rd, 9th, 11th, 22nd.
          guard word == ordinalSuffix(value) else { throw .unrecognized(text) }
          tokens[tokens.count - 1] = .number(value: value, digits: count, ordinal: true)
          continue
        }
        if !tokens.isEmpty, separators[tokens.count].length == 0 { throw .unrecognized(text) }
        tokens.append(.word(word))
        separators.append(Separator())
      } else if byte == 32 || byte == 9 {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
        separators[tokens.count].append(32)
      } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
      {
        separators[tokens.count].append(byte)
        i += 1
      } else {
        throw .unrecognized(text)
      }
    }
    return (tokens, separators)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
  }

  /// The English ordinal suffix of a day: `st` for 1, 21 and 31, `nd` for 2 and 22, `rd` for 3
  /// and 23, `th` otherwise (11, 12 and 13 included).
  private static func ordinalSuffix(_ value: Int) -> String {
    if (11...13).contains(value % 100) { return "th" }
    switch value % 10 {
    case 1: return "st"
    case 2: return "nd"
    case 3: return "rd"
    default: return "th"
    }
  }

  /// English month names and abbreviations, lowercase, to the month number.
  private static let months: [String: Int] = {
    let names = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    var months: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      months[name] = index + 1
      months[String(name.prefix(3))] = index + 1
    }
    months["sept"] = 9
    return months
  }()

  // MARK: - Month-name dates

  private static func monthNameDate(_ text: String, _ tokens: [Token], _ separators: [Separator])
    throws(DateTextError) -> IncidentDate
  {
    guard separators[0].length == 0 else { throw .unrecognized(text) }
    // Trailing separators are tolerated only as a final period ("9 July 2015." is a sentence).
    let trailing = separators[tokens.count]
    guard trailing.length == 0 || (trailing.length == 1 && trailing.first == UInt8(ascii: "."))
    else {
      throw .unrecognized(text)
    }
    var month: Int?
    var monthPosition = 0
    for (position, token) in tokens.enumerated() {
      guard case .word(let word) = token else { continue }
      guard let number = months[word] else { throw .notAMonth(text: text, word: word) }
      guard month == nil else { throw .unrecognized(text) }
      month = number
      monthPosition = position
    }
    guard let month else { throw .unrecognized(text) }

    func year(_ token: Token) throws(DateTextError) -> Int {
      guard case .number(let value, let count, let ordinal) = token, !ordinal else {
        throw .unrecognized(text)
      }
      if count == 4 { return value }
      if count <= 2 { throw .twoDigitYear(text) }
      throw .unrecognized(text)
    }
    func day(_ token: Token) throws(DateTextError) -> Int {
      guard case .number(let value, let count, _) = token, count <= 2 else {
        throw .unrecognized(text)
      }
      return value
    }

    switch (tokens.count, monthPosition) {
    case (2, 0):  // July 2017
      return try make(text, try year(tokens[1]), month, nil)
    case (3, 1):  // 9 July 2015
      return try make(text, try year(tokens[2]), month, try day(tokens[0]))
    case (3, 0):  // July 9, 2015
      return try make(text, try year(tokens[2]), month, try day(tokens[1]))
    case (2, 1):  // 9 July (no year), or 2017 July (not read)
      if case .number(_, let count, _) = tokens[0], count <= 2 { throw .noYear(text) }
      throw .unrecognized(text)
    default:
      throw .unrecognized(text)
    }
  }

  // MARK: - Numeric dates

  private static func numericDate(
    _ text: String, _ tokens: [Token], _ separators: [Separator], order: DateOrder?
  ) throws(DateTextError) -> IncidentDate {
    guard separators.first!.length == 0, separators.last!.length == 0 else {
      throw .unrecognized(text)
    }
    var parts: [(value: Int, digits: Int)] = []
    for token in tokens {
      guard case .number(let value, let count, false) = token else { throw .unrecognized(text) }
      parts.append((value, count))
    }
    // The separators between the parts: one character, the same each time.
    let between = separators.dropFirst().dropLast()
    guard let separator = between.first, separator.length == 1,
      "/.- ".utf8.contains(separator.first), between.allSatisfy({ $0 == separator })
    else {
      if parts.count == 1, parts[0].digits <= 2 { throw .twoDigitYear(text) }
      throw .unrecognized(text)
    }
    guard parts.allSatisfy({ $0.digits <= 2 || $0.digits == 4 }) else { throw .unrecognized(text) }
    let fourDigit = parts.indices.filter { parts[$0].digits == 4 }
    guard fourDigit.count <= 1 else { throw .unrecognized(text) }
    guard let yearIndex = fourDigit.first else {
      throw (parts.count == 2 || parts.count == 3) ? .twoDigitYear(text) : .unrecognized(text)
    }
    switch parts.count {
    case 2:  // 07/2017 or 2017/07: one reading only.
      return try make(text, parts[yearIndex].value, parts[1 - yearIndex].value, nil)
    case 3:
      guard let order else { throw .orderNotDeclared(text) }
      let (y, m, d) =
        switch order {
        case .dmy: (2, 1, 0)
        case .mdy: (2, 0, 1)
        case .ymd: (0, 1, 2)
        }
      guard yearIndex == y else { throw .orderMismatch(text: text, order: order) }
      return try make(text, parts[y].value, parts[m].value, parts[d].value)
    default:
      throw .unrecognized(text)
    }
  }
}
