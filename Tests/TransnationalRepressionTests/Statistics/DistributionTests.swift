import Foundation
import Testing

@testable import TransnationalRepression

/// Compares the distributions with scipy (and 60-digit mpmath) on grids that include the tails.
///
/// Rule: a value must agree with scipy to 1e-12 relative. Where scipy's own value is more than
/// 1e-12 away from the mpmath value (scipy is the inaccurate one), the value must instead agree
/// with mpmath to 1e-12; such rows are counted and printed. Values below 1e-300 (the subnormal
/// range, where a Double has fewer than 53 significant bits) are compared through their
/// logarithms when the distribution offers one and otherwise skipped.
@Suite("Distributions against scipy")
struct DistributionTests {
  static let tinyCutoff = 1e-300

  /// Checks `actual` against scipy's value, falling back to the mpmath value where scipy is off.
  /// Returns whether the fallback was used.
  @discardableResult
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

  struct NormalFixture: Decodable {
    struct CDFRow: Decodable {
      let z: Double
      let cdf: FixtureNumber
      let sf: FixtureNumber
      let cdf_mp: FixtureNumber
      let sf_mp: FixtureNumber
    }
    struct PPFRow: Decodable {
      let p: Double
      let ppf: FixtureNumber
      let ppf_mp: FixtureNumber
    }
    let meta: FixtureMeta
    let cdf: [CDFRow]
    let ppf: [PPFRow]
  }

  @Test("Normal cdf and sf, |z| ≤ 37.5")
  func normalCDF() throws {
    let fixture = try Fixtures.json(NormalFixture.self, "scipy/normal.json")
    #expect(fixture.cdf.count > 300)
    var tally = ErrorTally("normal cdf/sf")
    var scipyOff = 0
    for row in fixture.cdf {
      for (actual, scipy, exact, label) in [
        (NormalDistribution.cdf(row.z), row.cdf.value, row.cdf_mp.value, "cdf"),
        (NormalDistribution.sf(row.z), row.sf.value, row.sf_mp.value, "sf"),
      ] where exact >= Self.tinyCutoff {
        if Self.check(actual, scipy: scipy, exact: exact, tally: &tally, "\(label)(\(row.z))") {
          scipyOff += 1
        }
      }
    }
    tally.report()
    print("[accuracy] normal cdf/sf: \(scipyOff) values where scipy is > 1e-12 from mpmath")
  }

  @Test("Normal quantile, p from 1e-300 to 1 − 1e-15")
  func normalQuantile() throws {
    let fixture = try Fixtures.json(NormalFixture.self, "scipy/normal.json")
    var tally = ErrorTally("normal ppf")
    for row in fixture.ppf {
      Self.check(NormalDistribution.quantile(row.p), scipy: row.ppf.value, exact: row.ppf_mp.value,
        tally: &tally, "ppf(\(row.p))")
    }
    tally.report()
    #expect(NormalDistribution.quantile(0) == -.infinity)
    #expect(NormalDistribution.quantile(1) == .infinity)
    #expect(NormalDistribution.quantile(1.5).isNaN)
    #expect(NormalDistribution.quantile(.nan).isNaN)
  }

  @Test("AS 241 alone is accurate before the Newton refinement")
  func wichuraUnrefined() {
    // Guards the transcribed coefficients: an error in one would be hidden by the Newton step.
    // Expected values: mpmath at 60 digits (the ppf_mp column of normal.json), one per branch.
    for (p, expected) in [
      (0.025, -1.9599639845400543), (0.3, -0.5244005127080408), (1e-10, -6.361340902404057),
      (1e-100, -21.273453560965326), (1e-300, -37.0470962993612),
    ] {
      #expect(isApproximatelyEqual(NormalDistribution.wichura(p), expected, relative: 1e-15))
    }
  }

