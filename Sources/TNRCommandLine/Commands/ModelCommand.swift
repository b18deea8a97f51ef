import Foundation
import TransnationalRepression

/// `tnr model [--incidents FILE] --covariates COL[,COL…] [--family F] [--exposure low|high|none]
/// [--robust hc0|hc1] [--cases C] [--format text|markdown|json]`, or `tnr model --list`.
/// With `--aggregates FILE` the outcome is an aggregate table's detention and extradition counts
/// (origin CN) summed per host.
enum ModelCommand {
  /// The JSON document (snake_case keys via `snakeCaseJSON`).
  struct JSONDocument: Encodable {
    struct Coefficient: Encodable {
      var name: String
      var estimate: Double
      var stdError: Double
      var z: Double
      var pValue: Double
      var ciLow: Double
      var ciHigh: Double
    }
    struct Alpha: Encodable {
      var estimate: Double
      var stdError: Double
    }
    struct LeftOut: Encodable {
      var country: String
      var reason: String
    }
    struct Source: Encodable {
      var name: String
      var label: String
      var derivation: String
      var source: String
      var year: String
      var caveat: String?
    }
    var family: String
    var n: Int
    var coefficients: [Coefficient]
    var alpha: Alpha?
    var logLikelihood: Double
    var deviance: Double
    var aic: Double
    var bic: Double
    var leftOut: [LeftOut]
    var outcome: String
    var exposure: String
    var covariance: String
    var data: String
    var covariates: [Source]
    /// With --table --lenient: the rows of the table left out, with line and reason.
    var rejectedRows: [RejectedCountryRow]? = nil
  }

