#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A coefficient (forest) chart: one row per estimate, a point at the ratio and a line across
/// its confidence interval, on a logarithmic axis with a dashed reference line at 1.
///
/// Made for incidence-rate and odds ratios (exp of regression coefficients), which are
/// multiplicative: on a log axis a ratio of 2 and one of 0.5 lie equally far from 1, and an
/// interval β̂ ± 1.96·SE is symmetric around the point. Rows may carry a group (such as the
/// model), drawn as a bold heading above the group's first row.
///
/// Rows whose ratio or interval ends are not finite and positive are listed with "n/a" and
/// not drawn; with no drawable row the chart says "No data". The `<desc>` text alternative
/// lists every row ("Poisson: debt 1.36 (0.95–1.94); …").
///
/// ```swift
/// let chart = ForestChart(
///   title: "Incidence-rate ratios with 95% intervals",
///   rows: [
///     .init(label: "debt share (+10 points)", ratio: 1.36, low: 0.95, high: 1.94, group: "Poisson"),
///     .init(label: "SCO member", ratio: 0.006, low: 0.004, high: 0.009, group: "Poisson"),
///   ],
///   axisTitle: "incidence-rate ratio (log scale)")
/// let svg = chart.render()
/// ```
public struct ForestChart: SVGChart, Hashable {
  /// One estimate with its interval.
  public struct Row: Hashable, Sendable {
    /// The term, drawn left of the axis.
    public var label: String
    /// The point estimate (a ratio, > 0).
    public var ratio: Double
    /// The lower interval end (> 0).
    public var low: Double
    /// The upper interval end.
    public var high: Double
    /// The group heading the row belongs to (for example the model), or `nil`.
    public var group: String?

    /// A row.
    ///
    /// ```swift
    /// let row = ForestChart.Row(label: "SCO member", ratio: 0.5, low: 0.2, high: 1.3)
    /// ```
    ///
    /// - Parameters:
    ///   - label: The term.
    ///   - ratio: The point estimate.
    ///   - low: The lower interval end.
    ///   - high: The upper interval end.
    ///   - group: The group heading, or `nil`.
    public init(label: String, ratio: Double, low: Double, high: Double, group: String? = nil) {
      self.label = label
      self.ratio = ratio
      self.low = low
      self.high = high
      self.group = group
    }

    var isDrawable: Bool {
      [ratio, low, high].allSatisfy { $0.isFinite && $0 > 0 }
    }
  }

  /// The title at the top of the chart, also its accessible name.
  public var title: String
  /// The rows, top to bottom.
  public var rows: [Row]
  /// The title of the ratio axis.
  public var axisTitle: String
  /// A line below the chart, e.g. a caveat; nil for none.
  public var note: String?
  /// A citation line below the note; nil for none.
  public var source: String?
  /// The width in pixels (clamped to 320...4000); the height follows from the rows.
  public var width: Int = 720
  /// The prefix of the ids of the `<title>` and `<desc>` elements; nil for one derived from
  /// the title.
  public var id: String?

  /// A forest chart.
  ///
  /// ```swift
  /// let chart = ForestChart(title: "Ratios", rows: rows, axisTitle: "IRR (log scale)")
  /// ```
  ///
  /// - Parameters:
  ///   - title: The chart title.
  ///   - rows: The estimates, top to bottom.
  ///   - axisTitle: The title of the ratio axis.
  ///   - note: An optional caveat line.
  ///   - source: An optional citation line.
  public init(
    title: String, rows: [Row], axisTitle: String, note: String? = nil, source: String? = nil
  ) {
    self.title = title
    self.rows = rows
    self.axisTitle = axisTitle
    self.note = note
    self.source = source
  }

  /// The tick values of a log axis covering `low...high`: powers of ten, with 2 and 5 between
  /// them when the range spans at most two decades.
  static func logTicks(_ low: Double, _ high: Double) -> [Double] {
    let first = Int(log10(low).rounded(.down))
    let last = max(Int(log10(high).rounded(.up)), first + 1)
    let dense = last - first <= 2
    var ticks: [Double] = []
    for exponent in first...last {
      let decade = pow(10, Double(exponent))
      ticks.append(decade)
      if dense && exponent < last {
        ticks.append(2 * decade)
        ticks.append(5 * decade)
      }
    }
    return ticks
  }

