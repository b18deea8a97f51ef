import Foundation

@testable import TransnationalRepression

/// The manifests written by `Tests/Fixtures/workbooks/generate_container_fixtures.py` (zlib and
/// zipfile are the oracles; expected error reasons are written by hand in the script).
enum ContainerFixtures {
  struct DeflateManifest: Decodable {
    struct Stream: Decodable {
      let stream: String
      let input: String
      let size: Int
      let crc32: UInt32
    }
    struct Hostile: Decodable {
      let stream: String
      let reason: String
      let zlib: String
    }
    struct Valid: Decodable {
      let stream: String
      let output: String
      let size: Int
      let crc32: UInt32
    }
    struct Mutated: Decodable {
      let stream: String
      let hex: String
      let ok: Bool
      let size: Int?
      let crc32: UInt32?
    }
    struct Bomb: Decodable {
      let stream: String
      let size: Int
      let crc32: UInt32
    }
    let streams: [Stream]
    let hostile: [Hostile]
    let valid: [Valid]
    let mutated: [Mutated]
    let bomb: Bomb
  }

  struct ZipManifest: Decodable {
    struct Entry: Decodable {
      let name: String
      let method: UInt16
      let compressedSize: Int
      let uncompressedSize: Int
      let crc32: UInt32
    }
    struct Archive: Decodable {
      let file: String
      let entries: [Entry]
    }
    struct Hostile: Decodable {
      let file: String
      let stage: String
      let reason: String
      let entry: String?
      let extract: String?
      let inflateReason: String?
      let limits: [String: Int]?
    }
    let archives: [Archive]
    let hostile: [Hostile]
  }

  static func deflateManifest() throws -> DeflateManifest {
    try Fixtures.json(DeflateManifest.self, "workbooks/deflate/manifest.json")
  }

  static func zipManifest() throws -> ZipManifest {
    try Fixtures.json(ZipManifest.self, "workbooks/zip/manifest.json")
  }

  static func bytes(_ relativePath: String) throws -> [UInt8] {
    [UInt8](try Fixtures.data("workbooks/" + relativePath))
  }

  static func hexBytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(hex.utf8.count / 2)
    var high: UInt8?
    for c in hex.utf8 {
      let v: UInt8 = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10
      if let h = high {
        out.append(h << 4 | v)
        high = nil
      } else {
        high = v
      }
    }
    return out
  }
}
