import Testing

@testable import TransnationalRepression

/// The columnar store and the execution paths: threads, dense and sparse tables, memory per
/// incident.
@Suite("Columnar store and count execution")
struct CountExecutionTests {
  static let records = SyntheticIncidents(seed: 2024, origins: .freedomHouse2025).dataset(count: 3_000).incidents
  static let columns = IncidentColumns(records)

  @Test("the fixed columns take 8 bytes per incident")
  func bytesPerIncident() {
    #expect(IncidentColumns.bytesPerIncident == 8)
    #expect(IncidentColumns.bytesPerIncident <= 8)
    // The six columns really are 1 + 1 + 1 + 2 + 2 + 1 bytes per row.
    let columns = Self.columns
    let fixed =
      columns.origin.count * MemoryLayout<UInt8>.stride + columns.host.count * MemoryLayout<UInt8>.stride
      + columns.kind.count * MemoryLayout<UInt8>.stride + columns.year.count * MemoryLayout<UInt16>.stride
      + columns.groups.count * MemoryLayout<UInt16>.stride + columns.persons.count * MemoryLayout<UInt8>.stride
    #expect(fixed == 8 * columns.count)
    #expect(columns.storageBytes == fixed + 16 * columns.overflowCount)
    // The sample has no overflow: exactly 8 bytes per incident.
    let sample = IncidentColumns(IncidentDataset.documentedSample)
    #expect(sample.overflowCount == 0)
    #expect(sample.storageBytes == 8 * 81)
  }

  @Test("every row decodes back to its record's codes")
  func rowsRoundTrip() {
    for (row, incident) in Self.records.enumerated() {
      let codes = Self.columns.codes(at: row)
      #expect(Country(index: Int(codes.origin)) == incident.origin)
      #expect(Country(index: Int(codes.host)) == incident.host)
      #expect(IncidentKind.allModes[Int(codes.kind)] == incident.kind.mode)
      #expect(IncidentKind.categoryOfColumnCode[Int(codes.kind)] == incident.category)
      #expect(Int(codes.year) == incident.date.year)
      #expect(codes.persons == incident.persons.value ?? 0)
      #expect(PersonCountQualifier.allCases[codes.qualifierCode] == incident.persons.qualifier)
      let groups = EthnicGroup.allCases.filter { codes.groups & (1 << UInt16($0.code)) != 0 }
      #expect(Set(groups) == incident.ethnicGroups)
    }
    #expect(Self.columns.years == 1997...2025)
    #expect(IncidentColumns(IncidentDataset.empty).years == nil)
  }

  @Test("one thread and many give identical tables", arguments: [2, 3, 7])
  func threadsAgree(threads: Int) throws {
    for dimensions: [CountDimension] in [[.host, .year], [.ethnicGroup, .category], [], [.mode, .phase, .origin]] {
      let query = try CountQuery(by: dimensions, where: IncidentFilter(years: 2000...2022))
      var single = CountExecution(columns: Self.columns, query: query, threads: 1)
      single.minimumRowsPerThread = 1
      var many = CountExecution(columns: Self.columns, query: query, threads: threads)
      many.minimumRowsPerThread = 1
      #expect(single.incidents() == many.incidents())
      #expect(single.persons() == many.persons())
      #expect(single.incidents() == Self.columns.countIncidents(query))
    }
  }

  @Test("the sparse path for very large shapes gives the dense path's table")
  func sparseAgreesWithDense() throws {
    for dimensions: [CountDimension] in [[.origin, .host, .year], [.ethnicGroup, .mode], [.phase]] {
      let query = try CountQuery(by: dimensions)
      var dense = CountExecution(columns: Self.columns, query: query, threads: 1)
      dense.routing = .generalOnly
      var sparse = dense
      sparse.denseCellLimit = 1
      var sparseThreads = CountExecution(columns: Self.columns, query: query, threads: 3)
      sparseThreads.routing = .generalOnly
      sparseThreads.denseCellLimit = 1
      sparseThreads.minimumRowsPerThread = 1
      #expect(dense.incidents() == sparse.incidents())
      #expect(dense.persons() == sparse.persons())
      #expect(dense.persons() == sparseThreads.persons())
    }
  }

