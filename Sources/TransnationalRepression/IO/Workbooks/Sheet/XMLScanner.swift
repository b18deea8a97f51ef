/// A minimal, fast, byte-level XML tokenizer for the parts of a workbook. Internal.
///
/// It yields start tags (with their attribute bytes, read on demand), end tags and text, skips
/// comments and processing instructions, passes CDATA through as text, and refuses what a
/// workbook never needs and an attacker might use: a DTD or entity declaration (entities are
/// never expanded; only the five predefined ones and character references are decoded) and
/// nesting deeper than ``maxDepth``. Element and attribute names are compared by local name
/// (the part after a namespace prefix), so `<x:c>` reads as `<c>`.
struct XMLScanner {
  enum Token: Equatable {
    case start
    case end
    case text
    case endOfInput
  }

  static let maxDepth = 256

  let bytes: UnsafeBufferPointer<UInt8>
  let part: String
  var pos = 0
  var depth = 0
  /// The current tag's local name (start or end tag).
  var nameStart = 0
  var nameEnd = 0
  /// The current start tag's attribute bytes.
  var attributesStart = 0
  var attributesEnd = 0
  var selfClosing = false
  /// The current text's bytes, and whether they are CDATA (taken literally).
  var textStart = 0
  var textEnd = 0
  var textIsCDATA = false

  init(_ bytes: UnsafeBufferPointer<UInt8>, part: String) {
    self.bytes = bytes
    self.part = part
  }

  func malformed(_ what: String) -> WorkbookError {
    WorkbookError(.malformedXML, part: part, message: "the XML is malformed: \(what)")
  }

  /// The index of the first `byte` at or after `from`, or `bytes.count`.
  @inline(__always)
  func find(_ byte: UInt8, from: Int, to limit: Int? = nil) -> Int {
    var i = from
    let n = limit ?? bytes.count
    while i < n && bytes[i] != byte { i &+= 1 }
    return i
  }

  /// The index just past the first occurrence of `pattern` at or after `from`.
  func findEnd(of pattern: StaticString, from: Int) throws(WorkbookError) -> Int {
    let p = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
    var i = from
    while i + p.count <= bytes.count {
      if bytes[i] == p[0] {
        var k = 1
        while k < p.count && bytes[i + k] == p[k] { k += 1 }
        if k == p.count { return i + p.count }
      }
      i += 1
    }
    throw malformed("a construct is not closed")
  }

  func hasPrefix(_ pattern: StaticString, at i: Int) -> Bool {
    let n = pattern.utf8CodeUnitCount
    guard i + n <= bytes.count else { return false }
    let p = pattern.utf8Start
    for k in 0..<n where bytes[i + k] != p[k] { return false }
    return true
  }

  @inline(__always)
  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

  /// Moves to the next token.
  mutating func next() throws(WorkbookError) -> Token {
    while true {
      let n = bytes.count
      if pos >= n {
        if depth != 0 { throw malformed("the document ends inside an element") }
        return .endOfInput
      }
      if bytes[pos] != 0x3C {  // text
        textStart = pos
        pos = find(0x3C, from: pos)
        textEnd = pos
        textIsCDATA = false
        return .text
      }
      guard pos + 1 < n else { throw malformed("the document ends inside a tag") }
      let second = bytes[pos + 1]
      if second == 0x3F {  // <? ... ?>
        pos = try findEnd(of: "?>", from: pos + 2)
        continue
      }
      if second == 0x21 {  // <!
        if hasPrefix("<!--", at: pos) {
          pos = try findEnd(of: "-->", from: pos + 4)
          continue
        }
        if hasPrefix("<![CDATA[", at: pos) {
          textStart = pos + 9
          pos = try findEnd(of: "]]>", from: textStart)
          textEnd = pos - 3
          textIsCDATA = true
          return .text
        }
        throw WorkbookError(
          .entityDeclaration, part: part,
          message:
            "the XML declares a DTD or entities, which workbooks never need; it is refused "
            + "(entities are never expanded)")
      }
      if second == 0x2F {  // </name>
        let close = find(0x3E, from: pos + 2)
        guard close < n else { throw malformed("an end tag is not closed") }
        var e = close
        while e > pos + 2 && XMLScanner.isSpace(bytes[e - 1]) { e -= 1 }
        setName(from: pos + 2, to: e)
        pos = close + 1
        depth -= 1
        if depth < 0 { throw malformed("an end tag has no start tag") }
        return .end
      }
      // <name attributes ... > or />
      var i = pos + 1
      while i < n && !XMLScanner.isSpace(bytes[i]) && bytes[i] != 0x3E && bytes[i] != 0x2F {
        i += 1
      }
      guard i > pos + 1 else { throw malformed("a tag has no name") }
      setName(from: pos + 1, to: i)
      attributesStart = i
      while i < n {
        let b = bytes[i]
        if b == 0x22 || b == 0x27 {
          i = find(b, from: i + 1)
          guard i < n else { throw malformed("an attribute value is not closed") }
        } else if b == 0x3E {
          break
        } else if b == 0x3C {
          throw malformed("a tag contains '<'")
        }
        i += 1
      }
      guard i < n else { throw malformed("a start tag is not closed") }
      selfClosing = bytes[i - 1] == 0x2F
      attributesEnd = selfClosing ? i - 1 : i
      pos = i + 1
      if !selfClosing {
        depth += 1
        if depth > XMLScanner.maxDepth {
          throw WorkbookError(
            .nestingTooDeep, part: part,
            message: "the XML nests more than \(XMLScanner.maxDepth) elements deep")
        }
      }
      return .start
    }
  }

