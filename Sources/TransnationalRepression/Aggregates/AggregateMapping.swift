/// A column of the canonical aggregate CSV.
///
/// The header is `origin,host,year_start,year_end,category,mode,count,source_title,source_url,`
/// `source_publisher,source_date,notes`: the incident schema's names and spellings wherever the
/// field is the same (`origin`, `host`, `category`, `mode`, `source_*`, `notes`), plus the
/// period and the count.
public enum AggregateField: String, CaseIterable, Hashable, Sendable, Codable {
  /// The origin state: an ISO code or an English country name.
  case origin
  /// The host country: an ISO code or an English country name (one country, never a total).
  case host
  /// The first year the count covers.
  case yearStart = "year_start"
  /// The last year the count covers (empty or absent: the first year).
  case yearEnd = "year_end"
  /// The incident category, spelled as in the incident schema.
  case category
  /// The tactic or return mode, spelled as in the incident schema (empty: `detention` for a
  /// detention, `unspecified` otherwise).
  case mode
  /// The number of incidents, a whole number 0 or more.
  case count
  /// The source's title.
  case sourceTitle = "source_title"
  /// The source's address.
  case sourceURL = "source_url"
  /// The source's publisher.
  case sourcePublisher = "source_publisher"
  /// The source's publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  case sourceDate = "source_date"
  /// Free text.
  case notes

  /// Whether a row may leave the field empty (and a file may lack its column).
  public var mayBeEmpty: Bool {
    switch self {
    case .yearEnd, .mode, .sourceURL, .sourcePublisher, .sourceDate, .notes: true
    default: false
    }
  }

  /// The incident field of the same name and meaning, whose ``ColumnMapping`` entries (column
  /// and default) the aggregate reader also accepts; `nil` for the period and the count.
  public var incidentField: IncidentField? {
    switch self {
    case .yearStart, .yearEnd, .count: nil
    default: IncidentField(rawValue: rawValue)
    }
  }
}

/// Where each aggregate column comes from: a ``ColumnMapping`` (the same `--map`, `--default`,
/// `--value`, `--delimiter`, `--encoding` as incident files) plus the columns incidents do not
/// have, the count and the period.
///
/// Fields with an incident name (`origin`, `host`, `category`, `mode`, `source_title`, …) are
/// read through ``base`` exactly as for incidents: its columns and defaults, its `kind` column
/// with `--value kind:LABEL=CATEGORY/MODE` labels, its `category` and `mode` vocabularies. A
/// `year` column (mapped in ``base`` or so named) gives a one-year period. ``columns`` and
/// ``defaults`` name the rest, such as `count`.
///
/// ```swift
/// // A published table with columns Perpetrator, Country, Year, Tactic, Incidents.
/// var base = ColumnMapping(columns: [.origin: "Perpetrator", .host: "Country", .year: "Year"])
/// base.kindColumn = "Tactic"
/// base.values = ["kind": ["Detention": "detention", "Assault": "intimidation/physical_assault"]]
/// base.defaults[.sourceTitle] = "Illustrative table"
/// let mapping = AggregateMapping(base, columns: [.count: "Incidents"])
/// ```
public struct AggregateMapping: Hashable, Sendable {
  /// The incident mapping: columns, defaults, kind column, label vocabularies, delimiter and
  /// encoding.
  public var base: ColumnMapping
  /// Columns of aggregate fields, by the file's column name (they win over ``base``).
  public var columns: [AggregateField: String]
  /// Values of aggregate fields the file has no column for.
  public var defaults: [AggregateField: String]

  /// A mapping.
  ///
  /// - Parameters:
  ///   - base: the incident mapping (default: none, canonical names).
  ///   - columns: aggregate columns by name, such as `[.count: "Incidents"]`.
  ///   - defaults: aggregate values without a column.
  public init(
    _ base: ColumnMapping = .canonical, columns: [AggregateField: String] = [:],
    defaults: [AggregateField: String] = [:]
  ) {
    self.base = base
    self.columns = columns
    self.defaults = defaults
  }

  /// The canonical aggregate CSV, read by its column names.
  public static let canonical = AggregateMapping()
}
