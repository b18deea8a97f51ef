import Foundation

/// A proposed ``ColumnMapping`` for a spreadsheet, from its header and first rows, and what is
/// left to fill in.
///
/// It is what `tnr import --suggest FILE` prints: the mapping as the JSON `--mapping` reads,
/// with the file's columns matched to fields by their usual names, and the distinct labels of
/// every enumerated column listed under `values`, each with the value it already reads as or
/// `""` to fill in. Nothing is guessed that the import would later read differently: a label
/// left `""` and a required field without a column (a `defaults` entry of `""`) make the import
/// fail with a message naming them until they are filled in.
///
/// ```swift
/// let suggestion = try MappingSuggestion(contentsOf: url)
/// print(suggestion.notes)              // what is left to decide
/// var mapping = suggestion.mapping
/// mapping.defaults[.origin] = "CN"
/// ```
///
/// Header synonyms (compared ignoring case, spaces and punctuation): `Country`, `Host country`,
/// `Location` → host; `Date`, `Event date` → date; `Type`, `Category`, `Tactic` → kind;
/// `Number of people`, `Persons`, `Victims` → persons; `Case ID`, `ID` → id; `Source` →
/// source_title; `Link`, `URL` → source_url; `Notes`, `Description` → notes; and more (see
/// ``MappingSuggestion/synonyms``).
public struct MappingSuggestion: Hashable, Sendable {
  /// The proposed mapping.
  public var mapping: ColumnMapping
  /// What is left to decide, one sentence each (required fields without a column, labels to
  /// fill in, numeric dates that need a date order, the file's delimiter or encoding).
  public var notes: [String]

  /// The usual names of each target: a canonical field's name, or `date` or `kind`. A header is
  /// compared after lowercasing and keeping only letters and digits, single-spaced.
  public static let synonyms: [(target: String, names: [String])] = [
    ("id", ["case id", "id", "case", "case no", "case number", "incident id", "record id", "no", "number id"]),
    ("host", ["country", "host country", "host", "location", "country of incident", "host state", "where", "country where it happened"]),
    ("origin", ["origin", "origin country", "origin state", "perpetrator", "perpetrating state", "perpetrator state", "source country"]),
    ("date", ["date", "event date", "incident date", "date of incident", "when", "date of event", "year"]),
    ("kind", ["type", "category", "tactic", "incident type", "kind", "type of incident", "tactic type"]),
    ("persons", ["number of people", "persons", "victims", "people", "number of victims", "number of persons", "individuals", "count", "number"]),
    ("ethnic_groups", ["ethnic group", "ethnic groups", "ethnicity", "group", "community"]),
    ("gender", ["gender", "sex"]),
    ("source_title", ["source", "sources", "source title", "reference"]),
    ("source_url", ["url", "link", "source url", "source link"]),
    ("source_date", ["source date", "publication date", "published", "date published"]),
    ("source_publisher", ["publisher", "outlet"]),
    ("notes", ["notes", "note", "description", "details", "summary", "comments", "comment"]),
    ("detention_outcome", ["outcome", "detention outcome", "status"]),
    ("person_name", ["name", "person name", "victim name", "victim"]),
  ]

  /// A header compared with the synonyms: lowercased, letters and digits only, single spaces.
  static func normalized(_ name: String) -> String {
    let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return folded.split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
  }

