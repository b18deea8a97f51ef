/// The CRC-32 checksum that ZIP archives, gzip and PNG use (IEEE 802.3, reflected polynomial
/// `0xEDB88320`, initial value and final XOR `0xFFFFFFFF`).
///
/// The checksum is computed sixteen bytes at a time with the "slicing-by-N" table method
/// ([Kounavis and Berry, 2005](https://doi.org/10.1109/ISCC.2005.22)): sixteen 256-entry
/// tables, one lookup per input byte, no per-bit loop, and four independent chains of lookups
/// per step. ``ZipArchive`` checks every entry it extracts
/// against the CRC-32 stored in the archive.
///
/// ```swift
/// CRC32.checksum(Array("123456789".utf8))  // 0xCBF43926
///
/// // In pieces: pass the previous result as `initial`.
/// var crc = CRC32.checksum(Array("1234".utf8))
/// crc = CRC32.checksum(Array("56789".utf8), initial: crc)  // 0xCBF43926
/// ```
public enum CRC32 {
  /// Sixteen tables of 256 entries: `tables[k * 256 + b]` is the CRC of byte `b` followed by
  /// `k` zero bytes.
  @usableFromInline
  static let tables: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 16 * 256)
    for b in 0..<256 {
      var c = UInt32(b)
      for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
      t[b] = c
    }
    for k in 1..<16 {
      for b in 0..<256 {
        let previous = t[(k - 1) * 256 + b]
        t[k * 256 + b] = (previous >> 8) ^ t[Int(previous & 0xFF)]
      }
    }
    return t
  }()

  /// The CRC-32 of bytes in memory, optionally continuing an earlier checksum.
  ///
  /// - Parameters:
  ///   - bytes: the bytes to checksum.
  ///   - initial: the checksum of the bytes before these (0 to start afresh).
  /// - Returns: the CRC-32 of the preceding bytes followed by `bytes`.
  /// - Complexity: O(*n*), about one table lookup per byte.
  public static func checksum(_ bytes: UnsafeRawBufferPointer, initial: UInt32 = 0) -> UInt32 {
    tables.withUnsafeBufferPointer { table in
      guard let t = table.baseAddress, var p = bytes.baseAddress else { return initial }
      var crc = ~initial
      var n = bytes.count
      @inline(__always) func at(_ k: Int, _ byte: UInt32) -> UInt32 { t[k &* 256 &+ Int(byte)] }
      while n >= 16 {
        let w0 = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
        let w1 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let a = UInt32(truncatingIfNeeded: w0) ^ crc
        let b = UInt32(truncatingIfNeeded: w0 >> 32)
        let c = UInt32(truncatingIfNeeded: w1)
        let d = UInt32(truncatingIfNeeded: w1 >> 32)
        let x =
          at(15, a & 0xFF) ^ at(14, (a >> 8) & 0xFF) ^ at(13, (a >> 16) & 0xFF)
          ^ at(12, a >> 24)
        let y =
          at(11, b & 0xFF) ^ at(10, (b >> 8) & 0xFF) ^ at(9, (b >> 16) & 0xFF)
          ^ at(8, b >> 24)
        let z =
          at(7, c & 0xFF) ^ at(6, (c >> 8) & 0xFF) ^ at(5, (c >> 16) & 0xFF)
          ^ at(4, c >> 24)
        let w =
          at(3, d & 0xFF) ^ at(2, (d >> 8) & 0xFF) ^ at(1, (d >> 16) & 0xFF)
          ^ at(0, d >> 24)
        crc = (x ^ y) ^ (z ^ w)
        p += 16
        n -= 16
      }
      while n > 0 {
        crc = (crc >> 8) ^ t[Int((crc ^ UInt32(p.load(as: UInt8.self))) & 0xFF)]
        p += 1
        n -= 1
      }
      return ~crc
    }
  }

  /// The CRC-32 of an array of bytes, optionally continuing an earlier checksum.
  ///
  /// ```swift
  /// CRC32.checksum([UInt8]())  // 0
  /// ```
  ///
  /// - Parameters:
  ///   - bytes: the bytes to checksum.
  ///   - initial: the checksum of the bytes before these (0 to start afresh).
  /// - Returns: the CRC-32 of the preceding bytes followed by `bytes`.
  /// - Complexity: O(*n*).
  public static func checksum(_ bytes: [UInt8], initial: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBytes { checksum($0, initial: initial) }
  }
}
