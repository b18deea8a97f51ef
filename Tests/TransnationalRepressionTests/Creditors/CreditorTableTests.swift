import Foundation
import Testing

@testable import TransnationalRepression

@Suite("Creditor tables")
struct CreditorTableTests {
  /// The derived summary shipped beside the World Bank file, parsed independently of the library's
  /// derivation.
  static let summary: [String: [String: String]] = {
    let table = try! CSVTable(contentsOf: BundledResource.worldBankChinaCreditorSummary2024.url)
    return Dictionary(uniqueKeysWithValues: table.rows.map { row in
      (row.fields[0], Dictionary(uniqueKeysWithValues: zip(table.header, row.fields)))
    })
  }()

  @Test("World Bank derivation covers the 120 debtor economies and no aggregate")
  func worldBankCoverage() {
    let table = CreditorTable.worldBank2024
    #expect(table.profiles.count == 120)
    #expect(Self.summary.count == 120)
    let names = Set(table.profiles.values.map(\.sourceName))
    #expect(names == Set(Self.summary.keys))
    #expect(names.isDisjoint(with: worldBankAggregateNames))
    #expect(worldBankAggregateNames.contains("Low income"))
  }

  @Test("World Bank derivation matches the documented summary for every economy")
  func worldBankMatchesSummary() throws {
    for profile in CreditorTable.worldBank2024.profiles.values {
      let expected = try #require(Self.summary[profile.sourceName])
      let total = Double(expected["total_ppg_usd"]!)!
      let bilateral = Double(expected["bilateral_ppg_usd"]!)!
      let china = Double(expected["china_usd"]!)!
      #expect(isApproximatelyEqual(profile.totalPPGDebtUSD!, total, relative: 1e-12, absolute: 1e-3), "\(profile.sourceName)")
      #expect(isApproximatelyEqual(profile.bilateralPPGDebtUSD!, bilateral, relative: 1e-12, absolute: 1e-3), "\(profile.sourceName)")
      #expect(isApproximatelyEqual(profile.value(.debtToChinaUSD)!, china, relative: 1e-12, absolute: 1e-3), "\(profile.sourceName)")
      // The summary rounds shares to 6 decimals.
      #expect(abs(profile.value(.chinaShareTotal)! - Double(expected["china_share_total"]!)!) <= 5e-7, "\(profile.sourceName)")
      #expect(abs(profile.value(.chinaShareBilateral)! - Double(expected["china_share_bilateral"]!)!) <= 5e-7, "\(profile.sourceName)")
      #expect(profile.largestBilateralCreditor == expected["largest_bilateral_creditor"], "\(profile.sourceName)")
      #expect(profile.largestCreditorOverall == expected["largest_creditor_overall"], "\(profile.sourceName)")
      #expect((profile.value(.chinaLargestBilateral) == 1) == (expected["china_is_largest_bilateral"] == "True"))
      #expect((profile.value(.chinaLargestOverall) == 1) == (expected["china_is_largest_overall"] == "True"))
    }
  }

  @Test("China is the largest bilateral creditor of 54 economies and largest overall of 22")
  func worldBankHeadlineCounts() {
    let profiles = CreditorTable.worldBank2024.profiles.values
    #expect(profiles.filter { $0.value(.chinaLargestBilateral) == 1 }.count == 54)
    #expect(profiles.filter { $0.value(.chinaLargestOverall) == 1 }.count == 22)
    #expect(profiles.filter { $0.value(.debtToChinaUSD)! > 0 }.count == 98)
  }

  @Test("Pooled creditors and Hong Kong are never counted as China")
  func pooledCreditors() {
    let stocks = CreditorTable.worldBankDebtStocks
    #expect(stocks.count == 5_160)
    #expect(stocks.filter { $0.creditor == "China" }.count == 172)
    #expect(!stocks.contains { $0.creditor.hasSuffix(" ") })
    #expect(stocks.contains { $0.creditor == "Hong Kong" })
  }

  @Test("Horn–Reinhart–Trebesch: 1,909 country-years, 107 countries, caveats carried")
  func hornReinhartTrebesch() throws {
    let stocks = CreditorTable.hornReinhartTrebeschStocks
    #expect(stocks.count == 1_909)
    #expect(Set(stocks.map(\.country)).count == 107)
    let table2017 = CreditorTable.hornReinhartTrebesch()
    let pakistan = try #require(table2017[Country("PK")!])
    #expect(pakistan.value(.hrtDebtPercentGDP) == 11.58)
    #expect(pakistan.notes.first?.contains("7.17%") == true)
    #expect(table2017[Country("CG")!]?.notes.first?.contains("31.45%") == true)
    let albania2001 = try #require(stocks.first { $0.country.alpha2 == "AL" && $0.year == 2001 })
    #expect(albania2001.debtToChinaUSD == 126_000_000)
    // The 2017 cross-country total is USD 393.0 bn (data README).
    let total2017 = stocks.filter { $0.year == 2017 }.reduce(0) { $0 + $1.debtToChinaUSD }
    #expect(abs(total2017 / 1e9 - 393.0) < 0.05)
  }

  @Test("User creditor tables are validated like incidents")
  func userTables() throws {
    let table = try CreditorTable(csvText: "country,china_share_total,year\nNA,0.5,2024\nKGZ,,2024\n", name: "t")
    #expect(table.value(.chinaShareTotal, for: Country("NA")!) == 0.5)
    #expect(table.value(.chinaShareTotal, for: Country("KG")!) == nil)

    let cases: [(String, Int, String)] = [
      ("country,china_share_total\nXX,0.5\n", 2, "country"),
      ("country,china_share_total\nPK,1.5\n", 2, "china_share_total"),
      ("country,china_share_total\nPK,0.5\nPAK,0.4\n", 3, "country"),
      ("country,china_largest_bilateral\nPK,2\n", 2, "china_largest_bilateral"),
      ("country,china_share_total\nPK,\"1,5\"\n", 2, "china_share_total"),
      ("country,hrt_debt_pct_gdp,year\nPK,3,17\n", 2, "year"),
    ]
    for (text, line, field) in cases {
      #expect {
        try CreditorTable(csvText: text, name: "t")
      } throws: { error in
        let error = error as! ImportError
        return error.line == line && error.field == field
      }
    }
    #expect(throws: ImportError.self) { try CreditorTable(csvText: "iso,china_share_total\nPK,0.1\n", name: "t") }
  }
}

@Suite("The monograph's five named countries")
struct MonographCreditorClaimTests {
  @Test("Four of the five have China as largest bilateral creditor at end-2024; Myanmar has Japan")
  func fiveNamedCountries() {
    let rows = MonographCreditorClaim.check()
    #expect(rows.map(\.country.alpha2) == ["PK", "KG", "TJ", "KH", "MM"])
    #expect(rows.map(\.chinaIsLargestBilateral) == [true, true, true, true, false])
    #expect(rows.map(\.chinaIsLargestOverall) == [true, true, true, true, false])
    #expect(rows.last?.largestBilateralCreditor == "Japan")
  }
}
