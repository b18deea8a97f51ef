import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Fisher's exact test and conditional odds ratio against scipy")
struct FisherExactTests {
  struct Row: Decodable {
    let table: [[Int]]
    let alternative: String
    let confidence_level: Double
    let pvalue: FixtureNumber
    let fisher_statistic: FixtureNumber
    let sample_odds_ratio: FixtureNumber
    let conditional_odds_ratio: FixtureNumber
    let ci_low: FixtureNumber
    let ci_high: FixtureNumber
    let conditional_odds_ratio_mp: Double?
    let ci_low_mp: Double?
    let ci_high_mp: Double?
  }

  /// The tolerance for root-found quantities: relative 1e-12, absolute 1e-13 (scipy's brentq
  /// stops at xtol = 1e-13).
  static func rootMatches(_ actual: Double, _ expected: Double) -> Bool {
    isApproximatelyEqual(actual, expected, relative: 1e-12, absolute: 1e-13)
  }

  /// scipy's value, unless it is itself further than the tolerance from the 30-digit mpmath
  /// root (BiasedUrn truncates its sums at 1e-13 of the largest term and uses Stirling's
  /// formula for large factorials), in which case the mpmath value. Returns whether mpmath
  /// was used.
  static func reference(scipy: Double, exact: Double?) -> (value: Double, usedExact: Bool) {
    guard let exact, !rootMatches(scipy, exact) else { return (scipy, false) }
    return (exact, true)
  }
  struct Fixture: Decodable {
    let meta: FixtureMeta
    let rows: [Row]
  }

  @Test("p-values, sample and conditional odds ratios, exact intervals")
  func againstScipy() throws {
    let fixture = try Fixtures.json(Fixture.self, "scipy/fisher.json")
    #expect(fixture.rows.count > 200)
    var pValues = ErrorTally("fisher p (p ≥ 1e-3)")
    var smallPValues = ErrorTally("fisher p (p < 1e-3, relative)")
    var oddsRatios = ErrorTally("conditional odds ratio")
    var intervals = ErrorTally("conditional CI bounds")
    var scipyOff = 0
    for row in fixture.rows {
      let table = try #require(TwoByTwoTable(rows: row.table))
      let alternative = try #require(Alternative(rawValue: row.alternative))
      let context = "\(table) \(row.alternative) \(row.confidence_level)"
      let result = FisherExactTest.test(
        table, alternative: alternative, confidenceLevel: row.confidence_level)
      #expect(result.table == table)
      let expectedP = row.pvalue.value
      if expectedP >= 1e-3 {
        pValues.record(result.pValue, expectedP, context)
      } else {
        smallPValues.record(result.pValue, expectedP, context)
      }
      #expect(matchesPValue(result.pValue, expectedP), "\(context) p: \(result.pValue) vs \(expectedP)")
      #expect(
        isApproximatelyEqual(result.sampleOddsRatio, row.fisher_statistic.value, relative: 1e-15),
        "\(context) sample OR")
      #expect(
        isApproximatelyEqual(result.sampleOddsRatio, row.sample_odds_ratio.value, relative: 1e-15),
        "\(context) sample OR (odds_ratio kind=sample)")
      // scipy solves for the conditional estimate and the interval limits with brentq at
      // xtol = 1e-13 (absolute), so its values are only determined to about that much.
      // Where scipy is further than that from the 30-digit mpmath root, compare with mpmath.
      let conditional = Self.reference(
        scipy: row.conditional_odds_ratio.value, exact: row.conditional_odds_ratio_mp)
      if conditional.usedExact { scipyOff += 1 }
      oddsRatios.record(result.conditionalOddsRatio, conditional.value, context)
      #expect(
        Self.rootMatches(result.conditionalOddsRatio, conditional.value),
        "\(context) conditional OR: \(result.conditionalOddsRatio) vs \(conditional.value)")
      for (actual, scipy, exact, label) in [
        (result.confidenceInterval.lower, row.ci_low.value, row.ci_low_mp, "low"),
        (result.confidenceInterval.upper, row.ci_high.value, row.ci_high_mp, "high"),
      ] {
        let expected = Self.reference(scipy: scipy, exact: exact)
        if expected.usedExact { scipyOff += 1 }
        intervals.record(actual, expected.value, context)
        #expect(
          Self.rootMatches(actual, expected.value),
          "\(context) CI \(label): \(actual) vs scipy \(scipy), mpmath \(exact ?? .nan)")
      }
      #expect(result.confidenceInterval.level == row.confidence_level)
    }
    pValues.report()
    smallPValues.report()
    oddsRatios.report()
    intervals.report()
    print("[accuracy] fisher: \(scipyOff) odds-ratio values where scipy is off mpmath by more than the tolerance")
  }

  @Test("The two-sided p-value counts tables as probable as the observed one (tolerance 1e-14)")
  func twoSidedTieTolerance() {
    // [[3, 1], [1, 3]]: tables a = 1 and a = 3 are equally probable; both tails are counted.
    let symmetric = FisherExactTest.test(TwoByTwoTable(a: 3, b: 1, c: 1, d: 3))
    let h = HypergeometricDistribution(population: 8, successes: 4, draws: 4)
    let expected = h.pmf(0) + h.pmf(1) + h.pmf(3) + h.pmf(4)
    #expect(isApproximatelyEqual(symmetric.pValue, expected, relative: 1e-14))
    // The observed table at the mode has p = 1.
    #expect(FisherExactTest.test(TwoByTwoTable(a: 10, b: 10, c: 10, d: 10)).pValue == 1)
  }

  @Test("Degenerate tables")
  func degenerate() {
    let empty = FisherExactTest.test(TwoByTwoTable(a: 0, b: 0, c: 3, d: 4))
    #expect(empty.pValue == 1)
    #expect(empty.sampleOddsRatio.isNaN)
    #expect(empty.conditionalOddsRatio.isNaN)
    #expect(empty.confidenceInterval.lower == 0 && empty.confidenceInterval.upper == .infinity)
    let perfect = FisherExactTest.test(TwoByTwoTable(a: 5, b: 0, c: 0, d: 5))
    #expect(perfect.sampleOddsRatio == .infinity)
    #expect(perfect.conditionalOddsRatio == .infinity)
    #expect(perfect.confidenceInterval.upper == .infinity)
    #expect(perfect.confidenceInterval.lower > 1)
    let reversed = FisherExactTest.test(TwoByTwoTable(a: 0, b: 5, c: 5, d: 0))
    #expect(reversed.sampleOddsRatio == 0)
    #expect(reversed.conditionalOddsRatio == 0)
    #expect(reversed.confidenceInterval.lower == 0)
    #expect(TwoByTwoTable(rows: [[1, 2], [3]]) == nil)
    #expect(TwoByTwoTable(rows: [[1, -2], [3, 4]]) == nil)
  }

  @Test("Tables round-trip through JSON and reject negative counts")
  func codable() throws {
    let table = TwoByTwoTable(a: 1, b: 9, c: 11, d: 3)
    let data = try JSONEncoder().encode(table)
    #expect(try JSONDecoder().decode(TwoByTwoTable.self, from: data) == table)
    let negative = Data(#"{"a": 1, "b": -9, "c": 11, "d": 3}"#.utf8)
    #expect(throws: DecodingError.self) {
      _ = try JSONDecoder().decode(TwoByTwoTable.self, from: negative)
    }
  }
}
