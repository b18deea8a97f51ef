extension PersonCount {
  /// Reads a count of people as people write it in a spreadsheet, with how exactly it is known.
  ///
  /// - Exactly: `5`, `1,000`, `5 people`.
  /// - At least 5: `at least 5`, `5+`, `5 or more`, `no fewer than 5`, `>= 5`, `≥ 5`.
  /// - At least **6**: `more than 5`, `over 5`, `> 5`.
  /// - About 60: `about 60`, `~60`, `≈ 60`, `approximately 60`, `approx. 60`, `around 60`,
  ///   `roughly 60`, `circa 60`, `c. 60`, `ca. 60`.
  /// - Up to 10: `up to 10`, `no more than 10`, `not more than 10`, `at most 10`,
  ///   `10 or fewer`, `10 or less`, `<= 10`, `≤ 10`.
  /// - Up to **9**: `fewer than 10`, `less than 10`, `under 10`, `< 10`.
  /// - Unknown: `unknown`, or an empty cell.
  ///
  /// Words are matched ignoring case and surrounding or repeated spaces; a trailing `people`,
  /// `persons`, `person`, `individuals` or `individual` is allowed.
  ///
  /// "More than 5" means 6 or more, and a ``PersonCountQualifier/atLeast`` count is a lower
  /// bound that is itself possible, so it is stored as at least 6: the honest whole-number
  /// reading, and the one that keeps "more than 5" and "at least 5" apart. Likewise "fewer than
  /// 10" is up to 9.
  ///
  /// Numbers are whole and non-negative. Commas are read as thousands separators only when
  /// every group after the first has exactly three digits (`1,000` and `12,345,678`, not `1,00`
  /// or `1,5`): a count of people is never a decimal, so `1,000` has one reading. A period or a
  /// space between digit groups (`1.000`, `1 000`) could be either a thousands separator or a
  /// decimal point and is an error. (The canonical CSV schema takes digits only; this reader is
  /// for text that people typed.)
  ///
  /// Anything else is an error, never an estimate: ranges and choices (`3-5`, `3 to 5`,
  /// `about 4 or 5`), words (`many`, `dozens`, `a family`), decimals (`4.5`), and numbers with
  /// other text (`12a`).
  ///
  /// ```swift
  /// try PersonCount(parsing: "at least 5")    // at least 5
  /// try PersonCount(parsing: "more than 5")   // at least 6
  /// try PersonCount(parsing: "~60")           // about 60
  /// try PersonCount(parsing: "")              // unknown
  /// try PersonCount(parsing: "3-5")           // throws .range
  /// ```
  ///
  /// - Parameter text: the count as written.
  /// - Throws: ``PersonCountTextError``, with a plain-English reason.
  /// - Complexity: O(*n*) in the length of the text.
  public init(parsing text: some StringProtocol) throws(PersonCountTextError) {
    self = try PersonCountTextParser.parse(text)
  }
}

/// The reader behind ``PersonCount/init(parsing:)``.
///
/// It works on the text's bytes, lowercased, trimmed, with each run of whitespace made one space
/// and the symbols ≥ ≤ ≈ – — spelled `>=`, `<=`, `~`, `-`, `-`; any other non-ASCII character
/// becomes a byte that matches nothing. The text itself is only rebuilt for an error message.
internal enum PersonCountTextParser {
  /// How a qualifier bounds the number that follows it.
  private enum Bound {
    case exact, atLeast, moreThan, about, upTo, fewerThan
  }

  /// Why the text is refused; the public error adds the text.
  private enum Failure: Error {
    case unrecognized, range, notWholeNumber, ambiguousSeparator, negative, tooLarge, nothingBelow
  }

