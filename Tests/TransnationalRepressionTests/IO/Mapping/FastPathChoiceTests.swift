import Foundation
import Testing

@testable import TransnationalRepression

/// Which reader a columnar import takes: the fast path unless the mapping needs value-level
/// reading, decided from the file's header where counts are concerned.
@Suite("Columnar import: fast path or record reader")
struct FastPathChoiceTests {
  @Test("a renamed column keeps the fast path when the file has its persons_qualifier column")
  func qualifierColumnInHeader() throws {
    let renamed = ColumnMapping(columns: [.host: "Country"])
    let sample = IncidentCSV.write(IncidentDataset.documentedSample)
      .replacingOccurrences(of: "id,origin,host,", with: "id,origin,Country,")
    let header = try #require(IncidentColumns.header(of: Array(sample.utf8)[...]))
    #expect(header.contains("persons_qualifier") && header.contains("Country"))
    #expect(!renamed.needsRecordReader(header: header))
    #expect(renamed.needsRecordReader(header: header.filter { $0 != "persons_qualifier" }))
    #expect(renamed.needsRecordReader(header: nil))
    #expect(!ColumnMapping.canonical.needsRecordReader(header: nil))
    #expect(ColumnMapping(dateColumn: "Date").needsRecordReader(header: header))
    // Both readers give the same columns and report for this file.
    let fast = try IncidentColumns.read(bytes: Array(sample.utf8), mapping: renamed, mode: .lenient)
    let records = try IncidentCSV.read(text: sample, mapping: renamed, mode: .lenient)
    #expect(fast.columns == IncidentColumns(records.dataset))
    #expect(fast.report == records.report)
  }

  @Test("a header the quick look cannot read (quotes, no line end, invalid UTF-8) is left to the full reader")
  func unreadableHeaders() {
    #expect(IncidentColumns.header(of: Array("\u{FEFF}id,host\r\nx".utf8)[...]) == ["id", "host"])
    #expect(IncidentColumns.header(of: Array("\"id\",host\n".utf8)[...]) == nil)
    #expect(IncidentColumns.header(of: Array("id,host".utf8)[...]) == nil)
    #expect(IncidentColumns.header(of: [0x69, 0xFF, 0x0A][...]) == nil)
  }
}
