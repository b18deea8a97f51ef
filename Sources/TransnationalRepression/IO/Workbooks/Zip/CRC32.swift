/// The CRC-32 checksum that ZIP archives, gzip and PNG use (IEEE 802.3, reflected polynomial
/// `0xEDB88320`, initial value and final XOR `0xFFFFFFFF`).
///
/// The checksum is computed eight bytes at a time with the "slicing-by-8" table method
/// ([Kounavis and Berry, 2005](https://doi.org/10.1109/ISCC.2005.22)): eight 256-entry tables,
/// one lookup per input byte and no per-bit loop. ``ZipArchive`` checks every entry it extracts
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
  /// Eight tables of 256 entries: `tables[k * 256 + b]` is the CRC of byte `b` followed by `k`
  /// zero bytes.
  @usableFromInline
  static let tables: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for b in 0..<256 {
      var c = UInt32(b)
      for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
      t[b] = c
    }
    for k in 1..<8 {
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
      while n >= 8 {
        let word = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
        let lo = UInt32(truncatingIfNeeded: word) ^ crc
        let hi = UInt32(truncatingIfNeeded: word >> 32)
        crc =
          t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
          ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
          ^ t[1 * 256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
        p += 8
        n -= 8
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