  @Sendable static func run(_ parsed: ParsedArguments, console: Console) throws -> Int32 {
    let table = CountryTable.bundledWithCreditors
    if parsed.flag("list") {
      for option in ["covariates", "family", "exposure", "robust", "cases", "incidents", "aggregates", "map", "default", "table", "outcome", "country-column", "panel", "lag", "lenient"]
      where parsed.isGiven(option) {
        throw UsageError("--\(option) does not apply to --list", command: "model")
      }
      console.out(list(table, markdown: parsed.value("format") == "markdown"))
      return 0
    }
    if parsed.flag("panel") {
      if parsed.isGiven("aggregates") {
        throw UsageError("--aggregates does not apply to --panel (its rows are country-years of incidents)", command: "model")
      }
      return try panel(parsed, console: console)
    }
    if parsed.isGiven("lag") { throw UsageError("--lag needs --panel", command: "model") }
    let covariates = parsed.list("covariates")
    guard !covariates.isEmpty else {
      throw UsageError("give --covariates COL[,COL…] (see tnr model --list)", command: "model")
    }
    for name in covariates {
      guard let variable = table[name] else {
        if parsed.isGiven("table") { continue }  // may be a column of the table
        throw UsageError("no covariate named '\(name)'; tnr model --list names them", command: "model")
      }
      guard variable.isModelCovariate, variable.kind != .categorical else {
        throw UsageError(
          variable.kind == .categorical
            ? "'\(name)' is categorical; use one of its 0/1 indicators (tnr model --list)"
            : "'\(name)' is descriptive only (\(variable.caveat ?? "incomplete")); it cannot enter a model",
          command: "model")
      }
    }
    if Set(covariates).count != covariates.count {
      throw UsageError("a covariate is named twice in --covariates", command: "model")
    }
    let family = CountModelFamily(rawValue: parsed.value("family")!)!
    let covariance: CovarianceType =
      switch parsed.value("robust") {
      case "hc0": .hc0
      case "hc1": .hc1
      default: .modelBased
      }
    let caseMeasure = CreditorAnalysis.CaseMeasure(rawValue: parsed.value("cases")!)!
    if family == .logit, let given = parsed.value("exposure"), given != "none" {
      throw UsageError(
        "an exposure offset applies to the count models, not to logit (give --exposure none or leave it out)",
        command: "model")
    }
    let data: CountryModelData
    var rejectedRows: [RejectedCountryRow]? = nil
    let exposureText: String
    let exposureDescription: String
    let outcomeText: String
    let dataText: String
    if let path = parsed.value("table") {
      for option in ["incidents", "aggregates", "map", "default", "cases"] where parsed.isGiven(option) {
        throw UsageError("--\(option) does not apply to --table", command: "model")
      }
      guard let outcomeColumn = parsed.value("outcome") else {
        throw UsageError("--table needs --outcome COL", command: "model")
      }
      let (user, rejected) = try CountryTable.read(
        contentsOf: URL(fileURLWithPath: path), lenient: parsed.flag("lenient"),
        countryColumn: parsed.value("country-column") ?? "country")
      rejectedRows = parsed.flag("lenient") ? rejected : nil
      guard let outcome = user[outcomeColumn] else {
        throw UsageError("the table has no column '\(outcomeColumn)' (columns: \(user.names.joined(separator: ", ")))", command: "model")
      }
      exposureText = parsed.value("exposure") ?? "none"
      var exposure: [Country: Double]? = nil
      if exposureText != "none" {
        guard let column = user[exposureText] else {
          throw UsageError("the table has no exposure column '\(exposureText)' (columns: \(user.names.joined(separator: ", ")))", command: "model")
        }
        exposure = column.values.compactMapValues(\.number)
      }
      for name in covariates where user[name] == nil && table[name] == nil {
        throw UsageError("no covariate named '\(name)' in the table or the bundled covariates", command: "model")
      }
      let countries = Set(user.variables.flatMap(\.values.keys)).sorted()
      data = try CountryModelData(
        countries: countries, outcome: outcome.values.compactMapValues(\.number), covariates: covariates,
        table: CountryTable(variables: table.variables + user.variables), exposure: exposure)
      exposureDescription = exposure == nil ? "none" : "column \(exposureText) of the table; offset ln(exposure)"
      outcomeText = family == .logit ? "column \(outcomeColumn) (0/1)" : "column \(outcomeColumn)"
      dataText = "user table \(path) (\(countries.count) countries)"
    } else {
      for option in ["outcome", "country-column"] where parsed.isGiven(option) {
        throw UsageError("--\(option) needs --table", command: "model")
      }
      exposureText = parsed.value("exposure") ?? (family == .logit ? "none" : "low")
      guard ["low", "high", "none"].contains(exposureText) else {
        throw UsageError("--exposure takes low, high or none without --table, not '\(exposureText)'", command: "model")
      }
      let exposure = ExposureBound(rawValue: exposureText)
      let creditors = CreditorTable.worldBank2024
      if let path = parsed.value("aggregates") {
        // An aggregate table as the outcome: its detention and return counts with origin China
        // (the covariates are debt to China), summed per host.
        guard let aggregate = try AggregateCommand.casesPerHost(path, parsed, command: "model", console: console)
        else { return 1 }
        data = try CountryModelData(
          countries: creditors.countries, cases: aggregate.cases, covariates: covariates, table: table,
          exposure: exposure)
        outcomeText =
          family == .logit
          ? "any aggregate detention or extradition count with origin CN (1) or none (0), per host country"
          : "aggregate detention and extradition counts with origin CN, summed per host country"
        dataText =
          "\(aggregate.description); 0 = none in the table; rows: the \(creditors.countries.count) countries of \(creditors.name), China left out"
      } else {
        let (dataset, isSample) = try IncidentInput.dataset(parsed, console: console)
        data = try CountryModelData(
          countries: creditors.countries, cases: CreditorAnalysis.cases(in: dataset, measure: caseMeasure),
          covariates: covariates, table: table, exposure: exposure)
        outcomeText =
          family == .logit
          ? "any \(caseMeasure.rawValue) documented (1) or none (0), per host country"
          : "\(caseMeasure.rawValue) per host country"
        dataText =
          isSample
          ? "bundled documented sample (not the Oxus/UHRP dataset); 0 = none documented; rows: the \(creditors.countries.count) countries of \(creditors.name), China left out"
          : "user incident file (\(dataset.count) records); 0 = none documented; rows: the \(creditors.countries.count) countries of \(creditors.name), China left out"
      }
      exposureDescription =
        exposure.map {
          "UHRP diaspora estimate (Nov 2023), \($0 == .low ? "lower" : "upper") bound; offset ln(exposure)"
        } ?? "none"
    }
    let fit = try data.fit(family: family, covariance: covariance)
    let result = fit.result

    switch parsed.value("format")! {
    case "json":
      let document = JSONDocument(
        family: family.rawValue, n: result.observationCount,
        coefficients: result.coefficients.map {
          .init(
            name: $0.name, estimate: $0.estimate, stdError: $0.standardError, z: $0.z,
            pValue: $0.pValue, ciLow: $0.confidenceLow, ciHigh: $0.confidenceHigh)
        },
        alpha: result.alpha.map { .init(estimate: $0.estimate, stdError: $0.standardError) },
        logLikelihood: result.logLikelihood, deviance: result.deviance, aic: result.aic,
        bic: result.bic,
        leftOut: fit.leftOut.map { .init(country: $0.country.alpha2, reason: $0.reason) },
        outcome: outcomeText, exposure: exposureText, covariance: result.covarianceType.rawValue,
        data: dataText,
        covariates: data.variables.map {
          .init(
            name: $0.name, label: $0.label, derivation: $0.derivation, source: $0.source,
            year: $0.year, caveat: $0.caveat)
        })
      var withRejected = document
      withRejected.rejectedRows = rejectedRows
      console.out(String(decoding: try snakeCaseJSON(withRejected), as: UTF8.self))
    case "markdown":
      console.out(
        markdown(
          fit, data: data, outcome: outcomeText, exposure: exposureDescription, dataText: dataText))
    default:
      console.out(
        text(fit, data: data, outcome: outcomeText, exposure: exposureDescription, dataText: dataText))
    }
    if let rejectedRows, parsed.value("format") != "json" {
      var lines = ["", "Rows of the table left out (--lenient): \(rejectedRows.count)"]
      for row in rejectedRows { lines.append("  line \(row.line): \(row.reason)") }
      console.out(lines.joined(separator: "\n") + "\n")
    }
    return 0
  }

