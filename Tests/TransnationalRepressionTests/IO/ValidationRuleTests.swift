import Foundation
import Testing

@testable import TransnationalRepression

/// One test per validation rule, through ``IncidentCSV/read(text:mapping:mode:today:)`` on small
/// CSVs built from a real row of the bundled sample (DOC-014, Cambodia, 19 December 2009).
@Suite("Validation rules")
struct ValidationRuleTests {
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  static let header =
    "id,origin,host,year,month,day,date_precision,category,mode,persons,persons_qualifier,"
    + "ethnic_groups,source_title,source_url,source_date,notes"

  /// The values of DOC-014, by column name.
  static let base: [(String, String)] = [
    ("id", "DOC-014"), ("origin", "CN"), ("host", "KH"), ("year", "2009"), ("month", "12"),
    ("day", "19"), ("date_precision", "day"), ("category", "extradition"), ("mode", "deportation"),
    ("persons", "20"), ("persons_qualifier", "exact"), ("ethnic_groups", "Uyghur"),
    ("source_title", "China must reveal fate of Uighur asylum-seekers (Amnesty International)"),
    ("source_url", "https://www.amnesty.org/en/latest/news/2009/12/china-must-reveal-fate-uighur-asylum-seekers/"),
    ("source_date", "2009-12-21"), ("notes", "Deported from Phnom Penh."),
  ]

  /// A data line: DOC-014 with some fields changed (values are written as given, unquoted unless
  /// they hold a comma).
  static func row(_ changes: [String: String] = [:]) -> String {
    base.map { name, value in CSVFormatting.escaped(changes[name] ?? value) }.joined(separator: ",")
  }

  /// A file: the header, a good row (line 2), the row under test (line 3), another good row (4).
  static func file(_ changes: [String: String]) -> String {
    [header, row(["id": "GOOD-1"]), row(changes), row(["id": "GOOD-2"])].joined(separator: "\n") + "\n"
  }

