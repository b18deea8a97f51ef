import Foundation

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
///
/// ## Values, not only columns
///
/// A mapping can also say how to read the values of a spreadsheet as people keep it:
///
/// - ``ColumnMapping/dateColumn``: one date column (`2015-07-09`, `July 2017`, `9 July 2015`, …) fills year,
///   month, day and precision, read by ``IncidentDate/init(parsing:order:)`` with ``ColumnMapping/dateOrder``.
/// - ``ColumnMapping/kindColumn``: a column of the file's own labels for the kind of incident, each mapped by
///   ``ColumnMapping/values`` (key `"kind"`) to `CATEGORY/MODE`, such as `extradition/deportation`.
/// - ``ColumnMapping/values``: for an enumerated field (`kind`, `category`, `mode`, `persons_qualifier`,
///   `date_precision`, `detention_outcome`, `gender`, `ethnic_groups`), the file's labels and the
///   schema value each stands for. Labels match ignoring case and surrounding spaces; a cell
///   whose label the vocabulary lacks is a rejected row that names the label and the known ones.
/// - A `host` or `origin` column holds codes or English names: the code is tried first, then
///   ``Country/lookup(name:)``; an ambiguous name (`"Congo"`) is a rejected row listing the
///   candidates, never a guess.
/// - A file without a `persons_qualifier` column (and no default for it) has its `persons`
///   column read by ``PersonCount/init(parsing:)``: `"about 4"`, `"5+"`, `"unknown"`, empty.
/// - Columns that may be empty (`month`, `day`, `persons`, `source_url`, `source_date`,
///   `notes`, and the optional columns) may be absent, and enumerated values compare ignoring
///   case. Every required column the file lacks is reported at once, in one error.
///
/// The ``ColumnMapping/canonical`` mapping reads the canonical schema exactly, with none of this loosening.
///
/// ```swift
/// // Case ID, Country, Date, Type, Number of people, Source
/// var mapping = ColumnMapping(
///   columns: [.id: "Case ID", .host: "Country", .persons: "Number of people",
///             .sourceTitle: "Source"],
///   defaults: [.origin: "CN", .ethnicGroups: "Uyghur"])
/// mapping.dateColumn = "Date"
/// mapping.kindColumn = "Type"
/// mapping.values = ["kind": ["Deportation": "extradition/deportation"]]
/// let result = try IncidentCSV.read(contentsOf: url, mapping: mapping, mode: .lenient)
/// ```
///
/// A mapping is `Codable` (see <doc:CommandLine> for the JSON that `tnr import --mapping`
/// reads), so a team can keep it beside its files.
public struct ColumnMapping: Hashable, Sendable {
  /// The file's column name for each field that is not under its canonical name.
  public var columns: [IncidentField: String]
  /// The value of each field the file lacks.
  public var defaults: [IncidentField: String]
  /// The file's one date column, filling year, month, day and date precision; `nil` when the
  /// file has the canonical date columns.
  public var dateColumn: String?
  /// The order of day and month in the date column's numeric dates (`09/07/2015`); `nil` when
  /// not declared, so that such dates are rejected rather than guessed.
  public var dateOrder: DateOrder?
  /// The file's column of labels for the kind of incident, mapped by `values["kind"]` to
  /// `CATEGORY/MODE`; `nil` when the file has category and mode columns.
  public var kindColumn: String?
  /// For each enumerated field (`"kind"` or a field's canonical name), the file's labels and the
  /// value each stands for.
  public var values: [String: [String: String]]
  /// The file's delimiter; `nil` for a comma (or the one a `sep=` first line names).
  public var delimiter: CSVDelimiter?
  /// The file's encoding when it is neither UTF-8 nor UTF-16 with a byte-order mark; `nil` for
  /// UTF-8. The file is converted to UTF-8 before it is read.
  public var encoding: CSVEncoding?
  /// Whether a file without an id column gets deterministic ids, `NAME-LINE` from the file's
  /// name (without its extension; `row` for text in memory) and the row's line, such as
  /// `cases-2`. Off unless asked for: a file without ids is otherwise a missing column.
  public var generatesIDs: Bool
  /// Whether an `ethnic_groups` name outside ``EthnicGroup``'s list (and not `Other:NAME`) is read
  /// as `Other:NAME`, keeping the name, instead of rejecting the row. Off unless asked for, so a
  /// misspelt known group ("Uighur") is never taken for a new one.
  public var allowsOtherEthnicGroups: Bool

