#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How ``Correlation/kendallTauB(_:_:alternative:method:)`` computes its p-value.
///
/// ```swift
/// let exact = try Correlation.kendallTauB(x, y, method: .exact)
/// ```
public enum KendallMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// scipy's `method='auto'`: exact when neither sample has ties and either n ≤ 33 or the
  /// pairs are at most one swap away from perfect agreement or disagreement
  /// (min(discordant, concordant) ≤ 1); asymptotic otherwise.
  case auto
  /// The exact null distribution of the number of concordant pairs (Kendall 1970); requires
  /// data without ties. Cost O(n · min(C, n(n−1)/2 − C)), so up to O(n³).
  case exact
  /// The normal approximation with the tie-corrected variance of the S statistic.
  case asymptotic
}

extension Correlation {
  /// Kendall's τ-b rank correlation and its p-value, exactly as scipy's `kendalltau`.
  ///
  /// τ-b = (P − Q)/√((P + Q + T)(P + Q + U)), where P and Q count concordant and discordant
  /// pairs and T and U the pairs tied only in x and only in y. Pairs are counted in
  /// O(n log n): sort by (x, y), then count the inversions of the y sequence with a merge sort
  /// (Knight 1966); ties are read off the runs of equal values. A million pairs take well under
  /// a second.
  ///
  /// The p-value is, per ``KendallMethod``: the exact permutation distribution of the
  /// concordant-pair count (scipy's `_kendall_p_exact` recursion, operation for operation), or
  /// the normal approximation z = (P − Q)/√Var with the variance corrected for ties in both
  /// samples (Kendall 1970, eq. 4.4). R's `cor.test(method = "kendall")` picks its exact test
  /// differently (n < 50 without ties) and reports τ-a rather than τ-b when there are no ties —
  /// the same number then; see the *Statistics* article.
  ///
  /// ```swift
  /// let test = try Correlation.kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])
  /// test.statistic     // -0.47140452079103173
  /// test.pValue        // 0.2827454599327748 (asymptotic: there are ties)
  /// ```
  ///
  /// References: M. G. Kendall, *Rank Correlation Methods*, 4th ed., Griffin (1970);
  /// W. R. Knight, "A Computer Method for Calculating Kendall's Tau with Ungrouped Data",
  /// *JASA* 61(314), 436–439 (1966), [doi:10.2307/2282833](https://doi.org/10.2307/2282833);
  /// [scipy.stats.kendalltau](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.kendalltau.html).
  ///
  /// - Parameters:
  ///   - x: The first sample.
  ///   - y: The second sample, paired with `x`.
  ///   - alternative: The alternative hypothesis.
  ///   - method: How to compute the p-value.
  /// - Returns: The test result; NaN values with a reason when a sample is constant or there
  ///   are fewer than two pairs.
  /// - Throws: ``StatisticsError/lengthMismatch(x:y:)``,
  ///   ``StatisticsError/nonFiniteValue(index:)``, and
  ///   ``StatisticsError/exactMethodRequiresNoTies`` for `.exact` with tied data.
  /// - Complexity: O(n log n) for τ and the asymptotic p-value; the exact p-value adds
  ///   O(n · min(C, n(n−1)/2 − C)) where C counts concordant pairs.
  public static func kendallTauB(
    _ x: [Double], _ y: [Double], alternative: Alternative = .twoSided,
    method: KendallMethod = .auto
  ) throws(StatisticsError) -> CorrelationTest {
    try validatePairs(x, y)
    let n = x.count
    func undefined(_ reason: String) -> CorrelationTest {
      CorrelationTest(
        method: .kendallTauB, statistic: .nan, pValue: .nan, n: n, alternative: alternative,
        confidenceInterval: nil, pValueMethod: method == .exact ? "exact" : "asymptotic",
        undefinedReason: reason)
    }
    if n < 2 { return undefined("Kendall's tau needs at least 2 pairs; \(n) given") }
    let counts = KendallCounts(x, y)
    if counts.xTies == counts.totalPairs || counts.yTies == counts.totalPairs {
      return undefined(constantReason(x, y) ?? "a sample is constant; tau is not defined")
    }
    let tau = counts.tauB
    let hasTies = counts.xTies != 0 || counts.yTies != 0
    if method == .exact && hasTies { throw .exactMethodRequiresNoTies }
    let useExact: Bool
    switch method {
    case .exact: useExact = true
    case .asymptotic: useExact = false
    case .auto:
      useExact =
        !hasTies
        && (n <= 33 || min(counts.discordant, counts.totalPairs - counts.discordant) <= 1)
    }
    let pValue =
      useExact
      ? kendallExactPValue(
        n: n, concordant: counts.totalPairs - counts.discordant, alternative: alternative)
      : counts.asymptoticPValue(alternative: alternative)
    return CorrelationTest(
      method: .kendallTauB, statistic: tau, pValue: pValue, n: n, alternative: alternative,
      confidenceInterval: nil, pValueMethod: useExact ? "exact" : "asymptotic",
      undefinedReason: nil)
  }