  /// Qualifiers written before the number. Longer spellings come before their prefixes
  /// (`>=` before `>`). Word qualifiers must be followed by a space; symbols and
  /// abbreviations ending in a period need not be.
  private static let prefixes: [([UInt8], Bound)] =
    ([
      ("at least", .atLeast), ("no fewer than", .atLeast), ("no less than", .atLeast),
      ("not less than", .atLeast), (">=", .atLeast),
      ("more than", .moreThan), ("over", .moreThan), (">", .moreThan),
      ("approximately", .about), ("approx.", .about), ("approx", .about), ("about", .about),
      ("around", .about), ("roughly", .about), ("circa", .about), ("ca.", .about), ("c.", .about),
      ("~", .about),
      ("up to", .upTo), ("no more than", .upTo), ("not more than", .upTo), ("at most", .upTo),
      ("<=", .upTo),
      ("fewer than", .fewerThan), ("less than", .fewerThan), ("under", .fewerThan),
      ("<", .fewerThan),
    ] as [(String, Bound)]).map { (Array($0.0.utf8), $0.1) }

  /// Qualifiers written after the number.
  private static let suffixes: [([UInt8], Bound)] =
    ([
      ("+", .atLeast), (" or more", .atLeast), (" or fewer", .upTo), (" or less", .upTo),
    ] as [(String, Bound)]).map { (Array($0.0.utf8), $0.1) }

  /// Nouns allowed after the count.
  private static let nouns: [[UInt8]] = [
    " people", " persons", " person", " individuals", " individual",
  ].map { Array($0.utf8) }

  /// Words and symbols joining the two numbers of a range.
  private static let rangeJoints: [[UInt8]] = ["-", "to", "or", "/", "and"].map { Array($0.utf8) }

  private static let unknownWord = Array("unknown".utf8)

  static func parse(_ input: some StringProtocol) throws(PersonCountTextError) -> PersonCount {
    let string = String(input)
    do {
      return try parse(bytes: normalized(string))
    } catch {
      let text = original(string)
      switch error {
      case .unrecognized: throw .unrecognized(text)
      case .range: throw .range(text)
      case .notWholeNumber: throw .notWholeNumber(text)
      case .ambiguousSeparator: throw .ambiguousSeparator(text)
      case .negative: throw .negative(text)
      case .tooLarge: throw .tooLarge(text)
      case .nothingBelow: throw .nothingBelow(text)
      }
    }
  }

  private static func parse(bytes: [UInt8]) throws(Failure) -> PersonCount {
    if bytes.isEmpty || bytes == unknownWord { return .unknown }
    var end = bytes.count
    for noun in nouns where bytes[..<end].hasSuffix(noun) {
      end -= noun.count
      break
    }
    var start = 0
    var bound = Bound.exact
    for (prefix, kind) in prefixes where bytes[start..<end].hasPrefix(prefix) {
      var next = prefix.count
      if isLetter(prefix[prefix.count - 1]) {
        guard next < end, bytes[next] == 32 else { continue }
      }
      while next < end, bytes[next] == 32 { next += 1 }
      bound = kind
      start = next
      break
    }
    if bound == .exact {
      for (suffix, kind) in suffixes where bytes[start..<end].hasSuffix(suffix) {
        bound = kind
        end -= suffix.count
        while end > start, bytes[end - 1] == 32 { end -= 1 }
        break
      }
    }

    let number = try wholeNumber(bytes[start..<end])
    switch bound {
    case .exact: return .exactly(number)
    case .atLeast: return make(number, .atLeast)
    case .moreThan:
      let (next, overflow) = number.addingReportingOverflow(1)
      guard !overflow else { throw .tooLarge }
      return make(next, .atLeast)
    case .about: return make(number, .about)
    case .upTo: return make(number, .upTo)
    case .fewerThan:
      guard number > 0 else { throw .nothingBelow }
      return make(number - 1, .upTo)
    }
  }

  /// A count from a non-negative number and a qualifier other than unknown: always valid.
  private static func make(_ value: Int, _ qualifier: PersonCountQualifier) -> PersonCount {
    do {
      return try PersonCount(value, qualifier: qualifier)
    } catch {
      preconditionFailure("PersonCount(\(value), \(qualifier)) refused: \(error)")
    }
  }

