import Foundation
import Testing

@testable import TransnationalRepression

/// Compares the Poisson, negative binomial and logit fits with statsmodels (fixtures written by
/// `Tests/Fixtures/statsmodels/generate_model_reference.py`).
///
/// Error budget: estimates, log-likelihood, deviance, AIC and BIC within 1e-8 relative (or 1e-10
/// absolute for estimates near 0); standard errors, z, p-values and interval ends within 1e-6
/// relative.
@Suite("Count regression against statsmodels")
struct CountRegressionTests {
  static let estimateTolerance = 1e-8
  static let errorTolerance = 1e-6

  static func expectClose(
    _ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0,
    _ context: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      isApproximatelyEqual(actual, expected, relative: relative, absolute: absolute),
      "\(context): got \(actual), statsmodels \(expected)", sourceLocation: sourceLocation)
  }

  @Test("Every statsmodels fit is matched: estimates, SEs, z, p, CI, llf, deviance, AIC, BIC")
  func fitsMatchStatsmodels() throws {
    let fixture = try ModelFixture.load()
    #expect(fixture.fits.count == 9)
    var tally = ErrorTally("count regression estimates")
    var seTally = ErrorTally("count regression standard errors")
    for reference in fixture.fits {
      let data = fixture.dataset(reference.dataset)
      let family = CountModelFamily(fixtureName: reference.family)
      let design = try data.design()
      let result = try CountRegression.fit(design, outcome: data.outcome, family: family)
      let label = "\(reference.dataset) \(reference.family)"
      #expect(result.observationCount == reference.nobs)
      let p = design.columnCount
      #expect(result.coefficients.map(\.name) == Array(reference.names.prefix(p)))
      for (j, c) in result.coefficients.enumerated() {
        let context = "\(label) \(c.name)"
        tally.record(c.estimate, reference.params[j], context)
        seTally.record(c.standardError, reference.bse[j], context)
        Self.expectClose(
          c.estimate, reference.params[j], relative: Self.estimateTolerance, absolute: 1e-10,
          "\(context) estimate")
        Self.expectClose(
          c.standardError, reference.bse[j], relative: Self.errorTolerance, "\(context) SE")
        Self.expectClose(
          c.z, reference.z[j], relative: Self.errorTolerance, absolute: 1e-8,
          "\(context) z")
        Self.expectClose(
          c.pValue, reference.pvalues[j], relative: Self.errorTolerance, absolute: 1e-12,
          "\(context) p")
        Self.expectClose(
          c.confidenceLow, reference.ci_low[j], relative: Self.errorTolerance, absolute: 1e-9,
          "\(context) CI low")
        Self.expectClose(
          c.confidenceHigh, reference.ci_high[j], relative: Self.errorTolerance, absolute: 1e-9,
          "\(context) CI high")
        #expect(abs(c.ratio - exp(reference.params[j])) <= 1e-7 * c.ratio)
        #expect(abs(c.ratioLow - exp(reference.ci_low[j])) <= 1e-5 * c.ratioLow)
      }
      Self.expectClose(
        result.logLikelihood, reference.llf, relative: Self.estimateTolerance, "\(label) llf")
      Self.expectClose(
        result.deviance, reference.deviance, relative: Self.estimateTolerance, "\(label) deviance")
      Self.expectClose(result.aic, reference.aic, relative: Self.estimateTolerance, "\(label) AIC")
      let bic = reference.bic_llf ?? reference.bic!
      Self.expectClose(result.bic, bic, relative: Self.estimateTolerance, "\(label) BIC")
      if family == .negativeBinomial {
        let alpha = try #require(result.alpha)
        Self.expectClose(
          alpha.estimate, reference.alpha!, relative: Self.estimateTolerance, "\(label) alpha")
        Self.expectClose(
          alpha.standardError, reference.alpha_se!, relative: Self.errorTolerance,
          "\(label) alpha SE")
        #expect(result.parameterCount == reference.k_params)
      } else {
        #expect(result.alpha == nil)
        #expect(result.parameterCount == p)
      }
    }
    tally.report()
    seTally.report()
  }

  @Test("HC0 equals statsmodels' HC0; HC1 is HC0 · n/(n − k) (statsmodels' own HC1 equals HC0)")
  func robustStandardErrors() throws {
    let fixture = try ModelFixture.load()
    for reference in fixture.fits {
      let data = fixture.dataset(reference.dataset)
      let family = CountModelFamily(fixtureName: reference.family)
      let design = try data.design()
      let hc0 = try CountRegression.fit(
        design, outcome: data.outcome, family: family, covariance: .hc0)
      let hc1 = try CountRegression.fit(
        design, outcome: data.outcome, family: family, covariance: .hc1)
      #expect(hc0.covarianceType == .hc0)
      let label = "\(reference.dataset) \(reference.family)"
      var seHC0 = hc0.coefficients.map(\.standardError)
      var seHC1 = hc1.coefficients.map(\.standardError)
      if let a0 = hc0.alpha, let a1 = hc1.alpha {
        seHC0.append(a0.standardError)
        seHC1.append(a1.standardError)
      }
      #expect(seHC0.count == reference.hc0_se.count)
      for j in seHC0.indices {
        Self.expectClose(
          seHC0[j], reference.hc0_se[j], relative: Self.errorTolerance,
          "\(label) HC0 SE \(j)")
        Self.expectClose(
          seHC1[j], reference.hc1_se[j], relative: Self.errorTolerance,
          "\(label) HC1 SE \(j)")
        if let statsmodelsHC1 = reference.statsmodels_hc1_se {
          // Documents statsmodels' convention: no small-sample factor for GLM HC1.
          #expect(statsmodelsHC1[j] == reference.hc0_se[j])
        }
      }
      // The estimates themselves do not depend on the covariance type.
      #expect(hc0.coefficients.map(\.estimate) == hc1.coefficients.map(\.estimate))
    }
  }

  @Test("The dispersion alpha is positive and its SE finite on every negative binomial fit")
  func negativeBinomialAlpha() throws {
    let fixture = try ModelFixture.load()
    for reference in fixture.fits where reference.family == "negative-binomial" {
      let data = fixture.dataset(reference.dataset)
      let result = try CountRegression.fit(
        try data.design(), outcome: data.outcome, family: .negativeBinomial)
      let alpha = try #require(result.alpha)
      #expect(alpha.estimate > 0 && alpha.standardError > 0 && alpha.standardError.isFinite)
      // The NB2 fit has a larger likelihood than the Poisson fit on these overdispersed data.
      let poisson = try CountRegression.fit(
        try data.design(), outcome: data.outcome, family: .poisson)
      #expect(result.logLikelihood > poisson.logLikelihood)
    }
  }

  @Test("A 90 % interval uses z = 1.6449 and the interval is reproducible from the SE")
  func confidenceLevel() throws {
    let fixture = try ModelFixture.load()
    let data = fixture.dataset("counts_30x3")
    let result = try CountRegression.fit(
      try data.design(), outcome: data.outcome, family: .poisson,
      options: .init(confidenceLevel: 0.9))
    for c in result.coefficients {
      #expect(
        isApproximatelyEqual(
          c.confidenceHigh, c.estimate + 1.6448536269514722 * c.standardError, relative: 1e-14))
    }
  }
}
