import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The result of a permutation test of one regression coefficient.
///
/// ```swift
/// let test = try CoefficientPermutationTest.run(
///   design, outcome: y, family: .poisson, column: "debt_share", permutations: 9_999, seed: 42)
/// print(test.observed, test.pValue, test.extremeCount)
/// ```
public struct CoefficientPermutationResult: Sendable, Hashable, Codable {
  /// The tested column.
  public var column: String
  /// The model.
  public var family: CountModelFamily
  /// The statistic compared across permutations.
  public var statistic: CoefficientPermutationTest.Statistic
  /// The observed estimate of the coefficient.
  public var observedEstimate: Double
  /// The observed value of the statistic, |z| or |β̂|.
  public var observed: Double
  /// The number m of permutations refitted.
  public var permutations: Int
  /// The number b of permutations whose statistic is at least the observed one (within 1e-9
  /// relative), failed refits included.
  public var extremeCount: Int
  /// Refits that threw (separation, non-convergence); they are counted in ``extremeCount``.
  public var failedRefits: Int
  /// The p-value (b + 1)/(m + 1).
  public var pValue: Double
  /// The seed of the generator that drew the permutations.
  public var seed: UInt64

  /// Creates a result record.
  ///
  /// ```swift
  /// let r = CoefficientPermutationResult(column: "x", family: .poisson, statistic: .z,
  ///   observedEstimate: 0.2, observed: 1.9, permutations: 999, extremeCount: 57,
  ///   failedRefits: 0, pValue: 0.058, seed: 1)
  /// ```
  ///
  /// - Parameters:
  ///   - column: The tested column.
  ///   - family: The model.
  ///   - statistic: The statistic compared.
  ///   - observedEstimate: The observed coefficient.
  ///   - observed: The observed statistic.
  ///   - permutations: The number of permutations m.
  ///   - extremeCount: The number b at least as extreme.
  ///   - failedRefits: The number of refits that threw.
  ///   - pValue: (b + 1)/(m + 1).
  ///   - seed: The generator seed.
  /// - Returns: The record.
  public init(
    column: String, family: CountModelFamily, statistic: CoefficientPermutationTest.Statistic,
    observedEstimate: Double, observed: Double, permutations: Int, extremeCount: Int,
    failedRefits: Int, pValue: Double, seed: UInt64
  ) {
    self.column = column
    self.family = family
    self.statistic = statistic
    self.observedEstimate = observedEstimate
    self.observed = observed
    self.permutations = permutations
    self.extremeCount = extremeCount
    self.failedRefits = failedRefits
    self.pValue = pValue
    self.seed = seed
  }
}

/// A seeded permutation test of one regression coefficient, for samples too small to trust the
/// Wald z test's normal approximation.
///
/// The column of the tested covariate is shuffled against the other columns and the outcome
/// (the null hypothesis: given the other covariates' values, that covariate's values are
/// exchangeable, so it carries no information about the outcome), the model is refitted, and
/// the statistic — |z| (default; the Wald statistic is pivotal) or |β̂| — is compared with the
/// observed one. The p-value is (b + 1)/(m + 1), b being the number of the m permutations at
/// least as extreme as the observed statistic (within 1e-9 relative, so that rounding cannot
/// hide a tie), following Phipson and Smyth (2010): a permutation p-value is never 0.
///
/// Permutations are drawn in one sequence by ``SeededGenerator`` (Fisher–Yates shuffles of the
/// current column, one after another, starting from the observed order), so the same seed gives
/// the same p-value on every machine and whatever the number of threads; the refits run in
/// parallel in batches. A refit that throws (for example separation after a shuffle in a small
/// logistic sample) counts as extreme — the conservative choice — and is reported in
/// ``CoefficientPermutationResult/failedRefits``.
///
/// Permuting one covariate keeps its marginal distribution but breaks its correlation with the
/// other covariates too; with strongly correlated covariates the test is then of a slightly
/// different null (see Anderson and Legendre 1999 for the alternatives, such as Freedman–Lane).
///
/// ```swift
/// let test = try CoefficientPermutationTest.run(
///   design, outcome: returned, family: .negativeBinomial, column: "debt_share",
///   permutations: 999, seed: 2024)
/// test.pValue   // (b + 1) / 1000
/// ```
///
/// References: B. Phipson and G. K. Smyth, "Permutation P-values Should Never Be Zero" (2010),
/// [doi:10.2202/1544-6115.1585](https://doi.org/10.2202/1544-6115.1585); M. J. Anderson and
/// P. Legendre, "An empirical comparison of permutation methods for tests of partial regression
/// coefficients in a linear model", *J. Statist. Comput. Simul.* 62 (1999) 271–303.
public enum CoefficientPermutationTest {
  /// The statistic compared across permutations.
  public enum Statistic: String, Sendable, Hashable, Codable, CaseIterable {
    /// |β̂ / SE| with the model-based standard error.
    case z
    /// |β̂|.
    case coefficient
  }

