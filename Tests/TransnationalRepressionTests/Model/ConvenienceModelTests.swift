import Foundation
import Testing

@testable import TransnationalRepression

/// The short ways to write model values: `PersonCount.atLeast`/`about`/`upTo` and
/// `Incident(id:host:year:month:day:…:source:)`, beside the full forms, which keep working.
@Suite("Model shorthands")
struct ConvenienceModelTests {
  @Test("atLeast, about and upTo equal the validated initializer with their qualifier")
  func personCountConstructors() throws {
    for value in [0, 1, 62, 109, 1_000_000] {
      #expect(PersonCount.atLeast(value) == (try PersonCount(value, qualifier: .atLeast)))
      #expect(PersonCount.about(value) == (try PersonCount(value, qualifier: .about)))
      #expect(PersonCount.upTo(value) == (try PersonCount(value, qualifier: .upTo)))
      #expect(PersonCount.exactly(value) == (try PersonCount(value, qualifier: .exact)))
    }
    #expect(PersonCount.atLeast(62).description == "at least 62")
    #expect(PersonCount.about(200).description == "about 200")
    #expect(PersonCount.upTo(10).description == "up to 10")
    #expect(PersonCount.upTo(10).value == 10 && PersonCount.upTo(10).qualifier == .upTo)
    #expect(PersonCount.unknown.value == nil)
    // Round trip through JSON, as the validated forms do.
    for count in [PersonCount.atLeast(3), .about(4), .upTo(5)] {
      let data = try JSONEncoder().encode(count)
      #expect(try JSONDecoder().decode(PersonCount.self, from: data) == count)
    }
    #expect(throws: PersonCountError.negative(-1)) { try PersonCount(-1, qualifier: .atLeast) }
  }

  @Test("a negative count in the shorthand is a programming error, as for .exactly")
  func personCountNegativeTraps() async {
    await #expect(processExitsWith: .failure) { _ = PersonCount.atLeast(-1) }
    await #expect(processExitsWith: .failure) { _ = PersonCount.about(-2) }
    await #expect(processExitsWith: .failure) { _ = PersonCount.upTo(-3) }
  }

  static let source = try! SourceCitation(title: "Thailand deports Uyghurs to China", url: "https://example.org/th")

  @Test("the short Incident initializer equals the full one, with the precision from the parts given")
  func incidentShortForm() throws {
    let cases: [(month: Int?, day: Int?, precision: DatePrecision)] = [
      (nil, nil, .year), (7, nil, .month), (7, 9, .day), (2, 29, .day),
    ]
    for (month, day, precision) in cases {
      let short = try Incident(
        id: "A", host: .thailand, year: 2016, month: month, day: day,
        kind: .extradition(.deportation), persons: .exactly(109), ethnicGroups: [.uyghur],
        source: Self.source)
      let full = try Incident(
        id: "A", origin: Country("CN")!, host: Country("TH")!,
        date: IncidentDate(year: 2016, month: month, day: day, precision: precision),
        kind: .extradition(.deportation), persons: .exactly(109), ethnicGroups: [.uyghur],
        sources: [Self.source])
      #expect(short == full)
      #expect(short.date.precision == precision)
    }
    let other = try Incident(
      id: "B", origin: .russianFederation, host: .kazakhstan, year: 2020,
      kind: .intimidation(.threat), ethnicGroups: [.kazakh, .uyghur], source: Self.source,
      notes: "two groups")
    #expect(other.origin == Country("RU")!)
    #expect(other.persons == .unknown)
    #expect(other.sources == [Self.source])
    #expect(other.notes == "two groups")
    #expect(other.gender == nil && other.personName == nil)
  }

  @Test("the short Incident initializer throws what the date and the full initializer throw")
  func incidentShortFormThrows() {
    func issue(_ make: () throws(ValidationIssue) -> Incident) -> ValidationIssue? {
      do {
        _ = try make()
        return nil
      } catch {
        return error
      }
    }
    #expect(issue { () throws(ValidationIssue) in
      try Incident(id: "A", host: .thailand, year: 2021, month: 2, day: 30, kind: .detention(.unknown), ethnicGroups: [.uyghur], source: Self.source)
    } == .invalidDate(.dayOutOfRange(year: 2021, month: 2, day: 30, daysInMonth: 28)))
    #expect(issue { () throws(ValidationIssue) in
      try Incident(id: "A", host: .thailand, year: 2021, day: 3, kind: .detention(.unknown), ethnicGroups: [.uyghur], source: Self.source)
    } == .invalidDate(.dayWithoutMonth))
    #expect(issue { () throws(ValidationIssue) in
      try Incident(id: "A", host: .thailand, year: 2021, month: 13, kind: .detention(.unknown), ethnicGroups: [.uyghur], source: Self.source)
    } == .invalidDate(.monthOutOfRange(13)))
    #expect(issue { () throws(ValidationIssue) in
      try Incident(id: "A", host: .thailand, year: 99, kind: .detention(.unknown), ethnicGroups: [.uyghur], source: Self.source)
    } == .invalidDate(.yearOutOfRange(99)))
    #expect(issue { () throws(ValidationIssue) in
      try Incident(id: " ", host: .thailand, year: 2021, kind: .detention(.unknown), ethnicGroups: [.uyghur], source: Self.source)
    } == .emptyID)
    #expect(issue { () throws(ValidationIssue) in
      try Incident(id: "A", host: .thailand, year: 2021, kind: .detention(.unknown), ethnicGroups: [], source: Self.source)
    } == .noEthnicGroup)
  }
}
