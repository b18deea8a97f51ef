/// A row left out of a model, with the reason.
///
/// ```swift
/// for row in cases.leftOut { print(row.label ?? "\(row.row)", row.reason) }
/// ```
public struct LeftOutRow: Sendable, Hashable, Codable {
  /// The row's index in the input (0-based).
  public var row: Int
  /// The row's label (for example an ISO 3166-1 code), when labels were given.
  public var label: String?
  /// Why the row was left out, for example "missing outcome" or "missing debt_share".
  public var reason: String

  /// Creates the record.
  ///
  /// ```swift
  /// let row = LeftOutRow(row: 4, label: "TM", reason: "no exposure")
  /// ```
  ///
  /// - Parameters:
  ///   - row: The input index.
  ///   - label: The row label.
  ///   - reason: Why it was left out.
  /// - Returns: The record.
  public init(row: Int, label: String?, reason: String) {
    self.row = row
    self.label = label
    self.reason = reason
  }
}

/// The complete cases of a data set: the design and outcome of the rows that have every value,
/// and the rows left out with why.
///
/// ```swift
/// let cases = try DesignMatrix.completeCases(
///   columns: [("debt_share", debt)], outcome: returned, exposure: diaspora, rowLabels: iso)
/// let fit = try CountRegression.fit(cases.design, outcome: cases.outcome, family: .poisson)
/// print(fit.observationCount, cases.leftOut.count)
/// ```
public struct CompleteCases: Sendable, Hashable {
  /// The design of the rows kept.
  public var design: DesignMatrix
  /// The outcome of the rows kept.
  public var outcome: [Double]
  /// The input indices of the rows kept, in order.
  public var keptRows: [Int]
  /// The rows left out, in input order, each with its first missing value.
  public var leftOut: [LeftOutRow]
}

extension DesignMatrix {
  /// Keeps the rows that have an outcome, every covariate and (when exposures are given) an
  /// exposure, and builds their design; NaN marks a missing value.
  ///
  /// Missing is not the same as invalid: a NaN leaves its row out with a reason ("missing
  /// outcome", "missing `column`", "no exposure"), like R's `na.omit` and statsmodels'
  /// `missing="drop"`, while an infinite value, a non-positive exposure or collinear columns
  /// among the kept rows still throw, as ``init(columns:includeIntercept:exposure:rowLabels:)``
  /// does. The outcome is not checked here; ``CountRegression/fit(_:outcome:family:covariance:options:)``
  /// checks it.
  ///
  /// ```swift
  /// let cases = try DesignMatrix.completeCases(
  ///   columns: [("x", [1, .nan, 3, 4, 5])], outcome: [2, 1, .nan, 0, 4],
  ///   rowLabels: ["A", "B", "C", "D", "E"])
  /// cases.keptRows                  // [0, 3, 4]
  /// cases.leftOut.map(\.reason)     // ["missing x", "missing outcome"]
  /// ```
  ///
  /// - Parameters:
  ///   - columns: The covariates, NaN for missing.
  ///   - outcome: The outcome, NaN for missing.
  ///   - exposure: Optional exposures, NaN for missing.
  ///   - rowLabels: Optional labels, one per row.
  ///   - includeIntercept: Whether to add the intercept column.
  /// - Returns: The kept design and outcome, and the rows left out.
  /// - Throws: ``ModelError`` as the design initializer does (shape, infinite values,
  ///   non-positive exposure, collinearity), and ``ModelError/Reason-swift.enum/tooFewRows``
  ///   when no row is complete.
  /// - Complexity: O(n·p²).
  public static func completeCases(
    columns: [(name: String, values: [Double])], outcome: [Double], exposure: [Double]? = nil,
    rowLabels: [String]? = nil, includeIntercept: Bool = true
  ) throws(ModelError) -> CompleteCases {
    let n = outcome.count
    for column in columns where column.values.count != n {
      throw ModelError(
        .shapeMismatch, columns: [column.name],
        "column '\(column.name)' has \(column.values.count) values but the outcome has \(n)")
    }
    if let exposure, exposure.count != n {
      throw ModelError(.shapeMismatch, "\(exposure.count) exposures given for \(n) outcomes")
    }
    if let rowLabels, rowLabels.count != n {
      throw ModelError(.shapeMismatch, "\(rowLabels.count) row labels given for \(n) outcomes")
    }
    var kept: [Int] = []
    var leftOut: [LeftOutRow] = []
    for i in 0..<n {
      var reason: String? = nil
      if outcome[i].isNaN {
        reason = "missing outcome"
      } else if let column = columns.first(where: { $0.values[i].isNaN }) {
        reason = "missing \(column.name)"
      } else if let exposure, exposure[i].isNaN {
        reason = "no exposure"
      }
      if let reason {
        leftOut.append(LeftOutRow(row: i, label: rowLabels?[i], reason: reason))
      } else {
        kept.append(i)
      }
    }
    guard !kept.isEmpty else {
      throw ModelError(.tooFewRows, value: 0, "no row has the outcome and every covariate")
    }
    let keptColumns = columns.map { column in
      (name: column.name, values: kept.map { column.values[$0] })
    }
    let design = try DesignMatrix(
      columns: keptColumns,
      includeIntercept: includeIntercept, exposure: exposure.map { e in kept.map { e[$0] } },
      rowLabels: rowLabels.map { labels in kept.map { labels[$0] } })
    return CompleteCases(
      design: design, outcome: kept.map { outcome[$0] }, keptRows: kept, leftOut: leftOut)
  }
}
