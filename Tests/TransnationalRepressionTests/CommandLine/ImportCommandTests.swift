import Foundation
import Testing

@testable import TNRCommandLine
@testable import TransnationalRepression

/// `tnr import`: spreadsheet in, canonical schema out, report on standard error.
@Suite("tnr import")
struct ImportCommandTests {
  /// The one command of issue 13's 15-row example.
  static let issueFlags = [
    "--map", "id=Case ID", "--map", "host=Country", "--map", "date=Date", "--map", "kind=Type",
    "--map", "persons=Number of people", "--map", "source_title=Source",
    "--default", "origin=CN", "--default", "ethnic_groups=Uyghur",
    "--value", "kind:Deportation=extradition/deportation",
    "--value", "kind:Extradition=extradition/extradition",
    "--value", "kind:Detention=detention",
    "--value", "kind:Surveillance=intimidation/surveillance",
    "--value", "kind:Threats=intimidation/threat",
    "--value", "kind:Threats to family=intimidation/threats_to_family",
    "--value", "kind:Assault=intimidation/physical_assault",
  ]

  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-import-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test("issue 13's 15-row spreadsheet goes in with one command, as the sample's canonical rows")
  func issueExample() throws {
    let path = Fixtures.url("import/issue-13-spreadsheet.csv").path
    let result = runTNR(["import", path] + Self.issueFlags + ["--today", "2026-11-23"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.hasSuffix("15 rows, 15 accepted, 0 rejected\n"), "\(result.err)")
    let imported = try IncidentCSV.read(text: result.out, today: CalendarDay(year: 2026, month: 11, day: 23)!)
    #expect(imported.dataset.count == 15)
    let sample = Dictionary(uniqueKeysWithValues: IncidentDataset.documentedSample.map { ($0.id, $0) })
    for incident in imported.dataset {
      let original = try #require(sample[incident.id], "\(incident.id)")
      // Every field the spreadsheet carries, and the two given by --default.
      #expect(incident.origin == original.origin, "\(incident.id)")
      #expect(incident.host == original.host, "\(incident.id)")
      #expect(incident.date == original.date, "\(incident.id)")
      #expect(incident.date.precision == original.date.precision, "\(incident.id)")
      #expect(incident.kind == original.kind, "\(incident.id)")
      #expect(incident.persons == original.persons, "\(incident.id)")
      #expect(incident.ethnicGroups == original.ethnicGroups, "\(incident.id)")
      #expect(incident.sources.first?.title == original.sources.first?.title, "\(incident.id)")
    }
  }

  @Test("--print-mapping writes the JSON that --mapping reads; flags override the file")
  func savedMapping() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let printed = runTNR(["import", "unused.csv", "--print-mapping", "--date-order", "dmy"] + Self.issueFlags)
    #expect(printed.status == 0, "\(printed.err)")
    #expect(printed.out.contains("\"date\" : \"Date\""))
    #expect(printed.out.contains("\"date_order\" : \"dmy\""))
    let mappingURL = folder.appendingPathComponent("mapping.json")
    try Data(printed.out.utf8).write(to: mappingURL)
    let decoded = try JSONDecoder().decode(ColumnMapping.self, from: Data(printed.out.utf8))
    #expect(decoded.dateOrder == .dmy && decoded.kindColumn == "Type" && decoded.columns[.host] == "Country")

    let path = Fixtures.url("import/issue-13-spreadsheet.csv").path
    let viaFile = runTNR(["import", path, "--mapping", mappingURL.path])
    let viaFlags = runTNR(["import", path] + Self.issueFlags)
    #expect(viaFile.status == 0 && viaFile.out == viaFlags.out, "\(viaFile.err)")
    // A flag beside --mapping wins: origin KZ instead of the file's CN.
    let overridden = runTNR(["import", path, "--mapping", mappingURL.path, "--default", "origin=KZ"])
    #expect(overridden.status == 0)
    let records = try IncidentCSV.read(text: overridden.out)
    #expect(records.dataset.allSatisfy { $0.origin == Country("KZ")! })
  }

