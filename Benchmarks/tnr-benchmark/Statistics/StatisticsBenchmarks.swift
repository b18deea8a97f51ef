import TransnationalRepression

/// The statistics benchmarks: Kendall's tau-b on many pairs and a permutation test on a
/// country-sized sample, one thread (the statistics issue's speed targets: under 1 s for 1e6
/// pairs, under 0.2 s for 10,000 permutations of 120 countries).
enum StatisticsBenchmarks {
  /// The registered statistics benchmarks.
  static let all: [Benchmark] = [
    Benchmark(
      name: "stats.kendall-tau-b",
      summary: "Kendall tau-b with its p-value on n seeded pairs with ties (O(n log n))",
      unit: "pairs", defaultSize: 1_000_000
    ) { context in
      let (x, y) = pairs(context.size, seed: 1)
      var statistic = 0.0
      return BenchmarkRun(
        items: context.size, checksum: { String(statistic) },
        body: { statistic = try Correlation.kendallTauB(x, y).statistic })
    },
    Benchmark(
      name: "stats.permutation-pearson-120",
      summary: "10,000 permutations of a Pearson correlation over 120 countries (size = permutations)",
      unit: "permutations", defaultSize: 10_000
    ) { context in
      let (x, y) = pairs(120, seed: 2)
      var pValue = 0.0
      return BenchmarkRun(
        items: context.size, checksum: { String(pValue) },
        body: {
          pValue = try PermutationTest.correlation(
            x, y, method: .pearson, permutations: context.size, seed: 7
          ).pValue
        })
    },
    Benchmark(
      name: "stats.permutation-spearman-120",
      summary: "10,000 permutations of a Spearman correlation over 120 countries (size = permutations)",
      unit: "permutations", defaultSize: 10_000
    ) { context in
      let (x, y) = pairs(120, seed: 3)
      var pValue = 0.0
      return BenchmarkRun(
        items: context.size, checksum: { String(pValue) },
        body: {
          pValue = try PermutationTest.correlation(
            x, y, method: .spearman, permutations: context.size, seed: 7
          ).pValue
        })
    },
  ]

  /// Seeded pairs: x uniform on a grid of 1,000 values (so there are ties), y = x plus noise.
  static func pairs(_ count: Int, seed: UInt64) -> ([Double], [Double]) {
    var generator = SeededGenerator(seed: seed)
    var x: [Double] = []
    var y: [Double] = []
    x.reserveCapacity(count)
    y.reserveCapacity(count)
    for _ in 0..<count {
      let value = Double(generator.next(upperBound: UInt64(1_000)))
      x.append(value)
      y.append(value + generator.nextDouble() * 500)
    }
    return (x, y)
  }
}
