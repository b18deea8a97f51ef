import Foundation
import Testing

@testable import TransnationalRepression

@Suite("SeededGenerator")
struct SeededGeneratorTests {
  struct Case: Decodable {
    let seed: String
    let next: [String]
    let bounded_bounds: [UInt64]
    let bounded: [UInt64]
    let doubles: [Double]
    let shuffle_of_0_to_9: [Int]
  }
  struct Fixture: Decodable {
    let meta: FixtureMeta
    let cases: [Case]
  }

  @Test("Outputs equal the independent Python implementation (seeds 0, 42, 2⁶⁴ − 1, 123456789)")
  func pinnedStreams() throws {
    let fixture = try Fixtures.json(Fixture.self, "scipy/seeded_generator.json")
    #expect(fixture.cases.map(\.seed).contains("0"))
    #expect(fixture.cases.map(\.seed).contains("42"))
    for testCase in fixture.cases {
      let seed = try #require(UInt64(testCase.seed))
      var generator = SeededGenerator(seed: seed)
      #expect(testCase.next.map { UInt64($0)! } == (0..<testCase.next.count).map { _ in generator.next() })
      generator = SeededGenerator(seed: seed)
      #expect(testCase.bounded_bounds.map { generator.next(upperBound: $0) } == testCase.bounded)
      generator = SeededGenerator(seed: seed)
      #expect((0..<testCase.doubles.count).map { _ in generator.nextDouble() } == testCase.doubles)
      generator = SeededGenerator(seed: seed)
      var items = Array(0..<10)
      generator.shuffle(&items)
      #expect(items == testCase.shuffle_of_0_to_9)
    }
  }

  @Test("First outputs for seeds 0 and 42, written out")
  func firstOutputs() {
    // The same values are in seeded_generator.json (from the independent Python
    // implementation); they are spelled out here so that a reader sees the pinned stream.
    var zero = SeededGenerator(seed: 0)
    #expect([zero.next(), zero.next(), zero.next()] == [11_091_344_671_253_066_420, 13_793_997_310_169_335_082, 1_900_383_378_846_508_768])
    var answer = SeededGenerator(seed: 42)
    #expect([answer.next(), answer.next(), answer.next()] == [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009])
    var deck = Array(0..<10)
    var shuffler = SeededGenerator(seed: 42)
    shuffler.shuffle(&deck)
    #expect(deck == [9, 1, 4, 2, 8, 7, 6, 5, 3, 0])
  }

  @Test("Bounded integers are uniform and copies fork the stream")
  func uniformity() {
    var generator = SeededGenerator(seed: 5)
    var counts = [Int](repeating: 0, count: 6)
    for _ in 0..<60_000 { counts[Int(generator.next(upperBound: 6))] += 1 }
    // χ² with 5 degrees of freedom; 20.5 is its 0.999 quantile.
    let chiSquare = counts.reduce(0.0) { $0 + pow(Double($1) - 10_000, 2) / 10_000 }
    #expect(chiSquare < 20.5)
    var copy = generator
    #expect(copy.next() == generator.next())
    let unit = (0..<1_000).map { _ in generator.nextDouble() }
    #expect(unit.allSatisfy { $0 >= 0 && $0 < 1 })
    #expect(abs(unit.reduce(0, +) / 1_000 - 0.5) < 0.05)
  }

  @Test("Works with the standard library's random APIs and round-trips through Codable")
  func standardLibrary() throws {
    var generator = SeededGenerator(seed: 99)
    let value = Int.random(in: 1...6, using: &generator)
    #expect((1...6).contains(value))
    let data = try JSONEncoder().encode(generator)
    var decoded = try JSONDecoder().decode(SeededGenerator.self, from: data)
    #expect(decoded.next() == generator.next())
  }
}
