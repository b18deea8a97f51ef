// The FuzzZip target: ZipFuzzHarness's checks on every input.
//
// With -DTNR_FUZZING and the fuzzer sanitizer this is a libFuzzer target (.ci/fuzz.sh builds it):
//   swift build -c release --product FuzzZip --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
//     -Xswiftc -parse-as-library -Xswiftc -DTNR_FUZZING --scratch-path .build-fuzz
// Without them (a plain swift build) it replays the files and directories it is given.

import Foundation
import _TNRFuzzHarness

#if TNR_FUZZING
  /// libFuzzer's entry point: one input.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ZipFuzzHarness.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }

#else
  @main
  enum FuzzZipReplay {
    static func main() {
      exit(FuzzReplay.main(name: "FuzzZip", arguments: Array(CommandLine.arguments.dropFirst()), ZipFuzzHarness.run))
    }
  }
#endif
