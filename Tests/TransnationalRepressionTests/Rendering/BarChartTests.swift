import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Bar chart")
struct BarChartTests {
  static let hosts: [(label: String, value: Double)] = [
    ("Thailand", 559), ("Egypt", 84), ("Pakistan", 28), ("Cambodia", 20),
  ]

  @Test("One bar per value, with labels, values, ticks and axis title")
  func marks() throws {
    let chart = BarChart(
      title: "Cases by host country", bars: Self.hosts, valueAxisTitle: "Persons",
      note: "Bundled SAMPLE of 60 documented events — not the Oxus/UHRP dataset",
      source: "Source: Oxus Society & UHRP")
    let root = try checkSVGDocument(chart.render(), title: "Cases by host country")
    let bars = root.all("rect", class: "bar")
    #expect(bars.count == 4)
    // Longer values, longer bars; all start at the zero baseline.
    let widths = bars.compactMap { $0.number("width") }
    #expect(widths == widths.sorted(by: >))
    #expect(Set(bars.compactMap { $0.number("x") }).count == 1)
    #expect(
      root.all("text", class: "bar-label").map(\.visibleText)
        == ["Thailand", "Egypt", "Pakistan", "Cambodia"])
    #expect(root.all("text", class: "value-label").map(\.visibleText) == ["559", "84", "28", "20"])
    #expect(
      root.all("text", class: "tick-label").map(\.visibleText)
        == ["0", "100", "200", "300", "400", "500", "600"])
    #expect(root.all("line").count >= 7)  // gridlines and the baseline
    #expect(root.all("text", class: "axis-title").map(\.visibleText) == ["Persons"])
    #expect(root.all("text", class: "note").first?.visibleText.contains("SAMPLE") == true)
    #expect(root.all("text", class: "source").first?.visibleText == "Source: Oxus Society & UHRP")
    #expect(
      descText(root)
        == "Horizontal bar chart of Persons, 4 bars: Thailand 559, Egypt 84, Pakistan 28, "
        + "Cambodia 20.")
    // Colour: Okabe–Ito blue.
    #expect(bars.allSatisfy { $0.attributes["fill"] == "#0072B2" })
  }

  @Test("Labels and titles with markup characters are escaped")
  func escaping() throws {
    let label = "Côte d'Ivoire & <test>"
    let chart = BarChart(
      title: "A \"quoted\" & <odd> title", bars: [(label, 3)], valueAxisTitle: "<n>",
      note: "a & b", source: "c < d")
    let svg = chart.render()
    #expect(svg.contains("Côte d&#39;Ivoire &amp; &lt;test&gt;"))
    #expect(!svg.contains("<test>"))
    let root = try checkSVGDocument(svg, title: "A \"quoted\" & <odd> title")
    #expect(root.all("text", class: "bar-label").first?.visibleText == label)
    #expect(descText(root).contains("Côte d'Ivoire & <test> 3"))
    #expect(root.all("text", class: "axis-title").first?.visibleText == "<n>")
  }

  @Test("No bars renders a 'No data' chart")
  func empty() throws {
    let chart = BarChart(title: "Nothing", bars: [], valueAxisTitle: "Persons", note: "note")
    let root = try checkSVGDocument(chart.render(), title: "Nothing")
    #expect(root.all("rect", class: "bar").isEmpty)
    #expect(root.all("text", class: "no-data").first?.visibleText == "No data")
    #expect(descText(root) == "Bar chart of Persons: no data.")
    #expect(root.all("text", class: "note").count == 1)
  }

  @Test("All-zero values draw zero-width bars on a 0–1 axis")
  func allZero() throws {
    let chart = BarChart(title: "Zeros", bars: [("A", 0), ("B", 0)], valueAxisTitle: "n")
    let root = try checkSVGDocument(chart.render(), title: "Zeros")
    #expect(root.all("rect", class: "bar").compactMap { $0.number("width") } == [0, 0])
    #expect(root.all("text", class: "tick-label").last?.visibleText == "1.0")
  }

  @Test("NaN and infinite values draw no bar and read n/a; negatives go left of zero")
  func nonFiniteAndNegative() throws {
    let chart = BarChart(
      title: "Mixed", bars: [("up", 10), ("missing", .nan), ("down", -4), ("inf", .infinity)],
      valueAxisTitle: "change")
    let root = try checkSVGDocument(chart.render(), title: "Mixed")
    let bars = root.all("rect", class: "bar")
    #expect(bars.count == 2)
    let baseline = try #require(root.all("line", class: "baseline").first?.number("x1"))
    let up = try #require(bars.first)
    let down = try #require(bars.last)
    #expect(abs(up.number("x")! - baseline) < 0.01)
    #expect(abs(down.number("x")! + down.number("width")! - baseline) < 0.01)
    #expect(root.all("text", class: "missing").map(\.visibleText) == ["n/a", "n/a"])
    #expect(descText(root).contains("missing n/a"))
    #expect(descText(root).contains("down -4"))
    let ticks = root.all("text", class: "tick-label").map { Double($0.visibleText)! }
    #expect(ticks.first! <= -4 && ticks.contains(0) && ticks.last! >= 10)
  }

  @Test("Fractional values get two decimals unless told otherwise")
  func decimals() throws {
    var chart = BarChart(title: "Rates", bars: [("A", 0.4321), ("B", 1.5)], valueAxisTitle: "r")
    var root = try checkSVGDocument(chart.render(), title: "Rates")
    #expect(root.all("text", class: "value-label").map(\.visibleText) == ["0.43", "1.50"])
    chart.valueDecimals = 1
    root = try checkSVGDocument(chart.render(), title: "Rates")
    #expect(root.all("text", class: "value-label").map(\.visibleText) == ["0.4", "1.5"])
  }

  @Test("Long labels are shortened with the full text kept as a tooltip; long data is summarized")
  func longData() throws {
    let bars = (1...60).map {
      (label: "Country number \($0) with a very long official name", value: Double($0))
    }
    let chart = BarChart(title: "Many", bars: bars, valueAxisTitle: "n")
    let root = try checkSVGDocument(chart.render(), title: "Many")
    #expect(root.all("rect", class: "bar").count == 60)
    let label = try #require(root.all("text", class: "bar-label").first)
    #expect(label.visibleText.hasSuffix("…"))
    #expect(label.children.first { $0.name == "title" }?.text == bars[0].label)
    #expect(descText(root).hasSuffix("and 20 more."))
  }

  @Test("Rendering is deterministic and ids can be set")
  func determinism() throws {
    var chart = BarChart(title: "Same", bars: Self.hosts, valueAxisTitle: "n")
    #expect(chart.render() == chart.render())
    #expect(
      chart.render() == BarChart(title: "Same", bars: Self.hosts, valueAxisTitle: "n").render())
    chart.id = "figure-1"
    let root = try checkSVGDocument(chart.render(), title: "Same")
    #expect(root.attributes["aria-labelledby"] == "figure-1-title figure-1-desc")
    chart.width = 480
    let narrow = try checkSVGDocument(chart.render(), title: "Same")
    #expect(narrow.attributes["width"] == "480")
  }
}
