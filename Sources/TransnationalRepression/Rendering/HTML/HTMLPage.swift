import Foundation

/// A self-contained HTML5 report page: a title, sections of headings, paragraphs, notes,
/// preformatted text, tables and inline SVG charts, and a footer listing the sources.
///
/// The page has no external resources — the CSS is inline, there are no scripts, fonts or
/// images to fetch — so it can be opened offline, attached to an e-mail or archived as is.
/// All text is escaped; only the SVG of ``Block/figure(svg:caption:)`` is inserted as given
/// (its XML declaration removed), so pass SVG from a trusted renderer such as the charts.
/// Table columns whose cells are all numbers are right-aligned, as in ``TextTable``. The
/// output is deterministic: no dates or random ids are added.
///
/// ```swift
/// var page = HTMLPage(title: "Transnational repression: sample report")
/// page.append(HTMLPage.Section(heading: "Host countries", blocks: [
///   .note("Bundled SAMPLE of 81 documented events — not the Oxus/UHRP dataset"),
///   .paragraph("Persons detained or returned, by host country."),
///   .table(header: ["Host", "Persons"], rows: [["Thailand", "559"], ["Egypt", "84"]]),
///   .chart(barChart, caption: "Figure 1. Persons by host country."),
/// ]))
/// page.sources = ["Oxus Society & UHRP, China's Transnational Repression of Uyghurs dataset."]
/// let html = page.render()
/// ```
public struct HTMLPage: Hashable, Sendable {
  /// A piece of section content.
  public enum Block: Hashable, Sendable {
    /// A paragraph of text.
    case paragraph(String)
    /// A highlighted paragraph, e.g. a caveat that the data is a sample.
    case note(String)
    /// Preformatted text in a monospaced font, e.g. a ``TextTable`` rendering.
    case preformatted(String)
    /// A table: the column titles, the rows of cells, and an optional caption.
    case table(header: [String], rows: [[String]], caption: String? = nil)
    /// An SVG document inlined as a figure, with an optional caption.
    case figure(svg: String, caption: String? = nil)

    /// A figure holding a rendered chart.
    ///
    /// ```swift
    /// let block = HTMLPage.Block.chart(barChart, caption: "Figure 1.")
    /// ```
    ///
    /// - Parameters:
    ///   - chart: The chart, rendered now.
    ///   - caption: An optional caption under the chart.
    /// - Returns: A ``figure(svg:caption:)`` block.
    /// - Complexity: That of the chart's `render()`.
    public static func chart(_ chart: some SVGChart, caption: String? = nil) -> Block {
      .figure(svg: chart.render(), caption: caption)
    }
  }

  /// A section: an `<h2>` heading and its content.
  public struct Section: Hashable, Sendable {
    /// The heading.
    public var heading: String
    /// The content, in order.
    public var blocks: [Block]

    /// A section.
    ///
    /// ```swift
    /// let section = HTMLPage.Section(heading: "Method", blocks: [.paragraph("…")])
    /// ```
    ///
    /// - Parameters:
    ///   - heading: The heading.
    ///   - blocks: The content.
    /// - Complexity: O(1).
    public init(heading: String, blocks: [Block] = []) {
      self.heading = heading
      self.blocks = blocks
    }
  }

  /// The page title: the `<title>` and the `<h1>`.
  public var title: String
  /// An optional line under the `<h1>`.
  public var subtitle: String?
  /// The sections, in order.
  public var sections: [Section]
  /// The sources cited in the footer, in order; none gives no footer list.
  public var sources: [String]
  /// The page language (`<html lang>`), "en" by default.
  public var language: String = "en"

  /// A page.
  ///
  /// ```swift
  /// let page = HTMLPage(title: "Report", sections: [], sources: ["World Bank IDS 2024"])
  /// ```
  ///
  /// - Parameters:
  ///   - title: The page title.
  ///   - subtitle: An optional line under the title.
  ///   - sections: The sections.
  ///   - sources: The sources for the footer.
  /// - Complexity: O(1).
  public init(
    title: String, subtitle: String? = nil, sections: [Section] = [], sources: [String] = []
  ) {
    self.title = title
    self.subtitle = subtitle
    self.sections = sections
    self.sources = sources
  }

  /// Adds a section at the end.
  ///
  /// ```swift
  /// page.append(.init(heading: "Years", blocks: [.chart(timeSeries)]))
  /// ```
  ///
  /// - Parameter section: The section.
  /// - Complexity: Amortized O(1).
  public mutating func append(_ section: Section) {
    sections.append(section)
  }

  /// Renders the page as an HTML5 document.
  ///
  /// ```swift
  /// try page.render().write(toFile: "report.html", atomically: true, encoding: .utf8)
  /// ```
  ///
  /// - Returns: The document, starting with `<!DOCTYPE html>` and ending with a line feed.
  /// - Complexity: O(n) in the size of the content.
  public func render() -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="\(Markup.escape(language))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Markup.escape(title))</title>
      <style>
      \(Self.styleSheet)
      </style>
      </head>
      <body>
      <header>
      <h1>\(Markup.escape(title))</h1>

