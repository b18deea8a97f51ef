import Foundation
import Testing

@testable import TransnationalRepression

/// Value-level mapping on the record reader: countries by name, one date column, counts as
/// text, vocabularies, optional columns, all missing columns at once, and the columnar reader's
/// fall-back. Every expected value is written by hand.
@Suite("Value mapping")
struct ValueMappingTests {
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  /// The spreadsheet shape of issue 13.
  static func spreadsheetMapping(order: DateOrder? = nil) -> ColumnMapping {
    ColumnMapping(
      columns: [.id: "Case ID", .host: "Country", .persons: "Number of people", .sourceTitle: "Source"],
      defaults: [.origin: "CN", .ethnicGroups: "Uyghur"],
      dateColumn: "Date", dateOrder: order, kindColumn: "Type",
      values: [
        "kind": [
          "Deportation": "extradition/deportation", "Detention": "detention",
          "Threats to family": "intimidation/threats_to_family",
        ]
      ])
  }

  static let header = "Case ID,Country,Date,Type,Number of people,Source\n"

  func read(_ rows: String, mapping: ColumnMapping = spreadsheetMapping(), mode: ImportMode = .lenient)
    throws -> ImportResult
  {
    try IncidentCSV.read(text: Self.header + rows, mapping: mapping, mode: mode, today: Self.today)
  }

