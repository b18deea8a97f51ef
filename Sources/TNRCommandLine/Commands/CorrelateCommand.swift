import Foundation
import TransnationalRepression

/// `tnr correlate [--incidents FILE] [--measure M] [--cases C] [--join J] [--creditors FILE]
/// [--top N] [--permutations K] [--seed S] [--format text|json]`, or
/// `tnr correlate --pairs FILE.csv [--permutations K] [--seed S] [--format text|json]`.
enum CorrelateCommand {
  @Sendable static func run(_ parsed: ParsedArguments, console: Console) throws -> Int32 {
    let format = parsed.value("format")!
    let permutations = parsed.integer("permutations")
    let seed = UInt64(parsed.integer("seed") ?? 0)
    if let path = parsed.value("pairs") {
      for option in ["incidents", "measure", "cases", "join", "creditors", "top", "map", "default", "aggregates"] where parsed.isGiven(option) {
        throw UsageError("--\(option) does not apply to --pairs", command: "correlate")
      }
      return try runPairs(path: path, permutations: permutations, seed: seed, format: format, console: console)
    }
    let measure = CreditorMeasure(rawValue: parsed.value("measure")!)!
    let caseMeasure = CreditorAnalysis.CaseMeasure(rawValue: parsed.value("cases")!)!
    let join = CreditorAnalysis.Join(rawValue: parsed.value("join")!)!
    let top = parsed.integer("top")
    let creditors: CreditorTable
    if let path = parsed.value("creditors") {
      creditors = try CreditorTable(contentsOf: URL(fileURLWithPath: path))
    } else {
      creditors = measure == .hrtDebtPercentGDP ? .hornReinhartTrebesch() : .worldBank2024
    }
    guard creditors.measures.contains(measure) else {
      throw UsageError("the creditor table '\(creditors.name)' has no column \(measure.rawValue)")
    }
    // The cases per host: from incidents, or from an aggregate table's published totals.
    let cases: [Country: Double]
    let dataText: String
    let dataLine: String
    let casesText: String
    let isSample: Bool
    if let path = parsed.value("aggregates") {
      guard let table = try AggregateCommand.casesPerHost(path, parsed, command: "correlate", console: console)
      else { return 1 }
      cases = table.cases
      dataText = table.description
      dataLine = dataText
      casesText = "aggregates"
      isSample = false
    } else {
      let (input, sample) = try IncidentInput.columns(parsed, console: console)
      cases = CreditorAnalysis.cases(columns: input.columns, measure: caseMeasure)
      isSample = sample
      dataText = sample ? "bundled documented sample (not the Oxus/UHRP dataset)" : "user file"
      dataLine = "\(input.columns.count) records"
      casesText = caseMeasure.rawValue
    }
    let analysis = try CreditorAnalysis(cases: cases, creditors: creditors, measure: measure)
    let correlations = analysis.correlations(join)
    let permutation = try permutations.map {
      try analysis.permutationTest(join, method: .spearman, permutations: $0, seed: seed)
    }
    let hasIndicator = creditors.measures.contains(.chinaLargestBilateral)
    let topN = hasIndicator ? top.map { analysis.topN($0) } : nil
    let sweep = hasIndicator && top != nil ? analysis.topNSensitivity() : []
    if top != nil && !hasIndicator {
      throw UsageError("--top needs a creditor table with china_largest_bilateral")
    }

    if format == "json" {
      var document = JSONDocument(correlations.pearson, correlations.spearman, correlations.kendallTauB)
      document.join = join.rawValue
      document.measure = measure.rawValue
      document.cases = casesText
      document.creditorTable = creditors.name
      document.data = dataText
      document.casesWithoutCreditorData = analysis.casesWithoutCreditorData.map(\.alpha2)
      document.creditorCountriesWithoutCases = analysis.creditorCountriesWithoutCases.count
      document.pairs = analysis.pairs(join).filter { $0.cases > 0 }.map {
        JSONDocument.Pair(country: $0.country.alpha2, cases: $0.cases, measure: $0.measure)
      }
      document.permutation = permutation
      if let topN {
        document.topN = topN
        document.topNSensitivity = sweep
      }
      console.out(String(decoding: try snakeCaseJSON(document), as: UTF8.self))
      return 0
    }

    var lines: [String] = []
    lines.append("CASES AGAINST DEBT TO CHINA")
    lines.append("")
    lines.append(
      isSample
        ? "Data: the bundled SAMPLE of documented events — not the Oxus/UHRP dataset; a zero means 'none in the sample'."
        : "Data: \(dataLine).")
    lines.append(
      casesText == "aggregates"
        ? "Cases: aggregate detention and extradition counts with origin CN, summed per host country."
        : "Cases: \(caseMeasure.rawValue.replacingOccurrences(of: "_", with: " ")) per host country.")
    lines.append("Measure: \(measure.label).")
    lines.append("Countries: \(join == .allCreditorCountries ? "every country the creditor table covers (0 cases where none documented)" : "host countries with cases and a creditor figure") — n = \(correlations.n).")
    lines.append("")
    lines.append(correlationTable([correlations.pearson, correlations.spearman, correlations.kendallTauB]))
    if let permutation {
      lines.append("")
      lines.append(
        "Permutation test (Spearman, \(permutation.isExact ? "exact, all \(permutation.permutations) pairings" : "\(permutation.permutations) random pairings, seed \(permutation.seed)")): p = \(format4(permutation.pValue))")
    }
    lines.append("")
    lines.append(
      "Hosts with cases but no creditor figure: "
        + (analysis.casesWithoutCreditorData.isEmpty
          ? "none" : analysis.casesWithoutCreditorData.map(\.alpha2).joined(separator: ", ")))
    if let topN {
      lines.append("")
      lines.append("TOP \(topN.requested) HOSTS BY CASES × CHINA LARGEST BILATERAL CREDITOR (Fisher's exact test, one-sided)")
      lines.append(topNTable([topN] + sweep.filter { $0.requested != topN.requested }))
    }
    console.out(lines.joined(separator: "\n") + "\n")
    return 0
  }

