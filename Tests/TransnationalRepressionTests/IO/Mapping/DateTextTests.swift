import Testing

@testable import TransnationalRepression

/// `IncidentDate(parsing:order:)`: the one date column of a mapped import. Every expected date
/// below is written by hand.
@Suite("Date text")
struct DateTextTests {

  /// Parses and returns the date's description and precision, for compact expectations.
  private func read(_ text: String, _ order: DateOrder? = nil) throws -> (String, DatePrecision) {
    let date = try IncidentDate(parsing: text, order: order)
    return (date.description, date.precision)
  }

  @Test(
    "ISO 8601 full and partial dates, with or without a time",
    arguments: [
      ("2015-07-09", "2015-07-09", DatePrecision.day),
      ("2017-07", "2017-07", .month),
      ("2019", "2019", .year),
      ("  2019 ", "2019", .year),
      ("2016-02-29", "2016-02-29", .day),
      ("2000-02-29", "2000-02-29", .day),
      ("2015-07-09T14:30:00Z", "2015-07-09", .day),
      ("2015-07-09T23:59", "2015-07-09", .day),
      ("2015-07-09 00:00:00", "2015-07-09", .day),
      ("2015-07-09T00:00:00.000+02:00", "2015-07-09", .day),
      ("2015-07-09T08:00:00-0500", "2015-07-09", .day),
      ("2015-12-31", "2015-12-31", .day),
    ])
  func iso(text: String, expected: String, precision: DatePrecision) throws {
    let (description, actual) = try read(text)
    #expect(description == expected)
    #expect(actual == precision)
  }

  @Test(
    "English month names, full and abbreviated, day first or month first",
    arguments: [
      ("July 2017", "2017-07", DatePrecision.month),
      ("Jul 2017", "2017-07", .month),
      ("jul. 2017", "2017-07", .month),
      ("JULY 2017", "2017-07", .month),
      ("Jul-2017", "2017-07", .month),
      ("July, 2017", "2017-07", .month),
      ("Sept 2018", "2018-09", .month),
      ("Sep 2018", "2018-09", .month),
      ("May 2020", "2020-05", .month),
      ("9 July 2015", "2015-07-09", .day),
      ("09 July 2015", "2015-07-09", .day),
      ("9 Jul 2015", "2015-07-09", .day),
      ("9 Jul. 2015", "2015-07-09", .day),
      ("9th July 2015", "2015-07-09", .day),
      ("09-Jul-2015", "2015-07-09", .day),
      ("9 July, 2015", "2015-07-09", .day),
      ("9 July 2015.", "2015-07-09", .day),
      ("July 9, 2015", "2015-07-09", .day),
      ("July 9 2015", "2015-07-09", .day),
      ("Jul. 9, 2015", "2015-07-09", .day),
      ("July 9th, 2015", "2015-07-09", .day),
      ("1st March 2019", "2019-03-01", .day),
      ("March 2nd, 2019", "2019-03-02", .day),
      ("23rd Dec 2019", "2019-12-23", .day),
      ("11th Nov 2019", "2019-11-11", .day),
      ("12th Nov 2019", "2019-11-12", .day),
      ("21st Nov 2019", "2019-11-21", .day),
      ("February 29, 2016", "2016-02-29", .day),
      ("31 December 1999", "1999-12-31", .day),
      ("1 january 2000", "2000-01-01", .day),
      ("9\u{00A0}July\t2015", "2015-07-09", .day),
      ("\u{00A0}July 2017\n", "2017-07", .month),
    ])
  func monthNames(text: String, expected: String, precision: DatePrecision) throws {
    let (description, actual) = try read(text)
    #expect(description == expected)
    #expect(actual == precision)
  }

