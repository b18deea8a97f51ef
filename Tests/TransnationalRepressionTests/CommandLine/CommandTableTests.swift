import Foundation
import Testing

@testable import TNRCommandLine
@testable import TransnationalRepression

/// The command table: every command's help, its examples, usage errors made from the
/// declarations, and the docs' command reference, which must be the table's own text.
@Suite("Command table, help and the command reference")
struct CommandTableTests {
  @Test("tnr help COMMAND, COMMAND --help and -h print the same help: every option, its values, examples")
  func helpPerCommand() {
    for command in CommandTable.commands {
      let help = runTNR(["help", command.name])
      #expect(help.status == 0 && help.err.isEmpty, "\(command.name)")
      #expect(runTNR([command.name, "--help"]).out == help.out, "\(command.name)")
      #expect(runTNR([command.name, "-h"]).out == help.out, "\(command.name)")
      #expect(runTNR([command.name, "--format", "json", "--help"]).status == 0, "\(command.name)")
      #expect(help.out.hasPrefix("tnr \(command.name) — \(command.summary)"))
      for option in command.options {
        #expect(help.out.contains(option.synopsis), "\(command.name) \(option.name)")
        for choice in option.choices ?? [] {
          #expect(help.out.contains(choice), "\(command.name) \(option.name) \(choice)")
        }
      }
      #expect(!command.examples.isEmpty)
      for example in command.examples {
        #expect(help.out.contains("  " + example), "\(command.name)")
      }
    }
    let general = runTNR(["help"])
    for command in CommandTable.commands {
      #expect(general.out.contains("  " + command.name + " "), "\(command.name)")
    }
    #expect(general.out.contains("\(IncidentDataset.documentedSample.count) documented events"))
    #expect(runTNR(["help", "nope"]).status == 2)
  }

  @Test("tnr --version prints the version")
  func version() {
    let result = runTNR(["--version"])
    #expect(result.status == 0)
    #expect(result.out == "tnr \(TNRCommand.version)\n")
    #expect(TNRCommand.version.split(separator: ".").count == 3)
  }

