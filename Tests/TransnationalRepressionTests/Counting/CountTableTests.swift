import Foundation
import Testing

@testable import TransnationalRepression

/// Operations on labelled count tables: lookup, marginals, slices, top-N with ties, shares, time
/// series, phases, merging and reconciliation, JSON.
@Suite("Count tables")
struct CountTableTests {
  static let tr = DimensionValue.country(Country("TR")!)
  static let eg = DimensionValue.country(Country("EG")!)
  static let kz = DimensionValue.country(Country("KZ")!)
  static let th = DimensionValue.country(Country("TH")!)
  static let pk = DimensionValue.country(Country("PK")!)
  static let records = SyntheticIncidents(seed: 31, origins: .freedomHouse2025).dataset(count: 2_500).incidents

  // MARK: - Lookup, marginal, slice

  @Test("marginals equal counting by fewer dimensions, exactly, even without the multi-valued one")
  func marginals() throws {
    let columns = IncidentColumns(Self.records)
    let full: [CountDimension] = [.host, .ethnicGroup, .year]
    let table = columns.countIncidents(try CountQuery(by: full))
    let persons = columns.countPersons(try CountQuery(by: full))
    for kept: [CountDimension] in [[.host], [.year, .host], [.ethnicGroup], [.year, .ethnicGroup], []] {
      #expect(try table.marginal(over: kept) == columns.countIncidents(try CountQuery(by: kept)), "\(kept)")
      #expect(try persons.marginal(over: kept) == columns.countPersons(try CountQuery(by: kept)), "\(kept)")
    }
    #expect(throws: CountTableError(.missingDimension(.region))) { try table.marginal(over: [.region]) }
    #expect(throws: CountTableError(.duplicateDimension(.host))) { try table.marginal(over: [.host, .host]) }
  }

  @Test("slices equal counting under a filter")
  func slices() throws {
    let columns = IncidentColumns(Self.records)
    let table = columns.countIncidents(try CountQuery(by: [.host, .ethnicGroup, .category]))
    // Slicing a single-valued dimension keeps the multi-valued one.
    let turkey = try table.slice(.host, equals: Self.tr)
    #expect(turkey == columns.countIncidents(try CountQuery(by: [.ethnicGroup, .category], where: IncidentFilter(hosts: [Country("TR")!]))))
    // Slicing the multi-valued dimension counts the incidents naming that group, each once.
    let kazakh = try table.slice(.ethnicGroup, equals: .ethnicGroup(.kazakh))
    #expect(kazakh == columns.countIncidents(try CountQuery(by: [.host, .category], where: IncidentFilter(ethnicGroups: [.kazakh]))))
    #expect(kazakh.multiValuedDimensions.isEmpty)
    #expect(throws: CountTableError.self) { try table.slice(.host, equals: .year(2000)) }
    #expect(throws: CountTableError(.missingDimension(.year))) { try table.slice(.year, equals: .year(2000)) }
  }

