/// The checksum every peer of the counting baseline prints: FNV-1a 64 over the cells of the
/// dense table taken as little-endian `UInt64`, as 16 lower-case hex digits (the definition in
/// `Benchmarks/Peers/gen.py`, `fnv1a64`).
enum TableChecksum {
  static func fnv1a64<C: Collection>(_ cells: C) -> String where C.Element == UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for cell in cells {
      var value = cell
      for _ in 0..<8 {
        hash ^= value & 0xFF
        hash = hash &* 0x0000_0100_0000_01B3
        value >>= 8
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
