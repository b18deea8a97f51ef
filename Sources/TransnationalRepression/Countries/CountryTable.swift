import Foundation

/// Per-country variables keyed by ISO 3166-1 code, each carrying its source, year and
/// derivation: the bundled covariates (UN positions on Xinjiang, SCO status, extradition
/// treaties, Belt and Road, overseas police stations), the creditor measures, or a user's own.
///
/// ```swift
/// let table = CountryTable.bundled
/// table["un_2019_2020_supportive"]!.number(for: Country("PK")!)   // 1
/// table.number("sco_member", for: Country("DE")!)                  // 0
/// table.number("extradition_treaty_in_force", for: Country("DE")!) // nil: not listed
/// ```
///
/// Missing is explicit: ``number(_:for:)`` returns `nil` for a country whose value is unknown, and
/// each variable says (``CountryVariable/valueWhenNotListed``) what a country without a row in its
/// source gets. See ``bundled`` for every derivation.
public struct CountryTable: Hashable, Sendable {
  /// The variables, in order.
  public let variables: [CountryVariable]

  /// Creates a table from variables (names must be unique; a later one replaces an earlier one).
  ///
  /// ```swift
  /// let table = CountryTable(variables: CountryTable.bundled.variables + CountryTable.creditorVariables(.worldBank2024))
  /// ```
  ///
  /// - Parameter variables: The variables.
  public init(variables: [CountryVariable]) {
    var seen: [String: Int] = [:]
    var result: [CountryVariable] = []
    for variable in variables {
      if let index = seen[variable.name] {
        result[index] = variable
      } else {
        seen[variable.name] = result.count
        result.append(variable)
      }
    }
    self.variables = result
  }

  /// The variable named `name`, or `nil`.
  ///
  /// - Parameter name: A variable name such as `bri_member`.
  /// - Complexity: O(*v*) for *v* variables.
  public subscript(name: String) -> CountryVariable? { variables.first { $0.name == name } }

  /// A variable's value for a country; `nil` when the table has no such variable or the value is
  /// missing.
  ///
  /// - Parameters:
  ///   - name: The variable.
  ///   - country: The country.
  /// - Returns: The value.
  public func value(_ name: String, for country: Country) -> CountryValue? {
    self[name]?.value(for: country)
  }

  /// A variable's numeric value for a country; `nil` when missing, categorical or unknown.
  ///
  /// - Parameters:
  ///   - name: The variable.
  ///   - country: The country.
  /// - Returns: The number.
  public func number(_ name: String, for country: Country) -> Double? {
    self[name]?.number(for: country)
  }

  /// The variable names, in order.
  public var names: [String] { variables.map(\.name) }
}

// MARK: - Creditor measures

extension CountryTable {
  /// The measures of a creditor table as country variables (missing where the table does not
  /// cover a country or a measure).
  ///
  /// ```swift
  /// let debt = CountryTable.creditorVariables(.worldBank2024)
  /// debt.map(\.name)   // ["china_share_total", "china_share_bilateral", …]
  /// ```
  ///
  /// - Parameter creditors: A creditor table, for example ``CreditorTable/worldBank2024``.
  /// - Returns: One variable per measure the table gives.
  /// - Complexity: O(*m*·*n*).
  public static func creditorVariables(_ creditors: CreditorTable) -> [CountryVariable] {
    creditors.measures.map { measure in
      var values: [Country: CountryValue] = [:]
      var years = Set<Int>()
      var source = creditors.name
      for (country, profile) in creditors.profiles {
        if let value = profile.value(measure) {
          values[country] = .number(value)
          years.insert(profile.year)
          source = profile.source.title
        }
      }
      return CountryVariable(
        name: measure.rawValue, kind: measure.isIndicator ? .indicator : .numeric,
        label: measure.label,
        derivation: "The creditor table's \(measure.rawValue); missing for a country the table does not cover.",
        source: source, year: years.sorted().map(String.init).joined(separator: ", "),
        values: values)
    }
  }
}

// MARK: - The bundled covariates

