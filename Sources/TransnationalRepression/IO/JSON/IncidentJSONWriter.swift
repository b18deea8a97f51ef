import Foundation

/// Writes incidents as JSON by hand, byte for byte what `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` writes for ``Incident``'s `Codable`
/// form: two-space indentation, `"key" : value`, keys in sorted order, absent optional fields
/// left out, `"` and `\` escaped, control characters as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00XX`,
/// everything else (including `/` and non-ASCII) written as is.
internal struct IncidentJSONWriter {
  private var out: [UInt8] = []
  private let names: PersonNamePolicy

  private init(names: PersonNamePolicy, capacity: Int) {
    self.names = names
    out.reserveCapacity(capacity)
  }

  /// The JSON of `incidents`, ending in a line feed. A long list is written in pieces on
  /// `threads` threads at the same time, and the pieces are joined in order.
  static func write(
    _ incidents: [Incident], names: PersonNamePolicy,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) -> Data {
    guard !incidents.isEmpty else { return Data("[\n\n]\n".utf8) }
    let pieces = threads > 1 ? min(8 * threads, max(1, incidents.count / 2048)) : 1
    let written = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: pieces)
    defer { written.deallocate() }
    ImportState.perform(pieces) { piece in
      let range = (incidents.count * piece / pieces)..<(incidents.count * (piece + 1) / pieces)
      var writer = IncidentJSONWriter(names: names, capacity: 64 + range.count * 720)
      for position in range {
        writer.raw(position == 0 ? "[\n  {" : ",\n  {")
        writer.incident(incidents[position])
        writer.raw("\n  }")
      }
      if piece == pieces - 1 { writer.raw("\n]\n") }
      (written.baseAddress! + piece).initialize(to: writer.out)
    }
    defer { written.baseAddress!.deinitialize(count: pieces) }
    if pieces == 1 { return Data(written[0]) }
    var offsets = [0]
    for piece in written { offsets.append(offsets.last! + piece.count) }
    var data = Data(count: offsets.last!)
    data.withUnsafeMutableBytes { target in
      let base = target.baseAddress!
      ImportState.perform(pieces) { piece in
        written[piece].withUnsafeBytes { (base + offsets[piece]).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
      }
    }
    return data
  }

  private mutating func raw(_ text: StaticString) {
    out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// A key at `indent` spaces after a line break: `\n    "key" : `.
  private mutating func key(_ name: StaticString, indent: Int, first: Bool) {
    // The comma, line break, indentation and opening quote in one append.
    let lead: StaticString = ",\n          "
    let skip = first ? 1 : 0
    out.append(contentsOf: UnsafeBufferPointer(start: lead.utf8Start + skip, count: 2 - skip + indent))
    out.append(0x22)
    raw(name)
    raw("\" : ")
  }

  private mutating func string(_ text: String) {
    IncidentJSONWriter.appendString(text, to: &out)
  }

  private mutating func integer(_ value: Int) {
    if value < 0 { out.append(0x2D) }
    var magnitude = value.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[19 - count] = UInt8(magnitude % 10) + 0x30
        magnitude /= 10
        count += 1
      } while magnitude > 0
      out.append(contentsOf: buffer[(20 - count)...])
    }
  }

  private mutating func incident(_ incident: Incident) {
    key("category", indent: 4, first: true)
    string(incident.category.rawValue)
    key("date", indent: 4, first: false)
    out.append(0x7B)
    let date = incident.date
    var first = true
    if let day = date.day {
      key("day", indent: 6, first: true)
      integer(day)
      first = false
    }
    if let month = date.month {
      key("month", indent: 6, first: first)
      integer(month)
      first = false
    }
    key("precision", indent: 6, first: first)
    string(date.precision.rawValue)
    key("year", indent: 6, first: false)
    integer(date.year)
    raw("\n    }")
    key("ethnic_groups", indent: 4, first: false)
    out.append(0x5B)
    for (position, spelling) in incident.ethnicGroupSpellings.enumerated() {
      if position > 0 { out.append(0x2C) }
      raw("\n      ")
      string(spelling)
    }
    raw("\n    ]")
    if let gender = incident.gender {
      key("gender", indent: 4, first: false)
      string(gender.rawValue)
    }
    key("host", indent: 4, first: false)
    string(incident.host.alpha2)
    key("id", indent: 4, first: false)
    string(incident.id)
    key("mode", indent: 4, first: false)
    string(incident.kind.mode)
    key("notes", indent: 4, first: false)
    string(incident.notes)
    key("origin", indent: 4, first: false)
    string(incident.origin.alpha2)
    if case .detention(let outcome) = incident.kind, outcome != .unknown {
      key("outcome", indent: 4, first: false)
      string(outcome.rawValue)
    }
    if let text = names.exportedText(for: incident.personName) {
      key("person_name", indent: 4, first: false)
      string(text)
    }
    key("persons", indent: 4, first: false)
    out.append(0x7B)
    key("qualifier", indent: 6, first: true)
    string(incident.persons.qualifier.rawValue)
    if let value = incident.persons.value {
      key("value", indent: 6, first: false)
      integer(value)
    }
    raw("\n    }")
    key("sources", indent: 4, first: false)
    out.append(0x5B)
    for (position, source) in incident.sources.enumerated() {
      raw(position == 0 ? "\n      {" : ",\n      {")
      var first = true
      if let date = source.date {
        key("date", indent: 8, first: true)
        string(date)
        first = false
      }
      if let publisher = source.publisher {
        key("publisher", indent: 8, first: first)
        string(publisher)
        first = false
      }
      key("title", indent: 8, first: first)
      string(source.title)
      if let url = source.url {
        key("url", indent: 8, first: false)
        string(url)
      }
      raw("\n      }")
    }
    raw("\n    ]")
  }

  /// Appends `text` as a JSON string literal, escaped as `JSONEncoder` escapes it.
  static func appendString(_ text: String, to out: inout [UInt8]) {
    out.append(0x22)
    var text = text
    text.withUTF8 { utf8 in
      var runStart = 0
      var index = 0
      while index < utf8.count {
        // Eight bytes at a time past text with no quote, backslash or control character (a
        // word that may hold one is looked at byte by byte).
        while index &+ 8 <= utf8.count {
          let word = UInt64(
            littleEndian: UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self))
          if JSONScanner.escapeMarks(word) != 0 { break }
          index &+= 8
        }
        guard index < utf8.count else { break }
        let byte = utf8[index]
        index += 1
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index - 1]))
        runStart = index
        out.append(0x5C)
        switch byte {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x08: out.append(0x62)
        case 0x09: out.append(0x74)
        case 0x0A: out.append(0x6E)
        case 0x0C: out.append(0x66)
        case 0x0D: out.append(0x72)
        default:
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          out.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }
    out.append(0x22)
  }
}
