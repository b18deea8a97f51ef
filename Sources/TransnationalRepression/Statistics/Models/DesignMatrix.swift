#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The covariates of a regression: named columns (with an intercept column `(intercept)` first
/// by default), an optional offset (the logarithm of each row's exposure) and optional row labels.
///
/// Creating a design checks it once, so that the fits can trust it: every value must be finite,
/// every exposure positive, names unique, and no column may be a linear combination of the
/// others. Collinearity is found in the spirit of R's `lm`/`glm.fit` (whose LINPACK QR `dqrdc2`
/// moves a column that is dependent on the columns before it to the end): columns are
/// orthogonalized in order (modified Gram–Schmidt, repeated once), and a column whose remainder
/// is below 1e-9 of its norm is dependent. Instead of dropping it (R reports such a coefficient
/// as `NA`, "not defined because of singularities") the design throws an error naming it and
/// the columns it is a combination of.
///
/// Values are stored column by column, which is the layout the fits read.
///
/// ```swift
/// let design = try DesignMatrix(
///   columns: [("debt_share", [0.31, 0.02, 0.44, 0.0, 0.12]),
///             ("sco_member", [1, 0, 1, 0, 0])],
///   exposure: [12_000, 800, 250_000, 3_500, 1_000],
///   rowLabels: ["KZ", "DE", "TR", "SE", "KG"])
/// design.columnNames   // ["(intercept)", "debt_share", "sco_member"]
/// design.offset?[0]    // log(12 000)
/// ```
public struct DesignMatrix: Sendable, Hashable {
  /// The name of the intercept column.
  public static let interceptName = "(intercept)"

  /// The column names, in order (the intercept first when there is one).
  public let columnNames: [String]
  /// The row labels (for example ISO 3166-1 codes), or `nil` when rows are known by index only.
  public let rowLabels: [String]?
  /// The exposures, when the design has them (the offset is their logarithm).
  public let exposure: [Double]?
  /// The offset added to every linear predictor, ln(exposure); `nil` for none.
  public let offset: [Double]?
  /// The number of rows n.
  public let rowCount: Int
  /// The values, column by column: element (i, j) is `values[j * rowCount + i]`.
  public private(set) var values: [Double]

  /// The number of columns p (including the intercept).
  public var columnCount: Int { columnNames.count }

  /// Creates and checks a design.
  ///
  /// ```swift
  /// let design = try DesignMatrix(columns: [("x", [1, 2, 3, 4])])
  /// design.columnCount  // 2: the intercept and x
  /// ```
  ///
  /// - Parameters:
  ///   - columns: The covariates, each a name and one value per row.
  ///   - includeIntercept: Whether to add a column of ones named `(intercept)` first.
  ///   - exposure: Optional exposures (for example the diaspora population of each host
  ///     country); the fits add ln(exposure) to the linear predictor as an offset.
  ///   - rowLabels: Optional labels, one per row, used in error messages.
  /// - Throws: ``ModelError`` with reason ``ModelError/Reason-swift.enum/shapeMismatch`` (no
  ///   columns, unequal lengths, repeated names), ``ModelError/Reason-swift.enum/nonFiniteValue``,
  ///   ``ModelError/Reason-swift.enum/nonPositiveExposure`` or
  ///   ``ModelError/Reason-swift.enum/collinearColumns``, naming the row or columns.
  /// - Complexity: O(n·p²) for the collinearity check.
  public init(
    columns: [(name: String, values: [Double])], includeIntercept: Bool = true,
    exposure: [Double]? = nil, rowLabels: [String]? = nil
  ) throws(ModelError) {
    var names: [String] = []
    if includeIntercept { names.append(Self.interceptName) }
    names += columns.map(\.name)
    guard !names.isEmpty else { throw ModelError(.shapeMismatch, "the design has no columns") }
    let n = columns.first?.values.count ?? exposure?.count ?? rowLabels?.count ?? 0
    guard n > 0 else { throw ModelError(.shapeMismatch, "the design has no rows") }
    var seen = Set<String>()
    for name in names where !seen.insert(name).inserted {
      throw ModelError(.shapeMismatch, columns: [name], "the column name '\(name)' is used twice")
    }
    for column in columns where column.values.count != n {
      throw ModelError(
        .shapeMismatch, columns: [column.name],
        "column '\(column.name)' has \(column.values.count) values but the design has \(n) rows")
    }
    if let rowLabels, rowLabels.count != n {
      throw ModelError(.shapeMismatch, "\(rowLabels.count) row labels given for \(n) rows")
    }
    var values = [Double]()
    values.reserveCapacity(n * names.count)
    if includeIntercept { values += repeatElement(1.0, count: n) }
    for column in columns {
      for (i, v) in column.values.enumerated() where !v.isFinite {
        throw ModelError(
          .nonFiniteValue, row: i, rowLabel: rowLabels?[i], columns: [column.name], value: v,
          "\(ModelError.rowText(i, rowLabels?[i])) has the value \(v) in column '\(column.name)'; "
            + "leave the row out or supply a finite value")
      }
      values += column.values
    }
    var offset: [Double]? = nil
    if let exposure {
      guard exposure.count == n else {
        throw ModelError(.shapeMismatch, "\(exposure.count) exposures given for \(n) rows")
      }
      var logs = [Double](repeating: 0, count: n)
      for (i, e) in exposure.enumerated() {
        guard e > 0, e.isFinite else {
          throw ModelError(
            .nonPositiveExposure, row: i, rowLabel: rowLabels?[i], value: e,
            "\(ModelError.rowText(i, rowLabels?[i])) has exposure \(e); an exposure must be "
              + "positive and finite (its logarithm is the offset); leave the row out")
        }
        logs[i] = log(e)
      }
      offset = logs
    }
    self.columnNames = names
    self.rowLabels = rowLabels
    self.exposure = exposure
    self.offset = offset
    self.rowCount = n
    self.values = values
    try Self.checkRank(values: values, rowCount: n, names: names)
  }