  @Test("a rejected row: exit 1; strict writes nothing, --lenient writes the accepted rows")
  func rejectedRows() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("cases.csv")
    try Data(
      """
      Case ID,Country,Date,Type,Number of people,Source
      A1,Thailand,2015-07-09,Deportation,about 4,HRW
      A2,Congo,2015,Deportation,1,X
      A3,Turkey,09/07/2015,Deportation,1,X

      """.utf8
    ).write(to: file)
    let strict = runTNR(["import", file.path] + Self.issueFlags)
    #expect(strict.status == 1)
    #expect(strict.out.isEmpty)
    #expect(strict.err.contains("line 3, column 2 (Country)"))
    let lenient = runTNR(["import", file.path, "--lenient"] + Self.issueFlags)
    #expect(lenient.status == 1)
    #expect(try IncidentCSV.read(text: lenient.out).dataset.map(\.id) == ["A1"])
    #expect(lenient.err.contains("could be more than one country"))
    #expect(lenient.err.contains("--date-order"))
    #expect(lenient.err.contains("    A2,Congo,2015,Deportation,1,X\n"))
    #expect(lenient.err.hasSuffix("3 rows, 1 accepted, 2 rejected\n"))
    let ordered = runTNR(["import", file.path, "--lenient", "--date-order", "dmy"] + Self.issueFlags)
    #expect(try IncidentCSV.read(text: ordered.out).dataset.map(\.id) == ["A1", "A3"])
  }

  @Test("--output writes CSV or JSON; a file that cannot be read is exit 1; usage is exit 2")
  func outputAndErrors() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = Fixtures.url("import/issue-13-spreadsheet.csv").path
    let csv = folder.appendingPathComponent("out.csv")
    let json = folder.appendingPathComponent("out.json")
    #expect(runTNR(["import", path, "--output", csv.path] + Self.issueFlags).status == 0)
    #expect(runTNR(["import", path, "--output", json.path] + Self.issueFlags).status == 0)
    let fromCSV = try IncidentCSV.read(contentsOf: csv).dataset
    let fromJSON = try IncidentJSON.read(contentsOf: json).dataset
    #expect(fromCSV.count == 15 && fromCSV == fromJSON)
    let stdoutJSON = runTNR(["import", path, "--format", "json"] + Self.issueFlags)
    #expect(try IncidentJSON.read(data: Data(stdoutJSON.out.utf8)).dataset == fromCSV)
    #expect(runTNR(["import", path, "--format", "json", "--output", csv.path] + Self.issueFlags).status == 2)

    let missing = runTNR(["import", folder.appendingPathComponent("nope.csv").path])
    #expect(missing.status == 1 && missing.err.contains("cannot be read"))
    #expect(runTNR(["import", path, "--map", "where=Country"]).status == 2)
    #expect(runTNR(["import", path, "--value", "kind-Deportation"]).status == 2)
    #expect(runTNR(["import", path, "--date-order", "dym"]).status == 2)
    let wrongField = runTNR(["import", path, "--value", "host:Siam=TH"])
    #expect(wrongField.status == 2 && wrongField.err.contains("not 'host'"), "\(wrongField.err)")
    #expect(runTNR(["import", path, "--output", "out.txt"]).status == 2)
    let badMapping = folder.appendingPathComponent("bad.json")
    try Data(#"{"columns": {"where": "X"}}"#.utf8).write(to: badMapping)
    let bad = runTNR(["import", path, "--mapping", badMapping.path])
    #expect(bad.status == 1 && bad.err.contains("'where' is not a field"), "\(bad.err)")
  }

  @Test("all missing columns are named in one message")
  func missingColumns() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("cases.csv")
    try Data("Country,Number of people\nTH,1\n".utf8).write(to: file)
    let result = runTNR(["import", file.path] + Self.issueFlags)
    #expect(result.status == 1)
    #expect(result.err.contains("the header lacks 4 columns: 'Case ID' (mapped to id), 'Source'"))
  }
}
