import Foundation
import TNRCommandLine
import Testing

@testable import TransnationalRepression

/// Counting, reading and the command line give identical results when 16 tasks run them at once
/// (and each count may itself split its rows over threads). Run under `swift test
/// --sanitize=thread` in CI, these are also the race detector's workload.
@Suite("Concurrency: 16 tasks at once")
struct ConcurrentCountingTests {
  static let tasks = 16

  static let queries: [CountQuery] = [
    try! CountQuery(by: [.host, .category]),
    try! CountQuery(by: [.year, .ethnicGroup], where: IncidentFilter(years: 2005...2020)),
    try! CountQuery(by: [.origin, .phase, .mode]),
    try! CountQuery(by: []),
  ]

  /// Runs `body` in `tasks` child tasks and returns the results in task order.
  static func inTasks<T: Sendable>(_ body: @escaping @Sendable (Int) throws -> T) async throws -> [T] {
    try await withThrowingTaskGroup(of: (Int, T).self) { group in
      for task in 0..<tasks { group.addTask { (task, try body(task)) } }
      var results = [T?](repeating: nil, count: tasks)
      for try await (task, result) in group { results[task] = result }
      return results.map { $0! }
    }
  }

  @Test("16 tasks counting the same columns, on 1 to 4 threads each, agree with a sequential count")
  func sharedColumns() async throws {
    // 300,000 rows: enough for the kernel to split rows over 2 threads (131,072 rows each at least).
    let columns = SyntheticIncidents(seed: 6, origins: .freedomHouse2025).columns(count: 300_000)
    let expected = Self.queries.map { columns.countIncidents($0, threads: 1) }
    let expectedPersons = columns.countPersons(Self.queries[0], threads: 1)
    let results = try await Self.inTasks { task in
      (
        Self.queries.map { columns.countIncidents($0, threads: 1 + task % 4) },
        columns.countPersons(Self.queries[0], threads: 1 + task % 4)
      )
    }
    for (incidents, persons) in results {
      #expect(incidents == expected)
      #expect(persons == expectedPersons)
    }
  }

  @Test("16 tasks counting small tables with a forced split over 4 threads agree")
  func forcedThreadSplit() async throws {
    let dataset = VariedIncidents(seed: 12).dataset(count: 2_000)
    let columns = IncidentColumns(dataset)
    let expected = Self.queries.map { columns.countIncidents($0, threads: 1) }
    let results = try await Self.inTasks { _ in
      Self.queries.map { query in
        var execution = CountExecution(columns: columns, query: query, threads: 4)
        execution.minimumRowsPerThread = 64
        return execution.incidents()
      }
    }
    for result in results { #expect(result == expected) }
  }

  @Test("16 tasks counting parts of a dataset merge, in any completion order, into its count")
  func partialTablesMerge() async throws {
    let dataset = VariedIncidents(seed: 13).dataset(count: 1_600)
    let parts = (0..<Self.tasks).map { part in dataset.filter { Int($0.id.split(separator: "-")[1].prefix { $0.isNumber })! % Self.tasks == part } }
    #expect(parts.map(\.count).reduce(0, +) == dataset.count)
    let merged = try await withThrowingTaskGroup(of: CountTable<PersonsCell>.self) { group in
      for part in parts { group.addTask { try part.countPersons(by: [.host, .ethnicGroup]) } }
      var total = CountTable<PersonsCell>.empty
      for try await table in group { total = try total.merging(table) }
      return total
    }
    #expect(merged == (try dataset.countPersons(by: [.host, .ethnicGroup])))
  }

  @Test("16 tasks reading the same CSV and counting it agree")
  func concurrentImport() async throws {
    let text = IncidentCSV.write(VariedIncidents(seed: 14).dataset(count: 400), names: .include)
    let today = VariedIncidents.today
    let expected = try IncidentCSV.read(text: text, today: today)
    let results = try await Self.inTasks { task in
      let result = try IncidentCSV.read(bytes: Array(text.utf8), mode: task % 2 == 0 ? .strict : .lenient, today: today)
      return (result, try result.dataset.countIncidents(by: [.host, .year]))
    }
    let expectedTable = try expected.dataset.countIncidents(by: [.host, .year])
    for (result, table) in results {
      #expect(result == expected)
      #expect(table == expectedTable)
    }
  }

  @Test("16 tasks generating synthetic columns on 4 threads each agree")
  func concurrentGeneration() async throws {
    let generator = SyntheticIncidents(seed: 15)
    let expected = generator.columns(count: 20_000, threads: 1)
    let results = try await Self.inTasks { _ in
      generator.columns(count: 20_000, threads: 4, minimumRowsPerThread: 1_000)
    }
    for columns in results { #expect(columns == expected) }
  }

  @Test("16 tasks running tnr commands at once print what one task prints")
  func concurrentCommandLine() async throws {
    let commands: [[String]] = [
      ["count", "--by", "host,category", "--format", "json"],
      ["report", "--format", "markdown"],
      ["correlate", "--format", "json"],
      ["count", "--by", "year", "--measure", "persons", "--format", "csv"],
    ]
    @Sendable func run(_ arguments: [String]) -> (Int32, String, String) {
      let console = RecordingConsole()
      let status = TNRCommand.run(arguments: arguments, console: console.console)
      return (status, console.standardOutput, console.standardError)
    }
    let expected = commands.map(run)
    let results = try await Self.inTasks { task in run(commands[task % commands.count]) }
    for (task, result) in results.enumerated() {
      let wanted = expected[task % commands.count]
      #expect(result.0 == wanted.0 && result.1 == wanted.1 && result.2 == wanted.2, "\(commands[task % commands.count])")
    }
  }

  @Test("16 tasks computing statistics on shared samples agree")
  func concurrentStatistics() async throws {
    let x = (0..<300).map { Double(($0 * 37) % 101) }
    let y = (0..<300).map { Double(($0 * 53) % 97) + Double($0) / 10 }
    let expected = try [Correlation.pearson(x, y), Correlation.spearman(x, y), Correlation.kendallTauB(x, y)]
    let permutation = try PermutationTest.correlation(x, y, method: .spearman, permutations: 500, seed: 3)
    let results = try await Self.inTasks { _ in
      (
        try [Correlation.pearson(x, y), Correlation.spearman(x, y), Correlation.kendallTauB(x, y)],
        try PermutationTest.correlation(x, y, method: .spearman, permutations: 500, seed: 3)
      )
    }
    for (tests, test) in results {
      #expect(tests == expected)
      #expect(test == permutation)
    }
  }
}