  /// scipy's `_kendall_p_exact(n, c, alternative)`, reproduced operation for operation.
  ///
  /// The counts of permutations of n items with c inversions (Mahonian numbers) are built by
  /// the recursion T(j, ·) = cumulative sums of T(j − 1, ·) minus a shifted copy, truncated at
  /// the smaller tail c; below n = 171 they are kept as (floating) counts and divided by n!
  /// at the end, above it each step is divided by j so that nothing overflows.
  static func kendallExactPValue(n: Int, concordant: Int, alternative: Alternative) -> Double {
    let total = n * (n - 1) / 2
    let inRightTail = concordant >= total - concordant
    let alternativeGreater = alternative == .greater
    let c = min(concordant, total - concordant)
    var probability: Double
    var massAtC: Double = .nan
    if n <= 1 {
      probability = 1
      massAtC = 1
    } else if n == 2 {
      probability = 1
      massAtC = 0.5
    } else if c == 0 {
      probability = n < 171 ? 2 / DoubleDouble.factorial(n) : 0
      massAtC = probability / 2
    } else if c == 1 {
      probability = n < 172 ? 2 / DoubleDouble.factorial(n - 1) : 0
      massAtC =
        n <= 170
        ? Double(n - 1) / DoubleDouble.factorial(n)
        : exp(log(Double(n - 1)) - SpecialFunctions.logGamma(Double(n) + 1))
    } else if 4 * c == n * (n - 1) && alternative == .twoSided {
      probability = 1
    } else {
      var counts = [Double](repeating: 0, count: c + 1)
      let scaled = n >= 171
      counts.withUnsafeMutableBufferPointer { buffer in
        buffer[0] = 1
        buffer[1] = 1
        for j in 3...n {
          var running = 0.0
          for k in 0...c {
            running += buffer[k]
            buffer[k] = running
          }
          if scaled {
            let divisor = Double(j)
            for k in 0...c { buffer[k] /= divisor }
          }
          if j <= c {
            // new[j:] -= new[:c+1-j], reading the values from before the subtraction.
            var k = c - j
            while k >= 0 {
              buffer[j + k] -= buffer[k]
              k -= 1
            }
          }
        }
      }
      if scaled {
        probability = pairwiseSum(counts)
        massAtC = counts[c] / 2
      } else {
        let factorial = DoubleDouble.factorial(n)
        probability = 2.0 * pairwiseSum(counts) / factorial
        massAtC = counts[c] / factorial
      }
    }
    if alternative != .twoSided {
      if inRightTail == alternativeGreater {
        probability /= 2
      } else {
        probability = 1 - probability / 2 + massAtC
      }
    }
    return min(1, max(0, probability))
  }
}

/// Pair counts for Kendall's tau: discordant pairs, ties in x, in y and in both, and the
/// tie-size sums of the variance formula. Internal.
struct KendallCounts {
  var n: Int
  var totalPairs: Int
  var discordant: Int
  var xTies: Int
  var yTies: Int
  var jointTies: Int
  /// Σ t(t − 1)(t − 2) and Σ t(t − 1)(2t + 5) over tie groups of x (as Doubles, as scipy).
  var x0: Double
  var x1: Double
  var y0: Double
  var y1: Double

  /// Counts in O(n log n): lexicographic sort by (x, y), then a merge sort of the y values
  /// that counts strict inversions.
  init(_ x: [Double], _ y: [Double]) {
    let n = x.count
    self.n = n
    totalPairs = n * (n - 1) / 2
    var pairs = [(Double, Double)](unsafeUninitializedCapacity: n) { buffer, count in
      for i in 0..<n { buffer[i] = (x[i], y[i]) }
      count = n
    }
    pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }

    // Ties in x, and joint ties, from runs in the sorted order.
    var xTies = 0
    var jointTies = 0
    var x0 = 0.0
    var x1 = 0.0
    var start = 0
    while start < n {
      var end = start + 1
      while end < n && pairs[end].0 == pairs[start].0 { end += 1 }
      let size = end - start
      if size > 1 {
        xTies += size * (size - 1) / 2
        let t = Double(size)
        x0 += t * (t - 1) * (t - 2)
        x1 += t * (t - 1) * (2 * t + 5)
        // Joint ties: runs of equal y inside the x run (y is sorted within it).
        var inner = start
        while inner < end {
          var innerEnd = inner + 1
          while innerEnd < end && pairs[innerEnd].1 == pairs[inner].1 { innerEnd += 1 }
          let jointSize = innerEnd - inner
          jointTies += jointSize * (jointSize - 1) / 2
          inner = innerEnd
        }
      }
      start = end
    }

