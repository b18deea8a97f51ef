/// A rule an incident record breaks.
///
/// Validation of records built in code, decoded from JSON or read from CSV reports one of these;
/// from files it comes wrapped in an ``ImportError`` with the line, column and field.
public enum ValidationIssue: Error, Hashable, Sendable, CustomStringConvertible {
  /// The id is empty.
  case emptyID
  /// The id was already used by an earlier record (at `firstLine` when read from a file).
  case duplicateID(String, firstLine: Int?)
  /// The country code is not in the bundled ISO 3166-1 table.
  case unknownCountry(String)
  /// The date is impossible.
  case invalidDate(IncidentDateError)
  /// The date lies after the day of validation.
  case futureDate(IncidentDate, today: String)
  /// A number field holds something that is not a whole number.
  case notANumber(String)
  /// The persons count is invalid.
  case invalidPersons(PersonCountError)
  /// The category is not intimidation, detention or extradition.
  case unknownCategory(String)
  /// The mode is not a mode of any category.
  case unknownMode(String)
  /// The mode belongs to another category.
  case modeNotInCategory(mode: String, category: IncidentCategory)
  /// The detention outcome is not a known outcome.
  case unknownOutcome(String)
  /// The date precision is not day, month, year or reported.
  case unknownDatePrecision(String)
  /// The persons qualifier is not a known qualifier.
  case unknownPersonsQualifier(String)
  /// An ethnic group is not a known group.
  case unknownEthnicGroup(String)
  /// The gender is not a known value.
  case unknownGender(String)
  /// No ethnic group is given.
  case noEthnicGroup
  /// A name given for a group outside the list is empty, holds `;` or a line break, has
  /// surrounding spaces, or is a listed group's name.
  case invalidOtherEthnicGroup(String)
  /// No source is given.
  case noSource
  /// The source citation is invalid.
  case invalidSource(SourceCitationError)
  /// A field that must have a value is empty.
  case emptyRequiredField

  /// A human-readable explanation.
  public var description: String {
    switch self {
    case .emptyID: "the id is empty"
    case .duplicateID(let id, let line):
      "id '\(id)' is used more than once" + (line.map { " (first on line \($0))" } ?? "")
    case .unknownCountry(let code): "'\(code)' is not an ISO 3166-1 country code (nor XK)"
    case .invalidDate(let error): "impossible date: \(error)"
    case .futureDate(let date, let today): "date \(date) is in the future (today is \(today))"
    case .notANumber(let text): "'\(text)' is not a whole number"
    case .invalidPersons(let error): error.description
    case .unknownCategory(let text):
      "'\(text)' is not a category (intimidation, detention, extradition)"
    case .unknownMode(let text): "'\(text)' is not a known mode"
    case .modeNotInCategory(let mode, let category):
      "mode '\(mode)' does not belong to category '\(category.rawValue)'"
    case .unknownOutcome(let text): "'\(text)' is not a detention outcome"
    case .unknownDatePrecision(let text):
      "'\(text)' is not a date precision (day, month, year, reported)"
    case .unknownPersonsQualifier(let text):
      "'\(text)' is not a persons qualifier (exact, at_least, about, up_to, unknown)"
    case .unknownEthnicGroup(let text):
      "'\(text)' is not a known ethnic group ("
        + EthnicGroup.allCases.map(\.rawValue).joined(separator: ", ")
        + "); write a group outside the list as Other:NAME (e.g. Other:Baloch), and Unknown when "
        + "the source does not say; a spreadsheet import reads every unrecognised name as "
        + "Other:NAME with --allow-other-groups"
    case .unknownGender(let text): "'\(text)' is not a gender (female, male, other)"
    case .noEthnicGroup: "no ethnic group is given"
    case .invalidOtherEthnicGroup(let name):
      "'\(name)' cannot name a group outside the list: it must be non-empty, without ';', line "
        + "breaks or surrounding spaces, and not a listed group's name"
    case .noSource: "no source is given"
    case .invalidSource(let error): error.description
    case .emptyRequiredField: "the field is empty but a value is required"
    }
  }
}

