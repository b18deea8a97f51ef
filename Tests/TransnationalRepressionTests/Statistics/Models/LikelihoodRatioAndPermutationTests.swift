import Foundation
import Testing

@testable import TransnationalRepression

/// Likelihood-ratio tests against statsmodels llf + scipy chi2.sf, and the coefficient
/// permutation test against a Python re-run (same SeededGenerator stream, statsmodels refits).
@Suite("Likelihood-ratio and permutation tests of coefficients")
struct LikelihoodRatioAndPermutationTests {
  @Test("LR statistic, df and p-value match statsmodels log-likelihoods and scipy chi2.sf")
  func likelihoodRatioMatchesReference() throws {
    let fixture = try ModelFixture.load()
    #expect(fixture.lr_tests.count == 7)
    for reference in fixture.lr_tests {
      let data = fixture.dataset(reference.dataset)
      let family = CountModelFamily(fixtureName: reference.family)
      let test = try LikelihoodRatioTest.test(
        try data.design(), outcome: data.outcome, family: family, dropping: reference.dropped)
      let label = "\(reference.dataset) \(reference.family) without \(reference.dropped)"
      #expect(test.degreesOfFreedom == reference.df, "\(label)")
      #expect(test.droppedCoefficients == reference.dropped, "\(label)")
      #expect(
        isApproximatelyEqual(test.fullLogLikelihood, reference.llf_full, relative: 1e-10),
        "\(label)")
      #expect(
        isApproximatelyEqual(
          test.restrictedLogLikelihood, reference.llf_restricted, relative: 1e-10), "\(label)")
      // The statistic is a difference of log-likelihoods: compare it with an absolute budget of
      // 1e-8 × |llf| as well (the difference cancels digits).
      #expect(
        isApproximatelyEqual(
          test.statistic, reference.statistic, relative: 1e-8,
          absolute: 1e-9 * abs(reference.llf_full)), "\(label): \(test.statistic)")
      #expect(
        isApproximatelyEqual(test.pValue, reference.p_value, relative: 1e-6),
        "\(label): \(test.pValue)")
    }
  }

  @Test("LR test refuses models of different families, different rows or not nested")
  func likelihoodRatioRefusesBadPairs() throws {
    let fixture = try ModelFixture.load()
    let data = fixture.dataset("counts_30x3")
    let design = try data.design()
    let poisson = try CountRegression.fit(design, outcome: data.outcome, family: .poisson)
    let nb = try CountRegression.fit(design, outcome: data.outcome, family: .negativeBinomial)
    let error = #expect(throws: ModelError.self) {
      try LikelihoodRatioTest.compare(restricted: poisson, full: nb)
    }
    #expect(error?.reason == .invalidArgument)
    let withoutX1 = try CountRegression.fit(
      try design.removingColumns(["x1"]), outcome: data.outcome, family: .poisson)
    let withoutX2 = try CountRegression.fit(
      try design.removingColumns(["x2"]), outcome: data.outcome, family: .poisson)
    let notNested = #expect(throws: ModelError.self) {
      try LikelihoodRatioTest.compare(restricted: withoutX1, full: withoutX2)
    }
    #expect(notNested?.columns == ["x2"])
    #expect(throws: ModelError.self) {
      try LikelihoodRatioTest.compare(restricted: poisson, full: withoutX1)
    }
    // Same model on both sides: statistic 0, p-value 1.
    let same = try CountRegression.fit(
      try design.removingColumns(["x3"]), outcome: data.outcome, family: .poisson)
    let zero = try LikelihoodRatioTest.compare(restricted: same, full: poisson)
    #expect(zero.degreesOfFreedom == 1 && zero.statistic > 0)
  }

  @Test("Permutation p-values equal a statsmodels re-run with the same SeededGenerator stream")
  func permutationMatchesPythonRerun() throws {
    let fixture = try ModelFixture.load()
    #expect(fixture.permutations.count == 4)
    for reference in fixture.permutations {
      let data = fixture.dataset(reference.dataset)
      let family = CountModelFamily(fixtureName: reference.family)
      let statistic = CoefficientPermutationTest.Statistic(rawValue: reference.statistic)!
      for threads in [1, 2, 3] {
        let test = try CoefficientPermutationTest.run(
          try data.design(), outcome: data.outcome, family: family, column: reference.column,
          statistic: statistic, permutations: reference.permutations, seed: reference.seed,
          threads: threads)
        let label =
          "\(reference.dataset) \(reference.family) \(reference.column) (\(threads) threads)"
        #expect(isApproximatelyEqual(test.observed, reference.observed, relative: 1e-7), "\(label)")
        #expect(test.extremeCount == reference.extreme, "\(label)")
        #expect(test.failedRefits == 0, "\(label)")
        #expect(test.pValue == reference.p_value, "\(label)")
        #expect(test.pValue == Double(test.extremeCount + 1) / Double(test.permutations + 1))
      }
    }
  }

  @Test("Permutation test arguments are checked")
  func permutationArguments() throws {
    let fixture = try ModelFixture.load()
    let data = fixture.dataset("counts_30x3")
    let design = try data.design()
    for (column, permutations) in [("nope", 10), ("(intercept)", 10), ("x1", 0)] {
      let error = #expect(throws: ModelError.self) {
        try CoefficientPermutationTest.run(
          design, outcome: data.outcome, family: .poisson, column: column,
          permutations: permutations)
      }
      #expect(error?.reason == .invalidArgument)
    }
  }

  @Test("A strong covariate gets the smallest attainable permutation p-value")
  func strongEffect() throws {
    // y depends strongly on x: counts 0…29 along x, so no shuffle reaches the observed |z|.
    let x = (0..<30).map { Double($0) / 10 }
    let y = x.map { ($0 * 3).rounded() }
    let design = try DesignMatrix(columns: [("x", x)])
    let test = try CoefficientPermutationTest.run(
      design, outcome: y, family: .poisson, column: "x", permutations: 99, seed: 1)
    #expect(test.extremeCount == 0)
    #expect(test.pValue == 0.01)
  }
}
