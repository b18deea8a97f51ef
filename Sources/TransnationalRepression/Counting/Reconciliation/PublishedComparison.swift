/// A dataset's counts next to the published headline figures, with what each number counts.
///
/// The published figures of "Great Wall of Steel" (2022) and "No Space Left to Run" (2021) count
/// **people**: "1,150 detained", "424 deported, extradited or rendered", phases "84 … 126 …
/// 1,364", regions "689" and "668" of the detention and return cases. So the comparison sets
/// each beside the dataset's **persons** (the known sum and its qualifiers, see ``PersonsCell``)
/// within the same categories, region and period, and also gives the number of records. Coverage
/// is the known sum over the published figure.
///
/// Periods are those printed: `1997-2022-01` ends with January 2022, so records of 2022 count
/// only with a month of January; records of 2022 without a month cannot be placed and are
/// reported as undetermined, not counted in.
///
/// ```swift
/// let comparison = PublishedComparison(IncidentDataset.documentedSample)
/// let returns = comparison.rows.first { $0.figure.measure == "deported_extradited_or_rendered_to_China" }!
/// returns.published              // 424
/// returns.personsAllYears.knownSum   // 313: the sample's 30 returns, 1997–2025
/// returns.persons.knownSum       // 272: those to January 2022
/// print(comparison.text(markdown: false))
/// ```
public struct PublishedComparison: Hashable, Sendable {
  /// One published figure and the dataset's counts beside it.
  public struct Row: Hashable, Sendable {
    /// The published figure, with its citation.
    public let figure: PublishedFigure
    /// The figure as a number.
    public let published: Int
    /// What the figure counts, in words (for example "people detained in a host country").
    public let counts: String
    /// The categories the dataset's counts include.
    public let categories: [IncidentCategory]
    /// The host region, for a regional figure.
    public let region: Region?
    /// The period the figure covers.
    public let period: PublishedPeriod
    /// The dataset's persons in the categories, region and period.
    public let persons: PersonsCell
    /// The dataset's persons in the categories and region, in any year.
    public let personsAllYears: PersonsCell
    /// Records in the categories and region in the period's last year whose month is unknown
    /// when the period ends within that year: they cannot be placed and are not in ``persons``.
    public let undeterminedRecords: Int

    /// The number of the dataset's records in the period.
    ///
    /// - Complexity: O(1).
    public var records: Int { persons.records }

    /// The records in the categories and region outside the period (undetermined ones excluded).
    ///
    /// - Complexity: O(1).
    public var recordsOutsidePeriod: Int {
      personsAllYears.records - persons.records - undeterminedRecords
    }

    /// The dataset's known sum of persons over the published figure, or `nil` when it is 0.
    ///
    /// - Complexity: O(1).
    public var coverage: Double? {
      published > 0 ? Double(persons.knownSum) / Double(published) : nil
    }
  }

  /// The rows, in the order of the compared figures (Great Wall of Steel first).
  public let rows: [Row]

  /// Compares a dataset with the bundled published figures.
  ///
  /// - Parameters:
  ///   - dataset: The records.
  ///   - figures: The figures to look the compared measures up in (default the bundled
  ///     ``PublishedFigure/all``); measures not found are skipped.
  /// - Complexity: O(*n*) for *n* records, plus O(*f*) per compared figure.
  public init(_ dataset: IncidentDataset, figures: [PublishedFigure] = PublishedFigure.all) {
    self.init(
      columns: IncidentColumns(dataset), months: dataset.map { UInt8($0.date.month ?? 0) },
      figures: figures)
  }