  @Test("the kernel route gives the general path's tables, on one thread and many")
  func kernelRouteAgreesWithGeneralPath() throws {
    let periodization = Periodization([
      Phase(name: "early", firstYear: 2000, lastYear: 2009),
      Phase(name: "late", firstYear: 2016, lastYear: nil),
    ])!
    var queries: [CountQuery] = []
    for size in 0...3 {
      for dimensions in CountDimension.combinations(of: size) where !dimensions.contains(.ethnicGroup) {
        queries.append(try CountQuery(by: dimensions))
      }
    }
    queries.append(try CountQuery(by: [.phase, .mode], periodization: periodization))
    queries.append(try CountQuery(by: [.year, .region, .mode, .phase]))
    // A store with overflow persons (255 or more) and every qualifier.
    let source = try SourceCitation(title: "test")
    let overflow = try [300, 254, 0, 1_000_000, 7].enumerated().map { index, persons in
      try Incident(
        id: "T-\(index)", host: Country(index: 40 * index)!, date: IncidentDate(year: 2000 + index, precision: .year),
        kind: index == 2 ? .extradition(.rendition) : .detention(.unknown),
        persons: index == 2 ? .unknown : PersonCount(persons, qualifier: index == 3 ? .about : .exact),
        ethnicGroups: [.uyghur], sources: [source])
    }
    var routed = 0
    for columns in [Self.columns, IncidentColumns(overflow), IncidentColumns(IncidentDataset.documentedSample)] {
      for query in queries {
        guard KernelRoute(columns: columns, query: query, anySize: true) != nil else { continue }
        routed += 1
        var general = CountExecution(columns: columns, query: query, threads: 1)
        general.routing = .generalOnly
        for threads in [1, 3] {
          var route = CountExecution(columns: columns, query: query, threads: threads)
          route.minimumRowsPerThread = 1
          route.routing = .kernelWhenPossible
          #expect(route.incidents() == general.incidents(), "\(query.dimensions)")
          #expect(route.persons() == general.persons(), "\(query.dimensions)")
        }
      }
    }
    #expect(routed == 3 * 66)
  }

