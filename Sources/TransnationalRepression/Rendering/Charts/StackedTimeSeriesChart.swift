/// Stacked columns by year: one column per year, split into one coloured segment per series
/// (for example intimidation, detention and extradition events).
///
/// The first series sits at the bottom of each stack; the legend lists the series in the same
/// order. Years are consecutive, and every series has one value per year (give missing years
/// as zero, or use ``init(title:seriesByYear:valueAxisTitle:yearAxisTitle:note:source:)``,
/// which fills them in). Year labels are thinned to every 2nd, 5th or 10th year when they
/// would not fit; column totals are printed above the columns when they fit. Colours are the
/// Okabe–Ito palette, with thin white gaps between segments; beyond eight series the colours
/// repeat.
///
/// The `<desc>` text alternative gives the totals by year and, for each series, its nonzero
/// years ("Detention: 2017 12, 2018 30 (other years 0)"), up to 40 items per list.
///
/// **Values that are not counts.** A stack cannot show negative parts, so negative, NaN and
/// infinite values are drawn as zero and left out of the totals, and a warning line under the
/// chart (and the description) says how many there were. With no years or no series, the
/// chart says "No data".
///
/// ```swift
/// let chart = try StackedTimeSeriesChart(
///   title: "Documented events by year",
///   years: [2017, 2018, 2019],
///   series: [
///     .init(name: "Intimidation", values: [4, 9, 6]),
///     .init(name: "Detention", values: [12, 30, 8]),
///     .init(name: "Extradition", values: [1, 0, 2]),
///   ],
///   valueAxisTitle: "Events")
/// let svg = chart.render()
/// ```
public struct StackedTimeSeriesChart: SVGChart, Hashable {
  /// One series: a name for the legend and one value per year.
  public struct Series: Hashable, Sendable {
    /// The name shown in the legend.
    public var name: String
    /// The values, one per year, in year order.
    public var values: [Double]

    /// A series.
    ///
    /// ```swift
    /// let detention = StackedTimeSeriesChart.Series(name: "Detention", values: [12, 30, 8])
    /// ```
    ///
    /// - Parameters:
    ///   - name: The legend name.
    ///   - values: One value per year.
    /// - Complexity: O(1).
    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// The title at the top of the chart, also its accessible name.
  public var title: String
  /// The consecutive years, one column each.
  public private(set) var years: [Int]
  /// The series, bottom of the stack first; each has one value per year.
  public private(set) var series: [Series]
  /// The title of the vertical axis.
  public var valueAxisTitle: String
  /// The title of the horizontal axis, "Year" by default.
  public var yearAxisTitle: String
  /// A line below the chart, e.g. a caveat about the data; nil for none.
  public var note: String?
  /// A citation line below the note; nil for none.
  public var source: String?
  /// The width in pixels (clamped to 320...4000).
  public var width: Int = 720
  /// The height of the plotting area in pixels (clamped to 120...2000).
  public var plotHeight: Int = 300
  /// Decimals in the totals and the description; nil (the default) for 0 when every value is
  /// a whole number and 2 otherwise.
  public var valueDecimals: Int?
  /// The prefix of the ids of the `<title>` and `<desc>` elements; nil (the default) for one
  /// derived from the title.
  public var id: String?

  /// A stacked column chart of series over consecutive years.
  ///
  /// ```swift
  /// let chart = try StackedTimeSeriesChart(
  ///   title: "Events", years: [2019, 2020],
  ///   series: [.init(name: "Detention", values: [3, 5])], valueAxisTitle: "Events")
  /// ```
  ///
  /// - Parameters:
  ///   - title: The chart title.
  ///   - years: Consecutive, increasing years (may be empty).
  ///   - series: The series, bottom of the stack first, each with `years.count` values.
  ///   - valueAxisTitle: The title of the vertical axis.
  ///   - yearAxisTitle: The title of the horizontal axis.
  ///   - note: An optional caveat line.
  ///   - source: An optional citation line.
  /// - Throws: ``ChartDataError`` when the years are not consecutive or a series has the wrong
  ///   number of values.
  /// - Complexity: O(years × series).
  public init(
    title: String, years: [Int], series: [Series], valueAxisTitle: String,
    yearAxisTitle: String = "Year", note: String? = nil, source: String? = nil
  ) throws(ChartDataError) {
    for index in years.indices.dropFirst() where years[index] != years[index - 1] + 1 {
      throw ChartDataError(
        .yearsNotConsecutive(index: index, expected: years[index - 1] + 1, found: years[index]))
    }
    for one in series where one.values.count != years.count {
      throw ChartDataError(
        .seriesLength(series: one.name, expected: years.count, found: one.values.count))
    }
    self.title = title
    self.years = years
    self.series = series
    self.valueAxisTitle = valueAxisTitle
    self.yearAxisTitle = yearAxisTitle
    self.note = note
    self.source = source
  }

