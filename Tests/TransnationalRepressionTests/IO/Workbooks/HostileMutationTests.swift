import Foundation
import Testing

@testable import TransnationalRepression

/// Seeded mutations of good archives and good workbook XML: every outcome is a typed error or
/// a result that keeps the readers' promises (CRC-checked data, rows within Excel's limits).
@Suite("Mutated archives and workbook XML")
struct HostileMutationTests {

  static func mutate(_ bytes: [UInt8], _ rng: inout TestRandom) -> [UInt8] {
    var b = bytes
    switch rng.below(4) {
    case 0:
      for _ in 0..<(1 + rng.below(4)) where !b.isEmpty {
        b[rng.below(b.count)] ^= UInt8(1 << rng.below(8))
      }
    case 1:
      if !b.isEmpty { b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next()) }
    case 2:
      b = Array(b[..<rng.below(b.count + 1)])
    default:
      let at = rng.below(b.count + 1)
      let start = rng.below(b.count + 1)
      let piece = b[start..<min(b.count, start + rng.below(64))]
      b.insert(contentsOf: piece, at: at)
    }
    return b
  }

  @Test("2,000 mutated archives: a ZipError, or entries whose data matches their CRC-32")
  func archives() throws {
    var rng = TestRandom(seed: 14)
    let sources = try ["zip/deflated.zip", "zip/stored.zip", "zip/zip64-central.zip"].map {
      try ContainerFixtures.bytes($0)
    }
    var failures = 0
    for _ in 0..<2000 {
      let bytes = Self.mutate(sources[rng.below(sources.count)], &rng)
      do {
        let zip = try ZipArchive(bytes: bytes)
        for entry in zip.entries {
          let data = try zip.data(for: entry)
          #expect(data.count == entry.uncompressedSize)
          #expect(CRC32.checksum(data) == entry.crc32)
        }
      } catch {
        failures += 1
      }
    }
    #expect(failures > 500)
  }

  @Test("3,000 mutated parts of XML: a WorkbookError, or rows within Excel's limits")
  func workbookXML() throws {
    let zip = try ZipArchive(bytes: ContainerFixtures.bytes("sheets/hand-made-xml.xlsx"))
    let sheet = try zip.data(for: "xl/worksheets/sheet1.xml")
    let shared = try zip.data(for: "xl/sharedStrings.xml")
    let styles = try zip.data(for: "xl/styles.xml")
    let workbook = try zip.data(for: "xl/workbook.xml")
    var rng = TestRandom(seed: 1904)
    var failures = 0
    for round in 0..<3000 {
      do {
        switch round % 4 {
        case 0:
          let rows = try WorkbookParts.cells(
            Self.mutate(sheet, &rng), part: "sheet", sharedStrings: ["a", "b", "c", "d"],
            dateStyles: [false, true], uses1904: false)
          #expect(rows.count <= Workbook.maxRows)
          #expect(rows.allSatisfy { $0.count <= Workbook.maxColumns })
        case 1:
          let strings = try WorkbookParts.sharedStrings(Self.mutate(shared, &rng), part: "sst")
          #expect(strings.count <= shared.count)
        case 2:
          _ = try WorkbookParts.dateStyles(Self.mutate(styles, &rng), part: "styles")
        default:
          _ = try WorkbookParts.sheetList(Self.mutate(workbook, &rng), part: "workbook")
        }
      } catch {
        failures += 1
      }
    }
    #expect(failures > 100)
  }
}

extension TestRandom {
  /// A value in `0 ..< n` (0 when `n` ≤ 1), by a plain modulo: enough for choosing mutations.
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
