/// Escaping shared by the SVG charts and ``HTMLPage``. Internal.
enum Markup {
  /// Escapes text for use in XML or HTML character data and in double- or single-quoted
  /// attribute values: `&`, `<`, `>`, `"` and `'` become references, and the characters that
  /// XML 1.0 forbids (C0 controls other than tab, line feed and carriage return, and the
  /// non-characters U+FFFE and U+FFFF) become U+FFFD, so the output always parses.
  ///
  /// - Complexity: O(n) in the length of `text`.
  static func escape(_ text: String) -> String {
    var needsWork = false
    for scalar in text.unicodeScalars where needsEscaping(scalar) {
      needsWork = true
      break
    }
    guard needsWork else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case _ where isForbidden(scalar): result.unicodeScalars.append("\u{FFFD}")
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "&", "<", ">", "\"", "'": return true
    default: return isForbidden(scalar)
    }
  }

  private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
    return value == 0xFFFE || value == 0xFFFF
  }
}
