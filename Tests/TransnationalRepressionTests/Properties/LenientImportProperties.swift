import Foundation
import Testing
import _TNRFuzzHarness

@testable import TransnationalRepression

/// Lenient import of randomly corrupted files never loses a row: every data record the scanner
/// delimits (counted by an independent oracle, `CSVRecordOracle`) is either accepted or listed as
/// rejected with its line, and strict import stops exactly at the first rejected row.
@Suite("Properties: lenient import never loses a row")
struct LenientImportProperties {
  static let today = VariedIncidents.today
  /// One test case per seed; each corrupts its file several times.
  static let seeds: [UInt64] = Array(0..<120)

  /// Ways to corrupt a file.
  enum Corruption: CaseIterable {
    case flipBit, insertByte, deleteByte, dropField, swapLines, duplicateLine, truncate, insertQuote
  }

  /// Bytes a spreadsheet (or a careless edit) puts where they do not belong.
  static let interestingBytes: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x3B, 0x20, 0x00, 0xFF, 0xC3, 0x80, 0x41, 0x39]

  static func corrupt(_ bytes: inout [UInt8], _ corruption: Corruption, _ random: inout SeededGenerator) {
    guard !bytes.isEmpty else { return }
    let position = random.nextIndex(below: bytes.count)
    switch corruption {
    case .flipBit:
      bytes[position] ^= UInt8(1) << UInt8(random.nextIndex(below: 8))
    case .insertByte:
      bytes.insert(interestingBytes[random.nextIndex(below: interestingBytes.count)], at: position)
    case .deleteByte:
      bytes.remove(at: position)
    case .insertQuote:
      bytes.insert(0x22, at: position)
    case .truncate:
      bytes.removeSubrange(position...)
    case .dropField:
      // Remove the text from a comma up to the next comma or line break.
      guard let comma = bytes[position...].firstIndex(of: 0x2C) else { return }
      let end = bytes[(comma + 1)...].firstIndex { $0 == 0x2C || $0 == 0x0A } ?? bytes.count
      bytes.removeSubrange(comma..<end)
    case .swapLines, .duplicateLine:
      var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
      guard lines.count > 2 else { return }
      // Leave the header alone most of the time, so the rows are what gets corrupted.
      let low = random.nextIndex(below: 10) == 0 ? 0 : 1
      let i = low + random.nextIndex(below: lines.count - low)
      let j = low + random.nextIndex(below: lines.count - low)
      if corruption == .swapLines { lines.swapAt(i, j) } else { lines.insert(lines[i], at: j) }
      bytes = Array(lines.joined(separator: [0x0A]))
    }
  }

  @Test("accepted + rejected == data rows == the oracle's non-blank records", arguments: seeds)
  func neverLosesARow(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    let dataset = VariedIncidents(seed: seed).dataset(count: 1 + Int(seed % 30))
    let clean = Array(IncidentCSV.write(dataset).utf8)
    var crlf = false
    for round in 0..<8 {
      var bytes = clean
      if round % 3 == 2 {
        // Some files have CRLF line ends and a byte-order mark.
        bytes = [0xEF, 0xBB, 0xBF] + Array(String(decoding: clean, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        crlf = true
      }
      for _ in 0..<(1 + random.nextIndex(below: 4)) {
        let corruption = Corruption.allCases[random.nextIndex(below: Corruption.allCases.count)]
        Self.corrupt(&bytes, corruption, &random)
      }
      try Self.checkNoRowLost(bytes, context: "seed \(seed) round \(round) crlf \(crlf)")
    }
  }

  /// The property, for one file.
  static func checkNoRowLost(_ bytes: [UInt8], context: String) throws {
    let oracle = CSVRecordOracle.records(bytes)
    let lenient: ImportResult
    do {
      lenient = try IncidentCSV.read(bytes: bytes, mode: .lenient, today: today)
    } catch {
      // Only the header can make a lenient read fail.
      #expect(error.line == nil || error.line == 1, "\(context): \(error)")
      #expect(throws: error) { try IncidentCSV.read(bytes: bytes, mode: .strict, today: today) }
      return
    }
    let report = lenient.report
    let data = oracle.dropFirst()
    #expect(report.accepted + report.rejected.count == report.dataRows, "\(context)")
    #expect(report.accepted == lenient.dataset.count, "\(context)")
    #expect(report.dataRows == data.count { !$0.isBlank && !$0.isDelimiterOnly }, "\(context)")
    #expect(report.delimiterOnlyRows == data.count { $0.isDelimiterOnly }, "\(context)")
    #expect(report.blankLines == data.count { $0.isBlank }, "\(context)")
    let records = Dictionary(uniqueKeysWithValues: data.map { ($0.line, $0) })
    for row in report.rejected {
      let record = try #require(records[row.line], "\(context): rejected line \(row.line) is not a record")
      #expect(!record.isBlank)
      let text = String(decoding: CSVRecordOracle.utf8(bytes)[record.range], as: UTF8.self)
      #expect(row.raw == text || row.raw + "\r" == text, "\(context): raw text of line \(row.line)")
      #expect(row.reason.contains("line \(row.line)"), "\(context): \(row.reason)")
    }
    if let first = report.rejected.first {
      #expect(throws: first.error) { try IncidentCSV.read(bytes: bytes, mode: .strict, today: today) }
    } else {
      #expect(try IncidentCSV.read(bytes: bytes, mode: .strict, today: today) == lenient, "\(context)")
    }
  }

  @Test("the committed bad-input corpus loses no row either")
  func badInputCorpus() throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/csv")
    var files = 0
    for sub in ["bad", "tricky"] {
      for url in FuzzReplay.inputs(at: directory.appendingPathComponent(sub).path) {
        let bytes = Array(try Data(contentsOf: url))
        // The corpus's "today" is the same day as the generator's.
        try Self.checkNoRowLost(bytes, context: url.lastPathComponent)
        files += 1
      }
    }
    #expect(files >= 90)
  }
}