  /// Runs the test.
  ///
  /// ```swift
  /// let test = try CoefficientPermutationTest.run(
  ///   design, outcome: y, family: .poisson, column: "x1", permutations: 199, seed: 7)
  /// ```
  ///
  /// - Parameters:
  ///   - design: The design.
  ///   - outcome: The outcome.
  ///   - family: The model.
  ///   - column: The name of the column to permute (not the intercept).
  ///   - statistic: |z| (default) or |β̂|.
  ///   - permutations: The number m of random permutations, ≥ 1.
  ///   - seed: The seed of the ``SeededGenerator`` drawing them.
  ///   - threads: Worker threads for the refits (default: the active processor count).
  ///   - options: Fit options.
  /// - Returns: The observed statistic, b, m and the p-value.
  /// - Throws: ``ModelError``: from the observed fit, or
  ///   ``ModelError/Reason-swift.enum/invalidArgument`` for an unknown column, the intercept,
  ///   or fewer than one permutation.
  /// - Complexity: m + 1 fits, spread over `threads` threads.
  public static func run(
    _ design: DesignMatrix, outcome: [Double], family: CountModelFamily, column: String,
    statistic: Statistic = .z, permutations: Int = 9_999, seed: UInt64 = 0,
    threads: Int? = nil, options: CountRegression.Options = CountRegression.Options()
  ) throws(ModelError) -> CoefficientPermutationResult {
    guard let j = design.columnNames.firstIndex(of: column) else {
      throw ModelError(.invalidArgument, columns: [column], "the design has no column '\(column)'")
    }
    guard column != DesignMatrix.interceptName else {
      throw ModelError(
        .invalidArgument, columns: [column], "the intercept cannot be permuted")
    }
    guard permutations >= 1 else {
      throw ModelError(
        .invalidArgument, value: Double(permutations),
        "the number of permutations must be at least 1, got \(permutations)")
    }
    let fitted = try CountRegression.fit(design, outcome: outcome, family: family, options: options)
    let observedEstimate = fitted.coefficients[j].estimate
    let observed = abs(statistic == .z ? fitted.coefficients[j].z : observedEstimate)
    let threshold = observed * (1 - 1e-9)
    // Warm start for the refits: the observed estimates with the tested coefficient at 0 (its
    // mean contribution moved into the intercept). The maximum is unique, so the start changes
    // only the number of iterations, not the result.
    var warmStart = fitted.coefficients.map(\.estimate)
    if let alpha = fitted.alpha { warmStart.append(alpha.estimate) }
    if let intercept = design.columnNames.firstIndex(of: DesignMatrix.interceptName) {
      let values = design.column(named: column)!
      warmStart[intercept] += warmStart[j] * values.reduce(0, +) / Double(values.count)
    }
    warmStart[j] = 0
    let start = warmStart
    let workerCount = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, 64))
    var generator = SeededGenerator(seed: seed)
    var current = design.column(named: column)!
    var extreme = 0
    var failed = 0
    var done = 0
    let batchSize = 256
    while done < permutations {
      let count = min(batchSize, permutations - done)
      var batch: [[Double]] = []
      batch.reserveCapacity(count)
      for _ in 0..<count {
        generator.shuffle(&current)
        batch.append(current)
      }
      let shuffled = batch
      let workers = min(workerCount, count)
      let outcomes = CountingCore.runWorkers(workers) { worker -> (extreme: Int, failed: Int) in
        var local = design
        var extreme = 0
        var failed = 0
        var index = worker
        while index < count {
          local.setColumn(j, to: shuffled[index])
          do {
            let raw = try CountRegression.fitRaw(
              local, outcome: outcome, family: family, wantMeat: false, options: options,
              start: start)
            let k = raw.parameters.count
            let estimate = raw.parameters[j]
            let value =
              statistic == .z
              ? abs(estimate / raw.covariance[j * k + j].squareRoot()) : abs(estimate)
            if value >= threshold || value.isNaN { extreme += 1 }
          } catch {
            failed += 1
            extreme += 1
          }
          index += workers
        }
        return (extreme, failed)
      }
      for outcome in outcomes {
        extreme += outcome.extreme
        failed += outcome.failed
      }
      done += count
    }
    return CoefficientPermutationResult(
      column: column, family: family, statistic: statistic, observedEstimate: observedEstimate,
      observed: observed, permutations: permutations, extremeCount: extreme, failedRefits: failed,
      pValue: Double(extreme + 1) / Double(permutations + 1), seed: seed)
  }
}
