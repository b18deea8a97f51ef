import Foundation
import Testing

@testable import TransnationalRepression

@Suite("HTML page")
struct HTMLPageTests {
  @Test("The page holds every chart as inline SVG, tables, notes and the sources")
  func content() throws {
    let page = ChartExamples.page
    let html = page.render()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</html>\n"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("<title>Transnational repression of Uyghurs: sample report</title>"))
    // Each chart is inlined without its XML declaration, and parses as XML on its own.
    #expect(!html.contains("<?xml"))
    let svgs = Self.inlineSVGs(html)
    #expect(svgs.count == 3)
    for (svg, title) in zip(
      svgs,
      [
        ChartExamples.barChart.title, ChartExamples.stackedChart.title,
        ChartExamples.scatterChart(.squareRoot).title,
      ])
    {
      let root = try parseXML(svg)
      #expect(root.children.first?.text == title)
    }
    // Chart ids are distinct on the page.
    let ids = svgs.compactMap { try? parseXML($0).attributes["aria-labelledby"] }
    #expect(Set(ids).count == 3)
    #expect(
      html.contains(
        "<figcaption>Figure 1. Persons detained or returned, by host country.</figcaption>"))
    #expect(html.contains("<p class=\"note\">Bundled SAMPLE"))
    #expect(html.contains("host country &amp; year &lt;sample&gt;."))
    #expect(html.contains("<th scope=\"col\" class=\"number\">Persons</th>"))
    #expect(html.contains("<td class=\"number\">559</td>"))
    #expect(html.contains("<caption>Top five host countries</caption>"))
    #expect(html.contains("<pre>Statistic"))
    #expect(html.contains("<footer>\n<h2>Sources</h2>"))
    #expect(html.components(separatedBy: "<section>").count - 1 == 3)
    #expect(html.components(separatedBy: "</section>").count - 1 == 3)
  }

  @Test("No scripts and no external references outside the source citations")
  func selfContained() {
    let html = ChartExamples.page.render()
    let lower = html.lowercased()
    #expect(!lower.contains("<script"))
    #expect(!lower.contains("<link"))
    #expect(!lower.contains("<img"))
    #expect(!lower.contains("<iframe"))
    #expect(!lower.contains("src="))
    #expect(!lower.contains("href="))
    #expect(!lower.contains("@import"))
    #expect(!lower.contains("url("))
    // Every "http" is the SVG namespace name or inside a citation (a chart's source line or
    // the footer).
    var rest = html[...]
    while let range = rest.range(of: "http") {
      let before = html[..<range.lowerBound]
      let lineStart = before.lastIndex(of: "\n").map { html.index(after: $0) } ?? html.startIndex
      let line = html[lineStart..<(html[range.lowerBound...].firstIndex(of: "\n") ?? html.endIndex)]
      let allowed =
        line.contains("xmlns=\"http://www.w3.org/2000/svg\"") || line.contains("class=\"source\"")
        || line.hasPrefix("<li>")
      #expect(allowed, "unexpected reference: \(line)")
      rest = html[range.upperBound...]
    }
  }

  @Test("Text is escaped everywhere and ragged table rows are padded")
  func escaping() {
    let evil = "Côte d'Ivoire & <script>alert(1)</script>"
    let page = HTMLPage(
      title: evil,
      subtitle: evil,
      sections: [
        .init(
          heading: evil,
          blocks: [
            .paragraph(evil), .note(evil), .preformatted(evil),
            .table(header: [evil, "n"], rows: [[evil, "1"], ["x"]], caption: evil),
            .figure(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", caption: evil),
          ])
      ],
      sources: [evil])
    let html = page.render()
    #expect(!html.lowercased().contains("<script"))
    #expect(html.components(separatedBy: "Côte d&#39;Ivoire &amp; &lt;script&gt;").count - 1 == 12)
    #expect(html.contains("<tr><td>x</td><td class=\"number\"></td></tr>"))
    #expect(html.contains("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"))
  }

  @Test("Rendering is deterministic; an empty page is still a page")
  func determinism() {
    #expect(ChartExamples.page.render() == ChartExamples.page.render())
    var page = HTMLPage(title: "Empty")
    #expect(page.render().contains("<main>\n</main>"))
    #expect(!page.render().contains("<footer>"))
    page.append(.init(heading: "One"))
    page.language = "fr"
    #expect(page.render().contains("<h2>One</h2>"))
    #expect(page.render().contains("<html lang=\"fr\">"))
  }

  /// The `<svg …>…</svg>` elements of a page.
  static func inlineSVGs(_ html: String) -> [String] {
    var result: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>") {
      result.append(String(rest[start.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    return result
  }
}
