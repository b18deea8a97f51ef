import Foundation
import TransnationalRepression

/// The checks run on every input of the `FuzzCSV` target (and on its committed seed corpus by
/// the test suite). Test support, not API.
///
/// For arbitrary bytes, with the canonical mapping and with the mapping of gen.py's benchmark
/// CSV, it checks that:
///
/// - nothing crashes, in strict or lenient mode, from memory or from a file;
/// - lenient import never loses a row: `accepted + rejected == dataRows`, `dataRows` and
///   `blankLines` equal what ``CSVRecordOracle`` counts, and every rejected row is a data record
///   of the oracle, in file order, with its line in its error;
/// - strict import stops exactly at lenient import's first rejected row, or agrees with it;
/// - a file-level error is thrown alike in both modes and from memory and from a file;
/// - the streaming reader with 64-byte blocks delimits the same records as the in-memory reader;
/// - the accepted rows survive CSV and JSON round trips (read → write → read is equal, write →
///   read → write is identical);
/// - ``CSVTable`` reads the same table from text and from a file, with one row per non-blank
///   data record;
/// - the columnar import (`IncidentColumns.read`) gives the columns of the rows `IncidentCSV`
///   accepts, the same report and the same errors, from memory and files, on one thread and
///   several, with blocks so small that records straddle them;
/// - `IncidentCSV.read` (records built on the columnar engine) gives exactly what the record
///   reader gives (each row through the general parser), in the same configurations.
///
/// A broken check stops the process with a message (`preconditionFailure`), which libFuzzer
/// reports as a crash with the input.
public enum CSVFuzzHarness {
  /// The validation day used for every read, so results do not change with the date.
  public static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  /// gen.py's benchmark CSV (`id,kind,host_country_iso2,year`), as ``ColumnMapping`` documents.
  public static let benchmarkMapping = ColumnMapping(
    columns: [.category: "kind", .host: "host_country_iso2"],
    defaults: [
      .origin: "CN", .month: "", .day: "", .datePrecision: "year", .mode: "unspecified",
      .persons: "", .personsQualifier: "unknown", .ethnicGroups: "Uyghur",
      .sourceTitle: "Synthetic benchmark data", .sourceURL: "", .sourceDate: "", .notes: "",
    ])

  /// Runs every check on one input.
  public static func run(_ bytes: [UInt8]) {
    let oracle = CSVRecordOracle.records(bytes)
    TemporaryInputFile.with(bytes) { file in
      checkStreamingReader(bytes, file: file)
      for mapping in [ColumnMapping.canonical, benchmarkMapping] {
        checkIncidentCSV(bytes, file: file, mapping: mapping, oracle: oracle)
      }
      checkCSVTable(bytes, file: file, oracle: oracle)
    }
  }

  // MARK: - IncidentCSV

  static func checkIncidentCSV(
    _ bytes: [UInt8], file: URL, mapping: ColumnMapping, oracle: [CSVRecordOracle.Record]
  ) {
    let lenient = Result { () throws(ImportError) in
      try IncidentCSV.read(bytes: bytes, mapping: mapping, mode: .lenient, today: today)
    }
    let strict = Result { () throws(ImportError) in
      try IncidentCSV.read(bytes: bytes, mapping: mapping, mode: .strict, today: today)
    }
    if mapping == .canonical {
      // Each file read costs a 1 MiB buffer, so only one mapping reads from the file.
      let fromFile = Result { () throws(ImportError) in
        try IncidentCSV.read(contentsOf: file, mapping: mapping, mode: .lenient, today: today)
      }
      check(fromFile == lenient, "reading a file and reading its bytes differ: \(fromFile) vs \(lenient)")
    }

    // The columnar import (IncidentColumns.read) must agree with IncidentCSV in both modes: every
    // configuration for the canonical mapping, two for gen.py's.
    let configurations = mapping == .canonical ? columnConfigurations[...] : columnConfigurations.prefix(3).suffix(2)
    checkColumnImport(bytes, file: file, mapping: mapping, mode: .lenient, expected: lenient, configurations: configurations)
    checkColumnImport(bytes, file: file, mapping: mapping, mode: .strict, expected: strict, configurations: configurations)
    checkRecordEngine(bytes, file: file, mapping: mapping, mode: .lenient, engine: lenient, configurations: configurations)
    checkRecordEngine(bytes, file: file, mapping: mapping, mode: .strict, engine: strict, configurations: configurations)

    switch lenient {
    case .failure(let error):
      // Only the file itself can fail a lenient read: no header, a bad header, a missing column.
      check(strict == .failure(error), "strict and lenient disagree on a file error: \(strict) vs \(error)")
      check(error.line == nil || error.line == 1, "a file-level error not on line 1: \(error)")
      switch error.kind {
      case .emptyFile, .missingColumn, .duplicateColumn, .malformedCSV: break
      // A mapping reports every missing column at once, in one error.
      case .invalidValue(let message) where message.hasPrefix("the header lacks "): break
      default: fail("unexpected file-level error kind: \(error)")
      }
    case .success(let result):
      let report = result.report
      let data = oracle.dropFirst()
      check(!oracle.isEmpty, "a header was read but the oracle sees no record")
      check(
        report.accepted + report.rejected.count == report.dataRows,
        "rows lost: \(report.accepted) accepted + \(report.rejected.count) rejected != \(report.dataRows)")
      check(report.accepted == result.dataset.count, "accepted \(report.accepted) != dataset \(result.dataset.count)")
      let rows = data.filter { !$0.isBlank && !$0.isDelimiterOnly }
      check(
        report.dataRows == rows.count,
        "dataRows \(report.dataRows) != \(rows.count) records neither blank nor delimiters only")
      check(
        report.blankLines == data.count(where: \.isBlank),
        "blankLines \(report.blankLines) != \(data.count(where: \.isBlank))")
      check(
        report.delimiterOnlyRows == data.count(where: \.isDelimiterOnly),
        "delimiterOnlyRows \(report.delimiterOnlyRows) != \(data.count(where: \.isDelimiterOnly))")
      let dataLines = Set(rows.map(\.line))
      var previous = 1
      for row in report.rejected {
        check(row.line > previous, "rejected rows out of order at line \(row.line)")
        check(dataLines.contains(row.line), "rejected line \(row.line) is not a data record")
        check(row.error.line == row.line, "rejected row on line \(row.line) has error \(row.error)")
        check(row.reason.contains("line \(row.line)"), "reason lacks its line: \(row.reason)")
        previous = row.line
      }
      let ids = result.dataset.map(\.id)
      check(Set(ids).count == ids.count, "accepted ids repeat")
      if let first = report.rejected.first {
        check(strict == .failure(first.error), "strict did not stop at the first rejected row: \(strict) vs \(first.error)")
      } else {
        check(strict == lenient, "strict and lenient differ on a clean file")
      }
      checkRoundTrips(result.dataset)
    }
  }

