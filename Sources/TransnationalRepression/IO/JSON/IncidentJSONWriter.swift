import Foundation

/// Writes incidents as JSON by hand, byte for byte what `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` writes for ``Incident``'s `Codable`
/// form: two-space indentation, `"key" : value`, keys in sorted order, absent optional fields
/// left out, `"` and `\` escaped, control characters as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00XX`,
/// everything else (including `/` and non-ASCII) written as is.
///
/// The list is written in two passes of the same code (``IncidentJSONPrinter``): the first only
/// counts each piece's bytes, the second writes every piece straight into its place in the one
/// buffer the result owns, on every core. No piece is copied, and no byte is written twice.
internal enum IncidentJSONWriter {
  /// The JSON of `incidents`, ending in a line feed. A long list is written in pieces on
  /// `threads` threads at the same time.
  static func write(
    _ incidents: [Incident], names: PersonNamePolicy,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) -> Data {
    guard !incidents.isEmpty else { return Data("[\n\n]\n".utf8) }
    let pieces = threads > 1 ? min(8 * threads, max(1, incidents.count / 2048)) : 1
    func range(_ piece: Int) -> Range<Int> {
      (incidents.count * piece / pieces)..<(incidents.count * (piece + 1) / pieces)
    }
    let offsets = UnsafeMutableBufferPointer<Int>.allocate(capacity: pieces + 1)
    defer { offsets.deallocate() }
    offsets.initialize(repeating: 0)
    ImportState.perform(pieces) { piece in
      var counter = IncidentJSONPrinter(output: JSONByteCount(), names: names)
      counter.piece(incidents, range(piece), last: piece == pieces - 1)
      offsets[piece + 1] = counter.output.count
    }
    for piece in 0..<pieces { offsets[piece + 1] += offsets[piece] }
    let total = offsets[pieces]
    let base = LargeMemory.allocate(UInt8.self, count: total)
    ImportState.perform(pieces) { piece in
      let output = JSONBytePlacer(base + offsets[piece], end: base + offsets[piece + 1])
      var printer = IncidentJSONPrinter(output: output, names: names)
      printer.piece(incidents, range(piece), last: piece == pieces - 1)
      precondition(printer.output.isFull, "the JSON writer's passes disagree on a piece's size")
    }
    return Data(
      bytesNoCopy: base, count: total,
      deallocator: .custom { pointer, count in
        LargeMemory.deallocate(pointer.assumingMemoryBound(to: UInt8.self), count: count)
      })
  }

  /// Appends `text` as a JSON string literal, escaped as `JSONEncoder` escapes it.
  static func appendString(_ text: String, to out: inout [UInt8]) {
    var printer = IncidentJSONPrinter(output: out, names: .omit)
    out = []
    printer.string(text)
    out = printer.output
  }
}

/// The ethnic groups in code order, made once.
private let ethnicGroupsByCode = EthnicGroup.allCases

/// Where ``IncidentJSONPrinter`` puts its bytes.
internal protocol JSONOutput {
  mutating func append(_ bytes: UnsafeRawBufferPointer)
  mutating func append(_ byte: UInt8)
}

/// Counts the bytes, keeping none.
internal struct JSONByteCount: JSONOutput {
  var count = 0
  @inline(__always) mutating func append(_ bytes: UnsafeRawBufferPointer) { count &+= bytes.count }
  @inline(__always) mutating func append(_ byte: UInt8) { count &+= 1 }
}

/// Puts the bytes into memory whose size was counted before; never past its end.
internal struct JSONBytePlacer: JSONOutput {
  private var next: UnsafeMutablePointer<UInt8>
  private let end: UnsafeMutablePointer<UInt8>

  init(_ start: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>) {
    self.next = start
    self.end = end
  }

  /// Whether every byte of the memory was put.
  var isFull: Bool { next == end }

  @inline(__always) mutating func append(_ bytes: UnsafeRawBufferPointer) {
    precondition(bytes.count <= end - next, "JSON output past its counted size")
    guard let source = bytes.baseAddress else { return }
    UnsafeMutableRawPointer(next).copyMemory(from: source, byteCount: bytes.count)
    next += bytes.count
  }

  @inline(__always) mutating func append(_ byte: UInt8) {
    precondition(next < end, "JSON output past its counted size")
    next.initialize(to: byte)
    next += 1
  }
}

extension Array: JSONOutput where Element == UInt8 {
  mutating func append(_ bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
}

/// Prints incidents in `JSONEncoder`'s pretty-printed, sorted-key layout into an ``JSONOutput``.
internal struct IncidentJSONPrinter<Output: JSONOutput> {
  var output: Output
  private let names: PersonNamePolicy
  /// The storage and count of the last `sources` list written, and its bytes.
  private var lastSources: (UnsafeRawPointer?, Int) = (nil, -1)
  private var lastSourcesBytes: [UInt8] = []

  init(output: Output, names: PersonNamePolicy) {
    self.output = output
    self.names = names
  }

  /// The incidents at `range`: the list's opening bracket before the first of the list, and its
  /// end after the `last` piece.
  mutating func piece(_ incidents: [Incident], _ range: Range<Int>, last: Bool) {
    // Read in place: a copy of an incident would retain its strings and lists, which other
    // incidents and the other threads share.
    incidents.withUnsafeBufferPointer { incidents in
      for position in range {
        raw(position == 0 ? "[\n  {" : ",\n  {")
        incident(incidents[position])
        raw("\n  }")
      }
    }
    if last { raw("\n]\n") }
  }