  /// Reads `text` strictly, expects an ``ImportError``, and checks where and what it is; then reads
  /// it leniently and checks that exactly that row was rejected with the same error.
  func expectRejected(
    _ text: String, line: Int, column: Int?, field: String?, kind: String,
    reason: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let error = try #require(throws: ImportError.self, sourceLocation: sourceLocation) {
      try IncidentCSV.read(text: text, mode: .strict, today: Self.today)
    }
    #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
    #expect(error.column == column, "\(error)", sourceLocation: sourceLocation)
    #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
    #expect(kindName(error.kind) == kind, "\(error)", sourceLocation: sourceLocation)
    #expect(error.description.contains("line \(line)"), "\(error)", sourceLocation: sourceLocation)
    if let column {
      #expect(error.description.contains("column \(column)"), "\(error)", sourceLocation: sourceLocation)
    }
    if let reason {
      #expect(error.reason.contains(reason), "\(error.reason)", sourceLocation: sourceLocation)
    }
    let lenient = try IncidentCSV.read(text: text, mode: .lenient, today: Self.today)
    #expect(lenient.report.dataRows == 3, sourceLocation: sourceLocation)
    #expect(lenient.report.accepted == 2, sourceLocation: sourceLocation)
    #expect(lenient.dataset.map(\.id) == ["GOOD-1", "GOOD-2"], sourceLocation: sourceLocation)
    #expect(lenient.report.rejected.map(\.line) == [line], sourceLocation: sourceLocation)
    #expect(lenient.report.rejected.first?.error == error, sourceLocation: sourceLocation)
  }

  @Test("the template row itself is valid")
  func templateIsValid() throws {
    let result = try IncidentCSV.read(text: Self.file([:]), today: Self.today)
    #expect(result.dataset.map(\.id) == ["GOOD-1", "DOC-014", "GOOD-2"])
    let incident = try #require(result.dataset[id: "DOC-014"])
    #expect(incident.host == Country("KH"))
    #expect(incident.date == (try IncidentDate(year: 2009, month: 12, day: 19, precision: .day)))
    #expect(incident.kind == .extradition(.deportation))
    #expect(incident.persons == .exactly(20))
  }

  // MARK: Countries

  @Test("an unknown host country code")
  func unknownHost() throws {
    try expectRejected(
      Self.file(["host": "XX"]), line: 3, column: 3, field: "host", kind: "unknownCountry",
      reason: "'XX' is not an ISO 3166-1 country code")
  }

  @Test("an unknown origin country code")
  func unknownOrigin() throws {
    try expectRejected(
      Self.file(["origin": "CNN"]), line: 3, column: 2, field: "origin", kind: "unknownCountry")
  }

  @Test("' NA' with a leading space is not Namibia; 'NA' is")
  func namibiaWithSpace() throws {
    try expectRejected(
      Self.file(["host": " NA"]), line: 3, column: 3, field: "host", kind: "unknownCountry",
      reason: "' NA'")
    let result = try IncidentCSV.read(text: Self.file(["host": "NA"]), today: Self.today)
    #expect(result.dataset[id: "DOC-014"]?.host.name == "Namibia")
  }

  // MARK: Dates

  @Test("2021-02-30 does not exist")
  func february30() throws {
    try expectRejected(
      Self.file(["year": "2021", "month": "2", "day": "30"]), line: 3, column: 6, field: "day",
      kind: "invalidDate.dayOutOfRange", reason: "day 30 does not exist in 2021-02 (it has 28 days)")
  }

  @Test("month 13")
  func month13() throws {
    try expectRejected(
      Self.file(["month": "13"]), line: 3, column: 5, field: "month",
      kind: "invalidDate.monthOutOfRange", reason: "month 13 is not between 1 and 12")
  }

  @Test("a day without a month")
  func dayWithoutMonth() throws {
    try expectRejected(
      Self.file(["month": ""]), line: 3, column: 6, field: "day", kind: "invalidDate.dayWithoutMonth")
  }

  @Test("2020-02-29 is a day; 2100-02-29 is not")
  func leapYears() throws {
    let leap = try IncidentCSV.read(
      text: Self.file(["year": "2020", "month": "2", "day": "29"]), today: Self.today)
    #expect(leap.dataset[id: "DOC-014"]?.date.description == "2020-02-29")
    try expectRejected(
      Self.file(["year": "2100", "month": "2", "day": "29"]), line: 3, column: 6, field: "day",
      kind: "invalidDate.dayOutOfRange")
  }

  @Test("a precision that disagrees with the parts given")
  func precisionMismatch() throws {
    try expectRejected(
      Self.file(["date_precision": "month"]), line: 3, column: 6, field: "day",
      kind: "invalidDate.unexpectedPart")
    try expectRejected(
      Self.file(["day": "", "date_precision": "day"]), line: 3, column: 6, field: "day",
      kind: "invalidDate.missingPart")
    try expectRejected(
      Self.file(["date_precision": "exact"]), line: 3, column: 7, field: "date_precision",
      kind: "unknownDatePrecision")
  }

  @Test("a year that is not a number, or not four digits")
  func badYear() throws {
    try expectRejected(
      Self.file(["year": "2009.0"]), line: 3, column: 4, field: "year", kind: "notANumber")
    try expectRejected(
      Self.file(["year": "209", "month": "", "day": "", "date_precision": "year"]), line: 3,
      column: 4, field: "year", kind: "invalidDate.yearOutOfRange")
  }

  @Test("a 2027 event is in the future on 2026-11-23")
  func futureYear() throws {
    try expectRejected(
      Self.file(["year": "2027", "month": "", "day": "", "date_precision": "year"]), line: 3,
      column: 4, field: "year", kind: "futureDate", reason: "date 2027 is in the future (today is 2026-11-23)")
  }

  @Test("December 2026 is in the future on 2026-11-23; November 2026 is not")
  func futureMonth() throws {
    try expectRejected(
      Self.file(["year": "2026", "month": "12", "day": "", "date_precision": "month"]), line: 3,
      column: 5, field: "month", kind: "futureDate", reason: "date 2026-12 is in the future")
    let november = try IncidentCSV.read(
      text: Self.file(["year": "2026", "month": "11", "day": "", "date_precision": "month"]),
      today: Self.today)
    #expect(november.dataset.count == 3)
  }

  @Test("the day after the validation day is in the future; the day itself is not")
  func futureDay() throws {
    try expectRejected(
      Self.file(["year": "2026", "month": "11", "day": "24"]), line: 3, column: 6, field: "day",
      kind: "futureDate")
    let today = try IncidentCSV.read(
      text: Self.file(["year": "2026", "month": "11", "day": "23"]), today: Self.today)
    #expect(today.dataset.count == 3)
    // The same row is valid when validated a day later.
    let later = try IncidentCSV.read(
      text: Self.file(["year": "2026", "month": "11", "day": "24"]),
      today: CalendarDay(year: 2026, month: 11, day: 24)!)
    #expect(later.dataset.count == 3)
  }

  // MARK: Persons

  @Test("a negative number of persons")
  func negativePersons() throws {
    try expectRejected(
      Self.file(["persons": "-1"]), line: 3, column: 10, field: "persons",
      kind: "invalidPersons.negative", reason: "-1 is negative")
  }

  @Test(
    "persons that are not a whole number",
    arguments: ["1,000", "12a", " 5", "5 ", "+5", "2.0", "NA", "٣", "1e3", "9999999999999999999"])
  func personsNotANumber(_ value: String) throws {
    try expectRejected(
      Self.file(["persons": value]), line: 3, column: 10, field: "persons", kind: "notANumber",
      reason: "'\(value)' is not a whole number")
  }

  @Test("a qualifier without a number, and a number with the qualifier unknown")
  func qualifierRules() throws {
    try expectRejected(
      Self.file(["persons": "", "persons_qualifier": "at_least"]), line: 3, column: 10,
      field: "persons", kind: "invalidPersons.missingValue")
    try expectRejected(
      Self.file(["persons_qualifier": "unknown"]), line: 3, column: 11, field: "persons_qualifier",
      kind: "invalidPersons.valueWithUnknownQualifier")
    try expectRejected(
      Self.file(["persons_qualifier": "roughly"]), line: 3, column: 11, field: "persons_qualifier",
      kind: "unknownPersonsQualifier")
  }

  // MARK: Category and mode

  @Test("an unknown category")
  func unknownCategory() throws {
    try expectRejected(
      Self.file(["category": "refoulement"]), line: 3, column: 8, field: "category",
      kind: "unknownCategory", reason: "'refoulement' is not a category")
  }

  @Test("an unknown mode")
  func unknownMode() throws {
    try expectRejected(
      Self.file(["mode": "kidnap"]), line: 3, column: 9, field: "mode", kind: "unknownMode",
      reason: "'kidnap' is not a known mode")
  }

  @Test(
    "a mode that belongs to another category",
    arguments: [
      ("detention", "deportation"), ("intimidation", "rendition"), ("extradition", "threat"),
      ("extradition", "detention"), ("detention", "surveillance"),
    ])
  func modeNotInCategory(_ category: String, _ mode: String) throws {
    try expectRejected(
      Self.file(["category": category, "mode": mode]), line: 3, column: 9, field: "mode",
      kind: "modeNotInCategory", reason: "mode '\(mode)' does not belong to category '\(category)'")
  }

  // MARK: Ids

  @Test("an empty id")
  func emptyID() throws {
    try expectRejected(
      Self.file(["id": ""]), line: 3, column: 1, field: "id", kind: "emptyRequiredField")
    try expectRejected(Self.file(["id": "  "]), line: 3, column: 1, field: "id", kind: "emptyID")
  }

  @Test("a duplicate id names the line of its first use")
  func duplicateID() throws {
    let text = [Self.header, Self.row(), Self.row(["id": "GOOD-1"]), Self.row(), ""]
      .joined(separator: "\n")
    let error = try #require(throws: ImportError.self) {
      try IncidentCSV.read(text: text, today: Self.today)
    }
    #expect(error.kind == .invalidRecord(.duplicateID("DOC-014", firstLine: 2)))
    #expect(error.line == 4)
    #expect(error.column == 1)
    #expect(error.field == "id")
    #expect(error.recordID == "DOC-014")
    #expect(error.description == "line 4, column 1 (id), record DOC-014: id 'DOC-014' is used more than once (first on line 2)")
    let lenient = try IncidentCSV.read(text: text, mode: .lenient, today: Self.today)
    #expect(lenient.dataset.map(\.id) == ["DOC-014", "GOOD-1"])
    #expect(lenient.report.rejected.map(\.line) == [4])
  }

  // MARK: Other fields

  @Test("unknown ethnic groups, and none")
  func ethnicGroups() throws {
    try expectRejected(
      Self.file(["ethnic_groups": "Uyghur;Martian"]), line: 3, column: 12, field: "ethnic_groups",
      kind: "unknownEthnicGroup", reason: "'Martian'")
    try expectRejected(
      Self.file(["ethnic_groups": ""]), line: 3, column: 12, field: "ethnic_groups",
      kind: "emptyRequiredField")
  }

  @Test("a source without a title, or with an impossible date")
  func sources() throws {
    try expectRejected(
      Self.file(["source_title": ""]), line: 3, column: 13, field: "source_title",
      kind: "emptyRequiredField")
    try expectRejected(
      Self.file(["source_date": "2009-12-32"]), line: 3, column: 15, field: "source_date",
      kind: "invalidSource.invalidDate", reason: "'2009-12-32'")
  }

  // MARK: File-level errors

  @Test(
    "missing required columns throw in both modes",
    arguments: ["id", "host", "year", "category", "mode", "persons_qualifier", "source_title", "notes"])
  func missingColumn(_ column: String) throws {
    let keep = Self.base.filter { $0.0 != column }
    let text = keep.map(\.0).joined(separator: ",") + "\n"
      + keep.map { CSVFormatting.escaped($0.1) }.joined(separator: ",") + "\n"
    for mode in [ImportMode.strict, .lenient] {
      let error = try #require(throws: ImportError.self) {
        try IncidentCSV.read(text: text, mode: mode, today: Self.today)
      }
      #expect(error.kind == .missingColumn(column))
      #expect(error.line == 1)
      #expect(error.field == column)
      #expect(error.description.contains("line 1"))
    }
  }

  @Test("an empty file has no header", arguments: ["", "\u{FEFF}", "\n", "\r\n"])
  func emptyFile(_ text: String) throws {
    for mode in [ImportMode.strict, .lenient] {
      let error = try #require(throws: ImportError.self) {
        try IncidentCSV.read(text: text, mode: mode, today: Self.today)
      }
      #expect(error.kind == .emptyFile)
      #expect(error.line == 1)
      #expect(error.description == "line 1: no header on line 1 (the file is empty or starts with a blank line)")
    }
  }

  @Test("a header that names a column twice")
  func duplicateColumn() throws {
    let text = Self.header + ",host\n" + Self.row() + ",KH\n"
    let error = try #require(throws: ImportError.self) {
      try IncidentCSV.read(text: text, mode: .lenient, today: Self.today)
    }
    #expect(error.kind == .duplicateColumn("host"))
    #expect(error.line == 1)
    #expect(error.column == 17)
  }

  // MARK: Programmatic validation

  static func incident(_ id: String, year: Int = 2009, month: Int? = 12, day: Int? = 19) throws -> Incident {
    let precision: DatePrecision = day != nil ? .day : month != nil ? .month : .year
    return try Incident(
      id: id, host: Country("KH")!,
      date: IncidentDate(year: year, month: month, day: day, precision: precision),
      kind: .extradition(.deportation), persons: .exactly(20), ethnicGroups: [.uyghur],
      sources: [SourceCitation(title: "China must reveal fate of Uighur asylum-seekers (Amnesty International)")])
  }

  @Test("IncidentDataset rejects a duplicate id")
  func datasetDuplicateID() throws {
    let records = [try Self.incident("A"), try Self.incident("B"), try Self.incident("A")]
    let error = try #require(throws: ImportError.self) {
      try IncidentDataset(records, validatedOn: Self.today)
    }
    #expect(error.kind == .invalidRecord(.duplicateID("A", firstLine: nil)))
    #expect(error.recordID == "A")
    #expect(error.field == "id")
    #expect(error.line == nil)
    #expect(error.description == "field id, record A: id 'A' is used more than once")
    let valid = try IncidentDataset(Array(records.prefix(2)), validatedOn: Self.today)
    #expect(valid.map(\.id) == ["A", "B"])
    #expect(throws: ImportError.self) { try valid.merging(IncidentDataset([records[2]], validatedOn: Self.today)) }
  }

  @Test("IncidentDataset rejects a date after the validation day")
  func datasetFutureDate() throws {
    let future = try Self.incident("F", year: 2026, month: 12, day: nil)
    let error = try #require(throws: ImportError.self) {
      try IncidentDataset([try Self.incident("A"), future], validatedOn: Self.today)
    }
    guard case .invalidRecord(.futureDate(let date, let today)) = error.kind else {
      Issue.record("wrong kind: \(error)")
      return
    }
    #expect(date.description == "2026-12")
    #expect(today == "2026-11-23")
    #expect(error.recordID == "F")
    #expect(IncidentDataset.issue(with: future, today: Self.today) != nil)
    #expect(IncidentDataset.issue(with: future, today: CalendarDay(year: 2026, month: 12, day: 1)!) == nil)
    let onDay = try IncidentDataset([future], validatedOn: CalendarDay(year: 2026, month: 12, day: 1)!)
    #expect(onDay.count == 1)
  }
}

