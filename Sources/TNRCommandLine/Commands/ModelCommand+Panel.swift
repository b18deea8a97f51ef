import Foundation
import TransnationalRepression

/// `tnr model --panel [--lag K] [--covariates debt_pct_gdp[,treaty_in_force]]`: the country-year
/// panel with country fixed effects (``CountryYearPanel``).
extension ModelCommand {
  static func panel(_ parsed: ParsedArguments, console: Console) throws -> Int32 {
    for option in ["table", "outcome", "exposure", "country-column"] where parsed.isGiven(option) {
      throw UsageError("--\(option) does not apply to --panel (the country fixed effects absorb the exposure)", command: "model")
    }
    if parsed.isGiven("family"), parsed.value("family") != CountModelFamily.poisson.rawValue {
      throw UsageError("--panel fits the Poisson model with country fixed effects; --family must be poisson", command: "model")
    }
    let covariates = parsed.isGiven("covariates") ? parsed.list("covariates") : ["debt_pct_gdp"]
    for name in covariates where !["debt_pct_gdp", "treaty_in_force"].contains(name) {
      throw UsageError("with --panel the covariates are debt_pct_gdp and treaty_in_force, not '\(name)'", command: "model")
    }
    guard covariates.contains("debt_pct_gdp") else {
      throw UsageError("with --panel, --covariates must include debt_pct_gdp", command: "model")
    }
    let lag = parsed.integer("lag") ?? 1
    let covariance: CovarianceType =
      switch parsed.value("robust") {
      case "hc0": .hc0
      case "hc1": .hc1
      default: .modelBased
      }
    let measure = CreditorAnalysis.CaseMeasure(rawValue: parsed.value("cases")!)!
    let (dataset, isSample) = try IncidentInput.dataset(parsed, console: console)
    let panel = try CountryYearPanel(
      dataset: dataset, measure: measure, lag: lag, includeTreaty: covariates.contains("treaty_in_force"))
    let result = try panel.fit(covariance: covariance)
    let dataText =
      (isSample ? "bundled documented sample (not the Oxus/UHRP dataset)" : "user incident file (\(dataset.count) records)")
      + "; rows: country-years, 0 = none documented"
    let years = panel.rows.map(\.year)
    switch parsed.value("format")! {
    case "json":
      struct Document: Encodable {
        var family: String
        var n: Int
        var lag: Int
        var countries: [String]
        var years: [Int]
        var coefficients: [JSONDocument.Coefficient]
        var logLikelihood: Double
        var deviance: Double
        var aic: Double
        var bic: Double
        var leftOut: [JSONDocument.LeftOut]
        var outcome: String
        var covariance: String
        var data: String
        var exposure: String
        var covariates: [JSONDocument.Source]
      }
      let document = Document(
        family: "poisson", n: result.observationCount, lag: lag, countries: panel.countries.map(\.alpha2),
        years: [years.min() ?? 0, years.max() ?? 0],
        coefficients: result.coefficients.map {
          .init(
            name: $0.name, estimate: $0.estimate, stdError: $0.standardError, z: $0.z,
            pValue: $0.pValue, ciLow: $0.confidenceLow, ciHigh: $0.confidenceHigh)
        },
        logLikelihood: result.logLikelihood, deviance: result.deviance, aic: result.aic, bic: result.bic,
        leftOut: panel.leftOut.map { .init(country: $0.country.alpha2, reason: $0.reason) },
        outcome: "\(measure.rawValue) per host country and year", covariance: result.covarianceType.rawValue,
        data: dataText, exposure: "none (absorbed by the country fixed effects)",
        covariates: panel.covariateNames.map { name in
          name == "debt_pct_gdp"
            ? .init(
              name: name, label: "Debt owed to China, % of GDP, of year t − \(lag)",
              derivation: "ChinaDebt_GDP of the country in year t − \(lag) (2000–2017).",
              source: CreditorTable.hornReinhartTrebeschSource.title, year: "2000–2017", caveat: nil)
            : .init(
              name: name, label: "Extradition treaty with China in force by year t",
              derivation: "1 when the treaty list gives an entry into force no later than t; 0 when later, or signed but not in force; unknown (row left out) when the list has no row, no status, or no year.",
              source: "china-extradition-treaties.csv", year: "1993–2020",
              caveat: "The list is about 5–6 treaties short of the 60–62 published.")
        })
      console.out(String(decoding: try snakeCaseJSON(document), as: UTF8.self))
    default:
      let markdown = parsed.value("format") == "markdown"
      var lines: [String] = []
      lines.append(markdown ? "## Panel: Poisson with country fixed effects" : "PANEL: POISSON WITH COUNTRY FIXED EFFECTS")
      lines.append("")
      lines.append("Outcome: \(measure.rawValue.replacingOccurrences(of: "_", with: " ")) per host country and year.")
      lines.append("Data: \(dataText).")
      lines.append(
        "Debt: debt owed to China, % of GDP, Horn–Reinhart–Trebesch (2000–2017), of year t − \(lag)"
          + (panel.includesTreaty ? "; treaty_in_force: an extradition treaty with China in force by year t (country-years with an unknown status left out: \(panel.treatyUnknownRows))." : "."))
      lines.append(
        "n = \(result.observationCount) country-years, \(panel.countries.count) countries (\(panel.countries.map(\.alpha2).joined(separator: ", "))), years \(years.min() ?? 0)–\(years.max() ?? 0); "
          + "country effects against \(panel.countries.first?.alpha2 ?? "-").")
      lines.append("")
      let table = rows(result)
      if markdown {
        lines += markdownTable(table)
      } else {
        lines += aligned(table)
      }
      lines.append("")
      lines.append("log-likelihood \(number(result.logLikelihood)); deviance \(number(result.deviance)); AIC \(number(result.aic)); BIC \(number(result.bic))")
      lines.append("")
      var order: [String] = []
      var groups: [String: [String]] = [:]
      for row in panel.leftOut {
        let key = row.reason.hasPrefix("no documented case") ? "no documented case in the panel years (fixed effect −∞)" : row.reason
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(row.country.alpha2)
      }
      lines.append(markdown ? "### Left out" : "Left out:")
      for key in order { lines.append("\(markdown ? "-" : " ") \(key) (\(groups[key]!.count)): \(groups[key]!.joined(separator: ", "))") }
      if order.isEmpty { lines.append("  none") }
      lines.append("")
      lines.append(
        "Caveats: a small, non-random sample of documented cases; zeros mean none documented; the fixed effects use only changes within a country over time, so few countries and few cases give wide intervals; the Poisson errors assume no overdispersion (a deviance far above the degrees of freedom says there is: add --robust hc1); a debt stock that precedes cases does not show that it caused them.")
      console.out(lines.joined(separator: "\n") + "\n")
    }
    return 0
  }
}
