import Foundation
import Testing

@testable import TransnationalRepression

/// `tnr import --aggregates` and `tnr count --aggregates`, run in process. Expected values are
/// written by hand from Tests/Fixtures/aggregates/ (synthetic figures).
@Suite("Aggregate commands")
struct AggregateCommandTests {
  static let canonical = Fixtures.url("aggregates/synthetic-canonical.csv").path
  static let published = Fixtures.url("aggregates/synthetic-fh-style-published-table.csv").path
  static let mapping = [
    "--map", "count=Incidents", "--map", "origin=Perpetrator", "--map", "host=Country",
    "--map", "year=Year", "--map", "kind=Tactic",
    "--value", "kind:Deportation=extradition/deportation",
    "--value", "kind:Assault=intimidation/physical_assault",
    "--value", "kind:Assassination=intimidation/assassination",
    "--default", "source_title=Synthetic table",
  ]

  @Test("tnr import --aggregates writes the canonical aggregate CSV: the canonical file unchanged, a mapped table by hand")
  func importCanonical() throws {
    let same = runTNR(["import", "--aggregates", Self.canonical])
    #expect(same.status == 0, "\(same.err)")
    #expect(same.out == (try String(contentsOfFile: Self.canonical, encoding: .utf8)))
    #expect(same.err.contains("9 aggregate rows, 9 accepted, 0 rejected"), "\(same.err)")

    let mapped = runTNR(["import", "--aggregates", Self.published] + Self.mapping)
    #expect(mapped.status == 0, "\(mapped.err)")
    #expect(
      mapped.out == """
        origin,host,year_start,year_end,category,mode,count,source_title,source_url,source_publisher,source_date,notes
        CN,TR,2019,2019,detention,detention,3,Synthetic table,,,,
        CN,EG,2017,2017,extradition,deportation,4,Synthetic table,,,,
        TJ,RU,2019,2019,intimidation,physical_assault,2,Synthetic table,,,,
        CN,KZ,2018,2018,intimidation,assassination,1,Synthetic table,,,,

        """)
    #expect(mapped.err.contains("ignored columns: Comment"), "\(mapped.err)")
  }

  @Test("tnr import --aggregates exits 1 naming every rejected row with --lenient, and writes .xlsx that reads back")
  func importRejectedAndWorkbook() throws {
    let rejected = runTNR(
      ["import", "--aggregates", Fixtures.url("aggregates/synthetic-rejected-rows.csv").path, "--lenient"])
    #expect(rejected.status == 1)
    #expect(rejected.out.split(separator: "\n").count == 3)  // header and the two accepted rows
    #expect(rejected.err.contains("7 aggregate rows, 2 accepted, 5 rejected"), "\(rejected.err)")
    #expect(rejected.err.contains("CN,Atlantis,2019,2019,detention,detention,3,Synthetic table,,,,synthetic: unknown host"))
    let strict = runTNR(["import", "--aggregates", Fixtures.url("aggregates/synthetic-rejected-rows.csv").path])
    #expect(strict.status == 1)
    #expect(strict.err.contains("stopped at the first rejected row"), "\(strict.err)")

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-agg-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let workbook = folder.appendingPathComponent("out.xlsx").path
    let written = runTNR(["import", "--aggregates", Self.canonical, "--output", workbook])
    #expect(written.status == 0, "\(written.err)")
    let back = runTNR(["import", "--aggregates", workbook])
    #expect(back.status == 0, "\(back.err)")
    #expect(back.out == (try String(contentsOfFile: Self.canonical, encoding: .utf8)))
    let json = runTNR(["import", "--aggregates", Self.canonical, "--output", folder.appendingPathComponent("a.json").path])
    #expect(json.status == 2)
  }

  @Test("tnr count --aggregates sums the count column, marks the table as aggregates, and the cells add up to the total")
  func count() throws {
    let result = runTNR(["count", "--aggregates", Self.canonical, "--by", "origin", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let table = try JSONDecoder().decode(CountTable<AggregateCount>.self, from: Data(result.out.utf8))
    #expect(table.measure == .aggregates)
    #expect(table[.country(.china)] == 16)
    #expect(table[.country(Country("TJ")!)] == 5)
    #expect(table.total == 21)
    #expect(table.cells.values.reduce(.zero, +) == table.total)
    let text = runTNR(["count", "--aggregates", Self.canonical, "--by", "category", "--category", "detention,extradition"])
    #expect(text.status == 0, "\(text.err)")
    #expect(text.out.contains("COUNT: AGGREGATES BY CATEGORY"), "\(text.out)")
    #expect(text.out.contains("9 aggregate rows"), "\(text.out)")
    #expect(text.out.contains("total"))
    let csv = runTNR(["count", "--aggregates", Self.published, "--by", "mode", "--format", "csv"] + Self.mapping)
    #expect(csv.status == 0, "\(csv.err)")
    #expect(csv.out == "mode,aggregates\nphysical_assault,2\ndetention,3\ndeportation,4\nassassination,1\n")
  }

  @Test("usage errors: --aggregates with --incidents, --measure, or a dimension the rows cannot answer (exit 2)")
  func usage() {
    let both = runTNR(["count", "--aggregates", Self.canonical, "--incidents", Self.canonical, "--by", "origin"])
    #expect(both.status == 2)
    #expect(both.err.contains("--aggregates and --incidents cannot be counted together"), "\(both.err)")
    let measure = runTNR(["count", "--aggregates", Self.canonical, "--by", "origin", "--measure", "persons"])
    #expect(measure.status == 2)
    #expect(measure.err.contains("--measure does not apply to --aggregates"), "\(measure.err)")
    let year = runTNR(["count", "--aggregates", Self.canonical, "--by", "year"])
    #expect(year.status == 2)
    #expect(year.err.contains("covers 2016–2018"), "\(year.err)")
    let group = runTNR(["count", "--aggregates", Self.canonical, "--by", "ethnic_group"])
    #expect(group.status == 2)
    #expect(group.err.contains("ethnic_group"), "\(group.err)")
    let measureChoice = runTNR(["count", "--by", "origin", "--measure", "aggregates"])
    #expect(measureChoice.status == 2)
    let years = runTNR(["count", "--aggregates", Self.canonical, "--by", "origin", "--from", "2015"])
    #expect(years.status == 2)
    #expect(years.err.contains("--from does not apply to --aggregates"), "\(years.err)")
    let ids = runTNR(["import", "--aggregates", Self.canonical, "--generate-ids"])
    #expect(ids.status == 2)
    #expect(ids.err.contains("--generate-ids is for incident files"), "\(ids.err)")
  }

  struct ModelJSON: Decodable {
    struct Coefficient: Decodable {
      var name: String
      var estimate: Double
    }
    var n: Int
    var coefficients: [Coefficient]
    var outcome: String
    var data: String
  }

  @Test("tnr model --aggregates fits the per-host sums (origin CN, detentions and returns) as the outcome")
  func model() throws {
    let result = runTNR(["model", "--aggregates", Self.canonical, "--covariates", "china_share_total", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let document = try JSONDecoder().decode(ModelJSON.self, from: Data(result.out.utf8))
    #expect(document.data.hasPrefix("aggregate table \(Self.canonical) (9 rows"))
    #expect(document.outcome == "aggregate detention and extradition counts with origin CN, summed per host country")
    // The same fit from the per-host sums written by hand: TR 5, EG 9, TH 1.
    let data = try CountryModelData(
      countries: CreditorTable.worldBank2024.countries,
      cases: [Country("TR")!: 5, Country("EG")!: 9, .thailand: 1],
      covariates: ["china_share_total"], exposure: .low)
    let fit = try data.fit(family: .poisson)
    #expect(document.n == fit.result.observationCount)
    for (printed, expected) in zip(document.coefficients, fit.result.coefficients) {
      #expect(printed.name == expected.name)
      #expect(abs(printed.estimate - expected.estimate) <= 1e-12 * max(1, abs(expected.estimate)))
    }
    let both = runTNR(["model", "--aggregates", Self.canonical, "--incidents", Self.canonical, "--covariates", "china_share_total"])
    #expect(both.status == 2)
    let cases = runTNR(["model", "--aggregates", Self.canonical, "--cases", "persons_returned", "--covariates", "china_share_total"])
    #expect(cases.status == 2)
    let panel = runTNR(["model", "--aggregates", Self.canonical, "--panel"])
    #expect(panel.status == 2)
  }

  @Test("tnr correlate --aggregates correlates the per-host sums (origin CN, detentions and returns) with debt")
  func correlate() throws {
    struct CorrelateJSON: Decodable {
      struct Pair: Decodable {
        let country: String
        let cases: Double
      }
      let data: String
      let cases: String
      let pairs: [Pair]
    }
    let result = runTNR(["correlate", "--aggregates", Self.canonical, "--join", "hosts_with_cases", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let document = try decoder.decode(CorrelateJSON.self, from: Data(result.out.utf8))
    #expect(document.data.hasPrefix("aggregate table \(Self.canonical) (9 rows"))
    #expect(document.cases == "aggregates")
    // The per-host sums written by hand from the fixture: TR 5, EG 9, TH 1 (those with a
    // World Bank figure enter).
    let expected: [String: Double] = ["TR": 5, "EG": 9, "TH": 1]
    #expect(!document.pairs.isEmpty)
    for pair in document.pairs { #expect(expected[pair.country] == pair.cases, "\(pair.country)") }
    // The same coefficients as the library gives for those sums.
    let analysis = try CreditorAnalysis(
      cases: [Country("TR")!: 5, Country("EG")!: 9, .thailand: 1], creditors: .worldBank2024,
      measure: .chinaShareTotal)
    #expect(document.pairs.count == analysis.pairs(.hostsWithCases).filter { $0.cases > 0 }.count)
    let text = runTNR(["correlate", "--aggregates", Self.canonical])
    #expect(text.status == 0)
    #expect(text.out.contains("Cases: aggregate detention and extradition counts with origin CN, summed per host country."))
    #expect(runTNR(["correlate", "--aggregates", Self.canonical, "--incidents", Self.canonical]).status == 2)
    #expect(runTNR(["correlate", "--aggregates", Self.canonical, "--cases", "persons_returned"]).status == 2)
    #expect(runTNR(["correlate", "--pairs", Self.canonical, "--aggregates", Self.canonical]).status == 2)
  }
}
