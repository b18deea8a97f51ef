import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Permutation tests")
struct PermutationTestTests {
  struct Case: Decodable {
    let name: String
    let x: [Double]
    let y: [Double]
    let statistic_kind: String
    let alternative: String
    let statistic: FixtureNumber
    let pvalue: FixtureNumber
    let null_size: Int
  }
  struct Fixture: Decodable {
    let meta: FixtureMeta
    let cases: [Case]
  }

  static func method(_ kind: String) -> CorrelationMethod {
    switch kind {
    case "pearson": .pearson
    case "spearman": .spearman
    default: .kendallTauB
    }
  }

  @Test("Exact p-values equal scipy's permutation_test(permutation_type='pairings')")
  func exactAgainstScipy() throws {
    let fixture = try Fixtures.json(Fixture.self, "scipy/permutation.json")
    #expect(fixture.cases.count >= 80)
    var tally = ErrorTally("permutation exact p")
    for testCase in fixture.cases {
      let alternative = try #require(Alternative(rawValue: testCase.alternative))
      let context = "\(testCase.name) \(testCase.statistic_kind) \(testCase.alternative)"
      let result = try PermutationTest.correlation(
        testCase.x, testCase.y, method: Self.method(testCase.statistic_kind),
        alternative: alternative)
      #expect(result.isExact, "\(context)")
      #expect(result.permutations == testCase.null_size, "\(context)")
      #expect(
        isApproximatelyEqual(result.statistic, testCase.statistic.value, relative: 1e-12, absolute: 1e-15),
        "\(context) statistic \(result.statistic) vs \(testCase.statistic.value)")
      // Exact p-values are ratios of counts: they must agree to the last bit.
      tally.record(result.pValue, testCase.pvalue.value, context)
      #expect(result.pValue == testCase.pvalue.value, "\(context) p \(result.pValue) vs \(testCase.pvalue.value)")
    }
    tally.report()
  }

  @Test("Randomized p-values are reproducible, of the form (k + 1)/(B + 1), and near the exact value")
  func randomized() throws {
    let x = [0.3, 1.9, 2.2, 3.1, 3.3, 4.8, 5.0, 6.6]
    let y = [1.1, 0.7, 2.9, 2.4, 4.4, 3.6, 5.8, 5.1]
    for method in CorrelationMethod.allCases {
      let exact = try PermutationTest.correlation(x, y, method: method, permutations: 40_320)
      #expect(exact.isExact)
      let first = try PermutationTest.correlation(x, y, method: method, permutations: 20_000, seed: 9)
      let again = try PermutationTest.correlation(x, y, method: method, permutations: 20_000, seed: 9)
      let other = try PermutationTest.correlation(x, y, method: method, permutations: 20_000, seed: 10)
      #expect(!first.isExact)
      #expect(first == again)
      #expect(first.statistic == exact.statistic)
      // (k + 1)/(B + 1) for the one-sided counts: p·(B+1)/2 is an integer for two-sided.
      let scaled = first.pValue * 20_001 / 2
      #expect(abs(scaled - scaled.rounded()) < 1e-6)
      // Within five binomial standard errors of the exact p-value.
      let p = exact.pValue
      let se = 2 * (p / 2 * (1 - p / 2) / 20_000).squareRoot()
      for randomized in [first, other] {
        #expect(abs(randomized.pValue - p) < 5 * se + 1e-4, "\(method): \(randomized.pValue) vs exact \(p)")
      }
    }
  }

  @Test("Undefined and invalid input")
  func edgeCases() throws {
    let constant = try PermutationTest.correlation([1, 1, 1], [1, 2, 3], method: .pearson)
    #expect(constant.pValue.isNaN && constant.undefinedReason != nil)
    let single = try PermutationTest.correlation([1], [2], method: .spearman)
    #expect(single.statistic.isNaN && single.undefinedReason != nil)
    #expect(throws: StatisticsError.invalidResampleCount(0)) {
      _ = try PermutationTest.correlation([1, 2, 3], [3, 1, 2], method: .pearson, permutations: 0)
    }
    #expect(PermutationTest.factorial(7, cappedAt: 9_999) == 5_040)
    #expect(PermutationTest.factorial(8, cappedAt: 9_999) == nil)
    #expect(PermutationTest.factorial(25, cappedAt: .max) == nil)
  }

  @Test("Heap's algorithm visits every pairing exactly once")
  func enumeratesAllPairings() {
    // Over all 5! pairings, Kendall's tau = 1 − 2·inversions/10 must follow the Mahonian
    // numbers 1, 4, 9, 15, 20, 22, 20, 15, 9, 4, 1 (permutations of 5 by inversion count).
    var statistic = PermutableStatistic(method: .kendallTauB, x: [1, 2, 3, 4, 5], y: [10, 20, 30, 40, 50])
    var histogram = [Int](repeating: 0, count: 11)
    statistic.forEachPairing { tau in
      let inversions = Int(((1 - tau) * 5).rounded())
      histogram[inversions] += 1
    }
    #expect(histogram == [1, 4, 9, 15, 20, 22, 20, 15, 9, 4, 1])
  }
}
