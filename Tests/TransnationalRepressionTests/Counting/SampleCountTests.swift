import Testing

@testable import TransnationalRepression

/// Counts of the bundled sample that the data README states.
@Suite("Counts of the bundled sample")
struct SampleCountTests {
  static let sample = IncidentDataset.documentedSample

  @Test("by category: 23 intimidation, 28 detention, 30 extradition")
  func byCategory() throws {
    let table = try Self.sample.countIncidents(by: [.category])
    #expect(table[.category(.intimidation)] == 23)
    #expect(table[.category(.detention)] == 28)
    #expect(table[.category(.extradition)] == 30)
    #expect(table.total == 81)
    #expect(table.reconciliation().isConsistent)
  }

  @Test("persons returned: 313 known, 25 exact, 3 at least, 2 up to")
  func personsReturned() throws {
    let table = try Self.sample.countPersons(by: [.category])
    let returned = table[.category(.extradition)]
    #expect(returned == PersonsCell(knownSum: 313, exactRecords: 25, atLeastRecords: 3, upToRecords: 2))
    #expect(returned.records == 30)
    #expect(!returned.isExact && !returned.isLowerBound)
    let detained = table[.category(.detention)]
    #expect(detained == PersonsCell(knownSum: 499, exactRecords: 25, atLeastRecords: 2, aboutRecords: 1))
    // Three surveillance cases give no number: counted as unknown records, adding nothing.
    let intimidation = table[.category(.intimidation)]
    #expect(intimidation == PersonsCell(knownSum: 112, exactRecords: 17, atLeastRecords: 2, aboutRecords: 1, unknownRecords: 3))
    #expect(table.total.knownSum == 924 && table.total.records == 81)
  }

  @Test("by host and category: Thailand returned 3 groups, Turkey detained 8 people")
  func byHostAndCategory() throws {
    let table = try Self.sample.countIncidents(by: [.host, .category])
    #expect(table[.country(Country("TH")!), .category(.extradition)] == 3)
    #expect(table[.country(Country("TR")!), .category(.detention)] == 8)
    #expect(table[.country(Country("FR")!), .category(.detention)] == 0)
    #expect(try table.marginal(over: [.host]).cells.count == 31)
  }

  @Test("by ethnic group: two incidents name two groups, so the cells exceed the total by 2")
  func byEthnicGroup() throws {
    let table = try Self.sample.countIncidents(by: [.ethnicGroup])
    #expect(table[.ethnicGroup(.uyghur)] == 75)
    #expect(table[.ethnicGroup(.kazakh)] == 6)
    #expect(table[.ethnicGroup(.kyrgyz)] == 1)
    #expect(table[.ethnicGroup(.tibetan)] == 1)
    #expect(table.total == 81)
    #expect(table.cells.values.reduce(0, +) == 83)
    let check = table.reconciliation()
    #expect(check.isConsistent)
    #expect(check.checks.last?.status == .multiValued)
    #expect(check.checks.last?.difference == 2)
  }

  @Test("by phase: the default periodization splits the sample 11 / 11 / 59")
  func byPhase() throws {
    let table = try Self.sample.countIncidents(by: [.phase])
    let phases = Periodization.greatWallOfSteel.phases
    #expect(table[.phase(phases[0])] == 11)
    #expect(table[.phase(phases[1])] == 11)
    #expect(table[.phase(phases[2])] == 59)
    #expect(table[.phase(nil)] == 0)
    let byYear = try Self.sample.countIncidents(by: [.year])
    #expect(try byYear.phaseTotals() == table)
  }
}
