/// Writes a ZIP archive of stored (uncompressed) entries, with their CRC-32s.
///
/// A stored entry is valid ZIP (APPNOTE 4.4.5, method 0) and every `.xlsx` reader accepts it.
/// Names are flagged UTF-8 (bit 11); timestamps are fixed at 1980-01-01 00:00 so that the same
/// content gives the same bytes. Archives stay below 4 GiB (no ZIP64).
struct ZipWriter {
  private(set) var bytes: [UInt8] = []
  private var central: [UInt8] = []
  private var count = 0

  private static func le16(_ value: Int, _ out: inout [UInt8]) {
    out.append(UInt8(value & 0xFF))
    out.append(UInt8((value >> 8) & 0xFF))
  }

  private static func le32(_ value: UInt32, _ out: inout [UInt8]) {
    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }

  /// Appends an entry.
  mutating func add(_ name: String, _ data: [UInt8]) {
    precondition(bytes.count + data.count < Int(UInt32.max) - (1 << 20), "archive over 4 GiB")
    let nameBytes = Array(name.utf8)
    let crc = CRC32.checksum(data)
    let offset = bytes.count
    // Local file header.
    ZipWriter.le32(0x0403_4B50, &bytes)
    ZipWriter.le16(20, &bytes)  // version needed: 2.0
    ZipWriter.le16(0x0800, &bytes)  // UTF-8 names
    ZipWriter.le16(0, &bytes)  // stored
    ZipWriter.le16(0, &bytes)  // time 00:00:00
    ZipWriter.le16(0x21, &bytes)  // date 1980-01-01
    ZipWriter.le32(crc, &bytes)
    ZipWriter.le32(UInt32(data.count), &bytes)
    ZipWriter.le32(UInt32(data.count), &bytes)
    ZipWriter.le16(nameBytes.count, &bytes)
    ZipWriter.le16(0, &bytes)
    bytes += nameBytes
    bytes += data
    // Central directory header.
    ZipWriter.le32(0x0201_4B50, &central)
    ZipWriter.le16(20, &central)  // made by: MS-DOS, 2.0
    ZipWriter.le16(20, &central)
    ZipWriter.le16(0x0800, &central)
    ZipWriter.le16(0, &central)
    ZipWriter.le16(0, &central)
    ZipWriter.le16(0x21, &central)
    ZipWriter.le32(crc, &central)
    ZipWriter.le32(UInt32(data.count), &central)
    ZipWriter.le32(UInt32(data.count), &central)
    ZipWriter.le16(nameBytes.count, &central)
    ZipWriter.le16(0, &central)  // extra
    ZipWriter.le16(0, &central)  // comment
    ZipWriter.le16(0, &central)  // disk
    ZipWriter.le16(0, &central)  // internal attributes
    ZipWriter.le32(0, &central)  // external attributes
    ZipWriter.le32(UInt32(offset), &central)
    central += nameBytes
    count += 1
  }

  /// The archive: the entries, the central directory and its end record.
  func finished() -> [UInt8] {
    var out = bytes
    let directoryOffset = out.count
    out += central
    ZipWriter.le32(0x0605_4B50, &out)
    ZipWriter.le16(0, &out)
    ZipWriter.le16(0, &out)
    ZipWriter.le16(count, &out)
    ZipWriter.le16(count, &out)
    ZipWriter.le32(UInt32(central.count), &out)
    ZipWriter.le32(UInt32(directoryOffset), &out)
    ZipWriter.le16(0, &out)
    return out
  }
}
