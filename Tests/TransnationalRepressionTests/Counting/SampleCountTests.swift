import Testing

@testable import TransnationalRepression

/// Counts of the bundled sample that the data README states.
@Suite("Counts of the bundled sample")
struct SampleCountTests {
  static let sample = IncidentDataset.documentedSample

  @Test("by category: 8 intimidation, 24 detention, 28 extradition")
  func byCategory() throws {
    let table = try Self.sample.countIncidents(by: [.category])
    #expect(table[.category(.intimidation)] == 8)
    #expect(table[.category(.detention)] == 24)
    #expect(table[.category(.extradition)] == 28)
    #expect(table.total == 60)
    #expect(table.reconciliation().isConsistent)
  }

  @Test("persons returned: 297 known, 24 exact, 3 at least, 1 up to")
  func personsReturned() throws {
    let table = try Self.sample.countPersons(by: [.category])
    let returned = table[.category(.extradition)]
    #expect(returned == PersonsCell(knownSum: 297, exactRecords: 24, atLeastRecords: 3, upToRecords: 1))
    #expect(returned.records == 28)
    #expect(!returned.isExact && !returned.isLowerBound)
    let detained = table[.category(.detention)]
    #expect(detained == PersonsCell(knownSum: 495, exactRecords: 21, atLeastRecords: 2, aboutRecords: 1))
    // Three surveillance cases give no number: counted as unknown records, adding nothing.
    let intimidation = table[.category(.intimidation)]
    #expect(intimidation == PersonsCell(knownSum: 62, exactRecords: 4, aboutRecords: 1, unknownRecords: 3))
    #expect(table.total.knownSum == 854 && table.total.records == 60)
  }

  @Test("by host and category: Thailand returned 3 groups, Turkey detained 8 people")
  func byHostAndCategory() throws {
    let table = try Self.sample.countIncidents(by: [.host, .category])
    #expect(table[.country(Country("TH")!), .category(.extradition)] == 3)
    #expect(table[.country(Country("TR")!), .category(.detention)] == 8)
    #expect(table[.country(Country("FR")!), .category(.detention)] == 0)
    #expect(try table.marginal(over: [.host]).cells.count == 22)
  }

  @Test("by ethnic group: two incidents name two groups, so the cells exceed the total by 2")
  func byEthnicGroup() throws {
    let table = try Self.sample.countIncidents(by: [.ethnicGroup])
    #expect(table[.ethnicGroup(.uyghur)] == 54)
    #expect(table[.ethnicGroup(.kazakh)] == 6)
    #expect(table[.ethnicGroup(.kyrgyz)] == 1)
    #expect(table[.ethnicGroup(.tibetan)] == 1)
    #expect(table.total == 60)
    #expect(table.cells.values.reduce(0, +) == 62)
    let check = table.reconciliation()
    #expect(check.isConsistent)
    #expect(check.checks.last?.status == .multiValued)
    #expect(check.checks.last?.difference == 2)
  }

  @Test("by phase: the default periodization splits the sample 10 / 11 / 39")
  func byPhase() throws {
    let table = try Self.sample.countIncidents(by: [.phase])
    let phases = Periodization.greatWallOfSteel.phases
    #expect(table[.phase(phases[0])] == 10)
    #expect(table[.phase(phases[1])] == 11)
    #expect(table[.phase(phases[2])] == 39)
    #expect(table[.phase(nil)] == 0)
    let byYear = try Self.sample.countIncidents(by: [.year])
    #expect(try byYear.phaseTotals() == table)
  }
}
