import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Stacked time-series chart")
struct StackedTimeSeriesChartTests {
  static func chart() throws -> StackedTimeSeriesChart {
    try StackedTimeSeriesChart(
      title: "Events by year", years: [2017, 2018, 2019, 2020],
      series: [
        .init(name: "Intimidation", values: [4, 9, 0, 6]),
        .init(name: "Detention", values: [12, 30, 8, 0]),
        .init(name: "Extradition", values: [1, 0, 2, 0]),
      ],
      valueAxisTitle: "Events", note: "SAMPLE", source: "Source: test")
  }

  @Test("One group per series, one segment per positive value, a legend and totals")
  func marks() throws {
    let root = try checkSVGDocument(try Self.chart().render(), title: "Events by year")
    let groups = root.all("g", class: "series")
    #expect(groups.count == 3)
    #expect(groups.map { $0.all("rect", class: "segment").count } == [3, 3, 2])
    #expect(groups.map { $0.attributes["fill"] } == ["#0072B2", "#E69F00", "#009E73"])
    #expect(
      root.all("text", class: "legend-label").map(\.visibleText)
        == ["Intimidation", "Detention", "Extradition"])
    #expect(root.all("rect", class: "legend-swatch").count == 3)
    #expect(root.all("text", class: "total-label").map(\.visibleText) == ["17", "39", "10", "6"])
    let yearLabels = root.all("g", class: "year-axis").first?.all("text", class: "tick-label")
    #expect(yearLabels?.map(\.visibleText) == ["2017", "2018", "2019", "2020"])
    #expect(Set(root.all("text", class: "axis-title").map(\.visibleText)) == ["Events", "Year"])
    let description = descText(root)
    #expect(description.contains("2017–2020"))
    #expect(description.contains("Totals by year: 2017 17, 2018 39, 2019 10, 2020 6."))
    #expect(description.contains("Extradition: 2017 1, 2019 2 (other years 0)."))
    #expect(description.contains("Detention: 2017 12, 2018 30, 2019 8 (other years 0)."))
  }

  @Test("Segments stack: each column's top is the total's height")
  func stacking() throws {
    let root = try checkSVGDocument(try Self.chart().render(), title: "Events by year")
    let segments = root.all("rect", class: "segment")
    var columns: [String: [ParsedElement]] = [:]
    for segment in segments { columns[segment.attributes["x"]!, default: []].append(segment) }
    #expect(columns.count == 4)
    for column in columns.values {
      // Consecutive segments touch: each one's top is the next one's bottom.
      for (lower, upper) in zip(column, column.dropFirst()) {
        #expect(abs(lower.number("y")! - (upper.number("y")! + upper.number("height")!)) < 0.02)
      }
    }
    // The heights are proportional to the values: 30 (Detention 2018) is 2.5 × 12 (2017).
    let detention = root.all("g", class: "series")[1].all("rect", class: "segment")
    let ratio = detention[1].number("height")! / detention[0].number("height")!
    #expect(abs(ratio - 2.5) < 0.01)
  }

  @Test("Years must be consecutive and every series must have one value per year")
  func validation() {
    #expect(throws: ChartDataError.self) {
      try StackedTimeSeriesChart(
        title: "t", years: [2019, 2021], series: [.init(name: "a", values: [1, 2])],
        valueAxisTitle: "n")
    }
    do {
      _ = try StackedTimeSeriesChart(
        title: "t", years: [2019, 2020], series: [.init(name: "Detention", values: [1])],
        valueAxisTitle: "n")
      Issue.record("expected an error")
    } catch {
      #expect(error.seriesName == "Detention")
      #expect(error.description == "series \"Detention\" has 1 values for 2 years")
    }
    do {
      _ = try StackedTimeSeriesChart(
        title: "t", years: [2019, 2021], series: [], valueAxisTitle: "n")
      Issue.record("expected an error")
    } catch {
      #expect(error.index == 1)
      #expect(error.description == "years must be consecutive: 2021 at index 1 should be 2020")
    }
  }

  @Test("Values keyed by year fill the missing years with zeros")
  func byYear() throws {
    let chart = StackedTimeSeriesChart(
      title: "t", seriesByYear: [("Detention", [2017: 12, 2020: 8]), ("Extradition", [2018: 1])],
      valueAxisTitle: "n")
    #expect(chart.years == [2017, 2018, 2019, 2020])
    #expect(chart.series.map(\.values) == [[12, 0, 0, 8], [0, 1, 0, 0]])
    let root = try checkSVGDocument(chart.render(), title: "t")
    #expect(root.all("rect", class: "segment").count == 3)
  }

  @Test("No years or no series renders a 'No data' chart")
  func empty() throws {
    let noYears = StackedTimeSeriesChart(title: "Empty", seriesByYear: [], valueAxisTitle: "n")
    let root = try checkSVGDocument(noYears.render(), title: "Empty")
    #expect(root.all("text", class: "no-data").count == 1)
    #expect(descText(root).hasSuffix("no data."))
    let noSeries = try StackedTimeSeriesChart(
      title: "Empty", years: [2020], series: [], valueAxisTitle: "n")
    #expect(
      try checkSVGDocument(noSeries.render(), title: "Empty").all("text", class: "no-data").count
        == 1)
  }

  @Test("Negative and non-finite values are drawn as zero, left out of totals, and reported")
  func invalidValues() throws {
    let chart = try StackedTimeSeriesChart(
      title: "Bad", years: [2020, 2021],
      series: [.init(name: "a", values: [-3, 5]), .init(name: "b", values: [.nan, 2])],
      valueAxisTitle: "n")
    let root = try checkSVGDocument(chart.render(), title: "Bad")
    #expect(root.all("rect", class: "segment").count == 2)
    #expect(root.all("text", class: "total-label").map(\.visibleText) == ["7"])
    let warning = root.all("text", class: "warning").map(\.visibleText).joined(separator: " ")
    #expect(warning.contains("2 values are negative or not a number"))
    #expect(descText(root).contains("2 values are negative or not a number"))
    #expect(descText(root).contains("a: 2020 -3, 2021 5."))
  }

  @Test("Year labels thin out when there are many years; escaping; determinism")
  func manyYears() throws {
    let years = Array(1990...2025)
    let chart = try StackedTimeSeriesChart(
      title: "Long & <wide>", years: years,
      series: [.init(name: "Côte d'Ivoire & <test>", values: years.map { Double($0 % 7) })],
      valueAxisTitle: "n")
    let svg = chart.render()
    #expect(svg == chart.render())
    let root = try checkSVGDocument(svg, title: "Long & <wide>")
    let labels = root.all("g", class: "year-axis").first!.all("text", class: "tick-label")
      .map(\.visibleText)
    #expect(labels.count < years.count && labels.count >= 4)
    #expect(labels.allSatisfy { Int($0)! % 2 == 0 || Int($0)! % 5 == 0 })
    #expect(root.all("text", class: "legend-label").first?.visibleText == "Côte d'Ivoire & <test>")
    #expect(svg.contains("Côte d&#39;Ivoire &amp; &lt;test&gt;"))
  }
}