  struct TFixture: Decodable {
    struct Row: Decodable {
      let df: Double
      let t: Double
      let cdf: FixtureNumber
      let sf: FixtureNumber
      let cdf_mp: FixtureNumber
      let sf_mp: FixtureNumber
    }
    let meta: FixtureMeta
    let rows: [Row]
  }

  @Test("Student t cdf and sf, ν = 0.5…1e5, |t| ≤ 40")
  func studentT() throws {
    let fixture = try Fixtures.json(TFixture.self, "scipy/student_t.json")
    #expect(fixture.rows.count > 400)
    var tally = ErrorTally("student t cdf/sf")
    var scipyOff = 0
    for row in fixture.rows {
      let distribution = StudentTDistribution(degreesOfFreedom: row.df)
      for (actual, scipy, exact, label) in [
        (distribution.cdf(row.t), row.cdf.value, row.cdf_mp.value, "cdf"),
        (distribution.sf(row.t), row.sf.value, row.sf_mp.value, "sf"),
      ] where exact >= Self.tinyCutoff {
        if Self.check(actual, scipy: scipy, exact: exact, tally: &tally,
          "\(label)(t=\(row.t), df=\(row.df))")
        {
          scipyOff += 1
        }
      }
    }
    tally.report()
    print("[accuracy] student t: \(scipyOff) values where scipy is > 1e-12 from mpmath")
  }

  struct BetaFixture: Decodable {
    struct Row: Decodable {
      let a: Double
      let b: Double
      let x: Double
      let value: FixtureNumber
      let complement: FixtureNumber
      let value_mp: FixtureNumber
      let complement_mp: FixtureNumber
    }
    let meta: FixtureMeta
    let rows: [Row]
  }

  @Test("Regularized incomplete beta and complement, a, b ∈ [0.01, 1e5], x ∈ [1e-300, 1 − 1e-12]")
  func incompleteBeta() throws {
    let fixture = try Fixtures.json(BetaFixture.self, "scipy/incomplete_beta.json")
    #expect(fixture.rows.count > 2000)
    var tally = ErrorTally("incomplete beta")
    var scipyOff = 0
    var skipped = 0
    for row in fixture.rows {
      for (actual, scipy, exact, label) in [
        (regularizedIncompleteBeta(a: row.a, b: row.b, x: row.x), row.value.value,
          row.value_mp.value, "I"),
        (regularizedIncompleteBetaComplement(a: row.a, b: row.b, x: row.x),
          row.complement.value, row.complement_mp.value, "1-I"),
      ] {
        guard exact >= Self.tinyCutoff else {
          skipped += 1
          #expect(actual < 1e-290, "\(label)(a=\(row.a), b=\(row.b), x=\(row.x)) = \(actual)")
          continue
        }
        if Self.check(actual, scipy: scipy, exact: exact, tally: &tally,
          "\(label)(a=\(row.a), b=\(row.b), x=\(row.x))")
        {
          scipyOff += 1
        }
      }
    }
    tally.report()
    print("[accuracy] incomplete beta: \(scipyOff) values where scipy is > 1e-12 from mpmath; "
      + "\(skipped) values below 1e-300 only checked to be below 1e-290")
  }

  struct HypergeometricFixture: Decodable {
    struct Row: Decodable {
      let population: Int
      let successes: Int
      let draws: Int
      let k: Int
      let pmf: FixtureNumber
      let logpmf: FixtureNumber
      let cdf: FixtureNumber
      let sf: FixtureNumber
      let pmf_mp: FixtureNumber
      let logpmf_mp: FixtureNumber
      let cdf_mp: FixtureNumber
      let sf_mp: FixtureNumber
      let logcdf_mp: FixtureNumber
      let logsf_mp: FixtureNumber
    }
    let meta: FixtureMeta
    let rows: [Row]
  }

