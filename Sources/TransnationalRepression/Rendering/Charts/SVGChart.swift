/// A chart that renders itself as a standalone SVG document.
///
/// ``BarChart``, ``StackedTimeSeriesChart`` and ``ScatterChart`` conform. Every chart's SVG
/// is an SVG 1.1 document with `xmlns`, `width`, `height` and `viewBox`; it is accessible
/// (`role="img"` and `aria-labelledby` naming its `<title>` and a `<desc>` that states the
/// data), uses the colour-blind-safe Okabe–Ito palette, and is deterministic: the same chart
/// always renders to the same bytes, whatever the locale. Styling is done with presentation
/// attributes rather than a `<style>` sheet, so an SVG inlined in an HTML page cannot restyle
/// the page or another chart.
///
/// ```swift
/// let chart = BarChart(
///   title: "Cases by host country", bars: [("Thailand", 559), ("Egypt", 84)],
///   valueAxisTitle: "Persons detained or returned")
/// let page = HTMLPage(
///   title: "Report", sections: [.init(heading: "Hosts", blocks: [.chart(chart)])])
/// ```
public protocol SVGChart: Sendable {
  /// The chart's title, drawn at its top and used as its accessible name.
  var title: String { get }

  /// Renders the chart as a standalone SVG document.
  ///
  /// - Returns: The SVG document, starting with an XML declaration.
  /// - Complexity: Depends on the chart; linear in the data for bar and stacked charts.
  func render() -> String
}