  /// CSV and JSON round trips of accepted rows.
  static func checkRoundTrips(_ dataset: IncidentDataset) {
    guard !dataset.isEmpty else { return }
    let written = IncidentCSV.write(dataset, names: .include)
    let again: ImportResult
    do {
      again = try IncidentCSV.read(text: written, mode: .strict, today: today)
    } catch {
      fail("written CSV does not read back: \(error)\n\(written)")
    }
    check(again.dataset == dataset, "CSV read → write → read changed the dataset\n\(written)")
    check(IncidentCSV.write(again.dataset, names: .include) == written, "CSV write → read → write changed bytes")
    do {
      let json = try IncidentJSON.write(dataset, names: .include)
      let back = try IncidentJSON.read(data: json, today: today)
      check(back.dataset == dataset, "JSON round trip changed the dataset")
      let rewritten = try IncidentJSON.write(back.dataset, names: .include)
      check(rewritten == json, "JSON write → read → write changed bytes")
    } catch {
      fail("JSON round trip threw: \(error)")
    }
  }

  // MARK: - The streaming reader

  /// One record as a reader shows it.
  struct SeenRecord: Equatable {
    let line: Int
    let raw: String
    let problem: String?
    let fields: [String]?
    let count: Int
    let isBlank: Bool

    init(_ record: CSVRecord) {
      line = record.line
      raw = record.rawText
      problem = record.problem
      fields = record.fields()
      count = record.count
      isBlank = record.isBlank
    }
  }

  /// The records a reader shows, or the error it throws (only UTF-16 that is not valid may
  /// throw).
  static func records(_ reader: CSVReader) -> Result<[SeenRecord], ImportError> {
    var seen: [SeenRecord] = []
    do {
      try reader.forEachRecord { seen.append(SeenRecord($0)) }
    } catch let error as ImportError {
      guard case .malformedCSV(let message) = error.kind, message.contains("UTF-16") else {
        fail("CSVReader threw \(error)")
      }
      return .failure(error)
    } catch {
      fail("CSVReader threw \(error)")
    }
    return .success(seen)
  }

  static func checkStreamingReader(_ bytes: [UInt8], file: URL) {
    let inMemory = records(CSVReader(bytes: bytes))
    let streamed = records(CSVReader(contentsOf: file, blockSize: 64))
    check(inMemory == streamed, "64-byte blocks delimit records differently from memory")
  }

  // MARK: - CSVTable

  static func checkCSVTable(_ bytes: [UInt8], file: URL, oracle: [CSVRecordOracle.Record]) {
    let fromFile = Result { () throws(ImportError) in try CSVTable(contentsOf: file) }
    if let text = String(validating: bytes, as: UTF8.self) {
      let fromText = Result { () throws(ImportError) in try CSVTable(text: text) }
      check(fromText == fromFile, "CSVTable from text and from a file differ")
    } else {
      _ = Result { () throws(ImportError) in try CSVTable(text: String(decoding: bytes, as: UTF8.self)) }
    }
    if case .success(let table) = fromFile {
      let data = oracle.dropFirst().filter { !$0.isBlank }
      check(table.rows.count == data.count, "CSVTable has \(table.rows.count) rows, the oracle \(data.count)")
      check(table.rows.map(\.line) == data.map(\.line), "CSVTable row lines differ from the oracle")
      check(table.rows.allSatisfy { $0.fields.count == table.header.count }, "a CSVTable row is ragged")
    }
  }
}

/// Stops the process with `message` unless `condition` holds.
@inline(__always)
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  if !condition() { fail(message()) }
}

/// Stops the process: a fuzzing finding.
func fail(_ message: String) -> Never {
  preconditionFailure("fuzz check failed: \(message)")
}
