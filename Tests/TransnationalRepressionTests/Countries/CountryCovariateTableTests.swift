import Foundation
import Testing

@testable import TNRCommandLine
@testable import TransnationalRepression

/// The reference written by `Tests/Fixtures/countries/generate_country_reference.py`, which reads
/// the raw CSVs with Python's csv module and fits with statsmodels.
struct CountryReference: Decodable {
  struct Variable: Decodable {
    var values: [String: Double?]
    var notListed: Double?
    var ones: Int
    var zerosListed: Int
    var missingListed: Int

    enum CodingKeys: String, CodingKey {
      case values, ones
      case notListed = "not_listed"
      case zerosListed = "zeros_listed"
      case missingListed = "missing_listed"
    }
  }
  struct Fit: Decodable {
    var covariates: [String]
    var exposure: String
    var family: String
    var countries: [String]
    var n: Int
    var converged: Bool
    var names: [String]?
    var estimates: [Double]?
    var stdErrors: [Double]?
    var logLikelihood: Double?
    var deviance: Double?
    var aic: Double?
    var bic: Double?
    var alpha: Double?
    var alphaStdError: Double?

    enum CodingKeys: String, CodingKey {
      case covariates, exposure, family, countries, n, converged, names, estimates, deviance, aic,
        bic, alpha
      case stdErrors = "std_errors"
      case logLikelihood = "log_likelihood"
      case alphaStdError = "alpha_std_error"
    }
  }
  var variables: [String: Variable]
  var cases: [String: Double]
  var fits: [Fit]

  static func load() throws -> CountryReference {
    try Fixtures.json(CountryReference.self, "countries/country-reference.json")
  }
}

@Suite("Country tables: bundled covariates, derivations, joins and models against statsmodels")
struct CountryCovariateTests {
  @Test("every derived indicator agrees with the independent Python derivation, country by country")
  func derivationsMatchPython() throws {
    let reference = try CountryReference.load()
    let table = CountryTable.bundled
    #expect(reference.variables.count == 8)
    for (name, expected) in reference.variables {
      let variable = try #require(table[name], "missing variable \(name)")
      #expect(variable.valueWhenNotListed?.number == expected.notListed, "\(name): not listed")
      #expect(expected.values.count == 189)
      for (code, value) in expected.values {
        let country = try #require(Country(code))
        #expect(variable.number(for: country) == value, "\(name) for \(code)")
      }
    }
  }

  @Test("counts by hand from the README's verified tables")
  func handCounts() throws {
    let table = CountryTable.bundled
    func count(_ name: String, _ value: Double) -> Int {
      table[name]!.values.values.filter { $0 == .number(value) }.count
    }
    // sco-membership.csv: 10 members, 2 observers, 15 dialogue partners.
    #expect(count("sco_member", 1) == 10)
    #expect(count("sco_any_status", 1) == 27)
    #expect(table["sco_status"]!.values.values.filter { $0 == .category("observer") }.count == 2)
    // A/HRC/51/L.6: yes 17, no 19, abstain 11; non-members missing.
    #expect(count("voted_no_l6", 1) == 19)
    #expect(count("voted_no_l6", 0) == 28)
    #expect(table.number("voted_no_l6", for: Country("PK")!) == 1)
    #expect(table.number("voted_no_l6", for: Country("NO")!) == nil)
    // Treaties: 56 rows; 27 in force, 8 + 7 not in force, 14 without status (missing).
    #expect(count("extradition_treaty_signed", 1) == 56)
    #expect(count("extradition_treaty_in_force", 1) == 27)
    #expect(count("extradition_treaty_in_force", 0) == 15)
    #expect(table.number("extradition_treaty_in_force", for: Country("IT")!) == nil)  // empty status
    #expect(table.number("extradition_treaty_in_force", for: Country("DE")!) == nil)  // not listed
    #expect(table.number("extradition_treaty_signed", for: Country("DE")!) == 0)
    // BRI: 151 rows, Italy and Panama exited.
    #expect(table["bri_member"]!.values.count == 151)
    #expect(count("bri_member", 0) == 2)
    #expect(table.number("bri_member", for: Country("IT")!) == 0)
    #expect(table.number("bri_member", for: Country("PA")!) == 0)
    #expect(table.number("bri_year", for: Country("RU")!) == nil)
    // Statements: 50 + 45 supportive rows, with overlaps; Pakistan signed both.
    #expect(table.number("un_2019_2020_supportive", for: Country("PK")!) == 1)
    #expect(table.number("un_2019_2020_supportive", for: Country("DE")!) == 0)
    #expect(table.number("un_critical_any", for: Country("DE")!) == 1)
    // Police stations: descriptive, 25 countries with a count summing to 49.
    let stations = table["police_stations_2022_09"]!
    #expect(!stations.isModelCovariate)
    #expect(stations.values.count == 25)
    #expect(stations.values.values.compactMap(\.number).reduce(0, +) == 49)
    #expect(stations.number(for: Country("JP")!) == nil)
  }

