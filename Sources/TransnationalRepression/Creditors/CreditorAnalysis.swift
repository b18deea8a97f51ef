/// Tests whether host countries that owe China more have more cases: the join of per-country case
/// counts with a creditor measure, three correlations with p-values, a seeded permutation test,
/// and the "top N" question as a 2×2 table with Fisher's exact test over a range of N.
///
/// Two ways to join are reported, because each answers a different question:
/// - ``Join/hostsWithCases``: only countries with at least one case *and* a creditor figure.
///   This conditions on the outcome (countries without documented cases drop out).
/// - ``Join/allCreditorCountries``: every country the creditor table covers, with 0 cases where
///   none are documented. A zero then means "none documented", which for a sample is not "none".
///
/// ```swift
/// let cases = CreditorAnalysis.cases(in: .documentedSample)        // persons detained or returned
/// let analysis = try CreditorAnalysis(cases: cases, creditors: .worldBank2024,
///                                     measure: .chinaShareTotal)
/// analysis.correlations(.allCreditorCountries).spearman.pValue
/// analysis.topN(10).fisher.pValue
/// ```
public struct CreditorAnalysis: Sendable {
  /// Which countries enter the correlation.
  public enum Join: String, CaseIterable, Codable, Hashable, Sendable {
    /// Countries with at least one case and a creditor figure.
    case hostsWithCases = "hosts_with_cases"
    /// Every country with a creditor figure; 0 cases where none are documented.
    case allCreditorCountries = "all_creditor_countries"
  }

  /// One country in the join.
  public struct Pair: Hashable, Sendable, Codable {
    /// The country.
    public let country: Country
    /// Its cases (0 when none are documented).
    public let cases: Double
    /// Its creditor figure.
    public let measure: Double
  }

  /// The three correlations of one join.
  public struct Correlations: Hashable, Sendable, Codable {
    /// Which countries entered.
    public let join: Join
    /// The number of countries.
    public let n: Int
    /// Pearson's r with the exact beta p-value and a Fisher-z interval.
    public let pearson: CorrelationTest
    /// Spearman's rho with the t p-value.
    public let spearman: CorrelationTest
    /// Kendall's tau-b (exact or asymptotic, as scipy's `method='auto'`).
    public let kendallTauB: CorrelationTest
  }

  /// The top-N question for one N.
  public struct TopN: Hashable, Sendable, Codable {
    /// The N asked for.
    public let requested: Int
    /// The countries in the top group: the N with most cases, plus any tied with the N-th;
    /// only countries with at least one case. May be fewer than N.
    public let top: [Country]
    /// Rows: in the top group or not; columns: China largest creditor or not; over the countries
    /// the creditor table covers.
    public let table: TwoByTwoTable
    /// Fisher's exact test of the table (one-sided `greater`: more China-as-largest-creditor in
    /// the top group than chance).
    public let fisher: FisherExactResult
  }

  /// The per-country cases, as given.
  public let cases: [Country: Double]
  /// The creditor table.
  public let creditors: CreditorTable
  /// The creditor measure correlated with cases.
  public let measure: CreditorMeasure
  /// Countries with cases that the creditor table does not cover (or gives no figure for).
  public let casesWithoutCreditorData: [Country]
  /// Countries with a creditor figure and no documented case.
  public let creditorCountriesWithoutCases: [Country]
  /// Every country with a creditor figure, with its cases (0 when none), in country order.
  public let pairs: [Pair]

  /// Joins case counts with a creditor measure.
  ///
  /// - Parameters:
  ///   - cases: cases per host country (incidents or persons; non-negative).
  ///   - creditors: a creditor table.
  ///   - measure: the measure to correlate with cases.
  /// - Throws: ``StatisticsError/nonFiniteValue(index:)`` when a case count is negative or not
  ///   finite.
  public init(cases: [Country: Double], creditors: CreditorTable, measure: CreditorMeasure) throws(StatisticsError) {
    for (index, value) in cases.values.enumerated() where !value.isFinite || value < 0 {
      throw .nonFiniteValue(index: index)
    }
    self.cases = cases
    self.creditors = creditors
    self.measure = measure
    let covered = creditors.countries.filter { creditors.value(measure, for: $0) != nil }
    let coveredSet = Set(covered)
    casesWithoutCreditorData = cases.filter { $0.value > 0 && !coveredSet.contains($0.key) }.keys.sorted()
    creditorCountriesWithoutCases = covered.filter { (cases[$0] ?? 0) == 0 }
    pairs = covered.map {
      Pair(country: $0, cases: cases[$0] ?? 0, measure: creditors.value(measure, for: $0)!)
    }
  }