  /// The value in row `row` and column `column`.
  ///
  /// ```swift
  /// design[0, 0]  // 1: the intercept
  /// ```
  ///
  /// - Parameters:
  ///   - row: The row index, in `0..<rowCount`.
  ///   - column: The column index, in `0..<columnCount`.
  /// - Returns: The value.
  /// - Complexity: O(1).
  public subscript(row: Int, column: Int) -> Double {
    values[column * rowCount + row]
  }

  /// The values of one column.
  ///
  /// ```swift
  /// design.column(named: "debt_share")
  /// ```
  ///
  /// - Parameter name: A column name.
  /// - Returns: The column's n values, or `nil` when there is no such column.
  /// - Complexity: O(n + p).
  public func column(named name: String) -> [Double]? {
    guard let j = columnNames.firstIndex(of: name) else { return nil }
    return Array(values[j * rowCount..<(j + 1) * rowCount])
  }

  /// The same design without some columns: the restricted model of a likelihood-ratio test.
  ///
  /// ```swift
  /// let withoutDebt = try design.removingColumns(["debt_share"])
  /// ```
  ///
  /// - Parameter names: Names of columns to drop (the intercept may be one of them).
  /// - Returns: The smaller design, with the same exposure and labels.
  /// - Throws: ``ModelError`` (``ModelError/Reason-swift.enum/invalidArgument``) for a name that
  ///   is not a column or when no column would be left.
  /// - Complexity: O(n·p²).
  public func removingColumns(_ names: [String]) throws(ModelError) -> DesignMatrix {
    for name in names where !columnNames.contains(name) {
      throw ModelError(.invalidArgument, columns: [name], "the design has no column '\(name)'")
    }
    let kept = columnNames.indices.filter { !names.contains(columnNames[$0]) }
    guard !kept.isEmpty else { throw ModelError(.invalidArgument, "no column would be left") }
    // A subset of linearly independent columns is independent: no rank check is needed.
    return DesignMatrix(
      copying: self, names: kept.map { columnNames[$0] },
      values: kept.flatMap { values[$0 * rowCount..<($0 + 1) * rowCount] })
  }

  /// A copy with column `column` replaced (no checks; for permutation refits).
  func replacingColumn(_ column: Int, with newValues: [Double]) -> DesignMatrix {
    var copy = self
    copy.values.withUnsafeMutableBufferPointer { buffer in
      for i in 0..<rowCount { buffer[column * rowCount + i] = newValues[i] }
    }
    return copy
  }

  /// Overwrites column `column` in place (no checks; for permutation refits).
  mutating func setColumn(_ column: Int, to newValues: [Double]) {
    values.withUnsafeMutableBufferPointer { buffer in
      for i in 0..<rowCount { buffer[column * rowCount + i] = newValues[i] }
    }
  }

  private init(copying other: DesignMatrix, names: [String], values: [Double]) {
    self.columnNames = names
    self.rowLabels = other.rowLabels
    self.exposure = other.exposure
    self.offset = other.offset
    self.rowCount = other.rowCount
    self.values = values
  }

  /// Throws when a column is numerically a linear combination of the columns before it.
  static func checkRank(values: [Double], rowCount n: Int, names: [String]) throws(ModelError) {
    let p = names.count
    var basis: [[Double]] = []  // orthonormal q vectors of the accepted columns
    var accepted: [Int] = []
    var r = [[Double]]()  // r[k] = coefficients of accepted column k on q_0...q_k
    var norms: [Double] = []
    for j in 0..<p {
      let column = Array(values[j * n..<(j + 1) * n])
      let norm = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm == 0 {
        throw ModelError(
          .collinearColumns, columns: [names[j]],
          "column '\(names[j])' is all zeros; its coefficient cannot be estimated")
      }
      var v = column
      var coefficients = [Double](repeating: 0, count: basis.count)
      for _ in 0..<2 {
        for (k, q) in basis.enumerated() {
          var dot = 0.0
          for i in 0..<n { dot += q[i] * v[i] }
          coefficients[k] += dot
          for i in 0..<n { v[i] -= dot * q[i] }
        }
      }
      let remainder = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if remainder <= 1e-9 * norm {
        // column = Σ coefficients[k] q_k; solve R c = coefficients for the accepted columns.
        var c = coefficients
        for k in stride(from: basis.count - 1, through: 0, by: -1) {
          var s = c[k]
          for m in (k + 1)..<basis.count { s -= r[m][k] * c[m] }
          c[k] = s / r[k][k]
        }
        let involved = accepted.indices.filter { abs(c[$0]) * norms[$0] > 1e-7 * norm }
          .map { names[accepted[$0]] }
        let list = involved.map { "'\($0)'" }.joined(separator: ", ")
        throw ModelError(
          .collinearColumns, columns: [names[j]] + involved,
          "column '\(names[j])' is a linear combination of \(list) (collinear columns: the "
            + "coefficients cannot all be estimated; drop one of them)")
      }
      for i in 0..<n { v[i] /= remainder }
      basis.append(v)
      accepted.append(j)
      norms.append(norm)
      r.append(coefficients + [remainder])
    }
  }
}
