import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Bootstrap intervals")
struct BootstrapTests {
  struct Result: Decodable {
    let alternative: String
    let confidence_level: Double
    let method: String
    let ci_low: FixtureNumber
    let ci_high: FixtureNumber
    let standard_error: FixtureNumber
    let bca_alpha_1: FixtureNumber
    let bca_alpha_2: FixtureNumber
    let acceleration: FixtureNumber
  }
  struct Case: Decodable {
    let name: String
    let x: [Double]
    let y: [Double]
    let estimate: Double
    let bootstrap_distribution: [Double]
    let jackknife: [Double]
    let results: [Result]
  }
  struct Fixture: Decodable {
    let meta: FixtureMeta
    let cases: [Case]
  }

  @Test("BCa and percentile intervals equal scipy's for the same bootstrap distribution")
  func againstScipy() throws {
    let fixture = try Fixtures.json(Fixture.self, "scipy/bootstrap.json")
    #expect(fixture.cases.count == 4)
    var bounds = ErrorTally("bootstrap CI bounds")
    var levels = ErrorTally("BCa alpha_1/alpha_2/acceleration")
    for testCase in fixture.cases {
      #expect(testCase.bootstrap_distribution.count == 999)
      for result in testCase.results {
        let alternative = try #require(Alternative(rawValue: result.alternative))
        let context = "\(testCase.name) \(result.method) \(result.alternative) \(result.confidence_level)"
        let interval: ConfidenceInterval
        if result.method == "BCa" {
          interval = Bootstrap.bcaInterval(
            estimate: testCase.estimate, bootstrapDistribution: testCase.bootstrap_distribution,
            jackknife: testCase.jackknife, level: result.confidence_level, alternative: alternative)
          let alpha = alternative == .twoSided ? (1 - result.confidence_level) / 2 : 1 - result.confidence_level
          let computed = Bootstrap.bcaLevels(
            estimate: testCase.estimate, bootstrapDistribution: testCase.bootstrap_distribution,
            jackknife: testCase.jackknife, alpha: alpha)
          for (actual, expected) in [
            (computed.alpha1, result.bca_alpha_1.value), (computed.alpha2, result.bca_alpha_2.value),
            (computed.acceleration, result.acceleration.value),
          ] {
            levels.record(actual, expected, context)
            #expect(isApproximatelyEqual(actual, expected, relative: 1e-12, absolute: 1e-15), "\(context)")
          }
        } else {
          interval = Bootstrap.percentileInterval(
            bootstrapDistribution: testCase.bootstrap_distribution, level: result.confidence_level,
            alternative: alternative)
        }
        #expect(interval.level == result.confidence_level)
        for (actual, expected) in [(interval.lower, result.ci_low.value), (interval.upper, result.ci_high.value)] {
          bounds.record(actual, expected, context)
          #expect(
            isApproximatelyEqual(actual, expected, relative: 1e-12, absolute: 1e-15),
            "\(context): \(actual) vs \(expected)")
        }
        let standardError = Bootstrap.standardDeviation(testCase.bootstrap_distribution)
        #expect(isApproximatelyEqual(standardError, result.standard_error.value, relative: 1e-12))
      }
    }
    bounds.report()
    levels.report()
  }

  @Test("The jackknife of Pearson's r equals scipy's leave-one-out values")
  func jackknife() throws {
    let fixture = try Fixtures.json(Fixture.self, "scipy/bootstrap.json")
    let pearsonCases = fixture.cases.filter { $0.name.hasPrefix("pearson") }
    #expect(pearsonCases.count == 3)
    for testCase in pearsonCases {
      let values = Bootstrap.jackknife(testCase.x, testCase.y) { a, b in
        Correlation.pearsonCoefficient(a, b)
      }
      #expect(values.count == testCase.jackknife.count)
      for (actual, expected) in zip(values, testCase.jackknife) {
        #expect(isApproximatelyEqual(actual, expected, relative: 1e-12, absolute: 1e-15))
      }
      #expect(isApproximatelyEqual(Correlation.pearsonCoefficient(testCase.x, testCase.y), testCase.estimate, relative: 1e-13))
    }
  }

  @Test("Seeded resampling is reproducible and the interval brackets the estimate")
  func resampling() throws {
    let x = (0..<30).map { Double($0) / 3 }
    let y = x.enumerated().map { index, value in value + Double((index * 7) % 5) - 2 }
    let mean: ([Double], [Double]) -> Double = { a, b in
      zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) } / Double(a.count)
    }
    let first = try Bootstrap.pairedInterval(x, y, statistic: mean, resamples: 2_000, seed: 11)
    let second = try Bootstrap.pairedInterval(x, y, statistic: mean, resamples: 2_000, seed: 11)
    let third = try Bootstrap.pairedInterval(x, y, statistic: mean, resamples: 2_000, seed: 12)
    #expect(first == second)
    #expect(first.bootstrapDistribution != third.bootstrapDistribution)
    #expect(first.confidenceInterval.contains(first.estimate))
    #expect(first.bootstrapDistribution.count == 2_000)
    // The bootstrap standard error of a mean of differences is close to s/√n.
    let differences = zip(x, y).map { $0 - $1 }
    let classical = Bootstrap.standardDeviation(differences) / Double(differences.count).squareRoot()
    #expect(abs(first.standardError / classical - 1) < 0.1)
    let percentile = try Bootstrap.pairedInterval(
      x, y, statistic: mean, method: .percentile, alternative: .less, resamples: 500, seed: 1)
    #expect(percentile.confidenceInterval.lower == -.infinity)
    #expect(percentile.confidenceInterval.upper > percentile.estimate)
  }

  @Test("Invalid input throws")
  func invalid() {
    let mean: ([Double], [Double]) -> Double = { a, _ in a.reduce(0, +) }
    #expect(throws: StatisticsError.insufficientData(count: 1, minimum: 2)) {
      _ = try Bootstrap.pairedInterval([1], [2], statistic: mean)
    }
    #expect(throws: StatisticsError.invalidResampleCount(0)) {
      _ = try Bootstrap.pairedInterval([1, 2], [2, 3], statistic: mean, resamples: 0)
    }
    #expect(throws: StatisticsError.invalidConfidenceLevel(0)) {
      _ = try Bootstrap.pairedInterval([1, 2], [2, 3], statistic: mean, confidenceLevel: 0)
    }
  }

  @Test("Linear quantiles follow Hyndman–Fan type 7")
  func quantiles() {
    let sorted = [1.0, 2, 4, 8]
    #expect(Bootstrap.linearQuantile(sorted, 0) == 1)
    #expect(Bootstrap.linearQuantile(sorted, 1) == 8)
    #expect(Bootstrap.linearQuantile(sorted, 0.5) == 3)
    #expect(Bootstrap.linearQuantile(sorted, 1.0 / 3) == 2)
    #expect(Bootstrap.linearQuantile(sorted, .nan).isNaN)
    #expect(Bootstrap.linearQuantile(sorted, 1.5).isNaN)
  }
}