  static func runPairs(
    path: String, permutations: Int?, seed: UInt64, format: String, console: Console
  ) throws -> Int32 {
    let pairs = try PairsFile(contentsOf: URL(fileURLWithPath: path))
    let pearson = try Correlation.pearson(pairs.x, pairs.y)
    let spearman = try Correlation.spearman(pairs.x, pairs.y)
    let kendall = try Correlation.kendallTauB(pairs.x, pairs.y)
    let permutation = try permutations.map {
      try PermutationTest.correlation(pairs.x, pairs.y, method: .spearman, permutations: $0, seed: seed)
    }
    if format == "json" {
      var document = JSONDocument(pearson, spearman, kendall)
      document.permutation = permutation
      console.out(String(decoding: try snakeCaseJSON(document), as: UTF8.self))
    } else {
      var text = "\(path): n = \(pairs.x.count)\n\n" + correlationTable([pearson, spearman, kendall]) + "\n"
      if let permutation {
        text += "\nPermutation test (Spearman): p = \(format4(permutation.pValue))\n"
      }
      console.out(text)
    }
    return 0
  }

  /// What `--format json` writes: the library's own result types, in the one JSON style of
  /// every command (see `Documentation/JSONSchemas/correlate.schema.json`).
  struct JSONDocument: Encodable {
    struct Pair: Encodable {
      let country: String
      let cases: Double
      let measure: Double
    }
    var data: String?
    var join: String?
    var measure: String?
    var cases: String?
    var creditorTable: String?
    let n: Int
    let pearson: CorrelationTest
    let spearman: CorrelationTest
    let kendallTauB: CorrelationTest
    var casesWithoutCreditorData: [String]?
    var creditorCountriesWithoutCases: Int?
    var pairs: [Pair]?
    var permutation: PermutationTestResult?
    var topN: CreditorAnalysis.TopN?
    var topNSensitivity: [CreditorAnalysis.TopN]?

    init(_ pearson: CorrelationTest, _ spearman: CorrelationTest, _ kendallTauB: CorrelationTest) {
      n = pearson.n
      self.pearson = pearson
      self.spearman = spearman
      self.kendallTauB = kendallTauB
    }
  }

  static func correlationTable(_ tests: [CorrelationTest]) -> String {
    TextTable.render(
      header: ["coefficient", "value", "p-value", "p-value method", "95% interval"],
      rows: tests.map { test in
        [
          test.method == .kendallTauB ? "Kendall tau-b" : test.method == .pearson ? "Pearson r" : "Spearman rho",
          format4(test.statistic), format4(test.pValue),
          test.undefinedReason ?? test.pValueMethod,
          test.confidenceInterval.map { "\(format4($0.lower)) to \(format4($0.upper))" } ?? "",
        ]
      }, markdown: false)
  }

  static func topNTable(_ results: [CreditorAnalysis.TopN]) -> String {
    TextTable.render(
      header: ["N", "in top", "top & China largest", "others & China largest", "p (Fisher, greater)"],
      rows: results.map {
        [
          String($0.requested), String($0.top.count), "\($0.table.a) of \($0.table.a + $0.table.b)",
          "\($0.table.c) of \($0.table.c + $0.table.d)", format4($0.fisher.pValue),
        ]
      }, markdown: false)
  }

  static func format4(_ value: Double) -> String {
    value.isNaN ? "NaN" : String(format: abs(value) < 1e-4 && value != 0 ? "%.3e" : "%.4f", value)
  }

}

/// A CSV of pairs: columns `x` and `y` (decimal numbers) and an optional `label`.
struct PairsFile {
  var x: [Double] = []
  var y: [Double] = []
  var labels: [String] = []

  init(contentsOf url: URL) throws(ImportError) {
    let table = try CSVTable(contentsOf: url)
    for name in ["x", "y"] where !table.header.contains(name) {
      throw ImportError(.missingColumn(name), line: 1, field: name)
    }
    for row in table.rows {
      for name in ["x", "y"] {
        let text = try row.value(name)
        guard let value = Double(text), value.isFinite,
          text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) })
        else {
          throw ImportError(
            .invalidValue("'\(text)' is not a finite decimal number"), line: row.line,
            column: table.header.firstIndex(of: name)! + 1, field: name)
        }
        if name == "x" { x.append(value) } else { y.append(value) }
      }
      labels.append(row["label"] ?? "")
    }
  }
}
