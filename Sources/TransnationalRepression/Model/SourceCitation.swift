/// A citation for an incident: where the record was read.
///
/// Every bundled record carries at least one. The date is kept exactly as the source gives it:
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// ```swift
/// let source = try SourceCitation(
///   title: "Pakistan Deports Uyghurs (RFA, citing Dawn)",
///   url: "https://www.rfa.org/english/news/uyghur/pakistan-08102011175506.html/",
///   date: "2011-08-10")
/// ```
public struct SourceCitation: Hashable, Sendable, Codable {
  /// The title of the article, report or release; never empty.
  public let title: String
  /// The address it was read at, if any.
  public let url: String?
  /// The publisher, if recorded.
  public let publisher: String?
  /// The publication date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, if known.
  public let date: String?

  /// Creates a validated citation.
  ///
  /// - Parameters:
  ///   - title: the title; must not be empty or only spaces.
  ///   - url: the address, if any (empty strings are stored as `nil`).
  ///   - publisher: the publisher, if any.
  ///   - date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day, if known.
  /// - Throws: ``SourceCitationError``.
  public init(title: String, url: String? = nil, publisher: String? = nil, date: String? = nil)
    throws(SourceCitationError)
  {
    guard SourceCitation.hasVisibleCharacter(title) else { throw .emptyTitle }
    if let date, !date.isEmpty, !SourceCitation.isValidDate(date) { throw .invalidDate(date) }
    self.title = title
    self.url = url?.isEmpty == true ? nil : url
    self.publisher = publisher?.isEmpty == true ? nil : publisher
    self.date = date?.isEmpty == true ? nil : date
  }

  /// A citation whose title and date a reader has already validated; empty texts are stored
  /// as `nil`, as ``init(title:url:publisher:date:)`` stores them.
  internal init(validatedTitle title: String, url: String, publisher: String, date: String) {
    self.title = title
    self.url = url.isEmpty ? nil : url
    self.publisher = publisher.isEmpty ? nil : publisher
    self.date = date.isEmpty ? nil : date
  }

  /// Whether `text` holds a character that is not white space (an ASCII letter, digit or
  /// punctuation mark answers at once; other text is checked by `Character`).
  static func hasVisibleCharacter(_ text: String) -> Bool {
    for byte in text.utf8 {
      if byte >= 0x80 { break }
      if byte > 0x20 && byte != 0x7F { return true }
    }
    return text.contains(where: { !$0.isWhitespace })
  }

  /// Whether `text` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real date.
  public static func isValidDate(_ text: String) -> Bool {
    // By bytes: four ASCII digits, then optionally -MM and -DD.
    var text = text
    return text.withUTF8 { isValidDate(bytes: $0) }
  }

  /// ``isValidDate(_:)`` on UTF-8 bytes.
  private static func isValidDate(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func digits(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = bytes[index] &- 0x30
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
      }
      return value
    }
    guard [4, 7, 10].contains(bytes.count), let year = digits(0..<4) else { return false }
    var month: Int?
    var day: Int?
    if bytes.count >= 7 {
      guard bytes[4] == 0x2D, let parsed = digits(5..<7) else { return false }
      month = parsed
    }
    if bytes.count == 10 {
      guard bytes[7] == 0x2D, let parsed = digits(8..<10) else { return false }
      day = parsed
    }
    return (try? IncidentDate(
      year: year, month: month, day: day,
      precision: day != nil ? .day : month != nil ? .month : .year)) != nil
  }

  private enum CodingKeys: String, CodingKey { case title, url, publisher, date }

  /// Decodes and validates a citation.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when the title is empty or the date malformed.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    do {
      try self.init(
        title: try container.decode(String.self, forKey: .title),
        url: try container.decodeIfPresent(String.self, forKey: .url),
        publisher: try container.decodeIfPresent(String.self, forKey: .publisher),
        date: try container.decodeIfPresent(String.self, forKey: .date))
    } catch let error as SourceCitationError {
      throw DecodingError.dataCorruptedError(
        forKey: .title, in: container, debugDescription: error.description)
    }
  }

  /// Encodes the fields that are present.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(title, forKey: .title)
    try container.encodeIfPresent(url, forKey: .url)
    try container.encodeIfPresent(publisher, forKey: .publisher)
    try container.encodeIfPresent(date, forKey: .date)
  }
}

/// Why a ``SourceCitation`` is invalid.
public enum SourceCitationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The title is empty.
  case emptyTitle
  /// The date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or names no real day.
  case invalidDate(String)

  /// A human-readable explanation.
  public var description: String {
    switch self {
    case .emptyTitle: "the source title is empty"
    case .invalidDate(let date): "source date '\(date)' is not YYYY, YYYY-MM or YYYY-MM-DD"
    }
  }
}
