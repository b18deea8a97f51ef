import Foundation

/// The whole analysis of a dataset, ready to print: what the data is and how much of the
/// published totals it covers; counts by category, region, host, phase and year, in incidents
/// and persons; per-capita rates; the creditor analysis; and the caveats.
///
/// Every figure says where it comes from, and the bundled sample is always called a sample.
///
/// ```swift
/// let report = try AnalysisReport(dataset: .documentedSample, isSample: true)
/// print(report.text(markdown: false))
/// ```
public struct AnalysisReport: Sendable {
  /// What the report includes and how the creditor analysis runs.
  public struct Options: Hashable, Sendable {
    /// How many host countries the host table lists (ties at the last place kept).
    public var topHosts: Int = 10
    /// The N of the top-N × largest-creditor test (the sweep covers 5…20 as well).
    public var topN: Int = 10
    /// Random pairings of the permutation test.
    public var permutations: Int = 9_999
    /// The seed of the permutation test.
    public var seed: UInt64 = 0
    /// The creditor measure correlated with cases.
    public var measure: CreditorMeasure = .chinaShareTotal
    /// What counts as cases per host.
    public var cases: CreditorAnalysis.CaseMeasure = .personsDetainedOrReturned
    /// Which end of UHRP's diaspora range is the exposure of the "debt with controls" models.
    public var modelExposure: ExposureBound = .low
    /// Creates options with the defaults.
    public init() {}
  }

  /// The dataset analysed, when the report was made from records with
  /// ``init(dataset:isSample:creditors:options:)``; empty when it was made from columns with
  /// ``init(imported:isSample:creditors:options:)`` (``recordCount`` is the number of records
  /// either way).
  public let dataset: IncidentDataset
  /// The number of records analysed.
  public let recordCount: Int
  /// The number of distinct origin states among the records.
  public let originStates: Int
  /// Whether it is the bundled sample.
  public let isSample: Bool
  /// The options used.
  public let options: Options
  /// Counts by category next to the published totals.
  public let summary: DatasetSummary
  /// The dataset's persons against the published figures.
  public let comparison: PublishedComparison
  /// Persons (and records) by region.
  public let byRegion: CountTable<PersonsCell>
  /// Persons (and records) by host country.
  public let byHost: CountTable<PersonsCell>
  /// Persons detained or returned by phase.
  public let byPhase: CountTable<PersonsCell>
  /// Incidents by year and category, missing years as zeros.
  public let byYearAndCategory: CountTable<Int>
  /// Persons and records by category and mode (intimidation tactic, detention, return mode).
  public let byMode: CountTable<PersonsCell>
  /// Persons detained or returned per 1,000 Uyghurs (UHRP, November 2023), hosts with cases.
  public let perCapita: [CountRow<PerCapitaRate>]
  /// The creditor table used.
  public let creditors: CreditorTable
  /// The creditor analysis.
  public let analysis: CreditorAnalysis
  /// Correlations for both joins.
  public let correlations: [CreditorAnalysis.Correlations]
  /// The permutation test (Spearman, all creditor countries).
  public let permutation: PermutationTestResult
  /// The top-N test for ``Options/topN`` and the sweep over N = 5…20.
  public let topN: CreditorAnalysis.TopN
  /// The sweep over N = 5…20.
  public let topNSweep: [CreditorAnalysis.TopN]
  /// The monograph's five named countries against the 2024 data.
  public let monographCheck: [MonographCreditorClaim.Row]
  /// The "debt with controls" section: Poisson and negative binomial fits of cases on the
  /// creditor measure with exposure and the bundled covariates the data can support, and the
  /// likelihood-ratio test for debt.
  public let debtModels: DebtWithControls

  /// Runs the analysis.
  ///
  /// - Parameters:
  ///   - dataset: the incidents.
  ///   - isSample: whether it is the bundled sample (the text then says so everywhere).
  ///   - creditors: the creditor table (default World Bank IDS, end-2024; Horn–Reinhart–Trebesch
  ///     2017 when the measure is `hrt_debt_pct_gdp`). It must give the measure; the top-N test
  ///     uses its largest-bilateral-creditor indicator when present, else the World Bank's.
  ///   - options: what to include.
  /// - Throws: ``StatisticsError`` when the permutation count is invalid, or
  ///   ``CountTableError`` (not expected for valid datasets).
  /// - Complexity: O(*n* + *p*·*c*) for *n* records, *p* permutations and *c* countries.
  public init(
    dataset: IncidentDataset, isSample: Bool, creditors: CreditorTable? = nil,
    options: Options = Options()
  ) throws {
    try self.init(
      dataset: dataset, columns: IncidentColumns(dataset),
      months: dataset.map { UInt8($0.date.month ?? 0) }, isSample: isSample,
      creditors: creditors, options: options)
  }

