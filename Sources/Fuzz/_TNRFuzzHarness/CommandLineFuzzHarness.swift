import Foundation
import TNRCommandLine
import TransnationalRepression

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The checks run on every input of the `FuzzCommandLine` target (and on its committed seed
/// corpus by the test suite). Test support, not API.
///
/// The input is split at line feeds into `tnr` arguments and run through
/// `TNRCommand.run(arguments:console:)` with a ``RecordingConsole``. The command must return 0,
/// 1 or 2, and say why on its console when it fails.
///
/// ## No real files
///
/// `tnr` reads files (and `tnr report --charts DIR` writes some), and the fuzzer must touch no
/// real one (a `/dev/zero` would never end). So the value of every path option (`--incidents`,
/// `--creditors`, `--pairs`, `--charts`) becomes a name inside a scratch directory, every other
/// argument loses its directories (`/etc/passwd` becomes `passwd`), and every argument with a dot
/// in it — every file name the commands would open — becomes a path inside the scratch
/// directory, which holds a few corpus files: `events.csv` (the bundled sample), `events.json`,
/// `bad.csv`, `bench.csv` (gen.py's shape), `pairs.csv`, `creditors.csv` and `notes.txt`. The
/// `FuzzCommandLine` program (fuzzer or replayer) also makes that directory its working
/// directory, so that any other name resolves there too (pass it absolute paths); the test suite
/// therefore replays this corpus in a `FuzzCommandLine` process.
///
/// To keep runs short, inputs asking for more than 2,000 permutations are skipped, and `tnr
/// report` without `--permutations` is given 100 (instead of its default 9,999).
public enum CommandLineFuzzHarness {
  /// The scratch directory with the files the arguments may name.
  public static let directory: URL = {
    let url = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("tnr-fuzz-cli-\(getpid())", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      TemporaryPaths.register(url.path)
      for (name, contents) in files() {
        try Data(contents.utf8).write(to: url.appendingPathComponent(name))
      }
    } catch {
      fail("cannot create the scratch directory \(url.path): \(error)")
    }
    return url
  }()

  /// Makes ``directory`` the working directory (for the fuzzer process only: the test suite
  /// must not change its own working directory).
  public static func enterScratchDirectory() {
    guard FileManager.default.changeCurrentDirectoryPath(directory.path) else {
      fail("cannot enter \(directory.path)")
    }
  }

  /// The arguments `tnr` receives for an input: split at line feeds, directories removed, names
  /// with a dot moved into ``directory``. `nil` for inputs that are skipped.
  public static func arguments(_ bytes: [UInt8]) -> [String]? {
    let text = String(decoding: bytes, as: UTF8.self)
    var arguments = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if arguments.last == "" { arguments.removeLast() }
    var confined: [String] = []
    var isPath = false
    for argument in arguments {
      if isPath {
        confined.append(directory.appendingPathComponent(baseName(argument)).path)
      } else if let equals = argument.firstIndex(of: "="),
        pathOptions.contains(String(argument[..<equals]))
      {
        confined.append(
          String(argument[...equals])
            + directory.appendingPathComponent(baseName(String(argument[argument.index(after: equals)...]))).path)
      } else {
        confined.append(confine(argument))
      }
      isPath = pathOptions.contains(argument)
    }
    arguments = confined
    for (index, argument) in arguments.enumerated() where argument.contains("permutations") {
      var value = argument.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init)
      if value == nil, index + 1 < arguments.count { value = arguments[index + 1] }
      if let value, let number = Int(value), number > 2_000 { return nil }
    }
    // `tnr report` runs 9,999 permutations by default (a quarter of a second here); unless the
    // input asks for a number, it gets 100, so the fuzzer spends its time on new inputs.
    if arguments.first == "report", !arguments.contains(where: { $0.contains("permutations") }) {
      arguments.insert(contentsOf: ["--permutations", "100"], at: 1)
    }
    return arguments
  }

  /// The options whose value is a file or directory (`--charts DIR` is written to).
  static let pathOptions: Set<String> = [
    "--incidents", "--creditors", "--pairs", "--charts",
  ]

  /// The last component of a path, never empty, `.` or `..`.
  static func baseName(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? ""
    return name.isEmpty || name == "." || name == ".." ? "_" : name
  }

  /// An argument with any path confined to ``directory``: directories dropped, and a name with a
  /// dot (a file name) moved into ``directory``.
  static func confine(_ argument: String) -> String {
    if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
      return String(argument[...equals]) + confine(String(argument[argument.index(after: equals)...]))
    }
    var name = argument
    if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
    if name.contains(".") && !name.hasPrefix("-") && name != "." && name != ".." {
      return directory.appendingPathComponent(name).path
    }
    return name
  }

  /// Runs every check on one input.
  public static func run(_ bytes: [UInt8]) {
    _ = directory
    guard let arguments = arguments(bytes) else { return }
    let recording = RecordingConsole()
    let status = TNRCommand.run(arguments: arguments, console: recording.console)
    let out = recording.standardOutput
    let err = recording.standardError
    switch status {
    case 0:
      // Progress notes (`tnr report: reading …`) may go to standard error; errors may not.
      check(
        !err.split(separator: "\n").contains { $0.hasPrefix("tnr: ") },
        "success with an error message: \(arguments) → \(err)")
    case 1:
      check(!out.isEmpty || !err.isEmpty, "exit 1 without saying why: \(arguments)")
      check(!err.contains("Run `tnr help`"), "exit 1 with a usage message: \(arguments) → \(err)")
    case 2:
      check(err.hasPrefix("tnr") && !err.isEmpty, "usage error without a message: \(arguments)")
      check(out.isEmpty, "usage error with output: \(arguments)")
    default:
      fail("exit status \(status) for \(arguments)")
    }
  }

  /// The scratch files: corpus files the commands can read.
  static func files() -> [(String, String)] {
    let sample = IncidentDataset.documentedSample
    let events = IncidentCSV.write(sample)
    let json = (try? IncidentJSON.write(sample)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    let badLines = events.split(separator: "\n", omittingEmptySubsequences: false)
    var bad = badLines.prefix(4).joined(separator: "\n") + "\n"
    bad += "DOC-999,CN,XX,2020,,,year,detention,detention,,unknown,Uyghur,Title,,,\n"
    bad += "\"unterminated,CN,TR,2020\n"
    let bench = """
      id,kind,host_country_iso2,year
      1,intimidation,TR,2015
      2,detention,EG,2017
      3,extradition,TH,2015
      4,detention,AE,2019

      """
    let pairs = """
      label,x,y
      a,1,2
      b,2,4.5
      c,3,1e1
      d,4,-3
      e,5,5

      """
    let creditors = """
      country,year,china_share_total,china_largest_bilateral,source
      PK,2024,0.31,1,made up
      KG,2024,0.4,1,made up
      TR,2024,0.01,0,made up
      EG,2024,0.05,0,made up
      TH,2024,0.02,0,made up

      """
    return [
      ("events.csv", events), ("events.json", json), ("bad.csv", bad), ("bench.csv", bench),
      ("pairs.csv", pairs), ("creditors.csv", creditors), ("notes.txt", "not a CSV file\n"),
    ]
  }
}
