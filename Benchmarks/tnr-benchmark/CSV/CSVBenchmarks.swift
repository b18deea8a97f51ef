import Foundation
import TransnationalRepression

/// The CSV benchmarks: each stage from gen.py's CSV to a count, so the cost of each shows.
///
/// The input is gen.py's CSV of `--size` rows (default 10⁶, 27.35 MB), generated in process
/// (``BaselineCSV``) and written to a temporary file before timing; the file is then in the page
/// cache, as in the CSV measurements of Benchmarks/Peers. Every stage reads it through
/// ``BaselineCSV/mapping`` and validates every row.
enum CSVBenchmarks {
  static let all: [Benchmark] = [
    Benchmark(
      name: "csv.import",
      summary: "IncidentCSV.read: gen.py's CSV, read + validated into an IncidentDataset",
      unit: "rows", defaultSize: 1_000_000
    ) { context in
      let file = try BaselineCSV.temporaryFile(rows: context.size, threads: context.threads)
      var accepted = 0
      return BenchmarkRun(
        items: context.size, bytes: file.bytes,
        details: { [("accepted", .int(accepted)), ("file_bytes", .int(file.bytes))] },
        teardown: file.remove
      ) {
        let result = try IncidentCSV.read(
          contentsOf: file.url, mapping: BaselineCSV.mapping, today: BaselineCSV.today)
        accepted = result.report.accepted
      }
    },
    Benchmark(
      name: "csv.columns",
      summary: "IncidentColumns.read: gen.py's CSV, read + validated into columns",
      unit: "rows", defaultSize: 1_000_000
    ) { context in
      let file = try BaselineCSV.temporaryFile(rows: context.size, threads: context.threads)
      var columns: IncidentColumns?
      return BenchmarkRun(
        items: context.size, bytes: file.bytes,
        details: { storeDetails(columns) + [("file_bytes", .int(file.bytes))] },
        teardown: file.remove
      ) {
        columns = nil
        columns = try IncidentColumns.read(
          contentsOf: file.url, mapping: BaselineCSV.mapping, today: BaselineCSV.today,
          threads: context.threads
        ).columns
      }
    },
    Benchmark(
      name: "csv.count",
      summary: "IncidentColumns.read + countIncidents by (host, category, year)",
      unit: "rows", defaultSize: 1_000_000
    ) { context in
      let file = try BaselineCSV.temporaryFile(rows: context.size, threads: context.threads)
      var table: CountTable<Int>?
      let expected = BaselineGenerator.knownChecksums[context.size]
      return BenchmarkRun(
        items: context.size, bytes: file.bytes,
        checksum: { table.map(BaselineCSV.checksum) },
        details: {
          guard let expected, let table else { return [] }
          return [
            ("expected_checksum", .string(expected)),
            ("checksum_ok", .bool(BaselineCSV.checksum(table) == expected)),
          ]
        },
        teardown: file.remove
      ) {
        table = nil
        let columns = try IncidentColumns.read(
          contentsOf: file.url, mapping: BaselineCSV.mapping, today: BaselineCSV.today,
          threads: context.threads
        ).columns
        table = columns.countIncidents(BaselineCSV.query, threads: context.threads)
      }
    },
    Benchmark(
      name: "columns.build",
      summary: "IncidentColumns(dataset): the columns of gen.py's rows read by IncidentCSV",
      unit: "rows", defaultSize: 1_000_000
    ) { context in
      let file = try BaselineCSV.temporaryFile(rows: context.size, threads: context.threads)
      defer { file.remove() }
      let dataset = try IncidentCSV.read(
        contentsOf: file.url, mapping: BaselineCSV.mapping, today: BaselineCSV.today
      ).dataset
      var columns: IncidentColumns?
      return BenchmarkRun(items: dataset.count, details: { storeDetails(columns) }) {
        columns = nil
        columns = IncidentColumns(dataset)
      }
    },
  ]

  /// The store's size: bytes per incident in the fixed columns and in all.
  static func storeDetails(_ columns: IncidentColumns?) -> [(String, JSONValue)] {
    guard let columns, columns.count > 0 else { return [] }
    return [
      ("incidents", .int(columns.count)),
      ("store_bytes", .int(columns.storageBytes)),
      ("store_bytes_per_incident", .double(Double(columns.storageBytes) / Double(columns.count))),
      ("fixed_bytes_per_incident", .int(IncidentColumns.bytesPerIncident)),
    ]
  }
}
