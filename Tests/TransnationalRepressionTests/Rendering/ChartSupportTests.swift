import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Chart support: escaping, numbers, ticks, text")
struct ChartSupportTests {
  @Test("Markup escaping covers &, <, >, quotes and characters XML forbids")
  func escaping() {
    #expect(Markup.escape("Côte d'Ivoire & <test>") == "Côte d&#39;Ivoire &amp; &lt;test&gt;")
    #expect(Markup.escape("say \"hi\"") == "say &quot;hi&quot;")
    #expect(Markup.escape("tab\there\nnew") == "tab\there\nnew")
    #expect(Markup.escape("bell\u{07}nul\u{00}") == "bell\u{FFFD}nul\u{FFFD}")
    #expect(Markup.escape("plain") == "plain")
  }

  @Test("Fixed decimals are locale-independent and round half away from zero")
  func fixedDecimals() {
    #expect(ChartNumberFormat.fixed(559, decimals: 0) == "559")
    #expect(ChartNumberFormat.fixed(1234567.891, decimals: 2, grouping: true) == "1,234,567.89")
    #expect(ChartNumberFormat.fixed(1234567.891, decimals: 2) == "1234567.89")
    #expect(ChartNumberFormat.fixed(2.5, decimals: 0) == "3")
    #expect(ChartNumberFormat.fixed(-2.5, decimals: 0) == "-3")
    #expect(ChartNumberFormat.fixed(0.05, decimals: 3) == "0.050")
    #expect(ChartNumberFormat.fixed(-0.001, decimals: 2) == "0.00")
    #expect(ChartNumberFormat.fixed(-0.0, decimals: 1) == "0.0")
    #expect(ChartNumberFormat.fixed(.nan, decimals: 2) == "n/a")
    #expect(ChartNumberFormat.fixed(-.infinity, decimals: 2) == "n/a")
    #expect(ChartNumberFormat.fixed(999, decimals: 0, grouping: true) == "999")
    #expect(ChartNumberFormat.fixed(-1000, decimals: 0, grouping: true) == "-1,000")
    #expect(ChartNumberFormat.trimmed(12.5) == "12.5")
    #expect(ChartNumberFormat.trimmed(100.004) == "100")
    #expect(ChartNumberFormat.trimmed(-3.14159) == "-3.14")
    #expect(ChartNumberFormat.percent(0.273, decimals: 1) == "27.3%")
    #expect(ChartNumberFormat.automaticDecimals(for: [1, 2, .nan]) == 0)
    #expect(ChartNumberFormat.automaticDecimals(for: [1, 2.5]) == 2)
  }

  @Test("Ticks step by 1, 2 or 5 times a power of ten and cover the data")
  func niceTicks() {
    let counts = NiceTicks(covering: 0, 559, targetCount: 5)
    #expect(counts.values == [0, 100, 200, 300, 400, 500, 600])
    #expect(counts.labels() == ["0", "100", "200", "300", "400", "500", "600"])
    let shares = NiceTicks(covering: 0, 0.3, targetCount: 3)
    #expect(shares.values == [0, 0.1, 0.2, 0.3])
    #expect(shares.decimals == 1)
    #expect(shares.labels() == ["0.0", "0.1", "0.2", "0.3"])
    let signed = NiceTicks(covering: -7, 12, targetCount: 4)
    #expect(signed.values == [-10, -5, 0, 5, 10, 15])
    let small = NiceTicks(covering: 0, 7, targetCount: 4)
    #expect(small.values == [0, 2, 4, 6, 8])
    let big = NiceTicks(covering: 0, 12_345, targetCount: 3)
    #expect(big.values == [0, 5_000, 10_000, 15_000])
    #expect(big.labels() == ["0", "5,000", "10,000", "15,000"])
    // All zero, or one value: the axis still has a span.
    #expect(NiceTicks(covering: 0, 0, targetCount: 5).upper > 0)
    #expect(NiceTicks(covering: 3, 3, targetCount: 5).values.first == 0)
    #expect(NiceTicks(covering: -3, -3, targetCount: 5).values.last == 0)
    for (low, high) in [(0.0, 1.0), (0, 0.93), (0, 55.7), (-0.4, 0.2), (0, 1e9), (0, 3e-7)] {
      for target in 2...10 {
        let ticks = NiceTicks(covering: low, high, targetCount: target)
        #expect(ticks.lower <= low && ticks.upper >= high, "\(low)...\(high) / \(target)")
        #expect(ticks.values.count >= 2 && ticks.values.count <= 2 * target + 2)
        let mantissa =
          ticks.step
          / ChartNumberFormat.power10Signed(
            Int((log10(ticks.step)).rounded(.down)))
        #expect([1, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "step \(ticks.step)")
      }
    }
  }

  @Test("Text wraps at spaces within the width and truncates with an ellipsis")
  func textLayout() {
    let width = TextMetrics.width(of: "Thailand", fontSize: 13)
    #expect(width > 40 && width < 70)
    #expect(
      TextMetrics.width(of: "WWW", fontSize: 12) > TextMetrics.width(of: "iii", fontSize: 12))
    let lines = TextMetrics.wrap(
      "A long caveat line that has to wrap — not the Oxus/UHRP dataset", toWidth: 200,
      fontSize: 12)
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { TextMetrics.width(of: $0, fontSize: 12) <= 200 })
    #expect(
      lines.joined(separator: " ")
        == "A long caveat line that has to wrap — not the Oxus/UHRP dataset")
    #expect(TextMetrics.wrap("", toWidth: 100, fontSize: 12).isEmpty)
    let short = TextMetrics.truncate(
      "The Democratic Republic of the Congo", toWidth: 80, fontSize: 13)
    #expect(short.hasSuffix("…"))
    #expect(TextMetrics.width(of: short, fontSize: 13) <= 80)
    #expect(TextMetrics.truncate("Laos", toWidth: 80, fontSize: 13) == "Laos")
  }

  @Test("Ids are valid XML names, derived from the title unless given")
  func identifiers() {
    let derived = ChartFrame.identifier(nil, kind: "bar-chart", title: "Cases")
    #expect(derived.hasPrefix("tnr-bar-chart-") && derived.count == "tnr-bar-chart-".count + 8)
    #expect(derived == ChartFrame.identifier(nil, kind: "bar-chart", title: "Cases"))
    #expect(derived != ChartFrame.identifier(nil, kind: "bar-chart", title: "Cases 2"))
    #expect(ChartFrame.identifier("fig 1 <a>", kind: "x", title: "") == "fig-1--a-")
    #expect(ChartFrame.identifier("1st", kind: "x", title: "") == "c-1st")
  }

  @Test("Descriptions list up to the limit, then count the rest")
  func descriptionLists() {
    #expect(ChartDescription.list(["a 1", "b 2"]) == "a 1, b 2")
    #expect(ChartDescription.list(["Korea, Rep. 3", "b 2"]) == "Korea, Rep. 3; b 2")
    let many = (1...45).map { "c\($0) \($0)" }
    let text = ChartDescription.list(many)
    #expect(text.hasSuffix("c40 40, and 5 more"))
  }
}
