/// The report's "debt with controls" models: Poisson and negative binomial (NB2) regressions of
/// cases per host country on a creditor measure (China's debt share by default), with the log of
/// the Uyghur diaspora as exposure offset and the bundled covariates the data can support, and
/// the likelihood-ratio test of debt (the model with debt against the same model without it).
///
/// **Which controls.** The candidates are tried in a fixed order, chosen before looking at any
/// estimate: ``Options/candidateControls`` (SCO membership, the 2019/2020 supportive UN
/// statements, a listed extradition treaty, Belt and Road membership). A candidate enters when
/// 1. it is known for every row the debt model uses (a control never costs rows, so every model
///    and the likelihood-ratio test use the same countries);
/// 2. each of its values (0 and 1) occurs in at least ``Options/minimumPerLevel`` of those rows;
/// 3. its values differ from every control already in; and
/// 4. the rows still number at least ``Options/rowsPerCovariate`` per covariate, debt included
///    (with 11 rows: debt and one control).
///
/// Every candidate's decision is kept with its reason (``controlChoices``).
///
/// **When nothing is fitted.** With fewer than 2 × ``Options/rowsPerCovariate`` rows, or fewer
/// than ``Options/minimumCountriesWithCases`` of them with a documented case, the sample is too
/// thin and no model is fitted; a fit that fails (a ``ModelError``: too few rows, collinear
/// columns, no convergence — for example α running off to infinity) is kept as its reason, never
/// as numbers.
///
/// ```swift
/// let models = DebtWithControls(
///   countries: CreditorTable.worldBank2024.countries,
///   cases: CreditorAnalysis.cases(in: IncidentDataset.documentedSample),
///   debt: "china_share_total", table: .bundledWithCreditors)
/// models.controls                         // ["sco_member"]
/// if case .fitted(let nb) = models.negativeBinomial {
///   print(nb.full.result.coefficient(named: "china_share_total")!.ratio,
///         nb.likelihoodRatio.pValue)
/// }
/// ```
public struct DebtWithControls: Sendable, Hashable {
  /// How the controls are chosen and when the sample is too thin.
  ///
  /// ```swift
  /// var options = DebtWithControls.Options()
  /// options.exposure = .high
  /// ```
  public struct Options: Sendable, Hashable {
    /// Which end of UHRP's diaspora range is the exposure (``ExposureBound/low`` by default,
    /// as `tnr model`).
    public var exposure: ExposureBound = .low
    /// The candidate controls, in the order they are tried (names of the country table).
    public var candidateControls: [String] = [
      "sco_member", "un_2019_2020_supportive", "extradition_treaty_signed", "bri_member",
    ]
    /// The rows needed per covariate, debt included (5).
    public var rowsPerCovariate: Int = 5
    /// The rows needed at each value of a 0/1 control (3).
    public var minimumPerLevel: Int = 3
    /// The rows with a documented case needed to fit at all (3).
    public var minimumCountriesWithCases: Int = 3

    /// Creates the default options.
    ///
    /// ```swift
    /// let options = DebtWithControls.Options()
    /// ```
    public init() {}
  }

  /// Whether a candidate control entered the models, and why.
  ///
  /// ```swift
  /// for choice in models.controlChoices { print(choice.name, choice.included, choice.reason) }
  /// ```
  public struct ControlChoice: Sendable, Hashable, Codable {
    /// The covariate name.
    public let name: String
    /// Whether it entered.
    public let included: Bool
    /// Why (or why not), in words.
    public let reason: String
  }

  /// One family's fits: the model with debt, the model without it on the same rows, and their
  /// likelihood-ratio test.
  public struct FamilyFit: Sendable, Hashable {
    /// The model with debt and the controls, with the countries used and left out.
    public let full: CountryModelData.Fit
    /// The same model without debt, on the same rows.
    public let withoutDebt: RegressionResult
    /// The likelihood-ratio test of debt (1 degree of freedom).
    public let likelihoodRatio: LikelihoodRatioTestResult
  }

  /// A family's fits, or why there are none.
  public enum Outcome: Sendable, Hashable {
    /// The models were fitted.
    case fitted(FamilyFit)
    /// No numbers: the sample is too thin or a fit failed; the reason in words.
    case notFitted(String)

    /// The fits, when there are any.
    public var fit: FamilyFit? {
      if case .fitted(let fit) = self { return fit }
      return nil
    }
  }

  /// The creditor measure (a variable name of the table).
  public let debt: String
  /// The options used.
  public let options: Options
  /// The controls that entered, in order.
  public let controls: [String]
  /// Every candidate's decision.
  public let controlChoices: [ControlChoice]
  /// The rows: outcome, exposure, debt and the chosen controls (`nil` when the debt variable is
  /// unknown to the table).
  public let data: CountryModelData?
  /// The Poisson fits.
  public let poisson: Outcome
  /// The negative binomial (NB2) fits.
  public let negativeBinomial: Outcome