  @Test("every variable carries a source and a year; creditor measures join as variables")
  func sourcesAndCreditors() throws {
    let table = CountryTable.bundledWithCreditors
    for variable in table.variables {
      #expect(!variable.source.isEmpty && !variable.year.isEmpty && !variable.derivation.isEmpty, "\(variable.name)")
    }
    let share = try #require(table["china_share_total"])
    #expect(share.number(for: Country("PK")!) == CreditorTable.worldBank2024.value(.chinaShareTotal, for: Country("PK")!))
    #expect(share.number(for: Country("DE")!) == nil)  // not a World Bank IDS debtor
    #expect(share.year == "2024")
  }

  @Test("cases per host agree with the Python count of the raw sample")
  func cases() throws {
    let reference = try CountryReference.load()
    let cases = CreditorAnalysis.cases(in: IncidentDataset.documentedSample)
    #expect(cases.count == reference.cases.count)
    for (code, value) in reference.cases {
      #expect(cases[Country(code)!] == value, "\(code)")
    }
  }

  @Test("the model rows: China left out, exposure gaps named, missing covariates named")
  func rows() throws {
    let cases = CreditorAnalysis.cases(in: IncidentDataset.documentedSample)
    let data = try CountryModelData(
      countries: CreditorTable.worldBank2024.countries, cases: cases,
      covariates: ["china_share_total", "extradition_treaty_in_force"], exposure: nil)
    #expect(!data.countries.contains(Country("CN")!))
    #expect(data.countries.count == CreditorTable.worldBank2024.countries.count - 1)
    let fit = try data.fit(family: .poisson)
    let reasons = Dictionary(uniqueKeysWithValues: fit.leftOut.map { ($0.country.alpha2, $0.reason) })
    #expect(reasons["AO"] == "missing extradition_treaty_in_force")  // listed, no status
    #expect(reasons["ZM"] == "missing extradition_treaty_in_force")  // not listed
    #expect(reasons["PK"] == nil)
    #expect(fit.countries.contains(Country("PK")!))
    #expect(fit.countries.count + fit.leftOut.count == data.countries.count)
    // Too thin: every documented case among council voters is in a country that voted no, so
    // voted_no_l6 has no finite estimate and the fit refuses rather than print numbers.
    let thin = try CountryModelData(
      countries: CreditorTable.worldBank2024.countries, cases: cases,
      covariates: ["china_share_total", "voted_no_l6"], exposure: nil)
    #expect(throws: ModelError.self) { try thin.fit(family: .poisson) }
    let exposed = try CountryModelData(
      countries: CreditorTable.worldBank2024.countries, cases: cases,
      covariates: ["china_share_total"], exposure: .low
    ).fit(family: .poisson)
    let gaps = Dictionary(uniqueKeysWithValues: exposed.leftOut.map { ($0.country.alpha2, $0.reason) })
    #expect(gaps["MN"] == "no exposure (UHRP's 'fewer than 1,000' has no lower bound)")
    #expect(gaps["AO"] == "no exposure (no UHRP diaspora estimate)")
    #expect(throws: ModelError.self) {
      try CountryModelData(
        countries: [Country("KZ")!], cases: [:], covariates: ["sco_status"], exposure: nil)
    }
    #expect(throws: ModelError.self) {
      try CountryModelData(
        countries: [Country("KZ")!], cases: [:], covariates: ["police_stations_2022_09"], exposure: nil)
    }
  }

  @Test("Poisson and NB2 fits on the bundled data match statsmodels (1e-8 estimates and llf, 1e-6 SEs)")
  func fitsMatchStatsmodels() throws {
    let reference = try CountryReference.load()
    let cases = CreditorAnalysis.cases(in: IncidentDataset.documentedSample)
    #expect(reference.fits.count == 5)
    for expected in reference.fits {
      let data = try CountryModelData(
        countries: CreditorTable.worldBank2024.countries, cases: cases,
        covariates: expected.covariates, exposure: ExposureBound(rawValue: expected.exposure)!)
      let family = CountModelFamily(rawValue: expected.family)!
      guard expected.converged else {
        #expect(throws: ModelError.self) { try data.fit(family: family) }
        continue
      }
      let fit = try data.fit(family: family)
      let label = "\(expected.family) \(expected.exposure) \(expected.covariates)"
      #expect(fit.countries.map(\.alpha2) == expected.countries, "\(label)")
      #expect(fit.result.observationCount == expected.n)
      #expect(fit.result.coefficients.map(\.name) == expected.names!)
      for (index, coefficient) in fit.result.coefficients.enumerated() {
        #expect(isApproximatelyEqual(coefficient.estimate, expected.estimates![index], relative: 1e-8), "\(label) \(coefficient.name)")
        #expect(isApproximatelyEqual(coefficient.standardError, expected.stdErrors![index], relative: 1e-6), "\(label) \(coefficient.name) SE")
      }
      #expect(isApproximatelyEqual(fit.result.logLikelihood, expected.logLikelihood!, relative: 1e-8), "\(label) llf")
      if let deviance = expected.deviance {
        #expect(isApproximatelyEqual(fit.result.deviance, deviance, relative: 1e-8), "\(label) deviance")
        #expect(isApproximatelyEqual(fit.result.aic, expected.aic!, relative: 1e-8), "\(label) aic")
        #expect(isApproximatelyEqual(fit.result.bic, expected.bic!, relative: 1e-8), "\(label) bic")
      }
      if let alpha = expected.alpha {
        let fitted = try #require(fit.result.alpha)
        #expect(isApproximatelyEqual(fitted.estimate, alpha, relative: 1e-6), "\(label) alpha")
        #expect(isApproximatelyEqual(fitted.standardError, expected.alphaStdError!, relative: 1e-6), "\(label) alpha SE")
      }
    }
  }
}

