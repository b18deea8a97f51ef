import Foundation
import Testing

@testable import TransnationalRepression

/// Reads every file of the CSV corpus (`Tests/Fixtures/csv/bad/` and `tricky/`) and checks the
/// outcome written in `Tests/Fixtures/csv/expected.json`: in lenient mode the number of data rows,
/// accepted rows and blank lines, and for each rejected row its line, kind, column and field; in
/// strict mode whether it throws and where; file-level errors throw in both modes.
@Suite("Bad-input CSV corpus")
struct BadInputCorpusTests {

  @Test("every corpus file is in the manifest, and every manifest entry is a file")
  func manifestCoversCorpus() throws {
    let manifest = try CorpusManifest.load()
    let files = try CorpusManifest.corpusFiles()
    #expect(files.count >= 35)
    #expect(files.contains { $0.hasPrefix("bad/") })
    #expect(files.contains { $0.hasPrefix("tricky/") })
    let listed = Set(manifest.files.keys)
    let missing = Set(files).subtracting(listed).sorted()
    #expect(missing.isEmpty, "corpus files with no expected outcome: \(missing)")
    let extra = listed.subtracting(files).sorted()
    #expect(extra.isEmpty, "manifest entries with no file: \(extra)")
    #expect(manifest.today == CorpusManifest.today.description)
  }

  @Test("the manifest is consistent: accepted + rejected == dataRows; tricky files have no rejection")
  func manifestIsConsistent() throws {
    let manifest = try CorpusManifest.load()
    for (name, entry) in manifest.files {
      if let lenient = entry.lenient {
        #expect(entry.fileError == nil, "\(name)")
        #expect(lenient.accepted + lenient.rejected.count == lenient.dataRows, "\(name)")
        #expect(lenient.acceptedIDs.count == lenient.accepted, "\(name)")
        #expect(entry.strict?.throwsError == !lenient.rejected.isEmpty, "\(name)")
      } else {
        #expect(entry.fileError != nil, "\(name)")
      }
      if name.hasPrefix("tricky/") {
        #expect(entry.fileError == nil && entry.lenient?.rejected.isEmpty == true, "\(name)")
      } else {
        #expect(entry.fileError != nil || entry.lenient?.rejected.isEmpty == false, "\(name)")
      }
    }
  }

  @Test("lenient reading gives the expected report", arguments: CorpusManifest.names)
  func lenient(_ name: String) throws {
    let entry = try #require(try CorpusManifest.load().files[name])
    let url = CorpusManifest.url(name)
    if let expected = entry.fileError {
      let error = try #require(throws: ImportError.self) {
        try IncidentCSV.read(contentsOf: url, mode: .lenient, today: CorpusManifest.today)
      }
      check(error, expected, name)
      return
    }
    let lenient = try #require(entry.lenient)
    let result = try IncidentCSV.read(contentsOf: url, mode: .lenient, today: CorpusManifest.today)
    let report = result.report
    #expect(report.dataRows == lenient.dataRows, "\(name)")
    #expect(report.accepted == lenient.accepted, "\(name)")
    #expect(report.blankLines == lenient.blankLines, "\(name)")
    #expect(report.accepted + report.rejected.count == report.dataRows, "\(name)")
    #expect(result.dataset.count == report.accepted, "\(name)")
    #expect(result.dataset.map(\.id) == lenient.acceptedIDs, "\(name)")
    #expect(report.isClean == lenient.rejected.isEmpty, "\(name)")
    #expect(
      report.rejected.count == lenient.rejected.count,
      "\(name): \(report.rejected.map(\.reason))")
    for (row, expected) in zip(report.rejected, lenient.rejected) {
      #expect(row.line == expected.line, "\(name)")
      #expect(row.line == row.error.line, "\(name)")
      check(row.error, expected, name)
      if let prefix = expected.rawPrefix {
        #expect(row.raw.hasPrefix(prefix), "\(name): raw \(row.raw.prefix(40))")
      }
      // A record ends before its line break, except one whose quote is never closed: it runs to
      // the end of the file, final line break included.
      if expected.reasonContains != "never closed" {
        #expect(!row.raw.hasSuffix("\n") && !row.raw.hasSuffix("\r"), "\(name)")
      }
      #expect(row.reason.contains("line \(expected.line)"), "\(name): \(row.reason)")
    }
    if let ignored = entry.ignoredColumns {
      #expect(report.ignoredColumns == ignored, "\(name)")
    } else {
      #expect(report.ignoredColumns.isEmpty, "\(name)")
    }
    for (id, expected) in entry.records ?? [:] {
      let incident = try #require(result.dataset[id: id], "\(name): no record \(id)")
      expected.check(incident, file: name)
    }
  }

  @Test("strict reading throws at the first bad row, or returns every row", arguments: CorpusManifest.names)
  func strict(_ name: String) throws {
    let entry = try #require(try CorpusManifest.load().files[name])
    let url = CorpusManifest.url(name)
    let expectedError: ExpectedError?
    if let fileError = entry.fileError {
      expectedError = fileError
    } else {
      let strict = try #require(entry.strict)
      #expect(strict.throwsError == (strict.error != nil), "\(name)")
      expectedError = strict.error
    }
    if let expectedError {
      let error = try #require(throws: ImportError.self) {
        try IncidentCSV.read(contentsOf: url, mode: .strict, today: CorpusManifest.today)
      }
      check(error, expectedError, name)
      #expect(error.description.contains("line \(expectedError.line)"), "\(name): \(error)")
    } else {
      let result = try IncidentCSV.read(contentsOf: url, mode: .strict, today: CorpusManifest.today)
      #expect(result.dataset.map(\.id) == entry.lenient?.acceptedIDs, "\(name)")
      #expect(result.report.isClean, "\(name)")
    }
  }

  @Test("reading bytes in memory gives the same result as reading the file", arguments: CorpusManifest.names)
  func memoryMatchesFile(_ name: String) throws {
    let url = CorpusManifest.url(name)
    let bytes = [UInt8](try Data(contentsOf: url))
    for mode in [ImportMode.lenient, .strict] {
      let fromFile = Result { () throws(ImportError) in
        try IncidentCSV.read(contentsOf: url, mode: mode, today: CorpusManifest.today)
      }
      let fromBytes = Result { () throws(ImportError) in
        try IncidentCSV.read(bytes: bytes, mode: mode, today: CorpusManifest.today)
      }
      #expect(fromFile == fromBytes, "\(name) \(mode)")
    }
  }

  /// Compares an error with its expectation.
  private func check(_ error: ImportError, _ expected: ExpectedError, _ name: String) {
    #expect(error.line == expected.line, "\(name): \(error)")
    #expect(kindName(error.kind) == expected.kind, "\(name): \(error)")
    #expect(error.column == expected.column, "\(name): \(error)")
    #expect(error.field == expected.field, "\(name): \(error)")
    if let fragment = expected.reasonContains {
      #expect(error.reason.contains(fragment), "\(name): \(error.reason)")
    }
  }
}

