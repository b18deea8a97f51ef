import Foundation
import TNRCommandLine
import Testing

@testable import TransnationalRepression

/// Every error the library and `tnr` throw has a human message that says what is wrong and with
/// which value, and, where the place is known, where. Each error type is enumerated case by case;
/// an exhaustive `switch` (no `default`) names every case, so adding a case without a message
/// test does not compile.
@Suite("Error messages name where and what")
struct ErrorMessageTests {
  // MARK: - Helpers

  /// Checks that `message` is a sentence-like text mentioning every one of `mentions`.
  static func expectMessage(
    _ message: String, mentions: [String], _ context: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(!message.isEmpty, "\(context): empty message", sourceLocation: sourceLocation)
    #expect(
      message.trimmingCharacters(in: .whitespacesAndNewlines) == message,
      "\(context): stray whitespace around '\(message)'", sourceLocation: sourceLocation)
    #expect(!message.contains("Optional("), "\(context): \(message)", sourceLocation: sourceLocation)
    for mention in mentions {
      #expect(
        message.contains(mention), "\(context): '\(message)' does not mention '\(mention)'",
        sourceLocation: sourceLocation)
    }
  }

  // MARK: - Model errors

  static func tag(_ error: IncidentDateError) -> String {
    switch error {
    case .yearOutOfRange: "yearOutOfRange"
    case .monthOutOfRange: "monthOutOfRange"
    case .dayOutOfRange: "dayOutOfRange"
    case .dayWithoutMonth: "dayWithoutMonth"
    case .missingPart: "missingPart"
    case .unexpectedPart: "unexpectedPart"
    }
  }

  static let dateErrors: [(IncidentDateError, [String])] = [
    (.yearOutOfRange(999), ["999", "year"]),
    (.monthOutOfRange(13), ["13", "month"]),
    (.dayOutOfRange(year: 2021, month: 2, day: 30, daysInMonth: 28), ["30", "2021-02", "28"]),
    (.dayWithoutMonth, ["day", "month"]),
    (.missingPart(precision: .day, part: "day"), ["day", "precision"]),
    (.unexpectedPart(precision: .year, part: "month"), ["year", "month"]),
  ]

  @Test("IncidentDateError: every case")
  func incidentDateErrors() {
    #expect(Set(Self.dateErrors.map { Self.tag($0.0) }).count == 6)
    for (error, mentions) in Self.dateErrors {
      Self.expectMessage(error.description, mentions: mentions, Self.tag(error))
    }
    // And as thrown by the initializer, for real input.
    #expect(throws: IncidentDateError.dayOutOfRange(year: 2100, month: 2, day: 29, daysInMonth: 28)) {
      try IncidentDate(year: 2100, month: 2, day: 29, precision: .day)
    }
  }

  static func tag(_ error: PersonCountError) -> String {
    switch error {
    case .negative: "negative"
    case .missingValue: "missingValue"
    case .valueWithUnknownQualifier: "valueWithUnknownQualifier"
    }
  }

  static let personCountErrors: [(PersonCountError, [String])] = [
    (.negative(-3), ["-3", "negative"]),
    (.missingValue(.atLeast), ["at_least", "number"]),
    (.valueWithUnknownQualifier, ["unknown", "number"]),
  ]

  @Test("PersonCountError: every case")
  func personCountErrors() {
    #expect(Set(Self.personCountErrors.map { Self.tag($0.0) }).count == 3)
    for (error, mentions) in Self.personCountErrors {
      Self.expectMessage(error.description, mentions: mentions, Self.tag(error))
    }
  }

  static func tag(_ error: SourceCitationError) -> String {
    switch error {
    case .emptyTitle: "emptyTitle"
    case .invalidDate: "invalidDate"
    }
  }

  static let sourceErrors: [(SourceCitationError, [String])] = [
    (.emptyTitle, ["title", "empty"]),
    (.invalidDate("2019-5"), ["2019-5", "YYYY"]),
  ]

  @Test("SourceCitationError: every case")
  func sourceCitationErrors() {
    #expect(Set(Self.sourceErrors.map { Self.tag($0.0) }).count == 2)
    for (error, mentions) in Self.sourceErrors {
      Self.expectMessage(error.description, mentions: mentions, Self.tag(error))
    }
  }

  // MARK: - Validation and import

  static func tag(_ issue: ValidationIssue) -> String {
    switch issue {
    case .emptyID: "emptyID"
    case .duplicateID: "duplicateID"
    case .unknownCountry: "unknownCountry"
    case .invalidDate: "invalidDate"
    case .futureDate: "futureDate"
    case .notANumber: "notANumber"
    case .invalidPersons: "invalidPersons"
    case .unknownCategory: "unknownCategory"
    case .unknownMode: "unknownMode"
    case .modeNotInCategory: "modeNotInCategory"
    case .unknownOutcome: "unknownOutcome"
    case .unknownDatePrecision: "unknownDatePrecision"
    case .unknownPersonsQualifier: "unknownPersonsQualifier"
    case .unknownEthnicGroup: "unknownEthnicGroup"
    case .unknownGender: "unknownGender"
    case .noEthnicGroup: "noEthnicGroup"
    case .invalidOtherEthnicGroup: "invalidOtherEthnicGroup"
    case .noSource: "noSource"
    case .invalidSource: "invalidSource"
    case .emptyRequiredField: "emptyRequiredField"
    }
  }

  static let issues: [(ValidationIssue, [String])] = [
    (.emptyID, ["id", "empty"]),
    (.duplicateID("DOC-7", firstLine: 3), ["DOC-7", "line 3"]),
    (.duplicateID("DOC-7", firstLine: nil), ["DOC-7", "more than once"]),
    (.unknownCountry("XX"), ["'XX'", "country"]),
    (.invalidDate(.monthOutOfRange(13)), ["13", "month"]),
    (.futureDate(try! IncidentDate(year: 2027, precision: .year), today: "2026-11-23"), ["2027", "2026-11-23", "future"]),
    (.notANumber("12a"), ["'12a'", "number"]),
    (.invalidPersons(.negative(-1)), ["-1"]),
    (.unknownCategory("torture"), ["'torture'", "category"]),
    (.unknownMode("kidnap"), ["'kidnap'", "mode"]),
    (.modeNotInCategory(mode: "threat", category: .extradition), ["'threat'", "'extradition'"]),
    (.unknownOutcome("freed"), ["'freed'", "outcome"]),
    (.unknownDatePrecision("week"), ["'week'", "precision"]),
    (.unknownPersonsQualifier("approx"), ["'approx'", "qualifier"]),
    (.unknownEthnicGroup("Uighur"), ["'Uighur'", "group"]),
    (.unknownGender("f"), ["'f'", "gender"]),
    (.noEthnicGroup, ["ethnic group"]),
    (.invalidOtherEthnicGroup("Uyghur"), ["'Uyghur'", "outside the list"]),
    (.noSource, ["source"]),
    (.invalidSource(.invalidDate("2019-5")), ["2019-5"]),
    (.emptyRequiredField, ["empty", "required"]),
  ]

  @Test("ValidationIssue: every case, alone and inside an ImportError with its place")
  func validationIssues() {
    #expect(Set(Self.issues.map { Self.tag($0.0) }).count == 20)
    for (issue, mentions) in Self.issues {
      Self.expectMessage(issue.description, mentions: mentions, Self.tag(issue))
      let error = ImportError(.invalidRecord(issue), line: 7, column: 3, field: "host", recordID: "DOC-7")
      Self.expectMessage(
        error.description, mentions: mentions + ["line 7", "column 3 (host)", "record DOC-7"],
        "ImportError(\(Self.tag(issue)))")
      #expect(error.reason == issue.description)
    }
  }

  static func tag(_ kind: ImportError.Kind) -> String {
    switch kind {
    case .invalidRecord: "invalidRecord"
    case .malformedCSV: "malformedCSV"
    case .wrongFieldCount: "wrongFieldCount"
    case .missingColumn: "missingColumn"
    case .duplicateColumn: "duplicateColumn"
    case .emptyFile: "emptyFile"
    case .unreadable: "unreadable"
    case .malformedJSON: "malformedJSON"
    case .invalidValue: "invalidValue"
    }
  }

  static let importKinds: [(ImportError.Kind, [String])] = [
    (.invalidRecord(.unknownCountry("XX")), ["'XX'"]),
    (.malformedCSV("a quoted field is never closed"), ["quoted field"]),
    (.wrongFieldCount(expected: 16, found: 15), ["15 fields", "16"]),
    (.wrongFieldCount(expected: 16, found: 1), ["1 field,", "16"]),
    (.missingColumn("notes"), ["'notes'", "column"]),
    (.duplicateColumn("host"), ["'host'", "more than once"]),
    (.emptyFile, ["header", "line 1"]),
    (.unreadable("/no/such/file.csv: No such file"), ["/no/such/file.csv"]),
    (.malformedJSON("at [0].host: missing key 'host'"), ["[0].host", "JSON"]),
    (.invalidValue("'1,5' is not a decimal number"), ["'1,5'"]),
  ]

  @Test("ImportError: every kind, with and without a place; 'line N' whenever the line is known")
  func importErrors() {
    #expect(Set(Self.importKinds.map { Self.tag($0.0) }).count == 9)
    for (kind, mentions) in Self.importKinds {
      let bare = ImportError(kind)
      Self.expectMessage(bare.description, mentions: mentions, "bare \(Self.tag(kind))")
      #expect(bare.description == bare.reason)
      let placed = ImportError(kind, line: 12, column: 4, field: "year", recordID: "R-1")
      Self.expectMessage(
        placed.description, mentions: mentions + ["line 12", "column 4 (year)", "record R-1"],
        "placed \(Self.tag(kind))")
      #expect(placed.description.hasPrefix("line 12, "))
      let fieldOnly = ImportError(kind, line: 5, field: "notes")
      Self.expectMessage(fieldOnly.description, mentions: ["line 5", "field notes"], "field \(Self.tag(kind))")
    }
  }

  static let today = CalendarDay(year: 2026, month: 11, day: 23)!
  static let header =
    "id,origin,host,year,month,day,date_precision,category,mode,persons,persons_qualifier,ethnic_groups,source_title,source_url,source_date,notes"

  @Test("ImportErrors from real files carry the line, column and field")
  func importErrorsFromFiles() throws {
    func strictError(_ text: String) throws -> ImportError {
      try #require(throws: ImportError.self) { try IncidentCSV.read(text: text, today: Self.today) }
    }
    let row = "A-1,CN,TR,2019,,,year,detention,detention,,unknown,Uyghur,Title,,,"
    let cases: [(String, [String])] = [
      (Self.header + "\n" + row.replacingOccurrences(of: "TR", with: "XX") + "\n", ["line 2", "column 3 (host)", "'XX'", "record A-1"]),
      (Self.header + "\n" + row + "\n\"open,CN\n", ["line 3", "never closed"]),
      (Self.header + "\n" + row + "\n" + row.dropLast() + "\n", ["line 3", "15 fields", "16"]),
      (Self.header.replacingOccurrences(of: ",notes", with: "") + "\n", ["line 1", "'notes'"]),
      (Self.header + ",host\n", ["line 1", "column 17", "'host'"]),
      ("", ["line 1", "header"]),
      ("\n" + Self.header + "\n", ["line 1", "header"]),
      (Self.header + "\n" + row + "\n" + row + "\n", ["line 3", "'A-1'", "first on line 2"]),
      (Self.header + "\n" + row.replacingOccurrences(of: "2019", with: "2027") + "\n", ["line 2", "2027", "future", "(year)"]),
    ]
    for (text, mentions) in cases {
      let error = try strictError(text)
      Self.expectMessage(error.description, mentions: mentions, text.prefix(40).description)
    }
    let missing = try #require(throws: ImportError.self) {
      try IncidentCSV.read(contentsOf: URL(fileURLWithPath: "/nonexistent/tnr-missing.csv"))
    }
    Self.expectMessage(missing.description, mentions: ["/nonexistent/tnr-missing.csv", "cannot be read"], "unreadable")
    let json = try #require(throws: ImportError.self) {
      try IncidentJSON.read(data: Data(#"[{"id":"A","host":"TR"}]"#.utf8), today: Self.today)
    }
    Self.expectMessage(json.description, mentions: ["[0]", "missing key"], "JSON")
    let creditor = try #require(throws: ImportError.self) {
      try CreditorTable(csvText: "country,china_share_total\nPK,0.3\nKG,1.5\n", name: "test")
    }
    Self.expectMessage(creditor.description, mentions: ["line 3", "china_share_total", "1.5"], "creditor table")
  }

  // MARK: - Counting and statistics

  static func tag(_ kind: CountTableError.Kind) -> String {
    switch kind {
    case .unknownDimension: "unknownDimension"
    case .duplicateDimension: "duplicateDimension"
    case .missingDimension: "missingDimension"
    case .dimensionMismatch: "dimensionMismatch"
    case .labelMismatch: "labelMismatch"
    case .invalidYearRange: "invalidYearRange"
    case .invalidValue: "invalidValue"
    }
  }

  static let countTableKinds: [(CountTableError.Kind, [String])] = [
    (.unknownDimension("hots"), ["'hots'", "host"]),
    (.duplicateDimension(.year), ["'year'", "twice"]),
    (.missingDimension(.region), ["'region'"]),
    (.dimensionMismatch([.host], [.year, .category]), ["[host]", "[year, category]"]),
    (.labelMismatch("labels [TR] do not fit dimensions [year]"), ["[TR]", "[year]"]),
    (.invalidYearRange(from: 2020, to: 2010), ["2020", "2010"]),
    (.invalidValue("a cell holds a negative count"), ["negative"]),
  ]

  @Test("CountTableError: every kind, and the ones real calls throw")
  func countTableErrors() throws {
    #expect(Set(Self.countTableKinds.map { Self.tag($0.0) }).count == 7)
    for (kind, mentions) in Self.countTableKinds {
      Self.expectMessage(CountTableError(kind).description, mentions: mentions, Self.tag(kind))
    }
    let unknown = try #require(throws: CountTableError.self) { try CountDimension.list("host,hots") }
    Self.expectMessage(unknown.description, mentions: ["'hots'"], "list")
    let duplicate = try #require(throws: CountTableError.self) { try CountQuery(by: [.host, .host]) }
    Self.expectMessage(duplicate.description, mentions: ["'host'"], "query")
  }

  static func tag(_ representation: CountingKernelError.Representation) -> String {
    switch representation {
    case .codeOutOfRange: "codeOutOfRange"
    case .lengthMismatch: "lengthMismatch"
    case .rowsOutOfBounds: "rowsOutOfBounds"
    case .tableSizeMismatch: "tableSizeMismatch"
    case .invalidDimension: "invalidDimension"
    case .tooManyCells: "tooManyCells"
    case .invalidThreadCount: "invalidThreadCount"
    }
  }

  static let kernelErrors: [(CountingKernelError.Representation, [String])] = [
    (.codeOutOfRange(dimension: 1, row: 42, code: 9, valid: 0..<3), ["row 42", "dimension 1", "code 9", "0...2"]),
    (.lengthMismatch(dimension: 2, count: 10, expected: 12), ["dimension 2", "10", "12"]),
    (.lengthMismatch(dimension: nil, count: 10, expected: 12), ["weights", "10", "12"]),
    (.rowsOutOfBounds(rows: 5..<20, count: 10), ["5..<20", "10 rows"]),
    (.tableSizeMismatch(count: 7, expected: 9), ["7 cells", "9"]),
    (.invalidDimension(dimension: 0, offset: -1, extent: 3, codeBitWidth: 8), ["dimension 0", "offset -1", "extent 3"]),
    (.tooManyCells(dimension: 3), ["2^32", "dimension 3"]),
    (.invalidThreadCount(0), ["thread count 0"]),
  ]

  @Test("CountingKernelError: every case")
  func countingKernelErrors() throws {
    #expect(Set(Self.kernelErrors.map { Self.tag($0.0) }).count == 7)
    for (representation, mentions) in Self.kernelErrors {
      Self.expectMessage(
        CountingKernelError(representation).description, mentions: mentions, Self.tag(representation))
    }
    // As thrown by the kernel for a real bad code.
    let codes: [UInt8] = [0, 1, 7, 2]
    let error = try #require(throws: CountingKernelError.self) {
      try codes.withUnsafeBufferPointer { buffer in
        try CountingKernel.count(columns: [KernelColumn(buffer, extent: 3)], threads: 1)
      }
    }
    Self.expectMessage(error.description, mentions: ["row 2", "code 7"], "kernel")
  }

  static func tag(_ error: StatisticsError) -> String {
    switch error {
    case .lengthMismatch: "lengthMismatch"
    case .nonFiniteValue: "nonFiniteValue"
    case .invalidConfidenceLevel: "invalidConfidenceLevel"
    case .invalidResampleCount: "invalidResampleCount"
    case .exactMethodRequiresNoTies: "exactMethodRequiresNoTies"
    case .invalidProbability: "invalidProbability"
    case .insufficientData: "insufficientData"
    }
  }

  static let statisticsErrors: [(StatisticsError, [String])] = [
    (.lengthMismatch(x: 3, y: 2), ["3", "2"]),
    (.nonFiniteValue(index: 4), ["index 4", "NaN"]),
    (.invalidConfidenceLevel(1.5), ["1.5"]),
    (.invalidResampleCount(0), ["0"]),
    (.exactMethodRequiresNoTies, ["ties"]),
    (.invalidProbability(index: 2, value: 1.2), ["1.2", "index 2"]),
    (.insufficientData(count: 1, minimum: 3), ["1", "3"]),
  ]

  @Test("StatisticsError: every case, and the ones real calls throw")
  func statisticsErrors() throws {
    #expect(Set(Self.statisticsErrors.map { Self.tag($0.0) }).count == 7)
    for (error, mentions) in Self.statisticsErrors {
      Self.expectMessage(error.description, mentions: mentions, Self.tag(error))
    }
    #expect(throws: StatisticsError.lengthMismatch(x: 3, y: 2)) { try Correlation.pearson([1, 2, 3], [1, 2]) }
    #expect(throws: StatisticsError.nonFiniteValue(index: 1)) { try Correlation.spearman([1, .nan, 3], [1, 2, 3]) }
  }

  // MARK: - The command line

  /// Command lines that are usage errors, and what the message must name.
  static let usageErrors: [([String], [String])] = [
    (["frobnicate"], ["'frobnicate'"]),
    (["count", "--by"], ["--by", "value"]),
    (["count", "--by", "host", "--print-mapping"], ["--print-mapping"]),
    (["count", "--by", "host", "--delimiter", ":"], ["--delimiter", "':'"]),
    (["validate", "f.csv", "--encoding", "utf-16"], ["--encoding", "'utf-16'"]),
    (["validate", "f.csv", "--lenient=yes"], ["--lenient"]),
    (["count", "--by", "host", "--format", "xml"], ["--format", "'xml'"]),
    (["count", "--by", "host", "--top", "0"], ["--top", "'0'"]),
    (["count", "--by", "host", "--from", "2020", "--to", "2010"], ["2020", "2010"]),
    (["count"], ["--by"]),
    (["count", "--by", "hots"], ["--by", "'hots'"]),
    (["count", "--by", "host", "extra"], ["positional"]),
    (["count", "--by", "host", "--category", "torture"], ["--category", "'torture'"]),
    (["validate"], ["FILE"]),
    (["validate", "a.csv", "b.csv"], ["FILE", "2"]),
    (["validate", "f.csv", "--map", "hostcolumn"], ["--map", "'hostcolumn'"]),
    (["validate", "f.csv", "--default", "nosuch=x"], ["'nosuch'"]),
    (["validate", "f.csv", "--today", "2026-13-01"], ["--today", "'2026-13-01'"]),
    (["report", "extra"], ["report"]),
    (["report", "--format", "pdf"], ["--format", "'pdf'"]),
    (["correlate", "--pairs", "p.csv", "--top", "3"], ["--top", "--pairs"]),
    (["correlate", "--measure", "hrt_debt_pct_gdp", "--top", "3"], ["--top", "china_largest_bilateral"]),
    (["correlate", "--seed", "-1"], ["--seed", "'-1'"]),
    (["correlate", "--join", "everything"], ["--join", "'everything'"]),
  ]

  @Test("UsageError: every usage error of tnr names the offending option or value (exit 2)")
  func usageErrors() {
    for (arguments, mentions) in Self.usageErrors {
      let console = RecordingConsole()
      let status = TNRCommand.run(arguments: arguments, console: console.console)
      #expect(status == 2, "\(arguments)")
      #expect(console.standardOutput.isEmpty, "\(arguments)")
      let message = console.standardError
      // A known command's errors name it and point at its help; an unknown command, at the list.
      let known = CommandTable.command(named: arguments[0]) != nil
      #expect(
        known
          ? message.hasPrefix("tnr \(arguments[0]): ") && message.contains("tnr help \(arguments[0])")
          : message.hasPrefix("tnr: ") && message.contains("tnr help"),
        "\(arguments): \(message)")
      let firstLine = String(message.prefix { $0 != "\n" })
      Self.expectMessage(firstLine, mentions: mentions, "\(arguments)")
    }
    let console = RecordingConsole()
    #expect(TNRCommand.run(arguments: [], console: console.console) == 2)
    #expect(console.standardError.contains("USAGE"))
    Self.expectMessage(UsageError("option --x needs a value").description, mentions: ["--x"], "UsageError")
  }

  @Test("data errors from tnr name the file and line (exit 1)")
  func commandLineDataErrors() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-errors-\(UUID()).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let row = "A-1,CN,TR,2019,,,year,detention,detention,,unknown,Uyghur,Title,,,"
    try Data((Self.header + "\n" + row + "\n" + row.replacingOccurrences(of: "TR", with: "XX") + "\n").utf8).write(to: url)
    let validate = RecordingConsole()
    #expect(TNRCommand.run(arguments: ["validate", url.path, "--today", "2026-11-23"], console: validate.console) == 1)
    Self.expectMessage(
      validate.standardOutput.trimmingCharacters(in: .newlines), mentions: [url.path, "line 3", "'XX'", "host"], "validate")
    let count = RecordingConsole()
    #expect(TNRCommand.run(arguments: ["count", "--by", "host", "--incidents", url.path], console: count.console) == 1)
    Self.expectMessage(count.standardError.trimmingCharacters(in: .newlines), mentions: ["line 3", "'XX'"], "count")
    let missing = RecordingConsole()
    #expect(TNRCommand.run(arguments: ["report", "--incidents", "/nonexistent/x.csv"], console: missing.console) == 1)
    Self.expectMessage(missing.standardError.trimmingCharacters(in: .newlines), mentions: ["/nonexistent/x.csv"], "report")
  }
}
