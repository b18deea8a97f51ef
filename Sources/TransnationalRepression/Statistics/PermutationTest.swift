/// The result of a permutation test of a correlation coefficient.
///
/// ```swift
/// let result = try PermutationTest.correlation(x, y, method: .spearman, seed: 7)
/// print(result.statistic, result.pValue, result.isExact)
/// ```
public struct PermutationTestResult: Sendable, Hashable, Codable {
  /// The coefficient whose null distribution was built.
  public var method: CorrelationMethod
  /// The observed coefficient; NaN when undefined.
  public var statistic: Double
  /// The permutation p-value; NaN when the coefficient is undefined.
  public var pValue: Double
  /// The alternative hypothesis.
  public var alternative: Alternative
  /// The size of the null distribution: n! when exact, else the number of random permutations.
  public var permutations: Int
  /// Whether every pairing was enumerated (then the p-value is exact).
  public var isExact: Bool
  /// The seed of the ``SeededGenerator`` that drew the random permutations (unused when exact).
  public var seed: UInt64
  /// Why the statistic or p-value is NaN, or nil.
  public var undefinedReason: String?

  /// Creates a result (for decoding and for callers assembling results).
  ///
  /// ```swift
  /// let r = PermutationTestResult(method: .pearson, statistic: 0.4, pValue: 0.2, alternative: .twoSided,
  ///                               permutations: 5040, isExact: true, seed: 0, undefinedReason: nil)
  /// ```
  ///
  /// - Parameters:
  ///   - method: The coefficient.
  ///   - statistic: The observed value.
  ///   - pValue: The p-value.
  ///   - alternative: The alternative hypothesis.
  ///   - permutations: The size of the null distribution.
  ///   - isExact: Whether all pairings were enumerated.
  ///   - seed: The generator seed.
  ///   - undefinedReason: Why a value is NaN, if one is.
  /// - Returns: The result.
  /// - Complexity: O(1).
  public init(
    method: CorrelationMethod, statistic: Double, pValue: Double, alternative: Alternative,
    permutations: Int, isExact: Bool, seed: UInt64, undefinedReason: String?
  ) {
    self.method = method
    self.statistic = statistic
    self.pValue = pValue
    self.alternative = alternative
    self.permutations = permutations
    self.isExact = isExact
    self.seed = seed
    self.undefinedReason = undefinedReason
  }
}

/// Permutation tests of association: the null distribution of a correlation coefficient
/// obtained by re-pairing y with a fixed x (scipy's `permutation_test(...,
/// permutation_type='pairings')`).
///
/// When n! ≤ `permutations`, all n! pairings are enumerated (Heap's algorithm) and the p-value
/// is exact — scipy's rule. Otherwise `permutations` random pairings are drawn with a
/// Fisher–Yates shuffle driven by ``SeededGenerator`` and the p-value is
/// (count + 1)/(permutations + 1), which counts the observed pairing and so is never 0
/// (Phipson & Smyth 2010). Counting follows scipy exactly: a permuted statistic counts as "at
/// least as extreme" when it is ≤ observed + γ (`.less`) or ≥ observed − γ (`.greater`), with
/// γ = 100·ε·|observed| absorbing rounding between theoretically equal values; the two-sided
/// p-value is min(1, 2·min(p_less, p_greater)).
///
/// Each statistic is prepared once so that a permutation costs little: Pearson's r becomes a
/// single dot product of the standardised samples, Spearman's ρ an exact dot product of
/// centred ranks, Kendall's τ-b an O(n log n) pair count.
///
/// Random p-values cannot match scipy's (numpy's generator differs); exact ones do.
///
/// ```swift
/// let x = [1.2, 3.4, 2.2, 5.0, 4.1, 6.3]
/// let y = [0.9, 2.8, 2.5, 4.4, 4.9, 5.7]
/// let exact = try PermutationTest.correlation(x, y, method: .pearson)            // 720 pairings
/// let random = try PermutationTest.correlation(x + x, y + y, method: .kendallTauB,
///                                              permutations: 20_000, seed: 42)
/// ```
///
/// References: B. Phipson and G. K. Smyth, "Permutation P-values Should Never Be Zero",
/// *Statistical Applications in Genetics and Molecular Biology* 9(1) (2010),
/// [doi:10.2202/1544-6115.1585](https://doi.org/10.2202/1544-6115.1585);
/// [scipy.stats.permutation_test](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.permutation_test.html).
public enum PermutationTest {
  /// Tests the association of paired samples by permuting y against fixed x.
  ///
  /// ```swift
  /// let result = try PermutationTest.correlation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5],
  ///                                              method: .spearman, alternative: .greater)
  /// result.isExact   // true: 5! = 120 ≤ 9 999
  /// ```
  ///
  /// - Parameters:
  ///   - x: The fixed sample.
  ///   - y: The sample whose pairing with `x` is permuted.
  ///   - method: The coefficient (Pearson's r, Spearman's ρ or Kendall's τ-b).
  ///   - alternative: The alternative hypothesis.
  ///   - permutations: The number of random pairings, and the threshold for exact
  ///     enumeration (exact when n! ≤ permutations).
  ///   - seed: The seed of the generator drawing random pairings.
  /// - Returns: The observed coefficient, the p-value and how it was obtained; NaN with a
  ///   reason for constant samples or fewer than two pairs.
  /// - Throws: ``StatisticsError/lengthMismatch(x:y:)``,
  ///   ``StatisticsError/nonFiniteValue(index:)``,
  ///   ``StatisticsError/invalidResampleCount(_:)`` when `permutations` < 1.
  /// - Complexity: O(P·n) for Pearson and Spearman and O(P·n log n) for Kendall, where P is
  ///   n! when exact and `permutations` otherwise.
  public static func correlation(
    _ x: [Double], _ y: [Double], method: CorrelationMethod, alternative: Alternative = .twoSided,
    permutations: Int = 9_999, seed: UInt64 = 0
  ) throws(StatisticsError) -> PermutationTestResult {
    try Correlation.validatePairs(x, y)
    guard permutations >= 1 else { throw .invalidResampleCount(permutations) }
    let n = x.count
    func undefined(_ reason: String) -> PermutationTestResult {
      PermutationTestResult(
        method: method, statistic: .nan, pValue: .nan, alternative: alternative,
        permutations: 0, isExact: false, seed: seed, undefinedReason: reason)
    }
    if n < 2 { return undefined("a permutation test needs at least 2 pairs; \(n) given") }
    if let reason = Correlation.constantReason(x, y) { return undefined(reason) }

    var statistic = PermutableStatistic(method: method, x: x, y: y)
    let observed = statistic.evaluate()
    let exactCount = factorial(n, cappedAt: permutations)
    let isExact = exactCount != nil
    var less = 0
    var greater = 0
    let gamma = abs(100 * Double.ulpOfOne * observed)
    func tally(_ value: Double) {
      if value <= observed + gamma { less += 1 }
      if value >= observed - gamma { greater += 1 }
    }
    let total: Int
    if let exactCount {
      total = exactCount
      statistic.forEachPairing { tally($0) }
    } else {
      total = permutations
      var generator = SeededGenerator(seed: seed)
      for _ in 0..<permutations {
        statistic.shuffle(using: &generator)
        tally(statistic.evaluate())
      }
    }
    let adjustment = isExact ? 0 : 1
    let pLess = Double(less + adjustment) / Double(total + adjustment)
    let pGreater = Double(greater + adjustment) / Double(total + adjustment)
    let p: Double
    switch alternative {
    case .less: p = pLess
    case .greater: p = pGreater
    case .twoSided: p = 2 * min(pLess, pGreater)
    }
    return PermutationTestResult(
      method: method, statistic: observed, pValue: min(1, max(0, p)), alternative: alternative,
      permutations: total, isExact: isExact, seed: seed, undefinedReason: nil)
  }