  @inline(__always)
  mutating func setName(from start: Int, to end: Int) {
    var s = start
    var k = start
    while k < end {
      if bytes[k] == 0x3A { s = k + 1 }
      k += 1
    }
    nameStart = s
    nameEnd = end
  }

  /// Whether the current tag's local name is `name`.
  @inline(__always)
  func nameIs(_ name: StaticString) -> Bool {
    let n = name.utf8CodeUnitCount
    guard nameEnd - nameStart == n else { return false }
    let p = name.utf8Start
    for k in 0..<n where bytes[nameStart + k] != p[k] { return false }
    return true
  }

  /// The raw (undecoded) value bytes of the current start tag's attribute with a local name.
  func attribute(_ name: StaticString) -> Range<Int>? {
    let want = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
    var i = attributesStart
    let end = attributesEnd
    while i < end {
      while i < end && XMLScanner.isSpace(bytes[i]) { i += 1 }
      let keyStart = i
      var localStart = i
      while i < end && bytes[i] != 0x3D && !XMLScanner.isSpace(bytes[i]) {
        if bytes[i] == 0x3A { localStart = i + 1 }
        i += 1
      }
      let keyEnd = i
      while i < end && XMLScanner.isSpace(bytes[i]) { i += 1 }
      guard i < end, bytes[i] == 0x3D else { return nil }
      i += 1
      while i < end && XMLScanner.isSpace(bytes[i]) { i += 1 }
      guard i < end else { return nil }
      let quote = bytes[i]
      guard quote == 0x22 || quote == 0x27 else { return nil }
      let valueStart = i + 1
      let valueEnd = find(quote, from: valueStart)
      guard valueEnd <= end else { return nil }
      i = valueEnd + 1
      _ = keyStart
      if keyEnd - localStart == want.count {
        var same = true
        for k in 0..<want.count where bytes[localStart + k] != want[k] {
          same = false
          break
        }
        if same { return valueStart..<valueEnd }
      }
    }
    return nil
  }

  /// The raw value bytes of a cell's `r`, `t` and `s` attributes, read in one pass over the
  /// current start tag (a sheet's hot path: one call per cell instead of three).
  func cellAttributes() -> (r: Range<Int>?, t: Range<Int>?, s: Range<Int>?) {
    var r: Range<Int>?
    var t: Range<Int>?
    var s: Range<Int>?
    var i = attributesStart
    let end = attributesEnd
    while i < end {
      while i < end && XMLScanner.isSpace(bytes[i]) { i &+= 1 }
      var localStart = i
      while i < end && bytes[i] != 0x3D && !XMLScanner.isSpace(bytes[i]) {
        if bytes[i] == 0x3A { localStart = i &+ 1 }
        i &+= 1
      }
      let keyEnd = i
      while i < end && XMLScanner.isSpace(bytes[i]) { i &+= 1 }
      guard i < end, bytes[i] == 0x3D else { break }
      i &+= 1
      while i < end && XMLScanner.isSpace(bytes[i]) { i &+= 1 }
      guard i < end else { break }
      let quote = bytes[i]
      guard quote == 0x22 || quote == 0x27 else { break }
      let valueStart = i &+ 1
      let valueEnd = find(quote, from: valueStart, to: end)
      guard valueEnd < end else { break }
      i = valueEnd &+ 1
      if keyEnd &- localStart == 1 {
        switch bytes[localStart] {
        case 0x72: r = valueStart..<valueEnd
        case 0x74: t = valueStart..<valueEnd
        case 0x73: s = valueStart..<valueEnd
        default: break
        }
      }
    }
    return (r, t, s)
  }

