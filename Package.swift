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
    .testTarget(
      name: "TransnationalRepressionTests",
      dependencies: ["TransnationalRepression", "TNRCommandLine"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