  /// Proposes a mapping for a file with `header` whose first rows are `rows`.
  ///
  /// - Parameters:
  ///   - header: the file's column names.
  ///   - rows: the first data rows (each with the header's number of fields; others are skipped).
  public init(header: [String], rows: [[String]]) {
    var mapping = ColumnMapping()
    var notes: [String] = []
    let canonicalNames = Set(IncidentField.allCases.map(\.rawValue))
    var used = Set<Int>()
    var targets = Set<String>()
    // Columns under a canonical name are read by that name: nothing to map.
    for (index, name) in header.enumerated() where canonicalNames.contains(name) {
      used.insert(index)
      targets.insert(name)
    }
    if targets.contains("year") || targets.contains("date_precision") { targets.insert("date") }
    if targets.contains("category") || targets.contains("mode") { targets.insert("kind") }
    var column: [String: Int] = [:]
    for (target, names) in Self.synonyms where !targets.contains(target) {
      for synonym in names {
        guard
          let index = header.indices.first(where: {
            !used.contains($0) && Self.normalized(header[$0]) == synonym
          })
        else { continue }
        used.insert(index)
        targets.insert(target)
        column[target] = index
        switch target {
        case "date": mapping.dateColumn = header[index]
        case "kind": mapping.kindColumn = header[index]
        default: mapping.columns[IncidentField(rawValue: target)!] = header[index]
        }
        break
      }
    }
    let complete = rows.filter { $0.count == header.count }
    func distinct(_ index: Int) -> [String] {
      var seen = Set<String>()
      var labels: [String] = []
      for row in complete {
        let label = row[index].trimmingCharacters(in: .whitespaces)
        if !label.isEmpty && seen.insert(label.lowercased()).inserted { labels.append(label) }
      }
      return labels
    }
    // The labels of the kind column: the value each already reads as, or "" to fill in.
    if let index = column["kind"] {
      var labels: [String: String] = [:]
      for label in distinct(index) {
        labels[label] = MappedValueReader.kindValue(label).map { "\($0.category.rawValue)/\($0.mode)" } ?? ""
      }
      if !labels.isEmpty { mapping.values["kind"] = labels }
      let open = labels.filter { $0.value.isEmpty }.keys.sorted()
      if !open.isEmpty {
        notes.append(
          "fill in the kind of each label of '\(header[index])' (CATEGORY/MODE, such as "
            + "extradition/deportation): " + open.map { "'\($0)'" }.joined(separator: ", "))
      }
    }
    // Other enumerated columns mapped by name: labels that are not already values.
    let valid: [IncidentField: (String) -> Bool] = [
      .gender: { Gender(rawValue: $0.lowercased()) != nil },
      .detentionOutcome: { DetentionOutcome(rawValue: $0.lowercased()) != nil },
      .ethnicGroups: { cell in
        cell.split(separator: ";").allSatisfy { part in
          EthnicGroup.allCases.contains { $0.rawValue.caseInsensitiveEquals(part.trimmingCharacters(in: .whitespaces)) }
        }
      },
    ]
    for (field, isValue) in valid.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      guard let index = column[field.rawValue] else { continue }
      let labels = distinct(index)
      let open = labels.filter { !isValue($0) }
      guard !open.isEmpty else { continue }
      // A vocabulary rejects every label it lacks: the labels already valid map to themselves.
      mapping.values[field.rawValue] = Dictionary(
        uniqueKeysWithValues: labels.map { ($0, isValue($0) ? (field == .ethnicGroups ? $0 : $0.lowercased()) : "") })
      notes.append(
        "fill in the \(field.rawValue) value of each label of '\(header[index])': "
          + open.map { "'\($0)'" }.joined(separator: ", "))
    }
    // Numeric dates need a declared order.
    if let index = column["date"] {
      let numeric = complete.map { $0[index] }.first { text in
        text.contains { $0 == "/" || $0 == "." } && text.allSatisfy { $0.isNumber || $0 == "/" || $0 == "." || $0 == " " }
      }
      if let numeric {
        notes.append(
          "'\(header[index])' holds numeric dates such as '\(numeric)': add \"date_order\": "
            + "\"dmy\", \"mdy\" or \"ymd\" (they are never guessed)")
      }
    }
    // Required fields without a column: a default to fill in (ids can be generated).
    if !targets.contains("id") {
      mapping.generatesIDs = true
      notes.append("no id column: ids are generated from the file's name and each row's line")
    }
    var missing: [String] = []
    for field in [IncidentField.origin, .host, .ethnicGroups, .sourceTitle] where !targets.contains(field.rawValue) {
      mapping.defaults[field] = ""
      missing.append(field.rawValue)
    }
    if !targets.contains("date") { missing.append("date (or year)") }
    if !targets.contains("kind") { missing.append("kind (or category and mode)") }
    if !missing.isEmpty {
      notes.append(
        "no column found for " + missing.joined(separator: ", ")
          + ": map a column (columns) or give the value every row shares (defaults)")
    }
    let unused = header.indices.filter { !used.contains($0) && !header[$0].isEmpty }.map { "'\(header[$0])'" }
    if !unused.isEmpty {
      notes.append("columns not mapped (they will be ignored): " + unused.joined(separator: ", "))
    }
    self.mapping = mapping
    self.notes = notes
  }

  /// Proposes a mapping for a file from its header and first `sampleRows` rows.
  ///
  /// The delimiter is the one the header line uses most (comma, semicolon, tab or pipe), unless
  /// a `sep=` line names it; a file that is not UTF-8 is read as Windows-1252 and the
  /// suggestion says so.
  ///
  /// - Parameters:
  ///   - url: the file.
  ///   - sampleRows: how many rows to look at (default 1,000).
  /// - Throws: ``ImportError`` when the file cannot be read or has no header.
  public init(contentsOf url: URL, sampleRows: Int = 1_000) throws(ImportError) {
    try ImportError.checkReadableFile(url)
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ImportError(.unreadable("\(url.path): the file cannot be read"))
    }
    var bytes = [UInt8](data)
    var extraNotes: [String] = []
    var encoding: CSVEncoding?
    let converted = try CSVTranscoding.utf8(bytes, encoding: nil)
    if String(validating: converted, as: UTF8.self) == nil {
      encoding = .windows1252
      extraNotes.append(
        "the file is not UTF-8: it is read as Windows-1252 (\"encoding\"); use latin1 if the "
          + "accented letters come out wrong")
    }
    bytes = try CSVTranscoding.utf8(bytes, encoding: encoding)
    let delimiter = Self.delimiter(ofFirstLine: bytes)
    var header: [String]?
    var rows: [[String]] = []
    do {
      try CSVReader(bytes: bytes, delimiter: delimiter).forEachRecord { record in
        guard !record.isBlank, !record.isDelimiterOnly, let fields = record.fields() else { return }
        if header == nil { header = fields } else if rows.count < sampleRows { rows.append(fields) }
      }
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(.unreadable(String(describing: error)))
    }
    guard let header, header != [""] else { throw ImportError(.emptyFile, line: 1) }
    self.init(header: header, rows: rows)
    if let delimiter, delimiter != .comma { mapping.delimiter = delimiter }
    mapping.encoding = encoding
    notes = extraNotes + notes
  }

  /// The delimiter the first line of a file uses most outside quotes (comma, semicolon, tab or
  /// pipe; on a tie, in that order), or `nil` when the file starts with a `sep=` line (which
  /// ``CSVReader`` honours) or its first line holds no delimiter.
  ///
  /// ```swift
  /// MappingSuggestion.delimiter(ofFirstLine: Array("a;b;c,d\n".utf8))   // .semicolon
  /// ```
  ///
  /// - Parameter bytes: the file's bytes, as UTF-8.
  /// - Returns: the delimiter, or `nil`.
  public static func delimiter(ofFirstLine bytes: [UInt8]) -> CSVDelimiter? {
    let separator = bytes.withUnsafeBufferPointer { CSVReader.separatorLine($0, from: 0) }
    if separator != nil { return nil }
    var counts: [CSVDelimiter: Int] = [:]
    var quoted = false
    for byte in bytes {
      if byte == 0x22 { quoted.toggle() }
      if quoted { continue }
      if byte == 0x0A || byte == 0x0D { break }
      if let delimiter = CSVDelimiter.allCases.first(where: { $0.byte == byte }) {
        counts[delimiter, default: 0] += 1
      }
    }
    // The most used; on a tie, the first of comma, semicolon, tab, pipe.
    var best: CSVDelimiter?
    for delimiter in CSVDelimiter.allCases where counts[delimiter, default: 0] > counts[best ?? delimiter, default: 0] || (best == nil && counts[delimiter, default: 0] > 0) {
      best = delimiter
    }
    return best
  }
}
