/// A horizontal bar chart: one labelled bar per category, such as cases by host country.
///
/// Bars are drawn in the order given (sort the data first for a ranked chart), each with its
/// value at its end, against a value axis with 1-2-5 ticks and vertical gridlines. Long labels
/// are shortened with "…" and keep their full text in a tooltip. The `<desc>` text
/// alternative lists the bars and values in order ("Thailand 559, Egypt 84, …", the first 40
/// and a count of the rest).
///
/// **Values that are not counts.** Negative values are drawn leftwards from a zero baseline,
/// and the axis extends below zero to show them. NaN and infinite values draw no bar; their
/// row says "n/a", and the description says "n/a" too. With no bars, the chart says
/// "No data".
///
/// ```swift
/// var chart = BarChart(
///   title: "Persons detained or returned, by host country",
///   bars: [("Thailand", 559), ("Egypt", 84), ("Pakistan", 28)],
///   valueAxisTitle: "Persons",
///   note: "Bundled SAMPLE of 81 documented events — not the Oxus/UHRP dataset",
///   source: "Source: Oxus Society / UHRP China's Transnational Repression of Uyghurs dataset")
/// chart.width = 640
/// let svg = chart.render()
/// ```
public struct BarChart: SVGChart, Hashable {
  /// One bar: a category label and its value.
  public struct Bar: Hashable, Sendable {
    /// The category, drawn to the left of the bar.
    public var label: String
    /// The bar's length; see ``BarChart`` for negative and non-finite values.
    public var value: Double

    /// A bar.
    ///
    /// ```swift
    /// let bar = BarChart.Bar(label: "Thailand", value: 559)
    /// ```
    ///
    /// - Parameters:
    ///   - label: The category.
    ///   - value: The value.
    /// - Complexity: O(1).
    public init(label: String, value: Double) {
      self.label = label
      self.value = value
    }
  }

  /// The title at the top of the chart, also its accessible name.
  public var title: String
  /// The bars, top to bottom.
  public var bars: [Bar]
  /// The title of the value axis, below the tick labels.
  public var valueAxisTitle: String
  /// A line below the chart, e.g. a caveat about the data; nil for none.
  public var note: String?
  /// A citation line below the note; nil for none.
  public var source: String?
  /// The width in pixels (clamped to 320...4000); the height follows from the number of bars.
  public var width: Int = 720
  /// Decimals in the value labels and the description; nil (the default) for 0 when every
  /// value is a whole number and 2 otherwise.
  public var valueDecimals: Int?
  /// The prefix of the ids of the `<title>` and `<desc>` elements; nil (the default) for one
  /// derived from the title. Set distinct ids for charts with the same title on one page.
  public var id: String?

  /// A bar chart of labelled values.
  ///
  /// ```swift
  /// let chart = BarChart(title: "Cases", bars: [("Thailand", 559)], valueAxisTitle: "Persons")
  /// ```
  ///
  /// - Parameters:
  ///   - title: The chart title.
  ///   - bars: The categories and values, top to bottom.
  ///   - valueAxisTitle: The title of the value axis.
  ///   - note: An optional caveat line.
  ///   - source: An optional citation line.
  /// - Complexity: O(n) for n bars.
  public init(
    title: String, bars: [(label: String, value: Double)], valueAxisTitle: String,
    note: String? = nil, source: String? = nil
  ) {
    self.title = title
    self.bars = bars.map { Bar(label: $0.label, value: $0.value) }
    self.valueAxisTitle = valueAxisTitle
    self.note = note
    self.source = source
  }