  /// A stacked column chart from values keyed by year: the years run from the earliest to the
  /// latest year in any series, and years a series lacks count as zero.
  ///
  /// ```swift
  /// let chart = StackedTimeSeriesChart(
  ///   title: "Events",
  ///   seriesByYear: [("Detention", [2017: 12, 2019: 8]), ("Extradition", [2018: 1])],
  ///   valueAxisTitle: "Events")
  /// chart.years   // [2017, 2018, 2019]
  /// ```
  ///
  /// - Parameters:
  ///   - title: The chart title.
  ///   - seriesByYear: The series, bottom of the stack first, each a name and values by year.
  ///   - valueAxisTitle: The title of the vertical axis.
  ///   - yearAxisTitle: The title of the horizontal axis.
  ///   - note: An optional caveat line.
  ///   - source: An optional citation line.
  /// - Complexity: O(years × series).
  public init(
    title: String, seriesByYear: [(name: String, values: [Int: Double])],
    valueAxisTitle: String, yearAxisTitle: String = "Year", note: String? = nil,
    source: String? = nil
  ) {
    let allYears = seriesByYear.flatMap(\.values.keys)
    let years = allYears.min().map { Array($0...allYears.max()!) } ?? []
    self.title = title
    self.years = years
    self.series = seriesByYear.map { one in
      Series(name: one.name, values: years.map { one.values[$0] ?? 0 })
    }
    self.valueAxisTitle = valueAxisTitle
    self.yearAxisTitle = yearAxisTitle
    self.note = note
    self.source = source
  }

