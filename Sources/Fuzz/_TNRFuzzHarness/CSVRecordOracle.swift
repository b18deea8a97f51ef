/// Where the records of a CSV file start and end, computed independently of the library's
/// scanner, so that fuzzing and property tests can check that a reader sees every record.
///
/// Test support, not API. The rules are those documented on the library's reader (RFC 4180 with
/// lenient recovery): a field that starts with a quote runs to the next quote that is not doubled;
/// after that closing quote, or in a field that does not start with a quote, quotes are ordinary
/// bytes and the field runs to the next delimiter or line break; a line feed, a CRLF or a carriage
/// return not followed by a line feed outside a quoted section ends the record (inside one, a
/// lone carriage return counts as a line); a quoted section never closed runs to the end of the
/// input. A UTF-8 byte-order mark at the very start is skipped; UTF-16 with a byte-order mark is
/// decoded first (with the standard library's decoder) and the records are those of its UTF-8;
/// a first line `sep=X` names the delimiter (a comma otherwise) and is not a record. A record is
/// blank when it is empty; it is delimiter-only when it holds more than one field and nothing
/// but delimiters.
public enum CSVRecordOracle {
  /// One record: its 1-based starting line, its byte range (without the line feed) and whether it
  /// is blank.
  public struct Record: Hashable, Sendable {
    /// The 1-based line on which the record starts.
    public let line: Int
    /// The record's bytes, without its terminating line feed.
    public let range: Range<Int>
    /// Whether the record is an empty line.
    public let isBlank: Bool
    /// Whether the record holds only delimiters (`,,,`).
    public let isDelimiterOnly: Bool
  }

  /// The bytes the records are found in: `bytes`, or the UTF-8 of UTF-16 with a byte-order mark.
  public static func utf8(_ bytes: [UInt8]) -> [UInt8] {
    if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
      let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
      return Array(String(decoding: units, as: UTF16.self).utf8)
    }
    if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
      let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
      return Array(String(decoding: units, as: UTF16.self).utf8)
    }
    return bytes
  }

  /// Every record of `bytes`, in order.
  public static func records(_ input: [UInt8]) -> [Record] {
    let bytes = utf8(input)
    let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    var comma: UInt8 = 0x2C
    enum State { case fieldStart, quoted, quoteSeen, unquoted }
    var records: [Record] = []
    var i = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    var line = 1
    // Excel's `sep=X` line.
    if bytes.count - i >= 5, bytes[i..<(i + 4)].map({ $0 | 0x20 }) == Array("sep=".utf8),
      ![lf, cr, quote].contains(bytes[i + 4])
    {
      var next = i + 5
      if next < bytes.count && bytes[next] == cr { next += 1 }
      if next < bytes.count && bytes[next] == lf { next += 1 }
      if next > i + 5 || next == bytes.count {
        comma = bytes[i + 4]
        i = next
        line = 2
      }
    }
    while i < bytes.count {
      let start = i
      let startLine = line
      var state = State.fieldStart
      var fields = 1
      var quotedAny = false
      var end = bytes.count
      var next = bytes.count
      scan: while i < bytes.count {
        let byte = bytes[i]
        switch state {
        case .fieldStart:
          if byte == quote {
            state = .quoted
            quotedAny = true
            i += 1
          } else {
            state = .unquoted
          }
        case .quoted:
          if byte == quote {
            state = .quoteSeen
          } else if byte == lf || (byte == cr && (i + 1 >= bytes.count || bytes[i + 1] != lf)) {
            line += 1
          }
          i += 1
        case .quoteSeen:
          if byte == quote {
            state = .quoted
            i += 1
          } else if byte == comma {
            fields += 1
            state = .fieldStart
            i += 1
          } else if byte == lf {
            end = i
            next = i + 1
            line += 1
            break scan
          } else if byte == cr {
            end = i
            next = i + 1 < bytes.count && bytes[i + 1] == lf ? i + 2 : i + 1
            line += 1
            break scan
          } else {
            state = .unquoted
          }
        case .unquoted:
          if byte == comma {
            fields += 1
            state = .fieldStart
          } else if byte == lf {
            end = i
            next = i + 1
            line += 1
            break scan
          } else if byte == cr {
            end = i
            next = i + 1 < bytes.count && bytes[i + 1] == lf ? i + 2 : i + 1
            line += 1
            break scan
          }
          i += 1
        }
      }
      let content = bytes[start..<end]
      let isBlank = fields == 1 && !quotedAny && content.isEmpty
      let isDelimiterOnly = fields > 1 && content.allSatisfy { $0 == comma }
      records.append(
        Record(line: startLine, range: start..<end, isBlank: isBlank, isDelimiterOnly: isDelimiterOnly))
      i = next
    }
    return records
  }

  /// The data records: every record after the first (the header), blank ones included.
  public static func dataRecords(_ bytes: [UInt8]) -> ArraySlice<Record> {
    records(bytes).dropFirst()
  }
}
