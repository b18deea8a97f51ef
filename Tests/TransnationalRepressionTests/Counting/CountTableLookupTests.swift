import Foundation
import Testing

@testable import TransnationalRepression

/// Looking a cell up by labels in any order: the throwing ``CountTable/value(at:)`` and the
/// subscript, on dense-grid and dictionary tables, with the countries of an origin × host table
/// taken in the table's order.
@Suite("Count table lookup")
struct CountTableLookupTests {
  static let records = SyntheticIncidents(seed: 47, origins: .freedomHouse2025).dataset(count: 3_000).incidents

  /// Every order of `labels` (d! of them; d ≤ 4 here).
  static func permutations(_ labels: [DimensionValue]) -> [[DimensionValue]] {
    guard labels.count > 1 else { return [labels] }
    var result: [[DimensionValue]] = []
    for index in labels.indices {
      var rest = labels
      let first = rest.remove(at: index)
      result += permutations(rest).map { [first] + $0 }
    }
    return result
  }

  @Test("every cell is found under every order of its labels, on grid and dictionary tables")
  func anyOrder() throws {
    let columns = IncidentColumns(Self.records)
    var grids = 0
    for dimensions: [CountDimension] in [[.host, .category], [.region, .category, .year], [.category, .region, .phase]] {
      let query = try CountQuery(by: dimensions)
      var kernel = CountExecution(columns: columns, query: query, threads: 1)
      kernel.routing = .kernelWhenPossible
      var general = CountExecution(columns: columns, query: query, threads: 1)
      general.routing = .generalOnly
      let grid = kernel.incidents()
      let dictionary = general.incidents()
      let persons = general.persons()
      if grid.cellStore.holdsGrid { grids += 1 }
      #expect(grid == dictionary)
      #expect(!dictionary.cellStore.holdsGrid)
      #expect(dictionary.cells.count > 20, "\(dimensions)")
      var wrong: [[DimensionValue]] = []
      for (labels, value) in dictionary.cells {
        for order in Self.permutations(labels) {
          if try grid.value(labels: order) != value || dictionary.value(labels: order) != value
            || grid[labels: order] != value || dictionary[labels: order] != value
            || persons.value(labels: order) != persons.cells[labels] ?? .zero
          {
            wrong.append(order)
          }
        }
      }
      #expect(wrong.isEmpty, "\(dimensions): \(wrong.prefix(5))")
    }
    #expect(grids > 0, "a kernel count over region, category and year keeps its dense grid")
  }

  @Test("the newcomer's lookup: category before country on a host × category table")
  func issueExample() throws {
    let table = try IncidentDataset.documentedSample.countIncidents(by: [.host, .category])
    let inOrder = table[.country(Country("TH")!), .category(.extradition)]   // the old form
    #expect(inOrder == table.cells[[.country(.thailand), .category(.extradition)]])
    #expect(inOrder > 0)
    #expect(table[.category(.extradition), .country(Country("TH")!)] == inOrder)
    #expect(try table.value(at: .category(.extradition), .country(.thailand)) == inOrder)
    #expect(try table.value(at: .country(.thailand), .category(.extradition)) == inOrder)
    // A label the table never saw is a zero cell, not an error.
    #expect(try table.value(at: .category(.detention), .country(.iceland)) == 0)
  }

  @Test("on an origin × host table the countries go in the table's order of those dimensions")
  func countriesKeepTheirOrder() throws {
    let columns = IncidentColumns(Self.records)
    for dimensions: [CountDimension] in [[.origin, .host, .category], [.host, .category, .origin]] {
      let table = columns.countIncidents(try CountQuery(by: dimensions))
      let origin = dimensions.firstIndex(of: .origin)!
      let host = dimensions.firstIndex(of: .host)!
      let category = dimensions.firstIndex(of: .category)!
      var nonSymmetric = 0
      for (labels, value) in table.cells {
        let first = labels[min(origin, host)], second = labels[max(origin, host)]
        // The countries in table order, the category anywhere: the same cell.
        for order in [[labels[category], first, second], [first, labels[category], second], [first, second, labels[category]]] {
          #expect(try table.value(labels: order) == value, "\(order)")
          #expect(table[labels: order] == value)
        }
        // The countries swapped name the mirror cell (origin and host exchanged), not this one.
        var mirror = labels
        mirror.swapAt(origin, host)
        let swapped = try table.value(labels: [labels[category], second, first])
        #expect(swapped == (table.cells[mirror] ?? 0))
        if first != second && swapped != value { nonSymmetric += 1 }
      }
      #expect(nonSymmetric > 0, "the data must tell the two readings apart")
    }
  }

  @Test("labels that cannot name a cell throw a labelMismatch saying why")
  func mismatches() throws {
    let table = try IncidentDataset.documentedSample.countIncidents(by: [.host, .category])
    func message(_ labels: [DimensionValue]) -> String? {
      do {
        _ = try table.value(labels: labels)
        return nil
      } catch {
        guard case .labelMismatch(let text) = error.kind else { return "wrong kind \(error.kind)" }
        return text
      }
    }
    #expect(message([.year(2015), .country(.thailand)]) == "label 2015 fits no dimension of the table [host, category]")
    #expect(message([.country(.thailand), .country(.turkiye)]) == "label TR has no dimension left: 'host' already has a label (table [host, category])")
    #expect(message([.country(.thailand)]) == "1 label [TH] given for a table with 2 dimensions [host, category]")
    #expect(message([.country(.thailand), .category(.detention), .year(2015)])?.hasPrefix("3 labels [TH, detention, 2015]") == true)
    let byOriginAndHost = try IncidentDataset.documentedSample.countIncidents(by: [.origin, .host])
    #expect(throws: CountTableError.self) {
      try byOriginAndHost.value(at: .country(.china), .country(.thailand), .country(.turkiye))
    }
    #expect(throws: CountTableError.self) { try CountTable<Int>.empty.value(at: .year(2000)) }
    #expect(try CountTable<Int>.empty.value(labels: []) == 0)
  }

  @Test("the subscript still stops the program on a label no dimension takes")
  func subscriptTrapsOnUnfitLabels() async {
    await #expect(processExitsWith: .failure) {
      let table = try! CountTable<Int>(
        dimensions: [.host, .category], cells: [[.country(.turkiye), .category(.detention)]: 8])
      _ = table[.year(2015), .country(.turkiye)]
    }
  }
}