  /// n! if it is at most `cap`, else nil.
  static func factorial(_ n: Int, cappedAt cap: Int) -> Int? {
    var value = 1
    for k in stride(from: 2, through: n, by: 1) {
      let (product, overflow) = value.multipliedReportingOverflow(by: k)
      if overflow || product > cap { return nil }
      value = product
    }
    return value <= cap ? value : nil
  }
}

/// A correlation statistic prepared for re-evaluation under permutations of y. Internal.
struct PermutableStatistic {
  let method: CorrelationMethod
  /// Pearson: x standardised; Spearman: x's centred average ranks; Kendall: x.
  let fixed: [Double]
  /// The permuted sample in the same preparation.
  var moving: [Double]
  /// Spearman: 1/(n − 1) and the variances of the centred ranks, for numpy's corrcoef order.
  let scale: Double
  let fixedVariance: Double
  let movingVariance: Double

  init(method: CorrelationMethod, x: [Double], y: [Double]) {
    self.method = method
    switch method {
    case .pearson:
      fixed = Correlation.standardized(x)
      moving = Correlation.standardized(y)
      scale = 1
      fixedVariance = 1
      movingVariance = 1
    case .spearman:
      let rx = averageRanks(x)
      let ry = averageRanks(y)
      let mx = numpyMean(rx)
      let my = numpyMean(ry)
      fixed = rx.map { $0 - mx }
      moving = ry.map { $0 - my }
      scale = 1 / Double(x.count - 1)
      fixedVariance = fixed.reduce(0) { $0 + $1 * $1 } * scale
      movingVariance = moving.reduce(0) { $0 + $1 * $1 } * scale
    case .kendallTauB:
      fixed = x
      moving = y
      scale = 1
      fixedVariance = 1
      movingVariance = 1
    }
  }

  /// The statistic for the current pairing.
  func evaluate() -> Double {
    switch method {
    case .pearson:
      var sum = 0.0
      fixed.withUnsafeBufferPointer { a in
        moving.withUnsafeBufferPointer { b in
          for i in 0..<a.count { sum += a[i] * b[i] }
        }
      }
      return min(1, max(-1, sum))
    case .spearman:
      var sum = 0.0
      for i in 0..<fixed.count { sum += fixed[i] * moving[i] }
      let rho = (sum * scale) / fixedVariance.squareRoot() / movingVariance.squareRoot()
      return min(1, max(-1, rho))
    case .kendallTauB:
      return KendallCounts(fixed, moving).tauB
    }
  }

  /// A uniformly random re-pairing (Fisher–Yates on the moving sample).
  mutating func shuffle(using generator: inout SeededGenerator) {
    generator.shuffle(&moving)
  }

  /// Calls `body` with the statistic of each of the n! pairings (Heap's algorithm, iterative),
  /// the observed pairing included.
  mutating func forEachPairing(_ body: (Double) -> Void) {
    let n = moving.count
    var counters = [Int](repeating: 0, count: n)
    body(evaluate())
    var i = 1
    while i < n {
      if counters[i] < i {
        if i % 2 == 0 {
          moving.swapAt(0, i)
        } else {
          moving.swapAt(counters[i], i)
        }
        body(evaluate())
        counters[i] += 1
        i = 1
      } else {
        counters[i] = 0
        i += 1
      }
    }
  }
}
