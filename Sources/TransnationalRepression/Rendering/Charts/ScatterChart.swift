#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A scatter plot of labelled points with a robust trend line, such as documented cases (y)
/// against China's share of a country's external public debt (x).
///
/// Each point is a circle with a tooltip; points with y > 0 are labelled by default (see
/// ``PointLabels``), with labels placed around their point so that they overlap neither
/// markers nor other labels — a label that does not fit anywhere is left out, and a line under
/// the chart lists those points. The trend line is the ``TheilSenLine`` (median of pairwise
/// slopes, Theil 1950; Sen 1968) fitted to the data on its original scale and drawn over the
/// range of the x values; a legend line states its slope. The x values are shown as
/// percentages by default (``XFormat/percent``: 0.25 is 25%).
///
/// **Vertical scale.** The default is ``YScale/linear``, which keeps distances honest. When one
/// point dominates — in the bundled sample, Thailand's 559 persons against fewer than 100
/// everywhere else — ``YScale/squareRoot`` reads best: it keeps zero at the bottom and
/// spreads out the small counts while the large one stays visibly largest; ``YScale/log1p``
/// (log(1 + y)) spreads them further. A non-linear scale is named in the axis title, and its
/// ticks are round numbers (1-2-5 and the linear ticks) spaced at least 24 pixels apart.
///
/// **Values that are not counts.** Points with a NaN or infinite coordinate are not drawn and a
/// warning line under the chart names them; the description lists them as "n/a". Negative
/// values are drawn; the non-linear scales are applied symmetrically (−√|y|, −log(1 + |y|)).
/// With no points, the chart says "No data".
///
/// **Size.** The chart is meant for up to a few hundred points (one per country): the trend
/// line keeps all n(n − 1)/2 pairwise slopes, about 20,000 for 200 points.
///
/// The `<desc>` text alternative lists the points from the largest y down ("Thailand: 27.0%,
/// 559; Egypt: 2.0%, 84; …", the first 40 and a count of the rest) and the trend's slope and
/// intercept.
///
/// ```swift
/// var chart = ScatterChart(
///   title: "Cases and China's share of external public debt",
///   points: [
///     .init(label: "TH", x: 0.27, y: 559, name: "Thailand"),
///     .init(label: "EG", x: 0.02, y: 84, name: "Egypt"),
///     .init(label: "KH", x: 0.48, y: 20, name: "Cambodia"),
///   ],
///   xAxisTitle: "China's share of external public debt",
///   yAxisTitle: "Persons detained or returned",
///   yScale: .squareRoot)
/// chart.trend?.slope   // cases per unit of debt share
/// let svg = chart.render()
/// ```
public struct ScatterChart: SVGChart, Hashable {
  /// One point.
  public struct Point: Hashable, Sendable {
    /// The short label drawn next to the point, e.g. a country code.
    public var label: String
    /// The horizontal value (a fraction when the x axis shows percentages).
    public var x: Double
    /// The vertical value.
    public var y: Double
    /// The full name used in the tooltip and the description; nil to use ``label``.
    public var name: String?

    /// A point.
    ///
    /// ```swift
    /// let thailand = ScatterChart.Point(label: "TH", x: 0.27, y: 559, name: "Thailand")
    /// ```
    ///
    /// - Parameters:
    ///   - label: The short label drawn on the chart.
    ///   - x: The horizontal value.
    ///   - y: The vertical value.
    ///   - name: The full name for the tooltip and description.
    /// - Complexity: O(1).
    public init(label: String, x: Double, y: Double, name: String? = nil) {
      self.label = label
      self.x = x
      self.y = y
      self.name = name
    }
  }

  /// How vertical values map to heights.
  public enum YScale: Hashable, Sendable {
    /// Height proportional to y (the default).
    case linear
    /// Height proportional to √y; compresses a dominant value while keeping zero at zero.
    case squareRoot
    /// Height proportional to log(1 + y); defined at zero, compresses large values most.
    case log1p
  }

  /// How horizontal values are written.
  public enum XFormat: Hashable, Sendable {
    /// Fractions written as percentages: 0.25 is "25%" (the default).
    case percent
    /// Plain numbers.
    case number
  }

  /// Which points get a text label.
  public enum PointLabels: Hashable, Sendable {
    /// Every point.
    case all
    /// Points with y > 0 (the default): with counts, the countries that have cases.
    case positiveY
    /// No point; the tooltips and the description still name them.
    case none
  }

