import Foundation
import Testing
import _TNRFuzzHarness

/// Replays the import corpus and the `FuzzImport` seeds through the fuzz target's own checks
/// (``ImportFuzzHarness``): no row lost, strict agrees with lenient, reading is deterministic,
/// the columnar import agrees, round trips hold, under several mappings and the suggested one.
@Suite("FuzzImport replay")
struct ImportFuzzReplayTests {
  @Test("the import corpus and the FuzzImport seeds pass the mapped-import checks")
  func replay() throws {
    var count = 0
    for directory in ["fuzz/FuzzImport", "import/corpus"] {
      for url in FuzzReplay.inputs(at: FuzzCorpusReplayTests.fixtures.appendingPathComponent(directory).path) {
        ImportFuzzHarness.run(Array(try Data(contentsOf: url)))
        count += 1
      }
    }
    #expect(count >= 60)
  }
}
