import Foundation
import TransnationalRepression

/// The checks run on every input of the `FuzzZip` target (and on its committed seed corpus by
/// the test suite). Test support, not API.
///
/// Input starting with `PK` is a ZIP archive: ``ZipArchive`` either throws a ``ZipError`` with a
/// message, or lists entries whose extracted data (when it extracts) has the declared size and
/// CRC-32; the whole file read as a workbook (``IncidentWorkbook``, lenient) gives a dataset or an
/// ``ImportError``, never a crash. Any other input is a raw DEFLATE stream: ``Inflate`` either
/// throws an ``InflateError`` or returns at most the limit, and the same stream with the limit set
/// to its output length gives the same output, one byte less throws.
public enum ZipFuzzHarness {
  /// Caps small enough that one input takes milliseconds.
  static let limits = ZipArchive.Limits(
    maxEntries: 64, maxEntrySize: 1 << 20, maxTotalSize: 4 << 20, maxCompressionRatio: 1000)

  /// Runs every check on one input.
  public static func run(_ bytes: [UInt8]) {
    if bytes.count >= 2 && bytes[0] == 0x50 && bytes[1] == 0x4B {
      checkArchive(bytes)
    } else {
      checkInflate(bytes)
    }
  }

  static func checkArchive(_ bytes: [UInt8]) {
    do {
      let archive = try ZipArchive(bytes: bytes, limits: limits)
      check(archive.entries.count <= limits.maxEntries, "more entries than the cap")
      for entry in archive.entries where !entry.isEncrypted {
        do {
          let data = try archive.data(for: entry)
          check(data.count == entry.uncompressedSize, "\(entry.name): size differs from the header")
          check(CRC32.checksum(data) == entry.crc32, "\(entry.name): CRC differs and was not caught")
          check(data.count <= limits.maxEntrySize, "\(entry.name): over the entry cap")
        } catch {
          check(!error.message.isEmpty, "an empty ZIP error message")
        }
      }
    } catch {
      check(!error.message.isEmpty, "an empty ZIP error message")
    }
    do {
      let result = try IncidentWorkbook.read(
        bytes: bytes, mode: .lenient, today: CSVFuzzHarness.today, limits: limits)
      let report = result.report
      check(report.accepted + report.rejected.count == report.dataRows, "the report loses rows")
    } catch {
      check(!error.description.isEmpty, "an empty import error")
    }
  }

  static func checkInflate(_ bytes: [UInt8]) {
    let limit = 1 << 20
    let output: [UInt8]
    do {
      output = try Inflate.decompress(bytes, limit: limit)
    } catch {
      check(!error.description.isEmpty, "an empty inflate error")
      return
    }
    check(output.count <= limit, "inflate wrote past its limit")
    do {
      let again = try Inflate.decompress(bytes, limit: output.count)
      check(again == output, "inflate differs with a tight limit")
    } catch {
      fail("inflate with the limit set to its output length threw: \(error)")
    }
    if !output.isEmpty {
      let under = Result { () throws(InflateError) in try Inflate.decompress(bytes, limit: output.count - 1) }
      if case .success = under { fail("inflate produced \(output.count) bytes under a limit one less") }
    }
  }
}
