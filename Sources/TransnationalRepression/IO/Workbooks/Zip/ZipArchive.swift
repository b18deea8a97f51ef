/// A ZIP archive held in memory, read with the hostile file in mind: the container of `.xlsx`
/// workbooks.
///
/// Opening an archive reads its central directory
/// ([APPNOTE.TXT](https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT) 4.3): the
/// end-of-central-directory record (searched for in the last 64 KiB + 22 bytes), the ZIP64
/// end record and extra fields where sizes or offsets need them, every entry's name, method,
/// sizes and CRC-32, and every entry's local header. It checks the structure before any data is
/// decompressed: offsets inside the file, no two entries' data overlapping, names without NUL
/// bytes and unique, the entry count and the declared total size within ``Limits``.
///
/// Extracting an entry (`data(for:)`) refuses encrypted entries and methods other
/// than stored and DEFLATE, refuses an entry whose declared size exceeds the limits or whose
/// compression ratio marks it as a bomb, decompresses into one buffer of the declared size
/// (so a header that understates the size fails as soon as the data passes it, and memory never
/// grows beyond what the header declared), and checks the size and the CRC-32 of the result.
///
/// ```swift
/// let archive = try ZipArchive(bytes: Array(try Data(contentsOf: url)))
/// for entry in archive.entries { print(entry.name, entry.uncompressedSize) }
/// let workbook = try archive.data(for: "xl/workbook.xml")
/// ```
public struct ZipArchive: Sendable {
  /// Caps that keep a hostile archive from exhausting memory or time.
  ///
  /// The defaults suit `.xlsx` workbooks of any size Excel writes: a worksheet of Excel's
  /// maximum practical size inflates to far less than 1 GiB, and DEFLATE cannot compress
  /// better than about 1032:1, so a declared ratio above 1000:1 is a header that lies or a bomb.
  ///
  /// ```swift
  /// var limits = ZipArchive.Limits()
  /// limits.maxEntrySize = 64 << 20
  /// let archive = try ZipArchive(bytes: bytes, limits: limits)
  /// ```
  public struct Limits: Hashable, Sendable {
    /// The most entries an archive may have (default 10,000).
    public var maxEntries: Int
    /// The largest declared uncompressed size of one entry, in bytes (default 1 GiB).
    public var maxEntrySize: Int
    /// The largest declared uncompressed size of all entries together, in bytes
    /// (default 4 GiB).
    public var maxTotalSize: Int
    /// The highest ratio of an entry's uncompressed to compressed size (default 1000).
    public var maxCompressionRatio: Int

    /// Limits with the given caps (each defaults to the documented value).
    ///
    /// - Parameters:
    ///   - maxEntries: the most entries.
    ///   - maxEntrySize: the largest entry, in bytes.
    ///   - maxTotalSize: the largest total, in bytes.
    ///   - maxCompressionRatio: the highest uncompressed-to-compressed ratio.
    public init(
      maxEntries: Int = 10_000, maxEntrySize: Int = 1 << 30, maxTotalSize: Int = 4 << 30,
      maxCompressionRatio: Int = 1000
    ) {
      self.maxEntries = maxEntries
      self.maxEntrySize = maxEntrySize
      self.maxTotalSize = maxTotalSize
      self.maxCompressionRatio = maxCompressionRatio
    }
  }

  /// How an entry's data is compressed: the method number of the ZIP header.
  ///
  /// ```swift
  /// if entry.method == .deflate { ... }
  /// ```
  public struct Method: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method number (APPNOTE 4.4.5).
    public let rawValue: UInt16

    /// The method with a number.
    ///
    /// - Parameter rawValue: the method number.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Stored without compression (method 0).
    public static let stored = Method(rawValue: 0)
    /// DEFLATE (method 8), the method of almost every `.xlsx` part.
    public static let deflate = Method(rawValue: 8)

