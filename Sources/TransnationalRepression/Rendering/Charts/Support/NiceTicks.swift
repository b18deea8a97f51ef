/// Axis ticks on a 1-2-5 progression: the step is 1, 2 or 5 times a power of ten, chosen so
/// that about `targetCount` intervals cover the data, and the axis runs from a multiple of the
/// step at or below the smallest value to one at or above the largest. Internal.
///
/// After Heckbert, "Nice numbers for graph labels", *Graphics Gems* (1990): the raw step
/// (span / target) is rounded to the nearest nice step (below 1.5 → 1, below 3 → 2, below 7
/// → 5, else 10), so there are between about 0.7 and 1.5 times the target intervals.
struct NiceTicks: Hashable, Sendable {
  /// The first tick, at or below the smallest value.
  let lower: Double
  /// The last tick, at or above the largest value.
  let upper: Double
  /// The distance between ticks.
  let step: Double
  /// The decimals needed to write every tick exactly.
  let decimals: Int
  /// The tick values, from `lower` to `upper`.
  let values: [Double]

  /// Ticks covering `minimum...maximum` (both finite; swapped if out of order). An empty span
  /// (all values equal) is widened to include zero, and `0...0` becomes `0...1`.
  init(covering minimum: Double, _ maximum: Double, targetCount: Int) {
    var low = min(minimum, maximum)
    var high = max(minimum, maximum)
    if !low.isFinite || !high.isFinite {
      low = 0
      high = 1
    }
    if low == high {
      if low == 0 {
        high = 1
      } else if low > 0 {
        low = 0
      } else {
        high = 0
      }
    }
    let target = Double(max(targetCount, 1))
    let rawStep = (high - low) / target
    var exponent = Int((rawStep.magnitude).log10Floor)
    let residual = rawStep / ChartNumberFormat.power10Signed(exponent)
    var mantissa: Int
    if residual < 1.5 {
      mantissa = 1
    } else if residual < 3 {
      mantissa = 2
    } else if residual < 7 {
      mantissa = 5
    } else {
      mantissa = 1
      exponent += 1
    }
    func value(_ index: Int) -> Double {
      let multiple = Double(index * mantissa)
      return exponent >= 0
        ? multiple * ChartNumberFormat.power10(exponent)
        : multiple / ChartNumberFormat.power10(-exponent)
    }
    let step = value(1)
    let firstIndex = Int((low / step + 1e-9).rounded(.down))
    let lastIndex = Int((high / step - 1e-9).rounded(.up))
    self.step = step
    self.decimals = max(0, -exponent)
    self.values = (firstIndex...max(firstIndex + 1, lastIndex)).map(value)
    self.lower = values.first ?? low
    self.upper = values.last ?? high
  }

  /// The tick labels, each with ``decimals`` decimals.
  func labels(grouping: Bool = true) -> [String] {
    values.map { ChartNumberFormat.fixed($0, decimals: decimals, grouping: grouping) }
  }

  /// A target tick count for an axis `length` points long: one tick per `spacing` points,
  /// between 2 and 10.
  static func targetCount(length: Double, spacing: Double = 80) -> Int {
    min(max(Int(length / spacing), 2), 10)
  }
}

extension ChartNumberFormat {
  /// 10^exponent for any exponent in −22...22, exactly for the representable cases.
  static func power10Signed(_ exponent: Int) -> Double {
    exponent >= 0 ? power10(exponent) : 1 / power10(-exponent)
  }
}

extension Double {
  /// ⌊log₁₀ self⌋ for positive finite values, computed without the rounding error of
  /// `log10` at exact powers of ten (0 for zero and non-finite values).
  fileprivate var log10Floor: Double {
    guard self > 0, isFinite else { return 0 }
    var exponent = 0
    var scaled = self
    while scaled >= 10 {
      scaled /= 10
      exponent += 1
    }
    while scaled < 1 {
      scaled *= 10
      exponent -= 1
    }
    return Double(exponent)
  }
}
