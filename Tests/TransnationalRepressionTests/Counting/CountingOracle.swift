import TransnationalRepression

/// An independent count over `Incident` records with plain dictionaries: what every count of the
/// counting core is checked against. It reads the model directly (`host.region`, `kind.mode`,
/// `Periodization.phase(containing:)`) and shares no code with the columnar store, the planner or
/// the kernel. Test support, not API.
enum CountingOracle {
  /// Whether a record passes a filter, written out again rather than calling `IncidentFilter.includes`.
  static func passes(_ incident: Incident, _ filter: IncidentFilter) -> Bool {
    if let years = filter.years, incident.date.year < years.lowerBound || incident.date.year > years.upperBound {
      return false
    }
    if let categories = filter.categories, !categories.contains(incident.kind.category) { return false }
    if let modes = filter.modes, !modes.contains(incident.kind.mode) { return false }
    if let hosts = filter.hosts, !hosts.contains(incident.host) { return false }
    if let origins = filter.origins, !origins.contains(incident.origin) { return false }
    if let regions = filter.regions, !regions.contains(incident.host.region) { return false }
    if let groups = filter.ethnicGroups, !incident.ethnicGroups.contains(where: groups.contains) {
      return false
    }
    return true
  }

  /// The labels a record takes under a dimension (several for ethnic groups).
  static func labels(
    _ incident: Incident, _ dimension: CountDimension, _ filter: IncidentFilter,
    _ periodization: Periodization
  ) -> [DimensionValue] {
    switch dimension {
    case .origin: return [.country(incident.origin)]
    case .host: return [.country(incident.host)]
    case .region: return [.region(incident.host.region)]
    case .category: return [.category(incident.kind.category)]
    case .mode: return [.mode(incident.kind.mode)]
    case .year: return [.year(incident.date.year)]
    case .phase: return [.phase(periodization.phase(containing: incident.date.year))]
    case .ethnicGroup:
      return incident.ethnicGroups.filter { filter.ethnicGroups?.contains($0) ?? true }
        .map { .ethnicGroup($0) }
    }
  }

  /// Every combination of labels a record counts under.
  static func keys(
    _ incident: Incident, _ dimensions: [CountDimension], _ filter: IncidentFilter,
    _ periodization: Periodization
  ) -> [[DimensionValue]] {
    var keys: [[DimensionValue]] = [[]]
    for dimension in dimensions {
      let options = labels(incident, dimension, filter, periodization)
      keys = keys.flatMap { key in options.map { key + [$0] } }
    }
    return keys
  }

  /// One record's persons, built field by field.
  static func persons(_ incident: Incident) -> PersonsCell {
    var cell = PersonsCell()
    cell.knownSum = incident.persons.value ?? 0
    switch incident.persons.qualifier {
    case .exact: cell.exactRecords = 1
    case .atLeast: cell.atLeastRecords = 1
    case .about: cell.aboutRecords = 1
    case .upTo: cell.upToRecords = 1
    case .unknown: cell.unknownRecords = 1
    }
    return cell
  }

  /// Incidents per cell and the number of records that pass.
  static func incidents(
    _ records: [Incident], by dimensions: [CountDimension], where filter: IncidentFilter = .all,
    periodization: Periodization = .greatWallOfSteel
  ) -> (cells: [[DimensionValue]: Int], total: Int) {
    var cells: [[DimensionValue]: Int] = [:]
    var total = 0
    for incident in records where passes(incident, filter) {
      total += 1
      for key in keys(incident, dimensions, filter, periodization) { cells[key, default: 0] += 1 }
    }
    return (cells, total)
  }

  /// Persons per cell and over every record that passes.
  static func persons(
    _ records: [Incident], by dimensions: [CountDimension], where filter: IncidentFilter = .all,
    periodization: Periodization = .greatWallOfSteel
  ) -> (cells: [[DimensionValue]: PersonsCell], total: PersonsCell) {
    var cells: [[DimensionValue]: PersonsCell] = [:]
    var total = PersonsCell()
    for incident in records where passes(incident, filter) {
      let cell = persons(incident)
      total = total + cell
      for key in keys(incident, dimensions, filter, periodization) {
        cells[key] = (cells[key] ?? PersonsCell()) + cell
      }
    }
    return (cells, total)
  }
}

/// A small seeded generator for test inputs (SplitMix64, sequential). Test support, not API.
struct TestRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A random filter over the values that occur in `records`: each restriction present with
  /// probability 0.3.
  mutating func filter(for records: [Incident]) -> IncidentFilter {
    var filter = IncidentFilter()
    func maybe() -> Bool { Double.random(in: 0..<1, using: &self) < 0.3 }
    func subset<T: Hashable>(_ values: [T]) -> Set<T> {
      guard !values.isEmpty else { return [] }
      let count = Int.random(in: 1...Swift.max(1, Swift.min(values.count, 4)), using: &self)
      return Set((0..<count).map { _ in values.randomElement(using: &self)! })
    }
    if maybe() {
      let first = Int.random(in: 1995...2020, using: &self)
      filter.years = first...Int.random(in: first...2026, using: &self)
    }
    if maybe() { filter.categories = subset(IncidentCategory.allCases) }
    if maybe() { filter.modes = subset(IncidentKind.allModes) }
    if maybe() { filter.hosts = subset(records.map(\.host) + [Country("FR")!]) }
    if maybe() { filter.origins = subset(records.map(\.origin) + [Country.china]) }
    if maybe() { filter.regions = subset(Region.allCases) }
    if maybe() { filter.ethnicGroups = subset(EthnicGroup.allCases) }
    return filter
  }
}

extension CountDimension {
  /// Every list of `size` distinct dimensions in declaration order.
  static func combinations(of size: Int) -> [[CountDimension]] {
    func build(_ start: Int, _ size: Int) -> [[CountDimension]] {
      guard size > 0 else { return [[]] }
      guard start < allCases.count else { return [] }
      var result: [[CountDimension]] = []
      for index in start..<allCases.count {
        for rest in build(index + 1, size - 1) { result.append([allCases[index]] + rest) }
      }
      return result
    }
    return build(0, size)
  }
}
