/// Tells a reader which column of a file holds each field, and what to use for fields the file
/// lacks.
///
/// Spreadsheet exports rarely use the canonical names. A mapping names the file's column for a
/// field, or gives a default value for a field the file does not have. Fields that the mapping
/// does not mention are read from the column with the canonical name.
///
/// ```swift
/// // gen.py's benchmark CSV: id,kind,host_country_iso2,year
/// let mapping = ColumnMapping(
///   columns: [.category: "kind", .host: "host_country_iso2"],
///   defaults: [.origin: "CN", .month: "", .day: "", .datePrecision: "year",
///              .mode: "unspecified", .persons: "", .personsQualifier: "unknown",
///              .ethnicGroups: "Uyghur", .sourceTitle: "Synthetic benchmark data",
///              .sourceURL: "", .sourceDate: "", .notes: ""])
/// ```
///
/// A default is validated like a value read from the file: it is text in the schema's spelling,
/// never a way to skip validation.
public struct ColumnMapping: Hashable, Sendable {
  /// The file's column name for each field that is not under its canonical name.
  public var columns: [IncidentField: String]
  /// The value of each field the file lacks.
  public var defaults: [IncidentField: String]

  /// Creates a mapping.
  ///
  /// - Parameters:
  ///   - columns: the file's column for each renamed field.
  ///   - defaults: the value of each field the file lacks.
  public init(columns: [IncidentField: String] = [:], defaults: [IncidentField: String] = [:]) {
    self.columns = columns
    self.defaults = defaults
  }

  /// The canonical schema: every field under its own name, no defaults.
  public static let canonical = ColumnMapping()

  /// Where each field comes from in a file with the given header.
  ///
  /// A field is read from its mapped column, else from the column with its canonical name, else
  /// from its default; optional fields not found are empty. A mapped column that the header lacks,
  /// and a canonical field with neither column nor default, are errors.
  ///
  /// - Parameter header: the file's column names.
  /// - Returns: a source for every field.
  /// - Throws: ``ImportError`` naming the missing column.
  internal func resolve(header: [String]) throws(ImportError) -> [IncidentField: FieldSource] {
    var position: [String: Int] = [:]
    // Unnamed (empty) columns, such as trailing commas of spreadsheet exports, may repeat; they
    // hold no field and are reported as ignored.
    for (index, name) in header.enumerated() where !name.isEmpty {
      if position.updateValue(index, forKey: name) != nil {
        throw ImportError(.duplicateColumn(name), line: 1, column: index + 1, field: name)
      }
    }
    var sources: [IncidentField: FieldSource] = [:]
    for field in IncidentField.allCases {
      if let name = columns[field] {
        guard let index = position[name] else {
          throw ImportError(.missingColumn(name), line: 1, field: field.rawValue)
        }
        sources[field] = .column(index, name: name)
      } else if let index = position[field.rawValue] {
        sources[field] = .column(index, name: field.rawValue)
      } else if let value = defaults[field] {
        sources[field] = .constant(value)
      } else if field.isCanonical {
        throw ImportError(.missingColumn(field.rawValue), line: 1, field: field.rawValue)
      } else {
        sources[field] = .constant("")
      }
    }
    return sources
  }
}

/// Where a field's text comes from.
internal enum FieldSource: Hashable, Sendable {
  /// The column at this 0-based index, with its header name.
  case column(Int, name: String)
  /// A constant default.
  case constant(String)
}
