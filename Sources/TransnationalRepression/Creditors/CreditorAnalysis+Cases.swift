extension CreditorAnalysis {
  /// What to count per host country as "cases".
  public enum CaseMeasure: String, CaseIterable, Codable, Hashable, Sendable {
    /// The known numbers of people detained or returned (the default): the sum of the `persons`
    /// values of detention and extradition records; records with no number add nothing, so the
    /// sums are lower bounds.
    case personsDetainedOrReturned = "persons_detained_or_returned"
    /// The number of detention and extradition records.
    case incidentsDetainedOrReturned = "incidents_detained_or_returned"
    /// The known numbers of people returned (extradition records only).
    case personsReturned = "persons_returned"
  }

  /// Cases per host country, counted with the counting core.
  ///
  /// Detentions and returns can describe the same people (in the bundled sample, Egypt, July
  /// 2017 has a detention row and two return rows that overlap), so the default measure can
  /// count some people twice; ``CaseMeasure/personsReturned`` cannot.
  ///
  /// - Parameters:
  ///   - dataset: the incidents.
  ///   - measure: what to count (default: persons detained or returned).
  /// - Returns: the count per host country with at least one counted record.
  /// - Complexity: O(*n*).
  public static func cases(
    in dataset: IncidentDataset, measure: CaseMeasure = .personsDetainedOrReturned
  ) -> [Country: Double] {
    cases(columns: IncidentColumns(dataset), measure: measure)
  }

  /// Cases per host country, counted from columns: the same as ``cases(in:measure:)`` gives
  /// for the records the columns hold.
  ///
  /// ```swift
  /// let cases = CreditorAnalysis.cases(columns: IncidentColumns(IncidentDataset.documentedSample))
  /// ```
  ///
  /// - Parameters:
  ///   - columns: the incidents' codes.
  ///   - measure: what to count (default: persons detained or returned).
  /// - Returns: the count per host country with at least one counted record.
  /// - Complexity: O(*n*).
  public static func cases(
    columns: IncidentColumns, measure: CaseMeasure = .personsDetainedOrReturned
  ) -> [Country: Double] {
    let categories: Set<IncidentCategory> =
      measure == .personsReturned ? [.extradition] : [.detention, .extradition]
    let query = try! CountQuery(by: [.host], where: IncidentFilter(categories: categories))
    var result: [Country: Double] = [:]
    if measure == .incidentsDetainedOrReturned {
      for (labels, count) in columns.countIncidents(query).cells where count > 0 {
        if case .country(let country) = labels[0] { result[country] = Double(count) }
      }
    } else {
      for (labels, cell) in columns.countPersons(query).cells where cell.records > 0 {
        if case .country(let country) = labels[0] { result[country] = Double(cell.knownSum) }
      }
    }
    return result
  }
}