  static func number(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value != 0 && (abs(value) < 1e-3 || abs(value) >= 1e6) { return String(format: "%.3e", value) }
    return String(format: "%.4f", value)
  }

  static func pValue(_ value: Double) -> String {
    if value == 0 { return "<1e-300" }  // below the smallest double: the z is enormous
    return value < 1e-4 ? String(format: "%.1e", value) : String(format: "%.4f", value)
  }

  static func familyName(_ family: CountModelFamily) -> String {
    switch family {
    case .poisson: "Poisson"
    case .negativeBinomial: "negative binomial (NB2)"
    case .logit: "logistic"
    }
  }

  static func rows(_ result: RegressionResult) -> [[String]] {
    let ratio = result.family != .logit ? "IRR" : "odds ratio"
    var rows = [["term", "estimate", "std. error", "z", "p", "95% CI", ratio]]
    for c in result.coefficients {
      rows.append([
        c.name, number(c.estimate), number(c.standardError), String(format: "%.3f", c.z), pValue(c.pValue),
        "[\(number(c.confidenceLow)), \(number(c.confidenceHigh))]",
        "\(number(c.ratio)) [\(number(c.ratioLow)), \(number(c.ratioHigh))]",
      ])
    }
    return rows
  }

  static func leftOutGroups(_ fit: CountryModelData.Fit) -> [(reason: String, countries: [String])] {
    var order: [String] = []
    var groups: [String: [String]] = [:]
    for row in fit.leftOut {
      if groups[row.reason] == nil { order.append(row.reason) }
      groups[row.reason, default: []].append(row.country.alpha2)
    }
    return order.map { ($0, groups[$0]!) }
  }

  static func text(
    _ fit: CountryModelData.Fit, data: CountryModelData, outcome: String, exposure: String,
    dataText: String
  ) -> String {
    let result = fit.result
    var lines: [String] = []
    lines.append("COUNT MODEL: \(familyName(result.family).uppercased())")
    lines.append("")
    lines.append("Outcome: \(outcome).")
    lines.append("Data: \(dataText).")
    lines.append("Exposure: \(exposure).")
    lines.append(
      "Standard errors: \(result.covarianceType == .modelBased ? "model-based" : result.covarianceType.rawValue + " sandwich").")
    lines.append("n = \(result.observationCount) countries used (\(fit.countries.map(\.alpha2).joined(separator: ", "))); \(fit.leftOut.count) left out (below).")
    lines.append("")
    lines += aligned(rows(result))
    lines.append("")
    if let alpha = result.alpha {
      lines.append("alpha (NB2 dispersion) = \(number(alpha.estimate)) (std. error \(number(alpha.standardError)))")
    }
    lines.append(
      "log-likelihood \(number(result.logLikelihood)); deviance \(number(result.deviance)); AIC \(number(result.aic)); BIC \(number(result.bic))")
    lines.append("")
    lines.append("Covariates:")
    for variable in data.variables {
      lines.append("  \(variable.name): \(variable.label) (\(variable.year)). \(variable.derivation) Source: \(variable.source).")
      if let caveat = variable.caveat { lines.append("    Caveat: \(caveat)") }
    }
    lines.append("")
    lines.append("Left out:")
    for group in leftOutGroups(fit) {
      lines.append("  \(group.reason) (\(group.countries.count)): \(group.countries.joined(separator: ", "))")
    }
    if fit.leftOut.isEmpty { lines.append("  none") }
    lines.append("")
    lines.append(
      "Caveats: a small, non-random sample of documented cases; zeros mean none documented; debt is end-2024 against cases from 1997 on; country-level (ecological) associations say nothing about individual cases.")
    return lines.joined(separator: "\n") + "\n"
  }

