/// Tolerance-aware comparison for numeric tests, after swift-numerics'
/// `isApproximatelyEqual(to:relativeTolerance:)`: equal when within `absolute` or within
/// `relative` × the larger magnitude. NaN equals NaN only when both are NaN; infinities must match.
/// Test support, not API.
func isApproximatelyEqual(
  _ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 0
) -> Bool {
  if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
  if actual.isInfinite || expected.isInfinite { return actual == expected }
  let difference = abs(actual - expected)
  return difference <= absolute || difference <= relative * max(abs(actual), abs(expected))
}
