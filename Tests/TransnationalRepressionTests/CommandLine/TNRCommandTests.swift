import Foundation
import TNRCommandLine
import Testing

@testable import TransnationalRepression

/// `tnr validate` and `tnr report`, driven in process through ``TNRCommand/run(arguments:console:)``.
@Suite("tnr command line")
struct TNRCommandTests {

  /// A fresh directory for one test's files.
  static func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("tnr-cli-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// The bundled sample written to a temporary CSV file.
  static func sampleFile(in directory: URL) throws -> URL {
    let url = directory.appendingPathComponent("documented-events.csv")
    try IncidentCSV.write(IncidentDataset.documentedSample, to: url)
    return url
  }

  /// Three rows of the sample, with an unknown country on line 3 and 30 February on line 4.
  static func badFile(in directory: URL) throws -> URL {
    let lines = IncidentCSV.write(IncidentDataset.documentedSample).split(separator: "\n").map(String.init)
    let text = [
      lines[0], lines[1],
      lines[2].replacingOccurrences(of: "DOC-002,CN,KZ", with: "DOC-902,CN,XX"),
      lines[3].replacingOccurrences(of: "DOC-003,CN,NP,2002,,,year", with: "DOC-903,CN,NP,2021,2,30,day"),
      lines[4],
    ].joined(separator: "\n") + "\n"
    let url = directory.appendingPathComponent("bad.csv")
    try Data(text.utf8).write(to: url)
    return url
  }

  // MARK: - validate

  @Test("validate exits 0 on the bundled sample")
  func validateSample() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = try Self.sampleFile(in: directory)
    let result = runTNR(["validate", url.path])
    #expect(result.status == 0, "\(result.out)\(result.err)")
    #expect(result.out.contains("81 rows, 81 accepted, 0 rejected"))
    #expect(result.err.isEmpty)
  }

  /// The committed copy of the shared data's `documented-events.csv` (byte-identical to it: see
  /// `SharedDataCopyTests`), as a user would pass a file of their own.
  @Test("validate exits 0 on the committed documented-events.csv")
  func validateSharedData() {
    let path = Fixtures.bundledResources.appendingPathComponent("documented-events.csv").path
    let result = runTNR(["validate", path])
    #expect(result.status == 0, "\(result.out)\(result.err)")
    #expect(result.out.contains("81 rows, 81 accepted, 0 rejected"))
    let json = runTNR(["validate", path, "--format", "json"])
    #expect(json.status == 0)
    let object = try? JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
    #expect(object?["rows"] as? Int == 81)
    #expect(object?["accepted"] as? Int == 81)
    #expect((object?["rejected"] as? [Any])?.isEmpty == true)
  }

  @Test("validate exits 1 and names each rejected line in text mode")
  func validateRejectsText() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = try Self.badFile(in: directory)

    let lenient = runTNR(["validate", url.path, "--lenient"])
    #expect(lenient.status == 1)
    #expect(lenient.out.contains("\(url.path): line 3, column 3 (host), record DOC-902: 'XX' is not an ISO 3166-1 country code"))
    #expect(lenient.out.contains("\(url.path): line 4, column 6 (day), record DOC-903: impossible date"))
    #expect(lenient.out.contains("4 rows, 2 accepted, 2 rejected"))