  /// The title at the top of the chart, also its accessible name.
  public var title: String
  /// The points.
  public var points: [Point]
  /// The title of the horizontal axis.
  public var xAxisTitle: String
  /// The title of the vertical axis.
  public var yAxisTitle: String
  /// The vertical scale; ``YScale/linear`` by default.
  public var yScale: YScale
  /// How x values are written; ``XFormat/percent`` by default.
  public var xFormat: XFormat = .percent
  /// Which points are labelled; ``PointLabels/positiveY`` by default.
  public var pointLabels: PointLabels = .positiveY
  /// Whether to draw the Theil–Sen trend line and its legend; true by default.
  public var showsTrend = true
  /// A line below the chart, e.g. a caveat about the data; nil for none.
  public var note: String?
  /// A citation line below the note; nil for none.
  public var source: String?
  /// The width in pixels (clamped to 320...4000).
  public var width: Int = 720
  /// The height of the plotting area in pixels (clamped to 120...2000).
  public var plotHeight: Int = 400
  /// Decimals for y values in tooltips and the description; nil (the default) for 0 when
  /// every y is a whole number and 2 otherwise.
  public var valueDecimals: Int?
  /// The prefix of the ids of the `<title>` and `<desc>` elements; nil (the default) for one
  /// derived from the title.
  public var id: String?

  /// A scatter chart.
  ///
  /// ```swift
  /// let chart = ScatterChart(
  ///   title: "Cases and debt", points: [.init(label: "TH", x: 0.27, y: 559)],
  ///   xAxisTitle: "China's share of debt", yAxisTitle: "Cases")
  /// ```
  ///
  /// - Parameters:
  ///   - title: The chart title.
  ///   - points: The points.
  ///   - xAxisTitle: The title of the horizontal axis.
  ///   - yAxisTitle: The title of the vertical axis.
  ///   - yScale: The vertical scale.
  ///   - note: An optional caveat line.
  ///   - source: An optional citation line.
  /// - Complexity: O(1), plus copying the points.
  public init(
    title: String, points: [Point], xAxisTitle: String, yAxisTitle: String,
    yScale: YScale = .linear, note: String? = nil, source: String? = nil
  ) {
    self.title = title
    self.points = points
    self.xAxisTitle = xAxisTitle
    self.yAxisTitle = yAxisTitle
    self.yScale = yScale
    self.note = note
    self.source = source
  }

  /// The Theil–Sen line through the drawable points (``TheilSenLine/InterceptMethod/joint``
  /// intercept), or nil when fewer than two of them have different x values.
  ///
  /// ```swift
  /// if let trend = chart.trend { print(trend.slope * 0.1, "cases per 10 percentage points") }
  /// ```
  ///
  /// - Complexity: O(n² log n) for n points.
  public var trend: TheilSenLine? {
    let drawable = points.filter { $0.x.isFinite && $0.y.isFinite }
    return TheilSenLine(x: drawable.map(\.x), y: drawable.map(\.y))
  }

