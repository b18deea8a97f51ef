import Foundation
import Testing
import _TNRFuzzHarness

/// Replays the committed seed corpora of the workbook fuzz targets (`Tests/Fixtures/fuzz/FuzzZip/`
/// and `FuzzSheet/`, made by `make_workbook_seeds.py` from the workbook fixtures) through the
/// targets' own checks. A broken check stops the test process with its message.
@Suite("Workbook fuzz corpora replay")
struct WorkbookFuzzReplayTests {
  static func replay(_ directory: String, _ run: ([UInt8]) -> Void) throws -> Int {
    var count = 0
    for url in FuzzReplay.inputs(at: Fixtures.url("fuzz/\(directory)").path) {
      run(Array(try Data(contentsOf: url)))
      count += 1
    }
    return count
  }

  @Test("FuzzZip seeds (workbooks, ZIP fixtures, raw DEFLATE streams) pass the ZIP and inflate checks")
  func zip() throws {
    #expect(try Self.replay("FuzzZip", ZipFuzzHarness.run) >= 50)
  }

  @Test("FuzzSheet seeds (sheet, shared-strings and styles XML) pass the sheet checks and the writer round trip")
  func sheet() throws {
    #expect(try Self.replay("FuzzSheet", SheetFuzzHarness.run) >= 20)
  }
}
