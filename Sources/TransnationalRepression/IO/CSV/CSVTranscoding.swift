/// Turns the bytes of a CSV file into UTF-8 before it is split into fields: UTF-16 (found from
/// its byte-order mark), a declared single-byte encoding, or UTF-8 as it is.
internal enum CSVTranscoding {
  /// The encoding a byte-order mark at the start of `bytes` shows.
  enum ByteOrderMark {
    case utf8, utf16LittleEndian, utf16BigEndian

    /// The mark's length in bytes.
    var length: Int { self == .utf8 ? 3 : 2 }
  }

  /// The byte-order mark at the start of `bytes`, if any.
  static func byteOrderMark(_ bytes: some Collection<UInt8>) -> ByteOrderMark? {
    var iterator = bytes.makeIterator()
    let first = iterator.next(), second = iterator.next(), third = iterator.next()
    if first == 0xEF && second == 0xBB && third == 0xBF { return .utf8 }
    if first == 0xFF && second == 0xFE { return .utf16LittleEndian }
    if first == 0xFE && second == 0xFF { return .utf16BigEndian }
    return nil
  }

  /// Whether bytes starting like `head` must be converted before reading (UTF-16, or a declared
  /// encoding other than UTF-8).
  static func needsTranscoding(head: some Collection<UInt8>, encoding: CSVEncoding?) -> Bool {
    if let encoding, encoding != .utf8 { return true }
    switch byteOrderMark(head) {
    case .utf16LittleEndian, .utf16BigEndian: return true
    default: return false
    }
  }

  /// The UTF-8 bytes of `bytes`, without a byte-order mark.
  ///
  /// - Throws: ``ImportError`` for UTF-16 that is not valid (an odd number of bytes, or a lone
  ///   surrogate), naming the line.
  static func utf8(_ bytes: [UInt8], encoding: CSVEncoding?) throws(ImportError) -> [UInt8] {
    let mark = byteOrderMark(bytes)
    if mark == .utf16LittleEndian || mark == .utf16BigEndian {
      return try utf16(bytes, littleEndian: mark == .utf16LittleEndian)
    }
    switch encoding {
    case .windows1252?: return singleByte(bytes, windows1252: true)
    case .latin1?: return singleByte(bytes, windows1252: false)
    case .utf8?, nil: return mark == .utf8 ? Array(bytes.dropFirst(3)) : bytes
    }
  }

  /// Windows-1252's characters for bytes 0x80–0x9F (WHATWG; undefined bytes keep their C1
  /// control code point).
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  private static func singleByte(_ bytes: [UInt8], windows1252: Bool) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
        continue
      }
      let scalar = windows1252 && byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
      output.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
    }
    return output
  }

  private static func utf16(_ bytes: [UInt8], littleEndian: Bool) throws(ImportError) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var line = 1
    var index = 2
    var pendingHigh: UInt16?
    func unit(at i: Int) -> UInt16 {
      littleEndian
        ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
    }
    func invalid(_ why: String) -> ImportError {
      ImportError(
        .malformedCSV(
          "the file starts with a UTF-16 byte-order mark but is not valid UTF-16 on line \(line): \(why)"))
    }
    while index < bytes.count {
      guard index + 1 < bytes.count else { throw invalid("it ends in the middle of a character") }
      let code = unit(at: index)
      index += 2
      if let high = pendingHigh {
        guard code >= 0xDC00 && code <= 0xDFFF else { throw invalid("a lone surrogate") }
        let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(code) - 0xDC00)
        output.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
        pendingHigh = nil
        continue
      }
      if code >= 0xD800 && code <= 0xDBFF {
        pendingHigh = code
        continue
      }
      guard let scalar = Unicode.Scalar(UInt32(code)) else { throw invalid("a lone surrogate") }
      if code == 0x0A { line += 1 }
      output.append(contentsOf: Unicode.UTF8.encode(scalar)!)
    }
    if pendingHigh != nil { throw invalid("a lone surrogate") }
    return output
  }
}