    var ys = pairs.map { $0.1 }
    discordant = KendallCounts.sortCountingInversions(&ys)

    var yTies = 0
    var y0 = 0.0
    var y1 = 0.0
    start = 0
    while start < n {
      var end = start + 1
      while end < n && ys[end] == ys[start] { end += 1 }
      let size = end - start
      if size > 1 {
        yTies += size * (size - 1) / 2
        let t = Double(size)
        y0 += t * (t - 1) * (t - 2)
        y1 += t * (t - 1) * (2 * t + 5)
      }
      start = end
    }
    self.xTies = xTies
    self.yTies = yTies
    self.jointTies = jointTies
    self.x0 = x0
    self.x1 = x1
    self.y0 = y0
    self.y1 = y1
  }

  /// P − Q = total − T_x − T_y + T_xy − 2Q.
  var concordantMinusDiscordant: Int {
    totalPairs - xTies - yTies + jointTies - 2 * discordant
  }

  /// τ-b, clipped to [−1, 1].
  var tauB: Double {
    let value =
      Double(concordantMinusDiscordant) / Double(totalPairs - xTies).squareRoot()
      / Double(totalPairs - yTies).squareRoot()
    return min(1, max(-1, value))
  }

  /// The normal-approximation p-value with scipy's tie-corrected variance.
  func asymptoticPValue(alternative: Alternative) -> Double {
    let size = Double(n)
    let m = size * (size - 1)
    func product(_ a: Int, _ b: Int) -> Double {
      let (value, overflow) = a.multipliedReportingOverflow(by: b)
      return overflow ? Double(a) * Double(b) : Double(value)
    }
    var variance = (m * (2 * size + 5) - x1 - y1) / 18 + product(2 * xTies, yTies) / m
    let tieProduct = x0 * y0
    if tieProduct != 0 {
      // Zero whenever n < 3 (no tie group of size ≥ 3), where 9m(n − 2) is also zero.
      variance += tieProduct / (9 * m * (size - 2))
    }
    let z = Double(concordantMinusDiscordant) / variance.squareRoot()
    switch alternative {
    case .less: return NormalDistribution.cdf(z)
    case .greater: return NormalDistribution.sf(z)
    case .twoSided: return 2 * NormalDistribution.sf(abs(z))
    }
  }

  /// Sorts `values` ascending (bottom-up merge sort) and returns the number of pairs i < j with
  /// values[i] > values[j] in the original order.
  static func sortCountingInversions(_ values: inout [Double]) -> Int {
    let n = values.count
    if n < 2 { return 0 }
    var inversions = 0
    var buffer = [Double](repeating: 0, count: n)
    values.withUnsafeMutableBufferPointer { source in
      buffer.withUnsafeMutableBufferPointer { target in
        var from = source
        var to = target
        // Insertion sort on runs of 16 first (counting the inversions it removes).
        let run = 16
        var runStart = 0
        while runStart < n {
          let runEnd = min(runStart + run, n)
          var i = runStart + 1
          while i < runEnd {
            let value = from[i]
            var j = i
            while j > runStart && from[j - 1] > value {
              from[j] = from[j - 1]
              j -= 1
            }
            inversions += i - j
            from[j] = value
            i += 1
          }
          runStart = runEnd
        }
        var width = run
        var inSource = true
        while width < n {
          var left = 0
          while left < n {
            let middle = min(left + width, n)
            let right = min(left + 2 * width, n)
            var i = left
            var j = middle
            var k = left
            while i < middle && j < right {
              if from[j] < from[i] {
                // from[j] is smaller than every remaining left element: middle − i inversions.
                inversions += middle - i
                to[k] = from[j]
                j += 1
              } else {
                to[k] = from[i]
                i += 1
              }
              k += 1
            }
            while i < middle {
              to[k] = from[i]
              i += 1
              k += 1
            }
            while j < right {
              to[k] = from[j]
              j += 1
              k += 1
            }
            left = right
          }
          swap(&from, &to)
          inSource.toggle()
          width *= 2
        }
        if !inSource {
          // The sorted values ended in the buffer: copy them back.
          source.baseAddress!.update(from: target.baseAddress!, count: n)
        }
      }
    }
    return inversions
  }
}
