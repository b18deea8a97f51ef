import Foundation

/// An immutable, validated collection of incidents with unique ids.
///
/// Build one from records (``init(_:validatedOn:)``), from CSV (``IncidentCSV``), from JSON
/// (``IncidentJSON``), or take the bundled sample (``IncidentDataset/documentedSample``).
/// Validation checks every record: unique, non-empty ids and no date after the day of validation
/// (the other rules are enforced by the model types themselves).
///
/// ```swift
/// let dataset = IncidentDataset.documentedSample
/// dataset.count                       // 81
/// dataset[id: "DOC-001"]?.host        // PK
/// ```
public struct IncidentDataset: Hashable, Sendable, RandomAccessCollection {
  /// The records, in the order they were given.
  public let incidents: [Incident]

  /// Creates a validated dataset.
  ///
  /// - Parameters:
  ///   - incidents: the records.
  ///   - today: the day against which future dates are rejected (default: today, UTC).
  /// - Throws: ``DatasetError`` (the same type as ``ImportError``) for the first record
  ///   that breaks a rule, naming its id.
  /// - Complexity: O(*n*).
  public init(_ incidents: [Incident], validatedOn today: CalendarDay = .today) throws(DatasetError) {
    var seen: [String: Int] = [:]
    seen.reserveCapacity(incidents.count)
    for (position, incident) in incidents.enumerated() {
      if let issue = IncidentDataset.issue(with: incident, today: today) {
        throw DatasetError(.invalidRecord(issue), recordID: incident.id)
      }
      if seen.updateValue(position, forKey: incident.id) != nil {
        throw DatasetError(
          .invalidRecord(.duplicateID(incident.id, firstLine: nil)), field: "id",
          recordID: incident.id)
      }
    }
    self.incidents = incidents
  }

  /// Creates a dataset from records already validated (by the CSV reader).
  internal init(validated incidents: [Incident]) {
    self.incidents = incidents
  }

  /// An empty dataset.
  public static let empty = IncidentDataset(validated: [])

  /// The rule a single record breaks against the day of validation, if any.
  ///
  /// Uniqueness of ids is a property of a whole dataset and is not checked here.
  public static func issue(with incident: Incident, today: CalendarDay) -> ValidationIssue? {
    if incident.date.isAfter((today.year, today.month, today.day)) {
      return .futureDate(incident.date, today: today.description)
    }
    return nil
  }

  /// The position of the first record.
  public var startIndex: Int { incidents.startIndex }
  /// The position after the last record.
  public var endIndex: Int { incidents.endIndex }
  /// The record at `position`.
  public subscript(position: Int) -> Incident { incidents[position] }

  /// The record with the given id, or `nil`.
  ///
  /// - Complexity: O(*n*); build a dictionary for repeated lookups.
  public subscript(id id: String) -> Incident? {
    incidents.first { $0.id == id }
  }

  /// A new dataset with the records for which `isIncluded` is true (still valid: a subset of a
  /// valid dataset is valid).
  public func filter(_ isIncluded: (Incident) throws -> Bool) rethrows -> IncidentDataset {
    IncidentDataset(validated: try incidents.filter(isIncluded))
  }

  /// The union of two datasets.
  ///
  /// - Throws: ``DatasetError`` (the same type as ``ImportError``) when an id occurs in
  ///   both.
  public func merging(_ other: IncidentDataset) throws(DatasetError) -> IncidentDataset {
    var seen = Set(incidents.map(\.id))
    for incident in other.incidents where !seen.insert(incident.id).inserted {
      throw DatasetError(
        .invalidRecord(.duplicateID(incident.id, firstLine: nil)), field: "id",
        recordID: incident.id)
    }
    return IncidentDataset(validated: incidents + other.incidents)
  }
}

extension IncidentDataset: Codable {
  /// Decodes an array of incidents and validates it as a dataset.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when a record is invalid or an id repeats.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let incidents = try container.decode([Incident].self)
    do {
      try self.init(incidents)
    } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
    }
  }

  /// Encodes the records as an array.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(incidents)
  }
}

/// A day of the Gregorian calendar, used as the reference "today" of validation.
public struct CalendarDay: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The year.
  public let year: Int
  /// The month, 1–12.
  public let month: Int
  /// The day, 1–31.
  public let day: Int

  /// Creates a day.
  ///
  /// - Returns: `nil` when the day does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (try? IncidentDate(year: year, month: month, day: day, precision: .day)) != nil else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  private enum CodingKeys: String, CodingKey { case year, month, day }

  /// Decodes and validates a day.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when the day does not exist (such as 2021-02-30).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let year = try container.decode(Int.self, forKey: .year)
    let month = try container.decode(Int.self, forKey: .month)
    let day = try container.decode(Int.self, forKey: .day)
    guard let checked = CalendarDay(year: year, month: month, day: day) else {
      throw DecodingError.dataCorruptedError(
        forKey: .day, in: container, debugDescription: "\(year)-\(month)-\(day) is not a day")
    }
    self = checked
  }

  /// Today in UTC.
  public static var today: CalendarDay {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)!
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(pad(month))-\(pad(day))"
  }
}
