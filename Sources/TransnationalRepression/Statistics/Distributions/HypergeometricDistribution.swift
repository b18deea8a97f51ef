#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The hypergeometric distribution: the number of successes in `draws` draws without
/// replacement from a population of `population` items of which `successes` are successes.
///
/// In scipy's notation this is `hypergeom(M=population, n=successes, N=draws)`; in R's,
/// `dhyper(x, m = successes, n = population - successes, k = draws)`.
///
/// The probability mass function uses Loader's saddle-point form (the algorithm of R's
/// `dhyper`): P(X = k) = b(k; K, p)·b(n − k; N − K, p)/b(n; N, p) with p = n/N, where each
/// binomial term is evaluated through Stirling-error and deviance terms, so it is accurate to
/// about 1e-14 relative even for populations of millions and far in the tails, and its logarithm
/// never underflows. Tail probabilities are exact sums of the mass function over the tail, run
/// from the far end inward with compensated summation; like Boost (which scipy uses), the sum on
/// the side of the mode that does not contain the point is complemented.
///
/// ```swift
/// let h = HypergeometricDistribution(population: 20, successes: 7, draws: 12)
/// h.pmf(4)    // 0.3575851393188855
/// h.cdf(2)    // P(X ≤ 2)
/// h.sf(6)     // P(X > 6)
/// ```
///
/// References: C. Loader, "Fast and Accurate Computation of Binomial Probabilities" (2000);
/// [scipy.stats.hypergeom](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.hypergeom.html).
public struct HypergeometricDistribution: Sendable, Hashable, Codable {
  /// The population size N ≥ 0.
  public let population: Int
  /// The number of successes K in the population, 0 ≤ K ≤ N.
  public let successes: Int
  /// The number of draws n, 0 ≤ n ≤ N.
  public let draws: Int

  /// Creates the distribution.
  ///
  /// ```swift
  /// let h = HypergeometricDistribution(population: 50, successes: 25, draws: 10)
  /// ```
  ///
  /// - Parameters:
  ///   - population: N ≥ 0.
  ///   - successes: K with 0 ≤ K ≤ N.
  ///   - draws: n with 0 ≤ n ≤ N.
  /// - Returns: The distribution.
  /// - Precondition: 0 ≤ successes ≤ population and 0 ≤ draws ≤ population.
  /// - Complexity: O(1).
  public init(population: Int, successes: Int, draws: Int) {
    precondition(population >= 0 && successes >= 0 && draws >= 0, "counts must be non-negative")
    precondition(successes <= population && draws <= population, "successes and draws must not exceed population")
    self.population = population
    self.successes = successes
    self.draws = draws
  }

  /// The values with positive probability, max(0, n − (N − K)) … min(n, K).
  public var support: ClosedRange<Int> {
    max(0, draws - (population - successes))...min(draws, successes)
  }

  /// The mean nK/N.
  public var mean: Double {
    population == 0 ? 0 : Double(draws) * Double(successes) / Double(population)
  }

  /// The mode ⌊(n + 1)(K + 1)/(N + 2)⌋ (the smaller of two modes when there are two).
  public var mode: Int {
    let value = Int((Double(draws + 1) * Double(successes + 1) / Double(population + 2)).rounded(.down))
    return min(max(value, support.lowerBound), support.upperBound)
  }

  /// The natural logarithm of the probability mass function, finite even where P(X = k)
  /// underflows.
  ///
  /// ```swift
  /// HypergeometricDistribution(population: 150_000, successes: 75_000, draws: 3_000).logPMF(0)
  /// // -2110.0456022882…
  /// ```
  ///
  /// - Parameter k: The number of successes drawn.
  /// - Returns: ln P(X = k); −∞ outside the support.
  /// - Complexity: O(1).
  public func logPMF(_ k: Int) -> Double {
    let range = support
    guard range.contains(k) else { return -.infinity }
    let n = Double(draws)
    let total = Double(population)
    if draws == 0 || draws == population { return 0 }
    let p = n / total
    let q = Double(population - draws) / total
    let first = SpecialFunctions.logBinomialProbability(Double(k), Double(successes), p, q)
    let second = SpecialFunctions.logBinomialProbability(
      Double(draws - k), Double(population - successes), p, q)
    let whole = SpecialFunctions.logBinomialProbability(n, total, p, q)
    return first + second - whole
  }

