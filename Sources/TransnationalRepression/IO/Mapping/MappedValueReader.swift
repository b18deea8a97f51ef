import Foundation

/// What a header and a mapping resolve to: where each field's text comes from and, for a mapping
/// other than ``ColumnMapping/canonical``, how to read the spreadsheet's values.
internal struct ResolvedMapping: Sendable {
  /// Where each field's text comes from.
  var sources: [IncidentField: FieldSource]
  /// The value-level reading; `nil` for the canonical schema, read exactly.
  var reading: MappedValueReader?
}

/// A vocabulary of one field: the file's labels (trimmed, lowercased) and the values they stand
/// for, and the labels as the mapping writes them, for messages.
internal struct Vocabulary: Sendable {
  var values: [String: String]
  var labels: [String]

  /// The key a label is looked up by: surrounding spaces dropped, lowercased.
  static func key(_ label: some StringProtocol) -> String {
    label.trimmingCharacters(in: .whitespaces).lowercased()
  }

  /// `'A', 'B', 'C'`: the known labels, for a message.
  var labelList: String { labels.map { "'\($0)'" }.joined(separator: ", ") }
}

/// How a mapped file's values are read (see ``ColumnMapping``'s "Values, not only columns").
internal struct MappedValueReader: Sendable {
  /// The one date column (0-based index and header name), when mapped.
  var date: (index: Int, name: String)?
  /// The declared order of numeric dates.
  var dateOrder: DateOrder?
  /// The kind column, when mapped.
  var kind: (index: Int, name: String)?
  /// The kind labels: category and mode.
  var kindValues: [String: (category: IncidentCategory, mode: String)] = [:]
  /// The kind labels as written in the mapping.
  var kindLabels: [String] = []
  /// The vocabulary of each enumerated field.
  var vocabularies: [IncidentField: Vocabulary] = [:]
  /// Whether `persons` is read by ``PersonCount/init(parsing:)`` (no qualifier column).
  var personsAsText = false
  /// Whether ids are made from the file's name and the row's line (no id column).
  var generatesIDs = false

  /// The enumerated fields whose values compare ignoring case and surrounding spaces.
  static let enumeratedFields: Set<IncidentField> = [
    .category, .mode, .personsQualifier, .datePrecision, .detentionOutcome, .gender,
  ]

  /// The fields a vocabulary may be given for (besides `"kind"`).
  static let vocabularyFields: Set<IncidentField> = enumeratedFields.union([.ethnicGroups])

  /// Reads a kind value, `CATEGORY/MODE` or a category alone (`detention`; another category
  /// alone has mode `unspecified`), ignoring case and spaces.
  static func kindValue(_ text: String) -> (category: IncidentCategory, mode: String)? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    guard parts.count <= 2, let category = IncidentCategory(rawValue: parts[0]) else { return nil }
    let mode = parts.count == 2 ? parts[1] : (category == .detention ? "detention" : "unspecified")
    guard IncidentKind(category: category, mode: mode) != nil else { return nil }
    return (category, mode)
  }

  /// Reads a country cell: a code first (alpha-2, alpha-3 or numeric), then an English name.
  ///
  /// - Returns: the country, or the reason the text is not one.
  static func country(_ raw: String) -> Result<Country, CountryTextError> {
    let text = raw.trimmingCharacters(in: .whitespaces)
    if text.isEmpty { return .failure(.empty) }
    if let country = Country(text) { return .success(country) }
    switch Country.lookup(name: text) {
    case .country(let country): return .success(country)
    case .ambiguous(let candidates): return .failure(.ambiguous(text, candidates))
    case .unknown: return .failure(.unknown(text))
    }
  }

  /// Why a country cell cannot be read.
  enum CountryTextError: Error {
    case empty
    case ambiguous(String, [Country])
    case unknown(String)

    var message: String {
      switch self {
      case .empty: "the field is empty but a value is required"
      case .ambiguous(let text, let candidates):
        "'\(text)' could be more than one country ("
          + candidates.map { "\($0.alpha2) \($0.name)" }.joined(separator: "; ")
          + "): it is not guessed; write the code or the full name"
      case .unknown(let text):
        "'\(text)' is neither an ISO 3166-1 country code (nor XK) nor a country name the "
          + "name table knows"
      }
    }
  }
}

