import Foundation
import Testing

@testable import TransnationalRepression

/// CSV and JSON round trips are identities on seeded datasets with awkward text, several sources
/// and every optional column.
@Suite("Properties: round trips")
struct RoundTripProperties {
  static let today = VariedIncidents.today
  /// Seeds of the generated datasets (one test case each).
  static let seeds: [UInt64] = Array(0..<60)

  /// The dataset for a seed: from 0 to 40 records.
  static func dataset(_ seed: UInt64) -> IncidentDataset {
    VariedIncidents(seed: seed).dataset(count: Int(seed % 41))
  }

  @Test("CSV: read → write → read is equal, write → read → write is identical", arguments: seeds)
  func csv(seed: UInt64) throws {
    let dataset = Self.dataset(seed)
    for names in [PersonNamePolicy.include, .omit] {
      let first = IncidentCSV.write(dataset, names: names)
      let read = try IncidentCSV.read(text: first, today: Self.today)
      let expected = names == .include ? dataset : dataset.withoutNames
      #expect(read.dataset == expected, "seed \(seed), names \(names)")
      #expect(read.report.dataRows == dataset.count && read.report.isClean)
      let second = IncidentCSV.write(read.dataset, names: names)
      #expect(Array(first.utf8) == Array(second.utf8), "seed \(seed)")
      // The same bytes read as bytes, from a file with small blocks, and with CRLF endings.
      #expect(try IncidentCSV.read(bytes: Array(first.utf8), today: Self.today) == read)
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-prop-\(seed)-\(UUID()).csv")
      defer { try? FileManager.default.removeItem(at: url) }
      try Data(first.utf8).write(to: url)
      #expect(try IncidentCSV.read(contentsOf: url, today: Self.today) == read)
    }
  }

  @Test("CSV: any block size of the streaming reader gives the same records", arguments: [UInt64(3), 17, 40])
  func streamingBlocks(seed: UInt64) throws {
    let text = IncidentCSV.write(Self.dataset(seed), names: .include)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-blocks-\(seed)-\(UUID()).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(text.utf8).write(to: url)
    func records(_ reader: CSVReader) throws -> [[String]] {
      var all: [[String]] = []
      try reader.forEachRecord { all.append([String($0.line), $0.rawText] + ($0.fields() ?? ["<invalid>"])) }
      return all
    }
    let expected = try records(CSVReader(text: text))
    for blockSize in [64, 65, 100, 127, 256, 1000, 4096] {
      #expect(try records(CSVReader(contentsOf: url, blockSize: blockSize)) == expected, "block \(blockSize)")
    }
  }

  @Test("JSON: read → write → read is equal, write → read → write is identical", arguments: seeds)
  func json(seed: UInt64) throws {
    let dataset = Self.dataset(seed)
    for names in [PersonNamePolicy.include, .omit] {
      let first = try IncidentJSON.write(dataset, names: names)
      let read = try IncidentJSON.read(data: first, today: Self.today)
      #expect(read.dataset == (names == .include ? dataset : dataset.withoutNames), "seed \(seed)")
      #expect(read.report.dataRows == dataset.count && read.report.accepted == dataset.count)
      #expect(try IncidentJSON.write(read.dataset, names: names) == first, "seed \(seed)")
    }
  }

  @Test("CSV and JSON agree: JSON → dataset → CSV → dataset → JSON gives the same bytes", arguments: seeds)
  func crossFormat(seed: UInt64) throws {
    let dataset = Self.dataset(seed)
    let json = try IncidentJSON.write(dataset, names: .include)
    let viaCSV = try IncidentCSV.read(text: IncidentCSV.write(dataset, names: .include), today: Self.today)
    #expect(try IncidentJSON.write(viaCSV.dataset, names: .include) == json)
  }
}

extension IncidentDataset {
  /// The same records without people's names (what an export that omits names reads back as).
  var withoutNames: IncidentDataset {
    IncidentDataset(validated: incidents.map { incident in
      try! Incident(
        id: incident.id, origin: incident.origin, host: incident.host, date: incident.date,
        kind: incident.kind, persons: incident.persons, ethnicGroups: incident.ethnicGroups,
        gender: incident.gender, sources: incident.sources, notes: incident.notes, personName: nil)
    })
  }
}
