import Foundation
import Testing

@testable import TransnationalRepression

/// Lossless round trips through CSV and JSON, names under each policy, the streaming reader, and
/// column mappings.
@Suite("Round trips")
struct RoundTripTests {
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  // MARK: - The bundled sample

  @Test("bundled sample: CSV read → write → read gives an equal dataset")
  func sampleCSVReadWriteRead() throws {
    let sample = IncidentDataset.documentedSample
    #expect(sample.count == 81)  // BundledDataTests checks it against the file
    let text = IncidentCSV.write(sample)
    let again = try IncidentCSV.read(text: text, today: Self.today)
    #expect(again.dataset == sample)
    #expect(again.report.dataRows == sample.count && again.report.isClean)
    // The canonical sixteen columns and nothing else (the sample has no optional fields).
    #expect(text.prefix { $0 != "\n" } == IncidentField.canonical.map(\.rawValue).joined(separator: ","))
  }

  @Test("bundled sample: CSV write → read → write gives identical bytes")
  func sampleCSVWriteReadWrite() throws {
    let first = IncidentCSV.write(IncidentDataset.documentedSample)
    let second = IncidentCSV.write(try IncidentCSV.read(text: first, today: Self.today).dataset)
    #expect(Array(first.utf8) == Array(second.utf8))
    #expect(first.hasSuffix("\n") && !first.contains("\r\n"))
  }

  @Test("bundled sample: the written CSV differs from the source file only where spelling is normalized")
  func sampleCSVMatchesSourceFile() throws {
    let original = String(decoding: try BundledResource.documentedEvents.data(), as: UTF8.self)
    let written = IncidentCSV.write(IncidentDataset.documentedSample)
    let originalLines = original.split(separator: "\n", omittingEmptySubsequences: false)
    let writtenLines = written.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(originalLines.count == writtenLines.count)
    // Only DOC-026 ("Kyrgyz;Uyghur") is rewritten, into code order.
    let differing = zip(originalLines, writtenLines).filter { $0 != $1 }
    #expect(differing.count == 1)
    #expect(differing.first?.1.contains(",Uyghur;Kyrgyz,") == true)
  }

  @Test("bundled sample: JSON read → write → read, and write → read → write identical bytes")
  func sampleJSON() throws {
    let sample = IncidentDataset.documentedSample
    let first = try IncidentJSON.write(sample)
    let read = try IncidentJSON.read(data: first, today: Self.today)
    #expect(read.dataset == sample)
    #expect(read.report.dataRows == sample.count && read.report.accepted == sample.count)
    let second = try IncidentJSON.write(read.dataset)
    #expect(first == second)
    #expect(first.last == 0x0A)
    // And through CSV: JSON → dataset → CSV is the same CSV.
    #expect(IncidentCSV.write(read.dataset) == IncidentCSV.write(sample))
  }

  @Test("JSON reading reports bad records by path")
  func jsonErrors() throws {
    let error = try #require(throws: ImportError.self) {
      try IncidentJSON.read(data: Data(#"[{"id":"A"}]"#.utf8), today: Self.today)
    }
    guard case .malformedJSON(let message) = error.kind else {
      Issue.record("wrong kind: \(error)")
      return
    }
    #expect(message.contains("missing key 'host'"))
    #expect(error.field == "[0].host" && error.line == 1 && error.column == 2)
    #expect(error.description.contains("[0]"))
    let duplicate = try IncidentJSON.write(IncidentDataset.documentedSample.filter { $0.id == "DOC-001" })
    var text = String(decoding: duplicate, as: UTF8.self)
    text = "[" + text.dropFirst().dropLast(2) + "," + text.dropFirst().dropLast(2) + "]"
    let repeated = try #require(throws: ImportError.self) {
      try IncidentJSON.read(data: Data(text.utf8), today: Self.today)
    }
    #expect(repeated.kind == .invalidRecord(.duplicateID("DOC-001", firstLine: 2)))
  }

  // MARK: - Optional fields and names

  static let firstName = "Test Person Ayşe"
  static let secondName = "Test, \"Person\" Two"