/// The error that building an ``IncidentDataset`` from records throws: ``ImportError`` under a
/// name that reads right where nothing is imported.
///
/// It is the same type, not a wrapper, so code written for either name compiles and behaves
/// alike: `catch let error as ImportError` catches what ``IncidentDataset/init(_:validatedOn:)``
/// throws, and `catch let error as DatasetError` catches what the file readers throw. Its kinds,
/// place and message are ``ImportError``'s.
///
/// ```swift
/// do {
///   _ = try IncidentDataset([incident, incident])   // one record (id "A") twice
/// } catch let error as DatasetError {
///   print(error)   // field id, record A: id 'A' is used more than once
/// }
/// ```
public typealias DatasetError = ImportError

/// An error in a record or a file (incidents, creditor tables, pairs), with where it is.
///
/// Strict reading throws the first one; lenient reading keeps each with its rejected row in an
/// ``ImportReport``. Building an ``IncidentDataset`` from records throws it too, under its other
/// name ``DatasetError``. Every error names what is wrong (``kind``) and, as far as known, where:
/// the ``line`` of the file, the 1-based ``column``, the ``field`` name and the ``recordID``.
///
/// ```swift
/// do {
///   _ = try IncidentCSV.read(contentsOf: url)
/// } catch let error as ImportError {
///   print(error)   // line 7, column 3 (host): 'XX' is not an ISO 3166-1 country code (nor XK)
/// }
/// ```
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public enum Kind: Hashable, Sendable {
    /// A record breaks a validation rule.
    case invalidRecord(ValidationIssue)
    /// The file is not valid CSV or not valid UTF-8 at this place.
    case malformedCSV(String)
    /// The row has the wrong number of fields.
    case wrongFieldCount(expected: Int, found: Int)
    /// The header lacks a column that the mapping needs.
    case missingColumn(String)
    /// The header names a column twice.
    case duplicateColumn(String)
    /// The file holds no header.
    case emptyFile
    /// The file could not be read.
    case unreadable(String)
    /// The JSON could not be decoded.
    case malformedJSON(String)
    /// A value of a non-incident table (creditor table, pairs) is invalid.
    case invalidValue(String)
  }

  /// What is wrong.
  public let kind: Kind
  /// The 1-based line where the record starts, when read from a file.
  public let line: Int?
  /// The 1-based column, when the error concerns one field.
  public let column: Int?
  /// The field's name (the canonical name, or the file's header for mapped files).
  public let field: String?
  /// The id of the record, when known.
  public let recordID: String?

  /// Creates an error.
  public init(
    _ kind: Kind, line: Int? = nil, column: Int? = nil, field: String? = nil,
    recordID: String? = nil
  ) {
    self.kind = kind
    self.line = line
    self.column = column
    self.field = field
    self.recordID = recordID
  }

  /// The reason alone, without the location.
  public var reason: String {
    switch kind {
    case .invalidRecord(let issue): issue.description
    case .malformedCSV(let message): message
    case .wrongFieldCount(let expected, let found):
      "the row has \(found) field\(found == 1 ? "" : "s"), the header has \(expected)"
    case .missingColumn(let name): "the header has no column '\(name)'"
    case .duplicateColumn(let name): "the header names column '\(name)' more than once"
    case .emptyFile: "no header on line 1 (the file is empty or starts with a blank line)"
    case .unreadable(let message): "the file cannot be read: \(message)"
    case .malformedJSON(let message): "the JSON cannot be read: \(message)"
    case .invalidValue(let message): message
    }
  }

  /// `line 7, column 3 (host), record DOC-007: <reason>`, with the parts that are known.
  public var description: String {
    var place: [String] = []
    if let line { place.append("line \(line)") }
    if let column {
      place.append("column \(column)" + (field.map { " (\($0))" } ?? ""))
    } else if let field {
      place.append("field \(field)")
    }
    if let recordID { place.append("record \(recordID)") }
    return place.isEmpty ? reason : place.joined(separator: ", ") + ": " + reason
  }
}
