import Foundation

/// One country-year of the Horn–Reinhart–Trebesch China Debt Stock Database.
public struct HRTDebtStock: Hashable, Sendable, Codable {
  /// The country.
  public let country: Country
  /// The country's name as HRT spells it.
  public let sourceName: String
  /// The year (end of year), 2000–2017.
  public let year: Int
  /// Estimated external debt stock owed to China, current USD.
  public let debtToChinaUSD: Double
  /// Nominal GDP in billions of USD as the CSV gives it (rounded to whole billions; IMF WEO
  /// October 2018).
  public let gdpBillionsUSD: Double
  /// Debt owed to China as a percentage of GDP, as published (rounded to 2 decimals).
  public let debtPercentGDP: Double
  /// The authors' comment, if any.
  public let comment: String
}

extension CreditorTable {
  /// The citation of the Horn–Reinhart–Trebesch database, as the authors ask it to be cited.
  public static let hornReinhartTrebeschSource = try! SourceCitation(
    title:
      "Horn, Sebastian, Carmen M. Reinhart, and Christoph Trebesch. 2019. \"China's Overseas Lending.\" NBER Working Paper No. 26050. Data: China Debt Stock Database, version April 2020",
    url: "https://www.nber.org/papers/w26050", publisher: "NBER", date: "2020-04")

  /// The authors' caveats for single countries, from the database's "Updates & Comments" sheet.
  public static let hornReinhartTrebeschCaveats: [String: String] = [
    "PK":
      "HRT flag Pakistan: an IMF staff report of 8 July 2019 put debt owed to China at 7.17% of GDP in March 2019 (excluding swap debt), against HRT's 11.58% for end-2017; the authors think HRT probably overestimates it because only a small share of Chinese commitments had been disbursed.",
    "CG":
      "HRT flag Congo, Rep.: official figures (a French embassy note based on Congolese authorities) put debt owed to China at 31.45% of GDP in December 2017, against HRT's 17.87%; the authors recommend the official figure.",
  ]

  /// Every country-year of the bundled database (1,909 rows, 107 countries, 2000–2017).
  public static let hornReinhartTrebeschStocks: [HRTDebtStock] = {
    do {
      let table = try CSVTable(contentsOf: BundledResource.hornReinhartTrebesch2020.url)
      return try table.rows.map { row throws(ImportError) in
        let name = try row.value("Country")
        guard let code = hrtCountryAlpha2[name], let country = Country(code) else {
          throw ImportError(.invalidValue("unmapped HRT country '\(name)'"), line: row.line)
        }
        func number(_ column: String) throws(ImportError) -> Double {
          let text = try row.value(column)
          guard let value = Double(text.replacingOccurrences(of: ",", with: "")) else {
            throw ImportError(.invalidValue("'\(text)' is not a number"), line: row.line, field: column)
          }
          return value
        }
        return HRTDebtStock(
          country: country, sourceName: name, year: Int(try number("Year")),
          debtToChinaUSD: try number("ChinaDebt_USD"), gdpBillionsUSD: try number("GDP_USDbn"),
          debtPercentGDP: try number("ChinaDebt_GDP"), comment: try row.value("Comment"))
      }
    } catch {
      fatalError("The bundled Horn–Reinhart–Trebesch file is damaged: \(error)")
    }
  }()

  /// Debt owed to China by Horn–Reinhart–Trebesch for one year (default 2017, the latest).
  ///
  /// Each profile carries ``CreditorMeasure/hrtDebtPercentGDP`` (as published, 2 decimals) and the
  /// authors' caveats for Pakistan and Congo, Rep. The series covers debt of public and private
  /// debtors to Chinese *state-owned* creditors, direct loans only, estimated from commitments:
  /// not the same concept as the World Bank's PPG debt.
  ///
  /// - Parameter year: a year from 2000 to 2017.
  /// - Returns: the profiles of the countries HRT covers that year.
  public static func hornReinhartTrebesch(year: Int = 2017) -> CreditorTable {
    let profiles = hornReinhartTrebeschStocks.filter { $0.year == year }.map { stock in
      CreditorProfile(
        country: stock.country, year: stock.year, sourceName: stock.sourceName,
        values: [.hrtDebtPercentGDP: stock.debtPercentGDP],
        source: hornReinhartTrebeschSource,
        notes: hornReinhartTrebeschCaveats[stock.country.alpha2].map { [$0] } ?? [])
    }
    return CreditorTable(name: "Horn–Reinhart–Trebesch, \(year)", profiles: profiles)
  }
}