  /// Compares columns with the bundled published figures: the same comparison as
  /// ``init(_:figures:)`` gives for the records the columns hold.
  ///
  /// ```swift
  /// let result = try IncidentColumns.read(contentsOf: url)
  /// let comparison = PublishedComparison(columns: result.columns, months: result.months)
  /// ```
  ///
  /// - Parameters:
  ///   - columns: The records' codes.
  ///   - months: Each record's month (1–12), 0 when its date has none; one per row of
  ///     `columns` (see ``ColumnImportResult/months``).
  ///   - figures: The figures to look the compared measures up in.
  /// - Complexity: O(*n*) for *n* records, plus O(*f*) per compared figure.
  public init(
    columns: IncidentColumns, months: [UInt8], figures: [PublishedFigure] = PublishedFigure.all
  ) {
    precondition(months.count == columns.count, "PublishedComparison: one month per row")
    let table = columns.countPersons(try! CountQuery(by: [.category, .region, .year]))
    var rows: [Row] = []
    for spec in PublishedComparison.specs {
      guard
        let figure = figures.first(where: {
          $0.sourceID == spec.source && $0.hostCountry == spec.host && $0.measure == spec.measure
        }), let published = figure.number, let period = PublishedPeriod(parsing: figure.period)
      else { continue }
      var inPeriod = PersonsCell()
      var all = PersonsCell()
      for (labels, cell) in table.cells {
        guard case .category(let category) = labels[0], spec.categories.contains(category),
          case .region(let region) = labels[1], spec.region.map({ $0 == region }) ?? true,
          case .year(let year) = labels[2]
        else { continue }
        all += cell
        let lastFullYear = period.lastMonth == nil ? period.lastYear : period.lastYear - 1
        if year >= period.firstYear && year <= lastFullYear { inPeriod += cell }
      }
      var undetermined = 0
      if let lastMonth = period.lastMonth {
        for row in 0..<columns.count where Int(columns.year[row]) == period.lastYear {
          let codes = columns.codes(at: row)
          guard spec.categories.contains(IncidentKind.categoryOfColumnCode[Int(codes.kind)]),
            spec.region.map({ $0 == Country(index: Int(codes.host))!.region }) ?? true
          else { continue }
          let month = Int(months[row])
          guard month != 0 else {
            undetermined += 1
            continue
          }
          if month <= lastMonth {
            var cell = PersonsCell(knownSum: codes.persons)
            cell[records: PersonCountQualifier.allCases[codes.qualifierCode]] = 1
            inPeriod += cell
          }
        }
      }
      rows.append(
        Row(
          figure: figure, published: published, counts: spec.counts, categories: spec.categories,
          region: spec.region, period: period, persons: inPeriod, personsAllYears: all,
          undeterminedRecords: undetermined))
    }
    self.rows = rows
  }

