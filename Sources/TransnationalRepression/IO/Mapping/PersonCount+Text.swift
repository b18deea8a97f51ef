extension PersonCount {
  /// Reads a count of people as people write it in a spreadsheet, with how exactly it is known.
  ///
  /// | Text | Count |
  /// | --- | --- |
  /// | `5`, `1,000`, `5 people` | exactly 5 (1000) |
  /// | `at least 5`, `5+`, `5 or more`, `no fewer than 5`, `>= 5`, `≥ 5` | at least 5 |
  /// | `more than 5`, `over 5`, `> 5` | at least **6** |
  /// | `about 60`, `~60`, `≈ 60`, `approximately 60`, `approx. 60`, `around 60`, `roughly 60`, `circa 60`, `c. 60`, `ca. 60` | about 60 |
  /// | `up to 10`, `no more than 10`, `not more than 10`, `at most 10`, `10 or fewer`, `10 or less`, `<= 10`, `≤ 10` | up to 10 |
  /// | `fewer than 10`, `less than 10`, `under 10`, `< 10` | up to **9** |
  /// | `unknown`, empty | unknown |
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
internal enum PersonCountTextParser {
  /// How a qualifier word bounds the number that follows it.
  private enum Bound {
    case exact, atLeast, moreThan, about, upTo, fewerThan
  }

  /// Qualifiers written before the number. Longer spellings come before their prefixes
  /// (`>=` before `>`). Word qualifiers must be followed by a space; symbols and
  /// abbreviations ending in a period need not be.
  private static let prefixes: [(String, Bound)] = [
    ("at least", .atLeast), ("no fewer than", .atLeast), ("no less than", .atLeast),
    ("not less than", .atLeast), (">=", .atLeast), ("≥", .atLeast),
    ("more than", .moreThan), ("over", .moreThan), (">", .moreThan),
    ("approximately", .about), ("approx.", .about), ("approx", .about), ("about", .about),
    ("around", .about), ("roughly", .about), ("circa", .about), ("ca.", .about), ("c.", .about),
    ("~", .about), ("≈", .about),
    ("up to", .upTo), ("no more than", .upTo), ("not more than", .upTo), ("at most", .upTo),
    ("<=", .upTo), ("≤", .upTo),
    ("fewer than", .fewerThan), ("less than", .fewerThan), ("under", .fewerThan),
    ("<", .fewerThan),
  ]

  /// Qualifiers written after the number.
  private static let suffixes: [(String, Bound)] = [
    ("+", .atLeast), (" or more", .atLeast), (" or fewer", .upTo), (" or less", .upTo),
  ]

  /// Nouns allowed after the count.
  private static let nouns = [" people", " persons", " person", " individuals", " individual"]

  static func parse(_ input: some StringProtocol) throws(PersonCountTextError) -> PersonCount {
    let original = collapsed(input, lowercase: false)
    var text = collapsed(input, lowercase: true)
    if text.isEmpty || text == "unknown" { return .unknown }
    for noun in nouns where text.hasSuffix(noun) {
      text.removeLast(noun.count)
      break
    }

    var bound = Bound.exact
    var rest = Substring(text)
    for (prefix, kind) in prefixes where rest.hasPrefix(prefix) {
      let after = rest.dropFirst(prefix.count)
      let isWord = prefix.last!.isLetter
      if isWord {
        guard after.first == " " else { continue }
      }
      bound = kind
      rest = after.drop(while: { $0 == " " })
      break
    }
    if bound == .exact {
      for (suffix, kind) in suffixes where rest.hasSuffix(suffix) {
        bound = kind
        rest = rest.dropLast(suffix.count)
        while rest.last == " " { rest.removeLast() }
        break
      }
    }

    let number = try wholeNumber(rest, original: original)
    do {
      switch bound {
      case .exact: return .exactly(number)
      case .atLeast: return try PersonCount(number, qualifier: .atLeast)
      case .moreThan:
        let (next, overflow) = number.addingReportingOverflow(1)
        guard !overflow else { throw PersonCountTextError.tooLarge(original) }
        return try PersonCount(next, qualifier: .atLeast)
      case .about: return try PersonCount(number, qualifier: .about)
      case .upTo: return try PersonCount(number, qualifier: .upTo)
      case .fewerThan:
        guard number > 0 else { throw PersonCountTextError.nothingBelow(original) }
        return try PersonCount(number - 1, qualifier: .upTo)
      }
    } catch let error as PersonCountTextError {
      throw error
    } catch {
      // PersonCount rejects only negative values and a missing value, neither possible here.
      throw .unrecognized(original)
    }
  }

  /// The text trimmed, with every run of whitespace (no-break spaces too) one space.
  private static func collapsed(_ input: some StringProtocol, lowercase: Bool) -> String {
    var result = ""
    result.reserveCapacity(input.utf8.count)
    var pendingSpace = false
    for character in input {
      if character.isWhitespace {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      if lowercase { result.append(contentsOf: character.lowercased()) } else { result.append(character) }
    }
    return result
  }

  /// A whole, non-negative number: digits, or digit groups of three separated by commas.
  private static func wholeNumber(_ text: Substring, original: String)
    throws(PersonCountTextError) -> Int
  {
    let bytes = Array(text.utf8)
    func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    if !bytes.isEmpty, bytes.allSatisfy(isDigit) {
      return try value(bytes, original: original)
    }
    if isGrouped(bytes, separator: UInt8(ascii: ",")) {
      return try value(bytes.filter(isDigit), original: original)
    }
    if bytes.first == UInt8(ascii: "-"), bytes.count > 1, bytes.dropFirst().allSatisfy(isDigit) {
      throw .negative(original)
    }
    if isGrouped(bytes, separator: UInt8(ascii: ".")) || isGrouped(bytes, separator: 32) {
      throw .ambiguousSeparator(original)
    }
    if isDecimal(bytes) { throw .notWholeNumber(original) }
    if isRange(text) { throw .range(original) }
    throw .unrecognized(original)
  }

  private static func value(_ digits: [UInt8], original: String) throws(PersonCountTextError)
    -> Int
  {
    var value = 0
    for digit in digits {
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(Int(digit - 48))
      guard !overflow1, !overflow2 else { throw .tooLarge(original) }
      value = sum
    }
    return value
  }

  /// `1,000`, `12,345,678`: one to three digits, then groups of exactly three.
  private static func isGrouped(_ bytes: [UInt8], separator: UInt8) -> Bool {
    let groups = bytes.split(separator: separator, omittingEmptySubsequences: false)
    guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count) else {
      return false
    }
    return groups.allSatisfy { group in group.allSatisfy { $0 >= 48 && $0 <= 57 } }
      && groups.dropFirst().allSatisfy { $0.count == 3 }
  }

  /// `4.5`, `1,5`: digits, one period or comma, digits.
  private static func isDecimal(_ bytes: [UInt8]) -> Bool {
    let parts = bytes.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == 46 || $0 == 44 })
    return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= 48 && $0 <= 57 } }
  }

  /// `3-5`, `3 – 5`, `3 to 5`, `4 or 5`, `4/5`, `4 and 5`: a number, a range word or dash, a number.
  private static func isRange(_ text: Substring) -> Bool {
    func isNumberish(_ character: Character) -> Bool {
      character.isASCII && (character.isNumber || character == "," || character == ".")
    }
    let left = text.prefix(while: isNumberish)
    guard left.contains(where: \.isNumber) else { return false }
    var rest = text.dropFirst(left.count)
    let right = rest.reversed().prefix(while: isNumberish)
    guard right.contains(where: \.isNumber) else { return false }
    rest = rest.dropLast(right.count)
    let joint = rest.trimmingPrefix(" ")
    let middle = String(joint.reversed().drop(while: { $0 == " " }).reversed())
    return ["-", "–", "—", "to", "or", "/", "and"].contains(middle)
  }
}
