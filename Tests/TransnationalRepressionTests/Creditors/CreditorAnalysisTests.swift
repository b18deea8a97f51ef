import Foundation
import Testing

@testable import TransnationalRepression

/// The creditor analysis on the bundled data against `creditor_analysis.json`, which a committed
/// script computes from the raw bundled CSV files with plain Python and scipy.stats.
@Suite("Creditor analysis against scipy")
struct CreditorAnalysisTests {
  struct Reference: Decodable {
    struct Join: Decodable {
      let countries: [String]
      let n: Int
      let pearson: [Double]
      let spearman: [Double]
      let kendall: [Double]
    }
    struct Top: Decodable {
      let top: [String]
      let table: [Int]
      let p_value: Double
    }
    let cases: [String: Double]
    let joins: [String: Join]
    let top_n: [String: Top]
  }

  static let reference = try! Fixtures.json(Reference.self, "scipy/creditor_analysis.json")
  static let analysis = try! CreditorAnalysis(
    cases: CreditorAnalysis.cases(in: .documentedSample), creditors: .worldBank2024,
    measure: .chinaShareTotal)

  func close(_ actual: Double, _ expected: Double) -> Bool {
    isApproximatelyEqual(actual, expected, relative: 1e-12, absolute: expected < 1e-3 ? 1e-15 : 0)
  }

  @Test("Cases per host: known persons detained or returned")
  func cases() {
    let cases = CreditorAnalysis.cases(in: .documentedSample)
    let positive = cases.filter { $0.value > 0 }
    let byCode: [String: Double] = Dictionary(uniqueKeysWithValues: positive.map { ($0.key.alpha2, $0.value) })
    #expect(byCode == Self.reference.cases)
    #expect(cases[Country("TH")!] == 559)
  }

  @Test("Joins and the countries missing on either side")
  func joins() {
    let analysis = Self.analysis
    for join in CreditorAnalysis.Join.allCases {
      let expected = Self.reference.joins[join.rawValue]!
      #expect(analysis.pairs(join).map(\.country.alpha2) == expected.countries)
    }
    // Hosts with cases that the World Bank file does not cover (high-income or not exported).
    #expect(analysis.casesWithoutCreditorData.map(\.alpha2) == ["AE", "DE", "IT", "MY", "QA", "SA"])
    #expect(analysis.creditorCountriesWithoutCases.count == 120 - Self.reference.joins["hosts_with_cases"]!.countries.count)
  }

  @Test("Pearson, Spearman and Kendall match scipy for both joins")
  func correlations() {
    for join in CreditorAnalysis.Join.allCases {
      let expected = Self.reference.joins[join.rawValue]!
      let result = Self.analysis.correlations(join)
      #expect(result.n == expected.n)
      for (test, values) in [
        (result.pearson, expected.pearson), (result.spearman, expected.spearman),
        (result.kendallTauB, expected.kendall),
      ] {
        #expect(close(test.statistic, values[0]), "\(join) \(test.method) statistic")
        #expect(close(test.pValue, values[1]), "\(join) \(test.method) p")
      }
    }
  }

  @Test("Top-N tables and Fisher's exact test match scipy for N = 5…20")
  func topN() {
    for result in Self.analysis.topNSensitivity(5...20) {
      let expected = Self.reference.top_n[String(result.requested)]!
      #expect(Set(result.top.map(\.alpha2)) == Set(expected.top), "N=\(result.requested)")
      let table = result.table
      let cells: [Int] = [table.a, table.b, table.c, table.d]
      #expect(cells == expected.table, "N=\(result.requested)")
      #expect(close(result.fisher.pValue, expected.p_value), "N=\(result.requested)")
    }
  }

  @Test("Ties at the N-th place are kept together")
  func ties() throws {
    let creditors = try CreditorTable(
      csvText: "country,china_largest_bilateral,china_share_total\nPK,1,0.5\nKG,1,0.4\nTR,0,0.1\nEG,0,0.05\nKH,1,0.3\n",
      name: "test")
    let cases: [Country: Double] = [Country("PK")!: 9, Country("KG")!: 5, Country("TR")!: 5, Country("EG")!: 1]
    let analysis = try CreditorAnalysis(cases: cases, creditors: creditors, measure: .chinaShareTotal)
    let top2 = analysis.topN(2)
    #expect(top2.top.map(\.alpha2) == ["PK", "KG", "TR"])
    #expect(top2.table == TwoByTwoTable(a: 2, b: 1, c: 1, d: 1))
    #expect(analysis.pairs(.hostsWithCases).count == 4)
    let allCases: [Double] = analysis.pairs(.allCreditorCountries).map(\.cases)
    #expect(allCases == [1, 5, 0, 9, 5])  // EG KG KH PK TR
  }

  @Test("A seeded permutation test is reproducible and agrees with the asymptotic test's direction")
  func permutation() throws {
    let first = try Self.analysis.permutationTest(.hostsWithCases, method: .spearman, permutations: 2_000, seed: 7)
    let second = try Self.analysis.permutationTest(.hostsWithCases, method: .spearman, permutations: 2_000, seed: 7)
    #expect(first == second)
    #expect(close(first.statistic, Self.reference.joins["hosts_with_cases"]!.spearman[0]))
    #expect(first.pValue > 0.5)  // rho ≈ −0.05 on 13 countries: nowhere near significance
  }
}
