/// SplitMix64 read as a counter-based generator: output *k* depends only on the seed and *k*.
///
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014, [doi:10.1145/2660193.2660195](https://doi.org/10.1145/2660193.2660195); the
/// constants are Vigna's, from [prng.di.unimi.it/splitmix64.c](https://prng.di.unimi.it/splitmix64.c))
/// advances its state by the golden-ratio increment γ = `0x9E3779B97F4A7C15` and mixes it. The
/// *k*-th output (from 0) of a generator seeded with *s* is therefore
///
/// ```
/// z = s + (k + 1) · γ            (mod 2⁶⁴)
/// z = (z ⊕ (z >> 30)) · 0xBF58476D1CE4E5B9
/// z = (z ⊕ (z >> 27)) · 0x94D049BB133111EB
/// output = z ⊕ (z >> 31)
/// ```
///
/// which can be computed for any *k* directly. ``SyntheticIncidents`` gives row *i* the outputs
/// 8*i* … 8*i* + 7, so a row never depends on another and any range of rows can be generated on
/// any thread. `Benchmarks/Peers/gen.py` uses the same construction (one output per row).
@usableFromInline
internal enum SplitMix64 {
  /// The golden-ratio increment γ.
  @usableFromInline static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// Output `counter` of the generator seeded with `seed`.
  @inlinable
  static func value(seed: UInt64, counter: UInt64) -> UInt64 {
    var z = seed &+ (counter &+ 1) &* increment
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }
}

/// Cumulative thresholds for drawing an index with given weights from uniform bits.
///
/// A draw finds the first threshold above the value. A guide table indexed by the value's top 8
/// bits gives the first candidate (Chen and Asau's guide-table method), so a draw is a lookup and
/// usually no more than one or two comparisons, whatever the number of choices.
@usableFromInline
internal struct WeightedChoice: Hashable, Sendable {
  /// Cumulative thresholds over `0 ..< 2^bits`; the last equals `2^bits`.
  @usableFromInline let thresholds: [UInt64]
  /// For each value of the top 8 bits, the first index whose threshold is above the smallest
  /// value with those top bits.
  @usableFromInline let guide: [Int]
  /// `bits - 8`.
  @usableFromInline let guideShift: UInt64

  /// Builds thresholds over `bits` bits (at least 8) for non-negative weights (not all zero).
  init(weights: [Double], bits: Int) {
    precondition(bits >= 8 && bits <= 32, "8 to 32 bits")
    let scale = Double(UInt64(1) << UInt64(bits))
    let sum = weights.reduce(0, +)
    precondition(sum > 0 && weights.allSatisfy { $0 >= 0 }, "weights must be positive")
    var running = 0.0
    var thresholds = weights.map { weight -> UInt64 in
      running += weight
      return UInt64((running / sum * scale).rounded())
    }
    thresholds[thresholds.count - 1] = UInt64(scale)
    self.thresholds = thresholds
    let shift = UInt64(bits - 8)
    guideShift = shift
    guide = (0..<256).map { top in
      let smallest = UInt64(top) << shift
      return thresholds.firstIndex { smallest < $0 }!
    }
  }

  /// The index whose slot contains `value` (uniform below `2^bits`).
  @inlinable
  func pick(_ value: UInt64) -> Int {
    var index = guide[Int(value &>> guideShift)]
    while value >= thresholds[index] { index += 1 }
    return index
  }
}

/// A uniform integer in `0 ..< count` from 32 uniform bits (Lemire's multiply-shift, without
/// rejection: the bias is below `count / 2³²`).
@inlinable
internal func uniformIndex(_ bits32: UInt64, _ count: Int) -> Int {
  Int(((bits32 & 0xFFFF_FFFF) &* UInt64(count)) &>> 32)
}
