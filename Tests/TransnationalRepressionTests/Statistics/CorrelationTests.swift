import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Correlation tests against scipy")
struct CorrelationTests {
  struct Outcome: Decodable {
    let statistic: FixtureNumber?
    let pvalue: FixtureNumber?
    let ci_low: FixtureNumber?
    let ci_high: FixtureNumber?
    let error: String?
  }
  struct Result: Decodable {
    let alternative: String
    let pearson: Outcome?
    let spearman: Outcome
    let kendall_auto: Outcome
    let kendall_asymptotic: Outcome
    /// Absent for n > 200, where the O(n³) exact recursion is not exercised.
    let kendall_exact: Outcome?
  }
  struct Case: Decodable {
    let name: String
    let x: [Double]
    let y: [Double]
    let confidence_level: Double
    let results: [Result]
  }
  struct Fixture: Decodable {
    let meta: FixtureMeta
    let cases: [Case]
  }

  static func load() throws -> Fixture {
    try Fixtures.json(Fixture.self, "scipy/correlation.json")
  }

  /// Statistics are O(1) quantities: relative 1e-12, with a 1e-15 absolute floor near zero.
  static func expectStatistic(
    _ actual: Double, _ expected: Double, _ context: String, tally: inout ErrorTally,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    tally.record(actual, expected, context)
    #expect(
      isApproximatelyEqual(actual, expected, relative: 1e-12, absolute: 1e-15),
      "\(context): \(actual) vs scipy \(expected)", sourceLocation: sourceLocation)
  }

  static func expectPValue(
    _ actual: Double, _ expected: Double, _ context: String, tally: inout ErrorTally,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    tally.record(actual, expected, context)
    #expect(
      matchesPValue(actual, expected), "\(context): \(actual) vs scipy \(expected)",
      sourceLocation: sourceLocation)
  }

  @Test("Pearson r, p-value and Fisher-z interval")
  func pearson() throws {
    let fixture = try Self.load()
    #expect(fixture.cases.count > 80)
    var statistics = ErrorTally("pearson r")
    var pValues = ErrorTally("pearson p (all, relative)")
    var intervals = ErrorTally("pearson CI")
    for testCase in fixture.cases {
      for result in testCase.results {
        guard let expected = result.pearson else { continue }
        let alternative = try #require(Alternative(rawValue: result.alternative))
        let context = "\(testCase.name) \(result.alternative)"
        let test = try Correlation.pearson(
          testCase.x, testCase.y, alternative: alternative,
          confidenceLevel: testCase.confidence_level)
        #expect(test.method == .pearson)
        #expect(test.n == testCase.x.count)
        Self.expectStatistic(test.statistic, expected.statistic!.value, context, tally: &statistics)
        Self.expectPValue(test.pValue, expected.pvalue!.value, context, tally: &pValues)
        if expected.statistic!.value.isNaN {
          #expect(test.undefinedReason != nil, "\(context)")
          #expect(test.confidenceInterval == nil)
        } else {
          let interval = try #require(test.confidenceInterval)
          #expect(interval.level == testCase.confidence_level)
          for (actual, scipy) in [
            (interval.lower, expected.ci_low!.value), (interval.upper, expected.ci_high!.value),
          ] {
            intervals.record(actual, scipy, context)
            #expect(
              isApproximatelyEqual(actual, scipy, relative: 1e-12, absolute: 1e-15),
              "\(context) CI: \(actual) vs \(scipy)")
          }
        }
      }
    }
    statistics.report()
    pValues.report()
    intervals.report()
  }

  @Test("Spearman rho and t p-value")
  func spearman() throws {
    let fixture = try Self.load()
    var statistics = ErrorTally("spearman rho")
    var pValues = ErrorTally("spearman p (all, relative)")
    for testCase in fixture.cases {
      for result in testCase.results {
        let alternative = try #require(Alternative(rawValue: result.alternative))
        let context = "\(testCase.name) \(result.alternative)"
        let test = try Correlation.spearman(testCase.x, testCase.y, alternative: alternative)
        Self.expectStatistic(test.statistic, result.spearman.statistic!.value, context, tally: &statistics)
        Self.expectPValue(test.pValue, result.spearman.pvalue!.value, context, tally: &pValues)
        #expect(test.pValueMethod == "t")
        if result.spearman.pvalue!.value.isNaN { #expect(test.undefinedReason != nil, "\(context)") }
      }
    }
    statistics.report()
    pValues.report()
  }

  @Test("Kendall tau-b with auto, exact and asymptotic p-values")
  func kendall() throws {
    let fixture = try Self.load()
    var statistics = ErrorTally("kendall tau-b")
    var pValues = ErrorTally("kendall p (all, relative)")
    var exactCount = 0
    for testCase in fixture.cases {
      for result in testCase.results {
        let alternative = try #require(Alternative(rawValue: result.alternative))
        for (method, optionalExpected) in [
          (KendallMethod.auto, result.kendall_auto), (.asymptotic, result.kendall_asymptotic),
          (.exact, result.kendall_exact),
        ] {
          guard let expected = optionalExpected else { continue }
          let context = "\(testCase.name) \(result.alternative) \(method)"
          if let error = expected.error {
            if error == "ValueError" {
              #expect(throws: StatisticsError.exactMethodRequiresNoTies, "\(context)") {
                _ = try Correlation.kendallTauB(
                  testCase.x, testCase.y, alternative: alternative, method: method)
              }
            } else {
              // scipy divides 0 by 0.0 in the variance's third term when n = 2 and raises
              // ZeroDivisionError; that term is 0 in the limit, and the p-value is then the
              // plain normal approximation.
              #expect(error == "ZeroDivisionError" && testCase.x.count == 2, "\(context)")
              let test = try Correlation.kendallTauB(
                testCase.x, testCase.y, alternative: alternative, method: method)
              let z = test.statistic  // n = 2: S = ±1 and Var(S) = 1
              let expectedP: Double =
                switch alternative {
                case .twoSided: 2 * NormalDistribution.sf(abs(z))
                case .less: NormalDistribution.cdf(z)
                case .greater: NormalDistribution.sf(z)
                }
              #expect(test.pValue == expectedP, "\(context)")
            }
            continue
          }
          let test = try Correlation.kendallTauB(
            testCase.x, testCase.y, alternative: alternative, method: method)
          if test.pValueMethod == "exact" { exactCount += 1 }
          Self.expectStatistic(test.statistic, expected.statistic!.value, context, tally: &statistics)
          Self.expectPValue(test.pValue, expected.pvalue!.value, context, tally: &pValues)
          if expected.statistic!.value.isNaN { #expect(test.undefinedReason != nil, "\(context)") }
        }
      }
    }
    #expect(exactCount > 100)
    statistics.report()
    pValues.report()
  }

  @Test("scipy's documented examples")
  func documentedExamples() throws {
    let kendall = try Correlation.kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])
    #expect(isApproximatelyEqual(kendall.statistic, -0.47140452079103173, relative: 1e-15))
    #expect(isApproximatelyEqual(kendall.pValue, 0.2827454599327748, relative: 1e-13))
    #expect(kendall.pValueMethod == "asymptotic")
    let spearman = try Correlation.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])
    #expect(isApproximatelyEqual(spearman.statistic, 0.8207826816681233, relative: 1e-15))
    #expect(isApproximatelyEqual(spearman.pValue, 0.08858700531354381, relative: 1e-12))
  }

  @Test("Invalid input throws typed errors with readable descriptions")
  func invalidInput() {
    #expect(throws: StatisticsError.lengthMismatch(x: 3, y: 2)) {
      _ = try Correlation.pearson([1, 2, 3], [1, 2])
    }
    #expect(throws: StatisticsError.nonFiniteValue(index: 1)) {
      _ = try Correlation.spearman([1, .nan, 3], [1, 2, 3])
    }
    #expect(throws: StatisticsError.nonFiniteValue(index: 2)) {
      _ = try Correlation.kendallTauB([1, 2, 3], [1, 2, .infinity])
    }
    #expect(throws: StatisticsError.invalidConfidenceLevel(1)) {
      _ = try Correlation.pearson([1, 2, 3], [1, 2, 4], confidenceLevel: 1)
    }
    #expect(
      StatisticsError.lengthMismatch(x: 3, y: 2).description
        == "x has 3 values but y has 2; paired samples must have equal lengths")
  }

  @Test("Too few pairs and constant samples give NaN with a reason")
  func undefinedCases() throws {
    for test in [
      try Correlation.pearson([], []), try Correlation.pearson([1], [2]),
      try Correlation.spearman([1], [2]), try Correlation.kendallTauB([], []),
      try Correlation.kendallTauB([3, 3, 3], [1, 2, 3]), try Correlation.pearson([1, 2, 3], [5, 5, 5]),
    ] {
      #expect(test.statistic.isNaN)
      #expect(test.pValue.isNaN)
      #expect(test.undefinedReason != nil)
      #expect(!test.isDefined)
    }
    let constant = try Correlation.pearson([1, 2, 3], [5, 5, 5])
    #expect(constant.undefinedReason == "y is constant; the correlation coefficient is not defined")
  }

  @Test("Kendall pair counting agrees with the O(n²) definition")
  func kendallCountsBruteForce() {
    var generator = SeededGenerator(seed: 2024)
    for n in [2, 3, 17, 64, 200] {
      for tieLevels in [3, 10, 1000] {
        let x = (0..<n).map { _ in Double(generator.next(upperBound: UInt64(tieLevels))) }
        let y = (0..<n).map { _ in Double(generator.next(upperBound: UInt64(tieLevels))) }
        var concordant = 0
        var discordant = 0
        var tiedX = 0
        var tiedY = 0
        var tiedBoth = 0
        for i in 0..<n {
          for j in (i + 1)..<n {
            let dx = x[i] - x[j]
            let dy = y[i] - y[j]
            if dx == 0 && dy == 0 {
              tiedBoth += 1
            } else if dx == 0 {
              tiedX += 1
            } else if dy == 0 {
              tiedY += 1
            } else if (dx > 0) == (dy > 0) {
              concordant += 1
            } else {
              discordant += 1
            }
          }
        }
        let counts = KendallCounts(x, y)
        #expect(counts.discordant == discordant)
        #expect(counts.xTies == tiedX + tiedBoth)
        #expect(counts.yTies == tiedY + tiedBoth)
        #expect(counts.jointTies == tiedBoth)
        #expect(counts.concordantMinusDiscordant == concordant - discordant)
      }
    }
  }

  @Test("Kendall exact distribution sums to one and is symmetric")
  func kendallExactDistribution() {
    // P(C ≤ c) for the largest c below the centre plus P(C ≥ c + 1) must be 1, and the
    // one-sided p-values of a point and its mirror image agree.
    for n in [4, 9, 20, 33] {
      let total = n * (n - 1) / 2
      for c in [2, total / 3] {
        let less = Correlation.kendallExactPValue(n: n, concordant: c, alternative: .less)
        let greaterMirror = Correlation.kendallExactPValue(
          n: n, concordant: total - c, alternative: .greater)
        #expect(isApproximatelyEqual(less, greaterMirror, relative: 1e-14))
        let greater = Correlation.kendallExactPValue(n: n, concordant: c, alternative: .greater)
        let mass = Correlation.kendallExactPValue(n: n, concordant: c, alternative: .less)
          - Correlation.kendallExactPValue(n: n, concordant: c - 1, alternative: .less)
        #expect(isApproximatelyEqual(less + greater - mass, 1, relative: 1e-13))
      }
    }
  }
}
