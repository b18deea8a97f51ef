import Foundation
import Testing
import _TNRFuzzHarness

/// Replays the committed fuzzing seed corpora (`Tests/Fixtures/fuzz/<target>/`, and for FuzzCSV
/// the bad-input corpus `Tests/Fixtures/csv/`) through the fuzz targets' own checks, so every
/// `swift test` — and the sanitized runs in CI — rechecks every input a fuzzer ever kept or
/// crashed on. A broken check stops the test process with the failing input's checks' message.
@Suite("Fuzz corpora replay")
struct FuzzCorpusReplayTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func replay(_ directories: [String], _ run: ([UInt8]) -> Void) throws -> Int {
    var count = 0
    for directory in directories {
      for url in FuzzReplay.inputs(at: fixtures.appendingPathComponent(directory).path) {
        run(Array(try Data(contentsOf: url)))
        count += 1
      }
    }
    return count
  }

  @Test("FuzzCSV seeds and the bad-input corpus pass the CSV checks")
  func csv() throws {
    let count = try Self.replay(["fuzz/FuzzCSV", "csv/bad", "csv/tricky"], CSVFuzzHarness.run)
    #expect(count >= 95)
  }

  @Test("FuzzJSON seeds pass the JSON checks")
  func json() throws {
    #expect(try Self.replay(["fuzz/FuzzJSON"], JSONFuzzHarness.run) >= 9)
  }

  /// The test binary's directory, where `swift build` puts the Fuzz* programs too.
  static let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()

  @Test("FuzzCommandLine seeds pass the command-line checks (in a FuzzCommandLine process)")
  func commandLine() throws {
    // `tnr report --charts DIR` writes, so the replay runs in its own process whose working
    // directory is the fuzzer's scratch directory, never this one.
    let program = Self.binDirectory.appendingPathComponent("FuzzCommandLine")
    try #require(FileManager.default.isExecutableFile(atPath: program.path), "\(program.path) not built")
    let process = Process()
    process.executableURL = program
    process.arguments = [Self.fixtures.appendingPathComponent("fuzz/FuzzCommandLine").path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(text.contains("inputs replayed, every check held"), "\(text)")
  }

  @Test("command-line fuzzing confines paths to its scratch directory")
  func confinedPaths() throws {
    let scratch = CommandLineFuzzHarness.directory.path
    let arguments = try #require(
      CommandLineFuzzHarness.arguments(
        Array("validate\n/etc/passwd\n--incidents=../../x.csv\n--pairs\n/dev/zero\nevents.csv\n--format\njson\n".utf8)))
    #expect(arguments[0] == "validate")
    #expect(arguments[1] == "passwd")
    #expect(arguments[2] == "--incidents=\(scratch)/x.csv")
    let report = try #require(
      CommandLineFuzzHarness.arguments(Array("report\n--charts\ncharts\n--charts=/tmp/out\n--pairs\n..\n".utf8)))
    #expect(report == ["report", "--permutations", "100", "--charts", "\(scratch)/charts", "--charts=\(scratch)/out", "--pairs", "\(scratch)/_"])
    #expect(arguments[4] == "\(scratch)/zero")
    #expect(arguments[5] == "\(scratch)/events.csv")
    #expect(arguments[7] == "json")
    #expect(CommandLineFuzzHarness.arguments(Array("correlate\n--permutations\n99999\n".utf8)) == nil)
    #expect(
      CommandLineFuzzHarness.arguments(Array("report\n--format\njson\n".utf8))
        == ["report", "--permutations", "100", "--format", "json"])
    #expect(FileManager.default.fileExists(atPath: "\(scratch)/events.csv"))
  }
}
