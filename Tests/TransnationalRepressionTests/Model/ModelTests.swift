import Foundation
import Testing

@testable import TransnationalRepression

/// The typed incident model: countries, dates, counts, kinds, citations, phases, and names.
@Suite("Model")
struct ModelTests {

  // MARK: - Country

  @Test("countries are found by alpha-2, alpha-3 and numeric code, ignoring case")
  func countryLookup() throws {
    let namibia = try #require(Country("NA"))
    #expect(namibia.name == "Namibia")
    #expect(namibia.alpha2 == "NA")
    #expect(namibia.alpha3 == "NAM")
    #expect(namibia.numeric == 516)
    #expect(namibia.region == .subSaharanAfrica)
    for code in ["na", "Na", "NAM", "nam", "516", "0516"] {
      #expect(Country(code) == namibia, "\(code)")
    }
    #expect(Country("TUR")?.alpha2 == "TR")
    #expect(Country("398")?.alpha2 == "KZ")
    #expect(Country("4") == Country("AF"))
    #expect(Country("004") == Country("AF"))
    #expect(Country("CN") == .china)
    #expect(Country("PK")?.region == .southAsia)
  }

  @Test("codes with spaces, unknown codes and empty text are not countries")
  func countryRejects() {
    for code in [" NA", "NA ", " na", "", "N A", "XX", "ZZZ", "999", "0", "-4", "+4", "N", "NAMI"] {
      #expect(Country(code) == nil, "'\(code)'")
    }
  }

  @Test("XK is Kosovo, user-assigned, with no numeric code")
  func kosovo() throws {
    let kosovo = try #require(Country("XK"))
    #expect(kosovo.isUserAssigned)
    #expect(kosovo.alpha3 == "XKX")
    #expect(kosovo.numeric == nil)
    #expect(kosovo.name == "Kosovo")
    #expect(Country("xkx") == kosovo)
    #expect(Country("NA")?.isUserAssigned == false)
    #expect(Int(kosovo.index) == Country.count - 1)
    #expect(Country.allCountries.filter(\.isUserAssigned) == [kosovo])
  }

  @Test("countries are Codable as alpha-2 and decode from any code")
  func countryCodable() throws {
    let encoded = try JSONEncoder().encode([Country("NAM")!, Country("XK")!, Country("156")!])
    #expect(String(decoding: encoded, as: UTF8.self) == #"["NA","XK","CN"]"#)
    let decoded = try JSONDecoder().decode([Country].self, from: Data(#"["na","TUR","004"]"#.utf8))
    #expect(decoded.map(\.alpha2) == ["NA", "TR", "AF"])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Country].self, from: Data(#"["XX"]"#.utf8))
    }
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Country].self, from: Data(#"[" NA"]"#.utf8))
    }
    #expect(Country("NA")!.description == "NA")
    #expect(Country("AF")! < Country("ZW")!)
    #expect(Country("ZW")! < Country("XK")!)
  }

  // MARK: - IncidentDate

