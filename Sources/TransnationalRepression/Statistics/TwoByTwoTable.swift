/// A 2 × 2 contingency table of counts.
///
/// Orientation (the same as scipy's `[[a, b], [c, d]]` and R's `matrix(c(a, c, b, d), 2)`):
///
/// |            | column 1 | column 2 |
/// |------------|----------|----------|
/// | **row 1**  | `a`      | `b`      |
/// | **row 2**  | `c`      | `d`      |
///
/// For example, rows = exposed / not exposed and columns = case / control. The odds ratio is
/// (a·d)/(b·c): the odds of column 1 in row 1 over the odds of column 1 in row 2. Fisher's
/// test conditions on the row and column totals and uses `a` as its statistic.
///
/// ```swift
/// // Incidents reported (column 1) or not (column 2), with (row 1) and without (row 2) a
/// // diaspora organisation present.
/// let table = TwoByTwoTable(a: 8, b: 2, c: 1, d: 5)
/// let result = FisherExactTest.test(table)
/// ```
public struct TwoByTwoTable: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Row 1, column 1.
  public let a: Int
  /// Row 1, column 2.
  public let b: Int
  /// Row 2, column 1.
  public let c: Int
  /// Row 2, column 2.
  public let d: Int

  /// Creates a table from its four cells, row by row.
  ///
  /// ```swift
  /// let table = TwoByTwoTable(a: 1, b: 9, c: 11, d: 3)
  /// ```
  ///
  /// - Parameters:
  ///   - a: Row 1, column 1.
  ///   - b: Row 1, column 2.
  ///   - c: Row 2, column 1.
  ///   - d: Row 2, column 2.
  /// - Returns: The table.
  /// - Precondition: Every count is non-negative.
  /// - Complexity: O(1).
  public init(a: Int, b: Int, c: Int, d: Int) {
    precondition(a >= 0 && b >= 0 && c >= 0 && d >= 0, "counts must be non-negative")
    self.a = a
    self.b = b
    self.c = c
    self.d = d
  }

  /// Creates a table from rows, as scipy's nested `[[a, b], [c, d]]`; nil unless the input is
  /// two rows of two non-negative counts.
  ///
  /// ```swift
  /// let table = TwoByTwoTable(rows: [[1, 9], [11, 3]])
  /// ```
  ///
  /// - Parameter rows: Two rows of two counts.
  /// - Returns: The table, or nil for a wrong shape or a negative count.
  /// - Complexity: O(1).
  public init?(rows: [[Int]]) {
    guard rows.count == 2, rows[0].count == 2, rows[1].count == 2,
      rows.allSatisfy({ $0.allSatisfy { $0 >= 0 } })
    else { return nil }
    self.init(a: rows[0][0], b: rows[0][1], c: rows[1][0], d: rows[1][1])
  }

  /// Decodes `{"a": …, "b": …, "c": …, "d": …}`, rejecting negative counts.
  ///
  /// ```swift
  /// let table = try JSONDecoder().decode(TwoByTwoTable.self, from: Data(#"{"a":1,"b":9,"c":11,"d":3}"#.utf8))
  /// ```
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError.dataCorrupted` for a negative count.
  /// - Complexity: O(1).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let a = try container.decode(Int.self, forKey: .a)
    let b = try container.decode(Int.self, forKey: .b)
    let c = try container.decode(Int.self, forKey: .c)
    let d = try container.decode(Int.self, forKey: .d)
    guard a >= 0, b >= 0, c >= 0, d >= 0 else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "counts must be non-negative"))
    }
    self.init(a: a, b: b, c: c, d: d)
  }

  /// a + b.
  public var row1Total: Int { a + b }
  /// c + d.
  public var row2Total: Int { c + d }
  /// a + c.
  public var column1Total: Int { a + c }
  /// b + d.
  public var column2Total: Int { b + d }
  /// a + b + c + d.
  public var total: Int { a + b + c + d }

  /// Whether some row or column total is zero (every statistic is then degenerate).
  public var hasEmptyMargin: Bool {
    row1Total == 0 || row2Total == 0 || column1Total == 0 || column2Total == 0
  }

  /// `"[[a, b], [c, d]]"`.
  public var description: String { "[[\(a), \(b)], [\(c), \(d)]]" }
}