    /// The method's name and number, such as "DEFLATE (8)" or "bzip2 (12)".
    public var description: String {
      let name: String
      switch rawValue {
      case 0: name = "stored"
      case 1: name = "shrunk"
      case 6: name = "imploded"
      case 8: name = "DEFLATE"
      case 9: name = "Deflate64"
      case 12: name = "bzip2"
      case 14: name = "LZMA"
      case 93: name = "Zstandard"
      case 95: name = "XZ"
      case 98: name = "PPMd"
      case 99: name = "AES encryption"
      default: name = "method"
      }
      return "\(name) (\(rawValue))"
    }
  }

  /// One file in the archive, as its central directory describes it.
  ///
  /// ```swift
  /// let entry = archive.entries[0]
  /// print(entry.name, entry.method, entry.compressedSize, entry.uncompressedSize)
  /// ```
  public struct Entry: Hashable, Sendable {
    /// The entry's path inside the archive, such as `xl/workbook.xml`. Names that are not
    /// valid UTF-8 are read as ISO 8859-1.
    public let name: String
    /// How the data is compressed.
    public let method: Method
    /// The size of the data as stored, in bytes.
    public let compressedSize: Int
    /// The size the central directory declares for the decompressed data, in bytes.
    public let uncompressedSize: Int
    /// The CRC-32 the central directory declares for the decompressed data.
    public let crc32: UInt32
    /// Whether the entry is encrypted (such entries cannot be extracted).
    public let isEncrypted: Bool
    /// Whether the entry is a directory (its name ends with `/`).
    public var isDirectory: Bool { name.hasSuffix("/") }
    /// Where the entry's compressed data starts in the archive.
    let dataOffset: Int
  }

  /// The entries, in central-directory order.
  public let entries: [Entry]
  /// The limits the archive was opened with.
  public let limits: Limits
  let bytes: [UInt8]
  let index: [String: Int]

  /// Opens an archive held in memory, checking its structure.
  ///
  /// - Parameters:
  ///   - bytes: the whole archive.
  ///   - limits: caps on entries and sizes (by default, ``Limits`` with its documented caps).
  /// - Throws: ``ZipError`` when the bytes are not a ZIP archive (``ZipError/Reason/compoundFile``
  ///   for an encrypted Office document), are truncated or damaged, or break the limits.
  /// - Complexity: O(*e*) in the number of entries, plus the search for the end record.
  public init(bytes: [UInt8], limits: Limits = Limits()) throws(ZipError) {
    self.bytes = bytes
    self.limits = limits
    let reader = ZipByteReader(bytes: bytes)
    let directory = try ZipArchive.findCentralDirectory(reader)
    if directory.count > limits.maxEntries {
      throw ZipError(
        .tooManyEntries,
        message:
          "the archive has \(directory.count) entries, more than the limit of "
          + "\(limits.maxEntries)")
    }
    var entries: [Entry] = []
    entries.reserveCapacity(directory.count)
    var index: [String: Int] = [:]
    var spans: [(start: Int, end: Int, name: String)] = []
    var total = 0
    var p = directory.offset
    let end = directory.offset + directory.size
    for _ in 0..<directory.count {
      let entry = try ZipArchive.readEntry(reader, at: &p, directoryEnd: end)
      if index[entry.entry.name] != nil {
        throw ZipError(
          .duplicateName, entry: entry.entry.name,
          message: "two entries have this name; the archive is damaged or crafted")
      }
      index[entry.entry.name] = entries.count
      let (sum, overflow) = total.addingReportingOverflow(entry.entry.uncompressedSize)
      if overflow || sum > limits.maxTotalSize {
        throw ZipError(
          .archiveTooLarge,
          message:
            "the entries together declare more than the limit of \(limits.maxTotalSize) bytes")
      }
      total = sum
      let dataEnd = entry.entry.dataOffset + entry.entry.compressedSize
      if dataEnd > directory.offset {
        throw ZipError(
          .offsetOutOfRange, entry: entry.entry.name,
          message: "the entry's data runs past the start of the central directory")
      }
      spans.append((entry.localOffset, dataEnd, entry.entry.name))
      entries.append(entry.entry)
    }
    // No two entries may share bytes: overlapping entries are how "overlap" bombs multiply a
    // small file into a huge output.
    spans.sort { $0.start < $1.start }
    for k in spans.indices.dropFirst() where spans[k].start < spans[k - 1].end {
      throw ZipError(
        .overlappingEntries, entry: spans[k].name,
        message: "the entry's data overlaps that of \"\(spans[k - 1].name)\"")
    }
    self.entries = entries
    self.index = index
  }

  /// The entry with a name, if there is one.
  ///
  /// - Parameter name: the entry's path inside the archive.
  /// - Returns: the entry, or `nil`.
  /// - Complexity: O(1) on average.
  public func entry(named name: String) -> Entry? {
    index[name].map { entries[$0] }
  }

  /// The decompressed data of the entry with a name.
  ///
  /// ```swift
  /// let xml = try archive.data(for: "xl/sharedStrings.xml")
  /// ```
  ///
  /// - Parameter name: the entry's path inside the archive.
  /// - Returns: the entry's bytes, checked against its declared size and CRC-32.
  /// - Throws: ``ZipError`` with ``ZipError/Reason/entryNotFound`` when no entry has the name,
  ///   or any error of `data(for:)` for an entry.
  /// - Complexity: O(*n*) in the entry's size.
  public func data(for name: String) throws(ZipError) -> [UInt8] {
    guard let entry = entry(named: name) else {
      throw ZipError(.entryNotFound, entry: name, message: "the archive has no such entry")
    }
    return try data(for: entry)
  }

  /// The decompressed data of an entry.
  ///
  /// - Parameter entry: one of ``entries``.
  /// - Returns: the entry's bytes, checked against its declared size and CRC-32.
  /// - Throws: ``ZipError``: ``ZipError/Reason/encryptedEntry``,
  ///   ``ZipError/Reason/unsupportedMethod``, ``ZipError/Reason/entryTooLarge``,
  ///   ``ZipError/Reason/compressionRatioTooHigh``, ``ZipError/Reason/corruptData``,
  ///   ``ZipError/Reason/sizeMismatch`` or ``ZipError/Reason/crcMismatch``.
  /// - Complexity: O(*n*) in the entry's size.
  public func data(for entry: Entry) throws(ZipError) -> [UInt8] {
    let name = entry.name
    if entry.isEncrypted {
      throw ZipError(
        .encryptedEntry, entry: name,
        message: "the entry is encrypted; save an unencrypted copy and read that")
    }
    guard entry.method == .stored || entry.method == .deflate else {
      throw ZipError(
        .unsupportedMethod, entry: name,
        message:
          "the entry is compressed with \(entry.method), which this reader does not support "
          + "(only stored and DEFLATE); re-save the file with standard compression")
    }
    if entry.uncompressedSize > limits.maxEntrySize {
      throw ZipError(
        .entryTooLarge, entry: name,
        message:
          "the entry declares \(entry.uncompressedSize) bytes, more than the limit of "
          + "\(limits.maxEntrySize)")
    }
    if entry.uncompressedSize / max(limits.maxCompressionRatio, 1) > entry.compressedSize {
      throw ZipError(
        .compressionRatioTooHigh, entry: name,
        message:
          "the entry declares \(entry.uncompressedSize) bytes from \(entry.compressedSize) "
          + "compressed, a ratio above \(limits.maxCompressionRatio):1 that marks a "
          + "decompression bomb")
    }
    let start = entry.dataOffset
    let count = entry.compressedSize
    var output: [UInt8]
    if entry.method == .stored {
      guard count == entry.uncompressedSize else {
        throw ZipError(
          .sizeMismatch, entry: name,
          message:
            "the stored entry holds \(count) bytes but declares \(entry.uncompressedSize)")
      }
      output = Array(bytes[start..<start + count])
    } else {
      var result: Result<[UInt8], InflateError> = .success([])
      bytes.withUnsafeBytes { all in
        let slice = UnsafeRawBufferPointer(rebasing: all[start..<start + count])
        do throws(InflateError) {
          result = .success(
            try Inflate.inflate(
              slice, limit: entry.uncompressedSize, expectedSize: entry.uncompressedSize
            ).output)
        } catch {
          result = .failure(error)
        }
      }
      switch result {
      case .success(let bytes): output = bytes
      case .failure(let error) where error.reason == .outputLimitExceeded:
        throw ZipError(
          .sizeMismatch, entry: name,
          message:
            "the entry inflates to more than the \(entry.uncompressedSize) bytes its header "
            + "declares", inflateError: error)
      case .failure(let error):
        throw ZipError(
          .corruptData, entry: name,
          message:
            "the compressed data is damaged: \(error.summary) (near byte \(error.offset) of the "
            + "entry's data); the file is corrupt",
          inflateError: error)
      }
      guard output.count == entry.uncompressedSize else {
        throw ZipError(
          .sizeMismatch, entry: name,
          message:
            "the entry inflates to \(output.count) bytes but declares "
            + "\(entry.uncompressedSize)")
      }
    }
    let crc = CRC32.checksum(output)
    guard crc == entry.crc32 else {
      throw ZipError(
        .crcMismatch, entry: name,
        message:
          "the data does not match its CRC-32 (computed \(hex(crc)), declared "
          + "\(hex(entry.crc32))); the file is damaged")
    }
    return output
  }
}

