import Foundation
import Testing

@testable import TransnationalRepression

@Suite("DEFLATE decompression")
struct InflateTests {
  @Test("every zlib stream (levels 0-9, strategies, small window, flushes) inflates byte for byte")
  func zlibStreams() throws {
    let manifest = try ContainerFixtures.deflateManifest()
    #expect(manifest.streams.count >= 150)
    var inputs: [String: [UInt8]] = [:]
    for stream in manifest.streams {
      let compressed = try ContainerFixtures.bytes("deflate/" + stream.stream)
      let expected = try inputs[stream.input] ?? ContainerFixtures.bytes("deflate/" + stream.input)
      inputs[stream.input] = expected
      let output = try Inflate.decompress(compressed, limit: 1 << 24)
      #expect(output.count == stream.size, "\(stream.stream)")
      #expect(output == expected, "\(stream.stream)")
      #expect(CRC32.checksum(output) == stream.crc32, "\(stream.stream)")
      // The ZIP path: one buffer of the declared size, and the whole input used.
      let (sized, consumed) = try compressed.withUnsafeBytes { raw throws(InflateError) in
        try Inflate.inflate(raw, limit: stream.size, expectedSize: stream.size)
      }
      #expect(sized == expected, "\(stream.stream)")
      #expect(consumed == compressed.count, "\(stream.stream)")
    }
  }

  @Test("unusual valid streams (single distance code, only end-of-block, all block types, repeats)")
  func unusualValidStreams() throws {
    let manifest = try ContainerFixtures.deflateManifest()
    #expect(manifest.valid.count == 3)
    for item in manifest.valid {
      let output = try Inflate.decompress(
        try ContainerFixtures.bytes("deflate/" + item.stream), limit: 1 << 20)
      #expect(output == (try ContainerFixtures.bytes("deflate/" + item.output)), "\(item.stream)")
      #expect(output.count == item.size)
      #expect(CRC32.checksum(output) == item.crc32)
    }
    // The mixed stream, written out by hand: stored "xyz", fixed "hello" + match, dynamic
    // "banana" + match.
    let mixed = try Inflate.decompress(
      try ContainerFixtures.bytes("deflate/valid/mixed-block-types.deflate"), limit: 100)
    #expect(String(decoding: mixed, as: UTF8.self) == "xyzhellohellobananaaaa")
  }

  @Test("every hand-made bad stream throws its reason (zlib rejects each one too)")
  func hostileStreams() throws {
    let manifest = try ContainerFixtures.deflateManifest()
    #expect(manifest.hostile.count >= 20)
    for item in manifest.hostile {
      let stream = try ContainerFixtures.bytes("deflate/" + item.stream)
      let error = #expect(throws: InflateError.self, "\(item.stream)") {
        _ = try Inflate.decompress(stream, limit: 1 << 20)
      }
      #expect(error?.reason.rawValue == item.reason, "\(item.stream): \(String(describing: error))")
      #expect((error?.offset ?? -1) >= 0 && (error?.offset ?? .max) <= stream.count)
      #expect(error?.description.isEmpty == false)
    }
  }

  @Test("a bomb stops at the output limit; the exact limit is allowed, one byte less is not")
  func limits() throws {
    let manifest = try ContainerFixtures.deflateManifest()
    let bomb = try ContainerFixtures.bytes("deflate/" + manifest.bomb.stream)
    let error = #expect(throws: InflateError.self) {
      _ = try Inflate.decompress(bomb, limit: 1 << 20)
    }
    #expect(error?.reason == .outputLimitExceeded)
    let full = try Inflate.decompress(bomb, limit: manifest.bomb.size)
    #expect(full.count == manifest.bomb.size)
    #expect(CRC32.checksum(full) == manifest.bomb.crc32)

    let text = try ContainerFixtures.bytes("deflate/streams/text-l6.deflate")
    let original = try ContainerFixtures.bytes("deflate/inputs/text.bin")
    #expect(try Inflate.decompress(text, limit: original.count) == original)
    for limit in [0, 1, original.count - 1] {
      let error = #expect(throws: InflateError.self, "limit \(limit)") {
        _ = try Inflate.decompress(text, limit: limit)
      }
      #expect(error?.reason == .outputLimitExceeded, "limit \(limit)")
    }
    // A stored stream past the limit, and an empty output at limit 0.
    let stored = try ContainerFixtures.bytes("deflate/streams/text-l0.deflate")
    #expect(throws: InflateError.self) { _ = try Inflate.decompress(stored, limit: 100) }
    let empty = try ContainerFixtures.bytes("deflate/streams/empty-l6.deflate")
    #expect(try Inflate.decompress(empty, limit: 0).isEmpty)
  }

  @Test("400 mutated streams: the same verdict as zlib, and the same output when both accept")
  func differentialAgainstZlib() throws {
    let manifest = try ContainerFixtures.deflateManifest()
    #expect(manifest.mutated.count >= 350)
    var accepted = 0
    var rejected = 0
    for item in manifest.mutated {
      let stream = ContainerFixtures.hexBytes(item.hex)
      do {
        let output = try Inflate.decompress(stream, limit: 1 << 22)
        #expect(item.ok, "\(item.stream): zlib rejects it, Inflate accepted it")
        #expect(output.count == item.size, "\(item.stream)")
        #expect(CRC32.checksum(output) == item.crc32, "\(item.stream)")
        accepted += 1
      } catch {
        #expect(!item.ok, "\(item.stream): zlib accepts it, Inflate threw \(error)")
        rejected += 1
      }
    }
    #expect(accepted > 50 && rejected > 50)
  }

  @Test("every prefix of a stream either throws truncatedInput or is the whole stream")
  func everyPrefix() throws {
    let stream = try ContainerFixtures.bytes("deflate/streams/csv-l9.deflate")
    let original = try ContainerFixtures.bytes("deflate/inputs/csv.bin")
    let step = max(1, stream.count / 300)
    for length in stride(from: 0, to: stream.count, by: step) {
      do {
        _ = try Inflate.decompress(Array(stream[..<length]), limit: 1 << 22)
        Issue.record("a prefix of \(length) bytes inflated")
      } catch {
        #expect(error.reason == .truncatedInput, "prefix \(length): \(error)")
      }
    }
    #expect(try Inflate.decompress(stream + [1, 2, 3], limit: 1 << 22) == original)
  }
}
