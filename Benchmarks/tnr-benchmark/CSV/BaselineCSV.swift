import Foundation
import TransnationalRepression

/// gen.py's CSV (`id,kind,host_country_iso2,year`, e.g. `3,intimidation,TR,2022`), made in
/// process from ``BaselineGenerator``'s rows — byte for byte the file `gen.py --csv N` writes —
/// and the column mapping and checksum that go with it.
enum BaselineCSV {
  /// gen.py's `KINDS`, in code order (also ``IncidentCategory``'s order).
  static let kinds = ["intimidation", "detention", "extradition"]

  /// How the library reads gen.py's CSV: `kind` is the category, `host_country_iso2` the host,
  /// and every field the file lacks is a constant, validated like a value read from the file.
  static let mapping = ColumnMapping(
    columns: [.category: "kind", .host: "host_country_iso2"],
    defaults: [
      .origin: "CN", .month: "", .day: "", .datePrecision: "year", .mode: "unspecified",
      .persons: "", .personsQualifier: "unknown", .ethnicGroups: "Uyghur",
      .sourceTitle: "Synthetic benchmark data (shared/bench/gen.py)", .sourceURL: "",
      .sourceDate: "", .notes: "",
    ])

  /// The validation day: the end of gen.py's last year, so that no row is in the future
  /// whatever the machine's clock says.
  static let today = CalendarDay(year: 2026, month: 12, day: 31)!

  /// The CSV text of gen.py's first `rows` rows.
  static func bytes(rows: Int, threads: Int) -> [UInt8] {
    let data = BaselineGenerator.generate(rows: rows, threads: threads)
    let iso2 = BaselineGenerator.iso2.map { Array($0.utf8) }
    let kindNames = kinds.map { Array($0.utf8) }
    var out = Array("id,kind,host_country_iso2,year\n".utf8)
    out.reserveCapacity(rows * 28 + 64)
    var digits = [UInt8](repeating: 0, count: 20)
    for row in 0..<rows {
      var value = row + 1
      var count = 0
      repeat {
        digits[count] = UInt8(0x30 + value % 10)
        value /= 10
        count += 1
      } while value > 0
      for index in stride(from: count - 1, through: 0, by: -1) { out.append(digits[index]) }
      out.append(0x2C)
      out += kindNames[Int(data.kind[row])]
      out.append(0x2C)
      out += iso2[Int(data.country[row])]
      out.append(0x2C)
      let year = Int(data.year[row])
      out += [
        UInt8(0x30 + year / 1000), UInt8(0x30 + year / 100 % 10), UInt8(0x30 + year / 10 % 10),
        UInt8(0x30 + year % 10), 0x0A,
      ]
    }
    return out
  }

  /// A temporary file holding gen.py's CSV of `rows` rows.
  struct TemporaryFile {
    let url: URL
    let bytes: Int
    func remove() { try? FileManager.default.removeItem(at: url) }
  }

  /// Writes gen.py's CSV of `rows` rows to a temporary file (untimed set-up).
  static func temporaryFile(rows: Int, threads: Int) throws -> TemporaryFile {
    let bytes = self.bytes(rows: rows, threads: threads)
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("tnr-benchmark-\(ProcessInfo.processInfo.processIdentifier)-\(rows).csv")
    try Data(bytes).write(to: url)
    return TemporaryFile(url: url, bytes: bytes.count)
  }

  /// gen.py's table checksum of a count by (host, category, year): the dense 22,500-cell table
  /// with cell `(country * 3 + kind) * 30 + (year - 1997)`, through ``TableChecksum``. Country
  /// indices are gen.py's codes (both use ISO 3166-1 alpha-2 order with XK last).
  static func checksum(_ table: CountTable<Int>) -> String {
    var cells = [UInt64](repeating: 0, count: 250 * 3 * 30)
    for (labels, value) in table.cells {
      guard labels.count == 3, case .country(let country) = labels[0],
        case .category(let category) = labels[1], case .year(let year) = labels[2],
        (1997...2026).contains(year)
      else { return "not a (host, category, year) table of gen.py's years" }
      cells[(Int(country.index) * 3 + Int(category.code)) * 30 + (year - 1997)] += UInt64(value)
    }
    return TableChecksum.fnv1a64(cells)
  }

  /// The count every CSV benchmark ends with.
  static let query = try! CountQuery(by: [.host, .category, .year])
}
