import Foundation

/// A whole CSV file with a header, read into memory, for small tables (reference data, creditor
/// tables, pairs).
///
/// Every row must have as many fields as the header and be valid UTF-8; otherwise reading throws an
/// ``ImportError`` naming the line. For incident files use ``IncidentCSV``, which streams and
/// validates each field.
///
/// ```swift
/// let table = try CSVTable(text: "x,y\n1,2\n")
/// try table.rows[0].value("y")   // "2"
/// ```
public struct CSVTable: Hashable, Sendable {
  /// The column names.
  public let header: [String]
  /// The data rows (blank lines skipped).
  public let rows: [Row]

  /// One data row.
  public struct Row: Hashable, Sendable {
    /// The 1-based line where the row starts.
    public let line: Int
    /// The fields.
    public let fields: [String]
    /// The row as it stands in the file.
    public let raw: String
    /// Column name → index, shared with the table.
    let columns: [String: Int]

    /// The field under `column`.
    ///
    /// - Throws: ``ImportError`` of kind ``ImportError/Kind/missingColumn(_:)`` when the table has
    ///   no such column.
    public func value(_ column: String) throws(ImportError) -> String {
      guard let index = columns[column] else {
        throw ImportError(.missingColumn(column), line: line, field: column)
      }
      return fields[index]
    }

    /// The field under `column`, or `nil` when the table has no such column.
    public subscript(column: String) -> String? {
      columns[column].map { fields[$0] }
    }
  }

  /// Reads a table from a file.
  ///
  /// - Throws: ``ImportError`` for an unreadable or empty file, a malformed row, or a row whose
  ///   field count differs from the header's.
  public init(contentsOf url: URL) throws(ImportError) {
    try self.init(reader: CSVReader(contentsOf: url))
  }

  /// Reads a table from text.
  ///
  /// - Throws: ``ImportError``, as ``init(contentsOf:)``.
  public init(text: String) throws(ImportError) {
    try self.init(reader: CSVReader(text: text))
  }

  private init(reader: CSVReader) throws(ImportError) {
    var header: [String]?
    var columns: [String: Int] = [:]
    var rows: [Row] = []
    do {
      try reader.forEachRecord { record in
        if let problem = record.problem {
          throw ImportError(.malformedCSV(problem), line: record.line)
        }
        guard let fields = record.fields() else {
          throw ImportError(.malformedCSV("the row is not valid UTF-8"), line: record.line)
        }
        guard let known = header else {
          header = fields
          // Unnamed (empty) columns, such as trailing commas left by spreadsheet exports, may
          // repeat; they cannot be looked up by name.
          for (index, name) in fields.enumerated() where !name.isEmpty {
            if columns.updateValue(index, forKey: name) != nil {
              throw ImportError(.duplicateColumn(name), line: record.line, column: index + 1)
            }
          }
          return
        }
        if record.isBlank { return }
        guard fields.count == known.count else {
          throw ImportError(
            .wrongFieldCount(expected: known.count, found: fields.count), line: record.line)
        }
        rows.append(Row(line: record.line, fields: fields, raw: record.rawText, columns: columns))
      }
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(.unreadable(String(describing: error)))
    }
    guard let header, header != [""] else { throw ImportError(.emptyFile, line: 1) }
    self.header = header
    self.rows = rows
  }
}
