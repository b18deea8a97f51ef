import Foundation
import Testing

@testable import TransnationalRepression

/// The committed copies of the project's shared files: the bundled data (against the SHA-256
/// manifest `Tests/Fixtures/shared-data/SHA256SUMS`, so no `../shared` is needed), and, when
/// `../shared` is beside the checkout, the manifest and the copies in `Benchmarks/Peers/`,
/// `Documentation/Data/` and `Documentation/Research/` against their originals.
@Suite("Committed copies of the shared data")
struct SharedDataCopyTests {
  /// The manifest made with `sha256sum *.csv` in the shared data folder.
  static func manifest() throws -> [String: String] {
    try SHA256.manifest(Fixtures.url("shared-data/SHA256SUMS"))
  }

  @Test("SHA-256 reproduces the FIPS 180-2 examples and a padding boundary")
  func sha256Vectors() {
    #expect(SHA256.hex(Array("abc".utf8))
      == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex([UInt8]())
      == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
      == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    // 1,000,000 × "a" (FIPS 180-2, appendix B.3): many blocks.
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
      == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("the manifest lists every bundled resource, with a well-formed digest")
  func manifestCoversResources() throws {
    let sums = try Self.manifest()
    #expect(sums.count == 11)
    for resource in BundledResource.allCases {
      #expect(sums[resource.rawValue] != nil, "\(resource.rawValue) is not in SHA256SUMS")
    }
    // The data README states these two sums; the manifest agrees with it.
    #expect(sums["wb-ids-2024-ppg-external-debt-by-creditor.csv"]
      == "2cae15760214f88c3d3d641188c0ba3061ce52f1a471e81f0d896f8872870248")
    #expect(sums["hrt-china-debt-stock-2000-2017.csv"]
      == "51aa9f3e0c2e2f36b27796e627107beb41ac1ea26ef71b07821d643fe8c048bf")
  }

  @Test("the bundled resources are byte-identical to the shared data (SHA-256 manifest)",
        arguments: BundledResource.allCases)
  func resourceMatchesManifest(_ resource: BundledResource) throws {
    let expected = try #require(try Self.manifest()[resource.rawValue])
    // The file as built into the bundle, and as committed.
    #expect(SHA256.hex(try resource.data()) == expected, "\(resource.rawValue) (bundle)")
    let committed = Fixtures.bundledResources.appendingPathComponent(resource.rawValue)
    #expect(SHA256.hex(try Data(contentsOf: committed)) == expected, "\(resource.rawValue) (source)")
  }

  @Test(
    "the committed copies still match ../shared (data manifest, Benchmarks/Peers, Documentation)",
    .enabled(
      if: Fixtures.sharedIsPresent,
      "no ../shared beside the checkout: the copies were checked against the committed manifest only"
    ))
  func copiesMatchShared() throws {
    // Every shared data file still has its manifest sum, and no CSV file is new.
    let sums = try Self.manifest()
    let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.sharedData.path)
      .filter { $0.hasSuffix(".csv") }
    #expect(Set(files) == Set(sums.keys), "shared/data has other CSV files than SHA256SUMS lists")
    for (name, digest) in sums.sorted(by: { $0.key < $1.key }) {
      let data = try Data(contentsOf: Fixtures.sharedData.appendingPathComponent(name))
      #expect(SHA256.hex(data) == digest,
              "shared/data/\(name) changed: refresh the bundled copy and SHA256SUMS together")
    }
    // The shared benchmark, verbatim.
    for name in ["gen.py", "peers.py", "ref.c", "run.sh", "RESULTS.md"] {
      let copy = Fixtures.checkout.appendingPathComponent("Benchmarks/Peers/\(name)")
      let original = Fixtures.shared.appendingPathComponent("bench/\(name)")
      #expect(try Data(contentsOf: copy) == Data(contentsOf: original), "Benchmarks/Peers/\(name)")
    }
    // The notes: the copy is a quoted line, a blank line, then the original (the data README
    // with its links to ../research/ pointing at ../Research/).
    func body(_ url: URL) throws -> String {
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(text.hasPrefix("> A copy of the project's shared"), "\(url.lastPathComponent)")
      return String(text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)[2])
    }
    let readme = try String(
      contentsOf: Fixtures.sharedData.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(
      try body(Fixtures.checkout.appendingPathComponent("Documentation/Data/README.md"))
        == readme.replacingOccurrences(of: "../research/", with: "../Research/"),
      "Documentation/Data/README.md")
    let research = Fixtures.shared.appendingPathComponent("research")
    for name in try FileManager.default.contentsOfDirectory(atPath: research.path)
    where name.hasSuffix(".md") {
      let copy = Fixtures.checkout.appendingPathComponent("Documentation/Research/\(name)")
      #expect(
        try body(copy) == String(contentsOf: research.appendingPathComponent(name), encoding: .utf8),
        "Documentation/Research/\(name)")
    }
  }
}
