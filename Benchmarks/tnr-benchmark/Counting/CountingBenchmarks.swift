import TransnationalRepression

/// The counting-core benchmarks: `CountingKernel` on synthetic incident columns.
enum CountingBenchmarks {
  /// The registered counting benchmarks (see ``Benchmark``).
  static let all: [Benchmark] = [
    Benchmark(
      name: "count.country-kind-year",
      summary: "count (country u16, kind u8, year u16) into 22,500 cells, as gen.py/ref.c",
      unit: "rows", defaultSize: 10_000_000
    ) { context in
      try countRun(context, dimensions: [.country, .kind, .year], weighted: false)
    },
    Benchmark(
      name: "count.country-kind-year.weighted",
      summary: "the same, summing a u32 persons weight per row",
      unit: "rows", defaultSize: 10_000_000
    ) { context in
      try countRun(context, dimensions: [.country, .kind, .year], weighted: true)
    },
    Benchmark(
      name: "count.country",
      summary: "count one u16 column (country) into 250 cells",
      unit: "rows", defaultSize: 10_000_000
    ) { context in
      try countRun(context, dimensions: [.country], weighted: false)
    },
    Benchmark(
      name: "count.country-year",
      summary: "count two u16 columns (country, year) into 7,500 cells",
      unit: "rows", defaultSize: 10_000_000
    ) { context in
      try countRun(context, dimensions: [.country, .year], weighted: false)
    },
    Benchmark(
      name: "count.country-kind-year-group",
      summary: "count four columns (+ ethnic group u8) into 225,000 cells (general path)",
      unit: "rows", defaultSize: 10_000_000
    ) { context in
      try countRun(context, dimensions: [.country, .kind, .year, .group], weighted: false)
    },
  ]

  /// A dimension of the synthetic incidents.
  enum Dimension {
    case country, kind, year, group
  }

  /// Sets up a count of synthetic rows over `dimensions`.
  static func countRun(
    _ context: BenchmarkContext, dimensions: [Dimension], weighted: Bool
  ) throws -> BenchmarkRun {
    let extras = weighted || dimensions.contains(.group)
    let data = BaselineGenerator.generate(
      rows: context.size, threads: CountingKernel.defaultThreadCount, extras: extras)
    let columns = dimensions.map { dimension -> KernelColumn in
      switch dimension {
      case .country: return KernelColumn(UnsafeBufferPointer(data.country), extent: data.countries)
      case .kind: return KernelColumn(UnsafeBufferPointer(data.kind), extent: data.kinds)
      case .year:
        return KernelColumn(
          UnsafeBufferPointer(data.year), offset: data.yearMin, extent: data.years)
      case .group: return KernelColumn(UnsafeBufferPointer(data.group!), extent: 10)
      }
    }
    let weights = weighted ? UnsafeBufferPointer(data.persons!) : nil
    let table = DenseTable(cells: try CountingKernel.cellCount(of: columns))
    let standard = dimensions == [.country, .kind, .year] && !weighted
    return BenchmarkRun(
      items: data.rows,
      prepare: { table.zero() },
      checksum: { TableChecksum.fnv1a64(table.cells) },
      details: {
        guard standard, let expected = BaselineGenerator.knownChecksums[data.rows] else {
          return []
        }
        return [
          ("expected_checksum", .string(expected)),
          ("checksum_ok", .bool(TableChecksum.fnv1a64(table.cells) == expected)),
        ]
      },
      body: {
        withExtendedLifetime(data) {}
        try CountingKernel.count(
          columns: columns, weights: weights, threads: context.threads, into: table.cells)
      })
  }
}

/// An owned, zeroable `UInt64` count table (freed on release).
final class DenseTable {
  let cells: UnsafeMutableBufferPointer<UInt64>

  init(cells count: Int) {
    cells = .allocate(capacity: count)
    cells.initialize(repeating: 0)
  }

  func zero() { cells.update(repeating: 0) }

  deinit { cells.deallocate() }
}
