import Foundation
import Testing

@testable import TNRCommandLine
@testable import TransnationalRepression

/// `tnr count`, `report`, `correlate` and `validate` read `--incidents FILE` through the
/// columnar import; these tests run every command both ways — columns (the default) and the
/// record reader (`IncidentInput.$engine` set to `.records`, the path the commands took before)
/// — and require the same standard output, standard error and exit status, on the bad-input
/// corpus, the tricky corpus, the import corpus and seeded synthetic files.
@Suite("tnr commands on the columnar path")
struct ColumnarCommandTests {
  /// What one run of `tnr` printed and returned.
  struct Outcome: Equatable, CustomStringConvertible {
    let status: Int32
    let standardOutput: String
    let standardError: String
    var description: String { "exit \(status)\n--- stdout\n\(standardOutput)\n--- stderr\n\(standardError)" }
  }

  static func run(_ arguments: [String], engine: IncidentInput.Engine) -> Outcome {
    IncidentInput.$engine.withValue(engine) {
      let recording = RecordingConsole()
      let status = TNRCommand.run(arguments: arguments, console: recording.console)
      return Outcome(
        status: status, standardOutput: recording.standardOutput,
        standardError: recording.standardError)
    }
  }

  /// The command lines run on one incident file.
  static func commandLines(_ path: String) -> [[String]] {
    [
      ["validate", path, "--today", "2026-11-23"],
      ["validate", path, "--lenient", "--format", "json", "--today", "2026-11-23"],
      ["count", "--incidents", path, "--by", "host,category"],
      ["count", "--incidents", path, "--by", "year,ethnic_group", "--measure", "persons", "--format", "json"],
      ["report", "--incidents", path, "--permutations", "99"],
      ["correlate", "--incidents", path, "--format", "json"],
    ]
  }

  /// Runs every command line on `path` both ways; returns how many differed (each one recorded).
  static func compareEngines(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    var differing = 0
    for arguments in commandLines(path) {
      let columns = run(arguments, engine: .columns)
      let records = run(arguments, engine: .records)
      if columns != records {
        differing += 1
        Issue.record(
          "\(arguments.joined(separator: " ")):\ncolumns: \(columns)\nrecords: \(records)",
          sourceLocation: sourceLocation)
      }
    }
    return differing
  }

  static func csvFiles(_ directory: String) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(
      at: Fixtures.url(directory), includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "csv" }.sorted { $0.path < $1.path }
  }

  @Test("the record engine is the one a test selects, and columns are the default")
  func engineSelection() {
    #expect(IncidentInput.engine == .columns)
    #expect(IncidentInput.$engine.withValue(.records) { IncidentInput.engine } == .records)
  }

  @Test("the bad-input corpus: identical output, errors and exit status both ways")
  func badCorpus() throws {
    let files = try Self.csvFiles("csv/bad")
    #expect(files.count > 50)
    for file in files { _ = Self.compareEngines(file.path) }
  }

  @Test("the tricky corpus: identical output both ways")
  func trickyCorpus() throws {
    let files = try Self.csvFiles("csv/tricky")
    #expect(files.count > 20)
    for file in files { _ = Self.compareEngines(file.path) }
  }

  @Test("the import corpus: identical output both ways")
  func importCorpus() throws {
    let files = try Self.csvFiles("import/corpus")
    #expect(files.count > 30)
    for file in files { _ = Self.compareEngines(file.path) }
  }

  /// A seeded synthetic file in the canonical schema (notes, sources, names quoted where
  /// needed), with `broken` rows spoiled: a repeated id, an unknown country, a bad date.
  static func syntheticFile(seed: UInt64, count: Int, broken: Bool, in directory: URL) throws -> URL {
    let dataset = SyntheticIncidents(seed: seed).dataset(count: count)
    var lines = IncidentCSV.write(dataset, names: .include).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    if broken {
      var random = TestRandom(seed: seed)
      for _ in 0..<5 {
        let row = 1 + Int(random.next() % UInt64(count))
        switch random.next() % 3 {
        case 0: lines[row] = lines[1 + Int(random.next() % UInt64(count))]  // a repeated id
        case 1:
          var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
          fields[2] = "ZZ"
          lines[row] = fields.joined(separator: ",")
        default:
          var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
          fields[4] = "13"
          lines[row] = fields.joined(separator: ",")
        }
      }
    }
    let url = directory.appendingPathComponent("synthetic-\(seed)-\(broken).csv")
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test("seeded synthetic files, clean and spoiled: identical output both ways", arguments: [1, 2, 3] as [UInt64])
  func synthetic(seed: UInt64) throws {
    let directory = try TNRCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for broken in [false, true] {
      let url = try Self.syntheticFile(seed: seed, count: 3_000, broken: broken, in: directory)
      // The canonical header keeps the columnar import on its own path (no record reader).
      let head = try String(contentsOf: url, encoding: .utf8).prefix { $0 != "\n" }
      #expect(!ColumnMapping.canonical.needsRecordReader(header: head.split(separator: ",").map(String.init)))
      #expect(Self.compareEngines(url.path) == 0, "seed \(seed), spoiled \(broken)")
      // The clean file is accepted whole: the comparison covered real counts, not two errors.
      if !broken {
        let outcome = Self.run(["count", "--incidents", url.path, "--by", "host"], engine: .columns)
        #expect(outcome.status == 0 && outcome.standardOutput.contains("Data: 3000 records."))
      }
    }
  }

  @Test("the report from columns equals the report from records, field by field")
  func reportFromColumns() throws {
    for dataset in [IncidentDataset.documentedSample, SyntheticIncidents(seed: 7).dataset(count: 5_000)] {
      var options = AnalysisReport.Options()
      options.permutations = 99
      let records = try AnalysisReport(dataset: dataset, isSample: false, options: options)
      let columns = try AnalysisReport(
        imported: ColumnImportResult(dataset, report: ImportReport()), isSample: false, options: options)
      #expect(columns.recordCount == dataset.count)
      #expect(columns.originStates == Set(dataset.map(\.origin)).count)
      #expect(records.originStates == columns.originStates)
      #expect(columns.summary == records.summary)
      #expect(columns.comparison == records.comparison)
      #expect(columns.byMode == records.byMode)
      #expect(columns.text(markdown: false) == records.text(markdown: false))
      #expect(try columns.json() == records.json())
    }
  }

  @Test("the months of a columnar import are the records' months")
  func months() throws {
    let dataset = SyntheticIncidents(seed: 11).dataset(count: 4_000)
    let text = IncidentCSV.write(dataset, names: .include)
    let imported = try IncidentColumns.read(text: text, threads: 2)
    #expect(imported.months == dataset.map { UInt8($0.date.month ?? 0) })
    #expect(imported.months.contains(0) && imported.months.contains(12))
  }
}
