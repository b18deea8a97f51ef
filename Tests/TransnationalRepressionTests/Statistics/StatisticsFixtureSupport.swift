import Foundation
import Testing

/// A number from a scipy fixture: JSON numbers, or the strings "nan", "inf", "-inf" that the
/// generator writes for non-finite values (JSON has no literal for them). Test support.
struct FixtureNumber: Decodable, Sendable {
  let value: Double

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Double.self) {
      value = number
      return
    }
    let text = try container.decode(String.self)
    switch text {
    case "nan": value = .nan
    case "inf": value = .infinity
    case "-inf": value = -.infinity
    default:
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number: \(text)")
    }
  }
}

/// The provenance block every fixture starts with.
struct FixtureMeta: Decodable, Sendable {
  let scipy: String
  let numpy: String
  let generated: String
}

/// Relative difference |a − b| / max(|a|, |b|); 0 when both are equal (including both NaN or
/// the same infinity), +∞ when exactly one is NaN or they are different infinities.
func relativeDifference(_ a: Double, _ b: Double) -> Double {
  if a.isNaN && b.isNaN { return 0 }
  if a.isNaN || b.isNaN { return .infinity }
  if a == b { return 0 }
  if a.isInfinite || b.isInfinite { return .infinity }
  return abs(a - b) / max(abs(a), abs(b))
}

/// Tracks the worst relative error seen in a test, for the report printed at its end.
struct ErrorTally {
  var name: String
  var worst = 0.0
  var worstContext = ""
  var count = 0

  init(_ name: String) { self.name = name }

  mutating func record(_ actual: Double, _ expected: Double, _ context: @autoclosure () -> String) {
    count += 1
    let difference = relativeDifference(actual, expected)
    if difference > worst {
      worst = difference
      worstContext = context()
    }
  }

  func report() {
    print("[accuracy] \(name): \(count) values, max relative error \(worst) \(worstContext)")
  }
}

/// The test's comparison rule: relative 1e-12, or absolute 1e-15 for p-values below 1e-3.
func matchesPValue(_ actual: Double, _ expected: Double) -> Bool {
  if expected < 1e-3 && expected >= 0 {
    return isApproximatelyEqual(actual, expected, relative: 1e-12, absolute: 1e-15)
  }
  return isApproximatelyEqual(actual, expected, relative: 1e-12)
}
