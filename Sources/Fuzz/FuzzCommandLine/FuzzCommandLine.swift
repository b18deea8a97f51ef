// The FuzzCommandLine target: CommandLineFuzzHarness's checks on every input.
//
// With -DTNR_FUZZING and the fuzzer sanitizer this is a libFuzzer target (.ci/fuzz.sh builds it):
//   swift build -c release --product FuzzCommandLine --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
//     -Xswiftc -parse-as-library -Xswiftc -DTNR_FUZZING --scratch-path .build-fuzz
// Without them (a plain swift build) it replays the files and directories it is given.

import Foundation
import _TNRFuzzHarness

#if TNR_FUZZING
  /// libFuzzer's entry point: one input.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    CommandLineFuzzHarness.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }

  /// libFuzzer calls this once before the first input: work inside the scratch directory.
  @_cdecl("LLVMFuzzerInitialize")
  public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
  ) -> CInt {
    CommandLineFuzzHarness.enterScratchDirectory()
    return 0
  }

#else
  @main
  enum FuzzCommandLineReplay {
    static func main() {
      // Resolve the inputs first: the replay then works inside the scratch directory.
      let inputs = CommandLine.arguments.dropFirst().map {
        URL(fileURLWithPath: $0).standardizedFileURL.path
      }
      CommandLineFuzzHarness.enterScratchDirectory()
      exit(FuzzReplay.main(name: "FuzzCommandLine", arguments: inputs, CommandLineFuzzHarness.run))
    }
  }
#endif
