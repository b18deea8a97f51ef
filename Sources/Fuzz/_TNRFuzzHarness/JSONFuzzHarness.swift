import Foundation
import TransnationalRepression

/// The checks run on every input of the `FuzzJSON` target (and on its committed seed corpus by
/// the test suite). Test support, not API.
///
/// For arbitrary bytes, ``IncidentJSON/read(data:today:)`` either throws an ``ImportError`` of a
/// JSON or record kind, or gives a dataset whose report counts every record, which survives
/// JSON round trips (read → write → read equal, write → read → write identical bytes) and a CSV
/// round trip; reading from a file gives the same result as reading from memory.
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
      case .invalidRecord: check(error.recordID != nil, "a record error without its id: \(error)")
      default: fail("unexpected error kind from IncidentJSON: \(error)")
      }
      check(!error.description.isEmpty, "an empty error description")
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
  }
}
