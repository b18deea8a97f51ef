import Foundation

/// The "Debt with controls" section of the report: its text blocks, its forest chart and its
/// JSON, all from ``AnalysisReport/debtModels``.
extension AnalysisReport {
  /// The section's title.
  static let debtModelsTitle = "Debt with controls"

  /// The families of the section, in order, with their display names.
  static let debtModelFamilies: [(family: CountModelFamily, name: String)] = [
    (.poisson, "Poisson"), (.negativeBinomial, "Negative binomial (NB2)"),
  ]

  /// The step of the debt measure the ratios are given for: 0.1 (10 percentage points) for the
  /// debt shares, which run from 0 to 1; one unit otherwise.
  var debtRatioStep: (step: Double, text: String) {
    switch options.measure {
    case .chinaShareTotal, .chinaShareBilateral: (0.1, "per 10 percentage points of debt share")
    default: (1, "per unit of \(options.measure.rawValue)")
    }
  }

  /// How the exposure is described.
  var debtModelExposureText: String {
    "ln of the Uyghur population living in the country (UHRP estimates, November 2023), the "
      + (options.modelExposure == .low
        ? "lower end of each range (an estimate such as 'fewer than 50' has none, so its country is left out)"
        : "upper end of each range ('fewer than 50' gives 50; an open-ended 'more than' has none)")
  }

  /// A model number with four significant digits.
  static func modelNumber(_ value: Double) -> String {
    value.isFinite ? String(format: "%.4g", value) : "n/a"
  }

  /// A p-value.
  static func modelPValue(_ value: Double) -> String {
    if value == 0 { return "<1e-300" }  // below the smallest double: the z is enormous
    return value < 1e-4 ? String(format: "%.1e", value) : String(format: "%.4f", value)
  }

  /// The coefficient table of a fit: estimates, errors, Wald tests and rate ratios (the debt
  /// row's ratio per ``debtRatioStep``).
  func debtModelRows(_ result: RegressionResult) -> [[String]] {
    let step = debtRatioStep.step
    return result.coefficients.map { c in
      let s = c.name == debtModels.debt ? step : 1
      let ratio =
        c.name == DesignMatrix.interceptName
        ? "" : "\(Self.modelNumber(exp(s * c.estimate))) [\(Self.modelNumber(exp(s * c.confidenceLow))), \(Self.modelNumber(exp(s * c.confidenceHigh)))]"
      return [
        c.name, Self.modelNumber(c.estimate), Self.modelNumber(c.standardError),
        String(format: "%.2f", c.z), Self.modelPValue(c.pValue), ratio,
      ]
    }
  }

  /// The plain-language caveats of the section.
  var debtModelCaveats: [String] {
    [
      "Sample coverage: " + (isSample
        ? "the counts come from the bundled sample of \(recordCount) documented events, not the Oxus Society / UHRP dataset, "
        : "the counts come from the \(recordCount) records given, ")
        + "and the model rows are only the countries that have both a debt figure (\(creditors.name)) and a diaspora estimate.",
      "A zero means none documented, not none happened: countries with a small diaspora or little press coverage have zeros that may be gaps.",
      "Timing: debt is measured at one date (\(options.measure == .hrtDebtPercentGDP ? "2017" : "end-2024")) while the cases run from 1997 to 2025; the models cannot say whether debt came before the cases.",
      "Ecological inference: these are associations across countries; they say nothing about why any one person was detained or returned.",
      "Low power: with about a dozen countries only a very strong association could show; a large p-value means the sample cannot tell, not that there is no association, and the intervals are wide.",
      "Poisson against negative binomial: where α (the NB2 overdispersion) is large, the Poisson standard errors are far too small and its tests too confident; read the negative binomial fit first.",
    ]
  }