@Suite("Names in rejected rows")
struct RejectedRowNameTests {
  static let header =
    "id,origin,host,year,month,day,date_precision,category,mode,persons,persons_qualifier,ethnic_groups,source_title,source_url,source_date,notes,person_name\n"
  static let text = header
    + "A-1,CN,XX,2017,,,year,detention,detention,1,exact,Uyghur,T,,,,Secret Person\n"
    + "A-2,CN,TR,2017,,,year,detention,detention,1,exact,Uyghur,T,,,\"unterminated,Other Secret\n"

  @Test("A rejected row never shows a person's name unless asked")
  func redactedByDefault() throws {
    let report = try IncidentCSV.read(
      text: Self.text, mode: .lenient, today: CalendarDay(year: 2026, month: 11, day: 23)!
    ).report
    #expect(report.rejected.count == 2)
    #expect(report.rejected.map(\.line) == [2, 3])
    #expect(report.rejected[0].raw == "A-1,CN,XX,2017,,,year,detention,detention,1,exact,Uyghur,T,,,,<redacted>")
    for row in report.rejected {
      #expect(!row.raw.contains("Secret"))
      #expect(!row.reason.contains("Secret"))
    }
  }

  @Test("Rejected rows are verbatim when the caller includes names")
  func verbatimWhenAsked() throws {
    let report = try IncidentCSV.read(
      text: Self.text, mode: .lenient, today: CalendarDay(year: 2026, month: 11, day: 23)!,
      rejectedRowNames: .include
    ).report
    #expect(report.rejected[0].raw.hasSuffix(",Secret Person"))
    #expect(report.rejected[1].raw.contains("Other Secret"))
  }

  @Test("source_title_02 is not a second source column")
  func numberedSourcesNeedCanonicalNumbers() throws {
    let text = "id,origin,host,year,month,day,date_precision,category,mode,persons,persons_qualifier,ethnic_groups,source_title,source_url,source_date,notes,source_title_02\n"
      + "A-1,CN,TR,2017,,,year,detention,detention,1,exact,Uyghur,T,,,,Second\n"
    let result = try IncidentCSV.read(text: text, today: CalendarDay(year: 2026, month: 11, day: 23)!)
    #expect(result.dataset[0].sources.count == 1)
    #expect(result.report.ignoredColumns == ["source_title_02"])
  }
}
