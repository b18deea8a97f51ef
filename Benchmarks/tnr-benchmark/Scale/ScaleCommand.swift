import Foundation
import TransnationalRepression

/// `tnr-benchmark scale …`: import and count files far larger than the tests use, in bounded
/// memory, and report the peak resident memory (VmHWM).
///
///     tnr-benchmark scale generate FILE --rows N [--seed S]
///     tnr-benchmark scale import FILE [--schema canonical|benchmark] [--import batches|columns]
///                                     [--batch-rows N] [--by DIM,...] [--duplicate-ids file|batch]
///                                     [--format text|json]
///
/// `generate` writes N synthetic records (``SyntheticIncidents``) in the canonical schema, a chunk
/// at a time. `import` streams FILE in batches of whole records (``CSVBatches``), imports each with
/// ``IncidentCSV`` in lenient mode, counts it, and merges the partial ``CountTable``s — the merge
/// laws make the result the count of the whole file. It checks that no row is lost (accepted +
/// rejected == data rows, summed over batches), rejects a repeated id across batches (by a 64-bit
/// hash of each id: 8 bytes a row; `--duplicate-ids batch` checks within batches only, for memory
/// independent of the file), and for gen.py's CSV (`--schema benchmark`) compares the count with the
/// checksum in gen.py's `FILE.json`. `--import columns` reads the file with
/// `IncidentColumns.read` instead (the streaming columnar import: memory for 8 bytes a row and the
/// ids), to measure that path at scale.
enum ScaleCommand {
  static let usage = """
    usage: tnr-benchmark scale generate FILE --rows N [--seed S]
           tnr-benchmark scale import FILE [--schema canonical|benchmark] [--import batches|columns]
                                           [--batch-rows N] [--by DIM,...]
                                           [--duplicate-ids file|batch] [--format text|json]

    generate  write N synthetic records (SyntheticIncidents, seed S, default 1) in the canonical
              schema, streaming
    import    stream FILE in batches of whole records (default 65536), import each with
              IncidentCSV (lenient), count it by DIMs (default host,category,year), merge the
              tables; report rows, seconds, rows/s and peak RSS (VmHWM). --schema benchmark reads
              gen.py's id,kind,host_country_iso2,year and checks gen.py's checksum (FILE.json).
              --import columns reads the whole file with IncidentColumns.read instead (8 bytes a
              row plus the ids, no Incident values).
    """

  /// The validation day: fixed, so results do not change with the date.
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  static func main(_ arguments: [String]) -> Int32 {
    do {
      guard let command = arguments.first else { throw ScaleUsageError("scale needs a command\n\(usage)") }
      var options = try ScaleOptions(Array(arguments.dropFirst()))
      switch command {
      case "generate": return try generate(&options)
      case "import": return try importFile(&options)
      case "help", "--help", "-h":
        print(usage)
        return 0
      default: throw ScaleUsageError("unknown scale command \(command)\n\(usage)")
      }
    } catch let error as ScaleUsageError {
      printError("tnr-benchmark scale: \(error.message)")
      return 2
    } catch {
      printError("tnr-benchmark scale: error: \(error)")
      return 1
    }
  }

  // MARK: - generate

  static func generate(_ options: inout ScaleOptions) throws -> Int32 {
    guard let path = options.operand, let rows = options.rows else {
      throw ScaleUsageError("generate needs FILE and --rows N")
    }
    let generator = SyntheticIncidents(seed: options.seed ?? 1)
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw ColumnsFileError(path, "cannot create the file")
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    let start = Date()
    var header: Substring?
    let chunk = 20_000
    var written = 0
    for first in stride(from: 0, to: rows, by: chunk) {
      let dataset = try IncidentDataset(
        (first..<min(rows, first + chunk)).map(generator.incident(at:)), validatedOn: today)
      let text = IncidentCSV.write(dataset)
      let end = text.firstIndex(of: "\n")!
      let chunkHeader = text[..<end]
      if let header {
        guard header == chunkHeader else {
          throw ScaleUsageError("chunk at row \(first) needs other columns; use a larger chunk")
        }
        try handle.write(contentsOf: Data(text[text.index(after: end)...].utf8))
      } else {
        header = chunkHeader
        try handle.write(contentsOf: Data(text.utf8))
      }
      written += dataset.count
    }
    let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(
      "wrote \(path): \(written) rows, \(bytes) bytes in \(String(format: "%.1f", Date().timeIntervalSince(start))) s, "
        + "peak RSS \(megabytes(PeakMemory.bytes()))")
    return 0
  }

  // MARK: - import