  /// The section's blocks, shared by the text, Markdown and HTML outputs.
  func debtModelBlocks() -> [Block] {
    let models = debtModels
    var blocks: [Block] = []
    let debtLabel = options.measure.label
    blocks.append(
      .paragraph(
        "Count models of \(options.cases.rawValue.replacingOccurrences(of: "_", with: " ")) per host country on "
          + "\(debtLabel) (`\(models.debt)`), with the exposure \(debtModelExposureText) as offset, and the bundled "
          + "covariates the data can support as controls. Poisson and negative binomial (NB2, α by maximum likelihood) are fitted "
          + "by the library's count regression (matched to statsmodels); the likelihood-ratio test compares each model "
          + "with the same model without debt, on the same countries. Ratios are incidence-rate ratios, exp(coefficient); "
          + "the debt ratio is \(debtRatioStep.text)."))
    if !models.controlChoices.isEmpty {
      blocks.append(
        .paragraph(
          "Controls are tried in a fixed order and enter when known for every model country, with at least "
            + "\(models.options.minimumPerLevel) countries at each value, and while there are at least "
            + "\(models.options.rowsPerCovariate) countries per covariate (debt included):"))
      blocks.append(
        .table(
          ["covariate", "in the models", "why"],
          models.controlChoices.map { [$0.name, $0.included ? "yes" : "no", $0.reason] }))
    }
    var anyFit: DebtWithControls.FamilyFit? = nil
    for (family, name) in Self.debtModelFamilies {
      switch models.outcome(family) {
      case .notFitted(let reason):
        blocks.append(.paragraph("\(name): no estimates. \(reason)"))
      case .fitted(let fit):
        anyFit = anyFit ?? fit
        let result = fit.full.result
        blocks.append(
          .paragraph(
            "\(name), n = \(result.observationCount) countries (\(fit.full.countries.map(\.alpha2).joined(separator: ", "))):"))
        blocks.append(.table(["term", "estimate", "std. error", "z", "p", "IRR [95% CI]"], debtModelRows(result)))
        var summary = ""
        if let alpha = result.alpha {
          summary += "α = \(Self.modelNumber(alpha.estimate)) (std. error \(Self.modelNumber(alpha.standardError))). "
        }
        summary +=
          "Log-likelihood \(Self.modelNumber(result.logLikelihood)), AIC \(Self.modelNumber(result.aic)), BIC \(Self.modelNumber(result.bic)). "
        let lr = fit.likelihoodRatio
        summary +=
          "Likelihood-ratio test of debt (with against without): χ² = \(Self.modelNumber(lr.statistic)), df = \(lr.degreesOfFreedom), "
          + "p = \(Self.modelPValue(lr.pValue)) (log-likelihood without debt \(Self.modelNumber(lr.restrictedLogLikelihood)))."
        blocks.append(.paragraph(summary))
      }
    }
    if let fit = anyFit {
      var order: [String] = []
      var groups: [String: [String]] = [:]
      for row in fit.full.leftOut {
        if groups[row.reason] == nil { order.append(row.reason) }
        groups[row.reason, default: []].append(row.country.alpha2)
      }
      blocks.append(
        .paragraph(
          "Left out of the models: "
            + (order.isEmpty
              ? "none."
              : order.map { "\($0) (\(groups[$0]!.count)): \(groups[$0]!.joined(separator: ", "))" }.joined(separator: "; ") + ".")))
    }
    if let data = models.data {
      blocks.append(
        .paragraph(
          "Covariate sources: "
            + data.variables.map { "\($0.name): \($0.derivation) Source: \($0.source) (\($0.year))." }.joined(separator: " ")))
    }
    blocks.append(.paragraph("Caveats. " + debtModelCaveats.joined(separator: " ")))
    return blocks
  }

  /// The coefficient (forest) chart of the fitted models: incidence-rate ratios with their 95%
  /// intervals on a log scale, the intercept left out.
  func debtModelChart() -> ForestChart {
    var rows: [ForestChart.Row] = []
    for (family, name) in Self.debtModelFamilies {
      guard let fit = debtModels.outcome(family).fit else { continue }
      for c in fit.full.result.coefficients where c.name != DesignMatrix.interceptName {
        let step = c.name == debtModels.debt ? debtRatioStep.step : 1
        rows.append(
          ForestChart.Row(
            label: c.name == debtModels.debt ? "\(c.name), per \(step == 0.1 ? "+10 points" : "unit")" : c.name,
            ratio: exp(step * c.estimate), low: exp(step * c.confidenceLow),
            high: exp(step * c.confidenceHigh), group: name))
      }
    }
    let note =
      rows.isEmpty
      ? "No model could be fitted to these data; the report's section 'Debt with controls' says why."
      : "Incidence-rate ratios with 95% Wald intervals; the debt ratio is \(debtRatioStep.text). "
        + (isSample ? "Bundled SAMPLE, not the Oxus/UHRP dataset. " : "")
        + "Zero cases = none documented. Low power: about a dozen countries."
    return ForestChart(
      title: "Debt with controls: incidence-rate ratios", rows: rows,
      axisTitle: "incidence-rate ratio (log scale; 1 = no association)", note: note,
      source: "Debt: \(creditors.name). Exposure: UHRP (Nov 2023). Covariates: bundled country tables.")
  }