  @Test("lookup gives zero for cells never counted and checks the labels")
  func lookup() throws {
    let table = try CountTable<Int>(dimensions: [.host, .category], cells: [[Self.tr, .category(.detention)]: 8])
    #expect(table[Self.tr, .category(.detention)] == 8)
    #expect(table[Self.eg, .category(.detention)] == 0)
    #expect(table[labels: [Self.tr, .category(.extradition)]] == 0)
    #expect(table.total == 8)
    #expect(table.labels(of: .host) == [Self.tr])
    #expect(table.labels(of: .year) == [])
    #expect(throws: CountTableError.self) {
      try CountTable<Int>(dimensions: [.host], cells: [[.year(2000)]: 1])
    }
    #expect(throws: CountTableError.self) {
      try CountTable<Int>(dimensions: [.host], cells: [[Self.tr]: -1])
    }
    #expect(throws: CountTableError.self) {
      try CountTable<Int>(dimensions: [.ethnicGroup], cells: [[.ethnicGroup(.uyghur)]: 1])
    }
    #expect(throws: CountTableError.self) {
      try CountTable<Int>(dimensions: [.host], cells: [[Self.tr]: 1], countedOnce: [[]: 1])
    }
    // Zero cells are not stored, so equal counts make equal tables.
    #expect(try CountTable<Int>(dimensions: [.host], cells: [[Self.tr]: 2, [Self.eg]: 0])
      == CountTable<Int>(dimensions: [.host], cells: [[Self.tr]: 2]))
  }

  // MARK: - Top-N, shares

  @Test("top keeps ties together: the top 3 of 9, 8, 8, 8, 5 is four rows")
  func topTies() throws {
    let table = try CountTable<Int>(
      dimensions: [.host],
      cells: [[Self.tr]: 9, [Self.eg]: 8, [Self.kz]: 8, [Self.th]: 8, [Self.pk]: 5])
    #expect(table.top(3).map(\.value) == [9, 8, 8, 8])
    #expect(table.top(3).map(\.labels) == [[Self.tr], [Self.eg], [Self.kz], [Self.th]])  // ties in label order
    #expect(table.top(1).map(\.value) == [9])
    #expect(table.top(2).map(\.value) == [9, 8, 8, 8])
    #expect(table.top(4).map(\.value) == [9, 8, 8, 8])
    #expect(table.top(5).map(\.value) == [9, 8, 8, 8, 5])
    #expect(table.top(50).count == 5)
    #expect(table.top(0).isEmpty && table.top(-1).isEmpty)
    let persons = try CountTable<PersonsCell>(
      dimensions: [.host],
      cells: [[Self.tr]: PersonsCell(knownSum: 3, exactRecords: 1), [Self.eg]: PersonsCell(knownSum: 10, atLeastRecords: 1),
              [Self.kz]: PersonsCell(unknownRecords: 4)])
    #expect(persons.top(1).map(\.labels) == [[Self.eg]])
    #expect(persons.top(3).last?.labels == [Self.kz])
  }

  @Test("shares divide by the total and sum to 1 for a single-valued table")
  func shares() throws {
    let table = try IncidentDataset.documentedSample.countIncidents(by: [.category])
    let shares = table.shares()
    #expect(shares.map(\.labels) == [[.category(.intimidation)], [.category(.detention)], [.category(.extradition)]])
    #expect(isApproximatelyEqual(shares[0].value, 23.0 / 81))
    #expect(isApproximatelyEqual(shares[2].value, 30.0 / 81))
    #expect(isApproximatelyEqual(shares.map(\.value).reduce(0, +), 1))
    let groups = try IncidentDataset.documentedSample.countIncidents(by: [.ethnicGroup])
    #expect(groups.shares().map(\.value).reduce(0, +) > 1)
    #expect(CountTable<Int>.empty.shares().isEmpty)
  }

  // MARK: - Time series and phases

  @Test("time series fill missing years with zeros and cumulate")
  func timeSeries() throws {
    let table = try CountTable<Int>(
      dimensions: [.year, .host],
      cells: [[.year(2001), Self.tr]: 2, [.year(2004), Self.tr]: 3, [.year(2003), Self.eg]: 1, [.year(1990), Self.eg]: 7])
    let series = try table.timeSeries(from: 2000, to: 2005)
    #expect(series.map(\.labels) == [[Self.eg], [Self.tr]])
    #expect(series[0].values == [0, 0, 0, 1, 0, 0])
    #expect(series[1].values == [0, 2, 0, 0, 3, 0])
    #expect(series[1][2004] == 3 && series[1][1999] == 0)
    #expect(series[1].cumulative().values == [0, 2, 2, 2, 5, 5])
    #expect(series[1].total == 5)
    let whole = try table.timeSeries()
    #expect(whole[0].years == 1990...2004)
    #expect(whole[0].values.reduce(0, +) == 8)
    let cumulative = try table.cumulative()
    #expect(cumulative[1].values.last == 5)
    #expect(cumulative[0].values.first == 7)
    #expect(throws: CountTableError(.invalidYearRange(from: 2005, to: 2000))) { try table.timeSeries(from: 2005, to: 2000) }
    let noYear = try CountTable<Int>(dimensions: [.host], cells: [[Self.tr]: 1])
    #expect(throws: CountTableError(.missingDimension(.year))) { try noYear.timeSeries(from: 2000, to: 2001) }
    #expect(throws: CountTableError(.missingDimension(.year))) { try noYear.cumulative() }
    // A table by year alone gives one series even when a range holds nothing.
    let byYear = try CountTable<Int>(dimensions: [.year], cells: [[.year(2010)]: 4])
    #expect(try byYear.timeSeries(from: 1999, to: 2001) == [TimeSeries(labels: [], years: 1999...2001, values: [0, 0, 0])])
  }

  @Test("phase totals roll years into phases, keeping the other dimensions and the total")
  func phaseTotals() throws {
    let columns = IncidentColumns(Self.records)
    let byYear = columns.countPersons(try CountQuery(by: [.ethnicGroup, .year]))
    let byPhase = columns.countPersons(try CountQuery(by: [.ethnicGroup, .phase]))
    #expect(try byYear.phaseTotals() == byPhase)
    #expect(throws: CountTableError(.duplicateDimension(.phase))) {
      try columns.countIncidents(try CountQuery(by: [.year, .phase])).phaseTotals()
    }
    #expect(throws: CountTableError(.missingDimension(.year))) { try byPhase.phaseTotals() }
  }

  // MARK: - Merging

  /// Counts of parts of the synthetic records by several dimension lists.
  static func parts(_ dimensions: [CountDimension]) throws -> (a: CountTable<PersonsCell>, b: CountTable<PersonsCell>, c: CountTable<PersonsCell>, all: CountTable<PersonsCell>) {
    // Parts with different label sets: early years, late years, and every fifth record.
    let early = records.enumerated().filter { $0.element.date.year < 2012 && $0.offset % 5 != 0 }.map(\.element)
    let late = records.enumerated().filter { $0.element.date.year >= 2012 && $0.offset % 5 != 0 }.map(\.element)
    let fifth = records.enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
    let query = try CountQuery(by: dimensions)
    func count(_ part: [Incident]) -> CountTable<PersonsCell> { IncidentColumns(part).countPersons(query) }
    return (count(early), count(late), count(fifth), count(records))
  }

  @Test(
    "merging is associative and commutative with empty as identity, and equals counting the union",
    arguments: [[CountDimension.host, .year], [.ethnicGroup, .phase], [.mode], [], [.origin, .region, .ethnicGroup]])
  func mergeLaws(dimensions: [CountDimension]) throws {
    let (a, b, c, all) = try Self.parts(dimensions)
    #expect(try a.merging(b).merging(c) == a.merging(b.merging(c)))
    #expect(try a.merging(b) == b.merging(a))
    #expect(try a.merging(.empty) == a)
    #expect(try CountTable.empty.merging(a) == a)
    #expect(try a.merging(b).merging(c) == all)
    #expect(try CountTable.merged([c, a, b]) == all)
    #expect(try CountTable<PersonsCell>.merged([]) == .empty)
    // Incidents too.
    let query = try CountQuery(by: dimensions)
    let halves = [Array(Self.records.prefix(1_000)), Array(Self.records.dropFirst(1_000))]
    let merged = try halves.map { IncidentColumns($0).countIncidents(query) }.reduce(CountTable.empty) { try $0.merging($1) }
    #expect(merged == IncidentColumns(Self.records).countIncidents(query))
  }

  @Test("merging tables with different dimensions is refused")
  func mergeMismatch() throws {
    let byHost = try IncidentDataset.documentedSample.countIncidents(by: [.host])
    let byYear = try IncidentDataset.documentedSample.countIncidents(by: [.year])
    #expect(throws: CountTableError(.dimensionMismatch([.host], [.year]))) { try byHost.merging(byYear) }
    let total = try IncidentDataset.documentedSample.countIncidents(by: [])
    #expect(throws: CountTableError.self) { try byHost.merging(total) }
    // A table with no dimensions and nothing counted merges as the identity.
    #expect(try byHost.merging(try IncidentDataset.empty.countIncidents(by: [])) == byHost)
  }

  // MARK: - Reconciliation

  @Test("counted tables reconcile; a wrong total is reported with its difference")
  func reconciliation() throws {
    let table = try IncidentDataset.documentedSample.countIncidents(by: [.host, .category, .ethnicGroup])
    let check = table.reconciliation()
    #expect(check.isConsistent)
    #expect(check.checks.map(\.dimension) == [nil, .host, .category, .ethnicGroup])
    #expect(check.checks.map(\.status) == [.matches, .matches, .matches, .multiValued])
    #expect(check.checks[3].difference == 2)
    #expect(check.description.contains("ethnic_group: 83, total 81 (+2: multi-valued"))

    let wrong = try CountTable<Int>(dimensions: [.host], cells: [[Self.tr]: 5, [Self.eg]: 4], total: 10)
    let report = wrong.reconciliation()
    #expect(!report.isConsistent)
    #expect(report.checks[1].status == .differs)
    #expect(report.checks[1].difference == -1)
    #expect(report.description.contains("host: 9 ≠ total 10 (difference -1)"))

    // A multi-valued dimension summing to less than the total is a difference too.
    let short = try CountTable<Int>(
      dimensions: [.ethnicGroup], cells: [[.ethnicGroup(.uyghur)]: 3], countedOnce: [[]: 5])
    #expect(short.reconciliation().checks.map(\.status) == [.matches, .differs])

    let persons = try IncidentDataset.documentedSample.countPersons(by: [.region, .year])
    #expect(persons.reconciliation().isConsistent)
    let off = try CountTable<PersonsCell>(
      dimensions: [.region], cells: persons.marginal(over: [.region]).cells,
      total: persons.total + PersonsCell(unknownRecords: 1))
    #expect(off.reconciliation().checks[1].difference == PersonsCell(unknownRecords: -1))
  }

  // MARK: - JSON

  @Test("tables round-trip through JSONEncoder and through jsonText", arguments: [
    [CountDimension.host, .category], [.ethnicGroup, .year], [.phase, .mode], [], [.origin, .region],
  ])
  func jsonRoundTrip(dimensions: [CountDimension]) throws {
    let columns = IncidentColumns(Self.records)
    let query = try CountQuery(by: dimensions)
    let incidents = columns.countIncidents(query)
    let persons = columns.countPersons(query)
    let decoder = JSONDecoder()
    #expect(try decoder.decode(CountTable<Int>.self, from: JSONEncoder().encode(incidents)) == incidents)
    #expect(try decoder.decode(CountTable<PersonsCell>.self, from: JSONEncoder().encode(persons)) == persons)
    #expect(try decoder.decode(CountTable<Int>.self, from: Data(incidents.jsonText().utf8)) == incidents)
    #expect(try decoder.decode(CountTable<PersonsCell>.self, from: Data(persons.jsonText().utf8)) == persons)
    // The measure must match the cell type.
    #expect(throws: DecodingError.self) { try decoder.decode(CountTable<Int>.self, from: Data(persons.jsonText().utf8)) }
  }

  @Test("jsonText writes the documented layout")
  func jsonLayout() throws {
    let table = try CountTable<Int>(
      dimensions: [.host, .year], cells: [[Self.th, .year(2015)]: 3, [Self.eg, .year(2017)]: 2])
    #expect(table.jsonText() == """
      {"measure": "incidents", "dimensions": ["host", "year"], "cells": [
        {"host": "EG", "year": 2017, "value": 2},
        {"host": "TH", "year": 2015, "value": 3}
      ], "total": 5}

      """)
    let empty = try CountTable<Int>(dimensions: [.category], cells: [:])
    #expect(empty.jsonText() == #"{"measure": "incidents", "dimensions": ["category"], "cells": [], "total": 0}"# + "\n")
    let phases = try IncidentDataset.documentedSample.countIncidents(by: [.phase])
    #expect(phases.jsonText().contains(#""phases": [{"name": "1997–2007", "first_year": 1997, "last_year": 2007}"#))
    #expect(phases.jsonText().contains(#"{"phase": "2014–present", "value": 59}"#))
    // Decoding rejects bad labels and negative counts.
    let bad = [
      #"{"measure": "incidents", "dimensions": ["host"], "cells": [{"host": "XX", "value": 1}], "total": 1}"#,
      #"{"measure": "incidents", "dimensions": ["host"], "cells": [{"host": "TR", "value": -1}], "total": 1}"#,
      #"{"measure": "incidents", "dimensions": ["host"], "cells": [{"value": 1}], "total": 1}"#,
      #"{"measure": "incidents", "dimensions": ["host"], "cells": [{"host": "TR", "value": 1}, {"host": "TR", "value": 2}], "total": 3}"#,
    ]
    for text in bad {
      #expect(throws: DecodingError.self, "\(text)") { try JSONDecoder().decode(CountTable<Int>.self, from: Data(text.utf8)) }
    }
  }

  @Test("labels order naturally and print as the CSV schema spells them")
  func labels() {
    let phases = Periodization.greatWallOfSteel.phases
    let sorted: [DimensionValue] = [
      .country(Country("AE")!), .country(Country("XK")!), .region(.middleEastAndNorthAfrica), .region(.oceania),
      .category(.intimidation), .category(.extradition), .mode("threat"), .mode("detention"), .mode("deportation"),
      .mode("zzz"), .year(1997), .year(2025), .phase(phases[0]), .phase(phases[2]), .phase(nil),
      .ethnicGroup(.uyghur), .ethnicGroup(.other),
    ]
    #expect(sorted.shuffled().sorted() == sorted)
    #expect(sorted.map(\.description).prefix(3) == ["AE", "XK", "Middle East and North Africa"])
    #expect(DimensionValue.phase(nil).description == "outside the periodization")
    #expect(DimensionValue(parsing: .string("tur"), as: .host) == .country(Country("TR")!))
    #expect(DimensionValue(parsing: .string("TR"), as: .region) == nil)
    #expect(DimensionValue(parsing: .string("2017"), as: .year) == .year(2017))
    #expect(DimensionValue(parsing: .null, as: .phase) == .phase(nil))
    #expect(DimensionValue(parsing: .string("sideways"), as: .mode) == nil)
    #expect(JSONScalar.string("a\"b\\c\nd\u{1}").jsonText == #""a\"b\\c\nd\u0001""#)
  }

  @Test("persons cells add, subtract and describe themselves")
  func personsCell() throws {
    let a = PersonsCell(try PersonCount(62, qualifier: .atLeast))
    let b = PersonsCell(.unknown)
    let c = PersonsCell(.exactly(12))
    let sum = a + b + c
    #expect(sum == PersonsCell(knownSum: 74, exactRecords: 1, atLeastRecords: 1, unknownRecords: 1))
    #expect(sum - c == a + b)
    #expect(sum.records == 3 && !sum.isExact && sum.isLowerBound)
    #expect(c.isExact && c.isLowerBound)
    #expect(PersonsCell(try PersonCount(10, qualifier: .upTo)).isLowerBound == false)
    #expect(sum.description == "74 (3 records: 1 exact, 1 at least, 1 unknown)")
    #expect(PersonsCell.zero.description == "0 (0 records)")
    #expect(sum[records: .unknown] == 1)
  }
}
