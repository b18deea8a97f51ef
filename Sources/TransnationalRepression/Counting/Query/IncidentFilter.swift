/// Which incidents a count includes.
///
/// Every restriction is optional; `nil` lets every value through. An incident is included when it
/// passes every restriction that is set.
///
/// ```swift
/// let returns = IncidentFilter(years: 2014...2021, categories: [.extradition])
/// let table = try IncidentDataset.documentedSample.countPersons(by: [.host], where: returns)
/// ```
///
/// Ethnic groups: an incident passes ``ethnicGroups`` when it names at least one of the groups. In
/// a count *by* ethnic group the filter also limits which groups become cells, so a Uyghur and
/// Kyrgyz incident counted by group under the filter `[.uyghur]` appears only under Uyghur.
public struct IncidentFilter: Hashable, Sendable, Codable {
  /// The years of the incident's date, inclusive.
  public var years: ClosedRange<Int>?
  /// The categories.
  public var categories: Set<IncidentCategory>?
  /// The modes, as spelled in the CSV schema (`"deportation"`, `"threat"`, `"detention"`, …).
  public var modes: Set<String>?
  /// The host countries.
  public var hosts: Set<Country>?
  /// The origin states.
  public var origins: Set<Country>?
  /// The host regions.
  public var regions: Set<Region>?
  /// The ethnic groups (an incident passes when it names any of them).
  public var ethnicGroups: Set<EthnicGroup>?

  /// Creates a filter; every restriction defaults to none.
  ///
  /// ```swift
  /// let filter = IncidentFilter(hosts: [Country("TR")!, Country("EG")!])
  /// ```
  ///
  /// - Parameters:
  ///   - years: The years, inclusive.
  ///   - categories: The categories.
  ///   - modes: The modes' CSV spellings.
  ///   - hosts: The host countries.
  ///   - origins: The origin states.
  ///   - regions: The host regions.
  ///   - ethnicGroups: The ethnic groups (any of them).
  /// - Complexity: O(1).
  public init(
    years: ClosedRange<Int>? = nil, categories: Set<IncidentCategory>? = nil,
    modes: Set<String>? = nil, hosts: Set<Country>? = nil, origins: Set<Country>? = nil,
    regions: Set<Region>? = nil, ethnicGroups: Set<EthnicGroup>? = nil
  ) {
    self.years = years
    self.categories = categories
    self.modes = modes
    self.hosts = hosts
    self.origins = origins
    self.regions = regions
    self.ethnicGroups = ethnicGroups
  }

  /// The filter that includes every incident.
  public static let all = IncidentFilter()

  /// Whether the filter lets every incident through.
  ///
  /// - Complexity: O(1).
  public var isEmpty: Bool { self == .all }

  /// Whether an incident passes the filter.
  ///
  /// ```swift
  /// IncidentFilter(categories: [.detention]).includes(incident)
  /// ```
  ///
  /// - Parameter incident: The record.
  /// - Returns: `true` when it passes every restriction that is set.
  /// - Complexity: O(*g*) for the *g* groups the incident names.
  public func includes(_ incident: Incident) -> Bool {
    if let years, !years.contains(incident.date.year) { return false }
    if let categories, !categories.contains(incident.category) { return false }
    if let modes, !modes.contains(incident.kind.mode) { return false }
    if let hosts, !hosts.contains(incident.host) { return false }
    if let origins, !origins.contains(incident.origin) { return false }
    if let regions, !regions.contains(incident.host.region) { return false }
    if let ethnicGroups, ethnicGroups.isDisjoint(with: incident.ethnicGroups) { return false }
    return true
  }
}
