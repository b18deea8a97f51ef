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
    /// The sum of the known person counts (a lower bound when some are unknown or "at least").
    public let personsLowerBound: Int
    /// How many records carry each qualifier.
    public let qualifiers: [String: Int]
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

  /// Summarizes a dataset.
  ///
  /// - Complexity: O(*n*).
  public init(_ dataset: IncidentDataset) {
    incidents = dataset.count
    hostCountries = Set(dataset.map(\.host)).count
    let allYears = dataset.map(\.date.year)
    years = allYears.min().map { $0...allYears.max()! }
    categories = IncidentCategory.allCases.map { category in
      let records = dataset.filter { $0.category == category }
      var qualifiers: [String: Int] = [:]
      for incident in records { qualifiers[incident.persons.qualifier.rawValue, default: 0] += 1 }
      let published = PublishedFigure.greatWallOfSteel(category)
      return CategorySummary(
        category: category, incidents: records.count,
        personsLowerBound: records.reduce(0) { $0 + ($1.persons.value ?? 0) },
        qualifiers: qualifiers, publishedTotal: published.printedValue,
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
    let header = ["category", "incidents", "persons (known, lower bound)", "of which not exact",
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
    lines.append("Persons: records with 'at least', 'about', 'up to' or unknown counts make the sums lower bounds.")
    return lines.joined(separator: "\n") + "\n"
  }
}