// MARK: - The manifest

/// `Tests/Fixtures/csv/expected.json`.
struct CorpusManifest: Decodable {
  /// The validation day of every corpus read.
  let today: String
  /// Relative path (`bad/…`, `tricky/…`) → expected outcome.
  let files: [String: CorpusEntry]

  /// The day against which the corpus is validated.
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  /// `Tests/Fixtures/csv/`.
  static let directory = Fixtures.url("csv")

  /// The URL of a corpus file.
  static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  /// The manifest, decoded once.
  static func load() throws -> CorpusManifest {
    try Fixtures.json(CorpusManifest.self, "csv/expected.json")
  }

  /// The manifest's file names, sorted (empty when the manifest cannot be read, which
  /// ``BadInputCorpusTests/manifestCoversCorpus()`` reports).
  static let names: [String] = ((try? load())?.files.keys.sorted()) ?? []

  /// Every file under `bad/` and `tricky/`, as relative paths.
  static func corpusFiles() throws -> [String] {
    var names: [String] = []
    for folder in ["bad", "tricky"] {
      let base = directory.appendingPathComponent(folder, isDirectory: true)
      guard let enumerator = FileManager.default.enumerator(
        at: base, includingPropertiesForKeys: [.isRegularFileKey])
      else { continue }
      for case let url as URL in enumerator {
        guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else {
          continue
        }
        let relative = url.standardizedFileURL.path.dropFirst(
          base.standardizedFileURL.path.count + 1)
        names.append("\(folder)/\(relative)")
      }
    }
    return names.sorted()
  }
}

struct CorpusEntry: Decodable {
  let description: String
  let fileError: ExpectedError?
  let lenient: ExpectedLenient?
  let strict: ExpectedStrict?
  let records: [String: ExpectedRecord]?
  let ignoredColumns: [String]?
}

struct ExpectedError: Decodable {
  let line: Int
  let kind: String
  let column: Int?
  let field: String?
  let reasonContains: String?
  let rawPrefix: String?
}

struct ExpectedLenient: Decodable {
  let dataRows: Int
  let accepted: Int
  let blankLines: Int
  let acceptedIDs: [String]
  let rejected: [ExpectedError]
}

struct ExpectedStrict: Decodable {
  let throwsError: Bool
  let error: ExpectedError?

  private enum CodingKeys: String, CodingKey {
    case throwsError = "throws"
    case error
  }
}

