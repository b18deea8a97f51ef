import Foundation
import TransnationalRepression

/// The count-model benchmarks (issue 16's speed targets): a Poisson and a negative binomial
/// (NB2) fit on 200 countries × 10 covariates in under 1 ms each, and 10,000 coefficient-
/// permutation refits in under 2 s on two cores. The data are SYNTHETIC (seeded), not the
/// bundled sample: 200 rows, 10 standard-normal covariates, an exposure offset, and counts
/// drawn from a Poisson (for the Poisson fit) or a gamma-free overdispersed mixture (Poisson
/// with a log-normal frailty, for NB2).
///
/// `tnr-benchmark model` runs all three; `tnr-benchmark run model.poisson-200x10` one of them.
enum ModelBenchmarks {
  /// The registered model benchmarks.
  static let all: [Benchmark] = [
    fit(
      "model.poisson-200x10",
      summary: "Poisson fits (IRLS) of synthetic 200 countries x 10 covariates with an offset (size = fits)",
      family: .poisson, seed: 16),
    fit(
      "model.nb2-200x10",
      summary: "Negative binomial NB2 fits (beta and alpha by ML) of synthetic 200 x 10 with an offset (size = fits)",
      family: .negativeBinomial, seed: 17),
    Benchmark(
      name: "model.permutation-poisson-200x10",
      summary: "Coefficient-permutation test: refits of a Poisson 200 x 10 with x1 permuted, --threads workers (size = permutations)",
      unit: "refits", defaultSize: 10_000
    ) { context in
      let (design, y) = try synthetic(overdispersed: false, seed: 18)
      var pValue = 0.0
      return BenchmarkRun(
        items: context.size, checksum: { String(pValue) },
        details: { [("data", .string("synthetic, seeded (not the bundled sample)"))] },
        body: {
          pValue = try CoefficientPermutationTest.run(
            design, outcome: y, family: .poisson, column: "x1", permutations: context.size,
            seed: 7, threads: context.threads
          ).pValue
        })
    },
  ]

  /// Repeated fits of one family on its synthetic data (overdispersed for the negative binomial).
  static func fit(_ name: String, summary: String, family: CountModelFamily, seed: UInt64) -> Benchmark {
    Benchmark(name: name, summary: summary, unit: "fits", defaultSize: 1_000) { context in
      let (design, y) = try synthetic(overdispersed: family == .negativeBinomial, seed: seed)
      var checksum = 0.0
      return BenchmarkRun(
        items: context.size, checksum: { String(checksum) },
        details: { [("data", .string("synthetic, seeded (not the bundled sample)"))] },
        body: {
          for _ in 0..<context.size {
            checksum = try CountRegression.fit(design, outcome: y, family: family).logLikelihood
          }
        })
    }
  }

  /// Seeded synthetic data: 200 rows, covariates x1…x10 standard normal (Box–Muller), exposure
  /// uniform on 100…10,000, coefficients 0.3, −0.2, 0.1, 0, … and an intercept of −4 on the
  /// log-rate scale; counts Poisson (inversion), times a log-normal frailty exp(0.8z − 0.32)
  /// when `overdispersed`.
  static func synthetic(overdispersed: Bool, seed: UInt64, rows: Int = 200, covariates: Int = 10)
    throws -> (DesignMatrix, [Double])
  {
    var generator = SeededGenerator(seed: seed)
    func normal() -> Double {
      let u = max(generator.nextDouble(), 1e-300)
      let v = generator.nextDouble()
      return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
    var columns: [(String, [Double])] = []
    for j in 1...covariates { columns.append(("x\(j)", (0..<rows).map { _ in normal() })) }
    let exposure = (0..<rows).map { _ in 100 + generator.nextDouble() * 9_900 }
    let beta = [0.3, -0.2, 0.1] + Array(repeating: 0.0, count: max(covariates - 3, 0))
    var y: [Double] = []
    for i in 0..<rows {
      var eta = -4 + log(exposure[i])
      for j in 0..<covariates { eta += beta[j] * columns[j].1[i] }
      if overdispersed { eta += 0.8 * normal() - 0.32 }
      let mu = exp(eta)
      if mu > 500 {  // the normal approximation, where exp(−mu) would underflow
        y.append(max(0, (mu + mu.squareRoot() * normal()).rounded()))
        continue
      }
      // Poisson by inversion of the CDF.
      var k = 0.0
      var p = exp(-mu)
      var cumulative = p
      let u = generator.nextDouble()
      while u > cumulative && k < 10_000 {
        k += 1
        p *= mu / k
        cumulative += p
      }
      y.append(k)
    }
    let design = try DesignMatrix(
      columns: columns.map { (name: $0.0, values: $0.1) }, exposure: exposure)
    return (design, y)
  }
}
