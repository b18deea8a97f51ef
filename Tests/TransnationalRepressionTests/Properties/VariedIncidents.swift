import Foundation

@testable import TransnationalRepression

/// A seeded generator of valid datasets with everything a hand-made spreadsheet may hold: quotes,
/// commas, line breaks (LF, CRLF, a lone CR), tabs, a NUL, a byte-order mark and unicode in ids,
/// notes, titles, publishers and names; several sources; every optional column (detention
/// outcome, gender, publisher, person name); several ethnic groups; several origins. Test
/// support, not API.
///
/// Record *i* starts from ``SyntheticIncidents`` record *i* (its category, mode, date, host,
/// persons and groups) and varies the rest from a ``SeededGenerator``, so the same seed always
/// gives the same dataset.
struct VariedIncidents {
  /// The day against which the datasets are valid.
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  /// Text that CSV and JSON writers must escape or keep exactly.
  static let awkwardText: [String] = [
    "", "plain", "comma, inside", "quote \"here\"", "\"", "\"\"", ",", "line\nbreak",
    "crlf\r\nbreak", "trailing cr\r", "\rleading cr", " leading and trailing spaces ", "\t tab",
    "Уйгур ئۇيغۇر 漢字 ✓ 🇺🇳", "e\u{301} decomposed", "\u{FEFF}byte-order mark inside",
    "NUL \u{0} char", "semi;colon", "a,\"b\",\nc", "'single'", "\\ backslash", "<html> & more",
    "#comment-like", "=formula()", "-5", "0042", String(repeating: "long ", count: 60),
  ]

  /// Titles: never empty or blank.
  static let titles: [String] = awkwardText.filter { $0.contains { !$0.isWhitespace } }

  let seed: UInt64

  /// A valid dataset of `count` records, with ids unique across seeds.
  func dataset(count: Int) -> IncidentDataset {
    var random = SeededGenerator(seed: seed ^ 0x5EED_F00D)
    let origins: SyntheticIncidents.OriginMix = seed % 2 == 0 ? .chinaOnly : .freedomHouse2025
    let synthetic = SyntheticIncidents(seed: seed, origins: origins)
    let incidents = (0..<count).map { vary(synthetic.incident(at: $0), index: $0, &random) }
    do {
      return try IncidentDataset(incidents, validatedOn: Self.today)
    } catch {
      fatalError("VariedIncidents made an invalid dataset: \(error)")
    }
  }

  private func pick<T>(_ items: [T], _ random: inout SeededGenerator) -> T {
    items[random.nextIndex(below: items.count)]
  }

  private func chance(_ percent: Int, _ random: inout SeededGenerator) -> Bool {
    random.nextIndex(below: 100) < percent
  }

  private func vary(_ base: Incident, index: Int, _ random: inout SeededGenerator) -> Incident {
    var id = "V\(seed)-\(index)"
    if chance(30, &random) { id += ":" + pick(Self.awkwardText, &random) }
    if chance(5, &random) { id = " " + id }
    var sources: [SourceCitation] = []
    for _ in 0..<(1 + random.nextIndex(below: chance(30, &random) ? 3 : 1)) {
      let dates = ["", "2019", "2019-02", "2019-02-28", "2020-02-29", "1997-12-31"]
      let urls = ["", "https://example.org/a?b=c,d", "http://example.org/\"q\""]
      let publishers = ["", "RFA", "Human Rights Watch, Inc.", "Амнистия"]
      sources.append(
        try! SourceCitation(
          title: pick(Self.titles, &random), url: pick(urls, &random),
          publisher: chance(40, &random) ? pick(publishers, &random) : nil, date: pick(dates, &random)))
    }
    var groups = base.ethnicGroups
    if chance(15, &random) { groups.insert(pick(EthnicGroup.allCases, &random)) }
    let name: PersonName? =
      chance(25, &random) ? PersonName(pick(Self.titles, &random) + " \(index)") : nil
    let notes = (0..<random.nextIndex(below: 3)).map { _ in pick(Self.awkwardText, &random) }
      .joined(separator: pick([" ", "\n", ", ", ""], &random))
    do {
      return try Incident(
        id: id, origin: base.origin, host: base.host, date: base.date, kind: base.kind,
        persons: base.persons, ethnicGroups: groups,
        gender: chance(30, &random) ? pick(Gender.allCases, &random) : nil, sources: sources,
        notes: notes, personName: name)
    } catch {
      fatalError("VariedIncidents made an invalid incident: \(error)")
    }
  }
}
