import Foundation
import TNRCommandLine
import Testing

@testable import TransnationalRepression

/// `tnr count`, driven in process through ``TNRCommand/run(arguments:console:)``.
@Suite("tnr count")
struct CountCommandTests {
  static func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("JSON by host and category: alpha-2 codes, schema spellings, the sample's total")
  func jsonByHostAndCategory() throws {
    let result = runTNR(["count", "--by", "host,category", "--format", "json"])
    #expect(result.status == 0)
    #expect(result.out.hasPrefix(#"{"measure": "incidents", "dimensions": ["host", "category"], "cells": ["#))
    #expect(result.out.contains(#"{"host": "TH", "category": "extradition", "value": 3}"#))
    #expect(result.out.hasSuffix(#"], "total": 81}"# + "\n"))
    let object = try Self.json(result.out)
    let cells = try #require(object["cells"] as? [[String: Any]])
    #expect(cells.reduce(0) { $0 + ($1["value"] as! Int) } == 81)
    // The JSON decodes back to the library's table.
    let table = try JSONDecoder().decode(CountTable<Int>.self, from: Data(result.out.utf8))
    #expect(table == (try IncidentDataset.documentedSample.countIncidents(by: [.host, .category])))
  }

  @Test("JSON of persons adds the qualifier counts; years are numbers")
  func jsonPersons() throws {
    let result = runTNR(["count", "--by", "year", "--measure", "persons", "--category", "extradition", "--format", "json"])
    #expect(result.status == 0)
    #expect(result.out.contains(#"{"year": 2015, "value": 127, "exact": 2, "at_least": 0, "about": 0, "up_to": 1, "unknown": 0}"#))
    let object = try Self.json(result.out)
    #expect(object["total"] as? Int == 313)
    #expect(object["total_at_least"] as? Int == 3)
    #expect(object["total_up_to"] as? Int == 2)
    #expect(object["measure"] as? String == "persons")
  }

  @Test("filters: --category (repeatable, comma lists), --from and --to")
  func filters() throws {
    let both = runTNR(["count", "--by", "category", "--category", "detention", "--category", "extradition", "--format", "json"])
    #expect(try Self.json(both.out)["total"] as? Int == 58)
    let comma = runTNR(["count", "--by", "category", "--category", "detention,extradition", "--format", "json"])
    #expect(comma.out == both.out)
    let years = runTNR(["count", "--by", "year", "--from", "2014", "--to", "2017", "--format", "json"])
    let expected = IncidentDataset.documentedSample.filter { (2014...2017).contains($0.date.year) }.count
    #expect(try Self.json(years.out)["total"] as? Int == expected)
    let from = runTNR(["count", "--by", "year", "--from", "2020", "--format", "json"])
    #expect(try Self.json(from.out)["total"] as? Int == IncidentDataset.documentedSample.filter { $0.date.year >= 2020 }.count)
  }

  @Test("--top keeps ties; text labels the bundled sample as a sample")
  func topAndText() throws {
    let result = runTNR(["count", "--by", "host", "--top", "2"])
    #expect(result.status == 0)
    #expect(result.out.contains("SAMPLE"))
    #expect(result.out.contains("COUNT: INCIDENTS BY HOST"))
    #expect(result.out.contains("top 2 cells (ties at the cut kept)"))
    // TR 11, KZ 9: the top two.
    let lines = result.out.split(separator: "\n")
    let tr = try #require(lines.firstIndex { $0.hasPrefix("TR ") })
    let kz = try #require(lines.firstIndex { $0.hasPrefix("KZ ") })
    #expect(tr < kz)
    #expect(lines.contains { $0.hasPrefix("total") && $0.hasSuffix(" 81") })
    let json = runTNR(["count", "--by", "category", "--top", "1", "--format", "json"])
    let cells = try #require(try Self.json(json.out)["cells"] as? [[String: Any]])
    #expect(cells.count == 1 && cells[0]["category"] as? String == "extradition")
  }

  @Test("CSV and Markdown formats; a multi-valued dimension is explained")
  func formats() throws {
    let csv = runTNR(["count", "--by", "ethnic_group,phase", "--format", "csv"])
    #expect(csv.status == 0)
    #expect(csv.out.hasPrefix("ethnic_group,phase,incidents\n"))
    #expect(csv.out.contains("Uyghur,2014–present,"))
    let persons = runTNR(["count", "--by", "region", "--measure", "persons", "--format", "csv"])
    #expect(persons.out.hasPrefix("region,persons,exact,at_least,about,up_to,unknown\n"))
    #expect(persons.out.contains("Middle East and North Africa,"))
    let markdown = runTNR(["count", "--by", "ethnic_group", "--format", "markdown"])
    #expect(markdown.out.contains("# Count: incidents by ethnic_group"))
    #expect(markdown.out.contains("| Uyghur | 75 |"))
    #expect(markdown.out.contains("Multi-valued"))
    let json = try Self.json(runTNR(["count", "--by", "ethnic_group", "--format", "json"]).out)
    #expect(json["multi_valued_dimensions"] as? [String] == ["ethnic_group"])
  }

  @Test("a file given with --incidents is counted and not called the sample")
  func file() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-count-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("synthetic.csv")
    try IncidentCSV.write(SyntheticIncidents(seed: 5).dataset(count: 200), to: url)
    let result = runTNR(["count", "--incidents", url.path, "--by", "mode"])
    #expect(result.status == 0)
    #expect(!result.out.contains("SAMPLE"))
    #expect(result.out.contains("Data: 200 records."))
  }

  @Test("usage errors exit 2 and say what is wrong", arguments: [
    (["count"], "needs --by"),
    (["count", "--by", "hots"], "--by must be one of origin, host, region, category, mode, year, phase, ethnic_group, not 'hots'"),
    (["count", "--by", "host,host"], "given twice"),
    (["count", "--by", "host", "--measure", "people"], "--measure must be one of"),
    (["count", "--by", "host", "--category", "arrest"], "--category must be one of"),
    (["count", "--by", "host", "--from", "2020", "--to", "2010"], "is after --to"),
    (["count", "--by", "host", "--top", "0"], "--top must be"),
    (["count", "--by", "host", "--format", "xml"], "--format must be one of"),
    (["count", "--by", "host", "extra"], "no positional arguments"),
  ])
  func usageErrors(arguments: [String], message: String) {
    let result = runTNR(arguments)
    #expect(result.status == 2)
    #expect(result.err.contains(message), "\(result.err)")
  }

  @Test("help lists count")
  func help() {
    #expect(runTNR(["help"]).out.contains("tnr count"))
  }
}
