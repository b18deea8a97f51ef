import Foundation
import Testing

@testable import TransnationalRepression

/// `Tests/Fixtures/panel/panel-reference.json`, written by `generate_panel_reference.py`: the
/// panel built from the raw CSVs in Python and statsmodels' `glm("cases ~ debt_pct_gdp +
/// C(country)", family=Poisson())`.
struct PanelReference: Decodable {
  struct Fit: Decodable {
    var lag: Int
    var treaty: Bool
    var n: Int
    var countries: [String]
    var rows: [[JSONScalar]]
    var names: [String]
    var estimates: [Double]
    var stdErrors: [Double]
    var logLikelihood: Double
    var deviance: Double
    var converged: Bool
    var leftOutNoCase: Int?

    enum CodingKeys: String, CodingKey {
      case lag, treaty, n, countries, rows, names, estimates, deviance, converged
      case stdErrors = "std_errors"
      case logLikelihood = "log_likelihood"
      case leftOutNoCase = "left_out_no_case"
    }
  }
  enum JSONScalar: Decodable {
    case text(String)
    case number(Double)
    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let text = try? container.decode(String.self) { self = .text(text) } else {
        self = .number(try container.decode(Double.self))
      }
    }
    var text: String? { if case .text(let t) = self { t } else { nil } }
    var number: Double? { if case .number(let n) = self { n } else { nil } }
  }
  var firstYear: Int
  var lastYear: Int
  var hrtCountries: Int
  var casesWithoutDebtStock: [String]
  var fits: [Fit]

  enum CodingKeys: String, CodingKey {
    case fits
    case firstYear = "first_year"
    case lastYear = "last_year"
    case hrtCountries = "hrt_countries"
    case casesWithoutDebtStock = "cases_without_debt_stock"
  }
}

@Suite("Country-year panel with country fixed effects against statsmodels")
struct CountryYearPanelTests {
  @Test("Rows, left-out countries and the fixed-effects Poisson fit match statsmodels' C(country) GLM")
  func matchesStatsmodels() throws {
    let reference = try Fixtures.json(PanelReference.self, "panel/panel-reference.json")
    #expect(reference.fits.count == 4)
    for expected in reference.fits {
      let label = "lag \(expected.lag) treaty \(expected.treaty)"
      let panel = try CountryYearPanel(
        dataset: .documentedSample, lag: expected.lag, includeTreaty: expected.treaty)
      #expect(panel.countries.map(\.alpha2) == expected.countries, "\(label)")
      #expect(panel.rows.count == expected.n, "\(label)")
      for (row, want) in zip(panel.rows, expected.rows) {
        #expect(row.country.alpha2 == want[0].text)
        #expect(Double(row.year) == want[1].number)
        #expect(row.cases == want[2].number)
        #expect(row.debtPercentGDP == want[3].number)
      }
      let noDebt = panel.leftOut.filter { $0.reason.contains("no Horn–Reinhart–Trebesch") }
      #expect(noDebt.map(\.country.alpha2) == reference.casesWithoutDebtStock, "\(label)")
      if let noCase = expected.leftOutNoCase {
        #expect(panel.leftOut.filter { $0.reason.contains("fixed effect would be −∞") }.count == noCase, "\(label)")
      }
      let fit = try panel.fit()
      #expect(Set(fit.coefficients.map(\.name)) == Set(expected.names), "\(label)")
      for (index, name) in expected.names.enumerated() {
        let c = try #require(fit.coefficient(named: name))
        #expect(isApproximatelyEqual(c.estimate, expected.estimates[index], relative: 1e-8), "\(label) \(name)")
        #expect(isApproximatelyEqual(c.standardError, expected.stdErrors[index], relative: 1e-6), "\(label) \(name) SE")
      }
      #expect(isApproximatelyEqual(fit.logLikelihood, expected.logLikelihood, relative: 1e-8), "\(label) llf")
      #expect(isApproximatelyEqual(fit.deviance, expected.deviance, relative: 1e-8), "\(label) deviance")
    }
  }

  @Test("Treaty in force by year: a year, a signed-only status, and unknown")
  func treatyByYear() {
    #expect(CountryYearPanel.treatyInForce((2008, "in_force"), by: 2007) == 0)
    #expect(CountryYearPanel.treatyInForce((2008, "in_force"), by: 2008) == 1)
    #expect(CountryYearPanel.treatyInForce((nil, "signed_not_in_force"), by: 2010) == 0)
    #expect(CountryYearPanel.treatyInForce((nil, "in_force"), by: 2010) == nil)
    #expect(CountryYearPanel.treatyInForce(nil, by: 2010) == nil)
  }

  @Test("A negative lag is refused; a panel with no case anywhere cannot be fitted")
  func refusals() throws {
    #expect(throws: ModelError.self) { try CountryYearPanel(dataset: .documentedSample, lag: -1) }
    let intimidation = IncidentDataset.documentedSample.filter { $0.category == .intimidation }
    let panel = try CountryYearPanel(dataset: intimidation, lag: 1)
    #expect(panel.rows.isEmpty)
    #expect(!panel.leftOut.isEmpty)
    #expect(throws: ModelError.self) { try panel.fit() }
  }

  @Test("tnr model --panel prints the library's fit; --lag needs --panel; other families and covariates are usage errors")
  func commandLine() throws {
    let result = runTNR(["model", "--panel", "--lag", "2", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let object = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let fit = try CountryYearPanel(dataset: .documentedSample, lag: 2).fit()
    #expect(object["n"] as? Int == fit.observationCount)
    #expect(object["lag"] as? Int == 2)
    let coefficients = try #require(object["coefficients"] as? [[String: Any]])
    #expect(coefficients.map { $0["name"] as? String } == fit.coefficients.map(\.name))
    for (c, expected) in zip(coefficients, fit.coefficients) {
      #expect(isApproximatelyEqual(c["estimate"] as! Double, expected.estimate, relative: 1e-15))
    }
    let text = runTNR(["model", "--panel"])
    #expect(text.status == 0)
    #expect(text.out.contains("of year t − 1"))
    #expect(text.out.contains("fixed effect −∞"))
    #expect(runTNR(["model", "--covariates", "china_share_total", "--lag", "2"]).status == 2)
    #expect(runTNR(["model", "--panel", "--family", "logit"]).status == 2)
    #expect(runTNR(["model", "--panel", "--covariates", "sco_member"]).status == 2)
    #expect(runTNR(["model", "--panel", "--lag", "11"]).status == 2)
  }
}
