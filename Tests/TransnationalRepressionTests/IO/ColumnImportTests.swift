import Foundation
import Testing

@testable import TransnationalRepression

/// The columnar import (``IncidentColumns/read(contentsOf:mapping:mode:today:rejectedRowNames:threads:)``)
/// and the records it builds (``IncidentCSV``'s typed path) against the record reader
/// (`IncidentCSV.readRecords`, each row through ``IncidentRowParser``): for every file of the bad-input corpus, for synthetic datasets written
/// with ``IncidentCSV/write(_:names:)``, for gen.py-style files read through a mapping and for
/// randomly damaged files, both modes must give the same columns (those of the dataset
/// ``IncidentCSV`` accepts), the same ``ImportReport``, and the same ``ImportError`` — read from
/// memory and from a file, on one thread and several, with blocks of the default size and blocks
/// so small that records straddle them.
@Suite("Columnar CSV import against IncidentCSV")
struct ColumnImportTests {
  /// How the columnar reader is run.
  struct Configuration: CustomStringConvertible {
    var fromFile: Bool
    var threads: Int
    var blockSize: Int?
    var minimumPartBytes: Int?
    /// Whether a file is mapped (else read with `read(2)`).
    var mapsFiles = true

    var description: String {
      "\(fromFile ? (mapsFiles ? "mapped file" : "file read in blocks") : "memory"), \(threads) threads, block \(blockSize.map(String.init) ?? "default"), part \(minimumPartBytes.map(String.init) ?? "default")"
    }
  }

  static let configurations = [
    Configuration(fromFile: false, threads: 1),
    Configuration(fromFile: false, threads: 3, minimumPartBytes: 1),
    Configuration(fromFile: true, threads: 1),
    Configuration(fromFile: true, threads: 2, blockSize: 61, minimumPartBytes: 1),
    Configuration(fromFile: true, threads: 3, blockSize: 1_000, minimumPartBytes: 40),
    Configuration(fromFile: true, threads: 2, blockSize: 61, minimumPartBytes: 1, mapsFiles: false),
    Configuration(fromFile: true, threads: 1, mapsFiles: false),
  ]

  static let today = CorpusManifest.today

