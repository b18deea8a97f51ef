import Foundation
import TransnationalRepression

/// The checks run on every input of the `FuzzImport` target (and on the import corpus and its
/// seeds by the test suite): the bytes as a spreadsheet-style file read through a
/// ``ColumnMapping`` with value-level reading, as `tnr import` reads it. Test support, not API.
///
/// Every input is read under several mappings — issue 13's team mapping with a comma, with the
/// delimiter its first line uses and `dmy` dates, as Windows-1252 with `mdy` dates and a pipe,
/// with generated ids, Latin-1 and tabs — and under the mapping ``MappingSuggestion`` proposes
/// for it. For each it checks that:
///
/// - nothing crashes, in strict or lenient mode;
/// - lenient import never loses a row: `accepted + rejected == dataRows`, the dataset holds the
///   accepted rows, rejected rows come in file order, each with its line in its reason;
/// - strict import stops exactly at lenient import's first rejected row, or agrees with it, and
///   a file-level error is the same in both modes (only the header or the mapping can cause
///   one);
/// - reading is deterministic: the same bytes read twice give the same result, and a file gives
///   what its bytes give (ids generated from the file's name aside);
/// - the columnar import gives the columns of the accepted rows and the same report;
/// - the accepted rows survive CSV and JSON round trips;
/// - the suggested mapping survives its JSON.
///
/// A broken check stops the process with a message (`preconditionFailure`), which libFuzzer
/// reports as a crash with the input.
public enum ImportFuzzHarness {
  /// The validation day used for every read.
  public static let today = CSVFuzzHarness.today

  /// Issue 13's team mapping: `Case ID, Country, Date, Type, Number of people, Source`.
  public static let teamMapping: ColumnMapping = {
    var mapping = ColumnMapping(
      columns: [.id: "Case ID", .host: "Country", .persons: "Number of people", .sourceTitle: "Source"],
      defaults: [.origin: "CN", .ethnicGroups: "Uyghur"])
    mapping.dateColumn = "Date"
    mapping.kindColumn = "Type"
    mapping.values = [
      "kind": [
        "Deportation": "extradition/deportation", "Detention": "detention",
        "Extradition": "extradition/extradition", "Threats to family": "intimidation/threats_to_family",
      ],
      "gender": ["F": "female", "M": "male"],
    ]
    return mapping
  }()

  /// The mappings every input is read with.
  public static func mappings(for bytes: [UInt8]) -> [ColumnMapping] {
    var firstLine = teamMapping
    firstLine.delimiter = MappingSuggestion.delimiter(ofFirstLine: bytes)
    firstLine.dateOrder = .dmy
    var windows = teamMapping
    windows.encoding = .windows1252
    windows.delimiter = .pipe
    windows.dateOrder = .mdy
    var generated = teamMapping
    generated.columns[.id] = nil
    generated.generatesIDs = true
    generated.encoding = .latin1
    generated.delimiter = .tab
    generated.dateOrder = .ymd
    return [teamMapping, firstLine, windows, generated]
  }

  /// Runs every check on one input.
  public static func run(_ bytes: [UInt8]) {
    TemporaryInputFile.with(bytes) { file in
      for (index, mapping) in mappings(for: bytes).enumerated() {
        check(bytes, file: index == 0 ? file : nil, mapping: mapping)
      }
      let suggestion: MappingSuggestion
      do throws(ImportError) {
        suggestion = try MappingSuggestion(contentsOf: file)
      } catch {
        switch error.kind {
        case .emptyFile, .malformedCSV: return
        default: fail("MappingSuggestion threw \(error)")
        }
      }
      do {
        let json = try JSONEncoder().encode(suggestion.mapping)
        let back = try JSONDecoder().decode(ColumnMapping.self, from: json)
        ImportFuzzHarness.check(back == suggestion.mapping, "the suggested mapping changed through its JSON")
      } catch {
        fail("the suggested mapping does not survive its JSON: \(error)")
      }
      check(bytes, file: nil, mapping: suggestion.mapping)
    }
  }

  static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fail(message()) }
  }

  /// The checks for one mapping.
  static func check(_ bytes: [UInt8], file: URL?, mapping: ColumnMapping) {
    let lenient = Result { () throws(ImportError) in
      try IncidentCSV.read(bytes: bytes, mapping: mapping, mode: .lenient, today: today)
    }
    let strict = Result { () throws(ImportError) in
      try IncidentCSV.read(bytes: bytes, mapping: mapping, mode: .strict, today: today)
    }
    let again = Result { () throws(ImportError) in
      try IncidentCSV.read(bytes: bytes, mapping: mapping, mode: .lenient, today: today)
    }
    check(again == lenient, "reading the same bytes twice differs")
    if let file, !mapping.generatesIDs {
      let fromFile = Result { () throws(ImportError) in
        try IncidentCSV.read(contentsOf: file, mapping: mapping, mode: .lenient, today: today)
      }
      check(fromFile == lenient, "a file and its bytes differ: \(fromFile) vs \(lenient)")
    }
    let columns = Result { () throws(ImportError) in
      try IncidentColumns.read(bytes: bytes, mapping: mapping, mode: .lenient, today: today, threads: 2)
    }
    switch (lenient, columns) {
    case (.success(let records), .success(let columnar)):
      check(columnar.report == records.report, "the columnar import's report differs")
      check(columnar.columns == IncidentColumns(records.dataset), "the columnar import's columns differ")
    case (.failure(let error), .failure(let columnError)):
      check(error == columnError, "the columnar import fails otherwise: \(columnError) vs \(error)")
    default:
      fail("the columnar import and IncidentCSV disagree: \(columns) vs \(lenient)")
    }

    switch lenient {
    case .failure(let error):
      check(strict == .failure(error), "strict and lenient disagree on a file error: \(strict) vs \(error)")
      check(error.line == nil || error.line! <= 2, "a file-level error after the header: \(error)")
      switch error.kind {
      case .emptyFile, .missingColumn, .duplicateColumn, .malformedCSV: break
      case .invalidValue(let message)
      where message.hasPrefix("the header lacks ") || message.hasPrefix("the mapping is inconsistent"):
        break
      default: fail("unexpected file-level error kind: \(error)")
      }
    case .success(let result):
      let report = result.report
      check(
        report.accepted + report.rejected.count == report.dataRows,
        "rows lost: \(report.accepted) accepted + \(report.rejected.count) rejected != \(report.dataRows)")
      check(report.accepted == result.dataset.count, "accepted \(report.accepted) != dataset \(result.dataset.count)")
      var previous = 0
      for row in report.rejected {
        check(row.line > previous, "rejected rows out of order at line \(row.line)")
        check(row.error.line == row.line, "rejected row on line \(row.line) has error \(row.error)")
        check(row.reason.contains("line \(row.line)"), "reason lacks its line: \(row.reason)")
        previous = row.line
      }
      if let first = report.rejected.first {
        check(strict == .failure(first.error), "strict did not stop at the first rejected row: \(strict) vs \(first.error)")
      } else {
        check(strict == lenient, "strict and lenient differ on a clean file")
      }
      CSVFuzzHarness.checkRoundTrips(result.dataset)
    }
  }
}