  @Test("a kernel count keeps its grid: lookups, cell counts, hashes and a shared first build")
  func gridTables() async throws {
    let query = try CountQuery(by: [.region, .category, .year])
    var general = CountExecution(columns: Self.columns, query: query, threads: 1)
    general.routing = .generalOnly
    let expected = general.incidents()
    func routed() -> CountTable<Int> {
      var route = CountExecution(columns: Self.columns, query: query, threads: 2)
      route.routing = .kernelWhenPossible
      return route.incidents()
    }
    // Looked up before anything builds the dictionary, the grid gives every cell's value.
    let table = routed()
    #expect(table.cellStore.holdsGrid)
    #expect(table.cellStore.count == expected.cells.count)
    for (labels, value) in expected.cells { #expect(table[labels: labels] == value) }
    #expect(table[.region(.europe), .category(.detention), .year(1900)] == 0)
    #expect(table.total == expected.total)
    #expect(table.hashValue == expected.hashValue)
    #expect(table == expected)
    // Sixteen tasks need the dictionary of one fresh table at once: one build, one answer.
    let fresh = routed()
    let built = await withTaskGroup(of: [[DimensionValue]: Int].self) { group in
      for _ in 0..<16 { group.addTask { fresh.cells } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(built.count == 16 && built.allSatisfy { $0 == expected.cells })
    // A grid mostly of zeros is kept as a dictionary; its values are the same.
    let axes: [[DimensionValue]] = [(1997...2026).map { .year($0) }]
    let sparse = CountTable<Int>(
      dimensions: [.year], grid: DenseGrid(axes: axes, values: [5] + Array(repeating: 0, count: 29)), total: 5)
    #expect(!sparse.cellStore.holdsGrid)
    #expect(sparse == (try CountTable<Int>(dimensions: [.year], cells: [[.year(1997)]: 5])))
    #expect(sparse[.year(1997)] == 5 && sparse[.year(1998)] == 0)
  }

  @Test("filters, ethnic groups and very large shapes take the general path")
  func generalPathShapes() throws {
    #expect(KernelRoute(columns: Self.columns, query: try CountQuery(by: [.host], where: IncidentFilter(years: 2000...2010))) == nil)
    #expect(KernelRoute(columns: Self.columns, query: try CountQuery(by: [.ethnicGroup])) == nil)
    #expect(KernelRoute(columns: IncidentColumns(IncidentDataset.empty), query: try CountQuery(by: [.host])) == nil)
    // Hundreds of origins × hosts × years × kinds of stored codes for 3,000 rows: the compact
    // axes of the general path win; a few thousand cells take the route.
    let wide = IncidentColumns(SyntheticIncidents(seed: 3, origins: .freedomHouse2025).dataset(count: 3_000))
    #expect(KernelRoute(columns: wide, query: try CountQuery(by: [.origin, .host, .year, .mode])) == nil)
    #expect(KernelRoute(columns: wide, query: try CountQuery(by: [.origin, .host, .year, .mode]), anySize: true) == nil)
    #expect(KernelRoute(columns: wide, query: try CountQuery(by: [.host, .category, .year])) == nil)
    #expect(KernelRoute(columns: wide, query: try CountQuery(by: [.host, .category])) != nil)
  }

  @Test("the kernel splits rows into contiguous ranges covering every row")
  func split() {
    for (count, parts) in [(0, 1), (10, 3), (7, 7), (100, 8)] {
      let ranges = CountingCore.split(0..<count, parts: parts)
      #expect(ranges.count == parts)
      #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == count)
      #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
      #expect(ranges.map(\.count).max()! - ranges.map(\.count).min()! <= 1)
    }
  }

  @Test("an empty store counts nothing, with every dimension")
  func emptyStore() throws {
    let columns = IncidentColumns(IncidentDataset.empty)
    for dimension in CountDimension.allCases {
      let table = columns.countIncidents(try CountQuery(by: [dimension]))
      #expect(table.cells.isEmpty && table.total == 0)
      #expect(columns.countPersons(try CountQuery(by: [dimension])).total == .zero)
    }
    #expect(columns.countIncidents(try CountQuery(by: [])).total == 0)
  }

  @Test("a query repeating a dimension is rejected")
  func duplicateDimension() throws {
    #expect(throws: CountTableError(.duplicateDimension(.host))) {
      try CountQuery(by: [.host, .year, .host])
    }
    #expect(throws: CountTableError(.unknownDimension("hots"))) { try CountDimension.list("host,hots") }
    #expect(throws: CountTableError(.duplicateDimension(.year))) { try CountDimension.list("year, year") }
    #expect(throws: CountTableError(.unknownDimension(""))) { try CountDimension.list("") }
    #expect(try CountDimension.list(" host , ethnic_group") == [.host, .ethnicGroup])
  }

  @Test("a query round-trips through JSON and count(_:as:) picks the measure by type")
  func queryCodable() throws {
    let query = try CountQuery(
      by: [.region, .phase], where: IncidentFilter(years: 2001...2019, ethnicGroups: [.kazakh]))
    let data = try JSONEncoder().encode(query)
    #expect(try JSONDecoder().decode(CountQuery.self, from: data) == query)
    let repeated = Data(#"{"dimensions": ["host", "host"]}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(CountQuery.self, from: repeated) }
    #expect(Self.columns.count(query, as: Int.self) == Self.columns.countIncidents(query))
    #expect(Self.columns.count(query, as: PersonsCell.self) == Self.columns.countPersons(query))
  }
}

import Foundation