  static func importFile(_ options: inout ScaleOptions) throws -> Int32 {
    guard let path = options.operand else { throw ScaleUsageError("import needs FILE") }
    let url = URL(fileURLWithPath: path)
    let benchmark = options.schema == "benchmark"
    let mapping = benchmark ? benchmarkMapping : ColumnMapping.canonical
    let dimensions: [CountDimension]
    do {
      dimensions = try CountDimension.list(options.by ?? "host,category,year")
    } catch {
      throw ScaleUsageError("--by: \(error)")
    }
    let query = try CountQuery(by: dimensions)
    let checkAllIDs = (options.duplicateIDs ?? "file") == "file"
    let batchRows = options.batchRows ?? 65_536
    let fileBytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0

    let start = Date()
    var report = ImportReport()
    var duplicates = 0
    var firstRejections: [String] = []
    var idHashes = Set<UInt64>()
    var incidents = CountTable<Int>.empty
    var persons = CountTable<PersonsCell>.empty
    var batchCount = 0
    let byColumns = options.importer == "columns"
    if byColumns {
      // The whole file straight into columns (IncidentColumns.read): 8 bytes a row plus the ids.
      let result = try IncidentColumns.read(contentsOf: url, mapping: mapping, mode: .lenient, today: today)
      report = result.report
      for row in report.rejected.prefix(5) { firstRejections.append("line \(row.line): \(row.error.reason)") }
      incidents = result.columns.countIncidents(query)
      persons = result.columns.countPersons(query)
    }
    var batches = try CSVBatches(url: url, batchRecords: batchRows)
    while !byColumns, let batch = try batches.next() {
      batchCount += 1
      let result = try IncidentCSV.read(bytes: batch.bytes, mapping: mapping, mode: .lenient, today: today)
      let batchReport = result.report
      guard batchReport.accepted + batchReport.rejected.count == batchReport.dataRows,
        batchReport.dataRows + batchReport.blankLines == batch.records
      else {
        printError("error: batch at line \(batch.firstLine) lost rows: \(batchReport.dataRows) data rows, "
          + "\(batchReport.blankLines) blank, \(batch.records) records")
        return 1
      }
      if checkAllIDs && idHashes.isEmpty {
        // Reserve for the whole file at once, estimated from the first batch, to avoid rehashing.
        let estimate = fileBytes / max(1, batch.bytes.count) * max(1, batch.records)
        idHashes.reserveCapacity(Int(Double(estimate) * 1.05) + 1_024)
      }
      var kept = result.dataset
      if checkAllIDs {
        kept = result.dataset.filter { idHashes.insert(idHash($0.id)).inserted }
        duplicates += result.dataset.count - kept.count
      }
      let lineOffset = batch.firstLine - 2 - batches.headerExtraLines
      for row in batchReport.rejected.prefix(max(0, 5 - firstRejections.count)) {
        firstRejections.append("line \(row.line + lineOffset): \(row.error.reason)")
      }
      report.dataRows += batchReport.dataRows
      report.accepted += kept.count
      report.blankLines += batchReport.blankLines
      report.rejected += batchReport.rejected.map {
        RejectedRow(line: $0.line + lineOffset, raw: "", error: $0.error)
      }
      let columns = IncidentColumns(kept)
      incidents = try incidents.merging(columns.countIncidents(query))
      persons = try persons.merging(columns.countPersons(query))
    }
    if batchCount == 0 && !byColumns {
      // No data row: still read the header, for its errors.
      _ = try IncidentCSV.read(bytes: batches.header ?? [], mapping: mapping, mode: .lenient, today: today)
    }
    let seconds = Date().timeIntervalSince(start)
    let rejected = report.rejected.count + duplicates
    let lost = report.dataRows - report.accepted - rejected
    let peak = PeakMemory.bytes()

    var expected: String?
    var checksum: String?
    if benchmark && dimensions == [.host, .category, .year] {
      checksum = genPyChecksum(incidents)
      if let data = FileManager.default.contents(atPath: path + ".json"),
        let meta = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      {
        expected = meta["checksum"] as? String
      }
    }
    let fields: [(String, JSONValue)] = [
      ("benchmark", .string("scale.import")), ("file", .string(path)), ("bytes", .int(fileBytes)),
      ("schema", .string(benchmark ? "benchmark" : "canonical")),
      ("import", .string(byColumns ? "columns (IncidentColumns.read)" : "batches (IncidentCSV)")),
      ("batch_rows", byColumns ? .null : .int(batchRows)), ("batches", .int(batchCount)), ("rows", .int(report.dataRows)), ("accepted", .int(report.accepted)),
      ("rejected", .int(report.rejected.count)), ("duplicate_ids", .int(duplicates)),
      ("blank_lines", .int(report.blankLines)), ("lost", .int(lost)),
      ("duplicate_id_check", .string(byColumns || checkAllIDs ? "whole file" : "within batches")),
      ("seconds", .double(seconds)), ("rows_per_second", .double(Double(report.dataRows) / seconds)),
      ("megabytes_per_second", .double(Double(fileBytes) / 1e6 / seconds)),
      ("peak_rss_bytes", peak.map { .int($0) } ?? .null),
      ("incidents_total", .int(incidents.total)), ("cells", .int(incidents.cells.count)),
      ("persons_known_sum", .int(persons.total.knownSum)),
      ("checksum", checksum.map { .string($0) } ?? .null),
      ("expected_checksum", expected.map { .string($0) } ?? .null),
    ]
    if options.format == "json" {
      print(JSONValue.object(fields))
    } else {
      print(TextReport.table(header: ["measure", "value"], rows: fields.map { [$0.0, $0.1.text] }))
      for line in firstRejections { print("rejected: \(line)") }
      if peak != nil { print("peak RSS: \(megabytes(peak))") }
    }
    if lost != 0 {
      printError("error: \(lost) rows lost")
      return 1
    }
    if let expected, let checksum, expected != checksum {
      printError("error: checksum \(checksum) differs from gen.py's \(expected)")
      return 1
    }
    return 0
  }

