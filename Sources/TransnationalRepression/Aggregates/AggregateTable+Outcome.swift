extension AggregateTable {
  /// The rows' counts summed per host country: the outcome column of a per-country model or
  /// of the creditor analysis when the cases come from an aggregate table.
  ///
  /// Periods are not split: a row over 2014–2024 adds its whole count to its host. Hosts with
  /// kept rows appear even when their sum is 0; a host with no row is absent (a per-country
  /// model reads it as none in the table).
  ///
  /// ```swift
  /// let table = try AggregateCSV.read(contentsOf: url).table
  /// let cases = table.totalsByHost(origins: [.china], categories: [.detention, .extradition])
  /// let data = try CountryModelData(
  ///   countries: CreditorTable.worldBank2024.countries, cases: cases,
  ///   covariates: ["china_share_total"], exposure: .low)
  /// ```
  ///
  /// - Parameters:
  ///   - origins: keep only rows of these origin states (`nil`: every origin).
  ///   - categories: keep only rows of these categories (`nil`: every category).
  /// - Returns: each host's summed count.
  /// - Complexity: O(*n*).
  public func totalsByHost(
    origins: Set<Country>? = nil, categories: Set<IncidentCategory>? = nil
  ) -> [Country: Double] {
    var totals: [Country: Double] = [:]
    for record in records {
      if let origins, !origins.contains(record.origin) { continue }
      if let categories, !categories.contains(record.kind.category) { continue }
      totals[record.host, default: 0] += Double(record.count)
    }
    return totals
  }
}