  /// A ratio as text: plain with up to 3 significant decimals between 0.001 and 10⁶, else in
  /// e-notation ("1.2e8").
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return ChartNumberFormat.notAvailable }
    if value != 0 && (value < 0.001 || value >= 1e6) {
      let exponent = Int(log10(value).rounded(.down))
      let mantissa = value / pow(10, Double(exponent))
      let text = ChartNumberFormat.trimmed(mantissa, maximumDecimals: 1)
      if text == "10" { return "1e" + String(exponent + 1) }
      return text + "e" + String(exponent)
    }
    let decimals = value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : value >= 0.1 ? 3 : 4
    return ChartNumberFormat.trimmed(value, maximumDecimals: decimals)
  }

  /// Renders the chart as a standalone SVG 1.1 document.
  ///
  /// Each drawn row is a `<line class="interval">` and a `<circle class="estimate">` with a
  /// tooltip; the reference line at 1 is `<line class="reference">`.
  ///
  /// - Returns: The SVG document.
  /// - Complexity: O(n) for n rows.
  public func render() -> String {
    let frame = ChartFrame(
      width: width, id: id, kind: "forest-chart", title: title, note: note, source: source)
    func rowText(_ row: Row) -> String {
      let prefix = row.group.map { "\($0): " } ?? ""
      guard row.isDrawable else { return prefix + row.label + " n/a" }
      return prefix + row.label + " " + Self.format(row.ratio) + " (" + Self.format(row.low)
        + "–" + Self.format(row.high) + ")"
    }
    let drawable = rows.filter(\.isDrawable)
    let description =
      rows.isEmpty
      ? "Forest chart of \(axisTitle): no data."
      : "Forest chart of \(axisTitle) with intervals, log scale, \(rows.count) "
        + (rows.count == 1 ? "row" : "rows") + ": "
        + ChartDescription.list(rows.map(rowText)) + "."
    guard !drawable.isEmpty else { return frame.noDataDocument(description: description) }

    let labelSize = 13.0
    let valueSize = 12.0
    let lowest = min(drawable.map(\.low).min()!, 1)
    let highest = max(drawable.map(\.high).max()!, 1)
    let ticks = Self.logTicks(lowest, highest)
    let logLow = log10(ticks.first!)
    let logHigh = log10(ticks.last!)
    let valueTexts = rows.map { row in
      row.isDrawable
        ? Self.format(row.ratio) + " [" + Self.format(row.low) + ", " + Self.format(row.high) + "]"
        : ChartNumberFormat.notAvailable
    }
    let longestLabel = rows.map { TextMetrics.width(of: $0.label, fontSize: labelSize) }.max() ?? 0
    let labelColumn = min(longestLabel, frame.width * 0.3)
    let valueColumn = min(
      (valueTexts.map { TextMetrics.width(of: $0, fontSize: valueSize) }.max() ?? 0) + 12,
      frame.width * 0.3)
    let plotLeft = frame.left + labelColumn + 12
    let plotRight = max(frame.right - valueColumn, plotLeft + 80)
    func x(_ value: Double) -> Double {
      plotLeft + (log10(value) - logLow) / (logHigh - logLow) * (plotRight - plotLeft)
    }
    let band = 24.0
    var lines: [(row: Row?, heading: String?, text: String?)] = []
    var group: String? = nil
    for (row, text) in zip(rows, valueTexts) {
      if let heading = row.group, heading != group {
        lines.append((nil, heading, nil))
      }
      group = row.group
      lines.append((row, nil, text))
    }
    let plotTop = frame.contentTop + 10
    let plotBottom = plotTop + Double(lines.count) * band
    let contentBottom = plotBottom + 44

    return frame.document(contentBottom: contentBottom, description: description) { svg in
      svg.open("g", [("class", "grid")])
      for tick in ticks {
        svg.line(x1: x(tick), y1: plotTop, x2: x(tick), y2: plotBottom, stroke: ChartPalette.grid)
      }
      svg.close("g")
      svg.open("g", [("class", "axis value-axis")])
      for tick in ticks {
        svg.text(
          Self.format(tick), x: x(tick), y: plotBottom + 16, size: 12, anchor: "middle",
          fill: ChartPalette.mutedText, className: "tick-label")
      }
      svg.text(
        axisTitle, x: (plotLeft + plotRight) / 2, y: plotBottom + 36, size: 13,
        anchor: "middle", className: "axis-title")
      svg.close("g")
      svg.line(
        x1: x(1), y1: plotTop, x2: x(1), y2: plotBottom, stroke: ChartPalette.axis,
        className: "reference", extra: [("stroke-dasharray", "4 3")])
      svg.open("g", [("class", "rows")])
      for (index, line) in lines.enumerated() {
        let middle = plotTop + (Double(index) + 0.5) * band
        if let heading = line.heading {
          svg.text(
            heading, x: frame.left, y: middle + 4.5, size: labelSize, weight: "bold",
            className: "group-label")
          continue
        }
        guard let row = line.row else { continue }
        let shown = TextMetrics.truncate(row.label, toWidth: labelColumn, fontSize: labelSize)
        svg.text(
          shown, x: plotLeft - 12, y: middle + 4.5, size: labelSize, anchor: "end",
          className: "row-label", tooltip: shown == row.label ? nil : row.label)
        svg.text(
          line.text ?? "", x: plotRight + 12, y: middle + 4, size: valueSize,
          fill: row.isDrawable ? ChartPalette.text : ChartPalette.mutedText,
          className: row.isDrawable ? "value-label" : "value-label missing")
        guard row.isDrawable else { continue }
        svg.line(
          x1: x(row.low), y1: middle, x2: x(row.high), y2: middle, stroke: ChartPalette.primary,
          width: 2, className: "interval")
        svg.element(
          "circle",
          [
            ("class", "estimate"), ("cx", SVGWriter.number(x(row.ratio))),
            ("cy", SVGWriter.number(middle)), ("r", "4.5"), ("fill", ChartPalette.primary),
            ("stroke", ChartPalette.background), ("stroke-width", "1"),
          ],
          tooltip: rowText(row))
      }
      svg.close("g")
    }
  }
}
