/// The name of a targeted person: sensitive, and never shown unless the caller asks.
///
/// Naming a person who fled can endanger them and their family. A `PersonName` therefore hides its
/// text from `description`, `debugDescription`, `dump` and string interpolation, which all print
/// `<redacted>`. Read ``revealedText`` to get the name; exports leave names out unless a
/// ``PersonNamePolicy`` says otherwise.
///
/// ```swift
/// let name = PersonName("…")
/// print(name)              // <redacted>
/// name.revealedText        // the name, because the caller asked
/// ```
public struct PersonName: Hashable, Sendable, Codable {
  /// The name itself. Reading it is the caller asking for it.
  public let revealedText: String

  /// Wraps a name.
  public init(_ text: String) { self.revealedText = text }

  /// Decodes a name from a string.
  public init(from decoder: any Decoder) throws {
    self.revealedText = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes the name as a string. Encoders of incidents only call this when asked (see
  /// ``PersonNamePolicy``).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(revealedText)
  }

  /// A stable pseudonym such as `person-3f2a9c01b7d4e665`, derived from the name and a key.
  ///
  /// The pseudonym is FNV-1a-64 of the key and the name. It links records of the same person
  /// within one export without showing the name. It is not a cryptographic hash: anyone holding
  /// the key and a list of candidate names can test them, so keep the key secret and use a new
  /// one per export.
  ///
  /// - Parameter key: a secret chosen by the caller.
  /// - Returns: `person-` followed by 16 hexadecimal digits.
  public func pseudonym(key: String) -> String {
    var hash = FNV1a64()
    hash.combine(key.utf8)
    hash.combine(CollectionOfOne(0))
    hash.combine(revealedText.utf8)
    return "person-" + hash.hexDigest
  }
}

extension PersonName: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  /// Always `<redacted>`.
  public var description: String { "<redacted>" }
  /// Always `<redacted>`.
  public var debugDescription: String { "<redacted>" }
  /// A mirror with no children, so `dump` shows nothing of the name.
  public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// What an export does with people's names.
public enum PersonNamePolicy: Hashable, Sendable {
  /// Leave names out (the default everywhere).
  case omit
  /// Write `<redacted>` where a record has a name.
  case redact
  /// Write a keyed pseudonym (see ``PersonName/pseudonym(key:)``).
  case pseudonymize(key: String)
  /// Write the names. Only when the caller explicitly asks.
  case include

  /// The text to write for `name`, or `nil` to write nothing.
  public func exportedText(for name: PersonName?) -> String? {
    guard let name else { return nil }
    switch self {
    case .omit: return nil
    case .redact: return "<redacted>"
    case .pseudonymize(let key): return name.pseudonym(key: key)
    case .include: return name.revealedText
    }
  }
}

/// FNV-1a, 64-bit: a fast non-cryptographic hash (Fowler, Noll and Vo;
/// [IETF draft](https://datatracker.ietf.org/doc/html/draft-eastlake-fnv)).
@usableFromInline
internal struct FNV1a64: Sendable {
  @usableFromInline internal var value: UInt64 = 0xcbf2_9ce4_8422_2325

  @inlinable internal init() {}

  @inlinable
  internal mutating func combine<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
    for byte in bytes {
      value ^= UInt64(byte)
      value &*= 0x0000_0100_0000_01b3
    }
  }

  /// 16 lowercase hexadecimal digits.
  @usableFromInline
  internal var hexDigest: String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