  @inline(__always)
  private mutating func raw(_ text: StaticString) {
    output.append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// A key at `indent` spaces after a line break: `\n    "key" : `.
  private mutating func key(_ name: StaticString, indent: Int, first: Bool) {
    // The comma, line break, indentation and opening quote in one append.
    let lead: StaticString = ",\n          "
    let skip = first ? 1 : 0
    output.append(UnsafeRawBufferPointer(start: lead.utf8Start + skip, count: 2 - skip + indent))
    output.append(0x22)
    raw(name)
    raw("\" : ")
  }

  private mutating func integer(_ value: Int) {
    if value < 0 { output.append(0x2D) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - count] = UInt8(magnitude % 10) + 0x30
        magnitude /= 10
        count += 1
      } while magnitude > 0
      output.append(UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
    }
  }

  private mutating func incident(_ incident: borrowing Incident) {
    key("category", indent: 4, first: true)
    string(incident.category.rawValue)
    key("date", indent: 4, first: false)
    output.append(0x7B)
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
    output.append(0x5B)
    ethnicGroups(incident)
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
    output.append(0x7B)
    key("qualifier", indent: 6, first: true)
    string(incident.persons.qualifier.rawValue)
    if let value = incident.persons.value {
      key("value", indent: 6, first: false)
      integer(value)
    }
    raw("\n    }")
    key("sources", indent: 4, first: false)
    // Records that share one list of sources (as records read from a file do, when they cite
    // what the record before cites) share its bytes, written once: the list is known by its
    // storage, which the incidents keep alive and unchanged while they are written.
    let list = incident.sources.withUnsafeBufferPointer { (UnsafeRawPointer($0.baseAddress), $0.count) }
    if list != lastSources {
      var section = IncidentJSONPrinter<[UInt8]>(output: [], names: names)
      section.sources(incident.sources)
      lastSourcesBytes = section.output
      lastSources = list
    }
    lastSourcesBytes.withUnsafeBytes { output.append($0) }
  }

  /// The `sources` list, from its opening bracket.
  private mutating func sources(_ sources: [SourceCitation]) {
    output.append(0x5B)
    for (position, source) in sources.enumerated() {
      raw(position == 0 ? "\n      {" : ",\n      {")
      citation(source)
      raw("\n      }")
    }
    raw("\n    ]")
  }

  private mutating func citation(_ source: SourceCitation) {
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
  }

  /// ``Incident/ethnicGroupSpellings``, each on its own line, without building the list: the
  /// groups in code order, ``EthnicGroup/other`` as one `Other:NAME` per named group.
  private mutating func ethnicGroups(_ incident: Incident) {
    var mask: UInt32 = 0
    if incident.ethnicGroups.count == 1 {
      // Most incidents name one group: no iterator over the set (shared by many incidents).
      mask = 1 << UInt32(ethnicGroupsByCode.firstIndex(of: incident.ethnicGroups.first!)!)
    } else {
      for group in incident.ethnicGroups { mask |= 1 << UInt32(ethnicGroupsByCode.firstIndex(of: group)!) }
    }
    var written = false
    func next(_ printer: inout Self) {
      printer.raw(written ? ",\n      \"" : "\n      \"")
      written = true
    }
    while mask != 0 {
      let group = ethnicGroupsByCode[mask.trailingZeroBitCount]
      mask &= mask - 1
      if group == .other && !incident.otherEthnicGroups.isEmpty {
        for name in incident.otherEthnicGroups {
          next(&self)
          characters(EthnicGroup.namedOtherPrefix)
          characters(name)
          output.append(0x22)
        }
      } else {
        next(&self)
        characters(group.rawValue)
        output.append(0x22)
      }
    }
  }

  /// `text` as a JSON string literal.
  mutating func string(_ text: String) {
    output.append(0x22)
    characters(text)
    output.append(0x22)
  }

  /// The characters of `text` inside a JSON string literal, escaped as `JSONEncoder` escapes them.
  private mutating func characters(_ text: String) {
    // In place when the text is stored as UTF-8 (a copy would retain the shared storage).
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { characters(utf8: $0) }
    if done == nil {
      var copy = text
      copy.withUTF8 { characters(utf8: $0) }
    }
  }

  private mutating func characters(utf8: UnsafeBufferPointer<UInt8>) {
    guard let base = utf8.baseAddress else { return }
    var runStart = 0
    var index = 0
    while index < utf8.count {
      // Eight bytes at a time past text with no quote, backslash or control character; the
      // lowest mark of a word is exact, and the bytes above it are looked at one by one.
      while index &+ 8 <= utf8.count {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let marks = JSONScanner.escapeMarks(word)
        if marks != 0 {
          index &+= marks.trailingZeroBitCount &>> 3
          break
        }
        index &+= 8
      }
      guard index < utf8.count else { break }
      let byte = utf8[index]
      index += 1
      guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
      output.append(UnsafeRawBufferPointer(start: base + runStart, count: index - 1 - runStart))
      runStart = index
      escape(byte)
    }
    output.append(UnsafeRawBufferPointer(start: base + runStart, count: utf8.count - runStart))
  }

  private mutating func escape(_ byte: UInt8) {
    output.append(0x5C)
    switch byte {
    case 0x22: output.append(0x22)
    case 0x5C: output.append(0x5C)
    case 0x08: output.append(0x62)
    case 0x09: output.append(0x74)
    case 0x0A: output.append(0x6E)
    case 0x0C: output.append(0x66)
    case 0x0D: output.append(0x72)
    default:
      let hex: StaticString = "0123456789abcdef"
      raw("u00")
      output.append(hex.utf8Start[Int(byte >> 4)])
      output.append(hex.utf8Start[Int(byte & 0x0F)])
    }
  }
}
