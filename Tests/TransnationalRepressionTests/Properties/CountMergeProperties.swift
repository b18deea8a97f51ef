import Testing

@testable import TransnationalRepression

/// Count tables form a commutative monoid under `merging`, with `.empty` as identity, and merging
/// the counts of two disjoint datasets gives the counts of their union — for incidents and
/// persons, for single- and multi-valued dimensions, with and without filters.
@Suite("Properties: count merges obey the monoid laws")
struct CountMergeProperties {
  /// One test case per seed.
  static let seeds: [UInt64] = Array(0..<40)

  static let dimensionSets: [[CountDimension]] = [
    [], [.host], [.category], [.host, .category], [.year, .ethnicGroup], [.ethnicGroup],
    [.origin, .phase, .mode], [.region, .year], [.ethnicGroup, .host], [.phase, .category, .region],
  ]

  static let filters: [IncidentFilter] = [
    .all, IncidentFilter(years: 2010...2018), IncidentFilter(categories: [.detention, .extradition]),
  ]

  /// Three disjoint datasets for a seed (ids differ by seed), of 0 to 60 records.
  static func parts(_ seed: UInt64) -> [IncidentDataset] {
    (0..<3).map { part in
      VariedIncidents(seed: seed &* 3 &+ UInt64(part)).dataset(count: Int((seed &+ UInt64(part) &* 7) % 61))
    }
  }

  static func check<Value: CountTableValue>(
    _ count: (IncidentDataset) -> CountTable<Value>, _ parts: [IncidentDataset], context: String
  ) throws {
    let (a, b, c) = (count(parts[0]), count(parts[1]), count(parts[2]))
    // Identity.
    #expect(try CountTable<Value>.empty.merging(a) == a, "\(context)")
    #expect(try a.merging(.empty) == a, "\(context)")
    // Commutativity and associativity.
    #expect(try a.merging(b) == b.merging(a), "\(context)")
    #expect(try a.merging(b).merging(c) == a.merging(b.merging(c)), "\(context)")
    // Homomorphism: counts(A) + counts(B) + counts(C) == counts(A ∪ B ∪ C).
    let union = try parts[0].merging(parts[1]).merging(parts[2])
    #expect(try CountTable.merged([a, b, c]) == count(union), "\(context)")
    #expect(try CountTable.merged([c, a, b]) == count(union), "\(context)")
  }

  @Test("identity, commutativity, associativity and counts(A) + counts(B) == counts(A ∪ B)", arguments: seeds)
  func monoidLaws(seed: UInt64) throws {
    let parts = Self.parts(seed)
    let dimensions = Self.dimensionSets[Int(seed) % Self.dimensionSets.count]
    let filter = Self.filters[Int(seed / 10) % Self.filters.count]
    try Self.check(
      { try! $0.countIncidents(by: dimensions, where: filter) }, parts,
      context: "incidents by \(dimensions), seed \(seed)")
    try Self.check(
      { try! $0.countPersons(by: dimensions, where: filter) }, parts,
      context: "persons by \(dimensions), seed \(seed)")
  }

  @Test("a dataset split into any number of parts merges back to its count", arguments: Array(seeds.prefix(20)))
  func partitions(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    let whole = VariedIncidents(seed: 1_000 + seed).dataset(count: 80)
    let pieces = 1 + random.nextIndex(below: 6)
    var buckets = [[Incident]](repeating: [], count: pieces)
    for incident in whole { buckets[random.nextIndex(below: pieces)].append(incident) }
    let dimensions = Self.dimensionSets[Int(seed) % Self.dimensionSets.count]
    let tables = try buckets.map { try IncidentDataset($0, validatedOn: VariedIncidents.today).countPersons(by: dimensions) }
    var shuffled = tables
    random.shuffle(&shuffled)
    #expect(try CountTable.merged(shuffled) == whole.countPersons(by: dimensions))
  }

  @Test("tables with different dimensions do not merge")
  func mismatchedDimensions() throws {
    let dataset = VariedIncidents(seed: 7).dataset(count: 10)
    let byHost = try dataset.countIncidents(by: [.host])
    let byYear = try dataset.countIncidents(by: [.year])
    let error = try #require(throws: CountTableError.self) { try byHost.merging(byYear) }
    #expect(error.kind == .dimensionMismatch([.host], [.year]))
    #expect(error.description.contains("host") && error.description.contains("year"))
  }
}