  /// A dataset that needs every optional column: outcomes, gender, publishers, three sources,
  /// names, and notes with commas, quotes and line breaks.
  static func richDataset() throws -> IncidentDataset {
    let records = [
      try Incident(
        id: "R-1", host: Country("EG")!,
        date: IncidentDate(year: 2017, month: 7, day: 3, precision: .day),
        kind: .detention(.released), persons: PersonCount(62, qualifier: .atLeast),
        ethnicGroups: [.uyghur], gender: .female,
        sources: [
          SourceCitation(
            title: "Azhar coordinates with security to release detained Uyghur students",
            url: "https://www.egyptindependent.com/", publisher: "Egypt Independent", date: "2017-07"),
          SourceCitation(title: "Egypt: Don't Deport Uyghurs", url: "https://www.hrw.org/", publisher: "Human Rights Watch", date: "2017-07-09"),
          SourceCitation(title: "Uyghur students, Cairo", date: "2017"),
        ],
        notes: "Overlaps DOC-031, DOC-032:\n\"do not add\", says the README.",
        personName: PersonName(firstName)),
      try Incident(
        id: "R-2", host: Country("NA")!, date: IncidentDate(year: 2019, precision: .reported),
        kind: .extradition(.coercedReturn), persons: .unknown, ethnicGroups: [.kazakh, .uyghur],
        sources: [SourceCitation(title: "A, B and \"C\"")], personName: PersonName(secondName)),
      try Incident(
        id: "R-3", origin: Country("RU")!, host: Country("XK")!,
        date: IncidentDate(year: 2021, month: 2, precision: .month),
        kind: .intimidation(.digitalThreat), persons: PersonCount(3, qualifier: .upTo),
        ethnicGroups: [.other], gender: .other,
        sources: [SourceCitation(title: "Report", url: "https://example.org/r3"),
                  SourceCitation(title: "Second", publisher: "RFA")],
        notes: "Ürümqi — ئۇيغۇر\r\nCRLF inside"),
      try Incident(
        id: "R-4", host: Country("TR")!, date: IncidentDate(year: 2019, month: 6, day: 27, precision: .day),
        kind: .detention(.unknown), persons: .exactly(1), ethnicGroups: [.uyghur],
        sources: [SourceCitation(title: "No publisher")],
        notes: "ends in a bare carriage return\r"),
    ]
    return try IncidentDataset(records, validatedOn: today)
  }