  /// gen.py's CSV: `id,kind,host_country_iso2,year`.
  static let benchmarkMapping = ColumnMapping(
    columns: [.category: "kind", .host: "host_country_iso2"],
    defaults: [
      .origin: "CN", .month: "", .day: "", .datePrecision: "year", .mode: "unspecified",
      .persons: "", .personsQualifier: "unknown", .ethnicGroups: "Uyghur",
      .sourceTitle: "Synthetic benchmark data", .sourceURL: "", .sourceDate: "", .notes: "",
    ])

  /// gen.py's checksum of a count by host, category and year: its dense 250 × 3 × 30 table.
  static func genPyChecksum(_ table: CountTable<Int>) -> String {
    let countryIndex = Dictionary(uniqueKeysWithValues: BaselineGenerator.iso2.enumerated().map { ($1, $0) })
    var cells = [UInt64](repeating: 0, count: 250 * 3 * 30)
    for row in table.rows {
      guard case .country(let host) = row.labels[0], case .category(let category) = row.labels[1],
        case .year(let year) = row.labels[2], let country = countryIndex[host.alpha2],
        (1997...2026).contains(year)
      else { return "outside gen.py's table" }
      cells[(country * 3 + Int(category.code)) * 30 + year - 1997] += UInt64(row.value)
    }
    return TableChecksum.fnv1a64(cells)
  }

  /// FNV-1a 64 of an id's UTF-8.
  static func idHash(_ id: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash
  }

  static func megabytes(_ bytes: Int?) -> String {
    bytes.map { String(format: "%.1f MB", Double($0) / 1e6) } ?? "unknown"
  }
}

/// A mistake on the `scale` command line (exit status 2).
struct ScaleUsageError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

/// The options of `scale`, parsed by hand.
struct ScaleOptions {
  var operand: String?
  var rows: Int?
  var seed: UInt64?
  var schema = "canonical"
  var batchRows: Int?
  var by: String?
  var duplicateIDs: String?
  var importer = "batches"
  var format = "text"

  init(_ arguments: [String]) throws {
    var index = 0
    func value(_ name: String) throws -> String {
      index += 1
      guard index < arguments.count else { throw ScaleUsageError("\(name) needs a value") }
      return arguments[index]
    }
    func number(_ name: String) throws -> Int {
      let text = try value(name)
      guard let number = Double(text.replacingOccurrences(of: "_", with: "")), number >= 1,
        number < 1e12, number == number.rounded()
      else { throw ScaleUsageError("\(name) must be a positive whole number, not \(text)") }
      return Int(number)
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "--rows": rows = try number(argument)
      case "--seed": seed = UInt64(try number(argument))
      case "--batch-rows": batchRows = try number(argument)
      case "--by": by = try value(argument)
      case "--schema":
        schema = try value(argument)
        guard ["canonical", "benchmark"].contains(schema) else {
          throw ScaleUsageError("--schema must be canonical or benchmark, not \(schema)")
        }
      case "--duplicate-ids":
        let choice = try value(argument)
        guard ["file", "batch"].contains(choice) else {
          throw ScaleUsageError("--duplicate-ids must be file or batch, not \(choice)")
        }
        duplicateIDs = choice
      case "--import":
        importer = try value(argument)
        guard ["batches", "columns"].contains(importer) else {
          throw ScaleUsageError("--import must be batches or columns, not \(importer)")
        }
      case "--format":
        format = try value(argument)
        guard ["text", "json"].contains(format) else {
          throw ScaleUsageError("--format must be text or json, not \(format)")
        }
      default:
        guard !argument.hasPrefix("-"), operand == nil else {
          throw ScaleUsageError("unexpected argument \(argument)")
        }
        operand = argument
      }
      index += 1
    }
  }
}