  @Test("the issue's row shapes are accepted: names, date text, labels, counts as text")
  func issueRows() throws {
    let result = try read(
      """
      A1,Thailand,2015-07-09,Deportation,about 4,HRW
      A2,Turkey,July 2017,threats to family , 5+,RFA
      A3,UAE,2019,DETENTION,,Amnesty
      A4,KZ,9 July 2015,Deportation,unknown,HRIC

      """)
    #expect(result.report.isClean, "\(result.report.rejected.map(\.reason))")
    let dataset = result.dataset
    #expect(dataset.map(\.host.alpha2) == ["TH", "TR", "AE", "KZ"])
    #expect(dataset.map(\.date.description) == ["2015-07-09", "2017-07", "2019", "2015-07-09"])
    #expect(dataset.map(\.date.precision) == [.day, .month, .year, .day])
    #expect(dataset.map(\.kind) == [
      .extradition(.deportation), .intimidation(.threatsToFamily), .detention(.unknown),
      .extradition(.deportation),
    ])
    #expect(dataset.map(\.persons) == [
      try PersonCount(4, qualifier: .about), try PersonCount(5, qualifier: .atLeast), .unknown, .unknown,
    ])
    #expect(dataset.allSatisfy { $0.origin == .china && $0.ethnicGroups == [.uyghur] })
    #expect(dataset.map { $0.sources[0].title } == ["HRW", "RFA", "Amnesty", "HRIC"])
    #expect(result.report.ignoredColumns.isEmpty)
  }

  @Test("an ambiguous country name is a rejected row listing the candidates")
  func ambiguousCountry() throws {
    let result = try read("A1,Congo,2015,Deportation,1,X\n")
    let row = try #require(result.report.rejected.first)
    #expect(row.line == 2 && row.error.column == 2 && row.error.field == "Country")
    #expect(row.reason.contains("'Congo' could be more than one country"))
    #expect(row.reason.contains("CG") && row.reason.contains("CD"))
    #expect(row.raw == "A1,Congo,2015,Deportation,1,X")
  }

  @Test("an unknown country name is a rejected row saying so")
  func unknownCountry() throws {
    let result = try read("A1,Atlantis,2015,Deportation,1,X\n")
    let row = try #require(result.report.rejected.first)
    #expect(row.reason.contains("'Atlantis' is neither an ISO 3166-1 country code"))
  }

  @Test("an ambiguous numeric date needs --date-order, even with a day over 12")
  func numericDates() throws {
    let rows = "A1,TH,09/07/2015,Deportation,1,X\nA2,TH,25/07/2015,Deportation,1,X\n"
    let without = try read(rows)
    #expect(without.report.accepted == 0 && without.report.rejected.count == 2)
    #expect(without.report.rejected.allSatisfy { $0.reason.contains("--date-order") && $0.error.column == 3 })
    let dmy = try read(rows, mapping: Self.spreadsheetMapping(order: .dmy))
    #expect(dmy.report.isClean)
    #expect(dmy.dataset.map(\.date.description) == ["2015-07-09", "2015-07-25"])
    let mdy = try read("A1,TH,07/09/2015,Deportation,1,X\n", mapping: Self.spreadsheetMapping(order: .mdy))
    #expect(mdy.dataset.map(\.date.description) == ["2015-07-09"])
  }

  @Test("a future date in the date column is rejected at that column")
  func futureDate() throws {
    let result = try read("A1,TH,2027-01-01,Deportation,1,X\n")
    let row = try #require(result.report.rejected.first)
    #expect(row.error.column == 3 && row.error.field == "Date")
    #expect(row.reason.contains("in the future"))
  }

  @Test("an unmapped label is a rejected row naming the label and the known labels")
  func unmappedLabel() throws {
    let result = try read("A1,TH,2015,Abduction,1,X\n")
    let row = try #require(result.report.rejected.first)
    #expect(row.error.column == 4 && row.error.field == "Type")
    #expect(row.reason.contains("'Abduction' is not a label the mapping knows for kind"))
    #expect(row.reason.contains("'Deportation', 'Detention', 'Threats to family'"))
  }

  @Test("a count that is not a count is rejected, never guessed")
  func badCount() throws {
    let result = try read("A1,TH,2015,Deportation,3-5,X\nA2,TH,2015,Deportation,many,X\n")
    #expect(result.report.accepted == 0)
    #expect(result.report.rejected.map(\.error.column) == [5, 5])
    #expect(result.report.rejected[0].reason.contains("range"))
  }

  @Test("vocabularies of other fields, case-insensitive and trimmed")
  func fieldVocabulary() throws {
    var mapping = Self.spreadsheetMapping()
    mapping.columns[.gender] = "Sex"
    mapping.values["gender"] = ["F": "female", "M": "MALE"]
    let text = "Case ID,Country,Date,Type,Number of people,Source,Sex\n"
      + "A1,TH,2015,Deportation,1,X, f \nA2,TH,2015,Deportation,1,X,m\nA3,TH,2015,Deportation,1,X,\n"
      + "A4,TH,2015,Deportation,1,X,W\n"
    let result = try IncidentCSV.read(text: text, mapping: mapping, mode: .lenient, today: Self.today)
    #expect(result.dataset.map(\.gender) == [.female, .male, nil])
    let row = try #require(result.report.rejected.first)
    #expect(row.line == 5 && row.error.field == "Sex")
    #expect(row.reason.contains("'W'") && row.reason.contains("'F', 'M'"))
  }

  @Test("enumerated values compare ignoring case under a mapping, not in the canonical schema")
  func caseInsensitive() throws {
    let header = "id,origin,host,year,date_precision,category,mode,persons,persons_qualifier,ethnic_groups,source_title\n"
    let row = "A1,cn,Thailand,2015,Year,Extradition,Deportation,4,About,uyghur,X\n"
    let mapped = try IncidentCSV.read(
      text: header + row, mapping: ColumnMapping(columns: [.host: "host"]), today: Self.today)
    #expect(mapped.dataset.map(\.kind) == [.extradition(.deportation)])
    #expect(mapped.dataset.map(\.persons) == [try PersonCount(4, qualifier: .about)])
    #expect(mapped.dataset.map(\.host) == [Country("TH")!])
    // The canonical schema is read exactly: the missing columns and the spelling are errors.
    #expect(throws: ImportError.self) {
      try IncidentCSV.read(text: header + row, today: Self.today)
    }
  }

  @Test("optional columns may be absent under a mapping")
  func optionalColumnsAbsent() throws {
    let text = "id,origin,host,year,date_precision,category,mode,ethnic_groups,source_title\n"
      + "A1,CN,TH,2015,year,extradition,deportation,Uyghur,X\n"
    let result = try IncidentCSV.read(
      text: text, mapping: ColumnMapping(defaults: [.notes: ""]), today: Self.today)
    #expect(result.report.isClean)
    let incident = try #require(result.dataset.first)
    #expect(incident.persons == .unknown && incident.notes.isEmpty && incident.sources[0].url == nil)
  }

  @Test("every missing required column is reported at once")
  func allMissingColumns() throws {
    let text = "Country,Number of people\nTH,1\n"
    let error = try #require(throws: ImportError.self) {
      try IncidentCSV.read(text: text, mapping: Self.spreadsheetMapping(), today: Self.today)
    }
    #expect(error.line == 1)
    #expect(
      error.reason
        == "the header lacks 4 columns: 'Case ID' (mapped to id), 'Source' (mapped to source_title), "
        + "'Date' (mapped to date), 'Type' (mapped to kind); map each to a column of the file "
        + "(--map FIELD=COLUMN) or give a value (--default FIELD=VALUE)")
  }

  @Test("one missing column under a mapping keeps the missingColumn kind")
  func oneMissingColumn() throws {
    let text = "Case ID,Country,Date,Number of people,Source\nA1,TH,2015,1,X\n"
    let error = try #require(throws: ImportError.self) {
      try IncidentCSV.read(text: text, mapping: Self.spreadsheetMapping(), today: Self.today)
    }
    #expect(error.kind == .missingColumn("Type"))
    #expect(error.field == "kind")
  }

  @Test("a mapping that contradicts itself is an error before any row")
  func inconsistentMapping() throws {
    var mapping = Self.spreadsheetMapping()
    mapping.columns[.year] = "Date"
    #expect(throws: ImportError.self) {
      try IncidentCSV.read(text: Self.header, mapping: mapping, today: Self.today)
    }
    var badKind = Self.spreadsheetMapping()
    badKind.values["kind"]!["Abduction"] = "kidnapping"
    let error = try #require(throws: ImportError.self) {
      try IncidentCSV.read(text: Self.header, mapping: badKind, today: Self.today)
    }
    #expect(error.reason.contains("'Abduction'") && error.reason.contains("CATEGORY/MODE"))
    var badField = Self.spreadsheetMapping()
    badField.values["host"] = ["Siam": "TH"]
    #expect(throws: ImportError.self) {
      try IncidentCSV.read(text: Self.header, mapping: badField, today: Self.today)
    }
  }

  @Test("the columnar reader falls back to the record reader for value-level mappings")
  func columnarFallback() throws {
    let rows = """
      A1,Thailand,2019,Deportation,about 4,HRW
      A2,TR,2017-07,Threats to family,5,RFA
      A3,Congo,2015,Deportation,1,X
      A4,TH,2019,Detention,12,Y

      """
    let text = Self.header + rows
    let records = try IncidentCSV.read(
      text: text, mapping: Self.spreadsheetMapping(), mode: .lenient, today: Self.today)
    let columns = try IncidentColumns.read(
      text: text, mapping: Self.spreadsheetMapping(), mode: .lenient, today: Self.today)
    #expect(columns.report == records.report)
    #expect(columns.columns == IncidentColumns(records.dataset))
    #expect(columns.columns.count == 3)
    // "2019" alone must be a year-precision date, and "5" an exact count, not anything the
    // canonical fast path would make of them.
    #expect(records.dataset.map(\.date.precision) == [.year, .month, .year])
    #expect(records.dataset.map(\.persons)[1] == (try PersonCount(5, qualifier: .exact)))
    #expect(ColumnMapping.canonical.needsRecordReader == false)
    #expect(Self.spreadsheetMapping().needsRecordReader)
  }

  @Test("the columnar fast path agrees with the record reader on names, case and spaces under a plain mapping")
  func columnarPlainMapping() throws {
    // Every field has a column or a default, so the columnar reader keeps its fast path; rows it
    // does not take on their bytes (a name, 'Detention', ' TR') go to the record reader.
    let mapping = ColumnMapping(
      columns: [.category: "kind", .host: "where"],
      defaults: [
        .origin: "CN", .month: "", .day: "", .datePrecision: "year", .mode: "unspecified",
        .persons: "", .personsQualifier: "unknown", .ethnicGroups: "Uyghur",
        .sourceTitle: "S", .sourceURL: "", .sourceDate: "", .notes: "",
      ])
    #expect(!mapping.needsRecordReader)
    let text = """
      id,kind,where,year
      1,intimidation,TR,2019
      2,Detention,Thailand,2015
      3,extradition, TR ,2016
      4,extradition,Congo,2016
      5,EXTRADITION,Viet Nam,2017

      """
    let records = try IncidentCSV.read(text: text, mapping: mapping, mode: .lenient, today: Self.today)
    #expect(records.dataset.map(\.host.alpha2) == ["TR", "TH", "TR", "VN"])
    #expect(records.dataset.map(\.kind.category) == [.intimidation, .detention, .extradition, .extradition])
    #expect(records.report.rejected.map(\.line) == [5])
    for threads in [1, 2] {
      let columns = try IncidentColumns.read(
        text: text, mapping: mapping, mode: .lenient, today: Self.today, threads: threads)
      #expect(columns.report == records.report)
      #expect(columns.columns == IncidentColumns(records.dataset))
    }
  }

  @Test("the mapping round-trips through JSON with date and kind among the columns")
  func codable() throws {
    let mapping = Self.spreadsheetMapping(order: .dmy)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(mapping)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"date\":\"Date\"") && text.contains("\"kind\":\"Type\""))
    #expect(text.contains("\"date_order\":\"dmy\""))
    #expect(try JSONDecoder().decode(ColumnMapping.self, from: data) == mapping)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(ColumnMapping.self, from: Data(#"{"columns":{"where":"X"}}"#.utf8))
    }
  }
}
