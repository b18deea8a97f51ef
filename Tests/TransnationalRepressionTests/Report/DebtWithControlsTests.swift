import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import TransnationalRepression

/// The `report` part of `Tests/Fixtures/countries/country-reference.json`, written by
/// `generate_country_reference.py`: the controls chosen by the documented rule and the Poisson
/// and NB2 fits with and without debt, by statsmodels.
struct DebtModelsReference: Decodable {
  struct Choice: Decodable {
    var name: String
    var included: Bool
  }
  struct Family: Decodable {
    var full: CountryReference.Fit
    var restricted: CountryReference.Fit
    var lrStatistic: Double
    var lrPValue: Double

    enum CodingKeys: String, CodingKey {
      case full, restricted
      case lrStatistic = "lr_statistic"
      case lrPValue = "lr_p_value"
    }
  }
  struct Report: Decodable {
    var rows: [String]
    var controls: [String]
    var choices: [Choice]
    var families: [String: Family]
  }
  var report: Report

  static func load() throws -> Report {
    try Fixtures.json(DebtModelsReference.self, "countries/country-reference.json").report
  }
}

@Suite("tnr report: debt with controls")
struct DebtWithControlsTests {
  static let options: AnalysisReport.Options = {
    var options = AnalysisReport.Options()
    options.permutations = 99
    return options
  }()
  static let report = try! AnalysisReport(dataset: .documentedSample, isSample: true, options: options)
  static let cases = CreditorAnalysis.cases(in: IncidentDataset.documentedSample)

  /// Compares a fit with statsmodels: estimates and log-likelihood to 1e-8 relative, standard
  /// errors to 1e-6, and for NB2 α to 1e-8 and its standard error to 1e-6.
  static func expectMatches(_ result: RegressionResult, _ expected: CountryReference.Fit, _ label: String) {
    #expect(result.coefficients.map(\.name) == expected.names, "\(label)")
    #expect(result.observationCount == expected.n, "\(label)")
    for (index, c) in result.coefficients.enumerated() {
      #expect(isApproximatelyEqual(c.estimate, expected.estimates![index], relative: 1e-8), "\(label) \(c.name)")
      #expect(isApproximatelyEqual(c.standardError, expected.stdErrors![index], relative: 1e-6), "\(label) \(c.name) SE")
    }
    #expect(isApproximatelyEqual(result.logLikelihood, expected.logLikelihood!, relative: 1e-8), "\(label) llf")
    if let alpha = expected.alpha {
      #expect(isApproximatelyEqual(result.alpha!.estimate, alpha, relative: 1e-8), "\(label) alpha")
      #expect(isApproximatelyEqual(result.alpha!.standardError, expected.alphaStdError!, relative: 1e-6), "\(label) alpha SE")
    } else {
      #expect(result.alpha == nil)
    }
  }

  @Test("The report's models on the bundled data match statsmodels (controls, rows, fits, LR tests)")
  func matchesStatsmodels() throws {
    let reference = try DebtModelsReference.load()
    let models = Self.report.debtModels
    #expect(models.debt == "china_share_total")
    #expect(models.controls == reference.controls)
    #expect(models.controlChoices.map(\.name) == reference.choices.map(\.name))
    #expect(models.controlChoices.map(\.included) == reference.choices.map(\.included))
    #expect(reference.families.count == 2)
    for (name, expected) in reference.families {
      let family = try #require(CountModelFamily(rawValue: name))
      let fit = try #require(models.outcome(family).fit, "\(name) was not fitted")
      #expect(fit.full.countries.map(\.alpha2) == reference.rows)
      Self.expectMatches(fit.full.result, expected.full, "\(name) with debt")
      Self.expectMatches(fit.withoutDebt, expected.restricted, "\(name) without debt")
      #expect(fit.likelihoodRatio.degreesOfFreedom == 1)
      #expect(fit.likelihoodRatio.droppedCoefficients == ["china_share_total"])
      // The statistic is a difference of two log-likelihoods of about 3,400 (Poisson) known to
      // 1e-8 relative each, so it is compared to 1e-5 relative.
      #expect(isApproximatelyEqual(fit.likelihoodRatio.statistic, expected.lrStatistic, relative: 1e-5), "\(name) LR")
      #expect(isApproximatelyEqual(fit.likelihoodRatio.pValue, expected.lrPValue, relative: 1e-5), "\(name) LR p")
    }
  }

