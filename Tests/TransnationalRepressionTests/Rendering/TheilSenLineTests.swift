import Foundation
import Testing

@testable import TransnationalRepression

/// The Theil–Sen line against scipy.stats.theilslopes. The reference values are in
/// Tests/Fixtures/scipy/theilslopes.json, written by
///
///     python3 Tests/Fixtures/scipy/generate_theilslopes_reference.py
///
/// which calls `scipy.stats.theilslopes(y, x, method="joint")` and `method="separate"` on each
/// dataset (scipy 1.17.1, NumPy 2.4.6).
@Suite("Theil–Sen line against scipy")
struct TheilSenLineTests {
  struct Case: Decodable {
    let name: String
    let x: [Double]
    let y: [Double]
    let slope: FixtureNumber
    let interceptJoint: FixtureNumber
    let interceptSeparate: FixtureNumber

    enum CodingKeys: String, CodingKey {
      case name, x, y, slope
      case interceptJoint = "intercept_joint"
      case interceptSeparate = "intercept_separate"
    }
  }
  struct Fixture: Decodable {
    let scipy: String
    let generated: String
    let cases: [Case]
  }

  static func cases() throws -> [Case] {
    try Fixtures.json(Fixture.self, "scipy/theilslopes.json").cases
  }

  /// Slopes and intercepts are medians of a few rounded quotients: relative 1e-12, with a
  /// 1e-12 absolute floor for values at or near zero.
  static func close(_ actual: Double, _ expected: Double) -> Bool {
    isApproximatelyEqual(actual, expected, relative: 1e-12, absolute: 1e-12)
  }

  @Test("Slope and both intercepts match scipy.stats.theilslopes to 1e-12")
  func matchesScipy() throws {
    let cases = try Self.cases()
    #expect(cases.count >= 8)
    for one in cases {
      let joint = TheilSenLine(x: one.x, y: one.y, interceptMethod: .joint)
      let separate = TheilSenLine(x: one.x, y: one.y, interceptMethod: .separate)
      if one.slope.value.isNaN {
        #expect(joint == nil, "\(one.name)")
        #expect(separate == nil, "\(one.name)")
        continue
      }
      let line = try #require(joint, "\(one.name)")
      let other = try #require(separate, "\(one.name)")
      #expect(Self.close(line.slope, one.slope.value), "\(one.name): slope \(line.slope)")
      #expect(
        Self.close(line.intercept, one.interceptJoint.value),
        "\(one.name): joint intercept \(line.intercept)")
      #expect(other.slope == line.slope, "\(one.name)")
      #expect(
        Self.close(other.intercept, one.interceptSeparate.value),
        "\(one.name): separate intercept \(other.intercept)")
    }
  }

  @Test("The fixture covers ties, two points, an odd and an even number of slopes")
  func fixtureCoverage() throws {
    let names = try Self.cases().map(\.name)
    for required in [
      "two points", "two points, tied x", "three points (odd number of slopes)",
      "four points (even number of slopes)", "ties in x and in y", "all x tied",
    ] {
      #expect(names.contains(required))
    }
  }

  @Test("Pairs with a non-finite coordinate are skipped, like nan_policy='omit'")
  func nonFiniteSkipped() throws {
    let line = try #require(
      TheilSenLine(x: [0.1, .nan, 0.5, 0.9, 0.3], y: [2, 5, 1, 7, .infinity]))
    let clean = try #require(TheilSenLine(x: [0.1, 0.5, 0.9], y: [2, 1, 7]))
    #expect(line == clean)
    #expect(Self.close(clean.slope, 6.25))
    #expect(Self.close(clean.intercept, 1.375))
  }

  @Test("Fewer than two distinct x values give no line")
  func undefined() {
    #expect(TheilSenLine(x: [], y: []) == nil)
    #expect(TheilSenLine(x: [0.3], y: [4]) == nil)
    #expect(TheilSenLine(x: [0.3, 0.3, 0.3], y: [1, 2, 3]) == nil)
    #expect(TheilSenLine(x: [0.3, .nan], y: [1, 2]) == nil)
  }

  @Test("The slope ignores a dominant outlier that least squares follows")
  func robustToOutlier() throws {
    let x = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
    var y = x.map { 10 + 20 * $0 }
    y[0] = 559
    let line = try #require(TheilSenLine(x: x, y: y))
    #expect(Self.close(line.slope, 20))
    #expect(Self.close(line.value(at: 0.5), 20))
  }

  @Test("The input order does not matter")
  func orderInvariant() throws {
    let x = [0.9, -0.3, 0.45, 0.05, 0.6, 0.3, -0.1]
    let y = [-2.5, 4.0, 1.0, 3.5, -1.0, 0.5, 2.0]
    let forward = try #require(TheilSenLine(x: x, y: y))
    let backward = try #require(TheilSenLine(x: x.reversed(), y: y.reversed()))
    #expect(forward == backward)
  }
}
