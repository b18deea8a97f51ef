import Foundation
import Testing

@testable import TransnationalRepression

@Suite("CRC-32")
struct CRC32Tests {
  @Test("the standard check values")
  func checkValues() {
    // The CRC-32/ISO-HDLC check value (the CRC of "123456789") and two more by hand.
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
    #expect(CRC32.checksum([0x00]) == 0xD202_EF8D)
    #expect(
      CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
  }

  @Test("agrees with zlib.crc32 on every fixture input")
  func agreesWithZlib() throws {
    let manifest = try ContainerFixtures.deflateManifest()
    var seen = Set<String>()
    for stream in manifest.streams where seen.insert(stream.input).inserted {
      let input = try ContainerFixtures.bytes("deflate/" + stream.input)
      #expect(input.count == stream.size, "\(stream.input)")
      #expect(CRC32.checksum(input) == stream.crc32, "\(stream.input)")
    }
    #expect(seen.count >= 8)
  }

  @Test("continuing a checksum in pieces, at every split and alignment, gives the whole")
  func incremental() throws {
    let input = try ContainerFixtures.bytes("deflate/inputs/text.bin")
    let whole = CRC32.checksum(input)
    for split in [0, 1, 3, 7, 8, 9, 15, 16, 17, 1000, input.count - 1, input.count] {
      let first = CRC32.checksum(Array(input[..<split]))
      #expect(CRC32.checksum(Array(input[split...]), initial: first) == whole, "split \(split)")
    }
    // Unaligned starts through the raw-pointer entry point.
    input.withUnsafeBytes { raw in
      for start in 0..<9 {
        let part = UnsafeRawBufferPointer(rebasing: raw[start...])
        #expect(CRC32.checksum(part) == CRC32.checksum(Array(input[start...])))
      }
    }
  }
}
