/// The character between the fields of a CSV file.
///
/// Spreadsheets save "CSV" with the list separator of the computer's region: a comma in
/// English, a semicolon in much of Europe, a tab for Excel's "Unicode Text", sometimes a pipe.
/// A file whose first line is Excel's `sep=;` names its own delimiter; ``CSVReader`` honours it
/// unless a delimiter is given.
///
/// ```swift
/// let reader = CSVReader(text: "a;b\n1;2\n", delimiter: .semicolon)
/// ```
public enum CSVDelimiter: String, Hashable, Sendable, CaseIterable, Codable {
  /// `,` (RFC 4180).
  case comma = ","
  /// `;`, the list separator of many European locales.
  case semicolon = ";"
  /// A tab character, written `tab` on the command line and in a mapping.
  case tab = "tab"
  /// `|`.
  case pipe = "|"

  /// The delimiter's byte.
  public var byte: UInt8 {
    switch self {
    case .comma: 0x2C
    case .semicolon: 0x3B
    case .tab: 0x09
    case .pipe: 0x7C
    }
  }

  /// The delimiter a command-line argument or a `sep=` line names: `,`, `;`, `tab` (or a tab
  /// character), `|`, or the names `comma`, `semicolon`, `pipe`.
  ///
  /// - Parameter text: the argument.
  /// - Returns: the delimiter, or `nil` for anything else.
  public init?(argument text: String) {
    switch text.lowercased() {
    case ",", "comma": self = .comma
    case ";", "semicolon": self = .semicolon
    case "tab", "\t": self = .tab
    case "|", "pipe": self = .pipe
    default: return nil
    }
  }
}

/// The text encoding of a CSV file that is not UTF-8.
///
/// UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark need no
/// declaration: ``CSVReader`` finds them. A file saved by older spreadsheets in a Western
/// European code page is declared, and converted to UTF-8 before it is split into fields, so
/// every reader sees UTF-8.
///
/// ```swift
/// let reader = CSVReader(bytes: [0x43, 0xF4, 0x74, 0x65], encoding: .windows1252)   // "Côte"
/// ```
public enum CSVEncoding: String, Hashable, Sendable, CaseIterable, Codable {
  /// UTF-8 (the default; a byte-order mark is skipped).
  case utf8 = "utf-8"
  /// Windows-1252 ("ANSI" on Western European Windows), as the WHATWG Encoding Standard maps
  /// it: bytes 0x80–0x9F are typographic characters (€, ‘ ’, “ ”, –, …), the five bytes it
  /// leaves undefined map to the C1 controls.
  case windows1252 = "windows-1252"
  /// ISO 8859-1: every byte is the code point of the same number.
  case latin1 = "latin1"
}