  static func markdown(
    _ fit: CountryModelData.Fit, data: CountryModelData, outcome: String, exposure: String,
    dataText: String
  ) -> String {
    let result = fit.result
    var lines: [String] = []
    lines.append("## Count model: \(familyName(result.family))")
    lines.append("")
    lines.append("- Outcome: \(outcome).")
    lines.append("- Data: \(dataText).")
    lines.append("- Exposure: \(exposure).")
    lines.append("- n = \(result.observationCount) countries used; \(fit.leftOut.count) left out.")
    lines.append("")
    lines += markdownTable(rows(result), codeFirstColumn: true)
    lines.append("")
    if let alpha = result.alpha {
      lines.append("alpha (NB2) = \(number(alpha.estimate)) (std. error \(number(alpha.standardError))). ")
    }
    lines.append(
      "Log-likelihood \(number(result.logLikelihood)); deviance \(number(result.deviance)); AIC \(number(result.aic)); BIC \(number(result.bic)).")
    lines.append("")
    lines.append("### Covariates")
    lines.append("")
    for variable in data.variables {
      lines.append("- `\(variable.name)`: \(variable.label) (\(variable.year)). \(variable.derivation) Source: \(variable.source).\(variable.caveat.map { " Caveat: \($0)" } ?? "")")
    }
    lines.append("")
    lines.append("### Left out")
    lines.append("")
    for group in leftOutGroups(fit) {
      lines.append("- \(group.reason) (\(group.countries.count)): \(group.countries.joined(separator: ", "))")
    }
    if fit.leftOut.isEmpty { lines.append("- none") }
    return lines.joined(separator: "\n") + "\n"
  }

  static func list(_ table: CountryTable, markdown: Bool) -> String {
    var lines: [String] = []
    if markdown {
      lines.append("| covariate | kind | year | what | source |")
      lines.append("| --- | --- | --- | --- | --- |")
    } else {
      lines.append("COVARIATES FOR tnr model --covariates (country-level; missing values leave a country out)")
      lines.append("")
    }
    for variable in table.variables where variable.isModelCovariate && variable.kind != .categorical {
      if markdown {
        lines.append("| `\(variable.name)` | \(variable.kind.rawValue) | \(variable.year) | \(variable.label). \(variable.derivation) | \(variable.source) |")
      } else {
        lines.append("\(variable.name) (\(variable.kind.rawValue), \(variable.year)): \(variable.label).")
        lines.append("  Derivation: \(variable.derivation)")
        lines.append("  Source: \(variable.source).")
        if let caveat = variable.caveat { lines.append("  Caveat: \(caveat)") }
      }
    }
    if !markdown {
      lines.append("")
      lines.append("Not model covariates (categorical or descriptive only): "
        + table.variables.filter { !$0.isModelCovariate || $0.kind == .categorical }.map(\.name).joined(separator: ", "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A table as Markdown lines: the first row the header, the first column left-aligned and the
  /// others right-aligned; with `codeFirstColumn` the body's first cells are set as code.
  static func markdownTable(_ table: [[String]], codeFirstColumn: Bool = false) -> [String] {
    var lines = ["| " + table[0].joined(separator: " | ") + " |"]
    lines.append("|" + table[0].enumerated().map { $0.offset == 0 ? " --- |" : " ---: |" }.joined())
    for row in table.dropFirst() {
      let cells = row.enumerated().map { $0.offset == 0 && codeFirstColumn ? "`\($0.element)`" : $0.element }
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines
  }

  /// A table's rows as text lines: the first column left-aligned, the others right-aligned, two
  /// spaces between columns (every row as long as the first).
  static func aligned(_ table: [[String]]) -> [String] {
    let widths = (0..<table[0].count).map { column in table.map { $0[column].count }.max()! }
    return table.map { row in
      row.enumerated().map { index, cell in
        index == 0
          ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
          : String(repeating: " ", count: widths[index] - cell.count) + cell
      }.joined(separator: "  ")
    }
  }
}
