/// A problem in the JSON text itself, at a byte offset.
internal struct JSONSyntaxError: Error, Hashable, Sendable {
  /// The byte offset of the offending byte (or of the end of the input).
  let offset: Int
  /// What is wrong, in plain words.
  let message: String
}

/// A strict RFC 8259 scanner over UTF-8 bytes: the lexical layer of ``IncidentJSON``'s reader.
///
/// It reads exactly the grammar of RFC 8259 and nothing more: no comments, no trailing commas, no
/// single quotes, no `NaN` or `Infinity`, no leading `+` or zeros, no unescaped control
/// characters in strings, whitespace only as space, tab, line feed and carriage return. Strings
/// must be valid UTF-8 (no overlong forms, no encoded surrogates, nothing above U+10FFFF) and
/// their `\u` escapes must pair surrogates (a lone surrogate is rejected, since it names no
/// character). Arrays and objects nest at most ``maximumDepth`` deep. A UTF-8 byte order mark at
/// the very start is skipped (RFC 8259 §8.1 lets a parser ignore it).
///
/// Duplicate object keys are grammatical, so ``validateDocument(_:)`` accepts them; the incident
/// decoder rejects a known incident key that appears twice in one object, because which of the
/// two values counts would be a guess.
///
/// The scanner never builds a tree: the decoder asks it for the next string, number or structural
/// byte and builds typed values directly.
internal struct JSONScanner {
  /// How deeply arrays and objects may nest.
  static let maximumDepth = 512

