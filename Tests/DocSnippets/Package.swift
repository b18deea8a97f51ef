// swift-tools-version:6.0
//
// Compiles and runs every Swift snippet of the README and the DocC articles, as written, against
// this package by path. `run.sh` extracts the snippets into Sources/<Document>_<N>/main.swift (one
// executable each), builds them, runs each in a folder holding Fixtures/, and checks every value a
// snippet's comments claim with `// prints: VALUE`. Run it from the checkout: bash Tests/DocSnippets/run.sh

import Foundation
import PackageDescription

let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Sources")
let names = ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []).sorted()

let package = Package(
  name: "DocSnippets",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "TransnationalRepression", path: "../..")],
  targets: names.map { name in
    .executableTarget(
      name: name, dependencies: [.product(name: "TransnationalRepression", package: "TransnationalRepression")],
      path: "Sources/\(name)")
  },
  swiftLanguageModes: [.v6]
)
