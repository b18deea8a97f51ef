import Foundation

/// One row of the World Bank IDS table: a debtor's stock owed to one creditor in one category.
public struct WorldBankDebtStock: Hashable, Sendable, Codable {
  /// The creditor as IDS names it, trailing spaces removed (`"China"`, `"World Bank-IDA"`,
  /// `"Bondholders"`).
  public let creditor: String
  /// The debtor economy or aggregate, as IDS names it.
  public let debtor: String
  /// The creditor type: `bilateral`, `multilateral`, `bonds`, `commercial banks` or
  /// `other private`.
  public let category: String
  /// The stock outstanding at end-2024, current US dollars.
  public let valueUSD: Double
}

extension CreditorTable {
  /// The citation of the World Bank table.
  public static let worldBankSource = try! SourceCitation(
    title:
      "World Bank, International Debt Statistics (end-2024 PPG external debt stocks by creditor), as compiled by ONE Campaign (ONEcampaign/debt_overview, output/chart_6_download.csv, commit 1ce95470385b751ee232c33e0717e742d78c95ff)",
    url: "https://github.com/ONEcampaign/debt_overview", publisher: "World Bank; ONE Campaign",
    date: "2024")

  /// The rows of the bundled World Bank file, trailing spaces in creditor names removed.
  public static let worldBankDebtStocks: [WorldBankDebtStock] = {
    do {
      let table = try CSVTable(contentsOf: BundledResource.worldBankDebtByCreditor2024.url)
      return try table.rows.map { row throws(ImportError) in
        let text = try row.value("value")
        guard let value = Double(text) else {
          throw ImportError(.invalidValue("'\(text)' is not a number"), line: row.line, field: "value")
        }
        return WorldBankDebtStock(
          creditor: try row.value("counterpart_name").trimmingCharacters(in: .whitespaces),
          debtor: try row.value("entity_name"), category: try row.value("category"), valueUSD: value)
      }
    } catch {
      fatalError("The bundled World Bank file is damaged: \(error)")
    }
  }()

  /// China as a creditor, by the World Bank's International Debt Statistics, end-2024: one
  /// profile per debtor economy (120; the 15 aggregates such as "Low income" are excluded).
  ///
  /// Derived from the bundled stocks by creditor, as `wb-ids-2024-china-creditor-summary.csv`
  /// documents (and the tests check against it):
  /// - total PPG debt sums every row of the debtor, all five creditor types, including the one
  ///   negative value (Kuwait → Eritrea);
  /// - bilateral PPG debt sums the `bilateral` rows (pooled `Multiple Lenders` included);
  /// - debt to China sums creditor `China` over its three types (bilateral, commercial banks,
  ///   other private); `Hong Kong` is a separate creditor;
  /// - China's bilateral share counts only China's `bilateral` claim over bilateral debt;
  /// - the largest bilateral creditor excludes `Multiple Lenders`; the largest creditor overall
  ///   sums each creditor across types and excludes the pooled `Bondholders` and
  ///   `Multiple Lenders` (World Bank-IBRD and World Bank-IDA stay separate, as in IDS).
  ///
  /// Caveat: IDS records Chinese state-bank loans under whatever creditor type the debtor
  /// reports, so the bilateral ranking can understate China (Myanmar, Egypt).
  public static let worldBank2024: CreditorTable = {
    struct Totals {
      var total = 0.0, bilateral = 0.0, china = 0.0, chinaBilateral = 0.0
      var bilateralByCreditor: [String: Double] = [:]
      var overallByCreditor: [String: Double] = [:]
    }
    var byDebtor: [String: Totals] = [:]
    for row in worldBankDebtStocks where worldBankDebtorAlpha2[row.debtor] != nil {
      var totals = byDebtor[row.debtor, default: Totals()]
      totals.total += row.valueUSD
      if row.category == "bilateral" {
        totals.bilateral += row.valueUSD
        if row.creditor != "Multiple Lenders" {
          totals.bilateralByCreditor[row.creditor, default: 0] += row.valueUSD
        }
      }
      if row.creditor == "China" {
        totals.china += row.valueUSD
        if row.category == "bilateral" { totals.chinaBilateral += row.valueUSD }
      }
      if row.creditor != "Bondholders" && row.creditor != "Multiple Lenders" {
        totals.overallByCreditor[row.creditor, default: 0] += row.valueUSD
      }
      byDebtor[row.debtor] = totals
    }
    func largest(_ amounts: [String: Double]) -> String? {
      amounts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }
    let profiles = byDebtor.map { debtor, totals -> CreditorProfile in
      let largestBilateral = largest(totals.bilateralByCreditor)
      let largestOverall = largest(totals.overallByCreditor)
      var values: [CreditorMeasure: Double] = [
        .debtToChinaUSD: totals.china,
        .chinaLargestBilateral: largestBilateral == "China" ? 1 : 0,
        .chinaLargestOverall: largestOverall == "China" ? 1 : 0,
      ]
      if totals.total != 0 { values[.chinaShareTotal] = totals.china / totals.total }
      if totals.bilateral != 0 { values[.chinaShareBilateral] = totals.chinaBilateral / totals.bilateral }
      return CreditorProfile(
        country: Country(worldBankDebtorAlpha2[debtor]!)!, year: 2024, sourceName: debtor,
        values: values, totalPPGDebtUSD: totals.total, bilateralPPGDebtUSD: totals.bilateral,
        largestBilateralCreditor: largestBilateral, largestCreditorOverall: largestOverall,
        source: worldBankSource)
    }
    return CreditorTable(name: "World Bank IDS, end-2024", profiles: profiles)
  }()
}