  @Test("Hypergeometric pmf, log pmf, cdf and sf, populations up to 150 000")
  func hypergeometric() throws {
    let fixture = try Fixtures.json(HypergeometricFixture.self, "scipy/hypergeometric.json")
    #expect(fixture.rows.count > 300)
    var tally = ErrorTally("hypergeometric pmf/cdf/sf")
    var logTally = ErrorTally("hypergeometric log pmf (mpmath)")
    var scipyOff = 0
    for row in fixture.rows {
      let h = HypergeometricDistribution(
        population: row.population, successes: row.successes, draws: row.draws)
      let context = "N=\(row.population) K=\(row.successes) n=\(row.draws) k=\(row.k)"
      for (actual, scipy, exact, label) in [
        (h.pmf(row.k), row.pmf.value, row.pmf_mp.value, "pmf"),
        (h.cdf(row.k), row.cdf.value, row.cdf_mp.value, "cdf"),
        (h.sf(row.k), row.sf.value, row.sf_mp.value, "sf"),
      ] where exact >= Self.tinyCutoff {
        if Self.check(actual, scipy: scipy, exact: exact, tally: &tally, "\(label) \(context)") {
          scipyOff += 1
        }
      }
      // The log pmf is compared with mpmath everywhere, including where the pmf underflows:
      // scipy's logpmf (a sum of betaln terms) loses digits to cancellation for large N.
      let logExact = row.logpmf_mp.value
      logTally.record(h.logPMF(row.k), logExact, "logpmf \(context)")
      #expect(
        isApproximatelyEqual(h.logPMF(row.k), logExact, relative: 1e-12, absolute: 1e-13),
        "logpmf \(context): \(h.logPMF(row.k)) vs \(logExact)")
    }
    tally.report()
    logTally.report()
    print("[accuracy] hypergeometric: \(scipyOff) values where scipy is > 1e-12 from mpmath")
  }

  @Test("Hypergeometric edge cases")
  func hypergeometricEdges() {
    let empty = HypergeometricDistribution(population: 0, successes: 0, draws: 0)
    #expect(empty.pmf(0) == 1)
    #expect(empty.cdf(0) == 1)
    #expect(empty.sf(0) == 0)
    let all = HypergeometricDistribution(population: 10, successes: 4, draws: 10)
    #expect(all.support == 4...4)
    #expect(all.pmf(4) == 1)
    #expect(all.pmf(3) == 0)
    #expect(all.logPMF(5) == -.infinity)
    let h = HypergeometricDistribution(population: 20, successes: 7, draws: 12)
    var total = 0.0
    for k in h.support { total += h.pmf(k) }
    #expect(isApproximatelyEqual(total, 1, relative: 1e-14))
    #expect(h.cdf(-1) == 0)
    #expect(h.sf(7) == 0)
    #expect(isApproximatelyEqual(h.cdf(3) + h.sf(3), 1, relative: 1e-15))
  }

  @Test("Student t special cases")
  func studentTSpecialCases() {
    let cauchy = StudentTDistribution(degreesOfFreedom: 1)
    #expect(isApproximatelyEqual(cauchy.cdf(-1), 0.25, relative: 1e-15))
    #expect(cauchy.cdf(0) == 0.5)
    #expect(cauchy.cdf(-.infinity) == 0)
    #expect(cauchy.sf(.infinity) == 0)
    #expect(StudentTDistribution(degreesOfFreedom: 0).cdf(1).isNaN)
    #expect(StudentTDistribution(degreesOfFreedom: 3).cdf(.nan).isNaN)
    let normalLimit = StudentTDistribution(degreesOfFreedom: .infinity)
    #expect(normalLimit.cdf(-2) == NormalDistribution.cdf(-2))
    // ν = 2 has the closed form F(t) = ½ + t / (2√(2 + t²)).
    let two = StudentTDistribution(degreesOfFreedom: 2)
    for t in [-3.0, -0.5, 0.25, 4.0] {
      #expect(isApproximatelyEqual(two.cdf(t), 0.5 + t / (2 * (2 + t * t).squareRoot()), relative: 1e-14))
    }
  }
}
