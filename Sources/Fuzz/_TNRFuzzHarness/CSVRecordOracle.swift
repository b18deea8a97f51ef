/// Where the records of a CSV file start and end, computed independently of the library's
/// scanner, so that fuzzing and property tests can check that a reader sees every record.
///
/// Test support, not API. The rules are those documented on the library's reader (RFC 4180 with
/// lenient recovery): a field that starts with a quote runs to the next quote that is not doubled;
/// after that closing quote, or in a field that does not start with a quote, quotes are ordinary
/// bytes and the field runs to the next comma or line feed; a line feed outside a quoted section
/// ends the record; a quoted section never closed runs to the end of the input. A UTF-8
/// byte-order mark at the very start is skipped. A record is blank when it is empty or is a lone
/// carriage return (an empty line of a CRLF file).
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
  }

  /// Every record of `bytes`, in order.
  public static func records(_ bytes: [UInt8]) -> [Record] {
    let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    enum State { case fieldStart, quoted, quoteSeen, unquoted }
    var records: [Record] = []
    var i = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    var line = 1
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
          if byte == quote { state = .quoteSeen } else if byte == lf { line += 1 }
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
          }
          i += 1
        }
      }
      let content = bytes[start..<end]
      let isBlank = fields == 1 && !quotedAny && (content.isEmpty || content.elementsEqual([cr]))
      records.append(Record(line: startLine, range: start..<end, isBlank: isBlank))
      i = next
    }
    return records
  }

  /// The data records: every record after the first (the header), blank ones included.
  public static func dataRecords(_ bytes: [UInt8]) -> ArraySlice<Record> {
    records(bytes).dropFirst()
  }
}