  /// The probability mass function P(X = k).
  ///
  /// ```swift
  /// HypergeometricDistribution(population: 20, successes: 7, draws: 12).pmf(4)
  /// ```
  ///
  /// - Parameter k: The number of successes drawn.
  /// - Returns: P(X = k); 0 outside the support.
  /// - Complexity: O(1).
  public func pmf(_ k: Int) -> Double {
    exp(logPMF(k))
  }

  /// The distribution function P(X ≤ k).
  ///
  /// ```swift
  /// HypergeometricDistribution(population: 20, successes: 7, draws: 12).cdf(2)
  /// ```
  ///
  /// - Parameter k: The point.
  /// - Returns: P(X ≤ k).
  /// - Complexity: O(m) where m is the number of support points summed (at most the support
  ///   size; the sum stops once terms no longer change it).
  public func cdf(_ k: Int) -> Double {
    let range = support
    if k < range.lowerBound { return 0 }
    if k >= range.upperBound { return 1 }
    if k < mode {
      return lowerSum(through: k)
    }
    return 1 - upperSum(from: k + 1)
  }

  /// The survival function P(X > k), summed directly on the tail side.
  ///
  /// ```swift
  /// HypergeometricDistribution(population: 20, successes: 7, draws: 12).sf(6)
  /// ```
  ///
  /// - Parameter k: The point.
  /// - Returns: P(X > k).
  /// - Complexity: O(m) as for ``cdf(_:)``.
  public func sf(_ k: Int) -> Double {
    let range = support
    if k < range.lowerBound { return 1 }
    if k >= range.upperBound { return 0 }
    if k < mode {
      return 1 - lowerSum(through: k)
    }
    return upperSum(from: k + 1)
  }

  /// Σ_{j ≤ k} P(X = j), summed from the smallest term upward.
  func lowerSum(through k: Int) -> Double {
    let lower = support.lowerBound
    var term = pmf(k)
    if term == 0 { return 0 }
    var terms: [Double] = [term]
    let bad = Double(population - successes - draws)
    var j = k
    while j > lower {
      let dj = Double(j)
      term *= dj * (bad + dj) / ((Double(successes) - dj + 1) * (Double(draws) - dj + 1))
      if term < terms[0] * 1e-20 || term == 0 { break }
      terms.append(term)
      j -= 1
    }
    return compensatedSum(terms.reversed())
  }

  /// Σ_{j ≥ k} P(X = j), summed from the smallest term upward.
  func upperSum(from k: Int) -> Double {
    let upper = support.upperBound
    var term = pmf(k)
    if term == 0 { return 0 }
    var terms: [Double] = [term]
    let bad = Double(population - successes - draws)
    var j = k
    while j < upper {
      let dj = Double(j)
      term *= (Double(successes) - dj) * (Double(draws) - dj) / ((dj + 1) * (bad + dj + 1))
      if term < terms[0] * 1e-20 || term == 0 { break }
      terms.append(term)
      j += 1
    }
    return compensatedSum(terms.reversed())
  }
}

/// Neumaier's compensated sum.
func compensatedSum<S: Sequence>(_ values: S) -> Double where S.Element == Double {
  var sum = 0.0
  var compensation = 0.0
  for value in values {
    let t = sum + value
    if abs(sum) >= abs(value) {
      compensation += (sum - t) + value
    } else {
      compensation += (value - t) + sum
    }
    sum = t
  }
  return sum + compensation
}
