import Foundation

/// The data files bundled with the library, each a verbatim copy of a cited file in the project's
/// shared data (see the Data Sources and Citation article).
public enum BundledResource: String, CaseIterable, Sendable {
  /// 81 individually sourced events, 1997–2025, in the canonical incident schema.
  case documentedEvents = "documented-events.csv"
  /// UHRP's Uyghur population estimates by host country, November 2023.
  case uyghurDiaspora2023 = "uyghur-diaspora-2023.csv"
  /// 142 headline figures as printed by the reports.
  case publishedFigures = "published-figures.csv"
  /// World Bank IDS end-2024 PPG external debt stocks by creditor (via ONE Campaign).
  case worldBankDebtByCreditor2024 = "wb-ids-2024-ppg-external-debt-by-creditor.csv"
  /// A derivation of China's share and the largest creditor per debtor, from the World Bank file.
  case worldBankChinaCreditorSummary2024 = "wb-ids-2024-china-creditor-summary.csv"
  /// Horn, Reinhart and Trebesch, China Debt Stock Database (April 2020), 2000–2017.
  case hornReinhartTrebesch2020 = "hrt-china-debt-stock-2000-2017.csv"
  /// Positions on the UN joint statements on Xinjiang (2019–2022) and the HRC vote on A/HRC/51/L.6.
  case xinjiangUNStatements = "xinjiang-un-statements.csv"
  /// Shanghai Cooperation Organisation status before the Tianjin summit (2025), plus Laos.
  case scoMembership = "sco-membership.csv"
  /// Countries with a bilateral extradition treaty with the PRC (about 5–6 short of the published total).
  case chinaExtraditionTreaties = "china-extradition-treaties.csv"
  /// Belt and Road cooperation countries, GFDC list of May 2025.
  case briCooperation = "bri-cooperation.csv"
  /// Chinese "overseas police service stations" by host country (descriptive only: incomplete).
  case overseasPoliceStations = "overseas-police-stations.csv"

  /// The file's location inside the library's resource bundle.
  public var url: URL {
    Bundle.module.url(forResource: rawValue, withExtension: nil, subdirectory: "Resources")
      ?? Bundle.module.bundleURL.appendingPathComponent("Resources/\(rawValue)")
  }

  /// The file's bytes.
  ///
  /// - Throws: the file system's error if the bundle is damaged.
  public func data() throws -> Data { try Data(contentsOf: url) }
}
