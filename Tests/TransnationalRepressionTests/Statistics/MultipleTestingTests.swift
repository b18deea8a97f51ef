import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Benjamini–Hochberg")
struct MultipleTestingTests {
  struct Case: Decodable {
    let p: [Double]
    let adjusted: [Double]
  }
  struct Fixture: Decodable {
    let meta: FixtureMeta
    let cases: [Case]
  }

  @Test("Adjusted p-values equal scipy's false_discovery_control(method='bh')")
  func againstScipy() throws {
    let fixture = try Fixtures.json(Fixture.self, "scipy/benjamini_hochberg.json")
    #expect(fixture.cases.count >= 9)
    var tally = ErrorTally("benjamini-hochberg")
    for testCase in fixture.cases {
      let adjusted = try benjaminiHochberg(testCase.p)
      #expect(adjusted.count == testCase.adjusted.count)
      for (actual, expected) in zip(adjusted, testCase.adjusted) {
        tally.record(actual, expected, "\(testCase.p.count) values")
        #expect(isApproximatelyEqual(actual, expected, relative: 1e-15), "\(actual) vs \(expected)")
      }
    }
    tally.report()
  }

  @Test("scipy's documented example and invalid input")
  func example() throws {
    #expect(try benjaminiHochberg([0.5, 0.6, 0.1, 0.001]) == [0.6, 0.6, 0.2, 0.004])
    #expect(throws: StatisticsError.invalidProbability(index: 1, value: 1.5)) {
      _ = try benjaminiHochberg([0.2, 1.5])
    }
    #expect(throws: StatisticsError.self) { _ = try benjaminiHochberg([.nan, 0.5]) }
  }
}
