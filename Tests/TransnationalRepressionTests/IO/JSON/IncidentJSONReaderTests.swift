import Foundation
import Testing

@testable import TransnationalRepression

/// The hand-written incident JSON reader and writer: located errors, nulls, keys, lenient mode,
/// and agreement with Foundation's `JSONEncoder`/`JSONDecoder` on valid data.
@Suite("JSON: incident reader and writer")
struct IncidentJSONReaderTests {
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  /// A valid record's members, one per line, with `replacing` members swapped in (a value of
  /// `nil` leaves the key out).
  static func record(_ replacing: [String: String?] = [:], extra: [String] = []) -> String {
    var members: [(String, String)] = [
      ("id", #""R-1""#), ("host", #""TR""#),
      ("date", #"{"year": 2019, "month": 7, "day": 3, "precision": "day"}"#),
      ("category", #""detention""#), ("mode", #""detention""#),
      ("persons", #"{"value": 2, "qualifier": "exact"}"#), ("ethnic_groups", #"["Uyghur"]"#),
      ("sources", #"[{"title": "Report", "url": "https://example.org/a"}]"#),
    ]
    for (key, value) in replacing {
      if let index = members.firstIndex(where: { $0.0 == key }) {
        if let value { members[index].1 = value } else { members.remove(at: index) }
      } else if let value {
        members.append((key, value))
      }
    }
    return "{\n" + (members.map { "  \"\($0.0)\": \($0.1)" } + extra).joined(separator: ",\n")
      + "\n}"
  }

  static func read(_ text: String, mode: ImportMode = .strict) throws(ImportError) -> ImportResult {
    try IncidentJSON.read(data: Data(text.utf8), mode: mode, today: today)
  }

  static func error(_ text: String) -> ImportError? {
    do {
      _ = try read(text)
      return nil
    } catch {
      return error
    }
  }

  // MARK: - Writer

  @Test("the writer writes JSONEncoder's bytes (pretty, sorted keys, unescaped slashes)", arguments: Array(UInt64(0)..<30))
  func writerMatchesEncoder(seed: UInt64) throws {
    let dataset = VariedIncidents(seed: seed).dataset(count: Int(seed % 41))
    for names in [PersonNamePolicy.include, .omit, .redact] {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      encoder.userInfo[.personNamePolicy] = names
      var expected = try encoder.encode(dataset)
      expected.append(0x0A)
      let written = try IncidentJSON.write(dataset, names: names)
      #expect(written == expected, "seed \(seed), \(names)")
      // And the reader reads what JSONDecoder reads, from the compact, unsorted form too.
      let compact = try JSONEncoder().encode(dataset.incidents)
      let fromCompact = try IncidentJSON.read(data: compact, today: Self.today).dataset
      #expect(fromCompact == (try JSONDecoder().decode(IncidentDataset.self, from: compact)))
    }
  }

  @Test("the bundled sample and control characters are written as JSONEncoder writes them")
  func writerSample() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var expected = try encoder.encode(IncidentDataset.documentedSample)
    expected.append(0x0A)
    #expect(try IncidentJSON.write(.documentedSample) == expected)
    #expect(try IncidentJSON.write(.empty) == Data("[\n\n]\n".utf8))
    var out: [UInt8] = []
    IncidentJSONWriter.appendString("a\"b\\c/\u{0}\u{8}\t\n\u{C}\r\u{1F}\u{7F}é😀", to: &out)
    let text = String(decoding: out, as: UTF8.self)
    #expect(text == #""a\"b\\c/\u0000\b\t\n\f\r\u001f"# + "\u{7F}é😀\"")
  }

  // MARK: - Errors

  @Test("1999.5, 1e3 and 1e400 in an integer field are errors at their place, naming record and field")
  func integers() throws {
    for number in ["1999.5", "1e3", "1e400", "2019.0", "12345678901234567890"] {
      let text = "[\n" + Self.record(["date": #"{"precision": "year", "year": \#(number)}"#]) + "\n]"
      let error = try #require(Self.error(text), "\(number)")
      #expect(error.kind == .invalidRecord(.notANumber(number)))
      #expect(error.line == 5 && error.column == 41, "\(number): \(error)")
      #expect(error.field == "[0].date.year" && error.recordID == "R-1")
      #expect(error.description.hasPrefix("line 5, column 41 ([0].date.year), record R-1: '\(number)'"))
    }
  }

  @Test("field errors use the CSV reader's wording and the field's place")
  func fieldErrors() throws {
    let cases: [([String: String?], ValidationIssue, String)] = [
      (["host": #""XX""#], .unknownCountry("XX"), "host"),
      (["origin": #""""#], .emptyRequiredField, "origin"),
      (["category": #""arrest""#], .unknownCategory("arrest"), "category"),
      (["mode": #""threat""#], .modeNotInCategory(mode: "threat", category: .detention), "mode"),
      (["mode": #""nonsense""#], .unknownMode("nonsense"), "mode"),
      (["outcome": #""freed""#], .unknownOutcome("freed"), "outcome"),
      (["gender": #""x""#], .unknownGender("x"), "gender"),
      (["ethnic_groups": #"["Uyghur", "Martian"]"#], .unknownEthnicGroup("Martian"), "ethnic_groups[1]"),
      (["ethnic_groups": "[]"], .noEthnicGroup, "ethnic_groups"),
      (["sources": "[]"], .noSource, "sources"),
      (["sources": #"[{"title": "A"}, {"title": " "}]"#], .invalidSource(.emptyTitle), "sources[1].title"),
      (["persons": #"{"value": -1, "qualifier": "exact"}"#], .invalidPersons(.negative(-1)), "persons.value"),
      (["persons": #"{"value": 1, "qualifier": "unknown"}"#], .invalidPersons(.valueWithUnknownQualifier), "persons.qualifier"),
      (["persons": #"{"qualifier": "sure"}"#], .unknownPersonsQualifier("sure"), "persons.qualifier"),
      (["date": #"{"year": 2021, "month": 2, "day": 30, "precision": "day"}"#], .invalidDate(.dayOutOfRange(year: 2021, month: 2, day: 30, daysInMonth: 28)), "date.day"),
      (["date": #"{"year": 2026, "month": 12, "precision": "month"}"#], .futureDate(try IncidentDate(year: 2026, month: 12, precision: .month), today: "2026-11-23"), "date.month"),
      (["date": #"{"year": 2019, "precision": "exactish"}"#], .unknownDatePrecision("exactish"), "date.precision"),
      (["id": #"" ""#], .emptyID, "id"),
    ]
    for (members, issue, field) in cases {
      let error = try #require(Self.error("[" + Self.record(members) + "]"), "\(issue)")
      #expect(error.kind == .invalidRecord(issue), "\(members): \(error)")
      #expect(error.field == "[0].\(field)", "\(members): \(error)")
      #expect(error.line != nil && error.column != nil)
    }
  }

  @Test("a problem is reported for the earliest field, with the id even when id comes last")
  func orderAndID() throws {
    let text = #"[{"host": "XX", "category": "arrest", "mode": "detention", "#
      + #""date": {"year": 2019, "precision": "year"}, "persons": {"qualifier": "unknown"}, "#
      + #""ethnic_groups": ["Uyghur"], "sources": [{"title": "T"}], "id": "LAST"}]"#
    let error = try #require(Self.error(text))
    #expect(error.kind == .invalidRecord(.unknownCountry("XX")))
    #expect(error.recordID == "LAST" && error.field == "[0].host" && error.column == 11)
  }

  @Test("null in a required field is an error; null in an optional field reads as the absent key")
  func nulls() throws {
    for key in ["id", "host", "date", "category", "mode", "persons", "ethnic_groups", "sources"] {
      let error = try #require(Self.error("[" + Self.record([key: "null"]) + "]"), "\(key)")
      #expect(error.kind == .invalidRecord(.emptyRequiredField) && error.field == "[0].\(key)")
    }
    for (key, value) in [
      ("date", #"{"year": null, "precision": "year"}"#),
      ("date", #"{"year": 2019, "precision": null}"#),
      ("persons", #"{"qualifier": null}"#), ("sources", #"[{"title": null}]"#),
    ] {
      let error = try #require(Self.error("[" + Self.record([key: value]) + "]"), "\(value)")
      #expect(error.kind == .invalidRecord(.emptyRequiredField), "\(value): \(error)")
    }
    let plain = try Self.read("[" + Self.record(["date": #"{"year": 2019, "precision": "year"}"#, "persons": #"{"qualifier": "unknown"}"#, "sources": #"[{"title": "T"}]"#]) + "]")
    let nulls = try Self.read(
      "[" + Self.record([
        "origin": "null", "outcome": "null", "gender": "null", "notes": "null",
        "person_name": "null",
        "date": #"{"year": 2019, "month": null, "day": null, "precision": "year"}"#,
        "persons": #"{"value": null, "qualifier": "unknown"}"#,
        "sources": #"[{"title": "T", "url": null, "publisher": null, "date": null}]"#,
      ]) + "]")
    #expect(nulls.dataset == plain.dataset)
    #expect(nulls.dataset[0].origin == .china && nulls.dataset[0].notes == "")
  }

  @Test("types, missing keys, duplicate keys and unknown keys")
  func keys() throws {
    let number = try #require(Self.error("[" + Self.record(["host": "7"]) + "]"))
    #expect(number.kind == .malformedJSON("expected a string, found a number"))
    #expect(number.field == "[0].host")
    let missing = try #require(Self.error("[" + Self.record(["sources": nil]) + "]"))
    #expect(missing.kind == .malformedJSON("missing key 'sources'") && missing.field == "[0].sources")
    let twice = try #require(Self.error("[" + Self.record(extra: [#"  "host": "KZ""#]) + "]"))
    #expect(twice.field == "[0].host" && twice.line == 10 && twice.column == 3)
    guard case .malformedJSON(let message) = twice.kind else {
      Issue.record("\(twice)")
      return
    }
    #expect(message.contains("more than once"))
    // Unknown keys, even repeated, are skipped; escaped known keys are known keys.
    let unknown = try Self.read(
      "[" + Self.record(extra: [#""x": [1, {"y": null}]"#, #""x": true"#]) + "]")
    #expect(unknown.dataset.count == 1)
    let escaped = try Self.read("[" + Self.record(["host": nil], extra: [#""h\u006fst": "KZ""#]) + "]")
    #expect(escaped.dataset[0].host == Country("KZ"))
  }

  @Test("syntax errors and non-arrays give a place and a plain message, in both modes")
  func syntax() throws {
    for mode in [ImportMode.strict, .lenient] {
      let trailing = try #require(throws: ImportError.self) {
        try Self.read("[\n" + Self.record(extra: [#""x": [1,]"#]) + "\n]", mode: mode)
      }
      #expect(trailing.kind == .malformedJSON("a trailing comma before ']'"))
      #expect(trailing.line == 11 && trailing.column == 9 && trailing.field == "[0]")
      let object = try #require(throws: ImportError.self) { try Self.read(#"{"id": 1}"#, mode: mode) }
      #expect(object.description.contains("the top level is an object, not an array"))
      let empty = try #require(throws: ImportError.self) { try Self.read(" \n", mode: mode) }
      #expect(empty.description.contains("the file is empty"))
      let after = try #require(throws: ImportError.self) { try Self.read("[] []", mode: mode) }
      #expect(after.line == 1 && after.column == 4)
    }
    #expect(try Self.read("\u{FEFF}[]").dataset.isEmpty)
  }

  // MARK: - Lenient

  @Test("lenient mode keeps valid records and reports each invalid one verbatim with its place")
  func lenient() throws {
    let bad1 = Self.record(["id": #""R-2""#, "host": #""XX""#])
    let bad2 = "42"
    let bad3 = Self.record(["person_name": #""Secret Name""#, "id": #""R-3""#, "mode": "5"])
    let duplicate = Self.record()
    let good = Self.record(["id": #""R-4""#])
    let text = "[\n" + [Self.record(), bad1, bad2, bad3, duplicate, good].joined(separator: ",\n") + "\n]\n"
    let result = try Self.read(text, mode: .lenient)
    #expect(result.dataset.map(\.id) == ["R-1", "R-4"])
    let report = result.report
    #expect(report.dataRows == 6 && report.accepted == 2 && report.rejected.count == 4)
    #expect(report.accepted + report.rejected.count == report.dataRows)
    #expect(report.rejected.map(\.raw) == [bad1, bad2, bad3.replacingOccurrences(of: "Secret Name", with: "<redacted>"), duplicate])
    #expect(report.rejected.map(\.line) == [12, 22, 23, 34])
    #expect(report.rejected[0].error.field == "[1].host" && report.rejected[0].error.recordID == "R-2")
    #expect(report.rejected[1].error.field == "[2]")
    #expect(report.rejected[2].error.field == "[3].mode" && report.rejected[2].error.line == 28)
    #expect(report.rejected[3].error.kind == .invalidRecord(.duplicateID("R-1", firstLine: 2)))
    // Strict mode stops at the first of them, with the same error.
    let strict = try #require(throws: ImportError.self) { try Self.read(text) }
    #expect(strict == report.rejected[0].error)
    // The names policy: .include keeps the record exactly.
    let included = try IncidentJSON.read(
      data: Data(text.utf8), mode: .lenient, today: Self.today, rejectedRowNames: .include)
    #expect(included.report.rejected[2].raw == bad3)
  }

  @Test("sources like the record before's are shared; every other list reads exactly as written")
  func sharedSources() throws {
    let a = #"{"title": "A", "url": "https://example.org/a", "publisher": "P", "date": "2020"}"#
    let b = #"{"title": "B"}"#
    // Each list and what it must read as: the same list again, a longer, a shorter and a
    // changed one, a field the record before has that this one lacks or leaves empty, and the
    // same title spelt with an escape.
    let lists: [(String, [SourceCitation])] = [
      ("[\(a)]", [try SourceCitation(title: "A", url: "https://example.org/a", publisher: "P", date: "2020")]),
      ("[\(a)]", [try SourceCitation(title: "A", url: "https://example.org/a", publisher: "P", date: "2020")]),
      ("[\(a), \(b)]", [try SourceCitation(title: "A", url: "https://example.org/a", publisher: "P", date: "2020"), try SourceCitation(title: "B")]),
      ("[\(a)]", [try SourceCitation(title: "A", url: "https://example.org/a", publisher: "P", date: "2020")]),
      ("[\(a), {\"title\": \"B\", \"url\": \"u\"}]", [try SourceCitation(title: "A", url: "https://example.org/a", publisher: "P", date: "2020"), try SourceCitation(title: "B", url: "u")]),
      (#"[{"title": "A", "url": "https://example.org/a", "publisher": "P"}]"#, [try SourceCitation(title: "A", url: "https://example.org/a", publisher: "P")]),
      (#"[{"title": "A", "url": "https://example.org/a", "publisher": "", "date": null}]"#, [try SourceCitation(title: "A", url: "https://example.org/a")]),
      (#"[{"title": "\u0041", "url": "https://example.org/a"}]"#, [try SourceCitation(title: "A", url: "https://example.org/a")]),
      ("[\(b)]", [try SourceCitation(title: "B")]),
      ("[\(b)]", [try SourceCitation(title: "B")]),
    ]
    let text = "[\n" + lists.enumerated().map { index, list in
      Self.record(["id": "\"R-\(index)\"", "sources": list.0])
    }.joined(separator: ",\n") + "\n]"
    let incidents = try Self.read(text).dataset.incidents
    #expect(incidents.map(\.sources) == lists.map(\.1))
    // An invalid citation after one like the record before's is still reported.
    let broken = "[\n" + Self.record(["sources": "[\(a)]"]) + ",\n"
      + Self.record(["id": #""R-2""#, "sources": #"[\#(a), {"title": " "}]"#]) + "\n]"
    #expect(Self.error(broken)?.field == "[1].sources[1].title")
  }

  // MARK: - Runs on several threads

  @Test("a long list written in pieces on several threads is the bytes of one writer")
  func writerInPieces() throws {
    let dataset = SyntheticIncidents(seed: 4).dataset(count: 5_000)
    let one = IncidentJSONWriter.write(dataset.incidents, names: .include, threads: 1)
    for threads in [2, 3, 8] {
      #expect(IncidentJSONWriter.write(dataset.incidents, names: .include, threads: threads) == one)
    }
    // One writer's bytes are JSONEncoder's (checked on small lists above), and read back whole.
    #expect(try IncidentJSON.read(data: one, today: Self.today).dataset == dataset)
  }


  /// Reads `text` in runs of at least `runBytes` bytes on `threads` threads.
  static func readInRuns(_ text: String, mode: ImportMode, threads: Int, runBytes: Int)
    -> Result<ImportResult, ImportError>
  {
    Array(text.utf8).withUnsafeBufferPointer { buffer in
      Result { () throws(ImportError) in
        try IncidentJSON.read(
          bytes: buffer, mode: mode, today: today, rejectedRowNames: .redact, threads: threads,
          runBytes: runBytes)
      }
    }
  }

  @Test("an array cut into runs on several threads reads exactly as one run, wrong cuts included")
  func runs() throws {
    // Notes that look like record boundaries (`},{` and `}, {` inside strings), repeated ids in
    // different runs, invalid records spread over the array.
    var records: [String] = []
    for index in 0..<300 {
      var changes: [String: String?] = ["id": "\"R-\(index % 97 == 5 ? 5 : index)\""]
      if index % 7 == 0 { changes["notes"] = #""a },\n  { b }, { c },{""# }
      if index % 41 == 3 { changes["host"] = #""XX""# }
      records.append(Self.record(changes))
    }
    let valid = "[\n" + records.joined(separator: ",\n") + "\n]\n"
    let broken = "[\n" + records.joined(separator: ",\n") + ",\n]\n"  // a trailing comma
    for text in [valid, broken] {
      for mode in [ImportMode.strict, .lenient] {
        let one = Self.readInRuns(text, mode: mode, threads: 1, runBytes: 1 << 20)
        if text == valid && mode == .lenient {
          let result = try one.get()
          #expect(result.report.dataRows == 300 && result.report.rejected.count > 5)
          #expect(result.report.accepted + result.report.rejected.count == 300)
        }
        for (threads, runBytes) in [(2, 1), (4, 100), (3, 4096)] {
          let runs = Self.readInRuns(text, mode: mode, threads: threads, runBytes: runBytes)
          #expect(runs == one, "\(mode), \(threads) threads, runs of \(runBytes) bytes")
        }
      }
    }
  }

  @Test("ids by value and by string: repeats found either way, canonically equal ids are one id")
  func idRoutes() throws {
    // `K-` + number goes to the direct table (the first record's prefix), anything else to the
    // hashed ids; U+212A KELVIN SIGN equals `K` as a Swift string, so `\u{212A}-1` repeats `K-1`
    // although only one of them has the direct table's form.
    let ids = ["K-0", "K-1", "K-01", "K-1", "\u{212A}-1", "K-99999999999", "x", "K-01"]
    let text = "[\n" + ids.enumerated().map { Self.record(["id": "\"\($1)\"", "notes": "\"\($0)\""]) }
      .joined(separator: ",\n") + "\n]\n"
    for (threads, runBytes) in [(1, 1 << 20), (2, 1), (3, 200)] {
      let result = try Self.readInRuns(text, mode: .lenient, threads: threads, runBytes: runBytes).get()
      #expect(result.dataset.incidents.map(\.notes) == ["0", "1", "2", "5", "6"], "\(threads) threads")
      #expect(
        result.report.rejected.map(\.error.field) == ["[3].id", "[4].id", "[7].id"],
        "\(threads) threads")
    }
    // Without a non-ASCII id, ids of the direct table and hashed ids still meet only their own.
    let ascii = ids.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }
    let plain = "[\n" + ascii.map { Self.record(["id": "\"\($0)\""]) }.joined(separator: ",\n") + "\n]\n"
    let accepted = try Self.readInRuns(plain, mode: .lenient, threads: 2, runBytes: 1).get()
    #expect(accepted.dataset.incidents.map(\.id) == ["K-0", "K-1", "K-01", "K-99999999999", "x"])
  }

  @Test("a written list shares the bytes of a shared sources list, and is JSONEncoder's bytes")
  func writerSharedSources() throws {
    // Records read from a file share a list when they cite what the record before cites; made
    // records have lists of their own, equal or not.
    let a = #"{"title": "A", "publisher": "P"}"#
    let lists = ["[\(a)]", "[\(a)]", "[\(a), {\"title\": \"B\"}]", "[\(a)]", #"[{"title": "C"}]"#, "[\(a)]"]
    let text = "[\n" + lists.enumerated().map { Self.record(["id": "\"R-\($0)\"", "sources": $1]) }
      .joined(separator: ",\n") + "\n]"
    let read = try Self.read(text).dataset
    let made = IncidentDataset(
      validated: read.incidents + read.incidents.map { i in
        Incident(
          validatedID: i.id, origin: i.origin, host: i.host, date: i.date, kind: i.kind,
          persons: i.persons, ethnicGroups: i.ethnicGroups, otherEthnicGroups: i.otherEthnicGroups,
          gender: i.gender, sources: i.sources.map { $0 }, notes: i.notes, personName: i.personName)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    for dataset in [read, made] {
      var expected = try encoder.encode(dataset)
      expected.append(0x0A)
      #expect(try IncidentJSON.write(dataset) == expected)
    }
  }

  @Test("reading a file honours the mode, and a directory is a plain unreadable error")
  func files() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-json-\(UUID()).json")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(("[" + Self.record() + "," + Self.record(["id": #""B""#, "host": #""XX""#]) + "]").utf8).write(to: url)
    #expect(throws: ImportError.self) { try IncidentJSON.read(contentsOf: url, today: Self.today) }
    let lenient = try IncidentJSON.read(contentsOf: url, mode: .lenient, today: Self.today)
    #expect(lenient.dataset.count == 1 && lenient.report.rejected.count == 1)
    let directory = try #require(throws: ImportError.self) {
      try IncidentJSON.read(contentsOf: FileManager.default.temporaryDirectory, today: Self.today)
    }
    #expect(directory.description.contains("is a directory"))
  }
}

/// Round trips and lenient accounting on synthetic incidents.
@Suite("Properties: JSON reader and writer on synthetic incidents")
struct IncidentJSONProperties {
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  @Test("write → read is lossless and write → read → write identical, for synthetic datasets", arguments: SyntheticIncidents.OriginMix.allCases)
  func synthetic(origins: SyntheticIncidents.OriginMix) throws {
    for seed in UInt64(1)...3 {
      let dataset = SyntheticIncidents(seed: seed, origins: origins).dataset(count: 200)
      let written = try IncidentJSON.write(dataset, names: .include)
      let read = try IncidentJSON.read(data: written, today: Self.today)
      #expect(read.dataset == dataset, "seed \(seed)")
      #expect(try IncidentJSON.write(read.dataset, names: .include) == written)
      // The same records with every other one broken: lenient keeps exactly the others.
      var text = String(decoding: written, as: UTF8.self)
      var broken = 0
      var position = text.startIndex
      while let range = text.range(of: "\"host\" : \"", range: position..<text.endIndex) {
        if broken % 2 == 0 { text.replaceSubrange(range, with: "\"host\" : \"#") }
        broken += 1
        position = text.index(range.upperBound, offsetBy: 1, limitedBy: text.endIndex) ?? text.endIndex
      }
      let lenient = try IncidentJSON.read(data: Data(text.utf8), mode: .lenient, today: Self.today)
      #expect(lenient.report.dataRows == dataset.count)
      #expect(lenient.report.accepted + lenient.report.rejected.count == dataset.count)
      #expect(lenient.dataset.map(\.id) == dataset.enumerated().filter { $0.offset % 2 == 1 }.map(\.element.id))
      #expect(lenient.report.rejected.allSatisfy { $0.error.field?.hasSuffix("].host") == true })
    }
  }
}