private func hex(_ value: UInt32) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}

// MARK: - Reading the structure

/// Bounds-checked little-endian reads over the archive's bytes.
struct ZipByteReader {
  let bytes: [UInt8]
  var count: Int { bytes.count }

  func has(_ offset: Int, _ length: Int) -> Bool {
    offset >= 0 && length >= 0 && offset <= bytes.count && length <= bytes.count - offset
  }
  /// Callers check `has(offset, 2)` first.
  func u16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
  func u32(_ offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }
  func u64(_ offset: Int) -> UInt64 {
    UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32
  }
}

extension ZipArchive {
  static let endSignature: UInt32 = 0x0605_4B50
  static let zip64EndSignature: UInt32 = 0x0606_4B50
  static let zip64LocatorSignature: UInt32 = 0x0706_4B50
  static let centralSignature: UInt32 = 0x0201_4B50
  static let localSignature: UInt32 = 0x0403_4B50

  struct Directory {
    var count: Int
    var offset: Int
    var size: Int
  }

  /// Finds the end-of-central-directory record (the last one whose fields are consistent; a
  /// comment may hold a fake signature) and, where needed, the ZIP64 end record.
  static func findCentralDirectory(_ r: ZipByteReader) throws(ZipError) -> Directory {
    let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    if r.count >= 8 && Array(r.bytes[0..<8]) == oleMagic {
      throw ZipError(
        .compoundFile,
        message:
          "this is an OLE compound file, not a ZIP archive: a password-protected (encrypted) "
          + "Office document or a legacy .xls workbook; save it as an unencrypted .xlsx")
    }
    var lastError: ZipError?
    if r.count >= 22 {
      let lowest = max(0, r.count - 22 - 0xFFFF)
      var pos = r.count - 22
      while pos >= lowest {
        if r.bytes[pos] == 0x50 && r.bytes[pos + 1] == 0x4B && r.u32(pos) == endSignature {
          do throws(ZipError) {
            return try readEnd(r, at: pos)
          } catch {
            if lastError == nil { lastError = error }
          }
        }
        pos -= 1
      }
    }
    if let lastError { throw lastError }
    if r.count >= 4 && r.u32(0) == localSignature {
      throw ZipError(
        .truncated,
        message: "the archive is truncated: its central directory is missing; get a full copy")
    }
    throw ZipError(.notAnArchive, message: "the file is not a ZIP archive")
  }

