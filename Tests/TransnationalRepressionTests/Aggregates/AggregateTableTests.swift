import Foundation
import Testing

@testable import TransnationalRepression

/// Aggregate country-year tables: the record, the canonical CSV (strict and lenient, mapped,
/// workbooks) and counting into labelled tables. Every expected value is written by hand from
/// the fixtures in Tests/Fixtures/aggregates/ (synthetic, illustrative figures).
@Suite("Aggregate tables")
struct AggregateTableTests {
  static let canonical = "aggregates/synthetic-canonical.csv"

  static func table() throws -> AggregateTable {
    try AggregateCSV.read(contentsOf: Fixtures.url(canonical)).table
  }

  @Test("the canonical fixture reads row by row as written, and writes back byte for byte")
  func canonicalRoundTrip() throws {
    let result = try AggregateCSV.read(contentsOf: Fixtures.url(Self.canonical))
    #expect(result.report.dataRows == 9)
    #expect(result.report.accepted == 9)
    #expect(result.report.rejected.isEmpty)
    #expect(result.report.ignoredColumns.isEmpty)
    let records = result.table.records
    #expect(records[0].origin == .china && records[0].host == Country("TR")!)
    #expect(records[0].period == .year(2019))
    #expect(records[0].kind == .detention(.unknown))
    #expect(records[0].count == 3)
    #expect(records[3].source.url == "https://example.org/synthetic")
    #expect(records[3].source.date == "2025-02-06")
    #expect(records[3].notes == "synthetic row, with a comma")
    #expect(records[5].kind == .intimidation(.assassination))
    #expect(records[6].kind == .intimidation(.physicalIntimidation))
    #expect(records[7].period == .years(2016...2018))
    #expect(records[8].count == 0)
    #expect(result.table.totalCount == 21)
    #expect(result.table.provenance == "aggregate")
    let text = try String(contentsOf: Fixtures.url(Self.canonical), encoding: .utf8)
    #expect(AggregateCSV.write(result.table) == text)
    #expect(try AggregateCSV.read(text: AggregateCSV.write(result.table)).table == result.table)
  }

