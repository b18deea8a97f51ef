import Foundation
import Testing

@testable import TransnationalRepression

/// Measures how many of the 249 ISO 3166-1 countries' English names `Country.lookup(name:)`
/// resolves, over the committed list `Tests/Fixtures/country-names/country-names.json`
/// (written by `generate_country_names.py` from pycountry 26.2.16, independently of the
/// library's name table). The counts asserted here are the measured ones; every name that does
/// not resolve is listed with the reason.
@Suite("Country name coverage")
struct CountryNameCoverageTests {

  /// One row of `country-names.json`.
  struct Row: Decodable {
    let alpha2: String
    let name: String
    let commonName: String
    let officialName: String?
    let inverted: String?
  }

  struct Document: Decodable {
    let source: String
    let countries: [Row]
  }

  /// How a list of names fared: resolved to the right country, to a wrong one, or not at all.
  struct Measurement {
    var total = 0
    var resolved = 0
    var wrong: [String] = []
    var unresolved: [String] = []
  }

  private func measure(_ rows: [Row], _ name: (Row) -> String?) -> Measurement {
    var result = Measurement()
    for row in rows {
      guard let text = name(row) else { continue }
      result.total += 1
      switch Country.lookup(name: text) {
      case .country(let country) where country.alpha2 == row.alpha2: result.resolved += 1
      case .country(let country): result.wrong.append("\(text) -> \(country.alpha2)")
      case .ambiguous(let candidates):
        result.unresolved.append(
          "\(row.alpha2) \(text): ambiguous (\(candidates.map(\.alpha2).joined(separator: ", ")))")
      case .unknown: result.unresolved.append("\(row.alpha2) \(text): unknown")
      }
    }
    return result
  }

  private func rows() throws -> [Row] {
    try Fixtures.json(Document.self, "country-names/country-names.json").countries
  }

  @Test("the list has the 249 ISO codes, in the bundled table's order")
  func listMatchesTable() throws {
    let rows = try rows()
    #expect(rows.count == 249)
    #expect(rows.map(\.alpha2) == Country.allCountries.filter { !$0.isUserAssigned }.map(\.alpha2))
  }

  @Test("ISO short names: 247 of 249 resolve; Congo and Guinea are ambiguous by design")
  func shortNames() throws {
    let result = measure(try rows(), \.name)
    #expect(result.total == 249)
    #expect(result.resolved == 247)
    #expect(result.wrong.isEmpty)
    // ISO's own short names for CG and GN, which people also write for CD, and for GQ and GW.
    #expect(
      result.unresolved == ["CG Congo: ambiguous (CD, CG)", "GN Guinea: ambiguous (GN, GQ, GW)"])
  }

  @Test("common names: 247 of 249 resolve; Congo and Guinea are ambiguous by design")
  func commonNames() throws {
    let result = measure(try rows(), \.commonName)
    #expect(result.total == 249)
    #expect(result.resolved == 247)
    #expect(result.wrong.isEmpty)
    #expect(
      result.unresolved == ["CG Congo: ambiguous (CD, CG)", "GN Guinea: ambiguous (GN, GQ, GW)"])
  }

  @Test("official names: 173 of 173 resolve")
  func officialNames() throws {
    let result = measure(try rows(), \.officialName)
    #expect(result.total == 173)
    #expect(result.resolved == 173)
    #expect(result.wrong.isEmpty)
    #expect(result.unresolved.isEmpty)
  }

  @Test("inverted names: 12 of 12 resolve, as written and turned round")
  func invertedNames() throws {
    let rows = try rows()
    let asWritten = measure(rows, \.inverted)
    #expect(asWritten.total == 12)
    #expect(asWritten.resolved == 12)
    #expect(asWritten.wrong.isEmpty)
    // "Korea, Republic of" -> "Republic of Korea", "Virgin Islands, British" -> "British Virgin
    // Islands": the same turn as the list's generator describes.
    let turned = measure(rows) { row in
      row.inverted.map { name in
        let parts = name.split(separator: ",", maxSplits: 1).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        return "\(parts[1]) \(parts[0])"
      }
    }
    #expect(turned.total == 12)
    #expect(turned.resolved == 12)
    #expect(turned.wrong.isEmpty)
  }
}