  /// The text as bytes: lowercase, trimmed, single spaces, symbols spelled in ASCII.
  private static func normalized(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\t" || (!scalar.isASCII && scalar.properties.isWhitespace)
        || scalar == "\n" || scalar == "\r"
      {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace {
        bytes.append(32)
        pendingSpace = false
      }
      if scalar.isASCII {
        let byte = UInt8(scalar.value)
        bytes.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
        continue
      }
      switch scalar.value {
      case 0x2265: bytes.append(contentsOf: ">=".utf8)  // ≥
      case 0x2264: bytes.append(contentsOf: "<=".utf8)  // ≤
      case 0x2248: bytes.append(UInt8(ascii: "~"))  // ≈
      case 0x2013, 0x2014: bytes.append(UInt8(ascii: "-"))  // – —
      default: bytes.append(0xFF)  // matches nothing
      }
    }
    return bytes
  }

  /// The text for messages: trimmed, each run of whitespace one space, case kept.
  private static func original(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private static func isLetter(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  /// A whole, non-negative number: digits, or digit groups of three separated by commas.
  private static func wholeNumber(_ bytes: ArraySlice<UInt8>) throws(Failure) -> Int {
    if !bytes.isEmpty, bytes.allSatisfy(isDigit) { return try value(bytes) }
    if isGrouped(bytes, separator: UInt8(ascii: ",")) { return try value(bytes.filter(isDigit)) }
    if bytes.first == UInt8(ascii: "-"), bytes.count > 1, bytes.dropFirst().allSatisfy(isDigit) {
      throw .negative
    }
    if isGrouped(bytes, separator: UInt8(ascii: ".")) || isGrouped(bytes, separator: 32) {
      throw .ambiguousSeparator
    }
    if isDecimal(bytes) { throw .notWholeNumber }
    if isRange(bytes) { throw .range }
    throw .unrecognized
  }

  private static func value(_ digits: some Collection<UInt8>) throws(Failure) -> Int {
    var value = 0
    for digit in digits {
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(Int(digit - 48))
      guard !overflow1, !overflow2 else { throw .tooLarge }
      value = sum
    }
    return value
  }

  /// `1,000`, `12,345,678`: one to three digits, then groups of exactly three.
  private static func isGrouped(_ bytes: ArraySlice<UInt8>, separator: UInt8) -> Bool {
    let groups = bytes.split(separator: separator, omittingEmptySubsequences: false)
    guard groups.count >= 2, (1...3).contains(groups[0].count) else { return false }
    return groups.allSatisfy { $0.allSatisfy(isDigit) }
      && groups.dropFirst().allSatisfy { $0.count == 3 }
  }

  /// `4.5`, `1,5`: digits, one period or comma, digits.
  private static func isDecimal(_ bytes: ArraySlice<UInt8>) -> Bool {
    let parts = bytes.split(
      omittingEmptySubsequences: false,
      whereSeparator: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") })
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(isDigit) }
  }

  /// `3-5`, `3 – 5`, `3 to 5`, `4 or 5`, `4/5`, `4 and 5`: a number, a range word or dash, a number.
  private static func isRange(_ bytes: ArraySlice<UInt8>) -> Bool {
    func isNumberish(_ byte: UInt8) -> Bool {
      isDigit(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
    }
    let left = bytes.prefix(while: isNumberish)
    guard left.contains(where: isDigit) else { return false }
    let afterLeft = bytes[left.endIndex...]
    guard let rightStart = afterLeft.lastIndex(where: { !isNumberish($0) }).map({ $0 + 1 }),
      bytes[rightStart...].contains(where: isDigit)
    else { return false }
    var joint = bytes[left.endIndex..<rightStart]
    while joint.first == 32 { joint = joint.dropFirst() }
    while joint.last == 32 { joint = joint.dropLast() }
    return rangeJoints.contains { joint.elementsEqual($0) }
  }
}

extension ArraySlice where Element == UInt8 {
  /// Whether the slice starts with these bytes.
  fileprivate func hasPrefix(_ prefix: [UInt8]) -> Bool {
    count >= prefix.count && self.prefix(prefix.count).elementsEqual(prefix)
  }

  /// Whether the slice ends with these bytes.
  fileprivate func hasSuffix(_ suffix: [UInt8]) -> Bool {
    count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix)
  }
}
