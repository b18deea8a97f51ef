import Foundation
import Testing

@testable import TransnationalRepression

/// The chi-square distribution against scipy.stats.chi2 and 50-digit mpmath (fixture
/// `Tests/Fixtures/statsmodels/chi2.json`), on a grid with both tails.
///
/// Rule (as for the other distributions): agree with scipy to 1e-12 relative; where scipy is more
/// than 1e-12 from mpmath, agree with mpmath instead. Values below 1e-300 are compared through
/// logsf.
@Suite("Chi-square distribution against scipy")
struct ChiSquaredDistributionTests {
  struct Fixture: Decodable {
    struct Row: Decodable {
      let df: Double
      let x: Double
      let cdf: FixtureNumber
      let sf: FixtureNumber
      let logsf: FixtureNumber
      let cdf_mp: FixtureNumber
      let sf_mp: FixtureNumber
      let logsf_mp: FixtureNumber
    }
    let rows: [Row]
  }

  static func check(
    _ actual: Double, scipy: Double, exact: Double, tally: inout ErrorTally, _ context: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Bool {
    let scipyIsAccurate = relativeDifference(scipy, exact) <= 1e-12
    let reference = scipyIsAccurate ? scipy : exact
    tally.record(actual, reference, context)
    #expect(
      isApproximatelyEqual(actual, reference, relative: 1e-12),
      "\(context): got \(actual), scipy \(scipy), mpmath \(exact)", sourceLocation: sourceLocation)
    return !scipyIsAccurate
  }

  @Test("cdf, sf and logsf on 15 degrees of freedom × both tails")
  func grid() throws {
    let fixture = try Fixtures.json(Fixture.self, "statsmodels/chi2.json")
    #expect(fixture.rows.count > 400)
    var tally = ErrorTally("chi2 cdf/sf/logsf")
    var scipyOff = 0
    for row in fixture.rows {
      let chi2 = ChiSquaredDistribution(degreesOfFreedom: row.df)
      let context = "df \(row.df), x \(row.x)"
      if row.cdf_mp.value >= 1e-300 {
        if Self.check(
          chi2.cdf(row.x), scipy: row.cdf.value, exact: row.cdf_mp.value,
          tally: &tally, "\(context) cdf")
        {
          scipyOff += 1
        }
      }
      if row.sf_mp.value >= 1e-300 {
        if Self.check(
          chi2.sf(row.x), scipy: row.sf.value, exact: row.sf_mp.value,
          tally: &tally, "\(context) sf")
        {
          scipyOff += 1
        }
      }
      if row.logsf_mp.value.isFinite && row.logsf_mp.value < -1e-12 {
        if Self.check(
          chi2.logSF(row.x), scipy: row.logsf.value, exact: row.logsf_mp.value,
          tally: &tally, "\(context) logsf")
        {
          scipyOff += 1
        }
      }
    }
    tally.report()
    print("[accuracy] chi2: scipy itself off mpmath by > 1e-12 on \(scipyOff) values")
  }

  @Test("Edges: x ≤ 0, NaN, invalid degrees of freedom, closed forms")
  func edges() {
    let two = ChiSquaredDistribution(degreesOfFreedom: 2)
    #expect(two.cdf(0) == 0 && two.sf(0) == 1 && two.logSF(-1) == 0)
    #expect(two.cdf(.nan).isNaN && two.sf(.nan).isNaN)
    #expect(ChiSquaredDistribution(degreesOfFreedom: 0).sf(1).isNaN)
    #expect(ChiSquaredDistribution(degreesOfFreedom: -1).cdf(1).isNaN)
    #expect(two.sf(.infinity) == 0 && two.cdf(.infinity) == 1)
    // df = 2: sf(x) = exp(−x/2).
    for x in [0.1, 1, 5, 40, 200] {
      #expect(isApproximatelyEqual(two.sf(x), exp(-x / 2), relative: 1e-14))
    }
    #expect(
      isApproximatelyEqual(
        regularizedLowerIncompleteGamma(a: 1, x: 2), 1 - exp(-2),
        relative: 1e-15))
    #expect(regularizedUpperIncompleteGamma(a: -1, x: 2).isNaN)
    // The documentation's examples, against 40-digit mpmath (scipy's chi2.logsf(5000, 1) is −inf).
    #expect(
      isApproximatelyEqual(
        regularizedLowerIncompleteGamma(a: 1.5, x: 2), 0.7385358700508893777971779240240787980972,
        relative: 1e-15))
    #expect(
      isApproximatelyEqual(
        regularizedUpperIncompleteGamma(a: 0.5, x: 50), 1.5239706048320995e-23, relative: 1e-13))
    #expect(
      isApproximatelyEqual(
        ChiSquaredDistribution(degreesOfFreedom: 1).logSF(5000),
        -2504.484587848451371872953835013140893299, relative: 1e-14))
    #expect(
      isApproximatelyEqual(
        ChiSquaredDistribution(degreesOfFreedom: 1).sf(3.841458820694124), 0.05, relative: 1e-14))
  }
}
