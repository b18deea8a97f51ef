import Foundation
import Testing

@testable import TransnationalRepression

/// ``CSVScanner`` skips plain text eight bytes at a time and writes fields through pointers into
/// arrays it grows on demand. These tests hold it to a byte-at-a-time reference of the same
/// documented rules on random inputs built to put delimiters, quotes and line breaks at every
/// position of a word, with long plain runs, records of many fields, and blocks that end early.
@Suite("CSV scanner against a byte-at-a-time reference")
struct CSVScannerTests {
  struct Field: Equatable {
    let start: Int
    let end: Int
    let quoted: Bool
  }

  /// The reference: one record from `start`, byte by byte (`nil` when the record is incomplete).
  static func reference(
    _ bytes: [UInt8], from start: Int, isFinal: Bool, crBreaks: Bool
  ) -> (fields: [Field], end: Int, next: Int, lineBreaks: Int, problem: Bool)?? {
    let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    let count = bytes.count
    guard start < count else { return isFinal ? .some(nil) : nil }
    var fields: [Field] = []
    var i = start
    var lines = 0
    var problem = false
    while true {
      let fieldStart = i
      if i < count && bytes[i] == quote {
        i += 1
        let content = i
        var close = -1
        while i < count {
          if bytes[i] == quote {
            if i + 1 < count {
              if bytes[i + 1] == quote { i += 2; continue }
            } else if !isFinal { return nil }
            close = i
            i += 1
            break
          }
          if bytes[i] == lf || (crBreaks && bytes[i] == cr && (i + 1 >= count || bytes[i + 1] != lf)) {
            lines += 1
          }
          i += 1
        }
        if close < 0 {
          if !isFinal { return nil }
          fields.append(Field(start: content, end: count, quoted: true))
          return .some((fields, count, count, lines, true))
        }
        if i >= count {
          if !isFinal { return nil }
          fields.append(Field(start: content, end: close, quoted: true))
          return .some((fields, count, count, lines, problem))
        }
        switch bytes[i] {
        case comma:
          fields.append(Field(start: content, end: close, quoted: true))
          i += 1
          continue
        case lf:
          fields.append(Field(start: content, end: close, quoted: true))
          return .some((fields, i, i + 1, lines + 1, problem))
        case cr:
          if i + 1 < count {
            if bytes[i + 1] == lf {
              fields.append(Field(start: content, end: close, quoted: true))
              return .some((fields, i, i + 2, lines + 1, problem))
            }
            if crBreaks {
              fields.append(Field(start: content, end: close, quoted: true))
              return .some((fields, i, i + 1, lines + 1, problem))
            }
          } else if !isFinal {
            return nil
          } else {
            fields.append(Field(start: content, end: close, quoted: true))
            return .some((fields, i, count, lines, problem))
          }
        default: break
        }
        problem = true
      }
      while i < count {
        let byte = bytes[i]
        if byte == comma || byte == lf || (crBreaks && byte == cr) { break }
        if byte == quote { problem = true }
        i += 1
      }
      if i >= count {
        if !isFinal { return nil }
        var end = count
        if end > fieldStart && bytes[end - 1] == cr { end -= 1 }
        fields.append(Field(start: fieldStart, end: end, quoted: false))
        return .some((fields, end, count, lines, problem))
      }
      if bytes[i] == comma {
        fields.append(Field(start: fieldStart, end: i, quoted: false))
        i += 1
        continue
      }
      if bytes[i] == cr {
        if i + 1 < count {
          fields.append(Field(start: fieldStart, end: i, quoted: false))
          return .some((fields, i, bytes[i + 1] == lf ? i + 2 : i + 1, lines + 1, problem))
        }
        if !isFinal { return nil }
        fields.append(Field(start: fieldStart, end: i, quoted: false))
        return .some((fields, i, count, lines + 1, problem))
      }
      var end = i
      if end > fieldStart && bytes[end - 1] == cr { end -= 1 }
      fields.append(Field(start: fieldStart, end: end, quoted: false))
      return .some((fields, end, i + 1, lines + 1, problem))
    }
  }

  @Test("every record of random inputs: same fields, ends, line breaks and problems", arguments: 0..<8)
  func randomInputs(_ seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed) &+ 0x5EED)
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("plain text that runs on".utf8), Array(",".utf8), Array("\"".utf8),
      Array("\"\"".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\r".utf8),
      Array("Ürümqi".utf8), Array(String(repeating: "x", count: 40).utf8), Array(",,,,,,,,,,".utf8),
    ]
    for _ in 0..<300 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0..<30, using: &generator) {
        bytes += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
      }
      for crBreaks in [false, true] {
        for isFinal in [true, false] {
          var scanner = CSVScanner()
          scanner.breaksAtBareCR = crBreaks
          var start = 0
          while true {
            let expected = Self.reference(bytes, from: start, isFinal: isFinal, crBreaks: crBreaks)
            let outcome = bytes.withUnsafeBufferPointer {
              scanner.scan($0, from: start, isFinal: isFinal)
            }
            guard let expected else {
              #expect(outcome == .incomplete, "\(bytes) from \(start)")
              break
            }
            guard let record = expected else {
              #expect(outcome == .endOfInput)
              break
            }
            #expect(
              outcome == .record(end: record.end, next: record.next, lineBreaks: record.lineBreaks),
              "\(bytes) from \(start)")
            let fields = (0..<scanner.fieldCount).map {
              Field(start: scanner.fieldStarts[$0], end: scanner.fieldEnds[$0], quoted: scanner.fieldQuoted[$0])
            }
            #expect(fields == record.fields, "\(bytes) from \(start)")
            #expect((scanner.problem != nil) == record.problem, "\(bytes) from \(start)")
            guard record.next > start else { break }
            start = record.next
          }
        }
      }
    }
  }

  @Test("a record of more fields than the scanner has room for grows it and is read whole")
  func manyFields() {
    let row = Array((0..<1_000).map(String.init).joined(separator: ",").utf8) + [0x0A]
    var scanner = CSVScanner()
    let outcome = row.withUnsafeBufferPointer { scanner.scan($0, from: 0, isFinal: true) }
    #expect(outcome == .record(end: row.count - 1, next: row.count, lineBreaks: 1))
    #expect(scanner.fieldCount == 1_000)
    let last = String(decoding: row[scanner.fieldStarts[999]..<scanner.fieldEnds[999]], as: UTF8.self)
    #expect(last == "999")
    // A short record afterwards reuses the room: its count, not the arrays' length, is its size.
    let short = Array("a,b\n".utf8)
    _ = short.withUnsafeBufferPointer { scanner.scan($0, from: 0, isFinal: true) }
    #expect(scanner.fieldCount == 2)
  }
}
