import Foundation

extension CorrelationTest: CustomStringConvertible {
  /// The coefficient and its test in one line, four decimals:
  ///
  /// ```swift
  /// let test = try Correlation.pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
  /// print(test)   // Pearson r = 0.7746, p = 0.1240 (exact beta, two-sided, n = 5)
  /// ```
  ///
  /// An undefined coefficient prints its reason instead of numbers.
  public var description: String {
    let name =
      switch method {
      case .pearson: "Pearson r"
      case .spearman: "Spearman rho"
      case .kendallTauB: "Kendall tau-b"
      }
    if let undefinedReason { return "\(name) undefined: \(undefinedReason) (n = \(n))" }
    let p = pValue != 0 && pValue < 1e-4 ? String(format: "%.2e", pValue) : String(format: "%.4f", pValue)
    let value = String(format: "%.4f", statistic)
    return "\(name) = \(value), p = \(p) (\(pValueMethod), \(alternative.rawValue), n = \(n))"
  }
}
