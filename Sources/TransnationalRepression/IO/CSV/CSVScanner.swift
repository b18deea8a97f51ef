/// Splits RFC 4180 text into records and fields, one record at a time, without copying.
///
/// The scanner works on a byte buffer that may end in the middle of a record: it then answers
/// ``Outcome/incomplete`` and the caller appends more input and scans that record again (the
/// streaming reader grows its buffer geometrically, so a long record costs amortized linear time).
/// It accepts quoted fields with commas, doubled quotes and line breaks, LF and CRLF line endings,
/// and a last record with or without a line break. Syntax problems (a quote inside an unquoted
/// field, text after a closing quote, an unterminated quote) do not stop it: the record is still
/// delimited, so a lenient reader can keep it verbatim, and ``problem`` says what is wrong.
@usableFromInline
internal struct CSVScanner {
  /// What one call to ``scan(_:from:isFinal:)`` found.
  @usableFromInline
  internal enum Outcome: Equatable {
    /// A record spans `start..<end` (without its line break); the next starts at `next`.
    /// `lineBreaks` counts the line breaks consumed, including those inside quoted fields.
    case record(end: Int, next: Int, lineBreaks: Int)
    /// The buffer ends inside the record; scan again with more input.
    case incomplete
    /// No input is left.
    case endOfInput
  }

  /// Start offsets of the current record's fields (inside the quotes for quoted fields); the
  /// first ``fieldCount`` are the record's (the arrays are longer: room kept for later records,
  /// so that a scan writes through pointers without growing an array field by field).
  @usableFromInline internal var fieldStarts = [Int](repeating: 0, count: 32)
  /// End offsets (exclusive) of the current record's fields.
  @usableFromInline internal var fieldEnds = [Int](repeating: 0, count: 32)
  /// Whether each field was quoted (its content may then hold doubled quotes).
  @usableFromInline internal var fieldQuoted = [Bool](repeating: false, count: 32)
  /// The number of fields in the current record.
  @usableFromInline internal var fieldCount = 0
  /// The first syntax problem in the current record, if any.
  @usableFromInline internal var problem: String?
  /// The byte between fields (a comma unless a dialect says otherwise).
  @usableFromInline internal var delimiter: UInt8 = 0x2C
  /// Whether a carriage return not followed by a line feed ends a record (old Mac files and
  /// some Excel exports). The record reader sets it; the columnar import's line splitter, which
  /// cuts at line feeds only, leaves it off so that the two agree (files with bare carriage
  /// returns go to the record reader).
  @usableFromInline internal var breaksAtBareCR = false

  @usableFromInline internal init() {}

  /// Where a scan writes the fields: the three arrays' storage. Writes past `capacity` are
  /// counted, not stored; the scan then grows the arrays and scans the record again.
  @usableFromInline
  internal struct FieldSink {
    @usableFromInline let starts: UnsafeMutablePointer<Int>
    @usableFromInline let ends: UnsafeMutablePointer<Int>
    @usableFromInline let quoted: UnsafeMutablePointer<Bool>
    @usableFromInline let capacity: Int
    @usableFromInline var count = 0

    @inlinable
    init(
      starts: UnsafeMutablePointer<Int>, ends: UnsafeMutablePointer<Int>,
      quoted: UnsafeMutablePointer<Bool>, capacity: Int
    ) {
      self.starts = starts
      self.ends = ends
      self.quoted = quoted
      self.capacity = capacity
    }

    @inlinable @inline(__always)
    mutating func append(_ start: Int, _ end: Int, quoted isQuoted: Bool) {
      if count < capacity {
        starts[count] = start
        ends[count] = end
        quoted[count] = isQuoted
      }
      count &+= 1
    }
  }

  /// The offset (0–7) of the first of the eight bytes at `pointer` that is one of the given
  /// bytes, or 8 when none is. (The zero-byte test of the word XOR each byte repeated marks
  /// every matching byte, and can mark a byte above a match falsely, never below: its lowest
  /// mark is exact.)
  @inlinable @inline(__always)
  internal static func firstOf(
    _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8 = 0x0D, inWordAt pointer: UnsafePointer<UInt8>
  ) -> Int {
    let word = UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    @inline(__always) func zeroBytes(_ byte: UInt8) -> UInt64 {
      let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
      return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }
    let marks = zeroBytes(a) | zeroBytes(b) | zeroBytes(c) | zeroBytes(d)
    return marks.trailingZeroBitCount &>> 3
  }

  /// Scans the record starting at `start`.
  ///
  /// - Parameters:
  ///   - buffer: the input bytes.
  ///   - start: where the record starts.
  ///   - isFinal: whether the buffer holds the end of the input.
  /// - Returns: where the record ends, or that more input is needed.
  /// - Complexity: O(*m*), where *m* is the length of the record.
  @inlinable
  internal mutating func scan(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool
  ) -> Outcome {
    while true {
      let capacity = fieldStarts.count
      var problem: String?
      var fields = 0
      let delimiter = self.delimiter
      let crBreaks = breaksAtBareCR
      let outcome = fieldStarts.withUnsafeMutableBufferPointer { starts in
        fieldEnds.withUnsafeMutableBufferPointer { ends in
          fieldQuoted.withUnsafeMutableBufferPointer { quoted in
            var sink = FieldSink(
              starts: starts.baseAddress!, ends: ends.baseAddress!, quoted: quoted.baseAddress!,
              capacity: capacity)
            defer { fields = sink.count }
            return CSVScanner.scanRecord(
              buffer, from: start, isFinal: isFinal, delimiter: delimiter, crBreaks: crBreaks,
              into: &sink, problem: &problem)
          }
        }
      }
      if fields > capacity {
        // A record with more fields than room: grow, and scan it again.
        let room = Swift.max(fields, 2 * capacity)
        fieldStarts = [Int](repeating: 0, count: room)
        fieldEnds = [Int](repeating: 0, count: room)
        fieldQuoted = [Bool](repeating: false, count: room)
        continue
      }
      fieldCount = fields
      self.problem = problem
      return outcome
    }
  }

