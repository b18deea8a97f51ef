import Foundation

/// The timings of one benchmark configuration, in seconds, and their order statistics.
struct Measurement {
  /// Every timed repetition, in the order run (warm-up runs excluded).
  let samples: [Double]
  private let sorted: [Double]

  init(samples: [Double]) {
    precondition(!samples.isEmpty, "a measurement needs at least one sample")
    self.samples = samples
    self.sorted = samples.sorted()
  }

  /// The median: the middle sample, or the mean of the two middle ones.
  var median: Double { quantile(0.5) }
  /// The 10th percentile (linear interpolation between order statistics, as numpy's default).
  var p10: Double { quantile(0.1) }
  /// The 90th percentile.
  var p90: Double { quantile(0.9) }
  /// The fastest repetition.
  var minimum: Double { sorted[0] }
  /// The slowest repetition.
  var maximum: Double { sorted[sorted.count - 1] }

  /// The `q` quantile, interpolating linearly between the closest order statistics.
  func quantile(_ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let below = Int(position.rounded(.down))
    let above = Swift.min(below + 1, sorted.count - 1)
    let fraction = position - Double(below)
    return sorted[below] + (sorted[above] - sorted[below]) * fraction
  }

  /// Runs `body` `warmup` times untimed, then `repetitions` times timed, each run preceded by
  /// `prepare` (outside the timer).
  static func run(
    warmup: Int, repetitions: Int, prepare: () -> Void = {}, _ body: () throws -> Void
  ) rethrows -> Measurement {
    for _ in 0..<warmup {
      prepare()
      try body()
    }
    var samples: [Double] = []
    samples.reserveCapacity(repetitions)
    for _ in 0..<repetitions {
      prepare()
      let start = MonotonicClock.nanoseconds()
      try body()
      let end = MonotonicClock.nanoseconds()
      samples.append(Double(end &- start) * 1e-9)
    }
    return Measurement(samples: samples)
  }
}

extension Measurement {
  /// Runs each of `bodies` `warmup` times untimed, then `repetitions` times timed, taking them in
  /// turn within each repetition (so that the machine's drift in speed falls on all alike); one
  /// measurement per body, in order.
  static func interleaved(
    warmup: Int, repetitions: Int, _ bodies: [() throws -> Void]
  ) throws -> [Measurement] {
    for _ in 0..<warmup {
      for body in bodies { try body() }
    }
    var samples = [[Double]](repeating: [], count: bodies.count)
    for _ in 0..<repetitions {
      for (index, body) in bodies.enumerated() {
        let start = MonotonicClock.nanoseconds()
        try body()
        let end = MonotonicClock.nanoseconds()
        samples[index].append(Double(end &- start) * 1e-9)
      }
    }
    return samples.map(Measurement.init(samples:))
  }
}

/// A monotonic clock with nanosecond resolution (`CLOCK_MONOTONIC` through Dispatch).
enum MonotonicClock {
  @inline(__always)
  static func nanoseconds() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
  }
}
