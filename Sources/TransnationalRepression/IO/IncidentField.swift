/// A field of the canonical incident CSV schema.
///
/// The schema is the one of the bundled `documented-events.csv`, described column by column, with
/// the values each column accepts, in <doc:CanonicalSchema>: sixteen snake_case columns, countries as ISO 3166-1 alpha-2. The raw values are the column
/// names. Four optional columns extend it for what the model holds beyond the schema; the writer
/// adds them only when a record needs them (and `person_name` only when asked):
/// `detention_outcome`, `gender`, `source_publisher` and `person_name`. Further sources go in
/// numbered columns `source_title_2`, `source_url_2`, `source_date_2`, `source_publisher_2`, …
public enum IncidentField: String, CaseIterable, Hashable, Sendable, Codable {
  /// `id`: stable identifier.
  case id
  /// `origin`: perpetrating state, ISO 3166-1 alpha-2.
  case origin
  /// `host`: country where it happened, ISO 3166-1 alpha-2.
  case host
  /// `year`: four digits.
  case year
  /// `month`: 1–12, or empty.
  case month
  /// `day`: 1–31, or empty.
  case day
  /// `date_precision`: day, month, year or reported.
  case datePrecision = "date_precision"
  /// `category`: intimidation, detention or extradition.
  case category
  /// `mode`: the tactic, `detention`, or the return mode.
  case mode
  /// `persons`: a whole number, or empty when unknown.
  case persons
  /// `persons_qualifier`: exact, at_least, about, up_to or unknown.
  case personsQualifier = "persons_qualifier"
  /// `ethnic_groups`: `;`-separated group names.
  case ethnicGroups = "ethnic_groups"
  /// `source_title`: the first citation's title.
  case sourceTitle = "source_title"
  /// `source_url`: the first citation's address, or empty.
  case sourceURL = "source_url"
  /// `source_date`: the first citation's date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or empty.
  case sourceDate = "source_date"
  /// `notes`: free text.
  case notes
  /// `detention_outcome` (optional column): released, still_held, deported or unknown.
  case detentionOutcome = "detention_outcome"
  /// `gender` (optional column): female, male or other.
  case gender
  /// `source_publisher` (optional column): the first citation's publisher.
  case sourcePublisher = "source_publisher"
  /// `person_name` (optional column, sensitive): written only when asked.
  case personName = "person_name"

  /// The sixteen columns of the canonical schema, in order.
  public static let canonical: [IncidentField] = Array(allCases.prefix(16))

  /// The optional columns beyond the canonical sixteen.
  public static let optional: [IncidentField] = Array(allCases.dropFirst(16))

  /// Whether the column belongs to the canonical sixteen.
  public var isCanonical: Bool { !IncidentField.optional.contains(self) }

  /// Whether the field may be empty in a record.
  public var mayBeEmpty: Bool {
    switch self {
    case .month, .day, .persons, .sourceURL, .sourceDate, .notes, .detentionOutcome, .gender,
      .sourcePublisher, .personName:
      true
    default:
      false
    }
  }
}