  @Test("The section's numbers are direct CountRegression fits of the same CountryModelData")
  func equalsDirectFits() throws {
    let models = Self.report.debtModels
    let data = try CountryModelData(
      countries: CreditorTable.worldBank2024.countries, cases: Self.cases,
      covariates: ["china_share_total"] + models.controls, exposure: .low)
    let used = try #require(models.data)
    #expect(used.countries == data.countries)
    #expect(used.outcome == data.outcome)
    #expect(used.covariateNames == data.covariateNames)
    #expect("\(used.covariateValues)" == "\(data.covariateValues)")  // NaN-aware: NaN != NaN
    #expect("\(used.exposure!)" == "\(data.exposure!)")
    let cases = try DesignMatrix.completeCases(
      columns: zip(data.covariateNames, data.covariateValues).map { (name: $0.0, values: $0.1) },
      outcome: data.outcome, exposure: data.exposure, rowLabels: data.countries.map(\.alpha2))
    let json = try #require(
      JSONSerialization.jsonObject(with: try Self.report.json()) as? [String: Any])
    let section = try #require(json["debt_with_controls"] as? [String: Any])
    let jsonModels = try #require(section["models"] as? [[String: Any]])
    // Plain text wraps paragraphs at 100 columns: compare with the line breaks as spaces.
    let text = Self.report.text(markdown: false).replacingOccurrences(of: "\n", with: " ")
    for (index, family) in [CountModelFamily.poisson, .negativeBinomial].enumerated() {
      let full = try CountRegression.fit(cases.design, outcome: cases.outcome, family: family)
      let restricted = try CountRegression.fit(
        try cases.design.removingColumns(["china_share_total"]), outcome: cases.outcome, family: family)
      let test = try LikelihoodRatioTest.compare(restricted: restricted, full: full)
      let fit = try #require(models.outcome(family).fit)
      #expect(fit.full.result == full)
      #expect(fit.withoutDebt == restricted)
      #expect(fit.likelihoodRatio == test)
      // JSON: the same numbers.
      let model = jsonModels[index]
      #expect(model["family"] as? String == family.rawValue)
      #expect(model["fitted"] as? Bool == true)
      #expect(model["n"] as? Int == full.observationCount)
      let coefficients = try #require(model["coefficients"] as? [[String: Any]])
      // JSONSerialization may read a shortest-representation double back one ulp off.
      func same(_ value: Any?, _ expected: Double) -> Bool {
        guard let value = value as? Double else { return false }
        return isApproximatelyEqual(value, expected, relative: 1e-15)
      }
      #expect(coefficients.count == full.coefficients.count)
      for (c, expected) in zip(coefficients, full.coefficients) {
        #expect(c["name"] as? String == expected.name)
        #expect(same(c["estimate"], expected.estimate))
        #expect(same(c["std_error"], expected.standardError))
        #expect(same(c["rate_ratio"], expected.ratio))
      }
      let lr = try #require(model["likelihood_ratio"] as? [String: Any])
      #expect(same(lr["p_value"], test.pValue))
      // Text: the printed figures (four significant digits).
      #expect(text.contains(String(format: "%.4g", full.coefficients[1].estimate)))
      #expect(text.contains("p = \(AnalysisReport.modelPValue(test.pValue))"))
      if let alpha = full.alpha { #expect(text.contains("α = \(String(format: "%.4g", alpha.estimate))")) }
    }
    // The left-out countries of the section are the fit's.
    let fit = try #require(models.poisson.fit)
    #expect(fit.full.leftOut.count == data.countries.count - fit.full.countries.count)
    #expect(text.contains("Left out of the models: no exposure (no UHRP diaspora estimate)"))
  }

  @Test("The section has the caveats, the control decisions and the exposure end in words")
  func words() {
    for markdown in [false, true] {
      let text = Self.report.text(markdown: markdown).replacingOccurrences(of: "\n", with: " ")
      for phrase in [
        "none documented, not none happened", "Ecological inference", "Low power", "1997 to 2025",
        "lower end of each range", "Sample coverage", "sco_member", "too few countries",
      ] {
        #expect(text.contains(phrase), "\(phrase)")
      }
    }
    let html = Self.report.html()
    #expect(html.contains("Debt with controls"))
    #expect(html.contains("tnr-forest-chart"))
  }