  /// Creates a mapping.
  ///
  /// - Parameters:
  ///   - columns: the file's column for each renamed field.
  ///   - defaults: the value of each field the file lacks.
  ///   - dateColumn: the file's one date column, if any.
  ///   - dateOrder: the order of numeric dates in the date column, if declared.
  ///   - kindColumn: the file's column of kind labels, if any.
  ///   - values: the vocabulary of each enumerated field.
  ///   - delimiter: the file's delimiter, when not a comma.
  ///   - encoding: the file's encoding, when neither UTF-8 nor UTF-16 with a byte-order mark.
  ///   - generatesIDs: whether a file without ids gets `NAME-LINE` ids.
  ///   - allowsOtherEthnicGroups: whether unrecognised group names are read as `Other:NAME`.
  public init(
    columns: [IncidentField: String] = [:], defaults: [IncidentField: String] = [:],
    dateColumn: String? = nil, dateOrder: DateOrder? = nil, kindColumn: String? = nil,
    values: [String: [String: String]] = [:], delimiter: CSVDelimiter? = nil,
    encoding: CSVEncoding? = nil, generatesIDs: Bool = false, allowsOtherEthnicGroups: Bool = false
  ) {
    self.allowsOtherEthnicGroups = allowsOtherEthnicGroups
    self.delimiter = delimiter
    self.encoding = encoding
    self.generatesIDs = generatesIDs
    self.columns = columns
    self.defaults = defaults
    self.dateColumn = dateColumn
    self.dateOrder = dateOrder
    self.kindColumn = kindColumn
    self.values = values
  }

  /// The canonical schema: every field under its own name, no defaults.
  public static let canonical = ColumnMapping()

  /// Whether the values are read exactly as the canonical schema says: this mapping is
  /// ``canonical`` but for the file's delimiter and encoding, which change how the file is
  /// split and decoded, not how its values are read.
  internal var readsCanonically: Bool {
    var values = self
    values.delimiter = nil
    values.encoding = nil
    return values == .canonical
  }

  /// Whether the file's bytes are read other than as comma-separated UTF-8 (a declared
  /// delimiter or encoding), which the columnar fast path leaves to the record reader.
  internal var changesFileFormat: Bool {
    (delimiter != nil && delimiter != .comma) || (encoding != nil && encoding != .utf8)
  }

  /// A reader of `url` with this mapping's delimiter and encoding.
  internal func reader(of url: URL) -> CSVReader {
    CSVReader(contentsOf: url, delimiter: delimiter, encoding: encoding)
  }

  /// Whether reading with this mapping needs the record reader's value-level reading (one date
  /// column, a kind column, vocabularies, counts as text), which the columnar fast path does not
  /// do.
  internal var needsRecordReader: Bool { needsRecordReader(header: nil) }

  /// Whether reading a file with this header needs the record reader. Counts are read as text
  /// (so by the record reader) only when no qualifier comes from a mapped column, a default, or
  /// a `persons_qualifier` column of the file; `nil` for a header not known assumes the worst.
  internal func needsRecordReader(header: [String]?) -> Bool {
    if dateColumn != nil || kindColumn != nil || !values.isEmpty || changesFileFormat || generatesIDs {
      return true
    }
    guard !readsCanonically, columns[.personsQualifier] == nil, defaults[.personsQualifier] == nil
    else { return false }
    return !(header?.contains(IncidentField.personsQualifier.rawValue) ?? false)
  }

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
