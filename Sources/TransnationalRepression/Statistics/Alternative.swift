/// The alternative hypothesis of a test: which deviations from the null count as evidence.
///
/// The raw values are scipy's spellings (`"two-sided"`, `"less"`, `"greater"`), so a result
/// encoded to JSON reads the same as the `alternative=` argument of the matching
/// [scipy.stats](https://docs.scipy.org/doc/scipy/reference/stats.html) call. R spells the same
/// choices `"two.sided"`, `"less"` and `"greater"`.
///
/// For a correlation test, `.greater` means "the correlation is positive" and `.less` "the
/// correlation is negative". For Fisher's exact test they refer to the odds ratio being greater
/// or less than 1.
///
/// ```swift
/// let test = try Correlation.pearson(x, y, alternative: .greater)
/// print(test.alternative.rawValue)  // "greater"
/// ```
public enum Alternative: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// The statistic differs from its null value in either direction.
  case twoSided = "two-sided"
  /// The statistic is less than its null value (a negative association).
  case less
  /// The statistic is greater than its null value (a positive association).
  case greater

  /// The raw value, for example `"two-sided"`.
  public var description: String { rawValue }
}
