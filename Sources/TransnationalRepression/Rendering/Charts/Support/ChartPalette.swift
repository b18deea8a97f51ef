/// Colours for the charts. Internal.
///
/// Data colours are the Okabe–Ito palette, distinguishable under the common forms of colour
/// blindness: Okabe & Ito, *Color Universal Design* (2002),
/// <https://jfly.uni-koeln.de/color/>. The order puts the colours with the most contrast
/// against white and against each other first; yellow, which is hard to see on white, is last.
enum ChartPalette {
  /// Okabe–Ito colours in the order series use them (blue, orange, bluish green, vermillion,
  /// reddish purple, sky blue, yellow, black). Series beyond the eighth reuse the colours.
  static let series = [
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
  ]
  /// The colour of single-series marks (bars, points): Okabe–Ito blue.
  static let primary = "#0072B2"
  /// The colour of the trend line: Okabe–Ito vermillion.
  static let accent = "#D55E00"
  /// Chart text.
  static let text = "#1A1A1A"
  /// Secondary text: notes, sources, tick labels.
  static let mutedText = "#4D4D4D"
  /// Gridlines.
  static let grid = "#DDDDDD"
  /// Axis lines and the zero baseline.
  static let axis = "#333333"
  /// The background.
  static let background = "#FFFFFF"

  /// The colour of series `index`.
  static func color(forSeries index: Int) -> String {
    series[index % series.count]
  }
}
