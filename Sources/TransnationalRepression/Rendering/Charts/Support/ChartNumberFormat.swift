/// Locale-independent number formatting for the charts: always `.` for the decimal point,
/// ASCII `-` for the minus sign, an optional `,` between groups of three digits, and a fixed
/// number of decimals rounded half away from zero. Internal.
enum ChartNumberFormat {
  /// The text for a value that is not a finite number.
  static let notAvailable = "n/a"

  /// `value` with exactly `decimals` digits after the point (0...9).
  ///
  /// Non-finite values are written "n/a". A value that rounds to zero is written without a
  /// sign. Magnitudes of 9 × 10¹⁵ and more (after scaling by 10^decimals) fall back to
  /// exponent notation, still locale-independent.
  static func fixed(_ value: Double, decimals: Int, grouping: Bool = false) -> String {
    guard value.isFinite else { return notAvailable }
    let decimals = min(max(decimals, 0), 9)
    let scale = power10(decimals)
    let scaled = (value.magnitude * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9.0e15 else { return "\(value)" }
    let units = UInt64(scaled)
    let divisor = UInt64(scale)
    var integer = String(units / divisor)
    if grouping && integer.count > 3 {
      var grouped = ""
      for (offset, digit) in integer.enumerated() {
        if offset > 0 && (integer.count - offset) % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
      }
      integer = grouped
    }
    var text = units == 0 || value >= 0 ? integer : "-" + integer
    if decimals > 0 {
      let fraction = String(units % divisor)
      text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return text
  }

  /// `value` rounded to at most `maximumDecimals` decimals, trailing zeros (and a trailing
  /// point) removed: the form used for SVG coordinates and for tick labels of non-linear axes.
  static func trimmed(_ value: Double, maximumDecimals: Int = 2) -> String {
    var text = fixed(value, decimals: maximumDecimals)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// A fraction as a percentage, e.g. `percent(0.273, decimals: 1)` is "27.3%".
  static func percent(_ fraction: Double, decimals: Int) -> String {
    guard fraction.isFinite else { return notAvailable }
    return fixed(fraction * 100, decimals: decimals) + "%"
  }

  /// The automatic number of decimals for chart values: 0 when every finite value is a whole
  /// number, otherwise 2.
  static func automaticDecimals<S: Sequence<Double>>(for values: S) -> Int {
    for value in values where value.isFinite && value.rounded() != value { return 2 }
    return 0
  }

  /// 10^exponent for 0 ≤ exponent ≤ 22, exactly.
  static func power10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(exponent, 0) { result *= 10 }
    return result
  }
}
