import Testing

@testable import TransnationalRepression

/// Counts of the counting core against the independent dictionary count of ``CountingOracle`` on
/// synthetic datasets: every dimension alone and in every combination of two and three, both
/// measures, with and without filters.
@Suite("Counting core against an independent count")
struct CountingCoreTests {
  /// Checks one query, both measures, against the oracle.
  static func check(
    _ records: [Incident], _ columns: IncidentColumns, _ dimensions: [CountDimension],
    _ filter: IncidentFilter, periodization: Periodization = .greatWallOfSteel,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let query = try CountQuery(by: dimensions, where: filter, periodization: periodization)
    let expected = CountingOracle.incidents(records, by: dimensions, where: filter, periodization: periodization)
    let table = columns.countIncidents(query)
    #expect(table.cells == expected.cells, "\(dimensions) \(filter)", sourceLocation: sourceLocation)
    #expect(table.total == expected.total, "\(dimensions) \(filter)", sourceLocation: sourceLocation)
    #expect(table.dimensions == dimensions, sourceLocation: sourceLocation)

    let persons = CountingOracle.persons(records, by: dimensions, where: filter, periodization: periodization)
    let personsTable = columns.countPersons(query)
    #expect(personsTable.cells == persons.cells, "persons \(dimensions) \(filter)", sourceLocation: sourceLocation)
    #expect(personsTable.total == persons.total, "persons \(dimensions) \(filter)", sourceLocation: sourceLocation)

    // A multi-valued table keeps the counts over its other dimensions, each incident once.
    if dimensions.contains(.ethnicGroup) {
      let single = dimensions.filter { $0 != .ethnicGroup }
      let once = CountingOracle.incidents(records, by: single, where: filter, periodization: periodization)
      #expect(table.countedOnceCells == once.cells, "\(dimensions)", sourceLocation: sourceLocation)
      #expect(table.multiValuedDimensions == [.ethnicGroup], sourceLocation: sourceLocation)
    } else {
      #expect(table.countedOnceCells == nil, sourceLocation: sourceLocation)
    }
  }

  @Test(
    "every dimension alone and in pairs and triples, both measures, no filter",
    arguments: [(UInt64(1), 1_500), (UInt64(2), 40)])
  func allCombinations(seed: UInt64, size: Int) throws {
    let generator = SyntheticIncidents(seed: seed, origins: .freedomHouse2025)
    let records = generator.dataset(count: size).incidents
    let columns = IncidentColumns(records)
    for size in 0...3 {
      for dimensions in CountDimension.combinations(of: size) {
        try Self.check(records, columns, dimensions, .all)
      }
    }
  }

  @Test("random queries with random filters over many seeds and sizes", arguments: 0..<24)
  func randomQueries(round: Int) throws {
    var random = TestRandom(seed: UInt64(round) &* 7919 &+ 11)
    let sizes = [0, 1, 2, 3, 10, 57, 300, 1_000, 2_500, 5_000]
    let size = sizes[round % sizes.count]
    let origins: SyntheticIncidents.OriginMix = round % 3 == 0 ? .freedomHouse2025 : .chinaOnly
    let records = SyntheticIncidents(seed: random.next(), origins: origins).dataset(count: size).incidents
    let columns = IncidentColumns(records)
    for _ in 0..<12 {
      let count = Int.random(in: 1...3, using: &random)
      let dimensions = Array(CountDimension.allCases.shuffled(using: &random).prefix(count))
      try Self.check(records, columns, dimensions, random.filter(for: records))
    }
  }

  @Test("every single-dimension count under a filter on each field")
  func filtersOneAtATime() throws {
    let records = SyntheticIncidents(seed: 99, origins: .freedomHouse2025).dataset(count: 2_000).incidents
    let columns = IncidentColumns(records)
    let filters = [
      IncidentFilter(years: 2008...2015),
      IncidentFilter(categories: [.detention, .extradition]),
      IncidentFilter(modes: ["deportation", "unspecified", "detention"]),
      IncidentFilter(hosts: [Country("TR")!, Country("KZ")!, Country("FR")!]),
      IncidentFilter(origins: [Country("RU")!, .china]),
      IncidentFilter(regions: [.centralAsia, .europe]),
      IncidentFilter(ethnicGroups: [.kazakh, .kyrgyz]),
      IncidentFilter(years: 3000...3001),  // nothing passes
      IncidentFilter(hosts: [Country("NA")!]),  // a host that does not occur
    ]
    for filter in filters {
      for dimension in CountDimension.allCases {
        try Self.check(records, columns, [dimension], filter)
      }
      try Self.check(records, columns, [], filter)
    }
  }

  @Test("a custom periodization with a gap puts unphased years under .phase(nil)")
  func customPeriodization() throws {
    let periodization = Periodization([
      Phase(name: "early", firstYear: 2000, lastYear: 2009),
      Phase(name: "late", firstYear: 2016, lastYear: nil),
    ])!
    let records = SyntheticIncidents(seed: 5).dataset(count: 800).incidents
    let columns = IncidentColumns(records)
    try Self.check(records, columns, [.phase], .all, periodization: periodization)
    try Self.check(records, columns, [.phase, .category], IncidentFilter(years: 2005...2020), periodization: periodization)
    let table = columns.countIncidents(try CountQuery(by: [.phase], periodization: periodization))
    #expect(table.labels(of: .phase).last == .phase(nil))
    #expect(table[.phase(nil)] == records.filter { (2010...2015).contains($0.date.year) || $0.date.year < 2000 }.count)
  }

  @Test("persons of 255 or more go through the overflow table and are summed exactly")
  func overflowPersons() throws {
    let source = try SourceCitation(title: "test")
    let records = try [300, 254, 255, 1_000_000, 7].enumerated().map { index, persons in
      try Incident(
        id: "T-\(index)", host: Country("TR")!, date: IncidentDate(year: 2020, precision: .year),
        kind: .detention(.unknown), persons: PersonCount(persons, qualifier: index == 3 ? .about : .exact),
        ethnicGroups: [.uyghur], sources: [source])
    }
    let columns = IncidentColumns(records)
    #expect(columns.overflowCount == 3)
    #expect(columns.storageBytes == 5 * 8 + 3 * 16)
    let table = columns.countPersons(try CountQuery(by: [.host]))
    #expect(table[.country(Country("TR")!)].knownSum == 300 + 254 + 255 + 1_000_000 + 7)
    #expect(table[.country(Country("TR")!)].aboutRecords == 1)
    try Self.check(records, columns, [.host], .all)
    try Self.check(records, columns, [.ethnicGroup], IncidentFilter(years: 2020...2020))
  }
}
