// swift-tools-version:6.0
//
// TransnationalRepression: a typed, cited, fast model of transnational-repression incidents.
//
// No package dependencies: only the toolchain (Foundation, Dispatch, Swift Testing, XCTest).
//
// Build flags:
// - `-D TNR_INTERNAL_CHECKS` compiles the invariant checks in `*+Invariants.swift` files
//   (for example `swift test -Xswiftc -DTNR_INTERNAL_CHECKS`). They are off by default.

import PackageDescription

let package = Package(
  name: "TransnationalRepression",
  products: [
    .library(name: "TransnationalRepression", targets: ["TransnationalRepression"]),
    .executable(name: "tnr", targets: ["tnr"]),
    .executable(name: "tnr-benchmark", targets: ["tnr-benchmark"]),
  ],
  targets: [
    .target(
      name: "TransnationalRepression",
      exclude: ["ReferenceData/Generators"],
      resources: [.copy("ReferenceData/Resources")]
    ),
    // The command-line front end lives in a library so that tests and fuzzers can drive it
    // without spawning processes; `tnr` is a thin `main` around it.
    .target(
      name: "TNRCommandLine",
      dependencies: ["TransnationalRepression"]
    ),
    .executableTarget(
      name: "tnr",
      dependencies: ["TNRCommandLine"]
    ),
    .executableTarget(
      name: "tnr-benchmark",
      dependencies: ["TransnationalRepression"],
      path: "Benchmarks/tnr-benchmark"
    ),
    // Fuzzing. `_TNRFuzzHarness` holds the checks (test support, not API); each Fuzz* target is
    // a thin shell around one harness. Built with `-Xswiftc -DTNR_FUZZING --sanitize=fuzzer`
    // (and `-Xswiftc -parse-as-library`) it is a libFuzzer target; in a plain `swift build` it is
    // a program that replays the files it is given. `.ci/fuzz.sh` builds and runs them; the test
    // suite replays the seed corpora under Tests/Fixtures/fuzz/ through the same checks.
    .target(
      name: "_TNRFuzzHarness",
      dependencies: ["TransnationalRepression", "TNRCommandLine"],
      path: "Sources/Fuzz/_TNRFuzzHarness"
    ),
    .executableTarget(
      name: "FuzzCSV", dependencies: ["_TNRFuzzHarness"], path: "Sources/Fuzz/FuzzCSV"),
    .executableTarget(
      name: "FuzzJSON", dependencies: ["_TNRFuzzHarness"], path: "Sources/Fuzz/FuzzJSON"),
    .executableTarget(
      name: "FuzzCommandLine", dependencies: ["_TNRFuzzHarness"],
      path: "Sources/Fuzz/FuzzCommandLine"),
    .executableTarget(
      name: "FuzzImport", dependencies: ["_TNRFuzzHarness"], path: "Sources/Fuzz/FuzzImport"),
    .executableTarget(
      name: "FuzzZip", dependencies: ["_TNRFuzzHarness"], path: "Sources/Fuzz/FuzzZip"),
    .executableTarget(
      name: "FuzzSheet", dependencies: ["_TNRFuzzHarness"], path: "Sources/Fuzz/FuzzSheet"),
    .testTarget(
      name: "TransnationalRepressionTests",
      dependencies: ["TransnationalRepression", "TNRCommandLine", "_TNRFuzzHarness"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
