import Foundation
import Testing

@testable import TNRCommandLine
@testable import TransnationalRepression

/// `--input-format csv|json` and JSON incident files on the command line.
@Suite("tnr --input-format")
struct InputFormatTests {
  @Test("a JSON file under another extension is read with --input-format json; lenient validate lists its bad records")
  func jsonUnderAnotherName() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-input-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("export.txt")
    try IncidentJSON.write(.documentedSample).write(to: file)
    let counted = runTNR(["count", "--incidents", file.path, "--by", "host", "--input-format", "json"])
    #expect(counted.status == 0, "\(counted.err)")
    let expected = runTNR(["count", "--by", "host"])
    #expect(counted.out.split(separator: "\n").suffix(5) == expected.out.split(separator: "\n").suffix(5))
    // Read as CSV (the default for .txt), the same file is not a canonical CSV.
    let asCSV = runTNR(["count", "--incidents", file.path, "--by", "host"])
    #expect(asCSV.status == 1)
    // validate: a bad record in a .txt JSON file is reported with its record index and place.
    var text = String(decoding: try IncidentJSON.write(.documentedSample), as: UTF8.self)
    text = text.replacingOccurrences(of: "\"host\" : \"PK\"", with: "\"host\" : \"XX\"")
    try Data(text.utf8).write(to: file)
    let validated = runTNR([
      "validate", file.path, "--input-format", "json", "--lenient", "--today", "2026-11-23",
    ])
    #expect(validated.status == 1)
    #expect(validated.out.contains("].host), record DOC-"), "\(validated.out)")
    let bad = runTNR(["validate", file.path, "--input-format", "xml"])
    #expect(bad.status == 2)
  }
}
