import Foundation
import TNRCommandLine
import Testing

@testable import TransnationalRepression

@Suite("tnr correlate")
struct CorrelateCommandTests {
  @Test("JSON carries the three correlations, the top-N test and the permutation test")
  func json() throws {
    let result = runTNR(["correlate", "--top", "10", "--permutations", "999", "--seed", "3", "--format", "json"])
    #expect(result.status == 0)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(object["n"] as? Int == 120)
    let reference = try Fixtures.json(CreditorAnalysisTests.Reference.self, "scipy/creditor_analysis.json")
    let spearman = try #require(object["spearman"] as? [String: Any])
    #expect(isApproximatelyEqual(spearman["statistic"] as! Double, reference.joins["all_creditor_countries"]!.spearman[0]))
    #expect(isApproximatelyEqual(spearman["p_value"] as! Double, reference.joins["all_creditor_countries"]!.spearman[1]))
    for key in ["pearson", "kendall_tau_b", "permutation", "top_n"] {
      #expect(object[key] is [String: Any], "\(key)")
    }
    let top = try #require(object["top_n"] as? [String: Any])
    let fisher = try #require(top["fisher"] as? [String: Any])
    #expect(isApproximatelyEqual(try #require(fisher["p_value"] as? Double), reference.top_n["10"]!.p_value))
    #expect(top["requested"] as? Int == 10)
    #expect((object["top_n_sensitivity"] as? [Any])?.count == 16)
    #expect(object["cases_without_creditor_data"] as? [String] == ["AE", "DE", "IT", "MY", "QA", "SA"])
  }

  @Test("--pairs reads any x,y CSV and rejects a bad value with its line")
  func pairs() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let good = directory.appendingPathComponent("pairs.csv")
    try "x,y,label\n1,2,a\n2,4,b\n3,5,c\n4,4,d\n".write(to: good, atomically: true, encoding: .utf8)
    let result = runTNR(["correlate", "--pairs", good.path, "--format", "json"])
    #expect(result.status == 0)
    let object = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(object["n"] as? Int == 4)
    let pearson = try Correlation.pearson([1, 2, 3, 4], [2, 4, 5, 4])
    // The text holds the shortest round-trip form; Foundation's JSON parser on Linux can lose the
    // last bit when reading it back, so compare the text.
    #expect(result.out.contains("\"statistic\" : \(pearson.statistic)"))

    let bad = directory.appendingPathComponent("bad.csv")
    try "x,y\n1,2\n2,NA\n".write(to: bad, atomically: true, encoding: .utf8)
    let failure = runTNR(["correlate", "--pairs", bad.path])
    #expect(failure.status == 1)
    #expect(failure.err.contains("line 3"))
  }

  @Test("Usage errors exit 2")
  func usage() {
    #expect(runTNR(["correlate", "--measure", "gdp"]).status == 2)
    #expect(runTNR(["correlate", "--pairs", "x.csv", "--top", "5"]).status == 2)
    #expect(runTNR(["correlate", "--measure", "hrt_debt_pct_gdp", "--top", "5"]).status == 2)
  }
}