  @Test("The forest chart draws one IRR per non-intercept coefficient of each fitted model, on a log scale")
  func forestChart() throws {
    let chart = try #require(Self.report.charts().first { $0.fileName == "debt-models.svg" })
    let models = Self.report.debtModels
    let terms = [models.poisson, models.negativeBinomial].compactMap(\.fit)
      .map { $0.full.result.coefficients.count - 1 }.reduce(0, +)
    #expect(terms == 4)
    #expect(chart.svg.components(separatedBy: "class=\"estimate\"").count - 1 == terms)
    #expect(chart.svg.components(separatedBy: "class=\"interval\"").count - 1 == terms)
    #expect(chart.svg.contains("class=\"reference\""))
    #expect(chart.svg.contains("log scale"))
    // The debt IRR per 10 percentage points, exp(0.1 β), is in the description.
    let nb = try #require(models.negativeBinomial.fit).full.result
    let irr = exp(0.1 * nb.coefficient(named: "china_share_total")!.estimate)
    #expect(chart.svg.contains(ForestChart.format(irr)))
    _ = try XMLDocument(data: Data(chart.svg.utf8))
  }

  @Test("Log ticks and ratio labels of the forest chart")
  func forestSupport() {
    #expect(ForestChart.logTicks(0.3, 4) == [0.1, 0.2, 0.5, 1, 2, 5, 10])
    #expect(ForestChart.logTicks(0.004, 1.2e8) == [0.001, 0.01, 0.1, 1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9])
    #expect(ForestChart.format(1.36) == "1.36")
    #expect(ForestChart.format(1.2e8) == "1.2e8")
    #expect(ForestChart.format(0.0004) == "4e-4")
    #expect(ForestChart.format(0.0061) == "0.0061")
    let empty = ForestChart(title: "t", rows: [], axisTitle: "IRR").render()
    #expect(empty.contains("No data"))
    let bad = ForestChart(
      title: "t", rows: [.init(label: "x", ratio: .infinity, low: 1, high: .infinity)], axisTitle: "IRR"
    ).render()
    #expect(bad.contains("No data") && bad.contains("x n/a"))
  }

  @Test("A thin sample says so in words and prints no numbers")
  func thinSample() throws {
    let subset = IncidentDataset.documentedSample.filter { $0.host.region == .southeastAsia }
    let report = try AnalysisReport(dataset: subset, isSample: false, options: Self.options)
    #expect(report.debtModels.poisson.fit == nil)
    #expect(report.debtModels.negativeBinomial.fit == nil)
    guard case .notFitted(let reason) = report.debtModels.poisson else { return }
    #expect(reason.contains("too thin"))
    let section = try #require(report.sections().first { $0.title == AnalysisReport.debtModelsTitle })
    for block in section.blocks {
      if case .table(let header, _) = block { #expect(!header.contains("estimate")) }
      if case .paragraph(let text) = block {
        #expect(!text.contains("Likelihood-ratio test of debt (with"))
      }
    }
    let json = try #require(JSONSerialization.jsonObject(with: try report.json()) as? [String: Any])
    let models = try #require((json["debt_with_controls"] as? [String: Any])?["models"] as? [[String: Any]])
    for model in models {
      #expect(model["fitted"] as? Bool == false)
      #expect(model["coefficients"] == nil)
      #expect((model["reason"] as? String)?.contains("too thin") == true)
    }
    #expect(report.charts().last!.svg.contains("No data"))
  }

  @Test("A failed fit (collinear columns) is kept as its reason, not as numbers")
  func failedFit() throws {
    let debt = try #require(CountryTable.bundledWithCreditors["china_share_total"])
    let twice = CountryVariable(
      name: "debt_twice", kind: .numeric, label: "twice the debt share", derivation: "2 × china_share_total",
      source: "test", year: "2024",
      values: debt.values.compactMapValues { $0.number.map { .number(2 * $0) } })
    let table = CountryTable(variables: CountryTable.bundledWithCreditors.variables + [twice])
    let data = try CountryModelData(
      countries: CreditorTable.worldBank2024.countries, cases: Self.cases,
      covariates: ["china_share_total", "debt_twice"], table: table, exposure: .low)
    let outcome = DebtWithControls.fit(data, family: .poisson, debt: "china_share_total")
    guard case .notFitted(let reason) = outcome else {
      Issue.record("collinear columns were fitted")
      return
    }
    #expect(reason.contains("Poisson model cannot be fitted"))
    #expect(reason.contains("debt_twice"))
  }
}