  /// Renders the chart as a standalone SVG 1.1 document.
  ///
  /// Each drawn point is a `<circle class="point">`, labels are `<text class="point-label">`
  /// (each after a white halo copy), and the trend is a `<path class="trend">`.
  ///
  /// ```swift
  /// let svg = chart.render()
  /// ```
  ///
  /// - Returns: The SVG document.
  /// - Complexity: O(n² log n) for n points (the trend line dominates; label placement is
  ///   O(n²) in the worst case).
  public func render() -> String {
    let drawable = points.filter { $0.x.isFinite && $0.y.isFinite }
    let missing = points.filter { !($0.x.isFinite && $0.y.isFinite) }
    let decimals = valueDecimals ?? ChartNumberFormat.automaticDecimals(for: points.map(\.y))
    let xScaleFactor = xFormat == .percent ? 100.0 : 1.0
    func formatY(_ value: Double) -> String {
      ChartNumberFormat.fixed(value, decimals: decimals, grouping: true)
    }
    func formatX(_ value: Double) -> String {
      xFormat == .percent
        ? ChartNumberFormat.percent(value, decimals: 1)
        : ChartNumberFormat.fixed(value, decimals: 2, grouping: true)
    }
    func name(_ point: Point) -> String { point.name ?? point.label }
    let line = showsTrend ? trend : nil
    let trendText = showsTrend ? trendSentence(line) : nil
    var warnings: [String] = []
    if !missing.isEmpty {
      warnings.append(
        "\(missing.count) "
          + (missing.count == 1 ? "point is" : "points are")
          + " not drawn because a value is missing or not finite: "
          + ChartDescription.list(missing.map(name), limit: 10) + ".")
    }
    let description = describe(
      drawable: drawable, missing: missing, trendText: trendText,
      item: { "\(name($0)): \(formatX($0.x)), \(formatY($0.y))" })
    guard !drawable.isEmpty else {
      let frame = ChartFrame(
        width: width, id: id, kind: "scatter-chart", title: title, note: note, source: source,
        warnings: warnings)
      return frame.noDataDocument(description: description)
    }

    // Scales.
    let layoutFrame = ChartFrame(
      width: width, id: id, kind: "scatter-chart", title: title, note: nil, source: nil)
    let xs = drawable.map { $0.x * xScaleFactor }
    let ys = drawable.map(\.y)
    let plotTop = layoutFrame.contentTop + 12
    let plotBottom = plotTop + Double(min(max(plotHeight, 120), 2000))
    let yLinear = NiceTicks(
      covering: min(ys.min()!, 0), max(ys.max()!, 0),
      targetCount: NiceTicks.targetCount(length: plotBottom - plotTop, spacing: 60))
    let transform = yScale
    func forward(_ value: Double) -> Double {
      switch transform {
      case .linear: return value
      case .squareRoot: return value < 0 ? -(-value).squareRoot() : value.squareRoot()
      case .log1p: return value < 0 ? -logOnePlus(-value) : logOnePlus(value)
      }
    }
    let yLow = forward(yLinear.lower)
    let yHigh = forward(yLinear.upper)
    func y(_ value: Double) -> Double {
      plotBottom - (forward(value) - yLow) / (yHigh - yLow) * (plotBottom - plotTop)
    }
    let yTicks: [(value: Double, label: String)]
    if yScale == .linear {
      yTicks = Array(zip(yLinear.values, yLinear.labels()))
    } else {
      yTicks = Self.nonlinearTicks(linear: yLinear, position: y).map {
        ($0, ChartNumberFormat.trimmed($0, maximumDecimals: 6))
      }
    }
    let yTickWidth = yTicks.map { TextMetrics.width(of: $0.label, fontSize: 12) }.max() ?? 0
    let plotLeft = layoutFrame.left + 20 + yTickWidth + 8
    let plotRight = layoutFrame.right - 8
    let xTicks = NiceTicks(
      covering: min(xs.min()!, 0), max(xs.max()!, 0),
      targetCount: NiceTicks.targetCount(length: plotRight - plotLeft, spacing: 90))
    func x(_ value: Double) -> Double {
      plotLeft + (value * xScaleFactor - xTicks.lower) / (xTicks.upper - xTicks.lower)
        * (plotRight - plotLeft)
    }
    let xTickLabels = xTicks.labels().map { xFormat == .percent ? $0 + "%" : $0 }

    // Labels, most prominent point first.
    let radius = 4.5
    let labelSize = 11.0
    let order = drawable.indices.sorted {
      drawable[$0].y != drawable[$1].y ? drawable[$0].y > drawable[$1].y : $0 < $1
    }
    var placer = LabelPlacer(
      bounds: .init(minX: plotLeft, minY: plotTop, maxX: plotRight, maxY: plotBottom),
      markers: drawable.map { (x($0.x), y($0.y)) }, radius: radius, fontSize: labelSize)
    var placements: [(text: String, placement: LabelPlacer.Placement)] = []
    var omitted: [String] = []
    for index in order {
      let point = drawable[index]
      let wanted: Bool
      switch pointLabels {
      case .all: wanted = true
      case .positiveY: wanted = point.y > 0
      case .none: wanted = false
      }
      guard wanted else { continue }
      let text = TextMetrics.truncate(point.label, toWidth: 120, fontSize: labelSize)
      if let placement = placer.place(text, x: x(point.x), y: y(point.y)) {
        placements.append((text, placement))
      } else {
        omitted.append(point.label)
      }
    }
    var remarks: [String] = []
    if !omitted.isEmpty {
      remarks.append(
        "Labels left out where crowded: " + ChartDescription.list(omitted, limit: 10)
          + " (see tooltips and the text description).")
    }
    let frame = ChartFrame(
      width: width, id: id, kind: "scatter-chart", title: title, note: note, source: source,
      warnings: warnings, remarks: remarks)

    // The trend over the x range of the data, clipped to the vertical axis.
    var trendPath: String?
    if let line, let lowX = drawable.map(\.x).min(), let highX = drawable.map(\.x).max(),
      lowX < highX
    {
      var start = lowX
      var end = highX
      if line.slope != 0 {
        let atLower = (yLinear.lower - line.intercept) / line.slope
        let atUpper = (yLinear.upper - line.intercept) / line.slope
        start = max(start, min(atLower, atUpper))
        end = min(end, max(atLower, atUpper))
      }
      if start < end, line.slope != 0 || (yLinear.lower...yLinear.upper).contains(line.intercept) {
        let steps = yScale == .linear ? 1 : 64
        trendPath = (0...steps).map { step in
          let value = start + (end - start) * Double(step) / Double(steps)
          let clamped = min(max(line.value(at: value), yLinear.lower), yLinear.upper)
          return (step == 0 ? "M" : "L") + SVGWriter.number(x(value)) + " "
            + SVGWriter.number(y(clamped))
        }.joined(separator: " ")
      }
    }

    let scaleName: String
    switch yScale {
    case .linear: scaleName = ""
    case .squareRoot: scaleName = " (square-root scale)"
    case .log1p: scaleName = " (log(1 + y) scale)"
    }
    let contentBottom = plotBottom + (trendText == nil ? 44 : 64)

    return frame.document(contentBottom: contentBottom, description: description) { svg in
      svg.open("g", [("class", "grid")])
      for tick in yTicks {
        svg.line(
          x1: plotLeft, y1: y(tick.value), x2: plotRight, y2: y(tick.value),
          stroke: ChartPalette.grid)
      }
      for tick in xTicks.values {
        let position = x(tick / xScaleFactor)
        svg.line(
          x1: position, y1: plotTop, x2: position, y2: plotBottom, stroke: ChartPalette.grid)
      }
      svg.close("g")
      svg.open("g", [("class", "axis y-axis")])
      for tick in yTicks {
        svg.text(
          tick.label, x: plotLeft - 6, y: y(tick.value) + 4, size: 12, anchor: "end",
          fill: ChartPalette.mutedText, className: "tick-label")
      }
      let middle = (plotTop + plotBottom) / 2
      svg.text(
        yAxisTitle + scaleName, x: frame.left + 12, y: middle, size: 13, anchor: "middle",
        className: "axis-title",
        extra: [
          (
            "transform",
            "rotate(-90 \(SVGWriter.number(frame.left + 12)) \(SVGWriter.number(middle)))"
          )
        ])
      svg.close("g")
      svg.open("g", [("class", "axis x-axis")])
      for (tick, label) in zip(xTicks.values, xTickLabels) {
        svg.text(
          label, x: x(tick / xScaleFactor), y: plotBottom + 17, size: 12, anchor: "middle",
          fill: ChartPalette.mutedText, className: "tick-label")
      }
      svg.text(
        xAxisTitle, x: (plotLeft + plotRight) / 2, y: plotBottom + 37, size: 13,
        anchor: "middle", className: "axis-title")
      svg.close("g")
      svg.line(
        x1: plotLeft, y1: y(0), x2: plotRight, y2: y(0), stroke: ChartPalette.axis,
        className: "baseline")
      if let trendPath {
        svg.element(
          "path",
          [
            ("class", "trend"), ("d", trendPath), ("fill", "none"),
            ("stroke", ChartPalette.accent), ("stroke-width", "2"),
            ("stroke-dasharray", "7 4"),
          ],
          tooltip: trendText)
      }
      svg.open("g", [("class", "points")])
      for point in drawable {
        svg.element(
          "circle",
          [
            ("class", "point"), ("cx", SVGWriter.number(x(point.x))),
            ("cy", SVGWriter.number(y(point.y))), ("r", SVGWriter.number(radius)),
            ("fill", ChartPalette.primary), ("fill-opacity", "0.75"),
            ("stroke", ChartPalette.background), ("stroke-width", "1"),
          ],
          tooltip: "\(name(point)): \(formatX(point.x)), \(formatY(point.y))")
      }
      svg.close("g")
      svg.open("g", [("class", "point-labels")])
      for (text, placement) in placements {
        // A white outline copy first, so labels stay legible over gridlines and the trend;
        // done with two elements because `paint-order` is not in SVG 1.1.
        svg.text(
          text, x: placement.x, y: placement.y, size: labelSize, anchor: placement.anchor,
          fill: ChartPalette.background, className: "point-label-halo",
          extra: [
            ("stroke", ChartPalette.background), ("stroke-width", "3"),
            ("stroke-linejoin", "round"), ("aria-hidden", "true"),
          ])
        svg.text(
          text, x: placement.x, y: placement.y, size: labelSize, anchor: placement.anchor,
          className: "point-label")
      }
      svg.close("g")
      if let trendText {
        let legendY = plotBottom + 58
        svg.open("g", [("class", "legend")])
        var textX = plotLeft
        if trendPath != nil {
          svg.line(
            x1: plotLeft, y1: legendY - 4, x2: plotLeft + 28, y2: legendY - 4,
            stroke: ChartPalette.accent, width: 2, className: "legend-trend",
            extra: [("stroke-dasharray", "7 4")])
          textX += 36
        }
        let shown = TextMetrics.truncate(trendText, toWidth: frame.right - textX, fontSize: 12)
        svg.text(
          shown, x: textX, y: legendY, size: 12, className: "legend-label",
          tooltip: shown == trendText ? nil : trendText)
        svg.close("g")
      }
    }
  }