    // Without --lenient only the first rejection is listed, and the rest are counted.
    let strict = runTNR(["validate", url.path])
    #expect(strict.status == 1)
    #expect(strict.out.contains("line 3"))
    #expect(!strict.out.contains("line 4"))
    #expect(strict.out.contains("1 more rejected row (use --lenient"))
    #expect(strict.out.contains("4 rows, 2 accepted, 2 rejected"))
  }

  @Test("validate --lenient --format json gives rows, accepted and every rejected row")
  func validateRejectsJSON() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = try Self.badFile(in: directory)
    let result = runTNR(["validate", url.path, "--lenient", "--format", "json"])
    #expect(result.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(object["rows"] as? Int == 4)
    #expect(object["accepted"] as? Int == 2)
    let rejected = try #require(object["rejected"] as? [[String: Any]])
    #expect(rejected.count == 2)
    #expect(rejected.map { $0["line"] as? Int } == [3, 4])
    #expect(rejected.allSatisfy { Set($0.keys) == ["line", "reason", "raw"] })
    #expect((rejected[0]["reason"] as? String)?.contains("'XX' is not an ISO 3166-1 country code") == true)
    #expect((rejected[0]["raw"] as? String)?.hasPrefix("DOC-902,CN,XX,1999,2,11,day,") == true)
    #expect((rejected[1]["raw"] as? String)?.hasPrefix("DOC-903,CN,NP,2021,2,30,day,") == true)
    #expect(object["error"] == nil)
  }

  @Test("validate reports a file-level error with exit 1 in both formats")
  func validateFileError() throws {
    let empty = CorpusManifest.url("bad/empty-file.csv").path
    let text = runTNR(["validate", empty])
    #expect(text.status == 1)
    #expect(text.out.isEmpty)
    #expect(text.err.contains("line 1: no header on line 1 (the file is empty or starts with a blank line)"))
    let json = runTNR(["validate", empty, "--format", "json", "--lenient"])
    #expect(json.status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let error = try #require(object["error"] as? [String: Any])
    #expect(error["line"] as? Int == 1)
    #expect(object["rows"] as? Int == 0)

    let missing = runTNR(["validate", "/nonexistent/\(UUID().uuidString).csv"])
    #expect(missing.status == 1)
    #expect(missing.out.isEmpty)
    #expect(missing.err.contains("cannot be read"))
  }

  @Test(
    "usage errors exit 2",
    arguments: [
      [], ["validate"], ["validate", "a.csv", "b.csv"], ["validate", "a.csv", "--strict"],
      ["validate", "a.csv", "--format", "xml"], ["validate", "a.csv", "--format"],
      ["validate", "a.csv", "--lenient=yes"], ["validate", "a.csv", "--map", "nosuchfield=x"],
      ["validate", "a.csv", "--map", "host"], ["frobnicate"], ["report", "extra"],
      ["report", "--format", "pdf"],
    ])
  func usageErrors(_ arguments: [String]) {
    let result = runTNR(arguments)
    #expect(result.status == 2, "\(arguments): \(result.out)\(result.err)")
    #expect(!result.err.isEmpty)
    #expect(result.out.isEmpty)
  }

  @Test("help exits 0 and prints the usage")
  func help() {
    let result = runTNR(["help"])
    #expect(result.status == 0)
    #expect(result.out == TNRCommand.usage)
  }

  @Test("validate never crashes on a corpus file and agrees with the manifest", arguments: CorpusManifest.names)
  func validateCorpus(_ name: String) throws {
    let entry = try #require(try CorpusManifest.load().files[name])
    let path = CorpusManifest.url(name).path
    // `tnr validate` checks dates against the real clock, so a future-date file's status depends
    // on when the test runs; every other file's status is fixed.
    let dependsOnClock = entry.lenient?.rejected.contains { $0.kind == "futureDate" } ?? false
    let expected: Int32 = entry.fileError != nil || entry.lenient?.rejected.isEmpty == false ? 1 : 0
    for extra in [[], ["--lenient"], ["--format", "json"], ["--lenient", "--format", "json"]] {
      let result = runTNR(["validate", path] + extra)
      #expect(result.status == 0 || result.status == 1, "\(name) \(extra)")
      if !dependsOnClock {
        #expect(result.status == expected, "\(name) \(extra): \(result.out)")
      }
      if extra.contains("json") {
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect(object != nil, "\(name)")
        if let lenient = entry.lenient, !dependsOnClock {
          #expect(object?["rows"] as? Int == lenient.dataRows, "\(name)")
          #expect(object?["accepted"] as? Int == lenient.accepted, "\(name)")
        }
      } else if let first = entry.fileError ?? entry.lenient?.rejected.first, !dependsOnClock {
        // A file that cannot be used is an error (standard error); rejected rows are the output.
        let printed = entry.fileError != nil ? result.err : result.out
        #expect(printed.contains("line \(first.line)"), "\(name): \(printed)")
      }
    }
  }

  // MARK: - report

  @Test("report exits 0 and says the sample is a SAMPLE")
  func report() {
    let result = runTNR(["report"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("SAMPLE"))
    #expect(result.out.contains("81 documented events"))
    let markdown = runTNR(["report", "--format", "markdown"])
    #expect(markdown.status == 0)
    #expect(markdown.out.contains("SAMPLE"))
  }

  @Test("report on a file given with --incidents does not call it the sample")
  func reportOnFile() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = try Self.sampleFile(in: directory)
    let result = runTNR(["report", "--incidents", url.path])
    #expect(result.status == 0, "\(result.err)")
    #expect(!result.out.contains("SAMPLE"))
    let bad = runTNR(["report", "--incidents", try Self.badFile(in: directory).path])
    #expect(bad.status == 1)
    #expect(bad.err.contains("line 3"))
  }
}
