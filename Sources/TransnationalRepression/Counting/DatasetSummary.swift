/// Counts of a dataset by category, in incidents and persons, next to the published totals.
///
/// Persons are summed honestly: ``CategorySummary/personsLowerBound`` adds the known numbers, and
/// the qualifier counts say how many of them are bounds or estimates and how many records have no
/// number at all (never taken as 0 or 1).
public struct DatasetSummary: Hashable, Sendable, Codable {
  /// The counts of one category.
  public struct CategorySummary: Hashable, Sendable, Codable {
    /// The category.
    public let category: IncidentCategory
    /// The number of records.
    public let incidents: Int
    /// The sum of the person counts the records give. It is a lower bound when every record is
    /// exact or "at least" (records with no number add nothing); "about" and "up to" records make
    /// it an estimate. See ``persons`` and ``PersonsCell/isLowerBound``. (The name is kept for
    /// compatibility.)
    public let personsLowerBound: Int
    /// How many records carry each qualifier (only the qualifiers that occur), keyed by the CSV
    /// spelling (`exact`, `at_least`, …).
    public let qualifiers: [String: Int]
    /// The persons with their qualifiers, as the counting core reports them.
    public let persons: PersonsCell
    /// The Great Wall of Steel (2022) total for the category, as printed.
    public let publishedTotal: String
    /// The citation of the published total.
    public let publishedCitation: String
  }

  /// The number of records.
  public let incidents: Int
  /// The number of distinct host countries.
  public let hostCountries: Int
  /// The first and last year, when the dataset is not empty.
  public let years: ClosedRange<Int>?
  /// One entry per category, in category order.
  public let categories: [CategorySummary]

  /// Summarizes a dataset with the counting core: one count of persons by category and one of
  /// incidents by host.
  ///
  /// ```swift
  /// let summary = DatasetSummary(IncidentDataset.documentedSample)
  /// summary.categories.map(\.incidents)   // [8, 24, 28]
  /// ```
  ///
  /// - Parameter dataset: The records.
  /// - Complexity: O(*n*).
  public init(_ dataset: IncidentDataset) {
    self.init(IncidentColumns(dataset))
  }

  /// Summarizes columns: the same summary as the initializer from a dataset gives for the
  /// records the columns hold.
  ///
  /// ```swift
  /// let summary = DatasetSummary(IncidentColumns(IncidentDataset.documentedSample))
  /// summary.incidents   // 60
  /// ```
  ///
  /// - Parameter columns: The records' codes.
  /// - Complexity: O(*n*).
  public init(_ columns: IncidentColumns) {
    incidents = columns.count
    hostCountries = columns.countIncidents(try! CountQuery(by: [.host])).cells.count
    years = columns.years
    let byCategory = columns.countPersons(try! CountQuery(by: [.category]))
    categories = IncidentCategory.allCases.map { category in
      let cell = byCategory[.category(category)]
      var qualifiers: [String: Int] = [:]
      for qualifier in PersonCountQualifier.allCases where cell[records: qualifier] > 0 {
        qualifiers[qualifier.rawValue] = cell[records: qualifier]
      }
      let published = PublishedFigure.greatWallOfSteel(category)
      return CategorySummary(
        category: category, incidents: cell.records, personsLowerBound: cell.knownSum,
        qualifiers: qualifiers, persons: cell, publishedTotal: published.printedValue,
        publishedCitation: published.citation)
    }
  }

  /// A plain-text or Markdown table of the summary.
  ///
  /// - Parameters:
  ///   - markdown: whether to write a Markdown table.
  ///   - isSample: whether the dataset is the bundled sample (adds the sample warning).
  public func text(markdown: Bool, isSample: Bool) -> String {
    var lines: [String] = []
    lines.append(markdown ? "# Transnational repression: summary" : "TRANSNATIONAL REPRESSION: SUMMARY")
    lines.append("")
    if isSample {
      lines.append(
        "Data: the bundled sample of \(incidents) individually sourced events (documented-events.csv).")
      lines.append(
        "It is a documented SAMPLE, not the Oxus Society / UHRP dataset: its counts are not the dataset's.")
    } else {
      lines.append("Data: \(incidents) records.")
    }
    if let years {
      lines.append("Host countries: \(hostCountries). Years: \(years.lowerBound)–\(years.upperBound).")
    }
    lines.append("")
    let header = ["category", "incidents", "persons (known sum)", "of which not exact",
                  "published total (GWOS 2022)"]
    var rows: [[String]] = []
    for entry in categories {
      let inexact = entry.incidents - (entry.qualifiers["exact"] ?? 0)
      rows.append([entry.category.rawValue, String(entry.incidents), String(entry.personsLowerBound),
                   String(inexact), entry.publishedTotal])
    }
    rows.append(["total", String(incidents), String(categories.reduce(0) { $0 + $1.personsLowerBound }),
                 String(categories.reduce(0) { $0 + $1.incidents - ($1.qualifiers["exact"] ?? 0) }), ""])
    lines.append(TextTable.render(header: header, rows: rows, markdown: markdown))
    lines.append("")
    lines.append("Published totals: Great Wall of Steel (Jardine, Wilson Center, 2022), to January 2022,")
    lines.append("as summarized at https://oxussociety.org/great-wall-of-steel/ para 3.")
    lines.append("Persons: the sum of the numbers the records give. 'At least' and unknown counts make it a")
    lines.append("lower bound; 'about' and 'up to' counts make it an estimate (see `tnr count --measure persons`).")
    return lines.joined(separator: "\n") + "\n"
  }
}