  /// Reads `bytes` with both readers in both modes and every configuration, and expects the same
  /// outcome.
  /// - Returns: How many rows the fast path took in each read (to check that it is used).
  @discardableResult
  static func compare(
    _ bytes: [UInt8], mapping: ColumnMapping = .canonical, names: PersonNamePolicy = .redact,
    label: String, configurations: [Configuration] = configurations,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [Int] {
    var fastRowCounts: [Int] = []
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("tnr-columns-\(UUID().uuidString).csv")
    try Data(bytes).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    for mode in [ImportMode.lenient, .strict] {
      let expected = Result { () throws(ImportError) in
        try IncidentCSV.readRecords(
          CSVReader(bytes: bytes, delimiter: mapping.delimiter, encoding: mapping.encoding),
          mapping: mapping, mode: mode, today: today, rejectedRowNames: names)
      }
      for configuration in configurations {
        var importer = ColumnImporter(
          mapping: mapping, mode: mode, today: today, names: names, threads: configuration.threads)
        if let size = configuration.blockSize { importer.blockSize = size }
        if let size = configuration.minimumPartBytes { importer.minimumPartBytes = size }
        importer.mapsFiles = configuration.mapsFiles
        var fastRows = 0
        let actual = Result { () throws(ImportError) in
          let read =
            configuration.fromFile
            ? try importer.readCountingFastRows(.file(file))
            : try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
              try importer.readCountingFastRows(.bytes(buffer))
            }
          fastRows = read.fastRows
          return read.result
        }
        fastRowCounts.append(fastRows)
        let context = "\(label), \(mode), \(configuration)"
        let records = Result { () throws(ImportError) in
          configuration.fromFile
            ? try importer.readIncidents(.file(file), sourceName: "row")
            : try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
              try importer.readIncidents(.bytes(buffer), sourceName: "row")
            }
        }
        switch (expected, records) {
        case (.success(let expected), .success(let records)):
          #expect(records.report == expected.report, "records: \(context)", sourceLocation: sourceLocation)
          #expect(records.dataset == expected.dataset, "records: \(context)", sourceLocation: sourceLocation)
        case (.failure(let expected), .failure(let records)):
          #expect(records == expected, "records: \(context)", sourceLocation: sourceLocation)
        default:
          Issue.record("records: \(context): the record reader gives \(expected), the engine \(records)", sourceLocation: sourceLocation)
        }
        switch (expected, actual) {
        case (.success(let expected), .success(let actual)):
          #expect(actual.report == expected.report, "\(context)", sourceLocation: sourceLocation)
          #expect(
            actual.columns == IncidentColumns(expected.dataset), "\(context)",
            sourceLocation: sourceLocation)
          #expect(actual.columns.count == expected.dataset.count, sourceLocation: sourceLocation)
        case (.failure(let expected), .failure(let actual)):
          #expect(actual == expected, "\(context)", sourceLocation: sourceLocation)
        case (.success, .failure(let error)):
          Issue.record("\(context): IncidentCSV reads it, the columnar import throws \(error)", sourceLocation: sourceLocation)
        case (.failure(let error), .success):
          Issue.record("\(context): IncidentCSV throws \(error), the columnar import reads it", sourceLocation: sourceLocation)
        }
      }
    }
    return fastRowCounts
  }

  @Test("every file of the bad-input corpus gives IncidentCSV's columns, report and errors", arguments: CorpusManifest.names)
  func corpus(_ name: String) throws {
    let bytes = [UInt8](try Data(contentsOf: CorpusManifest.url(name)))
    try Self.compare(bytes, label: name)
    try Self.compare(bytes, names: .include, label: name + " (names included)", configurations: [Self.configurations[1]])
  }

  @Test("synthetic datasets written with IncidentCSV.write read back identically", arguments: [UInt64(1), 7, 2026])
  func synthetic(seed: UInt64) throws {
    let dataset = SyntheticIncidents(seed: seed, origins: .freedomHouse2025).dataset(count: 1_500)
    let text = IncidentCSV.write(dataset)
    let fast = try Self.compare(Array(text.utf8), label: "synthetic \(seed)")
    // Every row of a clean file takes the fast path (in lenient mode, every configuration).
    #expect(fast.prefix(Self.configurations.count).allSatisfy { $0 == 1_500 }, "\(fast)")
    let result = try IncidentColumns.read(text: text, today: Self.today)
    #expect(result.columns == IncidentColumns(dataset))
    #expect(result.report.isClean && result.report.accepted == 1_500)
  }

  @Test("the bundled sample, with names and further sources, reads back identically")
  func bundledSample() throws {
    let text = IncidentCSV.write(IncidentDataset.documentedSample, names: .include)
    try Self.compare(Array(text.utf8), label: "sample")
    try Self.compare(Array(text.utf8), names: .include, label: "sample, names")
    // Further numbered sources and every optional column.
    let source = try SourceCitation(title: "first", url: "https://example.org/a", publisher: "P", date: "2020-02-29")
    let second = try SourceCitation(title: "second, with a comma", date: "2021")
    let records = try (0..<40).map { index in
      try Incident(
        id: "X-\(index)", host: Country(index: index * 6)!,
        date: IncidentDate(year: 2019, month: 1 + index % 12, day: 1 + index % 28, precision: .day),
        kind: index % 3 == 0 ? .detention(.released) : .intimidation(.threat),
        persons: try PersonCount(index * 20, qualifier: .atLeast), ethnicGroups: [.kazakh, .hui],
        gender: index % 2 == 0 ? .female : nil, sources: index % 4 == 0 ? [source, second] : [source],
        notes: index % 5 == 0 ? "café — \"quoted\"" : "", personName: index % 7 == 0 ? PersonName("Ä B") : nil)
    }
    let text2 = IncidentCSV.write(try IncidentDataset(records, validatedOn: Self.today), names: .include)
    try Self.compare(Array(text2.utf8), label: "optional columns")
    try Self.compare(Array(text2.utf8), names: .omit, label: "optional columns, names omitted")
  }

  /// The mapping of gen.py's benchmark CSV.
  static let genMapping = ColumnMapping(
    columns: [.category: "kind", .host: "host_country_iso2"],
    defaults: [
      .origin: "CN", .month: "", .day: "", .datePrecision: "year", .mode: "unspecified",
      .persons: "", .personsQualifier: "unknown", .ethnicGroups: "Uyghur",
      .sourceTitle: "Synthetic benchmark data", .sourceURL: "", .sourceDate: "", .notes: "",
    ])

  @Test("gen.py-style files through a column mapping, clean and damaged", arguments: 0..<6)
  func mapped(round: Int) throws {
    var random = TestRandom(seed: UInt64(round) &* 104_729 &+ 3)
    let kinds = ["intimidation", "detention", "extradition"]
    let countries = Country.allCountries
    var text = round % 2 == 0 ? "id,kind,host_country_iso2,year\n" : "\u{FEFF}id,kind,host_country_iso2,year\r\n"
    let damage = [
      "XX", "na", "nam", "516", "0516", "4", "", " TR", "2027", "0999", "-0", "02020", "Detention",
      "intimidation ", "\"TR\"", "\"T\"\"R\"", "é", "1e3", "9999", "1000",
    ]
    for row in 0..<1_200 {
      var fields = [
        String(row % 97 == 5 ? row - 3 : row + 1), kinds[Int.random(in: 0..<3, using: &random)],
        countries[Int.random(in: 0..<countries.count, using: &random)].alpha2,
        String(Int.random(in: 1997...2026, using: &random)),
      ]
      if round > 0 && Int.random(in: 0..<10, using: &random) == 0 {
        fields[Int.random(in: 0..<4, using: &random)] = damage.randomElement(using: &random)!
      }
      if round > 2 && row % 113 == 0 { fields.append("extra") }
      text += fields.joined(separator: ",") + (round % 2 == 0 ? "\n" : "\r\n")
      if round > 1 && row % 301 == 0 { text += "\n" }
    }
    let fast = try Self.compare(Array(text.utf8), mapping: Self.genMapping, label: "mapped \(round)")
    #expect(fast.prefix(Self.configurations.count).allSatisfy { $0 > 1_000 }, "lenient: \(fast)")
    if round == 0 { #expect(fast.prefix(Self.configurations.count).allSatisfy { $0 == 1_200 }, "\(fast)") }
  }

  @Test("large blocks on two threads: repeated ids within, across parts and across blocks, and a late quote")
  func largeBlocks() throws {
    var random = TestRandom(seed: 60_013)
    let kinds = ["intimidation", "detention", "extradition"]
    var text = "id,kind,host_country_iso2,year\n"
    for row in 0..<60_000 {
      // Every 97th row repeats the id of three rows before: within a part, or across a part's
      // or a block's edge (which makes the parts' id ranges overlap).
      let id = row % 97 == 5 ? row - 3 : row + 1
      var host = Country.allCountries[Int.random(in: 0..<249, using: &random)].alpha2
      if row == 30_000 { host = "\"TR\"" }
      if row == 45_000 { host = "\"T\nR\"" }
      text += "\(id),\(kinds[row % 3]),\(host),\(1997 + row % 30)\n"
    }
    let configurations = [
      Configuration(fromFile: true, threads: 2, blockSize: 600_000),
      Configuration(fromFile: true, threads: 2, blockSize: 600_000, mapsFiles: false),
      Configuration(fromFile: false, threads: 2),
    ]
    let fast = try Self.compare(
      Array(text.utf8), mapping: Self.genMapping, label: "large blocks", configurations: configurations)
    #expect(fast.prefix(configurations.count).allSatisfy { $0 > 59_000 }, "lenient: \(fast)")
  }

  @Test("random mappings: each field from a column or a constant, valid or not", arguments: 0..<40)
  func randomMappings(round: Int) throws {
    var random = TestRandom(seed: UInt64(round) &* 6_151 &+ 29)
    // Values each field may take, in a column or as a constant; most valid, some not.
    let pools: [IncidentField: [String]] = [
      .id: ["1", "2", "17", "A-1", "A-2", "0", "007", " ", "x"],
      .origin: ["CN", "cn", "CHN", "156", "TR", "XX", "NA"],
      .host: ["TR", "KZ", "na", "XK", "792", "TUR", "ZZ", ""],
      .year: ["2020", "1999", "2026", "2027", "0999", "02021", "-1", ""],
      .month: ["", "", "", "3", "12", "13", "02"],
      .day: ["", "", "", "15", "31", "0"],
      .datePrecision: ["year", "year", "reported", "month", "day", "Year", ""],
      .category: ["intimidation", "detention", "extradition", "Detention", ""],
      .mode: ["unspecified", "unspecified", "detention", "deportation", "threat", "rendition", ""],
      .detentionOutcome: ["", "", "released", "deported", "gone"],
      .persons: ["", "", "1", "12", "300", "-0", "x"],
      .personsQualifier: ["unknown", "unknown", "exact", "at_least", "about", "Exact"],
      .ethnicGroups: ["Uyghur", "uyghur", "Uyghur;Kazakh", "Han", "", "Uyghur;"],
      .gender: ["", "", "female", "Female"],
      .sourceTitle: ["Source", "Source", "   ", ""],
      .sourceDate: ["", "", "2020", "2020-02-30", "2021-06-01"],
    ]
    var columns: [IncidentField: String] = [:]
    var defaults: [IncidentField: String] = [:]
    var header: [String] = []
    var fields: [IncidentField] = []
    for field in IncidentField.allCases {
      guard let pool = pools[field] else {
        if field.isCanonical { defaults[field] = "" }
        continue
      }
      if Int.random(in: 0..<3, using: &random) == 0 || field == .id {
        let name = "c_\(field.rawValue)"
        columns[field] = name
        header.append(name)
        fields.append(field)
      } else {
        // Mostly the pool's first (valid) value, sometimes any.
        defaults[field] = Int.random(in: 0..<4, using: &random) == 0 ? pool.randomElement(using: &random)! : pool[0]
      }
    }
    var text = header.joined(separator: ",") + "\n"
    for row in 0..<200 {
      let values = fields.map { field -> String in
        if field == .id { return Int.random(in: 0..<20, using: &random) == 0 ? "9\(row % 7)" : String(row + 1) }
        let pool = pools[field]!
        return Int.random(in: 0..<3, using: &random) == 0 ? pool.randomElement(using: &random)! : pool[0]
      }
      text += values.joined(separator: ",") + "\n"
    }
    let mapping = ColumnMapping(columns: columns, defaults: defaults)
    try Self.compare(Array(text.utf8), mapping: mapping, label: "random mapping \(round)")
  }

  @Test("randomly damaged canonical files", arguments: 0..<10)
  func damaged(round: Int) throws {
    var random = TestRandom(seed: UInt64(round) &* 7_919 &+ 17)
    let dataset = SyntheticIncidents(seed: UInt64(round), origins: .freedomHouse2025).dataset(count: 400)
    var lines = IncidentCSV.write(dataset).split(separator: "\n", omittingEmptySubsequences: false)
      .map { Array($0.utf8) }
    lines.removeLast()  // the empty string after the last line break
    let replacements: [[UInt8]] = [
      "", " ", "XX", "tur", "792", "0792", "-0", "-5", "0", "+3", "2027", "2026", "1999", "13",
      "31", "day", "MONTH", "year", "reported", "detention", "deportation", "unspecified",
      "Uyghur;kazakh", "uyghur;;Han", "Other", "at_least", "unknown", "exact", "female", "x",
      "2021-02-29", "2020-02-29", "2020-13", "\"a,b\"", "\"a\"\"b\"", "\"unterminated", "caf\u{E9}",
      "DOC-\u{212A}", "DOC-K", "e\u{301}", "\u{E9}", "\r", "\u{A0}", "1e2", "255", "256", "99999",
    ].map { Array($0.utf8) } + [[0xFF, 0x41], [0xC3], [0xED, 0xA0, 0x80]]
    for _ in 0..<60 {
      let index = Int.random(in: 1..<lines.count, using: &random)
      switch Int.random(in: 0..<10, using: &random) {
      case 0:
        lines.insert(lines[Int.random(in: 1..<lines.count, using: &random)], at: index)  // repeated id
      case 1:
        lines.insert([], at: index)  // blank line
      case 2:
        lines[index].append(0x0D)  // CRLF
      case 3:
        lines[index] += Array(",extra".utf8)
      default:
        var fields = lines[index].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
        fields[Int.random(in: 0..<fields.count, using: &random)] = replacements.randomElement(using: &random)!
        lines[index] = Array(fields.joined(separator: [0x2C]))
      }
    }
    var bytes = Array(lines.joined(separator: [0x0A]))
    if round % 3 == 0 { bytes += [0x0A] }
    if round % 4 == 1 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
    try Self.compare(bytes, label: "damaged \(round)")
  }

  @Test("ids equal as strings are one id, even when their bytes differ")
  func unicodeIDs() throws {
    let header = IncidentField.canonical.map(\.rawValue).joined(separator: ",")
    func row(_ id: String) -> String {
      "\(id),CN,TR,2020,,,year,detention,detention,1,exact,Uyghur,Source,,,"
    }
    for (first, second) in [("DOC-\u{212A}", "DOC-K"), ("DOC-K", "DOC-\u{212A}"), ("\u{E9}", "e\u{301}"), ("A\u{30A}", "\u{C5}")] {
      let text = [header, row(first), row("other"), row(second)].joined(separator: "\n") + "\n"
      try Self.compare(Array(text.utf8), label: "\(first.unicodeScalars.map(\.value)) / \(second.unicodeScalars.map(\.value))")
      let result = try IncidentColumns.read(text: text, mode: .lenient, today: Self.today)
      #expect(result.report.rejected.map(\.line) == [4])
    }
  }

  @Test("an invalid constant default sends every row to the general parser, with its errors")
  func invalidDefault() throws {
    var mapping = Self.genMapping
    mapping.defaults[.origin] = "XX"
    let text = "id,kind,host_country_iso2,year\n1,detention,TR,2020\n2,detention,NA,2021\n"
    try Self.compare(Array(text.utf8), mapping: mapping, label: "origin XX")
    mapping.defaults[.origin] = "chn"
    mapping.defaults[.mode] = "deportation"
    try Self.compare(Array(text.utf8), mapping: mapping, label: "mode deportation")
    mapping.defaults[.ethnicGroups] = "uyghur;Kazakh"
    mapping.defaults[.datePrecision] = "reported"
    try Self.compare(Array(text.utf8), mapping: mapping, label: "groups, precision")
    // Each constant valid alone, but not together: a qualifier other than `unknown` needs a
    // number, and `unknown` must have none.
    mapping = Self.genMapping
    mapping.defaults[.personsQualifier] = "exact"
    try Self.compare(Array(text.utf8), mapping: mapping, label: "qualifier without persons")
    mapping.defaults[.personsQualifier] = "unknown"
    mapping.defaults[.persons] = "3"
    try Self.compare(Array(text.utf8), mapping: mapping, label: "persons with unknown qualifier")
    mapping.defaults[.persons] = ""
    // A constant category and a constant mode that does not belong to it.
    var constantCategory = Self.genMapping
    constantCategory.columns[.category] = nil
    constantCategory.defaults[.category] = "detention"
    constantCategory.defaults[.mode] = "deportation"
    try Self.compare(Array(text.utf8), mapping: constantCategory, label: "detention by deportation")
    constantCategory.defaults[.mode] = "unspecified"
    try Self.compare(Array(text.utf8), mapping: constantCategory, label: "constant category")
    mapping.defaults[.month] = "13"
    try Self.compare(Array(text.utf8), mapping: mapping, label: "month 13")
    mapping.defaults[.month] = "2"
    mapping.defaults[.datePrecision] = "month"
    try Self.compare(Array(text.utf8), mapping: mapping, label: "month-precision dates")
  }

  @Test("file-level errors are IncidentCSV's")
  func fileErrors() throws {
    for text in ["", "\n", "id,id\n", "\u{FEFF}", "id,kind\n1,detention\n"] {
      try Self.compare(Array(text.utf8), label: "file \(text.debugDescription)")
      try Self.compare(Array(text.utf8), mapping: Self.genMapping, label: "file \(text.debugDescription), mapped")
    }
    let missing = URL(fileURLWithPath: "/nonexistent/tnr-\(UUID().uuidString).csv")
    let expected = try #require(throws: ImportError.self) { try IncidentCSV.read(contentsOf: missing) }
    let actual = try #require(throws: ImportError.self) { try IncidentColumns.read(contentsOf: missing) }
    #expect(actual == expected)
  }

  @Test("IncidentField.ordinal is the position in allCases")
  func fieldOrdinals() {
    #expect(IncidentField.allCases.map(\.ordinal) == Array(0..<IncidentField.allCases.count))
  }

  @Test("the id table tells apart ids whose hashes collide")
  func idTableCollisions() {
    var table = IDTable(capacity: 5_000)
    defer { table.deallocate() }
    let ids = (0..<5_000).map { Array("id-\($0)".utf8) }
    for (line, id) in ids.enumerated() {
      // Every id gets the same hash (sized so that the table never grows, which recomputes the
      // hashes): only the bytes tell them apart.
      let first = id.withUnsafeBytes { table.insert($0, hash: 42, line: line) }
      #expect(first == nil)
    }
    for (line, id) in ids.enumerated().prefix(50) {
      #expect(id.withUnsafeBytes { table.insert($0, hash: 42, line: 9_999) } == line)
    }
    #expect(table.count == 5_000)
    var hashed = IDTable()
    defer { hashed.deallocate() }
    for line in 0..<100_000 {
      let id = Array(String(line).utf8)
      #expect(id.withUnsafeBytes { hashed.insert($0, hash: IDTable.hash($0), line: line) } == nil)
    }
    #expect(hashed.insert(id: "77", line: 0) == 77)
  }

  @Test("the fast number parsers agree with the general parser, with and without slack")
  func numbers() {
    var random = TestRandom(seed: 4_242)
    let alphabet = Array("0123456789/:a -+".utf8)
    var samples: [[UInt8]] = ["0", "00", "07", "1", "10", "2026", "99999999", "123456789", "999999999999999999", "1000000000000000000", "9:", "/1", "", "12345678"].map { Array($0.utf8) }
    for _ in 0..<4_000 {
      let length = Int.random(in: 1...12, using: &random)
      samples.append((0..<length).map { _ in
        Int.random(in: 0..<4, using: &random) == 0 ? alphabet.randomElement(using: &random)! : alphabet[Int.random(in: 0..<10, using: &random)]
      })
    }
    for sample in samples {
      let text = String(decoding: sample, as: UTF8.self)
      let whole = sample.first == 0x2D ? nil : IncidentRowParser.wholeNumber(text)
      let canonical = whole.flatMap { String($0) == text ? $0 : nil }
      for slack in [0, 3, 8] {
        // The sample followed by `slack` readable bytes that are not digits' neighbours.
        let padded = sample + Array(repeating: UInt8(0x37), count: slack)
        padded.withUnsafeBufferPointer { buffer in
          let bytes = UnsafeBufferPointer(rebasing: buffer[0..<sample.count])
          #expect(FastRowValidator.digits(bytes, slack: slack) == whole, "\(text) slack \(slack)")
          #expect(FastRowValidator.canonicalInteger(bytes, slack: slack) == canonical, "\(text) slack \(slack)")
        }
      }
    }
  }

  @Test("UTF-8 validation agrees with String(validating:)")
  func utf8() {
    var random = TestRandom(seed: 99)
    let samples: [[UInt8]] = [
      [], [0x41], [0xC2, 0x80], [0xC1, 0x80], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
      [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
      [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], Array("naïve — ok".utf8),
    ]
    for sample in samples {
      #expect(sample.withUnsafeBufferPointer(isWellFormedUTF8) == (String(validating: sample, as: UTF8.self) != nil), "\(sample)")
    }
    for _ in 0..<3_000 {
      let bytes = (0..<Int.random(in: 0..<12, using: &random)).map { _ in
        [UInt8(0x41), 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x90, 0x8F]
          .randomElement(using: &random)!
      }
      #expect(bytes.withUnsafeBufferPointer(isWellFormedUTF8) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }
  }
}