  /// The trend legend: slope (per 10 percentage points for percentages) and intercept.
  private func trendSentence(_ line: TheilSenLine?) -> String {
    guard let line else {
      return "Theil–Sen trend: not defined (needs two points with different x values)."
    }
    func signed(_ value: Double) -> String {
      let text = ChartNumberFormat.fixed(value, decimals: 2, grouping: true)
      return value > 0 && text != "0.00" ? "+" + text : text
    }
    let slope =
      xFormat == .percent
      ? "\(signed(line.slope / 10)) per 10 percentage points"
      : "\(signed(line.slope)) per unit of x"
    return "Theil–Sen trend (median of pairwise slopes): slope \(slope), intercept "
      + ChartNumberFormat.fixed(line.intercept, decimals: 2, grouping: true) + "."
  }

  private func describe(
    drawable: [Point], missing: [Point], trendText: String?, item: (Point) -> String
  ) -> String {
    guard !points.isEmpty else {
      return "Scatter plot of \(yAxisTitle) against \(xAxisTitle): no data."
    }
    let sorted = drawable.enumerated().sorted {
      $0.element.y != $1.element.y ? $0.element.y > $1.element.y : $0.offset < $1.offset
    }.map(\.element)
    var text =
      "Scatter plot of \(yAxisTitle) (vertical) against \(xAxisTitle) (horizontal), "
      + "\(drawable.count) " + (drawable.count == 1 ? "point" : "points")
      + ", largest first: " + ChartDescription.list((sorted + missing).map(item)) + "."
    if let trendText { text += " " + trendText }
    return text
  }

