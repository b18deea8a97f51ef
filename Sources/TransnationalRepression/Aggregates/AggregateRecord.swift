/// One row of a published or shared country-year table: how many incidents of one kind an
/// origin state carried out in one host country over a year or a span of years, and where the
/// figure comes from.
///
/// An aggregate is not an incident: it is a count someone else made (Freedom House's yearly
/// origin–host–tactic tables, a partner's per-country summary). It keeps its own type, its own
/// CSV (``AggregateCSV``) and its own count tables (marked ``CountMeasure/aggregates``) so that
/// aggregates are never summed with incident records by mistake.
///
/// The kind is the incidents' ``IncidentKind``: a category with its tactic or return mode.
///
/// ```swift
/// // Illustrative figures, not published ones.
/// let row = try AggregateRecord(
///   origin: .china, host: Country("TR")!, period: .year(2019),
///   kind: .extradition(.deportation), count: 4,
///   source: SourceCitation(title: "Synthetic example table"))
/// row.kind.category   // .extradition
/// ```
public struct AggregateRecord: Hashable, Sendable {
  /// The origin state whose authorities are counted.
  public var origin: Country
  /// The host country where the incidents took place (one country: totals over every host are
  /// not aggregate rows, see ``AggregateCSV``).
  public var host: Country
  /// The year or years the count covers.
  public var period: AggregatePeriod
  /// The category and tactic or return mode counted (a detention's outcome is not part of an
  /// aggregate and is always ``DetentionOutcome/unknown``).
  public var kind: IncidentKind
  /// The number of incidents, 0 or more.
  public private(set) var count: Int
  /// Where the figure is published.
  public var source: SourceCitation
  /// Free text: qualifiers such as "at least", what the source's wording was.
  public var notes: String

  /// A row, checked.
  ///
  /// - Parameters:
  ///   - origin: the origin state.
  ///   - host: the host country.
  ///   - period: the year or years covered.
  ///   - kind: the category and tactic or mode (a detention's outcome is dropped).
  ///   - count: the number of incidents, 0 or more.
  ///   - source: the citation.
  ///   - notes: free text (default empty).
  /// - Throws: ``AggregateError`` when `count` is negative.
  public init(
    origin: Country, host: Country, period: AggregatePeriod, kind: IncidentKind, count: Int,
    source: SourceCitation, notes: String = ""
  ) throws(AggregateError) {
    guard count >= 0 else { throw AggregateError("the count \(count) is negative") }
    self.origin = origin
    self.host = host
    self.period = period
    if case .detention = kind { self.kind = .detention(.unknown) } else { self.kind = kind }
    self.count = count
    self.source = source
    self.notes = notes
  }
}

/// A table of aggregate rows with its provenance: what ``AggregateCSV`` reads and writes and
/// what ``count(by:categories:periodization:)`` sums.
///
/// ```swift
/// let table = try AggregateCSV.read(contentsOf: url).table
/// let byOrigin = try table.count(by: [.origin])
/// byOrigin.measure   // .aggregates
/// ```
public struct AggregateTable: Hashable, Sendable {
  /// What a table's rows are, as its provenance says: always `"aggregate"`, so code that
  /// receives a table (or its count) can tell it from incident records.
  public static let provenance = "aggregate"

  /// The rows, in file order.
  public var records: [AggregateRecord]

  /// The table's provenance, ``provenance`` (`"aggregate"`).
  public var provenance: String { AggregateTable.provenance }

  /// A table of the given rows.
  ///
  /// - Parameter records: the rows.
  public init(_ records: [AggregateRecord] = []) { self.records = records }

  /// The sum of every row's count.
  ///
  /// - Complexity: O(*n*).
  public var totalCount: Int { records.reduce(0) { $0 + $1.count } }
}