  /// An attribute's value, entity-decoded, as a string.
  func attributeString(_ name: StaticString) throws(WorkbookError) -> String? {
    guard let range = attribute(name) else { return nil }
    var out: [UInt8] = []
    try decode(range, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether the current start tag's attribute equals `value` (compared without decoding).
  func attribute(_ name: StaticString, is value: StaticString) -> Bool {
    guard let range = attribute(name) else { return false }
    let n = value.utf8CodeUnitCount
    guard range.count == n else { return false }
    let p = value.utf8Start
    for k in 0..<n where bytes[range.lowerBound + k] != p[k] { return false }
    return true
  }

  /// Appends the bytes of `range`, with the predefined entities and character references
  /// decoded. Any other entity reference is an error (no entity is ever expanded).
  func decode(_ range: Range<Int>, into out: inout [UInt8]) throws(WorkbookError) {
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let amp = find(0x26, from: i, to: end)
      let stop = amp
      if stop > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<stop])) }
      if stop >= end { return }
      let semicolon = find(0x3B, from: amp + 1, to: end)
      guard semicolon < end, semicolon - amp <= 12 else {
        throw malformed("an '&' does not start an entity reference")
      }
      let name = UnsafeBufferPointer(rebasing: bytes[(amp + 1)..<semicolon])
      if name.first == 0x23 {  // &#N; or &#xH;
        var value: UInt32 = 0
        var digits = name.dropFirst()
        let hex = digits.first == 0x78 || digits.first == 0x58
        if hex { digits = digits.dropFirst() }
        guard !digits.isEmpty else { throw malformed("an empty character reference") }
        for d in digits {
          let v: UInt32
          switch d {
          case 0x30...0x39: v = UInt32(d - 0x30)
          case 0x61...0x66 where hex: v = UInt32(d - 0x61 + 10)
          case 0x41...0x46 where hex: v = UInt32(d - 0x41 + 10)
          default: throw malformed("a character reference has a bad digit")
          }
          value = value &* (hex ? 16 : 10) &+ v
          guard value <= 0x10FFFF else { throw malformed("a character reference is too large") }
        }
        guard let scalar = Unicode.Scalar(value), value != 0 else {
          throw malformed("a character reference names no character")
        }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
      } else {
        switch Array(name) {
        case [0x6C, 0x74]: out.append(0x3C)  // lt
        case [0x67, 0x74]: out.append(0x3E)  // gt
        case [0x61, 0x6D, 0x70]: out.append(0x26)  // amp
        case [0x71, 0x75, 0x6F, 0x74]: out.append(0x22)  // quot
        case [0x61, 0x70, 0x6F, 0x73]: out.append(0x27)  // apos
        default:
          throw WorkbookError(
            .entityDeclaration, part: part,
            message:
              "the XML uses the undeclared entity '&\(String(decoding: name, as: UTF8.self));' "
              + "(entities are never expanded)")
        }
      }
      i = semicolon + 1
    }
  }

  /// Appends the current text token's bytes, decoded unless CDATA.
  func appendText(into out: inout [UInt8]) throws(WorkbookError) {
    if textIsCDATA {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[textStart..<textEnd]))
    } else {
      try decode(textStart..<textEnd, into: &out)
    }
  }

  /// Skips to the end of the element whose start tag was just read.
  mutating func skipElement() throws(WorkbookError) {
    if selfClosing { return }
    let target = depth - 1
    while depth > target {
      if try next() == .endOfInput { throw malformed("an element is not closed") }
    }
  }
}
