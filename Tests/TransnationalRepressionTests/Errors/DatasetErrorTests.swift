import Foundation
import Testing

@testable import TransnationalRepression

/// `IncidentDataset` construction throws `DatasetError`, another name of `ImportError` (the same
/// type), so code written against `ImportError` compiles and catches the same errors.
@Suite("Dataset errors")
struct DatasetErrorTests {
  static let incident = try! Incident(
    id: "A", host: .thailand, year: 2015, month: 7, kind: .extradition(.deportation),
    ethnicGroups: [.uyghur], source: SourceCitation(title: "t"))

  @Test("ImportError is DatasetError: the same type under both names")
  func sameType() {
    #expect(ImportError.self == DatasetError.self)
    let old: ImportError = ImportError(.missingColumn("host"), line: 1, field: "host")
    let new: DatasetError = old
    #expect(new.kind == .missingColumn("host"))
    #expect(ImportError.Kind.emptyFile == DatasetError.Kind.emptyFile)
  }

  @Test("a repeated id in code throws DatasetError, caught as ImportError too")
  func duplicateID() throws {
    let expected = DatasetError(
      .invalidRecord(.duplicateID("A", firstLine: nil)), field: "id", recordID: "A")
    #expect(throws: expected) { try IncidentDataset([Self.incident, Self.incident]) }
    #expect(expected.description == "field id, record A: id 'A' is used more than once")
    // Old catch clauses still match, in the untyped context most callers have.
    func build() throws -> IncidentDataset { try IncidentDataset([Self.incident, Self.incident]) }
    var caughtAsImportError = false
    do {
      _ = try build()
    } catch let error as ImportError {
      caughtAsImportError = error.recordID == "A"
    } catch {
      Issue.record("not an ImportError: \(error)")
    }
    #expect(caughtAsImportError)
    // Old typed-throws contexts still compile and receive it.
    let result = Result { () throws(ImportError) -> IncidentDataset in
      try IncidentDataset([Self.incident]).merging(IncidentDataset([Self.incident]))
    }
    #expect(throws: expected) { try result.get() }
  }

  @Test("a future date in code throws DatasetError naming the record")
  func futureDate() throws {
    let day = try #require(CalendarDay(year: 2015, month: 6, day: 30))
    #expect(throws: DatasetError(.invalidRecord(.futureDate(Self.incident.date, today: "2015-06-30")), recordID: "A")) {
      try IncidentDataset([Self.incident], validatedOn: day)
    }
    #expect(try IncidentDataset([Self.incident], validatedOn: CalendarDay(year: 2015, month: 7, day: 1)!).count == 1)
  }
}
