import Foundation
import Testing

@testable import TransnationalRepression

/// Ethnic groups outside the typed list (`Other:NAME`) and an explicit `Unknown`: parsed, kept,
/// written back, counted, and refused when a bare unknown name is not allowed.
@Suite("Open ethnic groups")
struct OpenEthnicGroupTests {
  static let header =
    "id,origin,host,year,month,day,date_precision,category,mode,persons,persons_qualifier,"
    + "ethnic_groups,source_title,source_url,source_date,notes"

  static func row(_ id: String, origin: String = "CN", groups: String) -> String {
    "\(id),\(origin),TR,2020,,,year,intimidation,threat,1,exact,\(groups),Test source,,,"
  }

  static let today = CalendarDay(year: 2026, month: 12, day: 6)!

  @Test("A cell's spelling: a known group in any case, Other:NAME with its name, nothing else")
  func spellings() throws {
    #expect(EthnicGroup.parse(spelling: "uyghur")?.group == .uyghur)
    #expect(EthnicGroup.parse(spelling: "Unknown")?.group == .unknown)
    let baloch = try #require(EthnicGroup.parse(spelling: "Other:Baloch"))
    #expect(baloch.group == .other && baloch.name == "Baloch")
    #expect(EthnicGroup.parse(spelling: "other: Hong Konger ")?.name == "Hong Konger")
    #expect(EthnicGroup.parse(spelling: "Other")?.name == nil)
    for refused in ["Baloch", "Other:", "Other: ", "Other:Uyghur", "Other:other:X", "Uighur"] {
      #expect(EthnicGroup.parse(spelling: refused) == nil, "\(refused)")
    }
  }

  @Test("An incident keeps the names in order, once each, and holds Other")
  func incidentNames() throws {
    let source = try SourceCitation(title: "Test source")
    let incident = try Incident(
      id: "X-1", host: .turkiye, date: IncidentDate(year: 2020, precision: .year),
      kind: .intimidation(.threat), ethnicGroups: [.uyghur],
      otherEthnicGroups: ["Sikh", "Baloch", "Sikh"], sources: [source])
    #expect(incident.ethnicGroups == Set<EthnicGroup>([.uyghur, .other]))
    #expect(incident.otherEthnicGroups == ["Sikh", "Baloch"])
    #expect(incident.ethnicGroupSpellings == ["Uyghur", "Other:Sikh", "Other:Baloch"])
    #expect(throws: ValidationIssue.invalidOtherEthnicGroup("Kazakh")) {
      try Incident(
        id: "X-2", host: .turkiye, date: IncidentDate(year: 2020, precision: .year),
        kind: .intimidation(.threat), ethnicGroups: [], otherEthnicGroups: ["Kazakh"], sources: [source])
    }
    #expect(throws: ValidationIssue.noEthnicGroup) {
      try Incident(
        id: "X-3", host: .turkiye, date: IncidentDate(year: 2020, precision: .year),
        kind: .intimidation(.threat), ethnicGroups: [], sources: [source])
    }
  }

  @Test("The canonical CSV reads Other:NAME and Unknown strictly and writes them back unchanged")
  func canonicalRoundTrip() throws {
    let text = ([Self.header] + [
      Self.row("G-1", groups: "Uyghur;Other:Baloch"),
      Self.row("G-2", groups: "Unknown"),
      Self.row("G-3", origin: "IN", groups: "Other:Sikh;Other:Kashmiri"),
      Self.row("G-4", groups: "other:Hong Konger"),
    ]).joined(separator: "\n") + "\n"
    let result = try IncidentCSV.read(text: text, today: Self.today)
    let byID = Dictionary(uniqueKeysWithValues: result.dataset.incidents.map { ($0.id, $0) })
    #expect(byID["G-1"]?.ethnicGroups == Set<EthnicGroup>([.uyghur, .other]))
    #expect(byID["G-1"]?.otherEthnicGroups == ["Baloch"])
    #expect(byID["G-2"]?.ethnicGroups == Set<EthnicGroup>([.unknown]))
    #expect(byID["G-3"]?.otherEthnicGroups == ["Sikh", "Kashmiri"])
    #expect(byID["G-4"]?.otherEthnicGroups == ["Hong Konger"])

    let written = IncidentCSV.write(result.dataset)
    #expect(written.contains(",Uyghur;Other:Baloch,"))
    #expect(written.contains(",Unknown,"))
    #expect(written.contains(",Other:Sikh;Other:Kashmiri,"))
    #expect(written.contains(",Other:Hong Konger,"))
    let again = try IncidentCSV.read(text: written, today: Self.today)
    #expect(again.dataset.incidents == result.dataset.incidents)

    let json = try IncidentJSON.write(result.dataset)
    let fromJSON = try IncidentJSON.read(data: json, today: Self.today)
    #expect(fromJSON.dataset.incidents == result.dataset.incidents)
  }

  @Test("A bare name outside the list is refused with the known groups and both ways out")
  func bareNameRefused() throws {
    let text = [Self.header, Self.row("G-1", groups: "Uyghur;Baloch")].joined(separator: "\n")
    do {
      _ = try IncidentCSV.read(text: text, today: Self.today)
      Issue.record("a bare unknown group was accepted")
    } catch {
      let message = error.description
      #expect(message.contains("'Baloch' is not a known ethnic group"))
      #expect(message.contains("Uyghur, Kazakh"))
      #expect(message.contains("Other:NAME"))
      #expect(message.contains("--allow-other-groups"))
      #expect(message.contains("line 2"))
    }
  }

  @Test("allowsOtherEthnicGroups reads a bare name as Other:NAME, on the record and the columnar path")
  func allowedBareNames() throws {
    let text = ([Self.header] + [
      Self.row("G-1", groups: "Uyghur;Baloch"),
      Self.row("G-2", groups: "Unknown"),
      Self.row("G-3", groups: "Other:Sikh"),
      Self.row("G-4", groups: "Kazakh"),
    ]).joined(separator: "\n") + "\n"
    var mapping = ColumnMapping()
    mapping.allowsOtherEthnicGroups = true
    let records = try IncidentCSV.read(text: text, mapping: mapping, today: Self.today)
    #expect(records.dataset.incidents.first { $0.id == "G-1" }?.otherEthnicGroups == ["Baloch"])

    let query = try CountQuery(by: [.ethnicGroup])
    let fromRecords = IncidentColumns(records.dataset).countIncidents(query)
    let columnar = try IncidentColumns.read(
      bytes: Array(text.utf8), mapping: mapping, today: Self.today)
    #expect(columnar.report.accepted == 4)
    let fromColumns = columnar.columns.countIncidents(query)
    #expect(fromColumns == fromRecords)
    #expect(try fromColumns.value(at: .ethnicGroup(.other)) == 2)
    #expect(try fromColumns.value(at: .ethnicGroup(.unknown)) == 1)
    #expect(try fromColumns.value(at: .ethnicGroup(.uyghur)) == 1)
    #expect(try fromColumns.value(at: .ethnicGroup(.kazakh)) == 1)
  }

  @Test("The mapping's allow_other_groups survives its JSON")
  func mappingJSON() throws {
    var mapping = ColumnMapping()
    mapping.allowsOtherEthnicGroups = true
    let data = try JSONEncoder().encode(mapping)
    #expect(String(decoding: data, as: UTF8.self).contains("\"allow_other_groups\":true"))
    #expect(try JSONDecoder().decode(ColumnMapping.self, from: data) == mapping)
    #expect(try JSONDecoder().decode(ColumnMapping.self, from: Data("{}".utf8)).allowsOtherEthnicGroups == false)
  }
}
