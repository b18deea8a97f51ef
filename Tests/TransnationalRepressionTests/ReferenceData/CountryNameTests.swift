import Testing

@testable import TransnationalRepression

/// `Country.lookup(name:)` and `Country(named:)`: country names as spreadsheets hold them. Every
/// expected code below is written by hand.
@Suite("Country names")
struct CountryNameTests {

  private func code(_ name: String) -> String? { Country(named: name)?.alpha2 }

  private func candidates(_ name: String) -> [String]? {
    if case .ambiguous(let countries) = Country.lookup(name: name) {
      return countries.map(\.alpha2)
    }
    return nil
  }

  @Test(
    "English short names, official long forms and ISO's inverted forms",
    arguments: [
      ("Thailand", "TH"), ("Chile", "CL"), ("Republic of Chile", "CL"), ("Kingdom of Spain", "ES"),
      ("Argentine Republic", "AR"), ("Swiss Confederation", "CH"), ("Hellenic Republic", "GR"),
      ("United Mexican States", "MX"), ("People's Republic of China", "CN"),
      ("Korea, Republic of", "KR"), ("Iran, Islamic Republic of", "IR"),
      ("Bolivia, Plurinational State of", "BO"), ("Venezuela, Bolivarian Republic of", "VE"),
      ("Tanzania, United Republic of", "TZ"), ("Moldova, Republic of", "MD"),
      ("Congo, The Democratic Republic of the", "CD"), ("Palestine, State of", "PS"),
      ("Micronesia, Federated States of", "FM"), ("Korea, Democratic People's Republic of", "KP"),
      ("Virgin Islands, British", "VG"), ("Virgin Islands, U.S.", "VI"),
      ("Islamic Republic of Iran", "IR"), ("Republic of Korea", "KR"),
      ("Democratic People's Republic of Korea", "KP"), ("United Republic of Tanzania", "TZ"),
      ("Taiwan, Province of China", "TW"), ("Holy See (Vatican City State)", "VA"),
      ("United Kingdom of Great Britain and Northern Ireland", "GB"),
    ])
  func isoNames(name: String, expected: String) {
    #expect(code(name) == expected)
  }

  @Test(
    "World Bank and Horn-Reinhart-Trebesch spellings",
    arguments: [
      ("Egypt, Arab Rep.", "EG"), ("Gambia, The", "GM"), ("Lao PDR", "LA"),
      ("Iran, Islamic Rep.", "IR"), ("Yemen, Rep.", "YE"), ("Congo, Dem. Rep.", "CD"),
      ("Congo, Rep.", "CG"), ("Bahamas, The", "BS"), ("Macedonia, FYR", "MK"),
      ("Somalia, Fed. Rep.", "SO"), ("Korea, Rep.", "KR"), ("Korea, Dem. People's Rep.", "KP"),
      ("Venezuela, RB", "VE"), ("Micronesia, Fed. Sts.", "FM"), ("Hong Kong SAR, China", "HK"),
      ("Macao SAR, China", "MO"), ("West Bank and Gaza", "PS"), ("Virgin Islands (U.S.)", "VI"),
      ("St. Martin (French part)", "MF"), ("Sint Maarten (Dutch part)", "SX"),
      ("Slovak Republic", "SK"), ("Turkiye", "TR"), ("Cabo Verde", "CV"), ("Eswatini", "SZ"),
      ("Germany, Fed. Rep. of", "DE"), ("Cote D`Ivoire, Republic Of", "CI"),
      ("Korea, D.P.R. of", "KP"), ("Bosnia-Herzegovina", "BA"),
    ])
  func creditorSpellings(name: String, expected: String) {
    #expect(code(name) == expected)
  }