  @Test("outcome, gender, publisher, several sources and names round-trip with .include")
  func richCSVInclude() throws {
    let dataset = try Self.richDataset()
    let text = IncidentCSV.write(dataset, names: .include)
    let header = text.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
    #expect(header == IncidentField.canonical.map(\.rawValue) + [
      "detention_outcome", "gender", "source_publisher",
      "source_title_2", "source_url_2", "source_date_2", "source_publisher_2",
      "source_title_3", "source_url_3", "source_date_3", "source_publisher_3", "person_name",
    ])
    let read = try IncidentCSV.read(text: text, today: Self.today)
    #expect(read.dataset == dataset)
    #expect(read.report.ignoredColumns.isEmpty)
    #expect(read.dataset[id: "R-1"]?.sources.count == 3)
    #expect(read.dataset[id: "R-1"]?.personName?.revealedText == Self.firstName)
    #expect(read.dataset[id: "R-2"]?.personName?.revealedText == Self.secondName)
    #expect(read.dataset[id: "R-3"]?.notes == "Ürümqi — ئۇيغۇر\r\nCRLF inside")
    #expect(read.dataset[id: "R-4"]?.notes == "ends in a bare carriage return\r")
    #expect(IncidentCSV.write(read.dataset, names: .include) == text)
    // JSON keeps names only when asked, too.
    let json = try IncidentJSON.write(dataset, names: .include)
    #expect(try IncidentJSON.read(data: json, today: Self.today).dataset == dataset)
  }

  @Test("an empty name is no name, from JSON as from CSV, so both round trips agree (found by FuzzJSON)")
  func emptyName() throws {
    let json = """
      [{"id": "E-1", "host": "KZ", "category": "detention", "mode": "detention",
        "date": {"year": 1999, "precision": "year"}, "ethnic_groups": ["Uyghur"],
        "persons": {"qualifier": "unknown"}, "sources": [{"title": "T"}], "person_name": ""}]
      """
    let dataset = try IncidentJSON.read(data: Data(json.utf8), today: Self.today).dataset
    #expect(dataset[id: "E-1"]?.personName == nil)
    let text = IncidentCSV.write(dataset, names: .include)
    #expect(try IncidentCSV.read(text: text, today: Self.today).dataset == dataset)
    let direct = try Incident(
      id: "E-2", host: Country("KZ")!, date: IncidentDate(year: 1999, precision: .year),
      kind: .detention(.unknown), ethnicGroups: [.uyghur], sources: [SourceCitation(title: "T")],
      personName: PersonName(""))
    #expect(direct.personName == nil)
    #expect(try Incident(
      id: "E-3", host: Country("KZ")!, date: IncidentDate(year: 1999, precision: .year),
      kind: .detention(.unknown), ethnicGroups: [.uyghur], sources: [SourceCitation(title: "T")],
      personName: PersonName(" ")).personName?.revealedText == " ")
  }

  @Test("text ending in a carriage return survives in the last column", arguments: ["a\r", "\r", " b ", "x\r\r"])
  func trailingCarriageReturn(_ notes: String) throws {
    let incident = try Incident(
      id: "CR", host: Country("TR")!, date: IncidentDate(year: 2019, precision: .year),
      kind: .detention(.unknown), ethnicGroups: [.uyghur], sources: [SourceCitation(title: "T")],
      notes: notes)
    let dataset = try IncidentDataset([incident], validatedOn: Self.today)
    let text = IncidentCSV.write(dataset)
    #expect(text.hasSuffix(",\(CSVFormatting.escaped(notes))\n"))
    #expect(try IncidentCSV.read(text: text, today: Self.today).dataset[id: "CR"]?.notes == notes)
  }

  @Test("with .omit (the default) no name appears anywhere in CSV or JSON output")
  func richOmit() throws {
    let dataset = try Self.richDataset()
    let outputs = [
      IncidentCSV.write(dataset), IncidentCSV.write(dataset, names: .omit),
      String(decoding: try IncidentJSON.write(dataset), as: UTF8.self),
      String(decoding: try IncidentJSON.write(dataset, names: .omit), as: UTF8.self),
    ]
    for output in outputs {
      #expect(!output.contains("Ayşe"))
      #expect(!output.contains("Test Person"))
      #expect(!output.contains("Person\"\" Two") && !output.contains("Person\\\" Two"))
      #expect(!output.contains("person_name"))
    }
    let read = try IncidentCSV.read(text: outputs[0], today: Self.today)
    #expect(read.dataset.allSatisfy { $0.personName == nil })
    // Everything but the names survives.
    for (original, copy) in zip(dataset, read.dataset) {
      #expect(copy.id == original.id && copy.kind == original.kind && copy.sources == original.sources)
      #expect(copy.notes == original.notes && copy.gender == original.gender && copy.persons == original.persons)
    }
    let json = try IncidentJSON.read(data: try IncidentJSON.write(dataset), today: Self.today)
    #expect(json.dataset == read.dataset)
  }

  @Test("with .redact every recorded name is <redacted>, and records without one stay empty")
  func richRedact() throws {
    let dataset = try Self.richDataset()
    let text = IncidentCSV.write(dataset, names: .redact)
    #expect(!text.contains("Ayşe") && !text.contains("Test Person"))
    let read = try IncidentCSV.read(text: text, today: Self.today)
    #expect(read.dataset.map { $0.personName?.revealedText } == ["<redacted>", "<redacted>", nil, nil])
  }

  @Test("with .pseudonymize names become keyed pseudonyms")
  func richPseudonymize() throws {
    let dataset = try Self.richDataset()
    let text = IncidentCSV.write(dataset, names: .pseudonymize(key: "k1"))
    #expect(!text.contains("Ayşe") && !text.contains("Test Person"))
    let read = try IncidentCSV.read(text: text, today: Self.today)
    let pseudonyms = read.dataset.map { $0.personName?.revealedText }
    #expect(pseudonyms == [
      PersonName(Self.firstName).pseudonym(key: "k1"), PersonName(Self.secondName).pseudonym(key: "k1"), nil, nil,
    ])
    #expect(pseudonyms[0] != pseudonyms[1])
    #expect(IncidentCSV.write(dataset, names: .pseudonymize(key: "k1")) == text)
    #expect(IncidentCSV.write(dataset, names: .pseudonymize(key: "k2")) != text)
  }

  @Test("a dataset without names writes no person_name column under any policy")
  func noNamesNoColumn() throws {
    let sample = IncidentDataset.documentedSample
    for policy in [PersonNamePolicy.omit, .redact, .include, .pseudonymize(key: "k")] {
      #expect(!IncidentCSV.write(sample, names: policy).contains("person_name"))
    }
  }

  @Test("writing to a file and reading it back")
  func fileRoundTrip() throws {
    let dataset = try Self.richDataset()
    let url = try Self.temporaryFile("rich.csv")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    try IncidentCSV.write(dataset, to: url, names: .include)
    #expect(try IncidentCSV.read(contentsOf: url, today: Self.today).dataset == dataset)
  }

  // MARK: - Streaming

  static func temporaryFile(_ name: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("tnr-roundtrip-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent(name)
  }

  /// What a record exposes, copied out of the reader's buffer.
  struct RecordSnapshot: Equatable, CustomStringConvertible {
    let line: Int
    let count: Int
    let fields: [String]?
    let raw: String
    let problem: String?
    let isBlank: Bool
    let isValidUTF8: Bool

    init(_ record: CSVRecord) {
      line = record.line
      count = record.count
      fields = record.fields()
      raw = record.rawText
      problem = record.problem
      isBlank = record.isBlank
      isValidUTF8 = record.isValidUTF8
    }

    var description: String { "line \(line): \(count) fields, problem \(problem ?? "none")" }
  }

  static func records(_ reader: CSVReader) throws -> [RecordSnapshot] {
    var records: [RecordSnapshot] = []
    try reader.forEachRecord { records.append(RecordSnapshot($0)) }
    return records
  }

  @Test(
    "streaming a corpus file in tiny blocks gives the records of reading it in memory",
    arguments: CorpusManifest.names)
  func streamingCorpus(_ name: String) throws {
    let url = CorpusManifest.url(name)
    let inMemory = try Self.records(CSVReader(bytes: [UInt8](try Data(contentsOf: url))))
    for blockSize in [64, 65, 100, 1 << 20] {
      let streamed = try Self.records(CSVReader(contentsOf: url, blockSize: blockSize))
      #expect(streamed == inMemory, "\(name), block size \(blockSize)")
    }
  }

  @Test("streaming the written sample in 64-byte blocks gives the in-memory records and dataset")
  func streamingSample() throws {
    let text = IncidentCSV.write(IncidentDataset.documentedSample)
    let url = try Self.temporaryFile("sample.csv")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    try Data(text.utf8).write(to: url)
    let inMemory = try Self.records(CSVReader(text: text))
    #expect(inMemory.count == IncidentDataset.documentedSample.count + 1)  // and the header
    #expect(inMemory.allSatisfy { $0.count == 16 && $0.problem == nil })
    for blockSize in [64, 97, 256] {
      #expect(try Self.records(CSVReader(contentsOf: url, blockSize: blockSize)) == inMemory, "\(blockSize)")
    }
    #expect(CSVReader(contentsOf: url, blockSize: 1).blockSize == 64)
    let streamed = try IncidentCSV.read(contentsOf: url, today: Self.today)
    #expect(streamed.dataset == IncidentDataset.documentedSample)
  }

  @Test("streaming: quotes, CRLF and multi-byte characters split across every block boundary")
  func streamingBoundaries() throws {
    // Field content that puts a doubled quote, a CRLF, a closing quote and a 4-byte character at
    // every offset modulo 64 as the prefix grows.
    var text = "a,b\n"
    for shift in 0..<70 {
      let pad = String(repeating: "x", count: shift)
      text += "\(pad),\"q\"\"\r\n🇹🇷\"\r\n\"\(pad)\",ü\n\n"
    }
    let url = try Self.temporaryFile("boundaries.csv")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    try Data(text.utf8).write(to: url)
    let inMemory = try Self.records(CSVReader(text: text))
    #expect(inMemory.count == 1 + 70 * 3)
    #expect(inMemory[1].fields?[1] == "q\"\r\n🇹🇷")
    #expect(inMemory[2].line == 4)
    for blockSize in [64, 65, 66, 67, 127] {
      #expect(try Self.records(CSVReader(contentsOf: url, blockSize: blockSize)) == inMemory, "\(blockSize)")
    }
  }

  @Test("reading a file that does not exist is an unreadable error")
  func missingFile() throws {
    let url = URL(fileURLWithPath: "/nonexistent/tnr/\(UUID().uuidString).csv")
    let error = try #require(throws: ImportError.self) { try IncidentCSV.read(contentsOf: url) }
    guard case .unreadable = error.kind else {
      Issue.record("wrong kind: \(error)")
      return
    }
  }

  // MARK: - Column mappings

  /// gen.py's benchmark CSV: `id,kind,host_country_iso2,year`, kind as its name.
  static let genPyMapping = ColumnMapping(
    columns: [.category: "kind", .host: "host_country_iso2"],
    defaults: [
      .origin: "CN", .month: "", .day: "", .datePrecision: "year", .mode: "unspecified",
      .persons: "", .personsQualifier: "unknown", .ethnicGroups: "Uyghur",
      .sourceTitle: "Synthetic benchmark data", .sourceURL: "", .sourceDate: "", .notes: "",
    ])

  @Test("a ColumnMapping reads a file shaped like gen.py's CSV")
  func genPyShapedFile() throws {
    let text = """
      id,kind,host_country_iso2,year
      1,intimidation,TR,2019
      2,detention,NA,1997
      3,extradition,XK,2026
      4,extradition,TH,2015

      """
    let url = try Self.temporaryFile("gen.csv")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    try Data(text.utf8).write(to: url)
    let result = try IncidentCSV.read(contentsOf: url, mapping: Self.genPyMapping, today: Self.today)
    #expect(result.report.dataRows == 4 && result.report.isClean)
    #expect(result.report.ignoredColumns.isEmpty)
    let dataset = result.dataset
    #expect(dataset.map(\.id) == ["1", "2", "3", "4"])
    #expect(dataset.map(\.host.alpha2) == ["TR", "NA", "XK", "TH"])
    #expect(dataset.map(\.kind) == [.intimidation(.unspecified), .detention(.unknown), .extradition(.unspecified), .extradition(.unspecified)])
    #expect(dataset.map(\.date.description) == ["2019", "1997", "2026", "2015"])
    #expect(dataset.allSatisfy {
      $0.origin == .china && $0.persons == .unknown && $0.ethnicGroups == [.uyghur]
        && $0.sources == [try! SourceCitation(title: "Synthetic benchmark data")]
    })
    // Written back in the canonical schema, the file reads without a mapping.
    let canonical = try IncidentCSV.read(text: IncidentCSV.write(dataset), today: Self.today)
    #expect(canonical.dataset == dataset)
  }

  @Test("a mapped file reports errors under its own column names, and defaults are validated")
  func mappedErrors() throws {
    let text = "id,kind,host_country_iso2,year\n1,intimidation,TR,2019\n2,refoulement,TR,2019\n3,detention,XX,2019\n"
    let result = try IncidentCSV.read(text: text, mapping: Self.genPyMapping, mode: .lenient, today: Self.today)
    #expect(result.report.accepted == 1)
    #expect(result.report.rejected.map(\.line) == [3, 4])
    #expect(result.report.rejected.map(\.error.field) == ["kind", "host_country_iso2"])
    #expect(result.report.rejected.map(\.error.column) == [2, 3])

    var badDefault = Self.genPyMapping
    badDefault.defaults[.ethnicGroups] = "Martian"
    let error = try #require(throws: ImportError.self) {
      try IncidentCSV.read(text: text, mapping: badDefault, today: Self.today)
    }
    #expect(error.kind == .invalidRecord(.unknownEthnicGroup("Martian")))
    #expect(error.line == 2)
    #expect(error.column == nil)
    #expect(error.field == "ethnic_groups")

    var missing = Self.genPyMapping
    missing.defaults[.mode] = nil
    let missingError = try #require(throws: ImportError.self) {
      try IncidentCSV.read(text: text, mapping: missing, today: Self.today)
    }
    #expect(missingError.kind == .missingColumn("mode"))

    var renamed = Self.genPyMapping
    renamed.columns[.host] = "country"
    let renamedError = try #require(throws: ImportError.self) {
      try IncidentCSV.read(text: text, mapping: renamed, today: Self.today)
    }
    #expect(renamedError.kind == .missingColumn("country"))
    #expect(renamedError.field == "host")
  }
}