  @Test("impossible dates are rejected with the rule they break")
  func impossibleDates() {
    #expect(throws: IncidentDateError.dayOutOfRange(year: 2021, month: 2, day: 30, daysInMonth: 28)) {
      try IncidentDate(year: 2021, month: 2, day: 30, precision: .day)
    }
    #expect(throws: IncidentDateError.dayOutOfRange(year: 2100, month: 2, day: 29, daysInMonth: 28)) {
      try IncidentDate(year: 2100, month: 2, day: 29, precision: .day)
    }
    #expect(throws: IncidentDateError.dayOutOfRange(year: 2019, month: 4, day: 31, daysInMonth: 30)) {
      try IncidentDate(year: 2019, month: 4, day: 31, precision: .day)
    }
    #expect(throws: IncidentDateError.dayOutOfRange(year: 2019, month: 1, day: 0, daysInMonth: 31)) {
      try IncidentDate(year: 2019, month: 1, day: 0, precision: .day)
    }
    #expect(throws: IncidentDateError.monthOutOfRange(13)) {
      try IncidentDate(year: 2019, month: 13, precision: .month)
    }
    #expect(throws: IncidentDateError.monthOutOfRange(0)) {
      try IncidentDate(year: 2019, month: 0, precision: .month)
    }
    #expect(throws: IncidentDateError.dayWithoutMonth) {
      try IncidentDate(year: 2019, day: 5, precision: .day)
    }
    #expect(throws: IncidentDateError.yearOutOfRange(999)) {
      try IncidentDate(year: 999, precision: .year)
    }
    #expect(throws: IncidentDateError.yearOutOfRange(10_000)) {
      try IncidentDate(year: 10_000, precision: .year)
    }
  }

  @Test("leap days: 2020-02-29 and 2000-02-29 exist, 2100-02-29 and 2019-02-29 do not")
  func leapDays() throws {
    #expect(try IncidentDate(year: 2020, month: 2, day: 29, precision: .day).day == 29)
    #expect(try IncidentDate(year: 2000, month: 2, day: 29, precision: .day).day == 29)
    #expect(IncidentDate.daysIn(month: 2, year: 2100) == 28)
    #expect(IncidentDate.daysIn(month: 2, year: 2019) == 28)
    #expect(IncidentDate.daysIn(month: 2, year: 2024) == 29)
    #expect(IncidentDate.daysIn(month: 12, year: 2019) == 31)
    #expect(IncidentDate.daysIn(month: 11, year: 2019) == 30)
    #expect(CalendarDay(year: 2021, month: 2, day: 30) == nil)
    #expect(CalendarDay(year: 2020, month: 2, day: 29)?.description == "2020-02-29")
  }

  @Test("the precision must match the parts given")
  func precisionConsistency() throws {
    #expect(throws: IncidentDateError.missingPart(precision: .day, part: "day")) {
      try IncidentDate(year: 2019, month: 3, precision: .day)
    }
    #expect(throws: IncidentDateError.missingPart(precision: .day, part: "month")) {
      try IncidentDate(year: 2019, precision: .day)
    }
    #expect(throws: IncidentDateError.missingPart(precision: .month, part: "month")) {
      try IncidentDate(year: 2019, precision: .month)
    }
    #expect(throws: IncidentDateError.unexpectedPart(precision: .month, part: "day")) {
      try IncidentDate(year: 2019, month: 3, day: 4, precision: .month)
    }
    #expect(throws: IncidentDateError.unexpectedPart(precision: .year, part: "month")) {
      try IncidentDate(year: 2019, month: 3, precision: .year)
    }
    #expect(throws: IncidentDateError.unexpectedPart(precision: .reported, part: "month")) {
      try IncidentDate(year: 2019, month: 3, precision: .reported)
    }
    let reported = try IncidentDate(year: 2019, precision: .reported)
    #expect(reported.month == nil && reported.day == nil)
  }

  @Test("descriptions, sort keys and the future")
  func dateDescription() throws {
    #expect(try IncidentDate(year: 2017, month: 7, day: 3, precision: .day).description == "2017-07-03")
    #expect(try IncidentDate(year: 2017, month: 11, day: 23, precision: .day).description == "2017-11-23")
    #expect(try IncidentDate(year: 2017, month: 7, precision: .month).description == "2017-07")
    #expect(try IncidentDate(year: 2017, precision: .year).description == "2017")
    #expect(try IncidentDate(year: 2017, precision: .reported).description == "2017 (reported)")
    #expect(try IncidentDate(year: 2017, month: 7, day: 3, precision: .day).sortKey == 20_170_703)
    #expect(try IncidentDate(year: 2017, precision: .year).sortKey == 20_170_000)
    #expect(IncidentDateError.dayOutOfRange(year: 2021, month: 2, day: 30, daysInMonth: 28).description
      == "day 30 does not exist in 2021-02 (it has 28 days)")

    let today = (year: 2026, month: 11, day: 23)
    #expect(try IncidentDate(year: 2026, month: 11, day: 24, precision: .day).isAfter(today))
    #expect(try !IncidentDate(year: 2026, month: 11, day: 23, precision: .day).isAfter(today))
    #expect(try IncidentDate(year: 2026, month: 12, precision: .month).isAfter(today))
    #expect(try !IncidentDate(year: 2026, month: 11, precision: .month).isAfter(today))
    #expect(try !IncidentDate(year: 2026, precision: .year).isAfter(today))
    #expect(try IncidentDate(year: 2027, precision: .reported).isAfter(today))
    #expect(try !IncidentDate(year: 2025, month: 12, day: 31, precision: .day).isAfter(today))
  }

  @Test("dates decode with validation and encode only known parts")
  func dateCodable() throws {
    let date = try IncidentDate(year: 2017, month: 7, precision: .month)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    #expect(String(decoding: try encoder.encode(date), as: UTF8.self) == #"{"month":7,"precision":"month","year":2017}"#)
    #expect(try JSONDecoder().decode(IncidentDate.self, from: encoder.encode(date)) == date)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(
        IncidentDate.self, from: Data(#"{"year":2021,"month":2,"day":30,"precision":"day"}"#.utf8))
    }
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(IncidentDate.self, from: Data(#"{"year":2021,"precision":"month"}"#.utf8))
    }
  }

  @Test("a CalendarDay decodes only when the day exists")
  func calendarDayCodable() throws {
    let day = CalendarDay(year: 2026, month: 11, day: 23)!
    #expect(try JSONDecoder().decode(CalendarDay.self, from: JSONEncoder().encode(day)) == day)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(CalendarDay.self, from: Data(#"{"year":2021,"month":2,"day":30}"#.utf8))
    }
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(CalendarDay.self, from: Data(#"{"year":2021,"month":13,"day":1}"#.utf8))
    }
  }

  // MARK: - PersonCount

  @Test("person counts: a number exactly when the qualifier is not unknown, never negative")
  func personCount() throws {
    #expect(try PersonCount(62, qualifier: .atLeast).description == "at least 62")
    #expect(try PersonCount(200, qualifier: .about).description == "about 200")
    #expect(try PersonCount(10, qualifier: .upTo).description == "up to 10")
    #expect(try PersonCount(12, qualifier: .exact).description == "12")
    #expect(try PersonCount(0, qualifier: .exact).value == 0)
    #expect(try PersonCount(nil, qualifier: .unknown) == .unknown)
    #expect(PersonCount.unknown.value == nil)
    #expect(PersonCount.unknown.description == "unknown")
    #expect(PersonCount.exactly(14) == (try PersonCount(14, qualifier: .exact)))
    #expect(throws: PersonCountError.negative(-1)) { try PersonCount(-1, qualifier: .exact) }
    #expect(throws: PersonCountError.missingValue(.atLeast)) { try PersonCount(nil, qualifier: .atLeast) }
    #expect(throws: PersonCountError.missingValue(.exact)) { try PersonCount(nil, qualifier: .exact) }
    #expect(throws: PersonCountError.valueWithUnknownQualifier) { try PersonCount(3, qualifier: .unknown) }
  }

  @Test("person counts decode with validation")
  func personCountCodable() throws {
    let count = try PersonCount(62, qualifier: .atLeast)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    #expect(String(decoding: try encoder.encode(count), as: UTF8.self) == #"{"qualifier":"at_least","value":62}"#)
    #expect(String(decoding: try encoder.encode(PersonCount.unknown), as: UTF8.self) == #"{"qualifier":"unknown"}"#)
    #expect(try JSONDecoder().decode(PersonCount.self, from: encoder.encode(count)) == count)
    for bad in [#"{"qualifier":"exact"}"#, #"{"qualifier":"unknown","value":4}"#, #"{"qualifier":"exact","value":-2}"#] {
      #expect(throws: DecodingError.self, "\(bad)") {
        try JSONDecoder().decode(PersonCount.self, from: Data(bad.utf8))
      }
    }
  }

  // MARK: - IncidentKind

  @Test("a mode belongs to its category")
  func kindModes() {
    #expect(IncidentKind(category: .extradition, mode: "deportation") == .extradition(.deportation))
    #expect(IncidentKind(category: .extradition, mode: "coerced_return") == .extradition(.coercedReturn))
    #expect(IncidentKind(category: .intimidation, mode: "threat") == .intimidation(.threat))
    #expect(IncidentKind(category: .detention, mode: "detention") == .detention(.unknown))
    #expect(IncidentKind(category: .detention, mode: "detention", outcome: .released) == .detention(.released))
    #expect(IncidentKind(category: .detention, mode: "deportation") == nil)
    #expect(IncidentKind(category: .extradition, mode: "threat") == nil)
    #expect(IncidentKind(category: .intimidation, mode: "rendition") == nil)
    #expect(IncidentKind(category: .extradition, mode: "detention") == nil)
    #expect(IncidentKind(category: .extradition, mode: "Deportation") == nil)
    #expect(IncidentKind.extradition(.coercedReturn).mode == "coerced_return")
    #expect(IncidentKind.detention(.stillHeld).mode == "detention")
    #expect(IncidentKind.detention(.stillHeld).category == .detention)
    #expect(IncidentKind.intimidation(.surveillance).category == .intimidation)
    #expect(IncidentKind.categories(acceptingMode: "deportation") == [.extradition])
    #expect(IncidentKind.categories(acceptingMode: "detention") == [.detention])
    #expect(IncidentKind.categories(acceptingMode: "surveillance") == [.intimidation])
    #expect(IncidentKind.categories(acceptingMode: "kidnap").isEmpty)
  }

  @Test("'unspecified' is accepted in every category, and a detention writes it as 'detention'")
  func kindUnspecified() {
    #expect(IncidentKind(category: .intimidation, mode: "unspecified") == .intimidation(.unspecified))
    #expect(IncidentKind(category: .extradition, mode: "unspecified") == .extradition(.unspecified))
    #expect(IncidentKind(category: .detention, mode: "unspecified") == .detention(.unknown))
    #expect(IncidentKind.categories(acceptingMode: "unspecified") == [.intimidation, .detention, .extradition])
    #expect(IncidentKind(category: .detention, mode: "unspecified")?.mode == "detention")
  }

  @Test("the Freedom House tactics added later keep every earlier kind code, and all codes fit the kind bitset")
  func addedTacticCodes() {
    // Written by hand: the codes before assassination and physical intimidation were added.
    let before = [
      "threat", "threats_to_family", "digital_threat", "malware_or_phishing", "surveillance",
      "document_denial", "interpol_notice_abuse", "smear_campaign", "physical_assault", "other",
      "unspecified", "detention", "deportation", "extradition", "rendition", "coerced_return",
      "unspecified",
    ]
    #expect(Array(IncidentKind.allModes.prefix(17)) == before)
    #expect(Array(IncidentKind.allModes.suffix(2)) == ["assassination", "physical_intimidation"])
    #expect(IncidentKind.intimidation(.unspecified).columnCode == 10)
    #expect(IncidentKind.detention(.released).columnCode == 11)
    #expect(IncidentKind.extradition(.unspecified).columnCode == 16)
    #expect(IncidentKind.intimidation(.assassination).columnCode == 17)
    #expect(IncidentKind.intimidation(.physicalIntimidation).columnCode == 18)
    #expect(IncidentKind.columnCodeCount <= 32)  // ColumnPresence.kinds is a UInt32 bitset
    for (code, kind) in IncidentKind.kindOfColumnCode.enumerated() {
      #expect(Int(kind.columnCode) == code)
      #expect(IncidentKind.allModes[code] == kind.mode)
      #expect(IncidentKind.categoryOfColumnCode[code] == kind.category)
    }
    #expect(IntimidationTactic(rawValue: "assassination") == .assassination)
    #expect(IntimidationTactic(rawValue: "physical_intimidation") == .physicalIntimidation)
    #expect(IncidentKind(category: .intimidation, mode: "assassination") == .intimidation(.assassination))
    #expect(IncidentKind(category: .extradition, mode: "assassination") == nil)
    #expect(IncidentKind.label(forMode: "physical_intimidation") == "physical intimidation")
  }

  @Test("every mode spelling is listed once, and category codes are 0, 1, 2")
  func modeTable() {
    #expect(IncidentKind.allModes.count == 19)
    #expect(Set(IncidentKind.allModes.filter { $0 != "unspecified" }).count == 17)
    #expect(IncidentKind.allModes.filter { $0 == "unspecified" }.count == 2)
    #expect(IncidentCategory.allCases.map(\.code) == [0, 1, 2])
    #expect(IncidentCategory(code: 2) == .extradition)
    #expect(IncidentCategory(code: 3) == nil)
  }

  // MARK: - SourceCitation

  @Test("source dates are YYYY, YYYY-MM or YYYY-MM-DD naming a real date")
  func sourceDates() throws {
    for good in ["2011", "2011-08", "2011-08-10", "2020-02-29"] {
      #expect(SourceCitation.isValidDate(good), "\(good)")
      #expect(try SourceCitation(title: "T", date: good).date == good)
    }
    for bad in ["2011-8", "2011-08-1", "11", "2011-13", "2021-02-30", "2011-08-10T00", "2011/08/10",
                "２０１１", "2011-", "-2011", "20110810"] {
      #expect(!SourceCitation.isValidDate(bad), "\(bad)")
      #expect(throws: SourceCitationError.invalidDate(bad)) { try SourceCitation(title: "T", date: bad) }
    }
    // The byte reading agrees with the former Character reading on random texts of digits,
    // dashes and look-alikes (full-width digits, combining marks, signs).
    func isValidDateByCharacters(_ text: String) -> Bool {
      let parts = text.split(separator: "-", omittingEmptySubsequences: false)
      guard (1...3).contains(parts.count), parts[0].count == 4,
        parts.dropFirst().allSatisfy({ $0.count == 2 }),
        parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
      else { return false }
      let numbers = parts.map { Int($0)! }
      return (try? IncidentDate(
        year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
        day: numbers.count > 2 ? numbers[2] : nil,
        precision: numbers.count == 3 ? .day : numbers.count == 2 ? .month : .year)) != nil
    }
    var generator = SeededGenerator(seed: 1_404)
    let pieces = ["1", "2", "0", "9", "3", "-", "０", "\u{301}", "+", " ", "a", "٣"]
    for _ in 0..<20_000 {
      let text = (0..<Int.random(in: 0...11, using: &generator)).map { _ in
        pieces[Int.random(in: 0..<pieces.count, using: &generator)]
      }.joined()
      #expect(SourceCitation.isValidDate(text) == isValidDateByCharacters(text), "\(text)")
    }
    for title in ["", " ", "\t\n", "\u{3000}", "\u{00A0}x", " a", "乌", "\u{7F}", "\u{85}"] {
      #expect(SourceCitation.hasVisibleCharacter(title) == title.contains { !$0.isWhitespace }, "\(title)")
    }
  }

  @Test("a citation needs a title; empty optional parts are nil")
  func citationTitle() throws {
    #expect(throws: SourceCitationError.emptyTitle) { try SourceCitation(title: "") }
    #expect(throws: SourceCitationError.emptyTitle) { try SourceCitation(title: " \t ") }
    let citation = try SourceCitation(title: "Pakistan Deports Uyghurs (RFA, citing Dawn)", url: "", publisher: "", date: "")
    #expect(citation.url == nil && citation.publisher == nil && citation.date == nil)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(SourceCitation.self, from: Data(#"{"title":"T","date":"2021-02-30"}"#.utf8))
    }
  }

  // MARK: - Phase and Periodization

  @Test("the Great Wall of Steel stages: 1997–2007, 2008–2013, 2014–present")
  func greatWallOfSteel() {
    let stages = Periodization.greatWallOfSteel
    #expect(stages.phases.map(\.name) == ["1997–2007", "2008–2013", "2014–present"])
    #expect(stages.phase(containing: 1997)?.name == "1997–2007")
    #expect(stages.phase(containing: 2007)?.name == "1997–2007")
    #expect(stages.phase(containing: 2008)?.name == "2008–2013")
    #expect(stages.phase(containing: 2013)?.name == "2008–2013")
    #expect(stages.phase(containing: 2014)?.name == "2014–present")
    #expect(stages.phase(containing: 2025)?.name == "2014–present")
    #expect(stages.phase(containing: 1996) == nil)
    #expect(stages.phaseIndex(containing: 2010) == 1)
    #expect(stages.phaseIndex(containing: 1990) == nil)
    #expect(Periodization(stages.phases) == stages)
  }

  @Test("overlapping, unordered or inverted phases are rejected")
  func periodizationRules() {
    let early = Phase(name: "1997–2008", firstYear: 1997, lastYear: 2008)
    let middle = Phase(name: "2008–2013", firstYear: 2008, lastYear: 2013)
    let late = Phase(name: "2014–", firstYear: 2014, lastYear: nil)
    #expect(Periodization([early, middle]) == nil)  // 2008 in both
    #expect(Periodization([middle, Phase(name: "x", firstYear: 2000, lastYear: 2005)]) == nil)
    #expect(Periodization([late, Phase(name: "y", firstYear: 2030, lastYear: 2031)]) == nil)
    #expect(Periodization([Phase(name: "z", firstYear: 2010, lastYear: 2009)]) == nil)
    #expect(Periodization([middle, late])?.phases.count == 2)
    #expect(Periodization([])?.phases.isEmpty == true)
    // A gap is allowed.
    #expect(Periodization([Phase(name: "a", firstYear: 1990, lastYear: 1995), late]) != nil)
  }

  @Test("a periodization decodes only when its phases do not overlap")
  func periodizationCodable() throws {
    let data = try JSONEncoder().encode(Periodization.greatWallOfSteel)
    #expect(try JSONDecoder().decode(Periodization.self, from: data) == .greatWallOfSteel)
    let overlapping = #"{"phases":[{"name":"a","firstYear":1997,"lastYear":2008},{"name":"b","firstYear":2008,"lastYear":2013}]}"#
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Periodization.self, from: Data(overlapping.utf8))
    }
  }

  // MARK: - Names

  static let secretName = "Test Person Nürbiye"

  static func namedIncident() throws -> Incident {
    try Incident(
      id: "DOC-036", host: Country("DE")!,
      date: IncidentDate(year: 2018, month: 4, day: 3, precision: .day),
      kind: .extradition(.deportation), persons: .exactly(1), ethnicGroups: [.uyghur],
      gender: .male,
      sources: [SourceCitation(
        title: "Germany expels Uighur asylum seeker to China 'in error' (DW)",
        url: "https://www.dw.com/en/germany-expels-uighur-asylum-seeker-to-china-in-error/a-44268318",
        publisher: "DW", date: "2018-08-14")],
      notes: "Deported in error.", personName: PersonName(secretName))
  }

  @Test("a name never appears in description, debugDescription, dump or interpolation")
  func nameIsHidden() throws {
    let name = PersonName(Self.secretName)
    var dumped = ""
    dump(name, to: &dumped)
    let texts = [
      name.description, name.debugDescription, String(describing: name), String(reflecting: name),
      "\(name)", "\(Optional(name) as Any)", dumped, String(describing: [name]),
    ]
    for text in texts {
      #expect(!text.contains("Nürbiye"), "\(text)")
      #expect(!text.contains("Test Person"), "\(text)")
    }
    #expect(name.description == "<redacted>")
    #expect(name.revealedText == Self.secretName)
    #expect(Mirror(reflecting: name).children.isEmpty)
  }

  @Test("an incident's description, dump and mirror never show the name")
  func incidentHidesName() throws {
    let incident = try Self.namedIncident()
    var dumped = ""
    dump(incident, to: &dumped)
    var dumpedDataset = ""
    dump(try IncidentDataset([incident], validatedOn: CalendarDay(year: 2026, month: 11, day: 23)!), to: &dumpedDataset)
    let mirrored = Mirror(reflecting: incident).children.map { "\($0.label ?? ""): \($0.value)" }.joined()
    let texts = [
      incident.description, String(describing: incident), String(reflecting: incident), "\(incident)",
      String(describing: [incident]), dumped, dumpedDataset, mirrored,
    ]
    for text in texts {
      #expect(!text.contains("Nürbiye"), "\(text)")
      #expect(!text.contains("Test Person"), "\(text)")
    }
    #expect(incident.description == "DOC-036: extradition (deportation) CN→DE 2018-04-03, 1 persons, Uyghur")
    #expect(dumped.contains("<redacted>"))
    #expect(dumped.contains("DOC-036"))
    #expect(incident.personName?.revealedText == Self.secretName)
  }

  @Test("a pseudonym is stable, keyed, and FNV-1a-64 of key, NUL and name")
  func pseudonym() {
    let name = PersonName(Self.secretName)
    let first = name.pseudonym(key: "secret-key")
    #expect(first == "person-a509b82f1c5732a0")  // computed independently in Python
    #expect(name.pseudonym(key: "secret-key") == first)
    #expect(PersonName(Self.secretName).pseudonym(key: "secret-key") == first)
    #expect(name.pseudonym(key: "other-key") != first)
    #expect(PersonName("Another Person").pseudonym(key: "secret-key") != first)
    #expect(PersonName("a").pseudonym(key: "") == "person-08326707b4eb37da")
    let digits = first.dropFirst("person-".count)
    #expect(digits.count == 16 && digits.allSatisfy(\.isHexDigit))
  }

  @Test("Incident Codable omits names by default and writes them only as the policy says")
  func incidentCodableNames() throws {
    let incident = try Self.namedIncident()
    func encode(_ policy: PersonNamePolicy?) throws -> String {
      let encoder = JSONEncoder()
      encoder.outputFormatting = .sortedKeys
      if let policy { encoder.userInfo[.personNamePolicy] = policy }
      return String(decoding: try encoder.encode(incident), as: UTF8.self)
    }
    for policy in [nil, PersonNamePolicy.omit] {
      let json = try encode(policy)
      #expect(!json.contains("person_name"))
      #expect(!json.contains("Nürbiye"))
      #expect(json.contains(#""id":"DOC-036""#))
      let decoded = try JSONDecoder().decode(Incident.self, from: Data(json.utf8))
      #expect(decoded.personName == nil)
      #expect(decoded.id == incident.id && decoded.date == incident.date && decoded.gender == .male)
    }
    let included = try encode(.include)
    #expect(included.contains(#""person_name":"Test Person Nürbiye""#))
    #expect(try JSONDecoder().decode(Incident.self, from: Data(included.utf8)) == incident)
    let redacted = try encode(.redact)
    #expect(redacted.contains(#""person_name":"<redacted>""#) && !redacted.contains("Nürbiye"))
    let pseudonymized = try encode(.pseudonymize(key: "secret-key"))
    #expect(pseudonymized.contains(#""person_name":"person-a509b82f1c5732a0""#))
    #expect(!pseudonymized.contains("Nürbiye"))
  }

  @Test("an incident needs an id, an ethnic group and a source")
  func incidentInvariants() throws {
    let date = try IncidentDate(year: 2018, precision: .year)
    let source = try SourceCitation(title: "T")
    #expect(throws: ValidationIssue.emptyID) {
      try Incident(id: " ", host: Country("DE")!, date: date, kind: .detention(.unknown), ethnicGroups: [.uyghur], sources: [source])
    }
    #expect(throws: ValidationIssue.noEthnicGroup) {
      try Incident(id: "A", host: Country("DE")!, date: date, kind: .detention(.unknown), ethnicGroups: [], sources: [source])
    }
    #expect(throws: ValidationIssue.noSource) {
      try Incident(id: "A", host: Country("DE")!, date: date, kind: .detention(.unknown), ethnicGroups: [.uyghur], sources: [])
    }
    let incident = try Incident(
      id: "A", host: Country("DE")!, date: date, kind: .detention(.released), ethnicGroups: [.tibetan, .uyghur],
      sources: [source])
    #expect(incident.origin == .china)
    #expect(incident.persons == .unknown)
    #expect(incident.category == .detention)
    #expect(incident.sortedEthnicGroups == [.uyghur, .tibetan])
  }

  @Test("decoding an incident rejects a mode outside its category")
  func incidentDecodingRules() throws {
    let json = #"""
      {"id":"X","host":"DE","date":{"year":2018,"precision":"year"},"category":"detention",
       "mode":"deportation","persons":{"qualifier":"unknown"},"ethnic_groups":["Uyghur"],
       "sources":[{"title":"T"}]}
      """#
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Incident.self, from: Data(json.utf8)) }
    let fixed = json.replacingOccurrences(of: "deportation", with: "detention")
    let incident = try JSONDecoder().decode(Incident.self, from: Data(fixed.utf8))
    #expect(incident.kind == .detention(.unknown))
    #expect(incident.origin == .china)
  }
}
