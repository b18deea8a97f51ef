/// Why ``CountingKernel`` refused to count: a code outside its column's range, or arguments that
/// do not describe a table.
///
/// The kernel checks everything it would otherwise trust — column lengths, the row range, the
/// table size and every code — so a bad input never writes outside the table. The error says
/// what was wrong and where; ``description`` is a sentence fit for a log or a command line.
///
/// New reasons may be added in later versions; switch over ``reason-swift.property`` with a
/// `default` case.
///
/// ```swift
/// do {
///   try CountingKernel.count(columns: columns, into: table)
/// } catch let error {
///   if error.reason == .codeOutOfRange {
///     print("row \(error.row!) of dimension \(error.dimension!) has code \(error.code!)")
///   }
/// }
/// ```
public struct CountingKernelError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of problem.
  public enum Reason: Hashable, Sendable {
    /// A row holds a code outside its column's ``KernelColumn/validCodes``.
    case codeOutOfRange
    /// The columns, or the columns and the weights, have different numbers of rows.
    case lengthMismatch
    /// The requested rows are not inside the columns.
    case rowsOutOfBounds
    /// The output table does not have one cell per combination of codes.
    case tableSizeMismatch
    /// A column's offset or extent is negative, zero-sized or does not fit its code width.
    case invalidDimension
    /// The table would have more cells than a 32-bit cell index can address.
    case tooManyCells
    /// The thread count is less than 1.
    case invalidThreadCount
  }

  internal enum Representation: Hashable, Sendable {
    case codeOutOfRange(dimension: Int, row: Int, code: Int, valid: Range<Int>)
    case lengthMismatch(dimension: Int?, count: Int, expected: Int)
    case rowsOutOfBounds(rows: Range<Int>, count: Int)
    case tableSizeMismatch(count: Int, expected: Int)
    case invalidDimension(dimension: Int, offset: Int, extent: Int, codeBitWidth: Int)
    case tooManyCells(dimension: Int)
    case invalidThreadCount(Int)
  }

  internal let representation: Representation

  internal init(_ representation: Representation) {
    self.representation = representation
  }

  /// The kind of problem.
  public var reason: Reason {
    switch representation {
    case .codeOutOfRange: return .codeOutOfRange
    case .lengthMismatch: return .lengthMismatch
    case .rowsOutOfBounds: return .rowsOutOfBounds
    case .tableSizeMismatch: return .tableSizeMismatch
    case .invalidDimension: return .invalidDimension
    case .tooManyCells: return .tooManyCells
    case .invalidThreadCount: return .invalidThreadCount
    }
  }

  /// The position of the offending column in the `columns` argument, when one column is at fault.
  ///
  /// For ``Reason-swift.enum/lengthMismatch`` the weights are at fault when this is `nil`.
  public var dimension: Int? {
    switch representation {
    case .codeOutOfRange(let dimension, _, _, _): return dimension
    case .lengthMismatch(let dimension, _, _): return dimension
    case .invalidDimension(let dimension, _, _, _): return dimension
    case .tooManyCells(let dimension): return dimension
    case .rowsOutOfBounds, .tableSizeMismatch, .invalidThreadCount: return nil
    }
  }

  /// The first row (index into the columns) that holds a code out of range.
  ///
  /// When several rows are bad, this is the one with the smallest index, whatever the number of
  /// threads.
  public var row: Int? {
    if case .codeOutOfRange(_, let row, _, _) = representation { return row }
    return nil
  }

  /// The offending code, for ``Reason-swift.enum/codeOutOfRange``.
  public var code: Int? {
    if case .codeOutOfRange(_, _, let code, _) = representation { return code }
    return nil
  }

  /// A one-sentence explanation naming the dimension, row and values involved.
  public var description: String {
    switch representation {
    case .codeOutOfRange(let dimension, let row, let code, let valid):
      return "CountingKernel: row \(row) of dimension \(dimension) has code \(code), outside "
        + "the valid codes \(valid.lowerBound)...\(valid.upperBound - 1)"
    case .lengthMismatch(let dimension?, let count, let expected):
      return "CountingKernel: dimension \(dimension) has \(count) rows but dimension 0 has "
        + "\(expected); every column must have the same number of rows"
    case .lengthMismatch(nil, let count, let expected):
      return "CountingKernel: the weights have \(count) rows but the columns have \(expected)"
    case .rowsOutOfBounds(let rows, let count):
      return "CountingKernel: rows \(rows.lowerBound)..<\(rows.upperBound) are not inside the "
        + "\(count) rows of the columns"
    case .tableSizeMismatch(let count, let expected):
      return "CountingKernel: the table has \(count) cells but the dimensions need \(expected) "
        + "(the product of the extents)"
    case .invalidDimension(let dimension, let offset, let extent, let bits):
      return "CountingKernel: dimension \(dimension) has offset \(offset) and extent \(extent); "
        + "need offset >= 0, extent >= 1 and offset + extent <= 2^\(bits) for \(bits)-bit codes"
    case .tooManyCells(let dimension):
      return "CountingKernel: the table would have more than 2^32 cells (at dimension "
        + "\(dimension)); a cell index must fit 32 bits"
    case .invalidThreadCount(let threads):
      return "CountingKernel: thread count \(threads) is less than 1"
    }
  }
}