  /// The scan of one record (see ``scan(_:from:isFinal:)``), writing its fields into `sink`.
  @inlinable
  internal static func scanRecord(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool, delimiter: UInt8,
    crBreaks: Bool, into sink: inout FieldSink, problem: inout String?
  ) -> Outcome {
    let quote: UInt8 = 0x22, comma: UInt8 = delimiter, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    let count = buffer.count
    guard start < count else { return isFinal ? .endOfInput : .incomplete }
    var i = start
    var lineBreaks = 0
    while true {
      let fieldStart = i
      if i < count && buffer[i] == quote {
        // Quoted field: runs to the next quote that is not doubled.
        i += 1
        let contentStart = i
        var contentEnd = -1
        while i < count {
          // Eight bytes at a time past plain text, to the first quote, LF or CR.
          while i &+ 8 <= count {
            let offset = CSVScanner.firstOf(quote, lf, cr, inWordAt: buffer.baseAddress! + i)
            i &+= offset
            if offset < 8 { break }
          }
          guard i < count else { break }
          let byte = buffer[i]
          if byte == quote {
            if i + 1 < count {
              if buffer[i + 1] == quote {
                i += 2
                continue
              }
            } else if !isFinal {
              return .incomplete
            }
            contentEnd = i
            i += 1
            break
          }
          if byte == lf {
            lineBreaks += 1
          } else if crBreaks && byte == cr && (i + 1 >= count || buffer[i + 1] != lf) {
            lineBreaks += 1
          }
          i += 1
        }
        if contentEnd < 0 {
          if !isFinal { return .incomplete }
          if problem == nil { problem = "a quoted field is never closed (it runs to the end of the file)" }
          sink.append(contentStart, count, quoted: true)
          return .record(end: count, next: count, lineBreaks: lineBreaks)
        }
        if i >= count {
          if !isFinal { return .incomplete }
          sink.append(contentStart, contentEnd, quoted: true)
          return .record(end: count, next: count, lineBreaks: lineBreaks)
        }
        let byte = buffer[i]
        if byte == comma {
          sink.append(contentStart, contentEnd, quoted: true)
          i += 1
          continue
        }
        if byte == lf {
          sink.append(contentStart, contentEnd, quoted: true)
          return .record(end: i, next: i + 1, lineBreaks: lineBreaks + 1)
        }
        if byte == cr {
          if i + 1 < count {
            if buffer[i + 1] == lf {
              sink.append(contentStart, contentEnd, quoted: true)
              return .record(end: i, next: i + 2, lineBreaks: lineBreaks + 1)
            }
            if crBreaks {
              sink.append(contentStart, contentEnd, quoted: true)
              return .record(end: i, next: i + 1, lineBreaks: lineBreaks + 1)
            }
          } else if !isFinal {
            return .incomplete
          } else {
            sink.append(contentStart, contentEnd, quoted: true)
            return .record(end: i, next: count, lineBreaks: lineBreaks)
          }
        }
        // Text after the closing quote: keep delimiting as an unquoted field.
        if problem == nil { problem = "text follows a closing quote" }
      }
      // Unquoted field (or the tail of a malformed quoted one).
      while i < count {
        // Eight bytes at a time past plain text, to the first delimiter, quote, LF or CR.
        while i &+ 8 <= count {
          let offset = CSVScanner.firstOf(comma, quote, lf, cr, inWordAt: buffer.baseAddress! + i)
          i &+= offset
          if offset < 8 { break }
        }
        guard i < count else { break }
        let byte = buffer[i]
        if byte == comma || byte == lf || (crBreaks && byte == cr) { break }
        if byte == quote, problem == nil { problem = "a quote appears inside an unquoted field" }
        i += 1
      }
      if i >= count {
        if !isFinal { return .incomplete }
        var end = count
        if end > fieldStart && buffer[end - 1] == cr { end -= 1 }
        sink.append(fieldStart, end, quoted: false)
        return .record(end: end, next: count, lineBreaks: lineBreaks)
      }
      if buffer[i] == comma {
        sink.append(fieldStart, i, quoted: false)
        i += 1
        continue
      }
      if buffer[i] == cr {
        // Only when bare carriage returns break lines: CRLF or a lone CR ends the record.
        if i + 1 < count {
          sink.append(fieldStart, i, quoted: false)
          let next = buffer[i + 1] == lf ? i + 2 : i + 1
          return .record(end: i, next: next, lineBreaks: lineBreaks + 1)
        }
        if !isFinal { return .incomplete }
        sink.append(fieldStart, i, quoted: false)
        return .record(end: i, next: count, lineBreaks: lineBreaks + 1)
      }
      // Line feed ends the record; a preceding carriage return belongs to the line break.
      var end = i
      if end > fieldStart && buffer[end - 1] == cr { end -= 1 }
      sink.append(fieldStart, end, quoted: false)
      return .record(end: end, next: i + 1, lineBreaks: lineBreaks + 1)
    }
  }
}