  @Test(
    "the aliases people type",
    arguments: [
      ("Turkey", "TR"), ("Türkiye", "TR"), ("UAE", "AE"), ("U.A.E.", "AE"), ("Russia", "RU"),
      ("Syria", "SY"), ("Vietnam", "VN"), ("Viet Nam", "VN"), ("South Korea", "KR"),
      ("North Korea", "KP"), ("DPRK", "KP"), ("Kyrgyz Republic", "KG"), ("Kyrgyzstan", "KG"),
      ("Côte d'Ivoire", "CI"), ("Cote d'Ivoire", "CI"), ("Ivory Coast", "CI"),
      ("DR Congo", "CD"), ("DRC", "CD"), ("Democratic Republic of the Congo", "CD"),
      ("Democratic Republic of Congo", "CD"), ("Congo-Kinshasa", "CD"),
      ("Republic of the Congo", "CG"), ("Republic of Congo", "CG"), ("Congo-Brazzaville", "CG"),
      ("Czechia", "CZ"), ("Czech Republic", "CZ"), ("Burma", "MM"), ("Myanmar", "MM"),
      ("Holy See", "VA"), ("Vatican", "VA"), ("Vatican City", "VA"), ("St. Lucia", "LC"),
      ("St Lucia", "LC"), ("Saint Lucia", "LC"), ("St. Kitts and Nevis", "KN"),
      ("St Vincent & the Grenadines", "VC"), ("UK", "GB"), ("U.K.", "GB"),
      ("United Kingdom", "GB"), ("Great Britain", "GB"), ("Britain", "GB"), ("USA", "US"),
      ("U.S.A.", "US"), ("US", "US"), ("U.S.", "US"), ("United States", "US"),
      ("United States of America", "US"), ("Hong Kong", "HK"), ("Macau", "MO"), ("Macao", "MO"),
      ("Taiwan", "TW"), ("Chinese Taipei", "TW"), ("Palestine", "PS"),
      ("State of Palestine", "PS"), ("Kosovo", "XK"), ("Laos", "LA"), ("Iran", "IR"),
      ("Bolivia", "BO"), ("Venezuela", "VE"), ("Tanzania", "TZ"), ("Moldova", "MD"),
      ("Brunei", "BN"), ("Cape Verde", "CV"), ("Swaziland", "SZ"), ("East Timor", "TL"),
      ("Timor-Leste", "TL"), ("North Macedonia", "MK"), ("Macedonia", "MK"),
      ("The Netherlands", "NL"), ("Holland", "NL"), ("The Gambia", "GM"), ("Bosnia", "BA"),
      ("Micronesia", "FM"), ("Falkland Islands", "FK"), ("Guinea-Conakry", "GN"),
      ("Republic of Guinea", "GN"), ("Sao Tome and Principe", "ST"), ("KSA", "SA"),
      // UN M49 statistical names.
      ("China, Hong Kong SAR", "HK"), ("China, Macao SAR", "MO"),
      ("Wallis and Futuna Islands", "WF"), ("Svalbard and Jan Mayen Islands", "SJ"),
      ("Netherlands (Kingdom of the)", "NL"),
    ])
  func aliases(name: String, expected: String) {
    #expect(code(name) == expected)
  }

  @Test(
    "case, accents, punctuation, spacing, & and St. do not matter",
    arguments: [
      ("TÜRKIYE", "TR"), ("türkiye", "TR"), ("  Thailand  ", "TH"), ("thailand", "TH"),
      ("cote d’ivoire", "CI"), ("CÔTE D'IVOIRE", "CI"), ("Cote dIvoire", "CI"),
      ("Côte d\u{2019}Ivoire", "CI"), ("Co\u{302}te d'Ivoire", "CI"),
      ("Guinea Bissau", "GW"), ("guinea-bissau", "GW"), ("GuineaBissau", "GW"),
      ("Trinidad & Tobago", "TT"), ("Trinidad and Tobago", "TT"), ("Antigua & Barbuda", "AG"),
      ("St. Kitts & Nevis", "KN"), ("Saint Kitts and Nevis", "KN"),
      ("St.Vincent and the Grenadines", "VC"), ("Iran (Islamic Republic of)", "IR"),
      ("Bolivia (Plurinational State of)", "BO"), ("Micronesia (Federated States of)", "FM"),
      ("Venezuela (Bolivarian Republic of)", "VE"), ("Sao Tome & Principe", "ST"),
      ("São Tomé and Príncipe", "ST"), ("Curacao", "CW"), ("Curaçao", "CW"), ("Reunion", "RE"),
      ("Réunion", "RE"), ("Åland Islands", "AX"), ("Aland Islands", "AX"),
      ("Saint Barthelemy", "BL"), ("St. Barthélemy", "BL"), ("Korea (South)", "KR"),
      ("Korea, North", "KP"), ("Congo (Kinshasa)", "CD"), ("Congo (Brazzaville)", "CG"),
      ("Viet\u{00A0}Nam", "VN"), ("Bosnia and\tHerzegovina", "BA"), ("Timor Leste", "TL"),
      ("SOUTH  AFRICA", "ZA"), ("south-africa", "ZA"),
    ])
  func normalization(name: String, expected: String) {
    #expect(code(name) == expected)
  }

