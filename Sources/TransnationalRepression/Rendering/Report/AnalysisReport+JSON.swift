import Foundation

extension AnalysisReport {
  /// The report's figures as JSON (pretty-printed, sorted snake_case keys): the summary, the comparison with
  /// the published figures, the counts by region and host, the per-capita rates, and the creditor
  /// analysis with its correlations, permutation test, top-N test, sweep and the monograph check,
  /// and the "debt with controls" models (`debt_with_controls`).
  ///
  /// - Returns: UTF-8 JSON ending in a line feed.
  /// - Throws: an `EncodingError` (not expected).
  public func json() throws -> Data {
    struct Count: Codable {
      let label: String
      let records: Int
      let persons: PersonsCell
    }
    struct Rate: Codable {
      let host: String
      let persons: Int
      let population: String
      let perThousandLower: Double
      let perThousandUpper: Double?
    }
    struct Comparison: Codable {
      let source: String
      let measure: String
      let period: String
      let published: String
      let persons: PersonsCell
      let coverage: Double?
    }
    struct Creditor: Codable {
      let table: String
      let measure: CreditorMeasure
      let cases: CreditorAnalysis.CaseMeasure
      let correlations: [CreditorAnalysis.Correlations]
      let permutation: PermutationTestResult
      let topN: CreditorAnalysis.TopN
      let topNSweep: [CreditorAnalysis.TopN]
      let casesWithoutCreditorData: [Country]
      let monographCheck: [MonographCreditorClaim.Row]
    }
    struct Document: Encodable {
      let data: String
      let isSample: Bool
      let summary: DatasetSummary
      let comparison: [Comparison]
      let byRegion: [Count]
      let byHost: [Count]
      let perCapita: [Rate]
      let creditor: Creditor
      let debtWithControls: DebtModelsJSON
    }
    func counts(_ table: CountTable<PersonsCell>, _ dimension: CountDimension) -> [Count] {
      ((try? table.marginal(over: [dimension]))?.rows ?? []).map {
        Count(label: $0.labels[0].plainLabel, records: $0.value.records, persons: $0.value)
      }
    }
    let document = Document(
      data: isSample
        ? "bundled documented sample (documented-events.csv): a sample, not the Oxus/UHRP dataset"
        : "user dataset",
      isSample: isSample, summary: summary,
      comparison: comparison.rows.map {
        Comparison(
          source: $0.figure.sourceID, measure: $0.figure.measure, period: $0.figure.period,
          published: $0.figure.printedValue, persons: $0.persons, coverage: $0.coverage)
      },
      byRegion: counts(byRegion, .region), byHost: counts(byHost, .host),
      perCapita: perCapita.map {
        Rate(
          host: $0.labels[0].plainLabel, persons: $0.value.count,
          population: $0.value.population.printedValue, perThousandLower: $0.value.lowerBound,
          perThousandUpper: $0.value.upperBound)
      },
      creditor: Creditor(
        table: creditors.name, measure: options.measure, cases: options.cases,
        correlations: correlations, permutation: permutation, topN: topN, topNSweep: topNSweep,
        casesWithoutCreditorData: analysis.casesWithoutCreditorData,
        monographCheck: monographCheck),
      debtWithControls: debtModelsJSON())
    return try snakeCaseJSON(document)
  }
}

/// `value` as the command line writes JSON: pretty-printed, sorted snake_case keys (`by_host`,
/// `p_value`), non-finite numbers as the strings `"inf"`, `"-inf"` and `"nan"`, and a final line
/// feed. One JSON style across every command.
///
/// - Throws: an `EncodingError` (not expected for the library's types).
package func snakeCaseJSON(_ value: some Encodable) throws -> Data {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  encoder.keyEncodingStrategy = .convertToSnakeCase
  encoder.nonConformingFloatEncodingStrategy = .convertToString(
    positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
  var data = try encoder.encode(value)
  data.append(0x0A)
  return data
}

extension DimensionValue {
  /// The label as a plain string: alpha-2 for countries, numbers as digits, `none` for no phase.
  var plainLabel: String {
    switch jsonValue {
    case .string(let text): text
    case .number(let number): String(number)
    case .null: "none"
    }
  }
}
