import Foundation
import Testing

@testable import TransnationalRepression

/// The spreadsheet-style corpus of `Tests/Fixtures/import/corpus/`: each file named for what it
/// tests, imported with `tnr import --lenient` and the flags of `manifest.json`, where the
/// expected outcome of every file (accepted records field by field, rejected rows with line,
/// column and words of the reason, or the file's error) is written by hand.
@Suite("Import corpus")
struct ImportCorpusTests {
  struct Manifest: Decodable {
    let today: String
    let base: [String]
    let cases: [Case]
  }

  struct Case: Decodable, CustomTestStringConvertible {
    let file: String
    let what: String
    let base: Bool?
    let args: [String]?
    let accepted: [Record]?
    let rejected: [Rejected]?
    let file_error: String?
    let stderr_contains: String?
    var testDescription: String { "\(file): \(what)" }
  }

  struct Record: Decodable {
    let id: String
    let host: String
    let date: String
    let precision: String
    let kind: String
    let persons: String
    let gender: String?
    let groups: String?
    let origin: String?
    let notes: String?
    let source: String?
  }

  struct Rejected: Decodable {
    let line: Int
    let column: Int
    let contains: String
  }

  static let manifest: Manifest = try! Fixtures.json(Manifest.self, "import/corpus/manifest.json")

  @Test("the corpus holds at least 45 files, each in the manifest")
  func corpusComplete() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("import/corpus").path)
      .filter { $0.hasSuffix(".csv") }
    #expect(files.count >= 45)
    #expect(Set(files) == Set(Self.manifest.cases.map(\.file)))
  }

  @Test("each corpus file imports as its manifest says", arguments: manifest.cases)
  func corpusFile(_ entry: Case) throws {
    let path = Fixtures.url("import/corpus/\(entry.file)").path
    let flags = (entry.base == false ? [] : Self.manifest.base) + (entry.args ?? [])
    let result = runTNR(["import", path, "--lenient", "--today", Self.manifest.today] + flags)
    if let fileError = entry.file_error {
      #expect(result.status == 1)
      #expect(result.out.isEmpty)
      #expect(result.err.contains(fileError), "\(result.err)")
      return
    }
    let rejected = entry.rejected ?? []
    #expect(result.status == (rejected.isEmpty ? 0 : 1), "\(result.err)")
    let expected = entry.accepted ?? []
    #expect(result.err.contains("\(expected.count) accepted, \(rejected.count) rejected"), "\(result.err)")
    for row in rejected {
      let place = "line \(row.line), column \(row.column) ("
      let lines = result.err.split(separator: "\n").filter { $0.contains(place) }
      #expect(lines.count == 1, "\(place) in \(result.err)")
      #expect(lines.first?.contains(row.contains) == true, "\(lines)")
    }
    if let words = entry.stderr_contains {
      #expect(result.err.contains(words), "\(result.err)")
    }
    let dataset = try IncidentCSV.read(text: result.out, today: CalendarDay(year: 2026, month: 11, day: 23)!).dataset
    #expect(dataset.map(\.id) == expected.map(\.id))
    for (incident, record) in zip(dataset, expected) {
      #expect(incident.host.alpha2 == record.host, "\(record.id)")
      #expect(incident.origin.alpha2 == (record.origin ?? "CN"), "\(record.id)")
      #expect(incident.date.description == record.date, "\(record.id)")
      #expect(incident.date.precision.rawValue == record.precision, "\(record.id)")
      #expect("\(incident.kind.category.rawValue)/\(incident.kind.mode)" == record.kind, "\(record.id)")
      #expect(incident.persons.description == record.persons, "\(record.id)")
      if let gender = record.gender {
        #expect((incident.gender?.rawValue ?? "") == gender, "\(record.id)")
      }
      #expect(incident.ethnicGroups.map(\.rawValue).sorted() == [record.groups ?? "Uyghur"], "\(record.id)")
      if let notes = record.notes {
        #expect(incident.notes == notes, "\(record.id)")
      }
      if let source = record.source {
        #expect(incident.sources.first?.title == source, "\(record.id)")
      }
    }
  }
}
