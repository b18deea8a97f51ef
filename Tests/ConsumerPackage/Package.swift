// swift-tools-version:6.0
// A package of its own that depends on TransnationalRepression by path, as a user's package
// would: the proof that the library and its bundled data work for packages that depend on it.
// .ci/run builds and runs it.
import PackageDescription

let package = Package(
  name: "ConsumerCheck",
  dependencies: [.package(name: "TransnationalRepression", path: "../..")],
  targets: [
    .executableTarget(
      name: "ConsumerCheck",
      dependencies: [.product(name: "TransnationalRepression", package: "TransnationalRepression")]
    )
  ],
  swiftLanguageModes: [.v6]
)