  /// The input.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The offset of the next byte to read.
  var position: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
    self.bytes = bytes
    self.position = position
  }

  /// Whether all input is consumed.
  var atEnd: Bool { position >= bytes.count }

  /// The next byte, or `nil` at the end.
  @inline(__always)
  var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

  /// Skips a UTF-8 byte order mark at the start.
  mutating func skipByteOrderMark() {
    if bytes.count >= 3, position == 0, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      position = 3
    }
  }

  /// Skips JSON whitespace (space, tab, LF, CR); runs of spaces (a pretty-printed file's
  /// indentation) eight bytes at a time.
  @inline(__always)
  mutating func skipWhitespace() {
    let count = bytes.count
    while position < count {
      switch bytes[position] {
      case 0x20:
        while position &+ 8 <= count {
          let word = UInt64(
            littleEndian: UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self))
          // A mark in each byte that is not a space (exact: no borrow between bytes).
          let x = word ^ 0x2020_2020_2020_2020
          let marks = ((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F | x) & 0x8080_8080_8080_8080
          if marks == 0 {
            position &+= 8
          } else {
            position &+= marks.trailingZeroBitCount &>> 3
            break
          }
        }
        while position < count && bytes[position] == 0x20 { position += 1 }
      case 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  /// An error at the current position.
  func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(offset: position, message: message)
  }

  /// A description of the byte at the current position, for messages.
  func found() -> String {
    guard let byte = peek else { return "the end of the input" }
    switch byte {
    case 0x20...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
    default:
      let hex = String(byte, radix: 16, uppercase: true)
      return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }
  }

  /// Consumes `byte` (after whitespace) or throws naming what was expected.
  @inline(__always)
  mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(JSONSyntaxError) {
    skipWhitespace()
    guard position < bytes.count, bytes[position] == byte else {
      throw error("expected \(what()), found \(found())")
    }
    position += 1
  }

  // MARK: - Strings

  /// Reads a string starting at its opening quote and returns its value.
  mutating func readString() throws(JSONSyntaxError) -> String {
    let start = position + 1
    let (end, plain) = try scanString()
    if plain {
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    return try decodeEscapedString(from: start, to: end)
  }

  /// Validates a string starting at its opening quote and returns the span of its body (between
  /// the quotes) and whether it holds no escapes.
  mutating func readStringBytes() throws(JSONSyntaxError) -> (start: Int, end: Int, plain: Bool) {
    let start = position + 1
    let (end, plain) = try scanString()
    return (start, end, plain)
  }

  /// Validates a string starting at its opening quote; leaves the position after the closing
  /// quote and returns the offset of the closing quote and whether the string has no escapes.
  @inline(__always)
  mutating func scanString() throws(JSONSyntaxError) -> (end: Int, plain: Bool) {
    var index = position + 1
    var plain = true
    let count = bytes.count
    let base = UnsafeRawPointer(bytes.baseAddress)
    while index < count {
      // Eight bytes at a time while none is a quote, a backslash, a control or a non-ASCII byte.
      if let base {
        while index + 8 <= count {
          let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
          let marks = JSONScanner.attentionMarks(word)
          if marks != 0 {
            // The lowest mark is exact: straight to the first byte that needs a look.
            index += marks.trailingZeroBitCount &>> 3
            break
          }
          index += 8
        }
        guard index < count else { break }
      }
      let byte = bytes[index]
      if byte == 0x22 {
        position = index + 1
        return (index, plain)
      } else if byte == 0x5C {
        plain = false
        index += 1
        guard index < count else { break }
        switch bytes[index] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: index += 1
        case 0x75:
          position = index - 1
          let unit = try hexUnit(at: index + 1)
          index += 5
          if (0xD800...0xDBFF).contains(unit) {
            guard index + 1 < count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
              position = index - 6
              throw error("a \\u escape names a lone high surrogate (U+\(hex4(unit)))")
            }
            position = index
            let low = try hexUnit(at: index + 2)
            guard (0xDC00...0xDFFF).contains(low) else {
              position = index - 6
              throw error("a \\u escape names a lone high surrogate (U+\(hex4(unit)))")
            }
            index += 6
          } else if (0xDC00...0xDFFF).contains(unit) {
            position = index - 6
            throw error("a \\u escape names a lone low surrogate (U+\(hex4(unit)))")
          }
        default:
          position = index - 1
          throw error("invalid escape '\\\(found(at: index))' in a string")
        }
      } else if byte < 0x20 {
        position = index
        throw error("an unescaped control character (\(found())) in a string")
      } else if byte < 0x80 {
        index += 1
      } else {
        index = try validateUTF8Sequence(at: index)
      }
    }
    position = count
    throw error("a string is never closed")
  }

  /// The high bit of each byte of `word` that may be `"`, `\`, below 0x20 or above 0x7F (the
  /// lowest mark is exact, as in ``escapeMarks(_:)``).
  @inline(__always)
  static func attentionMarks(_ word: UInt64) -> UInt64 {
    escapeMarks(word) | (word & 0x8080_8080_8080_8080)
  }

  /// The high bit of each byte of `word` that may be `"`, `\` or below 0x20: what a JSON string
  /// escapes (SWAR: the lowest mark is exact; a byte above a marked one may be marked falsely).
  @inline(__always)
  static func escapeMarks(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    func zeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & high }
    let quote = zeroByte(word ^ (ones &* 0x22))
    let backslash = zeroByte(word ^ (ones &* 0x5C))
    let control = (word &- ones &* 0x20) & ~word & high
    return quote | backslash | control
  }

  private func found(at index: Int) -> String {
    var copy = self
    copy.position = index
    let text = copy.found()
    return text.hasPrefix("'") ? String(text.dropFirst().dropLast()) : text
  }

  private func hex4(_ value: UInt16) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - text.count) + text
  }

  /// The four hex digits after `\u` at `index`.
  private mutating func hexUnit(at index: Int) throws(JSONSyntaxError) -> UInt16 {
    var value: UInt16 = 0
    for offset in 0..<4 {
      guard index + offset < bytes.count else {
        position = bytes.count
        throw error("a \\u escape is cut short by the end of the input")
      }
      let byte = bytes[index + offset]
      let digit: UInt8
      switch byte {
      case 0x30...0x39: digit = byte - 0x30
      case 0x41...0x46: digit = byte - 0x41 + 10
      case 0x61...0x66: digit = byte - 0x61 + 10
      default:
        position = index + offset
        throw error("a \\u escape needs four hex digits, found \(found())")
      }
      value = value << 4 | UInt16(digit)
    }
    return value
  }

  /// Validates one multi-byte UTF-8 sequence (RFC 3629) starting at `index`; returns the offset
  /// after it.
  @inline(__always)
  private mutating func validateUTF8Sequence(at index: Int) throws(JSONSyntaxError) -> Int {
    let lead = bytes[index]
    let count = bytes.count
    func continuation(_ at: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
      at < count && range.contains(bytes[at])
    }
    switch lead {
    case 0xC2...0xDF:
      if continuation(index + 1) { return index + 2 }
    case 0xE0:
      if continuation(index + 1, 0xA0...0xBF) && continuation(index + 2) { return index + 3 }
    case 0xE1...0xEC, 0xEE...0xEF:
      if continuation(index + 1) && continuation(index + 2) { return index + 3 }
    case 0xED:
      if continuation(index + 1, 0x80...0x9F) && continuation(index + 2) { return index + 3 }
    case 0xF0:
      if continuation(index + 1, 0x90...0xBF) && continuation(index + 2) && continuation(index + 3)
      {
        return index + 4
      }
    case 0xF1...0xF3:
      if continuation(index + 1) && continuation(index + 2) && continuation(index + 3) {
        return index + 4
      }
    case 0xF4:
      if continuation(index + 1, 0x80...0x8F) && continuation(index + 2) && continuation(index + 3)
      {
        return index + 4
      }
    default: break
    }
    position = index
    throw error("invalid UTF-8 (\(found()))")
  }

  /// Decodes a validated string body that holds escapes.
  private func decodeEscapedString(from start: Int, to end: Int) throws(JSONSyntaxError) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(end - start)
    var index = start
    func hex(_ at: Int) -> UInt32 {
      var value: UInt32 = 0
      for offset in 0..<4 {
        let byte = bytes[at + offset]
        let digit: UInt8 =
          byte <= 0x39 ? byte - 0x30 : byte <= 0x46 ? byte - 0x41 + 10 : byte - 0x61 + 10
        value = value << 4 | UInt32(digit)
      }
      return value
    }
    while index < end {
      let byte = bytes[index]
      guard byte == 0x5C else {
        out.append(byte)
        index += 1
        continue
      }
      let escape = bytes[index + 1]
      index += 2
      switch escape {
      case 0x62: out.append(0x08)
      case 0x66: out.append(0x0C)
      case 0x6E: out.append(0x0A)
      case 0x72: out.append(0x0D)
      case 0x74: out.append(0x09)
      case 0x75:
        var scalar = hex(index)
        index += 4
        if (0xD800...0xDBFF).contains(scalar) {
          let low = hex(index + 2)
          index += 6
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        // The scanner has checked the pairing, so the scalar is valid.
        let character = Unicode.Scalar(scalar)!
        out.append(contentsOf: UTF8.encode(character)!)
      default: out.append(escape)  // " \ /
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: - Numbers and literals

  /// Reads a number (RFC 8259 §6 grammar) starting at the current position and returns its text
  /// span and whether it has neither fraction nor exponent.
  @inline(__always)
  mutating func scanNumber() throws(JSONSyntaxError) -> (start: Int, end: Int, isInteger: Bool) {
    let start = position
    var index = position
    let count = bytes.count
    @inline(__always) func isDigit(_ at: Int) -> Bool {
      at < count && bytes[at] &- 0x30 < 10
    }
    if index < count && bytes[index] == 0x2D { index += 1 }
    guard isDigit(index) else {
      position = index
      throw error("a number needs a digit here, found \(found())")
    }
    if bytes[index] == 0x30 {
      index += 1
      if isDigit(index) {
        position = index
        throw error("a number must not have a leading zero")
      }
    } else {
      while isDigit(index) { index += 1 }
    }
    var isInteger = true
    if index < count && bytes[index] == 0x2E {
      isInteger = false
      index += 1
      guard isDigit(index) else {
        position = index
        throw error("a decimal point must be followed by a digit, found \(found())")
      }
      while isDigit(index) { index += 1 }
    }
    if index < count && (bytes[index] == 0x65 || bytes[index] == 0x45) {
      isInteger = false
      index += 1
      if index < count && (bytes[index] == 0x2B || bytes[index] == 0x2D) { index += 1 }
      guard isDigit(index) else {
        position = index
        throw error("an exponent needs a digit, found \(found())")
      }
      while isDigit(index) { index += 1 }
    }
    position = index
    return (start, index, isInteger)
  }

  /// Consumes `true`, `false` or `null` starting at the current position.
  mutating func scanLiteral() throws(JSONSyntaxError) {
    let literal: StaticString
    switch peek {
    case 0x74: literal = "true"
    case 0x66: literal = "false"
    default: literal = "null"
    }
    let count = literal.utf8CodeUnitCount
    for offset in 0..<count {
      guard position + offset < bytes.count,
        bytes[position + offset] == literal.utf8Start[offset]
      else {
        position += offset
        throw error("expected '\(literal)', found \(found())")
      }
    }
    position += count
  }

  // MARK: - Any value

  /// Skips (and validates) one value of any kind, after whitespace.
  ///
  /// - Parameter depth: the nesting depth of the value's container.
  mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
    skipWhitespace()
    guard let byte = peek else { throw error("expected a value, found the end of the input") }
    switch byte {
    case 0x22: _ = try scanString()
    case 0x2D, 0x30...0x39: _ = try scanNumber()
    case 0x74, 0x66, 0x6E: try scanLiteral()
    case 0x5B:
      guard depth < JSONScanner.maximumDepth else {
        throw error("arrays and objects nest more than \(JSONScanner.maximumDepth) deep")
      }
      position += 1
      skipWhitespace()
      if peek == 0x5D {
        position += 1
        return
      }
      while true {
        try skipValue(depth: depth + 1)
        skipWhitespace()
        switch peek {
        case 0x2C:
          position += 1
          skipWhitespace()
          if peek == 0x5D { throw error("a trailing comma before ']'") }
        case 0x5D:
          position += 1
          return
        default: throw error("expected ',' or ']' after an array element, found \(found())")
        }
      }
    case 0x7B:
      guard depth < JSONScanner.maximumDepth else {
        throw error("arrays and objects nest more than \(JSONScanner.maximumDepth) deep")
      }
      position += 1
      skipWhitespace()
      if peek == 0x7D {
        position += 1
        return
      }
      while true {
        skipWhitespace()
        guard peek == 0x22 else {
          if peek == 0x7D { throw error("a trailing comma before '}'") }
          throw error("expected a key (a string in double quotes), found \(found())")
        }
        _ = try scanString()
        try expect(0x3A, "':' after a key")
        try skipValue(depth: depth + 1)
        skipWhitespace()
        switch peek {
        case 0x2C: position += 1
        case 0x7D:
          position += 1
          return
        default: throw error("expected ',' or '}' after an object member, found \(found())")
        }
      }
    default:
      throw error("expected a value, found \(found())")
    }
  }

  /// Validates a whole document: one value, surrounded only by whitespace (and an optional
  /// leading byte order mark).
  static func validateDocument(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
    var scanner = JSONScanner(bytes)
    scanner.skipByteOrderMark()
    try scanner.skipValue(depth: 0)
    scanner.skipWhitespace()
    guard scanner.atEnd else {
      throw scanner.error("unexpected \(scanner.found()) after the JSON value")
    }
  }
}

/// Turns byte offsets into 1-based lines and columns, moving forward through the input.
///
/// Lines end at LF, CRLF or a lone CR; columns count Unicode scalars, so a column matches what an
/// editor shows for UTF-8 text.
internal struct JSONLineCounter {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var offset = 0
  private var line = 1
  private var column = 1

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// The line and column of `target`. Calls with increasing offsets cost O(distance).
  mutating func location(of target: Int) -> (line: Int, column: Int) {
    let target = min(max(target, 0), bytes.count)
    if target < offset {
      offset = 0
      line = 1
      column = 1
    }
    while offset < target {
      let byte = bytes[offset]
      if byte == 0x0A || (byte == 0x0D && (offset + 1 >= bytes.count || bytes[offset + 1] != 0x0A)) {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 && byte != 0x0D {
        column += 1
      }
      offset += 1
    }
    return (line, column)
  }
}
