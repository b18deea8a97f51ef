/// Estimated text widths for laying out chart labels without font access. Internal.
///
/// Widths come from the Helvetica advance widths (Adobe's core-font metrics, which Arial and
/// Liberation Sans share) for printable ASCII, 0.6 em for other scripts and 1 em for wide
/// (East Asian) characters, then enlarged by ``safety`` because the font a viewer substitutes
/// (DejaVu Sans on many Linux systems) can be wider. Overestimating only costs whitespace;
/// underestimating would let labels overlap.
enum TextMetrics {
  /// The factor applied to every estimate.
  static let safety = 1.1

  /// Helvetica advance widths in thousandths of an em for U+0020 through U+007E.
  private static let asciiWidths: [UInt16] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // ␠ … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 … ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P … _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` … o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p … ~
  ]

  /// The estimated width of `text` set at `fontSize`, in the same units.
  static func width(of text: String, fontSize: Double, bold: Bool = false) -> Double {
    var thousandths = 0.0
    for scalar in text.unicodeScalars {
      thousandths += Double(advance(of: scalar))
    }
    return thousandths / 1000 * fontSize * safety * (bold ? 1.08 : 1)
  }

  private static func advance(of scalar: Unicode.Scalar) -> UInt16 {
    let value = scalar.value
    if value >= 0x20 && value <= 0x7E { return asciiWidths[Int(value - 0x20)] }
    if value < 0x20 { return 0 }
    // Combining marks take no extra space.
    if (0x0300...0x036F).contains(value) { return 0 }
    // CJK, Hangul, full-width forms and emoji are about one em wide.
    if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
      || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0xFF00...0xFF60).contains(value) || (0x1F300...0x1FAFF).contains(value)
      || (0x20000...0x3FFFD).contains(value)
    {
      return 1000
    }
    return 600
  }

  /// `text` shortened with a trailing "…" so that its estimated width is at most `maxWidth`;
  /// `text` itself when it fits.
  static func truncate(_ text: String, toWidth maxWidth: Double, fontSize: Double) -> String {
    guard width(of: text, fontSize: fontSize) > maxWidth else { return text }
    var characters = Array(text)
    while !characters.isEmpty {
      characters.removeLast()
      let candidate =
        String(characters).trimmingTrailingWhitespace() + "…"
      if width(of: candidate, fontSize: fontSize) <= maxWidth { return candidate }
    }
    return "…"
  }

  /// `text` broken at spaces into lines whose estimated width is at most `maxWidth`. A word
  /// longer than a line is truncated. Existing line feeds start new lines; empty text gives no
  /// lines.
  static func wrap(
    _ text: String, toWidth maxWidth: Double, fontSize: Double, bold: Bool = false
  ) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      for word in paragraph.split(separator: " ") {
        let candidate = current.isEmpty ? String(word) : current + " " + word
        if width(of: candidate, fontSize: fontSize, bold: bold) <= maxWidth {
          current = candidate
        } else {
          if !current.isEmpty { lines.append(current) }
          current =
            width(of: String(word), fontSize: fontSize, bold: bold) <= maxWidth
            ? String(word)
            : truncate(String(word), toWidth: maxWidth / (bold ? 1.08 : 1), fontSize: fontSize)
        }
      }
      if !current.isEmpty { lines.append(current) }
    }
    return lines
  }
}

extension String {
  fileprivate func trimmingTrailingWhitespace() -> String {
    var result = self
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return result
  }
}
