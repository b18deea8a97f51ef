/// Why a count could not be made, or a table operation does not apply.
///
/// ```swift
/// do {
///   _ = try CountDimension.list("host,hots")
/// } catch {
///   print(error)   // 'hots' is not a dimension (origin, host, region, …)
/// }
/// ```
public struct CountTableError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public enum Kind: Hashable, Sendable {
    /// A dimension name is not one of ``CountDimension``'s.
    case unknownDimension(String)
    /// A dimension is given twice.
    case duplicateDimension(CountDimension)
    /// The operation needs a dimension the table does not have.
    case missingDimension(CountDimension)
    /// Two tables to merge have different dimensions.
    case dimensionMismatch([CountDimension], [CountDimension])
    /// Labels do not fit the table's dimensions (wrong number or wrong kind).
    case labelMismatch(String)
    /// A year range runs backwards.
    case invalidYearRange(from: Int, to: Int)
    /// A value in a table being built or decoded is invalid (negative, unknown label, …).
    case invalidValue(String)
  }

  /// What is wrong.
  public let kind: Kind

  /// Creates an error.
  ///
  /// - Parameter kind: What is wrong.
  public init(_ kind: Kind) { self.kind = kind }

  /// A human-readable explanation.
  public var description: String {
    switch kind {
    case .unknownDimension(let name):
      "'\(name)' is not a dimension (\(CountDimension.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .duplicateDimension(let dimension): "dimension '\(dimension.rawValue)' is given twice"
    case .missingDimension(let dimension):
      "the table has no '\(dimension.rawValue)' dimension"
    case .dimensionMismatch(let left, let right):
      "tables with dimensions [\(left.map(\.rawValue).joined(separator: ", "))] and "
        + "[\(right.map(\.rawValue).joined(separator: ", "))] cannot be merged"
    case .labelMismatch(let message): message
    case .invalidYearRange(let from, let to): "the year range \(from)–\(to) runs backwards"
    case .invalidValue(let message): message
    }
  }
}
