import Foundation

/// A way to split incidents into cells: one axis of a count table.
///
/// The raw values are the names the command line takes (`tnr count --by host,category`).
///
/// ```swift
/// let dimensions = try CountDimension.list("host,category")   // [.host, .category]
/// CountDimension.ethnicGroup.rawValue                          // "ethnic_group"
/// ```
///
/// Every dimension but ``ethnicGroup`` gives each incident exactly one value. An incident naming two
/// ethnic groups counts once under each, so a count by ethnic group can add up to more than the
/// number of incidents; such a dimension ``isMultiValued`` and tables say so (see
/// ``CountTable/multiValuedDimensions``).
public enum CountDimension: String, CaseIterable, Codable, Hashable, Sendable {
  /// The origin state (the perpetrator), as an ISO 3166-1 country.
  case origin
  /// The host country, where the incident happened.
  case host
  /// The host's ``Region``.
  case region
  /// The ``IncidentCategory``: intimidation, detention or extradition.
  case category
  /// The mode as spelled in the CSV schema (`deportation`, `threat`, …). `"unspecified"` is one
  /// value for every category; add ``category`` to tell them apart.
  case mode
  /// The calendar year of the incident's date.
  case year
  /// The ``Phase`` of the query's ``Periodization`` containing the year (by default the
  /// Great Wall of Steel stages).
  case phase
  /// The ethnic groups named; multi-valued.
  case ethnicGroup = "ethnic_group"

  /// Whether one incident can take several values of this dimension (only ``ethnicGroup``).
  ///
  /// - Complexity: O(1).
  public var isMultiValued: Bool { self == .ethnicGroup }

  /// Parses a comma-separated list of dimension names, such as `"host,category"`.
  ///
  /// Spaces around names are ignored.
  ///
  /// ```swift
  /// try CountDimension.list("year, ethnic_group")   // [.year, .ethnicGroup]
  /// ```
  ///
  /// - Parameter text: Names separated by commas.
  /// - Returns: The dimensions in the order given.
  /// - Throws: ``CountTableError`` when a name is unknown, repeated, or the list is empty.
  /// - Complexity: O(*k*) for *k* names.
  public static func list(_ text: String) throws(CountTableError) -> [CountDimension] {
    var dimensions: [CountDimension] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let name = part.trimmingCharacters(in: .whitespaces)
      guard let dimension = CountDimension(rawValue: name) else {
        throw CountTableError(.unknownDimension(name))
      }
      guard !dimensions.contains(dimension) else {
        throw CountTableError(.duplicateDimension(dimension))
      }
      dimensions.append(dimension)
    }
    return dimensions
  }
}

/// What a count adds up: incidents (records), the persons they affected, or the counts of
/// aggregate rows.
///
/// Counting persons is honest about uncertainty: see ``PersonsCell``.
///
/// ```swift
/// CountMeasure(rawValue: "persons")   // .persons
/// ```
public enum CountMeasure: String, CaseIterable, Codable, Hashable, Sendable {
  /// Each incident counts 1; a table of `Int`.
  case incidents
  /// The persons each incident affected, with their qualifiers; a table of ``PersonsCell``.
  case persons
  /// The counts of published or shared aggregate rows (``AggregateRecord``), summed; a table
  /// of ``AggregateCount``, never mixed with incident records.
  case aggregates
}