  /// Renders the chart as a standalone SVG 1.1 document.
  ///
  /// Each series is a `<g class="series">` holding one `<rect class="segment">` per year with a
  /// positive value (zero, negative and non-finite values draw nothing).
  ///
  /// ```swift
  /// let svg = chart.render()
  /// ```
  ///
  /// - Returns: The SVG document.
  /// - Complexity: O(years × series).
  public func render() -> String {
    let drawn = series.map { $0.values.map { $0.isFinite && $0 > 0 ? $0 : 0 } }
    let invalidCount = series.reduce(0) { count, one in
      count + one.values.filter { !($0.isFinite && $0 >= 0) }.count
    }
    let warnings =
      invalidCount == 0
      ? []
      : [
        "\(invalidCount) "
          + (invalidCount == 1 ? "value is" : "values are")
          + " negative or not a number: drawn as 0 and left out of the totals."
      ]
    let frame = ChartFrame(
      width: width, id: id, kind: "stacked-time-series-chart", title: title, note: note,
      source: source, warnings: warnings)
    let decimals =
      valueDecimals ?? ChartNumberFormat.automaticDecimals(for: series.flatMap(\.values))
    func format(_ value: Double) -> String {
      ChartNumberFormat.fixed(value, decimals: decimals, grouping: true)
    }
    let totals = years.indices.map { index in drawn.reduce(0) { $0 + $1[index] } }
    let description = describe(totals: totals, format: format, warning: warnings.first)
    guard !years.isEmpty, !series.isEmpty else {
      return frame.noDataDocument(description: description)
    }

    // Legend rows under the title.
    let legendSize = 13.0
    var legend: [(x: Double, y: Double, name: String)] = []
    var cursor = frame.left
    var legendY = frame.contentTop + 4
    for one in series {
      let name = TextMetrics.truncate(one.name, toWidth: frame.width / 2, fontSize: legendSize)
      let itemWidth = 18 + TextMetrics.width(of: name, fontSize: legendSize)
      if cursor > frame.left && cursor + itemWidth > frame.right {
        cursor = frame.left
        legendY += 20
      }
      legend.append((cursor, legendY, name))
      cursor += itemWidth + 18
    }

    let plotTop = legendY + 34
    let plotBottom = plotTop + Double(min(max(plotHeight, 120), 2000))
    let ticks = NiceTicks(
      covering: 0, totals.max() ?? 0,
      targetCount: NiceTicks.targetCount(length: plotBottom - plotTop, spacing: 60))
    let tickLabels = ticks.labels()
    let tickWidth = tickLabels.map { TextMetrics.width(of: $0, fontSize: 12) }.max() ?? 0
    let plotLeft = frame.left + 20 + tickWidth + 8
    let plotRight = frame.right - 4
    func y(_ value: Double) -> Double {
      plotBottom - (value - ticks.lower) / (ticks.upper - ticks.lower) * (plotBottom - plotTop)
    }
    let band = (plotRight - plotLeft) / Double(years.count)
    let columnWidth = min(band * 0.72, 56)
    func center(_ index: Int) -> Double { plotLeft + band * (Double(index) + 0.5) }
    let yearWidth = years.map { TextMetrics.width(of: String($0), fontSize: 12) }.max() ?? 0
    let yearStep =
      [1, 2, 5, 10, 20, 50, 100, 1000].first { band * Double($0) >= yearWidth + 8 }
      ?? years.count
    let totalLabels = totals.map(format)
    let showTotals =
      band >= (totalLabels.map { TextMetrics.width(of: $0, fontSize: 11) }.max() ?? 0) + 4
    let contentBottom = plotBottom + 44

    return frame.document(contentBottom: contentBottom, description: description) { svg in
      svg.open("g", [("class", "legend")])
      for (index, item) in legend.enumerated() {
        svg.rect(
          x: item.x, y: item.y, width: 12, height: 12,
          fill: ChartPalette.color(forSeries: index), className: "legend-swatch")
        svg.text(
          item.name, x: item.x + 18, y: item.y + 11, size: legendSize, className: "legend-label",
          tooltip: item.name == series[index].name ? nil : series[index].name)
      }
      svg.close("g")
      svg.open("g", [("class", "grid")])
      for tick in ticks.values {
        svg.line(
          x1: plotLeft, y1: y(tick), x2: plotRight, y2: y(tick), stroke: ChartPalette.grid)
      }
      svg.close("g")
      svg.open("g", [("class", "axis value-axis")])
      for (tick, label) in zip(ticks.values, tickLabels) {
        svg.text(
          label, x: plotLeft - 6, y: y(tick) + 4, size: 12, anchor: "end",
          fill: ChartPalette.mutedText, className: "tick-label")
      }
      let middle = (plotTop + plotBottom) / 2
      svg.text(
        valueAxisTitle, x: frame.left + 12, y: middle, size: 13, anchor: "middle",
        className: "axis-title",
        extra: [
          (
            "transform",
            "rotate(-90 \(SVGWriter.number(frame.left + 12)) \(SVGWriter.number(middle)))"
          )
        ])
      svg.close("g")
      svg.open("g", [("class", "axis year-axis")])
      for (index, year) in years.enumerated() where year % yearStep == 0 || yearStep > years.count {
        svg.line(
          x1: center(index), y1: plotBottom, x2: center(index), y2: plotBottom + 4,
          stroke: ChartPalette.axis)
        svg.text(
          String(year), x: center(index), y: plotBottom + 17, size: 12, anchor: "middle",
          fill: ChartPalette.mutedText, className: "tick-label")
      }
      svg.text(
        yearAxisTitle, x: (plotLeft + plotRight) / 2, y: plotBottom + 37, size: 13,
        anchor: "middle", className: "axis-title")
      svg.close("g")
      var base = Array(repeating: 0.0, count: years.count)
      for (seriesIndex, one) in series.enumerated() {
        svg.open(
          "g",
          [("class", "series"), ("fill", ChartPalette.color(forSeries: seriesIndex))])
        for (index, value) in drawn[seriesIndex].enumerated() where value > 0 {
          let top = y(base[index] + value)
          let bottom = y(base[index])
          svg.element(
            "rect",
            [
              ("class", "segment"), ("x", SVGWriter.number(center(index) - columnWidth / 2)),
              ("y", SVGWriter.number(top)), ("width", SVGWriter.number(columnWidth)),
              ("height", SVGWriter.number(bottom - top)), ("stroke", ChartPalette.background),
              ("stroke-width", "0.75"),
            ],
            tooltip: "\(years[index]), \(one.name): \(format(one.values[index]))")
          base[index] += value
        }
        svg.close("g")
      }
      if showTotals {
        svg.open("g", [("class", "totals")])
        for (index, total) in totals.enumerated() where total > 0 {
          svg.text(
            totalLabels[index], x: center(index), y: y(total) - 4, size: 11, anchor: "middle",
            fill: ChartPalette.mutedText, className: "total-label")
        }
        svg.close("g")
      }
      svg.line(
        x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: ChartPalette.axis,
        className: "baseline")
    }
  }

  private func describe(
    totals: [Double], format: (Double) -> String, warning: String?
  ) -> String {
    guard !years.isEmpty, !series.isEmpty else {
      return "Stacked column chart of \(valueAxisTitle) by year: no data."
    }
    let span = years.count == 1 ? "\(years[0])" : "\(years[0])–\(years[years.count - 1])"
    var text =
      "Stacked column chart of \(valueAxisTitle) by year, \(span), \(series.count) "
      + (series.count == 1 ? "series" : "series, bottom to top") + ": "
      + series.map(\.name).joined(separator: ", ") + ". Totals by year: "
      + ChartDescription.list(zip(years, totals).map { "\($0) \(format($1))" }) + "."
    for one in series {
      let nonzero = zip(years, one.values).filter { $0.1 != 0 }
      text += " \(one.name): "
      if nonzero.isEmpty {
        text += "0 in every year."
      } else {
        text += ChartDescription.list(nonzero.map { "\($0) \(format($1))" })
        text += nonzero.count < years.count ? " (other years 0)." : "."
      }
    }
    if let warning { text += " " + warning }
    return text
  }
}