extension CountryTable {
  /// The covariates derived from the five bundled per-country files (each a byte-identical copy
  /// of the project's shared data; see ``BundledResource``).
  ///
  /// | variable | derivation | a country with no row |
  /// | --- | --- | --- |
  /// | `un_2019_2020_supportive` | 1 = signed the supportive letter of July 2019 to the HRC (A/HRC/41/G/17) or the Cuba-read Third Committee statement of October 2020 | 0: both lists match their published totals (50, 45), so not listed = did not sign |
  /// | `un_critical_any` | 1 = signed a critical statement (HRC letter 2019; Third Committee 2019, 2020, 2022) | 0: lists complete (22, 23, 39, 50) |
  /// | `voted_no_l6` | 1 = voted no on A/HRC/51/L.6 (6 Oct 2022), 0 = yes or abstained | missing: not one of the 47 council members |
  /// | `l6_vote` | categorical: yes, no, abstain | missing |
  /// | `sco_member` | 1 = full SCO member (before Tianjin, Aug 2025) | 0: the list matches TASS's 10/2/14 |
  /// | `sco_any_status` | 1 = member, observer or dialogue partner (Laos included) | 0 |
  /// | `sco_status` | categorical: member, observer, dialogue_partner | `none` |
  /// | `extradition_treaty_signed` | 1 = listed with a bilateral extradition treaty with the PRC | 0 = *not listed*: the list is about 5–6 countries short of the 60–62 published (README's recommended indicator; state the shortfall) |
  /// | `extradition_treaty_in_force` | 1 = status `in_force`; 0 = `signed_not_in_force` or `ratified_by_china_only` | missing; also missing for the 14 rows with no status |
  /// | `extradition_treaty_status` | categorical: the status as given | missing (and for empty status) |
  /// | `bri_member` | 1 = on GFDC's list of BRI countries (May 2025) and not exited; 0 = exited (Italy 2023, Panama 2025, from the row's note) | 0 = not listed by GFDC (matches GFDC's 152; São Tomé and Príncipe and Palestine are absent though reported elsewhere) |
  /// | `bri_year` | GFDC's likely MoU year | missing (also AT, CG, NE, RU: no confirmed date) |
  /// | `police_stations_2022_09` | stations in Safeguard Defenders' *110 Overseas* (Sept 2022), as quoted by Newsweek | missing; **descriptive only** (49 of 54 stations), not a model covariate |
  ///
  /// China is a row of some files (an SCO member, a signer of the 2020 statement); as the origin
  /// state it never enters a model of host countries.
  ///
  /// - Complexity: O(1) after the first use, which reads the five bundled files.
  public static let bundled: CountryTable = {
    do {
      return try CountryTable(variables: bundledVariables())
    } catch {
      fatalError("A bundled covariate file is damaged: \(error)")
    }
  }()

  /// The bundled covariates together with the World Bank end-2024 creditor measures: every name
  /// `tnr model --covariates` accepts.
  ///
  /// - Complexity: O(1) after the first use.
  public static let bundledWithCreditors: CountryTable = CountryTable(
    variables: bundled.variables + creditorVariables(.worldBank2024))

  static let unCitation =
    "Xinjiang UN-statement positions, compiled December 2026 from public sources: Amnesty International Canada; UN doc. A/HRC/41/G/17 (as reproduced); Tashkent Times; UK FCO statement of 29 Oct 2019 (as reproduced); Axios, 8 Oct 2020; nhub.news / East Turkistan Government in Exile; Uyghur Times and AFP on HRC vote A/HRC/51/L.6 (xinjiang-un-statements.csv)"
  static let unCaveat =
    "Missing from the file: the ga3-2019 supportive list, both ga3-2021 lists and the ga3-2022 supportive list (no full list published); most lists come from reproductions, not UN records."
  static let scoCitation =
    "SCO status as of August 2025 (plus Laos, 1 Sep 2025), compiled December 2026 from TASS (2025), the English Wikipedia article \"Shanghai Cooperation Organisation\" and news reports on each accession (sco-membership.csv)"
  static let treatyCitation =
    "China's bilateral extradition treaties, compiled December 2026 from NPC and MFA ratification news, treaty texts, Safeguard Defenders (25 Jan 2023) and other sources listed per row (china-extradition-treaties.csv)"
  static let treatyCaveat =
    "The list is about 5–6 countries short of the 60–62 treaties its sources state; 14 rows have no status; KZ, MN, KG, UA, UZ, KR, KH and PK rest partly on weak sources."
  static let briCitation =
    "Nedopil, C. (2025), Countries of the Belt and Road Initiative, Green Finance & Development Center, Fudan University (values as of May 2025), as transcribed in GitHub aarrigone00-cmd/bri-explorer @ edf17ed (bri-cooperation.csv)"
  static let briCaveat =
    "A third-party transcription not compared row by row with greenfdc.org; AT, CG, NE and RU have no confirmed MoU date; dates are GFDC's likely dates."
  static let policeCitation =
    "Safeguard Defenders, 110 Overseas (Sept 2022), per-country numbers as quoted by Newsweek (overseas-police-stations.csv)"

