/// The parts every chart shares: the root `<svg>` element with its accessible name and
/// description, the wrapped title at the top, and the warnings, note and source lines at the
/// bottom. A chart lays out its content between ``contentTop`` and the footer. Internal.
struct ChartFrame {
  /// Space around the chart.
  static let margin = 16.0
  static let titleSize = 18.0
  static let titleLineHeight = 23.0
  static let fontFamily = "Helvetica, Arial, sans-serif"

  let width: Double
  let id: String
  let kind: String
  let title: String
  private let titleLines: [String]
  private let footer: [(text: String, className: String, size: Double, fill: String)]

  /// - Parameters:
  ///   - kind: the chart kind, used in class names and the default id (e.g. "bar-chart").
  ///   - warnings: lines about data that was not drawn, shown first, in the accent colour.
  ///   - remarks: lines about the drawing itself (e.g. labels left out), shown after them.
  init(
    width: Int, id: String?, kind: String, title: String, note: String?, source: String?,
    warnings: [String] = [], remarks: [String] = []
  ) {
    self.width = Double(min(max(width, 320), 4000))
    self.kind = kind
    self.title = title
    self.id = ChartFrame.identifier(id, kind: kind, title: title)
    let textWidth = self.width - 2 * Self.margin
    titleLines = TextMetrics.wrap(
      title, toWidth: textWidth, fontSize: Self.titleSize, bold: true)
    var footer: [(text: String, className: String, size: Double, fill: String)] = []
    for warning in warnings {
      for line in TextMetrics.wrap(warning, toWidth: textWidth, fontSize: 12) {
        footer.append((line, "warning", 12, ChartPalette.accent))
      }
    }
    for remark in remarks {
      for line in TextMetrics.wrap(remark, toWidth: textWidth, fontSize: 12) {
        footer.append((line, "remark", 12, ChartPalette.mutedText))
      }
    }
    for line in TextMetrics.wrap(note ?? "", toWidth: textWidth, fontSize: 12) {
      footer.append((line, "note", 12, ChartPalette.text))
    }
    for line in TextMetrics.wrap(source ?? "", toWidth: textWidth, fontSize: 11) {
      footer.append((line, "source", 11, ChartPalette.mutedText))
    }
    self.footer = footer
  }

  /// The left edge of the content area.
  var left: Double { Self.margin }
  /// The right edge of the content area.
  var right: Double { width - Self.margin }
  /// Where the content below the title starts.
  var contentTop: Double {
    Self.margin + Double(max(titleLines.count, 1)) * Self.titleLineHeight + 6
  }
  /// The height of the footer, including the bottom margin.
  var footerHeight: Double {
    footer.reduce(8) { $0 + $1.size + 5 } + Self.margin - 4
  }

  /// The complete SVG document: the frame around `content`, which draws everything from
  /// ``contentTop`` down to `contentBottom`.
  func document(
    contentBottom: Double, description: String, content: (inout SVGWriter) -> Void
  ) -> String {
    let height = (contentBottom + footerHeight).rounded(.up)
    var svg = SVGWriter()
    svg.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
        ("width", SVGWriter.number(width)), ("height", SVGWriter.number(height)),
        ("viewBox", "0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))"),
        ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
        ("class", "tnr-chart tnr-\(kind)"), ("font-family", Self.fontFamily),
      ])
    svg.element("title", [("id", "\(id)-title")], text: title)
    svg.element("desc", [("id", "\(id)-desc")], text: description)
    svg.rect(
      x: 0, y: 0, width: width, height: height, fill: ChartPalette.background,
      className: "background")
    var y = Self.margin + Self.titleSize
    for line in titleLines {
      svg.text(
        line, x: left, y: y, size: Self.titleSize, weight: "bold", className: "chart-title")
      y += Self.titleLineHeight
    }
    content(&svg)
    y = contentBottom + 8
    for line in footer {
      y += line.size
      svg.text(
        line.text, x: left, y: y, size: line.size, fill: line.fill, className: line.className)
      y += 5
    }
    svg.close("svg")
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.output
  }

  /// The whole document for a chart with nothing to plot: the title, a "No data" panel, and
  /// the footer.
  func noDataDocument(description: String) -> String {
    let top = contentTop + 8
    let height = 160.0
    return document(contentBottom: top + height, description: description) { svg in
      svg.rect(
        x: left, y: top, width: right - left, height: height, fill: "#F4F4F4",
        className: "no-data-panel")
      svg.text(
        "No data", x: (left + right) / 2, y: top + height / 2 + 6, size: 16, anchor: "middle",
        fill: ChartPalette.mutedText, className: "no-data")
    }
  }

  /// A valid, deterministic XML id: the caller's id with characters other than ASCII letters,
  /// digits, `-` and `_` replaced by `-`, or `tnr-KIND-HASH` from a hash of the title.
  static func identifier(_ id: String?, kind: String, title: String) -> String {
    guard let id, !id.isEmpty else {
      var hash: UInt32 = 0x811C_9DC5  // FNV-1a, 32 bits
      for byte in title.utf8 {
        hash ^= UInt32(byte)
        hash = hash &* 0x0100_0193
      }
      let hex = String(hash, radix: 16)
      return "tnr-\(kind)-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
    var result = String(
      String.UnicodeScalarView(
        id.unicodeScalars.map { scalar in
          scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
              || scalar == "-" || scalar == "_")
            ? scalar : "-"
        }))
    if let first = result.unicodeScalars.first, !first.properties.isAlphabetic || !first.isASCII {
      result = "c-" + result
    }
    return result
  }
}

/// Builds the text alternatives in the charts' `<desc>` elements. Internal.
enum ChartDescription {
  /// The most items a description lists before summarizing the rest.
  static let itemLimit = 40

  /// `items` joined with ", " (or "; " when an item contains a comma), at most ``itemLimit``
  /// of them followed by "and N more".
  static func list(_ items: [String], limit: Int = itemLimit) -> String {
    let separator = items.contains { $0.contains(",") } ? "; " : ", "
    guard items.count > limit else { return items.joined(separator: separator) }
    return items.prefix(limit).joined(separator: separator) + separator
      + "and \(items.count - limit) more"
  }
}