  static func readEnd(_ r: ZipByteReader, at pos: Int) throws(ZipError) -> Directory {
    let commentLength = r.u16(pos + 20)
    guard pos + 22 + commentLength <= r.count else {
      throw ZipError(
        .truncated, message: "the archive is truncated: its end record's comment is cut off")
    }
    let disk = r.u16(pos + 4)
    let directoryDisk = r.u16(pos + 6)
    let entriesOnDisk = r.u16(pos + 8)
    var count = r.u16(pos + 10)
    var size = Int(r.u32(pos + 12))
    var offset = Int(r.u32(pos + 16))
    var directoryEnd = pos
    let locator = pos - 20
    if locator >= 0 && r.u32(locator) == zip64LocatorSignature {
      let recordOffset64 = r.u64(locator + 8)
      guard r.u32(locator + 16) <= 1, let recordOffset = Int(exactly: recordOffset64),
        recordOffset <= locator - 56, r.u32(recordOffset) == zip64EndSignature
      else {
        throw ZipError(
          .invalidCentralDirectory, message: "the ZIP64 end record is missing or damaged")
      }
      guard r.u32(recordOffset + 16) == 0, r.u32(recordOffset + 20) == 0 else {
        throw ZipError(.multipleDisks, message: "split (multi-disk) archives are not supported")
      }
      guard let count64 = Int(exactly: r.u64(recordOffset + 32)),
        let size64 = Int(exactly: r.u64(recordOffset + 40)),
        let offset64 = Int(exactly: r.u64(recordOffset + 48))
      else {
        throw ZipError(
          .offsetOutOfRange, message: "the ZIP64 end record's sizes are out of range")
      }
      count = count64
      size = size64
      offset = offset64
      directoryEnd = recordOffset
    } else if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
      throw ZipError(
        .invalidCentralDirectory,
        message: "the end record defers to a ZIP64 end record that is missing")
    } else {
      guard disk == 0, directoryDisk == 0, entriesOnDisk == count else {
        throw ZipError(.multipleDisks, message: "split (multi-disk) archives are not supported")
      }
    }
    guard offset >= 0, size >= 0, offset <= directoryEnd, size <= directoryEnd - offset else {
      throw ZipError(
        .offsetOutOfRange,
        message: "the central directory's offset or size points past the end of the file")
    }
    // Each entry takes at least 46 bytes, so a count the directory cannot hold is a lie.
    guard count <= size / 46 else {
      throw ZipError(
        .invalidCentralDirectory,
        message: "the end record counts \(count) entries but the directory cannot hold them")
    }
    guard count == 0 || r.u32(offset) == centralSignature else {
      throw ZipError(
        .invalidCentralDirectory, message: "no central directory where the end record says")
    }
    return Directory(count: count, offset: offset, size: size)
  }

  /// Reads the central-directory entry at `p` (advancing it) and its local header.
  static func readEntry(
    _ r: ZipByteReader, at p: inout Int, directoryEnd: Int
  ) throws(ZipError) -> (entry: Entry, localOffset: Int) {
    guard p + 46 <= directoryEnd, r.u32(p) == centralSignature else {
      throw ZipError(
        .invalidCentralDirectory, message: "the central directory is damaged or truncated")
    }
    let flags = r.u16(p + 8)
    let method = UInt16(r.u16(p + 10))
    let crc = r.u32(p + 16)
    var compressed = UInt64(r.u32(p + 20))
    var uncompressed = UInt64(r.u32(p + 24))
    let nameLength = r.u16(p + 28)
    let extraLength = r.u16(p + 30)
    let commentLength = r.u16(p + 32)
    var disk = UInt64(r.u16(p + 34))
    var localOffset64 = UInt64(r.u32(p + 42))
    let nameStart = p + 46
    let next = nameStart + nameLength + extraLength + commentLength
    guard next <= directoryEnd else {
      throw ZipError(
        .invalidCentralDirectory, message: "the central directory is damaged or truncated")
    }
    let nameBytes = r.bytes[nameStart..<nameStart + nameLength]
    let name = decodeName(nameBytes)
    guard !nameBytes.isEmpty, !nameBytes.contains(0) else {
      let shown = name.split(separator: "\u{0}", omittingEmptySubsequences: false)
      throw ZipError(
        .invalidName, entry: shown.joined(separator: "\\0"),
        message: "the entry's name is empty or contains a NUL byte; the archive is crafted")
    }

    // ZIP64 extended information: the fields saturated in the fixed part, in this order.
    if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset64 == 0xFFFF_FFFF
      || disk == 0xFFFF
    {
      var q = nameStart + nameLength
      let extraEnd = q + extraLength
      var found = false
      while q + 4 <= extraEnd {
        let id = r.u16(q)
        let size = r.u16(q + 2)
        let body = q + 4
        guard body + size <= extraEnd else { break }
        if id == 0x0001 {
          var f = body
          func field(_ width: Int) throws(ZipError) -> UInt64 {
            guard f + width <= body + size else {
              throw ZipError(
                .invalidCentralDirectory, entry: name,
                message: "the entry's ZIP64 extra field is too short")
            }
            defer { f += width }
            return width == 8 ? r.u64(f) : UInt64(r.u32(f))
          }
          if uncompressed == 0xFFFF_FFFF { uncompressed = try field(8) }
          if compressed == 0xFFFF_FFFF { compressed = try field(8) }
          if localOffset64 == 0xFFFF_FFFF { localOffset64 = try field(8) }
          if disk == 0xFFFF { disk = try field(4) }
          found = true
          break
        }
        q = body + size
      }
      guard found else {
        throw ZipError(
          .invalidCentralDirectory, entry: name,
          message: "the entry's sizes need a ZIP64 extra field, which is missing")
      }
    }
    guard disk == 0 else {
      throw ZipError(.multipleDisks, message: "split (multi-disk) archives are not supported")
    }
    guard let compressedSize = Int(exactly: compressed),
      let uncompressedSize = Int(exactly: uncompressed),
      let localOffset = Int(exactly: localOffset64), r.has(localOffset, 30)
    else {
      throw ZipError(
        .offsetOutOfRange, entry: name,
        message: "the entry's local header offset or sizes point past the end of the file")
    }

    // The local header: its signature, and its name, which must be the central one.
    guard r.u32(localOffset) == localSignature else {
      throw ZipError(
        .invalidLocalHeader, entry: name,
        message: "no local header where the central directory says the entry starts")
    }
    let localNameLength = r.u16(localOffset + 26)
    let localExtraLength = r.u16(localOffset + 28)
    let dataOffset = localOffset + 30 + localNameLength + localExtraLength
    guard r.has(localOffset + 30, localNameLength + localExtraLength),
      r.bytes[localOffset + 30..<localOffset + 30 + localNameLength] == nameBytes
    else {
      throw ZipError(
        .invalidLocalHeader, entry: name,
        message: "the local header's name differs from the central directory's")
    }
    guard r.has(dataOffset, compressedSize) else {
      throw ZipError(
        .offsetOutOfRange, entry: name,
        message: "the entry's data runs past the end of the file; the archive is truncated")
    }
    p = next
    let encrypted = flags & 0x0041 != 0 || method == 99
    return (
      Entry(
        name: name, method: Method(rawValue: method), compressedSize: compressedSize,
        uncompressedSize: uncompressedSize, crc32: crc, isEncrypted: encrypted,
        dataOffset: dataOffset),
      localOffset
    )
  }

  static func decodeName(_ bytes: ArraySlice<UInt8>) -> String {
    if let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
    var scalars = String.UnicodeScalarView()
    for b in bytes { scalars.append(Unicode.Scalar(b)) }
    return String(scalars)
  }
}
