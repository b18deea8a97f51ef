import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Scatter chart")
struct ScatterChartTests {
  /// Debt share and cases for the countries with cases in the bundled sample.
  static let points: [ScatterChart.Point] = [
    .init(label: "TH", x: 0.0, y: 559, name: "Thailand"),
    .init(label: "EG", x: 0.0552, y: 84, name: "Egypt"),
    .init(label: "PK", x: 0.25, y: 28, name: "Pakistan"),
    .init(label: "KH", x: 0.3413, y: 20, name: "Cambodia"),
    .init(label: "MM", x: 0.1871, y: 17, name: "Myanmar"),
    .init(label: "VN", x: 0.0131, y: 16, name: "Viet Nam"),
    .init(label: "KZ", x: 0.0557, y: 12, name: "Kazakhstan"),
    .init(label: "TR", x: 0.0077, y: 11, name: "Türkiye"),
    .init(label: "LA", x: 0.5296, y: 7, name: "Laos"),
    .init(label: "KG", x: 0.3922, y: 3, name: "Kyrgyzstan"),
    .init(label: "AO", x: 0.3123, y: 0, name: "Angola"),
  ]

  static func chart(_ scale: ScatterChart.YScale = .linear) -> ScatterChart {
    ScatterChart(
      title: "Cases and debt", points: points, xAxisTitle: "China's share of debt",
      yAxisTitle: "Persons", yScale: scale, note: "SAMPLE", source: "Source: World Bank IDS")
  }

