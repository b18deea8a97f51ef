import Foundation
import Testing

@testable import TransnationalRepression

/// The seeded synthetic generator: determinism, labelling, calibration, and its columns.
@Suite("Synthetic incidents")
struct SyntheticIncidentsTests {
  @Test("the same seed gives the same records; another seed different ones")
  func deterministic() {
    let a = SyntheticIncidents(seed: 77).dataset(count: 500)
    let b = SyntheticIncidents(seed: 77).dataset(count: 500)
    let c = SyntheticIncidents(seed: 78).dataset(count: 500)
    #expect(a == b)
    #expect(a.incidents.map(\.host) != c.incidents.map(\.host))
  }

  @Test("record i depends only on the seed and i: a small dataset is the prefix of a large one")
  func prefix() {
    let generator = SyntheticIncidents(seed: 3, origins: .freedomHouse2025)
    let small = generator.dataset(count: 100)
    let large = generator.dataset(count: 1_000)
    #expect(Array(large.incidents.prefix(100)) == small.incidents)
    #expect(generator.incident(at: 999) == large[999])
  }

  @Test("every record is labelled synthetic")
  func labelled() {
    let generator = SyntheticIncidents(seed: 12_345)
    for incident in generator.dataset(count: 300) {
      #expect(incident.id.hasPrefix("SYN-"))
      #expect(incident.sources.count == 1)
      #expect(
        incident.sources[0].title
          == "SYNTHETIC — TransnationalRepression.SyntheticIncidents(seed: 12345), not real events")
      #expect(incident.notes.contains("Synthetic record") && incident.notes.contains("not a real event"))
    }
    #expect(generator.sourceTitle.hasPrefix("SYNTHETIC — "))
    #expect(Set(generator.dataset(count: 300).map(\.id)).count == 300)
  }

  @Test("records are valid: a dataset of them validates")
  func valid() throws {
    let records = SyntheticIncidents(seed: 8, origins: .freedomHouse2025).dataset(count: 2_000).incidents
    let dataset = try IncidentDataset(records, validatedOn: CalendarDay(year: 2026, month: 1, day: 1)!)
    #expect(dataset.count == 2_000)
    #expect(records.allSatisfy { $0.host != $0.origin })
  }

  @Test("the calibration comes from the bundled published figures")
  func calibration() {
    let calibration = SyntheticIncidents.Calibration.published
    #expect(calibration.categoryWeights == [5_532, 1_150, 424])
    #expect(calibration.phaseWeights == [84, 126, 1_364])
    #expect(calibration.regionWeights == [689, 668, 1_574 - 689 - 668])
    #expect(calibration.returnModeWeights == [.deportation: 108, .coercedReturn: 89, .rendition: 11, .extradition: 9])
    #expect(calibration.freedomHouseOriginWeights[.china] == 272)
    #expect(calibration.freedomHouseOriginWeights.count == 10)
    #expect(calibration.hostWeights.count == UyghurDiasporaEstimate.all.count)
    let mena = calibration.hostWeights.filter { $0.key.region == .middleEastAndNorthAfrica }.values.reduce(0, +)
    #expect(isApproximatelyEqual(mena, 689, relative: 1e-9))
    #expect(calibration.figures.allSatisfy { PublishedFigure.all.contains($0) })
  }

  @Test("large samples follow the calibrated shares and spread over every value")
  func shares() throws {
    let count = 200_000
    let columns = SyntheticIncidents(seed: 1).columns(count: count)
    let byCategory = columns.countIncidents(try CountQuery(by: [.category]))
    let weights = [5_532.0, 1_150, 424]
    for (index, category) in IncidentCategory.allCases.enumerated() {
      let expected = weights[index] / weights.reduce(0, +)
      let share = Double(byCategory[.category(category)]) / Double(count)
      #expect(abs(share - expected) < 0.005, "\(category): \(share) vs \(expected)")
    }
    let byPhase = columns.countIncidents(try CountQuery(by: [.phase]))
    let phases = Periodization.greatWallOfSteel.phases
    let phaseWeights = [84.0, 126, 1_364]
    for (index, phase) in phases.enumerated() {
      let expected = phaseWeights[index] / phaseWeights.reduce(0, +)
      let share = Double(byPhase[.phase(phase)]) / Double(count)
      #expect(abs(share - expected) < 0.005, "\(phase.name): \(share) vs \(expected)")
    }
    let byRegion = columns.countIncidents(try CountQuery(by: [.region]))
    #expect(abs(Double(byRegion[.region(.middleEastAndNorthAfrica)]) / Double(count) - 689.0 / 1_574) < 0.005)
    // Every year 1997…2025, every tactic, several persons sizes, second groups and overflow occur.
    #expect(columns.years == 1997...2025)
    let byYear = columns.countIncidents(try CountQuery(by: [.year]))
    #expect(byYear.cells.count == 29)
    let byMode = columns.countIncidents(try CountQuery(by: [.category, .mode]))
    // The generator draws the first eleven tactics only (assassination and physical
    // intimidation were added later and are never drawn), detention, and four return modes.
    #expect(byMode.cells.count == 11 + 1 + 4)
    #expect(!byMode.cells.keys.contains { $0.contains(.mode("assassination")) })
    let byGroup = columns.countIncidents(try CountQuery(by: [.ethnicGroup]))
    let excess = byGroup.cells.values.reduce(0, +) - count
    #expect(abs(Double(excess) / Double(count) - 0.05) < 0.005)
    #expect(columns.overflowCount > 0)
    let persons = columns.countPersons(try CountQuery(by: []))
    #expect(abs(Double(persons.total.unknownRecords) / Double(count) - 0.08) < 0.005)
    #expect(Double(persons.total.knownSum) / Double(persons.total.records - persons.total.unknownRecords) > 2)
    // Bytes per incident with overflow: 8 plus 16 per rare overflow entry.
    #expect(Double(columns.storageBytes) / Double(count) < 8.05)
  }

  @Test("columns generated directly equal the columns of the records", arguments: [1, 2, 5])
  func columnsMatchRecords(threads: Int) {
    for origins in SyntheticIncidents.OriginMix.allCases {
      let generator = SyntheticIncidents(seed: 4_242, origins: origins)
      let direct = generator.columns(count: 6_000, threads: threads, minimumRowsPerThread: 100)
      let built = IncidentColumns(generator.dataset(count: 6_000))
      #expect(direct == built)
    }
    #expect(SyntheticIncidents(seed: 1).columns(count: 0) == IncidentColumns(IncidentDataset.empty))
    // The public entry point splits only large counts; it still gives the same store.
    let generator = SyntheticIncidents(seed: 9)
    #expect(generator.columns(count: 3_000, threads: threads) == IncidentColumns(generator.dataset(count: 3_000)))
  }

  @Test("the counter-based SplitMix64 matches the sequential generator")
  func splitMix() {
    var sequential = TestRandom(seed: 0xDEAD_BEEF)
    for counter in 0..<1_000 {
      #expect(SplitMix64.value(seed: 0xDEAD_BEEF, counter: UInt64(counter)) == sequential.next())
    }
    // Known first output of SplitMix64 seeded with 0 (Vigna's reference implementation).
    #expect(SplitMix64.value(seed: 0, counter: 0) == 0xE220_A839_7B1D_CDAF)
  }

  @Test("uniform indices cover their range")
  func uniform() {
    #expect(uniformIndex(0, 12) == 0)
    #expect(uniformIndex(0xFFFF_FFFF, 12) == 11)
    #expect(uniformIndex(0x8000_0000, 12) == 6)
    let choice = WeightedChoice(weights: [1, 0, 3], bits: 16)
    #expect(choice.pick(0) == 0)
    #expect(choice.pick(16_383) == 0)
    #expect(choice.pick(16_384) == 2)
    #expect(choice.pick(65_535) == 2)
  }
}