  @Test(
    "similar names are told apart: a wrong match is worse than no match",
    arguments: [
      ("Niger", "NE"), ("Nigeria", "NG"), ("Republic of the Niger", "NE"),
      ("Dominica", "DM"), ("Dominican Republic", "DO"), ("Commonwealth of Dominica", "DM"),
      ("Guinea-Bissau", "GW"), ("Equatorial Guinea", "GQ"), ("Papua New Guinea", "PG"),
      ("Samoa", "WS"), ("American Samoa", "AS"), ("Sudan", "SD"), ("South Sudan", "SS"),
      ("The Sudan", "SD"), ("Ireland", "IE"), ("Georgia", "GE"),
      ("South Georgia and the South Sandwich Islands", "GS"), ("Guyana", "GY"),
      ("French Guiana", "GF"), ("Austria", "AT"), ("Australia", "AU"), ("Slovakia", "SK"),
      ("Slovenia", "SI"), ("Mali", "ML"), ("Malawi", "MW"), ("Iran", "IR"), ("Iraq", "IQ"),
      ("Saint Martin (French part)", "MF"), ("Sint Maarten", "SX"), ("China", "CN"),
      ("Taiwan", "TW"), ("Hong Kong", "HK"), ("Netherlands", "NL"),
      ("Caribbean Netherlands", "BQ"), ("United States Minor Outlying Islands", "UM"),
      ("British Virgin Islands", "VG"), ("US Virgin Islands", "VI"),
      ("British Indian Ocean Territory", "IO"), ("Western Sahara", "EH"), ("Oman", "OM"),
      ("Romania", "RO"), ("Yemen", "YE"), ("Jersey", "JE"), ("Chad", "TD"),
    ])
  func trickyNames(name: String, expected: String) {
    #expect(code(name) == expected)
  }

  @Test(
    "ambiguous names are never guessed: they list the candidates",
    arguments: [
      ("Korea", ["KP", "KR"]), ("KOREA", ["KP", "KR"]), ("Congo", ["CD", "CG"]),
      ("the Congo", ["CD", "CG"]), ("Guinea", ["GN", "GQ", "GW"]),
      ("Virgin Islands", ["VG", "VI"]), ("Saint Martin", ["MF", "SX"]),
      ("St. Martin", ["MF", "SX"]), ("Republic of China", ["CN", "TW"]),
      ("Netherlands Antilles", ["BQ", "CW", "SX"]),
    ])
  func ambiguous(name: String, expected: [String]) {
    #expect(candidates(name) == expected)
    #expect(Country(named: name) == nil)
    #expect(Country.lookup(name: name).country == nil)
  }

  @Test(
    "unknown names, places that are not ISO countries and codes are unknown",
    arguments: [
      "Atlantis", "", "   ", "---", "&", "The", "and", "St.", "Nigerian", "Niger Republic",
      "America", "England", "Scotland", "Northern Ireland", "Tibet", "East Turkestan",
      "Xinjiang", "Somaliland", "Northern Cyprus", "Yugoslavia", "Soviet Union", "Europe",
      "Africa", "South Asia", "Low income", "Dominican", "Kingdom", "Republic", "Guinean",
      "New Guinea", "Timor", "GB", "FR", "DEU", "Россия", "中国", "Korea Democratic",
      "Congo Democratic", "Samoa American", "Sudan South",
    ])
  func unknown(name: String) {
    #expect(Country.lookup(name: name) == .unknown)
    #expect(Country(named: name) == nil)
  }

