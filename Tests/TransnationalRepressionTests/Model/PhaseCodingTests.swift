import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Phase JSON")
struct PhaseCodingTests {
  @Test("a phase writes first_year and last_year, and reads them and the earlier camelCase keys")
  func snakeCaseAndLegacy() throws {
    let phase = Phase(name: "2014–present", firstYear: 2014, lastYear: nil)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let text = String(decoding: try encoder.encode(phase), as: UTF8.self)
    #expect(text == #"{"first_year":2014,"last_year":null,"name":"2014–present"}"#)
    #expect(try JSONDecoder().decode(Phase.self, from: Data(text.utf8)) == phase)
    let legacy = #"{"name":"1997–2007","firstYear":1997,"lastYear":2007}"#
    #expect(try JSONDecoder().decode(Phase.self, from: Data(legacy.utf8)) == Phase(name: "1997–2007", firstYear: 1997, lastYear: 2007))
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Phase.self, from: Data(#"{"name":"x"}"#.utf8)) }
  }
}