      """
    if let subtitle { html += "<p class=\"subtitle\">\(Markup.escape(subtitle))</p>\n" }
    html += "</header>\n<main>\n"
    for section in sections {
      html += "<section>\n<h2>\(Markup.escape(section.heading))</h2>\n"
      for block in section.blocks { html += Self.render(block) }
      html += "</section>\n"
    }
    html += "</main>\n"
    if !sources.isEmpty {
      html += "<footer>\n<h2>Sources</h2>\n<ol class=\"sources\">\n"
      for source in sources { html += "<li>\(Markup.escape(source))</li>\n" }
      html += "</ol>\n</footer>\n"
    }
    html += "</body>\n</html>\n"
    return html
  }

  private static func render(_ block: Block) -> String {
    switch block {
    case .paragraph(let text):
      return "<p>\(Markup.escape(text))</p>\n"
    case .note(let text):
      return "<p class=\"note\">\(Markup.escape(text))</p>\n"
    case .preformatted(let text):
      return "<pre>\(Markup.escape(text))</pre>\n"
    case .table(let header, let rows, let caption):
      return table(header: header, rows: rows, caption: caption)
    case .figure(let svg, let caption):
      var html = "<figure>\n" + inlineSVG(svg)
      if let caption { html += "<figcaption>\(Markup.escape(caption))</figcaption>\n" }
      return html + "</figure>\n"
    }
  }

  private static func table(header: [String], rows: [[String]], caption: String?) -> String {
    let columns = max(header.count, rows.map(\.count).max() ?? 0)
    func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }
    let numeric = (0..<columns).map { column in
      !rows.isEmpty
        && rows.allSatisfy { row in
          let text = cell(row, column).replacingOccurrences(of: ",", with: "")
          return text.isEmpty || Double(text) != nil
            || (text.hasSuffix("%") && Double(text.dropLast()) != nil)
        }
    }
    func attributes(_ column: Int) -> String { numeric[column] ? " class=\"number\"" : "" }
    var html = "<div class=\"table-wrap\">\n<table>\n"
    if let caption { html += "<caption>\(Markup.escape(caption))</caption>\n" }
    html += "<thead>\n<tr>"
    for column in 0..<columns {
      html += "<th scope=\"col\"\(attributes(column))>\(Markup.escape(cell(header, column)))</th>"
    }
    html += "</tr>\n</thead>\n<tbody>\n"
    for row in rows {
      html += "<tr>"
      for column in 0..<columns {
        html += "<td\(attributes(column))>\(Markup.escape(cell(row, column)))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n</div>\n"
  }

  /// The SVG without its XML declaration, which has no place inside HTML.
  private static func inlineSVG(_ svg: String) -> String {
    var text = Substring(svg)
    if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
      text = text[end.upperBound...]
    }
    while let first = text.first, first.isWhitespace { text = text.dropFirst() }
    return text.hasSuffix("\n") ? String(text) : String(text) + "\n"
  }

  private static let styleSheet = """
    :root { color-scheme: light; }
    body { margin: 0; padding: 24px 16px 48px; background: #fff; color: #1a1a1a;
      font: 16px/1.5 Helvetica, Arial, sans-serif; }
    header, main, footer { max-width: 960px; margin: 0 auto; }
    h1 { font-size: 1.8em; line-height: 1.2; margin: 0 0 0.3em; }
    h2 { font-size: 1.35em; margin: 1.6em 0 0.5em; border-bottom: 1px solid #ddd;
      padding-bottom: 0.2em; }
    .subtitle { color: #4d4d4d; margin-top: 0; }
    p.note { background: #fff4e0; border-left: 4px solid #e69f00; padding: 0.5em 0.8em; }
    pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.85em;
      line-height: 1.35; }
    .table-wrap { overflow-x: auto; margin: 1em 0; }
    table { border-collapse: collapse; font-size: 0.9em; }
    caption { text-align: left; font-weight: bold; padding-bottom: 0.4em; }
    th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.8em; text-align: left;
      vertical-align: top; }
    th { border-bottom: 2px solid #333; }
    th.number, td.number { text-align: right; font-variant-numeric: tabular-nums; }
    figure { margin: 1.2em 0; }
    figure svg { display: block; max-width: 100%; height: auto; }
    figcaption { color: #4d4d4d; font-size: 0.9em; margin-top: 0.4em; }
    footer { margin-top: 2em; color: #4d4d4d; font-size: 0.9em; }
    footer ol { padding-left: 1.4em; }
    @media print { body { padding: 0; } figure, table { break-inside: avoid; } }
    """
}
