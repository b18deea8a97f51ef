import Foundation
import Testing

@testable import TransnationalRepression

/// The bundled sample (`documented-events.csv`) and published figures, against the figures the
/// data README states.
@Suite("Bundled data")
struct BundledDataTests {
  static let sample = IncidentDataset.documentedSample

  @Test("the sample has 81 records: 30 extradition, 28 detention, 23 intimidation")
  func counts() {
    #expect(Self.sample.count == 81)
    let byCategory = Dictionary(grouping: Self.sample, by: \.category).mapValues(\.count)
    #expect(byCategory == [.extradition: 30, .detention: 28, .intimidation: 23])
    #expect(Self.sample.first?.id == "DOC-001")
    #expect(Self.sample.last?.id == "DOC-081")
    #expect(Set(Self.sample.map(\.id)).count == 81)
  }

  @Test("313 persons returned to China: the sum of the known counts of the extradition rows")
  func personsReturned() {
    let returns = Self.sample.filter { $0.category == .extradition }
    #expect(returns.reduce(0) { $0 + ($1.persons.value ?? 0) } == 313)
    // 233 exact, 63 "at least" (11 + 12 + 40), 17 "up to" (2 + 15): the README's 313 is a sum of
    // known values.
    func sum(_ qualifier: PersonCountQualifier) -> Int {
      returns.filter { $0.persons.qualifier == qualifier }.reduce(0) { $0 + ($1.persons.value ?? 0) }
    }
    #expect(sum(.exact) == 233)
    #expect(sum(.atLeast) == 63)
    #expect(sum(.upTo) == 17)
    #expect(returns.allSatisfy { $0.persons.value != nil })
  }

  @Test("31 host countries, China the origin of every record, 1997–2025")
  func hostsAndYears() {
    #expect(Set(Self.sample.map(\.host)).count == 31)
    #expect(Self.sample.allSatisfy { $0.origin == .china })
    #expect(Self.sample.map(\.date.year).min() == 1997)
    #expect(Self.sample.map(\.date.year).max() == 2025)
    // Turkey and Kazakhstan are the most frequent hosts.
    let turkey = Self.sample.filter { $0.host == Country("TR") }.count
    #expect(turkey == 11)
    #expect(Self.sample.filter { $0.host == Country("KZ") }.count == 9)
  }

  @Test("Egypt, 2017: a detention row (at least 62), two return rows (12 + 10), one intimidation")
  func egypt2017() throws {
    let egypt = Self.sample.filter { $0.host == Country("EG") && $0.date.year == 2017 }
    #expect(egypt.map(\.id) == ["DOC-030", "DOC-031", "DOC-032", "DOC-079"])
    #expect(egypt.map(\.persons.description) == ["at least 62", "at least 12", "10", "1"])
    #expect(egypt.map(\.category) == [.detention, .extradition, .extradition, .intimidation])
  }

  @Test("every record cites a source with a title and an http(s) URL, and names no one")
  func sources() {
    for incident in Self.sample {
      #expect(!incident.sources.isEmpty, "\(incident.id)")
      guard let source = incident.sources.first else { continue }
      #expect(!source.title.trimmingCharacters(in: .whitespaces).isEmpty, "\(incident.id)")
      let hasURL = source.url.map { $0.hasPrefix("http://") || $0.hasPrefix("https://") } ?? false
      let saysWhy = incident.notes.localizedCaseInsensitiveContains("no url")
      #expect(hasURL || saysWhy, "\(incident.id)")
      #expect(incident.personName == nil, "\(incident.id)")
    }
    #expect(Self.sample.filter { $0.sources.first?.date == nil }.map(\.id) == ["DOC-002", "DOC-063"])
  }

  @Test("every bundled resource is present and the sample file has 82 lines")
  func resourcesPresent() throws {
    for resource in BundledResource.allCases {
      #expect(try !resource.data().isEmpty, "\(resource.rawValue)")
    }
    let text = String(decoding: try BundledResource.documentedEvents.data(), as: UTF8.self)
    #expect(text.split(separator: "\n").count == 82)
    #expect(text.hasPrefix(IncidentField.canonical.map(\.rawValue).joined(separator: ",") + "\n"))
  }

  @Test("the sample reads cleanly in strict mode from the bundle")
  func readsCleanly() throws {
    let result = try IncidentCSV.read(
      contentsOf: BundledResource.documentedEvents.url, mode: .lenient,
      today: CalendarDay(year: 2026, month: 11, day: 23)!)
    #expect(result.report.dataRows == 81)
    #expect(result.report.isClean)
    #expect(result.report.blankLines == 0)
    #expect(result.report.ignoredColumns.isEmpty)
    #expect(result.dataset == Self.sample)
  }

  @Test("142 published figures; Great Wall of Steel totals 5,532 / 1,150 / 424")
  func publishedFigures() {
    #expect(PublishedFigure.all.count == 142)
    let intimidation = PublishedFigure.greatWallOfSteel(.intimidation)
    let detention = PublishedFigure.greatWallOfSteel(.detention)
    let extradition = PublishedFigure.greatWallOfSteel(.extradition)
    #expect(intimidation.printedValue == "5,532")
    #expect(intimidation.number == 5_532)
    #expect(detention.printedValue == "1,150")
    #expect(detention.number == 1_150)
    #expect(extradition.printedValue == "424")
    #expect(extradition.number == 424)
    #expect(extradition.citation.contains("oxussociety.org/great-wall-of-steel"))
    #expect(PublishedFigure.total(source: "GWOS2022", measure: "cases_detention_and_refoulement_total")?.number == 1_574)
    #expect(PublishedFigure.total(source: "GWOS2022", measure: "no_such_measure") == nil)
    #expect(PublishedFigure.all.filter { $0.sourceID == "GWOS2022" }.count >= 18)
  }
}