  /// Chooses the controls and fits both families.
  ///
  /// - Parameters:
  ///   - countries: The candidate rows (for example ``CreditorTable/countries``); China is left
  ///     out as the origin state.
  ///   - cases: Cases per country (0 where none is documented).
  ///   - debt: The creditor measure's variable name in `table`.
  ///   - table: The covariates, with the creditor measures.
  ///   - options: Exposure end, candidates and thresholds.
  /// - Complexity: Four model fits plus O(*n*·*k*) for the selection.
  public init(
    countries: [Country], cases: [Country: Double], debt: String,
    table: CountryTable = .bundledWithCreditors, options: Options = Options()
  ) {
    self.debt = debt
    self.options = options
    func failed(_ reason: String, choices: [ControlChoice] = [], data: CountryModelData? = nil)
      -> (Outcome, Outcome, [ControlChoice], CountryModelData?)
    {
      (.notFitted(reason), .notFitted(reason), choices, data)
    }
    let outcome: (Outcome, Outcome, [ControlChoice], CountryModelData?)
    outcome = {
      let base: CountryModelData
      do throws(ModelError) {
        base = try CountryModelData(
          countries: countries, cases: cases, covariates: [debt], table: table,
          exposure: options.exposure)
      } catch {
        return failed("The debt measure cannot enter a model: \(error.description).")
      }
      let exposure = base.exposure ?? []
      let rows = base.countries.indices.filter {
        !base.outcome[$0].isNaN && !base.covariateValues[0][$0].isNaN && !exposure[$0].isNaN
      }
      let withCases = rows.filter { base.outcome[$0] > 0 }.count
      let needed = 2 * options.rowsPerCovariate
      guard rows.count >= needed, withCases >= options.minimumCountriesWithCases else {
        return failed(
          "The sample is too thin to fit a model: \(rows.count) countries have the debt measure "
            + "and a diaspora estimate, \(withCases) of them with a documented case; at least "
            + "\(needed) countries and \(options.minimumCountriesWithCases) with cases are needed.",
          data: base)
      }
      var chosen: [String] = []
      var chosenValues: [[Double]] = []
      var choices: [ControlChoice] = []
      for name in options.candidateControls {
        guard let variable = table[name], variable.isModelCovariate, variable.kind != .categorical
        else {
          choices.append(ControlChoice(name: name, included: false, reason: "not a model covariate of the table"))
          continue
        }
        let values = rows.map { variable.number(for: base.countries[$0]) ?? .nan }
        let missing = rows.indices.filter { values[$0].isNaN }.map { base.countries[rows[$0]].alpha2 }
        if !missing.isEmpty {
          choices.append(
            ControlChoice(
              name: name, included: false,
              reason: "unknown for \(missing.joined(separator: ", ")); it would cost rows"))
          continue
        }
        let ones = values.filter { $0 == 1 }.count
        let zeros = values.filter { $0 == 0 }.count
        if variable.kind == .indicator && min(ones, zeros) < options.minimumPerLevel {
          choices.append(
            ControlChoice(
              name: name, included: false,
              reason: "too little variation: \(ones) of \(rows.count) countries have 1 "
                + "(at least \(options.minimumPerLevel) of each value are needed)"))
          continue
        }
        if let twin = chosenValues.firstIndex(of: values) {
          choices.append(
            ControlChoice(
              name: name, included: false,
              reason: "the same values as \(chosen[twin]) in these countries"))
          continue
        }
        let covariates = chosen.count + 2  // debt, the chosen controls, this one
        guard rows.count >= covariates * options.rowsPerCovariate else {
          choices.append(
            ControlChoice(
              name: name, included: false,
              reason: "too few countries: \(rows.count) support at most "
                + "\(rows.count / options.rowsPerCovariate) covariates "
                + "(\(options.rowsPerCovariate) per covariate, debt included)"))
          continue
        }
        chosen.append(name)
        chosenValues.append(values)
        choices.append(
          ControlChoice(
            name: name, included: true,
            reason: "known for all \(rows.count) countries; \(ones) have 1, \(zeros) have 0"))
      }
      let data: CountryModelData
      do throws(ModelError) {
        data = try CountryModelData(
          countries: countries, cases: cases, covariates: [debt] + chosen, table: table,
          exposure: options.exposure)
      } catch {
        return failed("The model's data cannot be built: \(error.description).", choices: choices)
      }
      return (
        Self.fit(data, family: .poisson, debt: debt),
        Self.fit(data, family: .negativeBinomial, debt: debt), choices, data
      )
    }()
    (poisson, negativeBinomial, controlChoices, data) = outcome
    controls = controlChoices.filter(\.included).map(\.name)
  }

  /// The family's outcome (``poisson`` or ``negativeBinomial``).
  ///
  /// - Parameter family: ``CountModelFamily/poisson`` or ``CountModelFamily/negativeBinomial``.
  /// - Returns: The outcome; logit is not fitted here and gives a ``Outcome/notFitted(_:)``.
  public func outcome(_ family: CountModelFamily) -> Outcome {
    switch family {
    case .poisson: poisson
    case .negativeBinomial: negativeBinomial
    case .logit: .notFitted("The report fits no logistic model.")
    }
  }

  static func fit(_ data: CountryModelData, family: CountModelFamily, debt: String) -> Outcome {
    do throws(ModelError) {
      let full = try data.fit(family: family)
      let cases = try DesignMatrix.completeCases(
        columns: zip(data.covariateNames, data.covariateValues).map { (name: $0.0, values: $0.1) },
        outcome: data.outcome, exposure: data.exposure,
        rowLabels: data.countries.map(\.alpha2))
      let restricted = try CountRegression.fit(
        try cases.design.removingColumns([debt]), outcome: cases.outcome, family: family)
      let test = try LikelihoodRatioTest.compare(restricted: restricted, full: full.result)
      return .fitted(FamilyFit(full: full, withoutDebt: restricted, likelihoodRatio: test))
    } catch {
      let name = family == .poisson ? "Poisson" : "negative binomial"
      return .notFitted("The \(name) model cannot be fitted to these data: \(error.description).")
    }
  }
}