  @Test(
    "numeric dates follow the declared order",
    arguments: [
      ("09/07/2015", DateOrder.dmy, "2015-07-09"),
      ("9.7.2015", .dmy, "2015-07-09"),
      ("9-7-2015", .dmy, "2015-07-09"),
      ("09/07/2015", .mdy, "2015-09-07"),
      ("7/9/2015", .mdy, "2015-07-09"),
      ("2015/07/09", .ymd, "2015-07-09"),
      ("2015.7.9", .ymd, "2015-07-09"),
      ("2015-7-9", .ymd, "2015-07-09"),
      ("25/12/2015", .dmy, "2015-12-25"),
      ("12/25/2015", .mdy, "2015-12-25"),
      ("29/02/2016", .dmy, "2016-02-29"),
    ])
  func numericWithOrder(text: String, order: DateOrder, expected: String) throws {
    let (description, precision) = try read(text, order)
    #expect(description == expected)
    #expect(precision == .day)
  }

  @Test("a declared order does not change ISO dates or month names")
  func orderIgnoredWhereNotNeeded() throws {
    #expect(try read("2015-07-09", .dmy).0 == "2015-07-09")
    #expect(try read("2015-07-09", .mdy).0 == "2015-07-09")
    #expect(try read("9 July 2015", .mdy).0 == "2015-07-09")
    #expect(try read("July 9, 2015", .dmy).0 == "2015-07-09")
  }

  @Test(
    "a numeric month and four-digit year has one reading, with or without an order",
    arguments: [
      ("07/2017", "2017-07"), ("7/2017", "2017-07"), ("7.2017", "2017-07"),
      ("2017/07", "2017-07"), ("12-2019", "2019-12"),
    ])
  func numericMonthYear(text: String, expected: String) throws {
    #expect(try read(text).0 == expected)
    #expect(try read(text).1 == .month)
    #expect(try read(text, .dmy).0 == expected)
  }

