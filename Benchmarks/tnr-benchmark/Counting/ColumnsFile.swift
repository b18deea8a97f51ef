import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A problem with a binary columns file: printed as is, exit status 1.
struct ColumnsFileError: Error, CustomStringConvertible {
  var description: String
  init(_ path: String, _ problem: String) {
    description = "\(path): \(problem)"
  }
}

/// Reads the binary columnar file written by `Benchmarks/Peers/gen.py`.
///
/// Layout (little-endian): a 64-byte header, then `u16 country[n]`, `u8 kind[n]` and
/// `u16 year[n]`, each at the offset the header records:
///
/// ```
/// off size field                off size field
///   0    8 magic "TNRCNT1\0"     40    8 u64 year_off
///   8    4 u32 version (=1)      48    2 u16 n_countries (=250)
///  12    4 u32 header_bytes (64) 50    2 u16 n_kinds (=3)
///  16    8 u64 n (rows)          52    2 u16 year_min (=1997)
///  24    8 u64 country_off       54    2 u16 year_max (=2026)
///  32    8 u64 kind_off          56    8 u64 seed
/// ```
enum ColumnsFile {
  static let magic: [UInt8] = Array("TNRCNT1".utf8) + [0]
  static let headerBytes = 64

  /// The file's header fields.
  struct Header {
    var rows: Int
    var countryOffset: Int
    var kindOffset: Int
    var yearOffset: Int
    var countries: Int
    var kinds: Int
    var yearMin: Int
    var yearMax: Int
    var seed: UInt64
  }

  /// Reads and validates the whole file into 64-byte-aligned memory.
  static func read(path: String) throws(ColumnsFileError) -> (BaselineColumns, Header) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw ColumnsFileError(path, "cannot open: \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw ColumnsFileError(path, "cannot stat: \(String(cString: strerror(errno)))")
    }
    let size = Int(info.st_size)
    guard size >= headerBytes else {
      throw ColumnsFileError(path, "\(size) bytes is too short for the 64-byte header")
    }
    let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 64)
    var done = 0
    while done < size {
      let got = systemRead(descriptor, storage.baseAddress! + done, size - done)
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else {
        storage.deallocate()
        throw ColumnsFileError(path, "read failed after \(done) of \(size) bytes")
      }
      done += got
    }
    let header: Header
    do {
      header = try parseHeader(UnsafeRawBufferPointer(storage), fileSize: size, path: path)
    } catch {
      storage.deallocate()
      throw error
    }
    let columns = BaselineColumns(
      storage: storage, rows: header.rows, countryOffset: header.countryOffset,
      kindOffset: header.kindOffset, yearOffset: header.yearOffset, countries: header.countries,
      kinds: header.kinds, yearMin: header.yearMin, yearMax: header.yearMax)
    #if _endian(big)
      for i in 0..<header.rows {
        columns.country[i] = UInt16(littleEndian: columns.country[i])
        columns.year[i] = UInt16(littleEndian: columns.year[i])
      }
    #endif
    return (columns, header)
  }

  /// Checks the header against the file size and the generator's conventions.
  static func parseHeader(
    _ bytes: UnsafeRawBufferPointer, fileSize: Int, path: String
  ) throws(ColumnsFileError) -> Header {
    func u64(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    func u32(_ offset: Int) -> UInt32 {
      UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
    func u16(_ offset: Int) -> Int {
      Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }
    guard Array(bytes[0..<8]) == magic else {
      throw ColumnsFileError(path, "bad magic: not a TNRCNT1 columns file from gen.py")
    }
    guard u32(8) == 1 else {
      throw ColumnsFileError(path, "unsupported version \(u32(8)) (this reader knows version 1)")
    }
    guard u32(12) == UInt32(headerBytes) else {
      throw ColumnsFileError(path, "header_bytes is \(u32(12)), expected \(headerBytes)")
    }
    let limit = UInt64(fileSize)
    let n = u64(16)
    guard n <= limit else {
      throw ColumnsFileError(path, "n = \(n) rows cannot fit \(fileSize) bytes")
    }
    let rows = Int(n)
    func column(_ name: String, at offset: Int, width: Int) throws(ColumnsFileError) -> Int {
      let start = u64(offset)
      guard start >= UInt64(headerBytes), start <= limit,
        UInt64(width) * n <= limit - start
      else {
        throw ColumnsFileError(
          path,
          "\(name) column at offset \(start) with \(n) rows of \(width) bytes runs past the "
            + "end of the \(fileSize)-byte file")
      }
      guard start % UInt64(width) == 0 else {
        throw ColumnsFileError(path, "\(name) column offset \(start) is not \(width)-byte aligned")
      }
      return Int(start)
    }
    let countryOffset = try column("country", at: 24, width: 2)
    let kindOffset = try column("kind", at: 32, width: 1)
    let yearOffset = try column("year", at: 40, width: 2)
    let countries = u16(48)
    let kinds = u16(50)
    let yearMin = u16(52)
    let yearMax = u16(54)
    guard countries >= 1, kinds >= 1, kinds <= 256, yearMax >= yearMin else {
      throw ColumnsFileError(
        path,
        "bad domain: n_countries \(countries), n_kinds \(kinds), years \(yearMin)...\(yearMax)")
    }
    return Header(
      rows: rows, countryOffset: countryOffset, kindOffset: kindOffset, yearOffset: yearOffset,
      countries: countries, kinds: kinds, yearMin: yearMin, yearMax: yearMax, seed: u64(56))
  }

  /// The table checksum the generator recorded for this file: `FILE.json` beside it (written by
  /// gen.py), or else the published value for the standard data of that size.
  static func expectedChecksum(path: String, header: Header) -> String? {
    if let data = FileManager.default.contents(atPath: path + ".json"),
      let meta = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let checksum = meta["checksum"] as? String,
      (meta["n"] as? NSNumber)?.intValue == header.rows
    {
      return checksum
    }
    guard header.seed == BaselineGenerator.seed, header.countries == 250, header.kinds == 3,
      header.yearMin == 1997, header.yearMax == 2026
    else { return nil }
    return BaselineGenerator.knownChecksums[header.rows]
  }
}

/// `read(2)`, named apart from the many Swift `read` methods.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
  #else
    return Darwin.read(fd, buffer, count)
  #endif
}