/// Field values an accepted record must have (only the keys given are checked).
struct ExpectedRecord: Decodable {
  let host: String?
  let origin: String?
  let notes: String?
  let date: String?
  let persons: String?
  let mode: String?
  let sources: Int?
  let groups: String?
  let outcome: String?
  let gender: String?
  let publisher: String?
  let sourceTitle: String?
  let sourceURL: String?
  let sourceDate: String?

  func check(_ incident: Incident, file: String) {
    let context = "\(file) \(incident.id)"
    if let host { #expect(incident.host.alpha2 == host, "\(context)") }
    if let origin { #expect(incident.origin.alpha2 == origin, "\(context)") }
    if let notes { #expect(incident.notes == notes, "\(context)") }
    if let date { #expect(incident.date.description == date, "\(context)") }
    if let persons { #expect(incident.persons.description == persons, "\(context)") }
    if let mode { #expect(incident.kind.mode == mode, "\(context)") }
    if let sources { #expect(incident.sources.count == sources, "\(context)") }
    if let groups {
      #expect(incident.sortedEthnicGroups.map(\.rawValue).joined(separator: ";") == groups, "\(context)")
    }
    if let outcome {
      guard case .detention(let actual) = incident.kind else {
        Issue.record("\(context): not a detention")
        return
      }
      #expect(actual.rawValue == outcome, "\(context)")
    }
    if let gender { #expect(incident.gender?.rawValue == gender, "\(context)") }
    if let publisher { #expect(incident.sources.first?.publisher == publisher, "\(context)") }
    if let sourceTitle { #expect(incident.sources.first?.title == sourceTitle, "\(context)") }
    if let sourceURL { #expect((incident.sources.first?.url ?? "") == sourceURL, "\(context)") }
    if let sourceDate { #expect((incident.sources.first?.date ?? "") == sourceDate, "\(context)") }
  }
}

// MARK: - Naming error kinds

/// A compact, exact name for an error kind, as the manifest spells it: `unknownCountry`,
/// `invalidDate.dayOutOfRange`, `wrongFieldCount(expected:16,found:15)`, `missingColumn(host)`,
/// `duplicateID(DOC-014,firstLine:3)`, …
func kindName(_ kind: ImportError.Kind) -> String {
  switch kind {
  case .invalidRecord(let issue): issueName(issue)
  case .malformedCSV: "malformedCSV"
  case .wrongFieldCount(let expected, let found): "wrongFieldCount(expected:\(expected),found:\(found))"
  case .missingColumn(let name): "missingColumn(\(name))"
  case .duplicateColumn(let name): "duplicateColumn(\(name))"
  case .emptyFile: "emptyFile"
  case .unreadable: "unreadable"
  case .malformedJSON: "malformedJSON"
  case .invalidValue: "invalidValue"
  }
}

/// The name of a validation rule, as ``kindName(_:)`` spells it.
func issueName(_ issue: ValidationIssue) -> String {
  switch issue {
  case .emptyID: "emptyID"
  case .duplicateID(let id, let line): "duplicateID(\(id)" + (line.map { ",firstLine:\($0)" } ?? "") + ")"
  case .unknownCountry: "unknownCountry"
  case .invalidDate(let error):
    switch error {
    case .yearOutOfRange: "invalidDate.yearOutOfRange"
    case .monthOutOfRange: "invalidDate.monthOutOfRange"
    case .dayOutOfRange: "invalidDate.dayOutOfRange"
    case .dayWithoutMonth: "invalidDate.dayWithoutMonth"
    case .missingPart: "invalidDate.missingPart"
    case .unexpectedPart: "invalidDate.unexpectedPart"
    }
  case .futureDate: "futureDate"
  case .notANumber: "notANumber"
  case .invalidPersons(let error):
    switch error {
    case .negative: "invalidPersons.negative"
    case .missingValue: "invalidPersons.missingValue"
    case .valueWithUnknownQualifier: "invalidPersons.valueWithUnknownQualifier"
    }
  case .unknownCategory: "unknownCategory"
  case .unknownMode: "unknownMode"
  case .modeNotInCategory: "modeNotInCategory"
  case .unknownOutcome: "unknownOutcome"
  case .unknownDatePrecision: "unknownDatePrecision"
  case .unknownPersonsQualifier: "unknownPersonsQualifier"
  case .unknownEthnicGroup: "unknownEthnicGroup"
  case .unknownGender: "unknownGender"
  case .noEthnicGroup: "noEthnicGroup"
  case .invalidOtherEthnicGroup: "invalidOtherEthnicGroup"
  case .noSource: "noSource"
  case .invalidSource(let error):
    switch error {
    case .emptyTitle: "invalidSource.emptyTitle"
    case .invalidDate: "invalidSource.invalidDate"
    }
  case .emptyRequiredField: "emptyRequiredField"
  }
}