  @Test("a period of one year is always .year; a period that ends before it starts is refused")
  func periods() throws {
    #expect(try AggregatePeriod(first: 2020, last: 2020) == .year(2020))
    #expect(try AggregatePeriod(first: 2014, last: 2024) == .years(2014...2024))
    #expect(AggregatePeriod.years(2014...2024).description == "2014–2024")
    #expect(throws: AggregateError.self) { try AggregatePeriod(first: 2024, last: 2014) }
    #expect(throws: AggregateError.self) { try AggregatePeriod(first: 1800, last: 1801) }
    #expect(throws: AggregateError.self) {
      try AggregateRecord(
        origin: .china, host: .thailand, period: .year(2015), kind: .extradition(.deportation),
        count: -1, source: SourceCitation(title: "Synthetic"))
    }
  }

  @Test("counting by origin and category sums the counts by hand; the cells add up to the total")
  func countByOriginAndCategory() throws {
    let table = try Self.table()
    let counted = try table.count(by: [.origin, .category])
    // By hand from the fixture: CN detention 3+5, CN extradition 2+4+1, CN intimidation 1,
    // TJ intimidation 2, TJ extradition 3, RU intimidation 0 (a zero cell is not stored).
    let expected: [[DimensionValue]: AggregateCount] = [
      [.country(.china), .category(.detention)]: 8,
      [.country(.china), .category(.extradition)]: 7,
      [.country(.china), .category(.intimidation)]: 1,
      [.country(Country("TJ")!), .category(.intimidation)]: 2,
      [.country(Country("TJ")!), .category(.extradition)]: 3,
    ]
    #expect(counted.cells == expected)
    #expect(counted.total == 21)
    #expect(counted.cells.values.reduce(.zero, +) == counted.total)
    #expect(counted.measure == .aggregates)
    let byOrigin = try counted.marginal(over: [.origin])
    #expect(byOrigin[.country(.china)] == 16)
    #expect(byOrigin[.country(Country("TJ")!)] == 5)
    #expect(byOrigin.cells.values.reduce(.zero, +) == counted.total)
    let byMode = try table.count(by: [.mode])
    #expect(byMode[.mode("deportation")] == 7)
    #expect(byMode[.mode("assassination")] == 1)
    #expect(byMode[.mode("physical_intimidation")] == 2)
    // Detentions: TR 3 and EG 5, both Middle East and North Africa.
    let detentions = try table.count(by: [.region], categories: [.detention])
    #expect(detentions.total == 8)
    #expect(detentions.cells == [[.region(.middleEastAndNorthAfrica)]: 8])
    // Every row: TR 3+2+3+0 and EG 5+4 in MENA, TH 1 in Southeast Asia.
    let byRegion = try table.count(by: [.region])
    #expect(byRegion[.region(.middleEastAndNorthAfrica)] == 17)
    #expect(byRegion[.region(.southeastAsia)] == 1)
    #expect(byRegion.total == 21)
    let byPhase = try table.count(by: [.phase])
    #expect(byPhase.total == 21)
    #expect(byPhase.cells.count == 1)
    #expect(try table.count(by: []).total == 21)
  }

  @Test("the JSON is the incidents' shape with measure aggregates, and is not readable as incidents")
  func json() throws {
    let counted = try Self.table().count(by: [.origin, .category])
    let text = counted.jsonText()
    #expect(text.hasPrefix("{\"measure\": \"aggregates\", \"dimensions\": [\"origin\", \"category\"], \"cells\": ["))
    #expect(text.contains("{\"origin\": \"CN\", \"category\": \"detention\", \"value\": 8}"))
    #expect(text.hasSuffix("\"total\": 21}\n"))
    let data = Data(text.utf8)
    #expect(try JSONDecoder().decode(CountTable<AggregateCount>.self, from: data) == counted)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(CountTable<Int>.self, from: data) }
  }

  @Test("dimensions the rows cannot answer are errors naming the row, never silent zeros")
  func unanswerable() throws {
    let table = try Self.table()
    do {
      _ = try table.count(by: [.year])
      Issue.record("a table by year of a 2016–2018 row")
    } catch {
      #expect(error.description.contains("aggregate row 8 (TJ in TR) covers 2016–2018"), "\(error)")
    }
    do {
      _ = try table.count(by: [.host, .ethnicGroup])
      Issue.record("a table by ethnic group")
    } catch {
      #expect(error.description.contains("ethnic_group"), "\(error)")
    }
    let spanning = AggregateTable([
      try AggregateRecord(
        origin: .china, host: .thailand, period: .years(2010...2015), kind: .extradition(.deportation),
        count: 2, source: SourceCitation(title: "Synthetic"))
    ])
    #expect(throws: CountTableError.self) { try spanning.count(by: [.phase]) }
    // Single-year rows do split by year.
    let byYear = try AggregateTable(table.records.filter(\.period.isSingleYear)).count(by: [.year])
    #expect(byYear[.year(2017)] == 9)
    #expect(byYear.total == 18)
  }

  @Test("lenient: every rejected row verbatim with its line, column, field and reason; accepted + rejected = rows")
  func lenient() throws {
    let url = Fixtures.url("aggregates/synthetic-rejected-rows.csv")
    let result = try AggregateCSV.read(contentsOf: url, mode: .lenient)
    let report = result.report
    #expect(report.dataRows == 7)
    #expect(report.accepted == 2)
    #expect(report.accepted + report.rejected.count == report.dataRows)
    #expect(result.table.records.map(\.count) == [3, 2])
    #expect(result.table.records[1].period == .year(2018))
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    // (line, column, field, words of the reason), by hand.
    let expected: [(Int, Int, String, String)] = [
      (3, 2, "host", "Atlantis"),
      (4, 7, "count", "'-2' is not a whole number"),
      (5, 4, "year_end", "ends (2019) before it starts (2021)"),
      (6, 6, "mode", "'threat' is not a mode of extradition"),
      (7, 8, "source_title", "title"),
    ]
    #expect(report.rejected.count == expected.count)
    for (row, (line, column, field, words)) in zip(report.rejected, expected) {
      #expect(row.line == line)
      #expect(row.error.column == column, "line \(line)")
      #expect(row.error.field == field, "line \(line)")
      #expect(row.reason.contains(words), "line \(line): \(row.reason)")
      #expect(row.raw == lines[line - 1])
    }
    do {
      _ = try AggregateCSV.read(contentsOf: url)
      Issue.record("strict reading accepted a rejected row")
    } catch {
      #expect(error.line == 3)
    }
  }

  @Test("totals over every host (Freedom House 2014–2024: detention 503, deportation 241) are rejected, not summed")
  func publishedTotals() throws {
    let result = try AggregateCSV.read(
      contentsOf: Fixtures.url("aggregates/fh-2025-published-totals.csv"), mode: .lenient)
    #expect(result.report.accepted == 0)
    #expect(result.report.rejected.count == 2)
    for row in result.report.rejected {
      #expect(row.reason.contains("'ALL' is a total over several countries, not one origin"), "\(row.reason)")
      #expect(row.error.field == "origin")
    }
    #expect(result.report.rejected.map(\.raw).allSatisfy { $0.contains(",503,") || $0.contains(",241,") })
    let hostTotal = "origin,host,year_start,category,count,source_title\nCN,ALL_HOSTS,2014,detention,1,S\n"
    let error = #expect(throws: ImportError.self) { try AggregateCSV.read(text: hostTotal) }
    #expect(error?.field == "host")
    #expect(error?.reason.contains("'ALL_HOSTS' is a total") == true)
  }

  static func publishedMapping() -> AggregateMapping {
    var base = ColumnMapping(columns: [.origin: "Perpetrator", .host: "Country", .year: "Year"])
    base.kindColumn = "Tactic"
    base.values = [
      "kind": [
        "Deportation": "extradition/deportation", "Assault": "intimidation/physical_assault",
        "Assassination": "intimidation/assassination",
      ]
    ]
    base.defaults[.sourceTitle] = "Synthetic table"
    return AggregateMapping(base, columns: [.count: "Incidents"])
  }

  @Test("a published-style table reads through the mapping: names, kind labels, the count column")
  func mapped() throws {
    let result = try AggregateCSV.read(
      contentsOf: Fixtures.url("aggregates/synthetic-fh-style-published-table.csv"),
      mapping: Self.publishedMapping())
    #expect(result.report.accepted == 4)
    #expect(result.report.ignoredColumns == ["Comment"])
    let records = result.table.records
    #expect(records.map(\.origin.alpha2) == ["CN", "CN", "TJ", "CN"])
    #expect(records.map(\.host.alpha2) == ["TR", "EG", "RU", "KZ"])
    #expect(records.map(\.period) == [.year(2019), .year(2017), .year(2019), .year(2018)])
    #expect(
      records.map(\.kind) == [
        .detention(.unknown), .extradition(.deportation), .intimidation(.physicalAssault),
        .intimidation(.assassination),
      ])
    #expect(records.map(\.count) == [3, 4, 2, 1])
    #expect(records.allSatisfy { $0.source.title == "Synthetic table" })
    // Without the count column mapped, the header lacks it.
    var unmapped = Self.publishedMapping()
    unmapped.columns = [:]
    let error = #expect(throws: ImportError.self) {
      try AggregateCSV.read(
        contentsOf: Fixtures.url("aggregates/synthetic-fh-style-published-table.csv"), mapping: unmapped)
    }
    #expect(error?.reason.contains("'count'") == true)
  }

  @Test("workbooks: the canonical workbook reads back equal, and a mapped sheet's number cells read as years and counts")
  func workbooks() throws {
    let table = try Self.table()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-aggregates-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("table.xlsx")
    try AggregateCSV.workbook(table).write(to: url)
    #expect(try AggregateCSV.read(contentsOf: url).table == table)

    var writer = WorkbookWriter()
    try writer.addSheet(
      named: "Published", header: ["Perpetrator", "Country", "Year", "Tactic", "Incidents"],
      rows: [
        [.text("China"), .text("Turkey"), .number(2019), .text("Detention"), .number(3)],
        [.text("China"), .text("Egypt"), .number(2017), .text(" deportation "), .number(4)],
        [.text("China"), .text("Egypt"), .number(2017), .text("Deportation"), .number(2.5)],
      ])
    let mappedURL = folder.appendingPathComponent("renamed.csv")  // a workbook by content
    try writer.write(to: mappedURL)
    let result = try AggregateCSV.read(contentsOf: mappedURL, mapping: Self.publishedMapping(), mode: .lenient)
    #expect(result.report.accepted == 2)
    #expect(result.table.records.map(\.count) == [3, 4])
    #expect(result.table.records.map(\.period) == [.year(2019), .year(2017)])
    #expect(result.report.rejected.count == 1)
    #expect(result.report.rejected.first?.line == 4)  // the sheet's row number
    #expect(result.report.rejected.first?.error.field == "Incidents")
    #expect(result.report.rejected.first?.reason.contains("'2.5' is not a whole number") == true)
  }

  @Test("per-host totals, the outcome of a per-country model, by hand")
  func totalsByHost() throws {
    let table = try Self.table()
    // Origin CN, detention and extradition: TR 3+2, EG 5+4, TH 1 (KZ's row is intimidation).
    #expect(
      table.totalsByHost(origins: [.china], categories: [.detention, .extradition])
        == [Country("TR")!: 5, Country("EG")!: 9, .thailand: 1])
    // Every row: TR 3+2+3+0 (the zero row keeps TR), EG 9, TH 1, KZ 1, RU 2.
    let all = table.totalsByHost()
    #expect(all == [Country("TR")!: 8, Country("EG")!: 9, .thailand: 1, Country("KZ")!: 1, Country("RU")!: 2])
    #expect(all.values.reduce(0, +) == Double(table.totalCount))
  }
}