@Suite("tnr model")
struct ModelCommandTests {
  @Test("the default Poisson run prints the statsmodels coefficients in JSON, exit 0")
  func json() throws {
    let reference = try CountryReference.load()
    let expected = reference.fits[0]
    let result = runTNR(["model", "--covariates", "china_share_total", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(object["family"] as? String == "poisson")
    #expect(object["n"] as? Int == expected.n)
    let coefficients = try #require(object["coefficients"] as? [[String: Any]])
    for (index, coefficient) in coefficients.enumerated() {
      #expect(coefficient["name"] as? String == expected.names![index])
      #expect(isApproximatelyEqual(coefficient["estimate"] as! Double, expected.estimates![index], relative: 1e-8))
      #expect(isApproximatelyEqual(coefficient["std_error"] as! Double, expected.stdErrors![index], relative: 1e-6))
    }
    #expect(object["alpha"] == nil)
    let leftOut = try #require(object["left_out"] as? [[String: Any]])
    #expect(leftOut.count == CreditorTable.worldBank2024.countries.count - 1 - expected.n)
  }

  @Test("text, markdown and --list name the covariates and their sources")
  func textAndList() {
    let text = runTNR(["model", "--covariates", "china_share_total,sco_member"])
    #expect(text.status == 0, "\(text.err)")
    #expect(text.out.contains("COUNT MODEL: POISSON"))
    #expect(text.out.contains("sco_member"))
    #expect(text.out.contains("TASS"))
    #expect(text.out.contains("no exposure (no UHRP diaspora estimate)"))
    let markdown = runTNR(["model", "--covariates", "china_share_total", "--format", "markdown", "--family", "negative-binomial"])
    #expect(markdown.status == 0, "\(markdown.err)")
    #expect(markdown.out.contains("| `china_share_total` |"))
    #expect(markdown.out.contains("alpha (NB2)"))
    let list = runTNR(["model", "--list"])
    #expect(list.status == 0)
    for name in ["un_2019_2020_supportive", "voted_no_l6", "sco_member", "extradition_treaty_in_force", "bri_member", "china_share_total"] {
      #expect(list.out.contains(name + " ("), "\(name)")
    }
    #expect(list.out.contains("Not model covariates"))
  }

  @Test("usage errors exit 2; data that cannot be fitted exit 1 with the model error")
  func failures() {
    #expect(runTNR(["model"]).status == 2)
    #expect(runTNR(["model", "--covariates", "no_such"]).status == 2)
    #expect(runTNR(["model", "--covariates", "police_stations_2022_09"]).status == 2)
    #expect(runTNR(["model", "--covariates", "sco_status"]).status == 2)
    #expect(runTNR(["model", "--covariates", "x", "--family", "ols"]).status == 2)
    #expect(runTNR(["model", "--list", "--covariates", "sco_member"]).status == 2)
    #expect(runTNR(["model", "--covariates", "china_share_total", "--family", "logit", "--exposure", "low"]).status == 2)
    let logit = runTNR(["model", "--covariates", "china_share_total", "--family", "logit", "--format", "json"])
    #expect(logit.status == 0, "\(logit.err)")
    #expect(logit.out.contains(#""exposure" : "none""#))
    // Too thin: the covariates leave fewer rows than parameters, or a constant column.
    let thin = runTNR(["model", "--covariates", "china_share_total,voted_no_l6,sco_member,un_2019_2020_supportive,extradition_treaty_in_force"])
    #expect(thin.status == 1)
    #expect(thin.out.isEmpty)
    #expect(!thin.err.isEmpty)
  }
}

@Suite("A user's per-country table (CountryTable from CSV, tnr model --table)")
struct UserCountryTableTests {
  @Test("codes or names, empty cells missing, 0/1 columns are indicators")
  func reads() throws {
    let table = try CountryTable(
      csvText: "country,x,flag\nKZ,1.5,1\nThailand,,0\nKGZ,2,\n", name: "mine.csv")
    #expect(table.names == ["x", "flag"])
    #expect(table.number("x", for: Country("KZ")!) == 1.5)
    #expect(table.number("x", for: Country("TH")!) == nil)
    #expect(table.number("x", for: Country("KG")!) == 2)
    #expect(table.number("flag", for: Country("KG")!) == nil)
    #expect(table["flag"]!.kind == .indicator)
    #expect(table["x"]!.kind == .numeric)
    #expect(table["x"]!.source == "User table mine.csv")
  }

  @Test("an ambiguous or unknown country, a country twice, a bad number: ImportError with the line")
  func rejects() {
    let bad = [
      ("country,x\nCongo,1\n", 2), ("country,x\nAtlantis,1\n", 2), ("country,x\nKZ,1\nKAZ,2\n", 3),
      ("country,x\nKZ,1\nKG,1,5\n", 3), ("country,x\nKZ,one\n", 2), ("place,x\nKZ,1\n", 1),
    ]
    for (text, line) in bad {
      do {
        _ = try CountryTable(csvText: text, name: "t")
        Issue.record("accepted \(text)")
      } catch {
        #expect(error.line == line, "\(text): \(error)")
      }
    }
  }

  @Test("tnr model --table with the bundled data's own columns reproduces the statsmodels fit")
  func tableMatchesReference() throws {
    let reference = try CountryReference.load()
    let expected = reference.fits[0]  // Poisson, china_share_total, lower exposure bound
    let share = CreditorTable.worldBank2024
    var lines = ["country,returned,diaspora,share"]
    for code in expected.countries {
      let country = Country(code)!
      lines.append(
        "\(code),\(Int(reference.cases[code] ?? 0)),\(Int(ExposureBound.low.value(of: UyghurDiasporaEstimate.populations[country]!)!)),\(share.value(.chinaShareTotal, for: country)!)")
    }
    lines.append("MN,0,,0.2")  // no exposure: left out
    lines.append("DE,,1000,0.1")  // no outcome: left out
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-countries-\(UUID()).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
    let result = runTNR([
      "model", "--table", file.path, "--outcome", "returned", "--exposure", "diaspora", "--covariates", "share",
      "--format", "json",
    ])
    #expect(result.status == 0, "\(result.err)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(object["n"] as? Int == expected.n)
    let coefficients = try #require(object["coefficients"] as? [[String: Any]])
    for (index, coefficient) in coefficients.enumerated() {
      #expect(isApproximatelyEqual(coefficient["estimate"] as! Double, expected.estimates![index], relative: 1e-8))
      #expect(isApproximatelyEqual(coefficient["std_error"] as! Double, expected.stdErrors![index], relative: 1e-6))
    }
    #expect(isApproximatelyEqual(object["log_likelihood"] as! Double, expected.logLikelihood!, relative: 1e-8))
    let leftOut = try #require(object["left_out"] as? [[String: String]])
    #expect(leftOut == [["country": "DE", "reason": "missing outcome"], ["country": "MN", "reason": "no exposure"]])
    // A bundled covariate joins the table's countries.
    let joined = runTNR([
      "model", "--table", file.path, "--outcome", "returned", "--exposure", "diaspora", "--covariates", "share,sco_member",
    ])
    #expect(joined.status == 0, "\(joined.err)")
    #expect(joined.out.contains("sco_member"))
  }

  @Test("--table usage: --outcome needed and only with --table; columns must exist; a bad row exits 1")
  func usage() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-countries-\(UUID()).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data("country,y,x\nKZ,1,2\nKG,2,3\nUZ,0,1\n".utf8).write(to: file)
    #expect(runTNR(["model", "--table", file.path, "--covariates", "x"]).status == 2)
    #expect(runTNR(["model", "--outcome", "y", "--covariates", "china_share_total"]).status == 2)
    #expect(runTNR(["model", "--table", file.path, "--outcome", "z", "--covariates", "x"]).status == 2)
    #expect(runTNR(["model", "--table", file.path, "--outcome", "y", "--exposure", "w", "--covariates", "x"]).status == 2)
    #expect(runTNR(["model", "--table", file.path, "--outcome", "y", "--covariates", "nope"]).status == 2)
    #expect(runTNR(["model", "--exposure", "x", "--covariates", "china_share_total"]).status == 2)
    try Data("country,y,x\nKZ,1,2\nCongo,2,3\n".utf8).write(to: file)
    let bad = runTNR(["model", "--table", file.path, "--outcome", "y", "--covariates", "x"])
    #expect(bad.status == 1)
    #expect(bad.err.contains("line 3"))
  }
}
