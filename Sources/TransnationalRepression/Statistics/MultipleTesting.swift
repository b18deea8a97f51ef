/// Benjamini–Hochberg adjusted p-values ("q-values") controlling the false discovery rate,
/// matching `scipy.stats.false_discovery_control(p, method='bh')` and R's
/// `p.adjust(p, method = "BH")`.
///
/// Sort the m p-values, multiply the i-th smallest by m/i, take the running minimum from the
/// largest down (so the adjusted values are monotone in the raw ones), clip to 1, and return
/// them in the input order. Rejecting every hypothesis whose adjusted p-value is ≤ q controls
/// the false discovery rate at level q for independent or positively dependent tests.
///
/// ```swift
/// let adjusted = try benjaminiHochberg([0.5, 0.6, 0.1, 0.001])
/// // [0.6, 0.6, 0.2, 0.004]
/// let discoveries = adjusted.indices.filter { adjusted[$0] <= 0.05 }
/// ```
///
/// Reference: Y. Benjamini and Y. Hochberg, "Controlling the False Discovery Rate: A Practical
/// and Powerful Approach to Multiple Testing", *JRSS B* 57(1), 289–300 (1995),
/// [doi:10.1111/j.2517-6161.1995.tb02031.x](https://doi.org/10.1111/j.2517-6161.1995.tb02031.x);
/// [scipy.stats.false_discovery_control](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.false_discovery_control.html).
///
/// - Parameter pValues: Raw p-values, each in [0, 1]. Zero or one value is returned unchanged.
/// - Returns: The adjusted p-values, in the order of `pValues`.
/// - Throws: ``StatisticsError/invalidProbability(index:value:)`` for a NaN or a value
///   outside [0, 1] (scipy raises `ValueError` likewise).
/// - Complexity: O(m log m).
public func benjaminiHochberg(_ pValues: [Double]) throws(StatisticsError) -> [Double] {
  for (index, value) in pValues.enumerated() where !(value >= 0 && value <= 1) {
    throw .invalidProbability(index: index, value: value)
  }
  let m = pValues.count
  if m <= 1 { return pValues }
  let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
  var adjusted = order.enumerated().map { position, index in
    pValues[index] * (Double(m) / Double(position + 1))
  }
  var position = m - 2
  while position >= 0 {
    adjusted[position] = min(adjusted[position], adjusted[position + 1])
    position -= 1
  }
  var result = [Double](repeating: 0, count: m)
  for (position, index) in order.enumerated() {
    result[index] = min(1, max(0, adjusted[position]))
  }
  return result
}