  /// The pairs of a join.
  public func pairs(_ join: Join) -> [Pair] {
    join == .allCreditorCountries ? pairs : pairs.filter { $0.cases > 0 }
  }

  /// Pearson, Spearman and Kendall tau-b between cases and the measure.
  ///
  /// - Parameters:
  ///   - join: which countries enter.
  ///   - alternative: the alternative hypothesis (default two-sided).
  /// - Returns: the three tests; each is NaN with a reason when undefined (fewer than 2
  ///   countries, or a constant side).
  /// - Complexity: O(*n* log *n*).
  public func correlations(_ join: Join, alternative: Alternative = .twoSided) -> Correlations {
    let selected = pairs(join)
    let x = selected.map(\.measure)
    let y = selected.map(\.cases)
    // The inputs are finite and of equal length by construction, so the tests cannot throw.
    return Correlations(
      join: join, n: selected.count,
      pearson: try! Correlation.pearson(x, y, alternative: alternative),
      spearman: try! Correlation.spearman(x, y, alternative: alternative),
      kendallTauB: try! Correlation.kendallTauB(x, y, alternative: alternative))
  }

  /// A seeded permutation test of a correlation between cases and the measure.
  ///
  /// - Parameters:
  ///   - join: which countries enter.
  ///   - method: the coefficient.
  ///   - permutations: the number of random pairings (exact enumeration when n! is smaller).
  ///   - seed: the seed of ``SeededGenerator``.
  /// - Returns: the permutation p-value.
  /// - Throws: ``StatisticsError/invalidResampleCount(_:)`` when `permutations` < 1.
  public func permutationTest(
    _ join: Join, method: CorrelationMethod = .spearman, permutations: Int = 9_999,
    seed: UInt64 = 0
  ) throws(StatisticsError) -> PermutationTestResult {
    let selected = pairs(join)
    return try PermutationTest.correlation(
      selected.map(\.measure), selected.map(\.cases), method: method, permutations: permutations,
      seed: seed)
  }

  /// The top-N question: of the N countries with most cases, how many have China as the largest
  /// creditor, and is that more than chance among the countries the table covers?
  ///
  /// Uses ``CreditorMeasure/chinaLargestBilateral`` from the analysis's creditor table (or
  /// ``CreditorMeasure/chinaLargestOverall`` when `overall` is true), whatever measure the
  /// correlations use.
  ///
  /// - Parameters:
  ///   - n: how many countries with most cases.
  ///   - overall: use "largest creditor overall" instead of "largest bilateral creditor".
  /// - Returns: the 2×2 table and Fisher's exact test (one-sided, `greater`).
  public func topN(_ n: Int, overall: Bool = false) -> TopN {
    let indicator: CreditorMeasure = overall ? .chinaLargestOverall : .chinaLargestBilateral
    let universe = creditors.countries.filter { creditors.value(indicator, for: $0) != nil }
    let ranked = universe.filter { (cases[$0] ?? 0) > 0 }
      .sorted { (cases[$0]!, $1) > (cases[$1]!, $0) }
    var top: [Country] = []
    if n > 0, !ranked.isEmpty {
      let threshold = cases[ranked[min(n, ranked.count) - 1]]!
      top = ranked.filter { cases[$0]! >= threshold }
    }
    let topSet = Set(top)
    var a = 0, b = 0, c = 0, d = 0
    for country in universe {
      let chinaLargest = creditors.value(indicator, for: country) == 1
      switch (topSet.contains(country), chinaLargest) {
      case (true, true): a += 1
      case (true, false): b += 1
      case (false, true): c += 1
      case (false, false): d += 1
      }
    }
    let table = TwoByTwoTable(a: a, b: b, c: c, d: d)
    return TopN(
      requested: n, top: top, table: table,
      fisher: FisherExactTest.test(table, alternative: .greater))
  }

  /// ``topN(_:overall:)`` for every N in a range (default 5…20), to show how much the answer
  /// depends on the choice of N.
  public func topNSensitivity(_ range: ClosedRange<Int> = 5...20, overall: Bool = false) -> [TopN] {
    range.map { topN($0, overall: overall) }
  }
}
