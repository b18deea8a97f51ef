import Foundation

// The reader's runs (threads, bytes per run) are internal knobs: see ColumnImportCheck.swift.
#if DEBUG || TNR_FUZZING
  @testable import TransnationalRepression
#else
  import TransnationalRepression
#endif

/// The checks run on every input of the `FuzzJSON` target (and on its committed seed corpus by
/// the test suite). Test support, not API.
///
/// For arbitrary bytes, the hand-written reader (``IncidentJSON/read(data:mode:today:rejectedRowNames:)``)
/// in strict mode either throws an ``ImportError`` of a JSON or record kind that names its line
/// and column, or gives a dataset whose report counts every record, which survives JSON round
/// trips (read → write → read equal, write → read → write identical bytes) and a CSV round trip;
/// reading from a file gives the same result as reading from memory. In lenient mode it either
/// throws the strict error of a syntax kind, or reports accepted + rejected = records, with each
/// rejected record located; when strict succeeds, lenient accepts exactly the same records.
public enum JSONFuzzHarness {
  /// Runs every check on one input.
  public static func run(_ bytes: [UInt8]) {
    let data = Data(bytes)
    let result = Result { () throws(ImportError) in
      try IncidentJSON.read(data: data, today: CSVFuzzHarness.today)
    }
    let fromFile = TemporaryInputFile.with(bytes) { file in
      Result { () throws(ImportError) in
        try IncidentJSON.read(contentsOf: file, today: CSVFuzzHarness.today)
      }
    }
    check(fromFile == result, "IncidentJSON from a file and from memory differ")
    switch result {
    case .failure(let error):
      switch error.kind {
      case .malformedJSON(let message):
        check(!message.isEmpty, "an empty JSON error message")
      case .invalidRecord: break
      default: fail("unexpected error kind from IncidentJSON: \(error)")
      }
      check(!error.description.isEmpty, "an empty error description")
      check(error.line != nil && error.column != nil, "a JSON error without its place: \(error)")
    case .success(let imported):
      let report = imported.report
      check(
        report.dataRows == imported.dataset.count && report.accepted == report.dataRows
          && report.rejected.isEmpty,
        "the JSON report does not count every record: \(report)")
      do {
        let written = try IncidentJSON.write(imported.dataset, names: .include)
        let again = try IncidentJSON.read(data: written, today: CSVFuzzHarness.today)
        check(again.dataset == imported.dataset, "JSON read → write → read changed the dataset")
        let rewritten = try IncidentJSON.write(again.dataset, names: .include)
        check(rewritten == written, "JSON write → read → write changed bytes")
      } catch {
        fail("JSON round trip threw: \(error)")
      }
      CSVFuzzHarness.checkRoundTrips(imported.dataset)
    }
    checkLenient(data, strict: result)
    checkRuns(bytes, strict: result)
  }

  /// The input cut into many small runs read on several threads gives exactly what one reading
  /// from the start gives, in both modes: every guessed cut (a `},{` inside a string, say) is
  /// caught, and the ids, indices, errors and rejected rows come out in file order.
  static func checkRuns(_ bytes: [UInt8], strict: Result<ImportResult, ImportError>) {
    #if DEBUG || TNR_FUZZING
      for mode in [ImportMode.strict, .lenient] {
        func read(threads: Int, runBytes: Int) -> Result<ImportResult, ImportError> {
          bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ImportError) in
              try IncidentJSON.read(
                bytes: buffer, mode: mode, today: CSVFuzzHarness.today, rejectedRowNames: .redact,
                threads: threads, runBytes: runBytes)
            }
          }
        }
        let one = read(threads: 1, runBytes: 1 << 20)
        if mode == .strict { check(one == strict, "one run differs from IncidentJSON.read") }
        for (threads, runBytes) in [(2, 1), (3, 7)] {
          let runs = read(threads: threads, runBytes: runBytes)
          check(runs == one, "\(mode), \(threads) threads, runs of \(runBytes) bytes: \(runs); one run: \(one)")
        }
      }
    #endif
  }

  /// Lenient reading against strict reading of the same bytes.
  static func checkLenient(_ data: Data, strict: Result<ImportResult, ImportError>) {
    let lenient = Result { () throws(ImportError) in
      try IncidentJSON.read(data: data, mode: .lenient, today: CSVFuzzHarness.today)
    }
    switch (strict, lenient) {
    case (.success(let strictResult), .success(let lenientResult)):
      check(lenientResult == strictResult, "lenient and strict differ on a valid file")
    case (.success, .failure(let error)):
      fail("lenient failed where strict succeeded: \(error)")
    case (.failure, .failure(let error)):
      // Only a syntax error (or a top level that is not an array) ends lenient reading.
      check(error.line != nil && error.column != nil, "a lenient error without its place: \(error)")
      if case .malformedJSON = error.kind {} else { fail("lenient threw a record error: \(error)") }
    case (.failure, .success(let imported)):
      let report = imported.report
      check(
        report.accepted + report.rejected.count == report.dataRows
          && report.accepted == imported.dataset.count && !report.rejected.isEmpty,
        "lenient JSON does not account for every record: \(report)")
      for row in report.rejected {
        check(row.error.line != nil && row.error.column != nil, "a rejected record without its place")
        check(row.line >= 1 && !row.raw.isEmpty, "a rejected record without its line or text")
      }
      if imported.dataset.count > 0 {
        do {
          let written = try IncidentJSON.write(imported.dataset, names: .include)
          let again = try IncidentJSON.read(data: written, today: CSVFuzzHarness.today)
          check(again.dataset == imported.dataset, "lenient's records do not survive a JSON round trip")
        } catch {
          fail("JSON round trip of lenient's records threw: \(error)")
        }
      }
    }
  }
}