  /// The section as JSON.
  struct DebtModelsJSON: Encodable {
    struct Coefficient: Encodable {
      let name: String
      let estimate: Double
      let stdError: Double
      let z: Double
      let pValue: Double
      let ciLow: Double
      let ciHigh: Double
      let rateRatio: Double
      let rateRatioLow: Double
      let rateRatioHigh: Double
    }
    struct Alpha: Encodable {
      let estimate: Double
      let stdError: Double
    }
    struct LeftOut: Encodable {
      let country: String
      let reason: String
    }
    struct LikelihoodRatio: Encodable {
      let statistic: Double
      let degreesOfFreedom: Int
      let pValue: Double
      let restrictedLogLikelihood: Double
      let fullLogLikelihood: Double
    }
    struct Model: Encodable {
      let family: String
      let fitted: Bool
      let reason: String?
      let n: Int?
      let countries: [String]?
      let coefficients: [Coefficient]?
      let alpha: Alpha?
      let logLikelihood: Double?
      let deviance: Double?
      let aic: Double?
      let bic: Double?
      let likelihoodRatio: LikelihoodRatio?
      let leftOut: [LeftOut]?
    }
    let debt: String
    let debtRatioStep: Double
    let outcome: String
    let exposure: String
    let controls: [String]
    let controlChoices: [DebtWithControls.ControlChoice]
    let models: [Model]
    let caveats: [String]
  }

  /// The section's JSON document (rate ratios per one unit of each covariate, as the
  /// coefficients; `debt_ratio_step` says which step the text's debt ratio uses).
  func debtModelsJSON() -> DebtModelsJSON {
    let models = Self.debtModelFamilies.map { family, _ -> DebtModelsJSON.Model in
      switch debtModels.outcome(family) {
      case .notFitted(let reason):
        return .init(
          family: family.rawValue, fitted: false, reason: reason, n: nil, countries: nil,
          coefficients: nil, alpha: nil, logLikelihood: nil, deviance: nil, aic: nil, bic: nil,
          likelihoodRatio: nil, leftOut: nil)
      case .fitted(let fit):
        let r = fit.full.result
        let lr = fit.likelihoodRatio
        return .init(
          family: family.rawValue, fitted: true, reason: nil, n: r.observationCount,
          countries: fit.full.countries.map(\.alpha2),
          coefficients: r.coefficients.map {
            .init(
              name: $0.name, estimate: $0.estimate, stdError: $0.standardError, z: $0.z,
              pValue: $0.pValue, ciLow: $0.confidenceLow, ciHigh: $0.confidenceHigh,
              rateRatio: $0.ratio, rateRatioLow: $0.ratioLow, rateRatioHigh: $0.ratioHigh)
          },
          alpha: r.alpha.map { .init(estimate: $0.estimate, stdError: $0.standardError) },
          logLikelihood: r.logLikelihood, deviance: r.deviance, aic: r.aic, bic: r.bic,
          likelihoodRatio: .init(
            statistic: lr.statistic, degreesOfFreedom: lr.degreesOfFreedom, pValue: lr.pValue,
            restrictedLogLikelihood: lr.restrictedLogLikelihood,
            fullLogLikelihood: lr.fullLogLikelihood),
          leftOut: fit.full.leftOut.map { .init(country: $0.country.alpha2, reason: $0.reason) })
      }
    }
    return DebtModelsJSON(
      debt: debtModels.debt, debtRatioStep: debtRatioStep.step, outcome: options.cases.rawValue,
      exposure: options.modelExposure.rawValue, controls: debtModels.controls,
      controlChoices: debtModels.controlChoices, models: models, caveats: debtModelCaveats)
  }
}
