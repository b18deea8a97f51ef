import Foundation
import Testing

@testable import TransnationalRepression

/// A sheet read as incidents goes through the columnar engine (rows validated and records built in
/// parallel) when the mapping reads values canonically; its result must be the one-record-at-a-time
/// reader's, with every line told as the sheet's row: same dataset, report, rejected rows and
/// errors, in both modes.
@Suite("Workbook rows on the columnar engine")
struct WorkbookEngineTests {
  static let header = [
    "id", "origin", "host", "year", "month", "day", "date_precision", "category", "mode", "persons",
    "persons_qualifier", "ethnic_groups", "source_title", "source_url", "source_date", "notes",
  ]

  /// Random rows: valid ones, ids that repeat, bad values, blank rows, cells with commas, quotes
  /// and line breaks, numbers as number cells, dates as date cells.
  static func rows(seed: UInt64) -> [[WorkbookCell]] {
    var generator = SeededGenerator(seed: seed)
    func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &generator)] }
    var rows: [[WorkbookCell]] = [[], header.map { .text($0) }]
    for index in 0..<Int.random(in: 0..<120, using: &generator) {
      if Int.random(in: 0..<15, using: &generator) == 0 {
        rows.append([])
        continue
      }
      let id = Int.random(in: 0..<6, using: &generator) == 0 ? "R-\(index / 3)" : "R-\(index)"
      // A valid row (a day of 2019 in Turkey, Kazakhstan or Namibia — "NA"), then, one row in
      // three, one field broken.
      var row: [WorkbookCell] = [
        .text(id), .text("CN"), .text(pick(["TR", "KZ", "NA"])), .number(2019), .number(7),
        .number(Double(pick([9, 30]))), .text("day"), .text("detention"), .text("detention"),
        pick([.number(3), .number(300)]), .text("exact"), .text(pick(["Uyghur", "Kazakh;Uyghur"])),
        .text(pick(["Report, with a comma", "Plain title", "A \"quoted\" title", "Two\nlines"])),
        .text(pick(["", "https://example.org/a"])),
        pick([.empty, .date(WorkbookDate(year: 2020, month: 2, day: 29)!), .text("2019-08")]),
        .text(pick(["", "notes\nacross lines", "note, with comma"])),
      ]
      if Int.random(in: 0..<3, using: &generator) == 0 {
        let broken: [(Int, WorkbookCell)] = [
          (1, .text("XX")), (2, .text("Thailand")), (3, .number(2031)), (4, .number(13)),
          (6, .text("days")), (8, .text("threat")), (9, .text("about 4")), (10, .text("unknown")),
          (11, .text("Martian")), (14, .text("2019-13")), (12, .text("  ")),
        ]
        let (column, cell) = pick(broken)
        row[column] = cell
      }
      if Int.random(in: 0..<10, using: &generator) == 0 { row.append(.text("beyond the header")) }
      rows.append(row)
    }
    return rows
  }

  @Test("random sheets: the engine gives the record reader's result, lines as sheet rows", arguments: 0..<12)
  func randomSheets(_ seed: Int) {
    let records = WorkbookRecords(rows: Self.rows(seed: UInt64(seed)))
    let today = CalendarDay(year: 2026, month: 11, day: 23)!
    for mode in [ImportMode.lenient, .strict] {
      let engine = Result { () throws(ImportError) in
        try records.validate(mapping: .canonical, mode: mode, today: today, rejectedRowNames: .redact)
      }
      let expected = Result { () throws(ImportError) in
        try records.validateByRecords(
          mapping: .canonical, mode: mode, today: today, rejectedRowNames: .redact)
      }
      #expect(engine == expected, "seed \(seed), \(mode)")
      if case .success(let result) = expected, mode == .lenient {
        #expect(result.report.accepted + result.report.rejected.count == result.report.dataRows)
        if result.report.dataRows >= 40 {
          // The sheet exercises both outcomes, repeated ids among the rejections.
          #expect(result.report.accepted > 0 && !result.report.rejected.isEmpty)
          #expect(result.report.rejected.contains { $0.reason.contains("is used more than once (first on line") })
        }
      }
    }
  }
}
