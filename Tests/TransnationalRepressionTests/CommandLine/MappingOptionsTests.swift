import Foundation
import Testing

@testable import TNRCommandLine
@testable import TransnationalRepression

/// Every command that reads incident files takes the mapping options and `--lenient`, declared
/// once in the command table.
@Suite("Mapping options on every command")
struct MappingOptionsTests {
  static let corpus = "import/corpus/"
  static let base = [
    "--map", "id=Case ID", "--map", "host=Country", "--map", "date=Date", "--map", "kind=Type",
    "--map", "persons=Number of people", "--map", "source_title=Source", "--default", "origin=CN",
    "--default", "ethnic_groups=Uyghur", "--value", "kind:Deportation=extradition/deportation",
  ]

  @Test("validate, count, report, correlate, model and import declare the same mapping options")
  func declaredOnce() {
    let names = OptionSpec.mappingOptions.map(\.name)
    #expect(names == ["map", "default", "value", "date-order", "mapping", "delimiter", "encoding", "generate-ids", "allow-other-groups"])
    for command in ["validate", "count", "report", "correlate", "model", "import"] {
      let spec = CommandTable.command(named: command)!
      for option in OptionSpec.mappingOptions {
        #expect(spec.option(option.name) == option, "\(command) --\(option.name)")
      }
      #expect(spec.option("lenient") != nil, "\(command) --lenient")
    }
  }

  @Test("tnr count reads a spreadsheet through --map/--default/--value")
  func countThroughMapping() throws {
    let path = Fixtures.url(Self.corpus + "country-names-common.csv").path
    let result = runTNR(["count", "--incidents", path, "--by", "host", "--format", "csv"] + Self.base)
    #expect(result.status == 0, "\(result.err)")
    // Thailand, Turkey, Egypt, Kazakhstan: one each.
    for code in ["TH", "TR", "EG", "KZ"] { #expect(result.out.contains("\(code),1"), "\(result.out)") }
  }

  @Test("count without --lenient stops at a rejected row; with it, counts the valid rows and lists the rejected")
  func countLenient() throws {
    let path = Fixtures.url(Self.corpus + "kind-label-unmapped.csv").path
    let strict = runTNR(["count", "--incidents", path, "--by", "host", "--format", "csv"] + Self.base)
    #expect(strict.status == 1)
    #expect(strict.err.contains("'Abduction' is not a label the mapping knows for kind"), "\(strict.err)")
    let lenient = runTNR(
      ["count", "--incidents", path, "--by", "host", "--format", "csv", "--lenient"] + Self.base)
    #expect(lenient.status == 0, "\(lenient.err)")
    #expect(lenient.out.contains("TH,1"), "\(lenient.out)")
    #expect(lenient.err.contains("3 rows, 1 accepted, 2 rejected"), "\(lenient.err)")
    #expect(lenient.err.contains("A3,TH,2015,Kidnapping,1,S"), "\(lenient.err)")
  }

  @Test("validate takes --mapping and --value like import")
  func validateWithMappingFile() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("tnr-mapping-options-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let mappingFile = directory.appendingPathComponent("mapping.json")
    let printed = runTNR(["import", "unread.csv", "--print-mapping"] + Self.base)
    #expect(printed.status == 0)
    try Data(printed.out.utf8).write(to: mappingFile)
    let path = Fixtures.url(Self.corpus + "kind-label-unmapped.csv").path
    let result = runTNR([
      "validate", path, "--mapping", mappingFile.path, "--lenient", "--today", "2026-11-23",
    ])
    #expect(result.status == 1)
    #expect(result.out.contains("3 rows, 1 accepted, 2 rejected"), "\(result.out)")
    let fixed = runTNR([
      "validate", path, "--mapping", mappingFile.path, "--today", "2026-11-23",
      "--value", "kind:Abduction=intimidation", "--value", "kind:Kidnapping=intimidation",
    ])
    #expect(fixed.status == 0, "\(fixed.out)\(fixed.err)")
  }

  @Test("report and correlate accept the mapping options")
  func reportAndCorrelate() {
    let path = Fixtures.url(Self.corpus + "country-names-common.csv").path
    let correlate = runTNR(["correlate", "--incidents", path, "--format", "json"] + Self.base)
    #expect(correlate.status == 0, "\(correlate.err)")
    let report = runTNR(["report", "--incidents", path, "--quiet", "--permutations", "9", "--format", "json"] + Self.base)
    #expect(report.status == 0, "\(report.err)")
  }
}