  @Test("Country(named:) is the lookup's single country")
  func convenience() {
    #expect(Country(named: "Thailand") == Country("TH"))
    #expect(Country.lookup(name: "Thailand") == .country(Country("TH")!))
    #expect(Country.lookup(name: "Thailand").country == Country("TH"))
    #expect(Country(named: "Congo") == nil)
    #expect(Country(named: "Atlantis") == nil)
    #expect(Country(named: Substring("Kosovo"))?.isUserAssigned == true)
  }

  @Test("the normalized key folds case, accents, punctuation and the words the, and, St, Rep, Dem")
  func keys() {
    #expect(CountryNameIndex.normalize("Côte d’Ivoire") == "cotedivoire")
    #expect(CountryNameIndex.normalize("St. Vincent & the Grenadines") == "saintvincentgrenadines")
    #expect(
      CountryNameIndex.normalize("Korea, Dem. People's Rep.") == "koreademocraticpeoplesrepublic")
    #expect(CountryNameIndex.normalize("Ørsted Æblø Straße Łódź") == "orstedaeblostrasselodz")
    #expect(CountryNameIndex.normalize("The Theatre and Andorra") == "theatreandorra")
    #expect(CountryNameIndex.normalize("stem st") == "stemsaint")
    #expect(CountryNameIndex.normalize("  ") == "")
    #expect(CountryNameIndex.normalize("Россия") == "россия")
  }
}

/// The generated name table (`CountryNameTable.swift`) against the ISO table and the creditor
/// tables.
@Suite("Country name table")
struct CountryNameTableTests {

  @Test("no two names for different countries share a key, and every code is known")
  func noConflicts() {
    #expect(CountryNameIndex.shared.conflicts.isEmpty)
    for entry in countryNameEntries {
      #expect(Country(entry.alpha2) != nil, "\(entry.name) -> \(entry.alpha2)")
    }
  }

  @Test("every name in the table resolves to its own country")
  func everyEntryResolves() {
    for entry in countryNameEntries {
      #expect(Country.lookup(name: entry.name) == .country(Country(entry.alpha2)!), "\(entry.name)")
    }
  }

  @Test("every one of the 250 countries has at least one name")
  func everyCountryNamed() {
    let named = Set(countryNameEntries.map(\.alpha2))
    #expect(named.count == 250)
    #expect(named == Set(Country.allCountries.map(\.alpha2)))
  }

  @Test("every ambiguous name answers with all its candidates")
  func ambiguousNames() {
    #expect(ambiguousCountryNames.count == 7)
    for (name, codes) in ambiguousCountryNames {
      #expect(Country.lookup(name: name) == .ambiguous(codes.map { Country($0)! }), "\(name)")
    }
  }

  @Test("the ISO short and common names resolve, except the two ISO names that are ambiguous")
  func isoNames() {
    var unresolved: [String] = []
    for country in Country.allCountries {
      for name in Set([country.name, country.commonName]) {
        switch Country.lookup(name: name) {
        case .country(let found): #expect(found == country, "\(name)")
        case .ambiguous, .unknown: unresolved.append("\(country.alpha2) \(name)")
        }
      }
    }
    // "Congo" (CG) and "Guinea" (GN) are ISO's own short names, but people write them for
    // other countries too; see ambiguousCountryNames.
    #expect(unresolved.sorted() == ["CG Congo", "GN Guinea"])
  }

  @Test("every creditor-table spelling resolves to the creditor table's code, except Guinea")
  func creditorTables() {
    var unresolved: [String] = []
    for table in [worldBankDebtorAlpha2, hrtCountryAlpha2, worldBankCreditorCountryAlpha2] {
      for (name, alpha2) in table {
        switch Country.lookup(name: name) {
        case .country(let found): #expect(found.alpha2 == alpha2, "\(name)")
        case .ambiguous, .unknown: unresolved.append(name)
        }
      }
    }
    // The World Bank debtor and HRT "Guinea" (GN): ambiguous by design.
    #expect(unresolved == ["Guinea", "Guinea"])
  }
}