  /// Runs the analysis on an import read straight into columns, without a record per row: the
  /// same report as ``init(dataset:isSample:creditors:options:)`` gives for the same records,
  /// except that ``dataset`` is empty.
  ///
  /// ```swift
  /// let imported = try IncidentColumns.read(contentsOf: url)
  /// let report = try AnalysisReport(imported: imported, isSample: false)
  /// ```
  ///
  /// - Parameters:
  ///   - imported: the columns and months of the records (``ColumnImportResult/months`` must
  ///     have one entry per row, as every import gives).
  ///   - isSample: whether it is the bundled sample.
  ///   - creditors: the creditor table (see ``init(dataset:isSample:creditors:options:)``).
  ///   - options: what to include.
  /// - Throws: ``StatisticsError`` when the permutation count is invalid, or
  ///   ``CountTableError`` (not expected for valid columns).
  /// - Complexity: O(*n* + *p*·*c*) for *n* records, *p* permutations and *c* countries.
  public init(
    imported: ColumnImportResult, isSample: Bool, creditors: CreditorTable? = nil,
    options: Options = Options()
  ) throws {
    try self.init(
      dataset: try IncidentDataset([]), columns: imported.columns, months: imported.months,
      isSample: isSample, creditors: creditors, options: options)
  }

  private init(
    dataset: IncidentDataset, columns: IncidentColumns, months: [UInt8], isSample: Bool,
    creditors: CreditorTable?, options: Options
  ) throws {
    self.dataset = dataset
    recordCount = columns.count
    originStates = columns.countIncidents(try CountQuery(by: [.origin])).cells.count
    self.isSample = isSample
    self.options = options
    summary = DatasetSummary(columns)
    comparison = PublishedComparison(columns: columns, months: months)
    let held = IncidentFilter(categories: [.detention, .extradition])
    byRegion = columns.countPersons(try CountQuery(by: [.region, .category]))
    byHost = columns.countPersons(try CountQuery(by: [.host, .category]))
    byPhase = columns.countPersons(try CountQuery(by: [.phase], where: held))
    byYearAndCategory = columns.countIncidents(try CountQuery(by: [.year, .category]))
    byMode = columns.countPersons(try CountQuery(by: [.category, .mode]))
    perCapita = try columns.countPersons(try CountQuery(by: [.host], where: held))
      .perCapita(populations: UyghurDiasporaEstimate.populations)
      .filter { $0.value.count > 0 }
    let table = creditors ?? (options.measure == .hrtDebtPercentGDP ? .hornReinhartTrebesch() : .worldBank2024)
    self.creditors = table
    let cases = CreditorAnalysis.cases(columns: columns, measure: options.cases)
    let analysis = try CreditorAnalysis(cases: cases, creditors: table, measure: options.measure)
    self.analysis = analysis
    correlations = CreditorAnalysis.Join.allCases.map { analysis.correlations($0) }
    permutation = try analysis.permutationTest(
      .allCreditorCountries, method: .spearman, permutations: options.permutations, seed: options.seed)
    let indicatorAnalysis =
      table.measures.contains(.chinaLargestBilateral)
      ? analysis
      : try CreditorAnalysis(cases: cases, creditors: .worldBank2024, measure: .chinaShareTotal)
    topN = indicatorAnalysis.topN(options.topN)
    topNSweep = indicatorAnalysis.topNSensitivity()
    monographCheck = MonographCreditorClaim.check()
    var modelOptions = DebtWithControls.Options()
    modelOptions.exposure = options.modelExposure
    debtModels = DebtWithControls(
      countries: table.countries, cases: cases, debt: options.measure.rawValue,
      table: CountryTable(variables: CountryTable.bundled.variables + CountryTable.creditorVariables(table)),
      options: modelOptions)
  }
}