  /// A plain-text or Markdown table of the comparison, with notes on what the numbers are.
  ///
  /// ```swift
  /// print(PublishedComparison(IncidentDataset.documentedSample).text(markdown: true))
  /// ```
  ///
  /// - Parameter markdown: Whether to write Markdown.
  /// - Returns: The table and its notes, ending with a line feed.
  /// - Complexity: O(*r*) for *r* rows.
  public func text(markdown: Bool) -> String {
    let header = [
      "source", "published figure", "period", "published", "dataset persons (known sum)",
      "records", "not exact", "coverage", "records outside period",
    ]
    let body = rows.map { row -> [String] in
      [
        row.figure.sourceID, row.counts, row.figure.period, String(row.published),
        String(row.persons.knownSum), String(row.records),
        String(row.records - row.persons.exactRecords),
        row.coverage.map { String(Int(($0 * 100).rounded())) + "%" } ?? "",
        String(row.recordsOutsidePeriod)
          + (row.undeterminedRecords > 0 ? " (+\(row.undeterminedRecords) undetermined)" : ""),
      ]
    }
    var lines = [TextTable.render(header: header, rows: body, markdown: markdown), ""]
    lines.append("Published figures count people; the dataset's persons are the sum of the numbers its")
    lines.append("records give ('not exact' records are at least / about / up to / unknown), so coverage")
    lines.append("is indicative. Sources: GWOS2022 = Great Wall of Steel (Jardine, Wilson Center, 2022),")
    lines.append("https://oxussociety.org/great-wall-of-steel/; NSLR2021 = No Space Left to Run (UHRP and")
    lines.append("Oxus Society, 2021), https://uhrp.org/report/no-space-left-to-run-chinas-transnational-repression-of-uyghurs/.")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A compared figure: where it is in the table, and which records it corresponds to.
  private struct Spec {
    let source: String
    let host: String
    let measure: String
    let categories: [IncidentCategory]
    let region: Region?
    let counts: String
  }

  private static let specs: [Spec] = {
    let held: [IncidentCategory] = [.detention, .extradition]
    let mena = "REGION:Middle East and North Africa"
    let southAsia = "REGION:South Asia"
    return [
      Spec(source: "GWOS2022", host: "ALL", measure: "intimidation_cases", categories: [.intimidation], region: nil, counts: "intimidation cases"),
      Spec(source: "GWOS2022", host: "ALL", measure: "detained_in_host_country", categories: [.detention], region: nil, counts: "people detained in a host country"),
      Spec(source: "GWOS2022", host: "ALL", measure: "deported_extradited_or_rendered_to_China", categories: [.extradition], region: nil, counts: "people deported, extradited or rendered to China"),
      Spec(source: "GWOS2022", host: "ALL", measure: "cases_detention_and_refoulement_total", categories: held, region: nil, counts: "people detained or returned"),
      Spec(source: "GWOS2022", host: "ALL", measure: "phase1_deported_or_detained", categories: held, region: nil, counts: "people detained or returned, 1997–2007"),
      Spec(source: "GWOS2022", host: "ALL", measure: "phase2_individuals_targeted", categories: held, region: nil, counts: "people detained or returned, 2008–2013"),
      Spec(source: "GWOS2022", host: "ALL", measure: "phase3_detained_extradited_or_rendered", categories: held, region: nil, counts: "people detained or returned, 2014–"),
      Spec(source: "GWOS2022", host: mena, measure: "registered_incidents", categories: held, region: .middleEastAndNorthAfrica, counts: "people detained or returned, Middle East and North Africa"),
      Spec(source: "GWOS2022", host: southAsia, measure: "cases", categories: held, region: .southAsia, counts: "people detained or returned, South Asia"),
      Spec(source: "NSLR2021", host: "ALL", measure: "cases_detention_and_deportation_total", categories: held, region: nil, counts: "people detained or returned"),
      Spec(source: "NSLR2021", host: "ALL", measure: "detained_in_host_country", categories: [.detention], region: nil, counts: "people detained in a host country"),
      Spec(source: "NSLR2021", host: "ALL", measure: "deported_extradited_or_rendered_to_China", categories: [.extradition], region: nil, counts: "people deported, extradited or rendered to China"),
      Spec(source: "NSLR2021", host: "ALL", measure: "phase1_detained_or_sent_to_China", categories: held, region: nil, counts: "people detained or returned, 1997–2007"),
      Spec(source: "NSLR2021", host: "ALL", measure: "phase2_individuals_repressed", categories: held, region: nil, counts: "people detained or returned, 2008–2013"),
      Spec(source: "NSLR2021", host: mena, measure: "cases_total", categories: held, region: .middleEastAndNorthAfrica, counts: "people detained or returned, Middle East and North Africa"),
      Spec(source: "NSLR2021", host: southAsia, measure: "cases_total", categories: held, region: .southAsia, counts: "people detained or returned, South Asia"),
    ]
  }()
}

/// The period of a published figure, as the table prints it: `1997-2007` (whole years) or
/// `1997-2022-01` (ending with a month).
///
/// ```swift
/// let period = PublishedPeriod(parsing: "1997-2022-01")!
/// period.firstYear   // 1997
/// period.lastYear    // 2022
/// period.lastMonth   // 1
/// ```
public struct PublishedPeriod: Hashable, Sendable, Codable {
  /// The first year.
  public let firstYear: Int
  /// The last year.
  public let lastYear: Int
  /// The last month of the last year, when the period ends within it.
  public let lastMonth: Int?

  /// Reads `YYYY-YYYY` or `YYYY-YYYY-MM`.
  ///
  /// - Parameter text: The printed period.
  /// - Returns: The period, or `nil` for any other form (such as `2014-(early 2022)`).
  /// - Complexity: O(*m*) for *m* characters.
  public init?(parsing text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3,
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let first = Int(parts[0]), let last = Int(parts[1]), first <= last
    else { return nil }
    var month: Int?
    if parts.count == 3 {
      guard let value = Int(parts[2]), (1...12).contains(value) else { return nil }
      month = value
    }
    firstYear = first
    lastYear = last
    lastMonth = month
  }
}