  @Test("every example in the table runs and exits 0 (files named in it are made in a temporary folder)")
  func examplesRun() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-examples-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sample = IncidentCSV.write(IncidentDataset.documentedSample)
    try Data(sample.utf8).write(to: folder.appendingPathComponent("cases.csv"))
    // A file with a spreadsheet-style host column and no origin column.
    var lines = sample.split(separator: "\n").map(String.init)
    lines[0] = lines[0].replacingOccurrences(of: "id,origin,host,", with: "id,Country,")
    for index in lines.indices.dropFirst() {
      var fields = lines[index].split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
      fields.remove(at: 1)
      lines[index] = fields.joined(separator: ",")
    }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("export.csv"))
    try Data("label,x,y\na,1,2\nb,2,1\nc,3,4\nd,4,3\ne,5,6\n".utf8).write(to: folder.appendingPathComponent("pairs.csv"))
    // A spreadsheet-style file (issue 13's shape) and its saved mapping, for `tnr import`.
    try Data(contentsOf: Fixtures.url("import/issue-13-spreadsheet.csv"))
      .write(to: folder.appendingPathComponent("spreadsheet.csv"))
    try Data(contentsOf: Fixtures.url("import/issue-13-mapping.json"))
      .write(to: folder.appendingPathComponent("mapping.json"))
    // A per-country table for tnr model --table: the bundled sample's persons detained or
    // returned, UHRP's lower bound, China's share of PPG debt (rounded) and SCO membership.
    try Data(
      """
      country,returned,diaspora,debt_share,sco_member
      KZ,13,297000,0.0557,1
      Kyrgyzstan,3,60000,0.3922,1
      UZ,2,50000,0.1000,1
      TJ,0,10000,0.2754,1
      AF,16,2000,0,0
      TM,0,3000,0.0264,0
      IN,0,100,0,1
      PK,28,1500,0.2500,1
      TR,11,50000,0.0077,0
      EG,84,300,0.0552,0
      TH,559,200,0,0
      MN,0,,0.2150,0

      """.utf8
    ).write(to: folder.appendingPathComponent("countries.csv"))
    // Aggregate tables (synthetic figures): the canonical CSV and a published-style layout.
    try Data(contentsOf: Fixtures.url("aggregates/synthetic-canonical.csv"))
      .write(to: folder.appendingPathComponent("aggregates.csv"))
    try Data(contentsOf: Fixtures.url("aggregates/synthetic-fh-style-published-table.csv"))
      .write(to: folder.appendingPathComponent("published-table.csv"))
    for command in CommandTable.commands {
      for example in command.examples {
        let words = example.split(separator: " ").map(String.init)
        let cut = words.firstIndex(of: ">") ?? words.endIndex
        let arguments = words[1..<cut].map { word in
          [
            "cases.csv", "export.csv", "pairs.csv", "charts", "spreadsheet.csv", "mapping.json", "countries.csv",
            "aggregates.csv", "published-table.csv",
          ].contains(word)
            ? folder.appendingPathComponent(word).path : word
        }
        let result = runTNR(Array(arguments))
        #expect(result.status == 0, "\(example): \(result.err)")
        #expect(!result.out.isEmpty, "\(example)")
      }
    }
  }

  @Test("a single-valued option given twice is a usage error, for every such option of every command")
  func repeatedOptions() {
    for command in CommandTable.commands {
      let positionals = command.positionals.map { _ in "file.csv" }
      let required = command.options.filter(\.isRequired).flatMap { ["--\($0.name)", $0.choices?.first ?? "x"] }
      for option in command.options where !option.isRepeatable {
        let value = option.choices?.first ?? option.range.map { String($0.lowerBound) } ?? "x"
        let once = option.isFlag ? ["--\(option.name)"] : ["--\(option.name)", value]
        let arguments = [command.name] + positionals + (option.isRequired ? [] : required) + once + once
        let result = runTNR(arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.err.contains("--\(option.name) was given twice"), "\(arguments): \(result.err)")
        #expect(result.out.isEmpty)
      }
    }
  }

  // MARK: - The docs carry the table's text

  static let checkout = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The text between `<!-- BEGIN name -->` and `<!-- END name -->` in a file.
  static func generatedBlock(_ name: String, in relativePath: String) throws -> String {
    let text = try String(contentsOf: checkout.appendingPathComponent(relativePath), encoding: .utf8)
    let begin = try #require(text.range(of: "<!-- BEGIN \(name) -->\n"), "\(relativePath)")
    let end = try #require(text.range(of: "<!-- END \(name) -->", range: begin.upperBound..<text.endIndex))
    return String(text[begin.upperBound..<end.lowerBound])
  }

  /// Compares a block with the generated text; with `TNR_UPDATE_DOCS=1` in the environment the
  /// file is rewritten instead (then review the diff and commit it).
  static func expectBlock(_ name: String, in relativePath: String, equals generated: String) throws {
    let current = try generatedBlock(name, in: relativePath)
    if current != generated, ProcessInfo.processInfo.environment["TNR_UPDATE_DOCS"] == "1" {
      let url = checkout.appendingPathComponent(relativePath)
      let text = try String(contentsOf: url, encoding: .utf8)
      let begin = "<!-- BEGIN \(name) -->\n"
      let end = "<!-- END \(name) -->"
      try text.replacingOccurrences(of: begin + current + end, with: begin + generated + end)
        .write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(current == generated, "\(relativePath) differs from the command table; run TNR_UPDATE_DOCS=1 swift test --filter CommandTableTests")
  }

  @Test("the README's command synopses and the DocC Command line article are the table's text")
  func docsMatchTable() throws {
    let synopses = "```\n" + CommandTable.commands.map(HelpText.synopsis).joined(separator: "\n") + "\n```\n"
    try Self.expectBlock("tnr-synopsis", in: "README.md", equals: synopses)
    try Self.expectBlock(
      "tnr-reference", in: "Documentation/TransnationalRepression.docc/CommandLine.md",
      equals: HelpText.markdownReference)
  }
}