  /// Renders the chart as a standalone SVG 1.1 document.
  ///
  /// Each bar is a `<rect class="bar">`; non-finite values have no rect.
  ///
  /// ```swift
  /// try chart.render().write(toFile: "/tmp/bars.svg", atomically: true, encoding: .utf8)
  /// ```
  ///
  /// - Returns: The SVG document.
  /// - Complexity: O(n) for n bars, plus the length of the labels.
  public func render() -> String {
    let frame = ChartFrame(
      width: width, id: id, kind: "bar-chart", title: title, note: note, source: source)
    let decimals = valueDecimals ?? ChartNumberFormat.automaticDecimals(for: bars.map(\.value))
    func format(_ value: Double, grouping: Bool = true) -> String {
      ChartNumberFormat.fixed(value, decimals: decimals, grouping: grouping)
    }
    let description: String
    if bars.isEmpty {
      description = "Bar chart of \(valueAxisTitle): no data."
    } else {
      description =
        "Horizontal bar chart of \(valueAxisTitle), \(bars.count) "
        + (bars.count == 1 ? "bar" : "bars") + ": "
        + ChartDescription.list(bars.map { "\($0.label) \(format($0.value))" }) + "."
    }
    guard !bars.isEmpty else {
      return frame.noDataDocument(description: description)
    }

    // Horizontal layout: labels | negative value labels | plot | positive value labels.
    let labelSize = 13.0
    let valueSize = 12.0
    let finite = bars.map(\.value).filter(\.isFinite)
    let minimum = min(finite.min() ?? 0, 0)
    let maximum = max(finite.max() ?? 0, 0)
    let longestLabel = bars.map { TextMetrics.width(of: $0.label, fontSize: labelSize) }.max() ?? 0
    let labelColumn = min(longestLabel, frame.width * 0.32)
    let positiveRoom =
      (bars.filter { !($0.value < 0) }.map {
        TextMetrics.width(of: format($0.value), fontSize: valueSize)
      }.max() ?? 0) + 8
    let negativeRoom =
      minimum < 0
      ? (bars.filter { $0.value < 0 }.map {
        TextMetrics.width(of: format($0.value), fontSize: valueSize)
      }.max() ?? 0) + 8 : 0
    let plotLeft = frame.left + labelColumn + 10 + negativeRoom
    let plotRight = max(frame.right - positiveRoom, plotLeft + 60)
    let ticks = NiceTicks(
      covering: minimum, maximum,
      targetCount: NiceTicks.targetCount(length: plotRight - plotLeft, spacing: 90))
    func x(_ value: Double) -> Double {
      plotLeft + (value - ticks.lower) / (ticks.upper - ticks.lower) * (plotRight - plotLeft)
    }
    let band = bars.count <= 40 ? 26.0 : 20.0
    let barHeight = (band * 0.66).rounded()
    let plotTop = frame.contentTop + 10
    let plotBottom = plotTop + Double(bars.count) * band
    let contentBottom = plotBottom + 44

    return frame.document(contentBottom: contentBottom, description: description) { svg in
      svg.open("g", [("class", "grid")])
      for tick in ticks.values {
        svg.line(
          x1: x(tick), y1: plotTop, x2: x(tick), y2: plotBottom, stroke: ChartPalette.grid)
      }
      svg.close("g")
      svg.open("g", [("class", "axis value-axis")])
      for (tick, label) in zip(ticks.values, ticks.labels()) {
        svg.text(
          label, x: x(tick), y: plotBottom + 16, size: 12, anchor: "middle",
          fill: ChartPalette.mutedText, className: "tick-label")
      }
      svg.text(
        valueAxisTitle, x: (plotLeft + plotRight) / 2, y: plotBottom + 36, size: 13,
        anchor: "middle", className: "axis-title")
      svg.close("g")
      svg.open("g", [("class", "bars")])
      for (row, bar) in bars.enumerated() {
        let top = plotTop + Double(row) * band + (band - barHeight) / 2
        let middle = top + barHeight / 2 + 4.5
        let shown = TextMetrics.truncate(bar.label, toWidth: labelColumn, fontSize: labelSize)
        svg.text(
          shown, x: plotLeft - 10 - negativeRoom, y: middle, size: labelSize, anchor: "end",
          className: "bar-label", tooltip: shown == bar.label ? nil : bar.label)
        guard bar.value.isFinite else {
          svg.text(
            ChartNumberFormat.notAvailable, x: x(0) + 4, y: middle, size: valueSize,
            fill: ChartPalette.mutedText, className: "value-label missing")
          continue
        }
        let start = min(x(0), x(bar.value))
        let end = max(x(0), x(bar.value))
        svg.rect(
          x: start, y: top, width: end - start, height: barHeight, fill: ChartPalette.primary,
          className: "bar", tooltip: "\(bar.label): \(format(bar.value))")
        let negative = bar.value < 0
        svg.text(
          format(bar.value), x: negative ? start - 4 : end + 4, y: middle, size: valueSize,
          anchor: negative ? "end" : "start", className: "value-label")
      }
      svg.close("g")
      svg.line(
        x1: x(0), y1: plotTop, x2: x(0), y2: plotBottom, stroke: ChartPalette.axis,
        className: "baseline")
    }
  }
}