  /// Ticks for a non-linear scale: zero, the ends, the linear ticks, then ±10^k, ±5 × 10^k and
  /// ±2 × 10^k (largest first within each), each taken when at least 24 pixels from every tick
  /// already taken.
  static func nonlinearTicks(linear: NiceTicks, position: (Double) -> Double) -> [Double] {
    let minimumGap = 24.0
    var candidates = [linear.lower, linear.upper]
    if linear.lower < 0 && linear.upper > 0 { candidates.insert(0, at: 0) }
    candidates += linear.values
    let largest = max(linear.upper.magnitude, linear.lower.magnitude)
    for mantissa in [1.0, 5.0, 2.0] {
      var progression: [Double] = []
      var exponent = -(linear.decimals + 2)
      while ChartNumberFormat.power10Signed(exponent) <= largest {
        let magnitude = mantissa * ChartNumberFormat.power10Signed(exponent)
        if magnitude <= largest { progression += [magnitude, -magnitude] }
        exponent += 1
      }
      candidates += progression.reversed()
    }
    var kept: [Double] = []
    for candidate in candidates
    where candidate >= linear.lower && candidate <= linear.upper && !kept.contains(candidate) {
      let here = position(candidate)
      if kept.allSatisfy({ abs(position($0) - here) >= minimumGap }) { kept.append(candidate) }
    }
    return kept.sorted()
  }
}

/// log(1 + value) from the C library, named apart from ``ScatterChart/YScale/log1p``.
private func logOnePlus(_ value: Double) -> Double {
  log1p(value)
}