  @Test(
    "a three-part numeric date without a declared order is an error naming --date-order",
    arguments: [
      "09/07/2015", "9.7.2015", "2015/07/09", "25/12/2015", "12/25/2015", "2015-7-9",
      "31.12.2019", "1/1/2015",
    ])
  func orderNotDeclared(text: String) {
    #expect(throws: DateTextError.orderNotDeclared(text)) {
      try IncidentDate(parsing: text)
    }
    let message = DateTextError.orderNotDeclared(text).description
    #expect(message.contains("--date-order"))
    #expect(message.contains("never guessed"))
    #expect(message.contains("'\(text)'"))
  }

  @Test("a numeric date whose year is not where the order puts it is an error")
  func orderMismatch() {
    #expect(throws: DateTextError.orderMismatch(text: "2015/07/09", order: .dmy)) {
      try IncidentDate(parsing: "2015/07/09", order: .dmy)
    }
    #expect(throws: DateTextError.orderMismatch(text: "09/07/2015", order: .ymd)) {
      try IncidentDate(parsing: "09/07/2015", order: .ymd)
    }
    #expect(
      DateTextError.orderMismatch(text: "09/07/2015", order: .ymd).description.contains(
        "--date-order ymd"))
  }

  @Test(
    "the calendar is checked: impossible days and months are errors",
    arguments: [
      (
        "2015-02-29", nil as DateOrder?,
        IncidentDateError.dayOutOfRange(year: 2015, month: 2, day: 29, daysInMonth: 28)
      ),
      ("1900-02-29", nil, .dayOutOfRange(year: 1900, month: 2, day: 29, daysInMonth: 28)),
      ("2015-04-31", nil, .dayOutOfRange(year: 2015, month: 4, day: 31, daysInMonth: 30)),
      ("2015-13", nil, .monthOutOfRange(13)),
      ("2015-00-10", nil, .monthOutOfRange(0)),
      ("2015-07-00", nil, .dayOutOfRange(year: 2015, month: 7, day: 0, daysInMonth: 31)),
      ("30 February 2016", nil, .dayOutOfRange(year: 2016, month: 2, day: 30, daysInMonth: 29)),
      ("February 30, 2016", nil, .dayOutOfRange(year: 2016, month: 2, day: 30, daysInMonth: 29)),
      ("32 July 2015", nil, .dayOutOfRange(year: 2015, month: 7, day: 32, daysInMonth: 31)),
      ("30/02/2015", .dmy, .dayOutOfRange(year: 2015, month: 2, day: 30, daysInMonth: 28)),
      ("09/13/2015", .dmy, .monthOutOfRange(13)),
      ("13/2017", nil, .monthOutOfRange(13)),
      ("0999", nil, .yearOutOfRange(999)),
      ("0999-01-01", nil, .yearOutOfRange(999)),
    ])
  func impossible(text: String, order: DateOrder?, reason: IncidentDateError) {
    #expect(throws: DateTextError.impossible(text: text, reason)) {
      try IncidentDate(parsing: text, order: order)
    }
  }

  @Test(
    "two-digit years are never given a century",
    arguments: ["09/07/15", "Jul-15", "July 15", "9 Jul 15", "15", "7/15"])
  func twoDigitYears(text: String) {
    #expect(throws: DateTextError.twoDigitYear(text)) {
      try IncidentDate(parsing: text, order: .dmy)
    }
  }

  @Test("words that are not English month names are named in the error")
  func notAMonth() {
    #expect(throws: DateTextError.notAMonth(text: "9 Juli 2015", word: "juli")) {
      try IncidentDate(parsing: "9 Juli 2015")
    }
    #expect(throws: DateTextError.notAMonth(text: "mid-2017", word: "mid")) {
      try IncidentDate(parsing: "mid-2017")
    }
    #expect(throws: DateTextError.notAMonth(text: "Summer 2017", word: "summer")) {
      try IncidentDate(parsing: "Summer 2017")
    }
    #expect(throws: DateTextError.notAMonth(text: "Thursday, 9 July 2015", word: "thursday")) {
      try IncidentDate(parsing: "Thursday, 9 July 2015")
    }
  }

  @Test("a day and month without a year is an error")
  func noYear() {
    #expect(throws: DateTextError.noYear("9 July")) { try IncidentDate(parsing: "9 July") }
    #expect(throws: DateTextError.noYear("9th July")) { try IncidentDate(parsing: "9th July") }
  }

  @Test(
    "other text is not read as a date",
    arguments: [
      "2017?", "c. 2017", "2015-07-09T25:00", "2015-07-09T10:00+25", "20150709", "42194",
      "July July 2015", "9 July 2015 10", "9rd July 2015", "9July2015", "July2015",
      "2017 July", "9 July 2015 to 12 July 2015", "2015-07-09/2015-07-10", "/2015", "2015/",
      "1/2/3/2015", "09/07-2015", "12345", "2015-07-09T", "n/a", "?", "01/01/20155",
      "1 Jul 2015 (approx)", "9 Julý 2015", "9 July\n2015", "２０１５-07-09",
    ])
  func unrecognized(text: String) {
    #expect(throws: DateTextError.self) { try IncidentDate(parsing: text, order: .dmy) }
    do {
      _ = try IncidentDate(parsing: text, order: .dmy)
    } catch {
      // Each is refused with a reason that quotes the text (or the word in it).
      #expect(error.description.contains("'"))
    }
  }

  @Test("an empty cell is an error of its own")
  func empty() {
    #expect(throws: DateTextError.empty) { try IncidentDate(parsing: "") }
    #expect(throws: DateTextError.empty) { try IncidentDate(parsing: "   ") }
    #expect(DateTextError.empty.description == "no date is given")
  }

  @Test("messages say what is wrong in plain English")
  func messages() {
    #expect(
      DateTextError.impossible(
        text: "2015-02-29", .dayOutOfRange(year: 2015, month: 2, day: 29, daysInMonth: 28)
      ).description
        == "'2015-02-29' is not a real date: day 29 does not exist in 2015-02 (it has 28 days)")
    #expect(
      DateTextError.twoDigitYear("Jul-15").description
        == "'Jul-15' has a two-digit year, and the century is not guessed; write the full year")
    #expect(DateTextError.unrecognized("42194").description.contains("day number"))
    #expect(
      DateTextError.notAMonth(text: "9 Juli 2015", word: "juli").description.hasPrefix(
        "'juli' in '9 Juli 2015' is not an English month name"))
  }

  @Test("DateOrder's raw values are the --date-order spellings")
  func orderSpellings() {
    #expect(DateOrder.allCases.map(\.rawValue) == ["dmy", "mdy", "ymd"])
    #expect(DateOrder(rawValue: "dmy") == .dmy)
  }
}