  static func rows(_ resource: BundledResource) throws(ImportError) -> [CSVTable.Row] {
    try CSVTable(contentsOf: resource.url).rows
  }

  static func country(_ row: CSVTable.Row) throws(ImportError) -> Country {
    let code = try row.value("country")
    guard let country = Country(code) else {
      throw ImportError(.invalidRecord(.unknownCountry(code)), line: row.line, field: "country")
    }
    return country
  }

  static func bundledVariables() throws(ImportError) -> [CountryVariable] {
    var variables: [CountryVariable] = []

    // UN statements and the HRC vote.
    var supportive: [Country: CountryValue] = [:]
    var critical: [Country: CountryValue] = [:]
    var votedNo: [Country: CountryValue] = [:]
    var vote: [Country: CountryValue] = [:]
    for row in try rows(.xinjiangUNStatements) {
      let country = try country(row)
      let statement = try row.value("statement")
      let position = try row.value("position")
      if position == "supportive" && (statement == "hrc-2019-letter" || statement == "ga3-2020") {
        supportive[country] = .number(1)
      }
      if position == "critical" { critical[country] = .number(1) }
      if statement == "hrc51-l6-vote" {
        votedNo[country] = .number(position == "no" ? 1 : 0)
        vote[country] = .category(position)
      }
    }
    variables.append(
      CountryVariable(
        name: "un_2019_2020_supportive", kind: .indicator,
        label: "Signed the 2019 HRC or the 2020 Third Committee statement supporting China on Xinjiang",
        derivation: "1 when the country's position is 'supportive' in hrc-2019-letter or ga3-2020; 0 when it is in neither list (both lists match their published totals, 50 and 45).",
        source: unCitation, year: "2019–2020", caveat: unCaveat, values: supportive,
        valueWhenNotListed: .number(0)))
    variables.append(
      CountryVariable(
        name: "un_critical_any", kind: .indicator,
        label: "Signed a statement critical of China on Xinjiang (2019–2022)",
        derivation: "1 when the country's position is 'critical' in any of hrc-2019-letter, ga3-2019, ga3-2020, ga3-2022; 0 otherwise (lists complete: 22, 23, 39, 50).",
        source: unCitation, year: "2019–2022", caveat: unCaveat, values: critical,
        valueWhenNotListed: .number(0)))
    variables.append(
      CountryVariable(
        name: "voted_no_l6", kind: .indicator,
        label: "Voted no on A/HRC/51/L.6 (a debate on Xinjiang, 6 Oct 2022)",
        derivation: "1 = voted no, 0 = voted yes or abstained; missing for a country that was not one of the 47 council members voting.",
        source: unCitation, year: "2022", caveat: unCaveat, values: votedNo))
    variables.append(
      CountryVariable(
        name: "l6_vote", kind: .categorical, label: "Vote on A/HRC/51/L.6 (yes, no, abstain)",
        derivation: "The position as given; missing for a non-member of the council.",
        source: unCitation, year: "2022", caveat: unCaveat, isModelCovariate: false, values: vote))

    // SCO.
    var scoMember: [Country: CountryValue] = [:]
    var scoAny: [Country: CountryValue] = [:]
    var scoStatus: [Country: CountryValue] = [:]
    for row in try rows(.scoMembership) {
      let country = try country(row)
      let status = try row.value("status")
      scoMember[country] = .number(status == "member" ? 1 : 0)
      scoAny[country] = .number(1)
      scoStatus[country] = .category(status)
    }
    variables.append(
      CountryVariable(
        name: "sco_member", kind: .indicator,
        label: "Full member of the Shanghai Cooperation Organisation (before Tianjin, Aug 2025)",
        derivation: "1 when the status is 'member'; 0 for an observer, a dialogue partner or a country with no row (the list matches TASS: 10 members, 2 observers, 14 partners, plus Laos).",
        source: scoCitation, year: "2001–2025", values: scoMember, valueWhenNotListed: .number(0)))
    variables.append(
      CountryVariable(
        name: "sco_any_status", kind: .indicator,
        label: "Any SCO status: member, observer or dialogue partner",
        derivation: "1 for any row (Laos, a partner from 1 Sep 2025, included); 0 for no row.",
        source: scoCitation, year: "2001–2025", values: scoAny, valueWhenNotListed: .number(0)))
    variables.append(
      CountryVariable(
        name: "sco_status", kind: .categorical, label: "SCO status (member, observer, dialogue_partner, none)",
        derivation: "The status as given; 'none' for a country with no row. Tianjin (2025) merged observers and partners into 'partner'.",
        source: scoCitation, year: "2001–2025", isModelCovariate: false, values: scoStatus,
        valueWhenNotListed: .category("none")))

    // Extradition treaties.
    var signed: [Country: CountryValue] = [:]
    var inForce: [Country: CountryValue] = [:]
    var status: [Country: CountryValue] = [:]
    for row in try rows(.chinaExtraditionTreaties) {
      let country = try country(row)
      signed[country] = .number(1)
      let text = try row.value("status")
      if !text.isEmpty {
        status[country] = .category(text)
        inForce[country] = .number(text == "in_force" ? 1 : 0)
      }
    }
    variables.append(
      CountryVariable(
        name: "extradition_treaty_signed", kind: .indicator,
        label: "Listed with a bilateral extradition treaty with the PRC (signed)",
        derivation: "1 when the country has a row; 0 when it is not listed. 0 means 'not listed', not 'no treaty': the list is about 5–6 countries short of the published totals.",
        source: treatyCitation, year: "1993–2024", caveat: treatyCaveat, values: signed,
        valueWhenNotListed: .number(0)))
    variables.append(
      CountryVariable(
        name: "extradition_treaty_in_force", kind: .indicator,
        label: "Extradition treaty with the PRC in force",
        derivation: "1 when the status is 'in_force'; 0 when 'signed_not_in_force' or 'ratified_by_china_only'; missing when the status is empty (14 rows) or the country is not listed.",
        source: treatyCitation, year: "as of Jan 2026", caveat: treatyCaveat, values: inForce))
    variables.append(
      CountryVariable(
        name: "extradition_treaty_status", kind: .categorical,
        label: "Extradition treaty status (in_force, signed_not_in_force, ratified_by_china_only)",
        derivation: "The status as given; missing when empty or not listed.",
        source: treatyCitation, year: "as of Jan 2026", caveat: treatyCaveat,
        isModelCovariate: false, values: status))

    // Belt and Road.
    var bri: [Country: CountryValue] = [:]
    var briYear: [Country: CountryValue] = [:]
    for row in try rows(.briCooperation) {
      let country = try country(row)
      let note = try row.value("note")
      bri[country] = .number(note.contains("exit date") ? 0 : 1)
      if let year = Int(try row.value("year")) { briYear[country] = .number(Double(year)) }
    }
    variables.append(
      CountryVariable(
        name: "bri_member", kind: .indicator,
        label: "Belt and Road cooperation country (GFDC list, May 2025), exits removed",
        derivation: "1 when GFDC lists the country and its note gives no exit date; 0 when it exited (Italy 2023, Panama 2025) or is not listed (the list matches GFDC's 152 countries).",
        source: briCitation, year: "2013–2025", caveat: briCaveat, values: bri,
        valueWhenNotListed: .number(0)))
    variables.append(
      CountryVariable(
        name: "bri_year", kind: .numeric, label: "Year of the likely BRI MoU signing (GFDC)",
        derivation: "The row's year; missing when empty (AT, CG, NE, RU) or not listed.",
        source: briCitation, year: "2013–2025", caveat: briCaveat, values: briYear))

    // Police stations (descriptive).
    var stations: [Country: CountryValue] = [:]
    for row in try rows(.overseasPoliceStations) where try row.value("report") == "110-overseas-2022-09" {
      if let count = Int(try row.value("stations")) {
        stations[try country(row)] = .number(Double(count))
      }
    }
    variables.append(
      CountryVariable(
        name: "police_stations_2022_09", kind: .numeric,
        label: "Overseas police service stations reported in 110 Overseas (Sept 2022)",
        derivation: "The row's count in report 110-overseas-2022-09; missing when not listed or listed without a count (MN, UZ, ZA, JP).",
        source: policeCitation, year: "2022",
        caveat: "Descriptive only: 49 of the report's 54 stations; several rows rest on reposts.",
        isModelCovariate: false, values: stations))
    return variables
  }
}
