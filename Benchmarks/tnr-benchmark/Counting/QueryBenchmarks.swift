import TransnationalRepression

/// Count queries through the library's API (``IncidentColumns/countIncidents(_:threads:)``) on
/// the synthetic store of ``SyntheticIncidents/columns(count:threads:)``: the kernel route that
/// unfiltered queries take, and the general path, forced by a filter that lets every incident
/// through (same table, so the two are directly comparable).
enum QueryBenchmarks {
  /// A filter every synthetic incident passes; any filter sends a query to the general path.
  static let passAll = IncidentFilter(years: 1000...9999)

  static let all: [Benchmark] = [
    query("query.host-category-year", "incidents by (host, category, year): kernel route",
      [.host, .category, .year], filter: .all, persons: false),
    query("query.host-category-year.general",
      "the same through the general path (a filter that passes every incident)",
      [.host, .category, .year], filter: passAll, persons: false),
    query("query.region-phase", "incidents by (region, phase): kernel route, derived labels",
      [.region, .phase], filter: .all, persons: false),
    query("query.region-phase.general", "the same through the general path",
      [.region, .phase], filter: passAll, persons: false),
    query("query.persons.host-year", "persons by (host, year): kernel route",
      [.host, .year], filter: .all, persons: true),
    query("query.persons.host-year.general", "the same through the general path",
      [.host, .year], filter: passAll, persons: true),
  ]

  static func query(
    _ name: String, _ summary: String, _ dimensions: [CountDimension], filter: IncidentFilter,
    persons: Bool
  ) -> Benchmark {
    Benchmark(name: name, summary: summary, unit: "rows", defaultSize: 10_000_000) { context in
      let columns = SyntheticIncidents(seed: 2026).columns(count: context.size, threads: context.threads)
      let query = try CountQuery(by: dimensions, where: filter)
      var cells = 0
      return BenchmarkRun(items: columns.count, details: { [("cells", .int(cells))] }) {
        if persons {
          cells = columns.countPersons(query, threads: context.threads).cells.count
        } else {
          cells = columns.countIncidents(query, threads: context.threads).cells.count
        }
      }
    }
  }
}