  @Test("One circle per point, labels for positive y, a Theil–Sen trend path")
  func marks() throws {
    let chart = Self.chart()
    let root = try checkSVGDocument(chart.render(), title: "Cases and debt")
    #expect(root.all("circle", class: "point").count == 11)
    let labels = root.all("text", class: "point-label").map(\.visibleText)
    #expect(!labels.contains("AO"))
    #expect(labels.contains("TH") && labels.contains("EG"))
    #expect(root.all("text", class: "point-label-halo").map(\.visibleText) == labels)
    let trend = try #require(root.all("path", class: "trend").first)
    #expect(trend.attributes["d"]?.hasPrefix("M") == true)
    #expect(trend.attributes["stroke"] == "#D55E00")
    let line = try #require(chart.trend)
    let expected = try #require(
      TheilSenLine(x: Self.points.map(\.x), y: Self.points.map(\.y)))
    #expect(line == expected)
    let legend = try #require(root.all("text", class: "legend-label").first?.visibleText)
    #expect(
      legend.contains(
        "slope \(line.slope > 0 ? "+" : "")\(ChartNumberFormat.fixed(line.slope / 10, decimals: 2)) per 10 percentage points"
      ))
    #expect(
      root.all("g", class: "x-axis").first!.all("text", class: "tick-label").map(\.visibleText)
        == ["0%", "10%", "20%", "30%", "40%", "50%", "60%"])
    let description = descText(root)
    #expect(description.contains("Thailand: 0.0%, 559; Egypt: 5.5%, 84; Pakistan: 25.0%, 28"))
    #expect(description.contains("Theil–Sen trend"))
    #expect(root.all("circle").allSatisfy { $0.attributes["fill"] == "#0072B2" })
  }

  @Test("Point positions follow the data")
  func positions() throws {
    let root = try checkSVGDocument(Self.chart().render(), title: "Cases and debt")
    let circles = root.all("circle", class: "point")
    let thailand = circles[0]
    let angola = circles[10]
    let laos = circles[8]
    #expect(thailand.number("cy")! < angola.number("cy")!)  // higher on the page
    #expect(laos.number("cx")! > angola.number("cx")!)  // further right
    // Zero cases sit on the baseline.
    let baseline = try #require(root.all("line", class: "baseline").first)
    #expect(abs(angola.number("cy")! - baseline.number("y1")!) < 0.01)
    #expect(thailand.children.first { $0.name == "title" }?.text == "Thailand: 0.0%, 559")
  }

  @Test("Square-root and log(1 + y) scales spread the small counts and say so")
  func nonlinearScales() throws {
    let linear = try checkSVGDocument(Self.chart(.linear).render(), title: "Cases and debt")
    func height(_ root: ParsedElement, _ index: Int) -> Double {
      let baseline = root.all("line", class: "baseline").first!.number("y1")!
      return baseline - root.all("circle", class: "point")[index].number("cy")!
    }
    for scale in [ScatterChart.YScale.squareRoot, .log1p] {
      let root = try checkSVGDocument(Self.chart(scale).render(), title: "Cases and debt")
      // Egypt (84) against Thailand (559) is higher than on the linear scale.
      #expect(height(root, 1) / height(root, 0) > height(linear, 1) / height(linear, 0))
      let title = root.all("g", class: "y-axis").first!.all("text", class: "axis-title").first!
      #expect(title.visibleText.contains(scale == .squareRoot ? "square-root" : "log(1 + y)"))
      let ticks = root.all("g", class: "y-axis").first!.all("text", class: "tick-label")
        .map { Double($0.visibleText.replacingOccurrences(of: ",", with: ""))! }
      #expect(ticks.first == 0 && ticks.last == 600)
      #expect(ticks == ticks.sorted())
      // Ticks are at least 24 px apart.
      let positions = root.all("g", class: "y-axis").first!.all("text", class: "tick-label")
        .map { $0.number("y")! }
      for (a, b) in zip(positions, positions.dropFirst()) { #expect(a - b >= 23.99) }
    }
    let log = try checkSVGDocument(Self.chart(.log1p).render(), title: "Cases and debt")
    let logTicks = log.all("g", class: "y-axis").first!.all("text", class: "tick-label")
      .map(\.visibleText)
    #expect(logTicks.starts(with: ["0", "1", "2", "5", "10", "20", "50", "100"]))
  }

  @Test("Label policies: all, positive y, none")
  func labelPolicies() throws {
    var chart = Self.chart(.squareRoot)
    chart.pointLabels = .none
    #expect(
      try checkSVGDocument(chart.render(), title: chart.title).all("text", class: "point-label")
        .isEmpty)
    chart.pointLabels = .all
    let root = try checkSVGDocument(chart.render(), title: chart.title)
    #expect(root.all("text", class: "point-label").map(\.visibleText).contains("AO"))
  }

  @Test("Labels never overlap each other; crowded labels are left out and listed")
  func labelOverlap() throws {
    // 30 points on top of each other: most labels cannot be placed.
    let crowded = (0..<30).map {
      ScatterChart.Point(label: "P\($0)", x: 0.5 + Double($0) * 1e-4, y: 10)
    }
    let chart = ScatterChart(
      title: "Crowded", points: crowded, xAxisTitle: "x", yAxisTitle: "y")
    let root = try checkSVGDocument(chart.render(), title: "Crowded")
    let labels = root.all("text", class: "point-label")
    #expect(labels.count >= 1 && labels.count < 30)
    let boxes = labels.map { label -> (Double, Double, Double, Double) in
      let width = TextMetrics.width(of: label.visibleText, fontSize: 11)
      let x = label.number("x")!
      let y = label.number("y")!
      let left: Double
      switch label.attributes["text-anchor"] {
      case "end": left = x - width
      case "middle": left = x - width / 2
      default: left = x
      }
      return (left, y - 8.5, left + width, y + 2.4)
    }
    for i in boxes.indices {
      for j in boxes.indices where j > i {
        let (a, b) = (boxes[i], boxes[j])
        #expect(!(a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3), "labels \(i) and \(j) overlap")
      }
    }
    let remark = root.all("text", class: "remark").map(\.visibleText).joined(separator: " ")
    #expect(remark.contains("Labels left out where crowded"))
  }

  @Test("No points, or only non-finite ones, renders a 'No data' chart")
  func empty() throws {
    let none = ScatterChart(title: "None", points: [], xAxisTitle: "x", yAxisTitle: "y")
    var root = try checkSVGDocument(none.render(), title: "None")
    #expect(root.all("text", class: "no-data").count == 1)
    #expect(descText(root) == "Scatter plot of y against x: no data.")
    #expect(none.trend == nil)
    let bad = ScatterChart(
      title: "Bad", points: [.init(label: "A", x: .nan, y: 1)], xAxisTitle: "x", yAxisTitle: "y")
    root = try checkSVGDocument(bad.render(), title: "Bad")
    #expect(root.all("text", class: "no-data").count == 1)
    #expect(
      root.all("text", class: "warning").first?.visibleText.contains("1 point is not drawn") == true
    )
  }

  @Test("Non-finite points are left out and named; negative values are drawn")
  func nonFiniteAndNegative() throws {
    let chart = ScatterChart(
      title: "Mixed",
      points: [
        .init(label: "A", x: 0.1, y: 5), .init(label: "B", x: 0.4, y: -3),
        .init(label: "C", x: .nan, y: 2), .init(label: "D", x: 0.2, y: .infinity),
        .init(label: "E", x: 0.3, y: 9),
      ],
      xAxisTitle: "x", yAxisTitle: "y", yScale: .squareRoot)
    let root = try checkSVGDocument(chart.render(), title: "Mixed")
    #expect(root.all("circle", class: "point").count == 3)
    let warning = root.all("text", class: "warning").map(\.visibleText).joined(separator: " ")
    #expect(warning.contains("2 points are not drawn") && warning.contains("C, D"))
    #expect(descText(root).contains("C: n/a, 2"))
    #expect(descText(root).contains("D: 20.0%, n/a"))
    #expect(chart.trend == TheilSenLine(x: [0.1, 0.4, 0.3], y: [5, -3, 9]))
  }

  @Test("A single point, or points with one x value, have no trend")
  func noTrend() throws {
    let chart = ScatterChart(
      title: "One x", points: [.init(label: "A", x: 0.2, y: 1), .init(label: "B", x: 0.2, y: 4)],
      xAxisTitle: "x", yAxisTitle: "y")
    let root = try checkSVGDocument(chart.render(), title: "One x")
    #expect(root.all("path", class: "trend").isEmpty)
    #expect(
      root.all("text", class: "legend-label").first?.visibleText.contains("not defined") == true)
    var hidden = Self.chart()
    hidden.showsTrend = false
    let plain = try checkSVGDocument(hidden.render(), title: hidden.title)
    #expect(plain.all("path", class: "trend").isEmpty)
    #expect(!descText(plain).contains("Theil–Sen"))
  }

  @Test("Escaping, plain-number x axis, determinism")
  func escapingAndFormat() throws {
    var chart = ScatterChart(
      title: "Côte d'Ivoire & <test>",
      points: [
        .init(label: "Côte d'Ivoire & <test>", x: 2, y: 3), .init(label: "B", x: 5, y: 1),
      ],
      xAxisTitle: "x & y", yAxisTitle: "<y>")
    chart.xFormat = .number
    let svg = chart.render()
    #expect(svg == chart.render())
    #expect(svg.contains("Côte d&#39;Ivoire &amp; &lt;test&gt;"))
    let root = try checkSVGDocument(svg, title: "Côte d'Ivoire & <test>")
    #expect(
      root.all("text", class: "point-label").map(\.visibleText).contains("Côte d'Ivoire & <test>"))
    #expect(descText(root).contains("Côte d'Ivoire & <test>: 2.00, 3"))
    #expect(
      !root.all("g", class: "x-axis").first!.all("text", class: "tick-label")
        .contains { $0.visibleText.hasSuffix("%") })
  }
}
