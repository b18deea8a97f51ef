/// Why a count model could not be fitted: bad input, a design that does not identify its
/// coefficients, or a likelihood without a maximum.
///
/// Every check that guards a fit throws this error instead of returning numbers: a model that
/// did not converge never produces estimates. The error names the cause (``reason-swift.property``),
/// the row (its index and label, such as an ISO country code) and the columns involved, and
/// ``description`` is a sentence fit for a log or a command line.
///
/// New reasons may be added in later versions; switch over ``reason-swift.property`` with a
/// `default` case.
///
/// ```swift
/// do {
///   _ = try CountRegression.fit(design, outcome: counts, family: .poisson)
/// } catch {
///   if error.reason == .collinearColumns {
///     print("drop one of", error.columns)
///   }
///   print(error)  // "column 'x3' is a linear combination of 'x1' and 'x2' …"
/// }
/// ```
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of problem.
  public enum Reason: String, Hashable, Sendable, Codable {
    /// A column is (numerically) a linear combination of others, or all zeros.
    case collinearColumns
    /// An exposure is zero, negative or not finite, so its logarithm cannot be an offset.
    case nonPositiveExposure
    /// A count outcome is negative or not a whole number.
    case invalidCount
    /// A logistic-regression outcome is neither 0 nor 1.
    case invalidBinaryOutcome
    /// A covariate, outcome or offset is NaN or infinite.
    case nonFiniteValue
    /// Fewer rows than the model has parameters (plus one).
    case tooFewRows
    /// Columns, labels, exposures or the outcome have different lengths, or names repeat.
    case shapeMismatch
    /// The fit did not converge, or its information matrix is singular.
    case noConvergence
    /// The outcome of a logistic regression is perfectly or quasi-completely separated.
    case separation
    /// An argument is outside its domain (a confidence level, a number of permutations, an
    /// unknown column name, models that are not nested).
    case invalidArgument
  }

  /// The kind of problem.
  public let reason: Reason
  /// The index of the offending row (0-based) when one row is at fault.
  public let row: Int?
  /// The label of the offending row (for example an ISO 3166-1 code), when the design has labels.
  public let rowLabel: String?
  /// The columns involved: the collinear set (the dependent column first), the column holding a
  /// bad value, or the column whose coefficient diverged or separates the outcome.
  public let columns: [String]
  /// The offending value, when there is one.
  public let value: Double?
  /// A sentence explaining the problem.
  public let description: String

  init(
    _ reason: Reason, row: Int? = nil, rowLabel: String? = nil, columns: [String] = [],
    value: Double? = nil, _ description: String
  ) {
    self.reason = reason
    self.row = row
    self.rowLabel = rowLabel
    self.columns = columns
    self.value = value
    self.description = description
  }

  /// "row 3 (KZ)" or "row 3".
  static func rowText(_ row: Int, _ label: String?) -> String {
    if let label { return "row \(row) (\(label))" }
    return "row \(row)"
  }
}
