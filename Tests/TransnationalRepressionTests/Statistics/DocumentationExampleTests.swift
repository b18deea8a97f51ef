import Foundation
import Testing

@testable import TransnationalRepression

/// The numbers quoted in the DocC comments, checked against the scipy 1.17.1 values they were
/// copied from, so that the documentation cannot drift from the code.
@Suite("Documentation examples")
struct DocumentationExampleTests {
  @Test("Correlation examples")
  func correlation() throws {
    let test = try Correlation.pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
    #expect(isApproximatelyEqual(test.statistic, 0.7745966692414835, relative: 1e-15))
    #expect(isApproximatelyEqual(test.pValue, 0.1240270626575546, relative: 1e-13))
    let interval = try #require(test.confidenceInterval)
    #expect(isApproximatelyEqual(interval.lower, -0.34008203518751035, relative: 1e-13))
    #expect(isApproximatelyEqual(interval.upper, 0.9842357551507267, relative: 1e-13))
    #expect(interval.description.hasPrefix("95% CI ["))
  }

  @Test("Fisher examples")
  func fisher() {
    let result = FisherExactTest.test(TwoByTwoTable(a: 8, b: 2, c: 1, d: 5))
    #expect(isApproximatelyEqual(result.pValue, 0.034965034965034975, relative: 1e-14))
    #expect(result.sampleOddsRatio == 20)
    #expect(isApproximatelyEqual(result.conditionalOddsRatio, 15.465819716921013, relative: 1e-12))
    let table = TwoByTwoTable(a: 1, b: 9, c: 11, d: 3)
    #expect(isApproximatelyEqual(FisherExactTest.test(table).pValue, 0.0027594561852200836, relative: 1e-14))
    #expect(
      isApproximatelyEqual(
        FisherExactTest.test(table, alternative: .less).pValue, 0.0013797280926100418, relative: 1e-14))
    #expect(
      isApproximatelyEqual(
        FisherExactTest.test(TwoByTwoTable(a: 3, b: 1, c: 1, d: 3), alternative: .greater).pValue,
        0.24285714285714283, relative: 1e-14))
    #expect(table.description == "[[1, 9], [11, 3]]")
  }

  @Test("Distribution examples")
  func distributions() {
    let t10 = StudentTDistribution(degreesOfFreedom: 10)
    #expect(isApproximatelyEqual(t10.cdf(2.228138851986522), 0.975, relative: 1e-13))
    #expect(isApproximatelyEqual(t10.sf(40), 1.1404288715428768e-12, relative: 1e-12))
    #expect(isApproximatelyEqual(StudentTDistribution(degreesOfFreedom: 5).sf(3), 0.015049623948731293, relative: 1e-13))
    #expect(isApproximatelyEqual(NormalDistribution.sf(8), 6.22096057427174e-16, relative: 1e-13))
    #expect(isApproximatelyEqual(NormalDistribution.cdf(-10), 7.61985302416047e-24, relative: 1e-13))
    #expect(isApproximatelyEqual(NormalDistribution.quantile(0.975), 1.959963984540054, relative: 1e-15))
    #expect(isApproximatelyEqual(NormalDistribution.quantile(1e-300), -37.0470962993612, relative: 1e-15))
    #expect(NormalDistribution.ppf(0.3) == NormalDistribution.quantile(0.3))
    #expect(isApproximatelyEqual(NormalDistribution.pdf(0), 0.3989422804014327, relative: 1e-15))
    let h = HypergeometricDistribution(population: 20, successes: 7, draws: 12)
    #expect(isApproximatelyEqual(h.pmf(4), 0.3575851393188855, relative: 1e-13))
    let large = HypergeometricDistribution(population: 150_000, successes: 75_000, draws: 3_000)
    #expect(isApproximatelyEqual(large.logPMF(0), -2110.0456022882136, relative: 1e-13))
    #expect(isApproximatelyEqual(regularizedIncompleteBeta(a: 2.2, b: 3.1, x: 0.4), 0.49339638807619457, relative: 1e-14))
    #expect(isApproximatelyEqual(regularizedIncompleteBetaComplement(a: 2.2, b: 3.1, x: 0.4), 0.5066036119238054, relative: 1e-14))
  }

  @Test("Enums encode with scipy's spellings")
  func spellings() throws {
    #expect(Alternative.twoSided.rawValue == "two-sided")
    #expect(Alternative.allCases.map(\.description) == ["two-sided", "less", "greater"])
    let encoded = try JSONEncoder().encode([Alternative.less])
    #expect(String(decoding: encoded, as: UTF8.self) == #"["less"]"#)
    #expect(CorrelationMethod.kendallTauB.rawValue == "kendall-tau-b")
  }
}