extension ColumnMapping {
  /// Resolves the header: the canonical mapping exactly as ``resolve(header:)``; any other
  /// mapping with its value-level reading, optional columns optional, and every missing column
  /// reported at once.
  ///
  /// - Throws: ``ImportError`` for a repeated column, missing columns (one: `missingColumn`;
  ///   several: one error listing them all), or a mapping that contradicts itself.
  internal func resolveForReading(header: [String]) throws(ImportError) -> ResolvedMapping {
    if readsCanonically { return ResolvedMapping(sources: try resolve(header: header), reading: nil) }
    var position: [String: Int] = [:]
    for (index, name) in header.enumerated() where !name.isEmpty {
      if position.updateValue(index, forKey: name) != nil {
        throw ImportError(.duplicateColumn(name), line: 1, column: index + 1, field: name)
      }
    }
    func mappingError(_ message: String, field: String? = nil) -> ImportError {
      ImportError(.invalidValue("the mapping is inconsistent: " + message), line: 1, field: field)
    }
    let dateFields: [IncidentField] = [.year, .month, .day, .datePrecision]
    let kindFields: [IncidentField] = [.category, .mode]
    if dateColumn != nil,
      let field = dateFields.first(where: { columns[$0] != nil || defaults[$0] != nil })
    {
      throw mappingError(
        "it maps a date column and also \(field.rawValue); map either date or year, month, day "
          + "and date_precision", field: field.rawValue)
    }
    if kindColumn != nil,
      let field = kindFields.first(where: { columns[$0] != nil || defaults[$0] != nil })
    {
      throw mappingError(
        "it maps a kind column and also \(field.rawValue); map either kind or category and mode",
        field: field.rawValue)
    }
    let qualifierHasSource =
      columns[.personsQualifier] != nil || defaults[.personsQualifier] != nil
      || (columns[.personsQualifier] == nil && position[IncidentField.personsQualifier.rawValue] != nil)

    var missing: [(text: String, name: String, field: String)] = []
    var sources: [IncidentField: FieldSource] = [:]
    for field in IncidentField.allCases {
      if (dateColumn != nil && dateFields.contains(field))
        || (kindColumn != nil && kindFields.contains(field))
      {
        sources[field] = .constant("")
      } else if let name = columns[field] {
        if let index = position[name] {
          sources[field] = .column(index, name: name)
        } else {
          missing.append(("'\(name)' (mapped to \(field.rawValue))", name, field.rawValue))
          sources[field] = .constant("")
        }
      } else if let index = position[field.rawValue] {
        sources[field] = .column(index, name: field.rawValue)
      } else if let value = defaults[field] {
        sources[field] = .constant(value)
      } else if field == .id && generatesIDs {
        sources[field] = .constant("")
      } else if field.mayBeEmpty || !field.isCanonical || field == .personsQualifier {
        sources[field] = .constant("")
      } else {
        missing.append(("'\(field.rawValue)'", field.rawValue, field.rawValue))
        sources[field] = .constant("")
      }
    }
    var reading = MappedValueReader()
    reading.dateOrder = dateOrder
    reading.personsAsText = !qualifierHasSource
    if generatesIDs, case .constant("")? = sources[.id], defaults[.id] == nil {
      reading.generatesIDs = true
    }
    if let name = dateColumn {
      if let index = position[name] {
        reading.date = (index, name)
      } else {
        missing.append(("'\(name)' (mapped to date)", name, "date"))
      }
    }
    if let name = kindColumn {
      if let index = position[name] {
        reading.kind = (index, name)
      } else {
        missing.append(("'\(name)' (mapped to kind)", name, "kind"))
      }
    }
    if missing.count == 1 {
      throw ImportError(.missingColumn(missing[0].name), line: 1, field: missing[0].field)
    }
    if missing.count > 1 {
      throw ImportError(
        .invalidValue(
          "the header lacks \(missing.count) columns: " + missing.map(\.text).joined(separator: ", ")
            + "; map each to a column of the file (--map FIELD=COLUMN) or give a value "
            + "(--default FIELD=VALUE)"),
        line: 1)
    }

    for (key, labels) in values.sorted(by: { $0.key < $1.key }) {
      let sortedLabels = labels.keys.sorted()
      if key == "kind" {
        guard kindColumn != nil else {
          throw mappingError("it gives values for kind but no kind column (--map kind=COLUMN)")
        }
        for label in sortedLabels {
          guard let kind = MappedValueReader.kindValue(labels[label]!) else {
            throw mappingError(
              "kind label '\(label)' maps to '\(labels[label]!)', which is not CATEGORY/MODE "
                + "(such as extradition/deportation or intimidation/threats_to_family)",
              field: "kind")
          }
          reading.kindValues[Vocabulary.key(label)] = kind
        }
        reading.kindLabels = sortedLabels
        continue
      }
      guard let field = IncidentField(rawValue: key), MappedValueReader.vocabularyFields.contains(field)
      else {
        throw mappingError(
          "values are given for '\(key)', which is not kind or an enumerated field ("
            + MappedValueReader.vocabularyFields.map(\.rawValue).sorted().joined(separator: ", ")
            + ")")
      }
      var vocabulary = Vocabulary(values: [:], labels: sortedLabels)
      for label in sortedLabels { vocabulary.values[Vocabulary.key(label)] = labels[label]! }
      reading.vocabularies[field] = vocabulary
    }
    return ResolvedMapping(sources: sources, reading: reading)
  }
}
