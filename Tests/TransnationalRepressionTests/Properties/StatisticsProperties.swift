import Testing

@testable import TransnationalRepression

/// Correlation statistics are invariant under reordering of the pairs and symmetric in x and y;
/// rank statistics are invariant under increasing transformations; Fisher's exact test is
/// invariant under transposition of the table and mirrors under swapping its rows.
@Suite("Properties: statistics symmetries")
struct StatisticsProperties {
  /// One test case per seed.
  static let seeds: [UInt64] = Array(0..<80)

  /// Paired samples for a seed: 2 to 70 pairs, with ties for some seeds, correlated for others.
  static func pairs(_ seed: UInt64) -> (x: [Double], y: [Double]) {
    var random = SeededGenerator(seed: seed)
    let n = 2 + random.nextIndex(below: 69)
    let tied = seed % 3 == 0
    var x: [Double] = []
    var y: [Double] = []
    for _ in 0..<n {
      let a = tied ? Double(random.nextIndex(below: 5)) : random.nextDouble() * 200 - 100
      let noise = tied ? Double(random.nextIndex(below: 4)) : random.nextDouble() * 50
      x.append(a)
      y.append(seed % 2 == 0 ? a * 0.5 + noise : noise)
    }
    return (x, y)
  }

  /// Equal, or both NaN, or within `tolerance` (relative above 1, absolute below: coefficients
  /// and p-values lie in [-1, 1], where a reordered sum may move the last bits).
  static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a == b { return true }
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1)
  }

  static func same(_ a: CorrelationTest, _ b: CorrelationTest, tolerance: Double = 1e-9) -> Bool {
    close(a.statistic, b.statistic, tolerance) && close(a.pValue, b.pValue, tolerance)
      && a.n == b.n && a.pValueMethod == b.pValueMethod && (a.undefinedReason == nil) == (b.undefinedReason == nil)
      && close(a.confidenceInterval?.lower ?? 0, b.confidenceInterval?.lower ?? 0, tolerance)
      && close(a.confidenceInterval?.upper ?? 0, b.confidenceInterval?.upper ?? 0, tolerance)
  }

  typealias Statistic = @Sendable ([Double], [Double], Alternative) throws -> CorrelationTest
  static let statistics: [(String, Statistic)] = [
    ("pearson", { try Correlation.pearson($0, $1, alternative: $2) }),
    ("spearman", { try Correlation.spearman($0, $1, alternative: $2) }),
    ("kendall", { try Correlation.kendallTauB($0, $1, alternative: $2) }),
  ]

  @Test("reordering the pairs changes nothing", arguments: seeds)
  func reorderingInvariance(seed: UInt64) throws {
    let (x, y) = Self.pairs(seed)
    var random = SeededGenerator(seed: ~seed)
    var order = Array(x.indices)
    random.shuffle(&order)
    let (px, py) = (order.map { x[$0] }, order.map { y[$0] })
    for (name, statistic) in Self.statistics {
      for alternative in Alternative.allCases {
        let a = try statistic(x, y, alternative)
        let b = try statistic(px, py, alternative)
        #expect(Self.same(a, b), "\(name) \(alternative) seed \(seed): \(a) vs \(b)")
      }
    }
  }

  @Test("swapping x and y changes nothing", arguments: seeds)
  func symmetry(seed: UInt64) throws {
    let (x, y) = Self.pairs(seed)
    for (name, statistic) in Self.statistics {
      for alternative in Alternative.allCases {
        let a = try statistic(x, y, alternative)
        let b = try statistic(y, x, alternative)
        #expect(Self.same(a, b), "\(name) \(alternative) seed \(seed): \(a) vs \(b)")
      }
    }
  }

  @Test("rank statistics ignore increasing transformations; negating y mirrors them", arguments: seeds)
  func rankInvariance(seed: UInt64) throws {
    let (x, y) = Self.pairs(seed)
    let tx = x.map { 2 * $0 + 5 }
    let ty = y.map { $0 * $0 * $0 + 1_000_000 }
    for (name, statistic) in Self.statistics.dropFirst() {
      let a = try statistic(x, y, .twoSided)
      #expect(Self.same(a, try statistic(tx, ty, .twoSided)), "\(name) seed \(seed)")
      let negated = try statistic(x, y.map { -$0 }, .twoSided)
      #expect(Self.close(negated.statistic, -a.statistic), "\(name) seed \(seed)")
      #expect(Self.close(negated.pValue, a.pValue), "\(name) seed \(seed)")
      let less = try statistic(x, y, .less)
      let greaterNegated = try statistic(x, y.map { -$0 }, .greater)
      #expect(Self.close(less.pValue, greaterNegated.pValue), "\(name) seed \(seed)")
    }
  }

  /// A 2 × 2 table for a seed, including empty margins and large counts now and then.
  static func table(_ seed: UInt64) -> TwoByTwoTable {
    var random = SeededGenerator(seed: seed &+ 99)
    let scale = [3, 10, 40, 300][random.nextIndex(below: 4)]
    let cells = (0..<4).map { _ in random.nextIndex(below: scale + 1) }
    return TwoByTwoTable(a: cells[0], b: cells[1], c: cells[2], d: cells[3])
  }

  @Test("Fisher's exact test: transposition changes nothing, swapping rows mirrors", arguments: seeds)
  func fisherSymmetries(seed: UInt64) {
    let t = Self.table(seed)
    let transposed = TwoByTwoTable(a: t.a, b: t.c, c: t.b, d: t.d)
    let rowsSwapped = TwoByTwoTable(a: t.c, b: t.d, c: t.a, d: t.b)
    for alternative in Alternative.allCases {
      let r = FisherExactTest.test(t, alternative: alternative)
      let s = FisherExactTest.test(transposed, alternative: alternative)
      #expect(Self.close(r.pValue, s.pValue, 1e-9), "\(t) \(alternative): \(r.pValue) vs \(s.pValue)")
      #expect(Self.close(r.sampleOddsRatio, s.sampleOddsRatio), "\(t)")
      #expect(Self.close(r.conditionalOddsRatio, s.conditionalOddsRatio, 1e-6), "\(t)")
      #expect(Self.close(r.confidenceInterval.lower, s.confidenceInterval.lower, 1e-6), "\(t)")
      #expect(Self.close(r.confidenceInterval.upper, s.confidenceInterval.upper, 1e-6), "\(t)")
      #expect(r.pValue >= 0 && r.pValue <= 1, "\(t)")
    }
    let twoSided = FisherExactTest.test(t).pValue
    #expect(Self.close(twoSided, FisherExactTest.test(rowsSwapped).pValue, 1e-9), "\(t)")
    #expect(
      Self.close(
        FisherExactTest.test(t, alternative: .less).pValue,
        FisherExactTest.test(rowsSwapped, alternative: .greater).pValue, 1e-9), "\(t)")
  }
}
