/// A measure of a country's debt to China, to set against incident counts.
///
/// The raw values are the names `tnr correlate --measure` accepts.
public enum CreditorMeasure: String, CaseIterable, Codable, Hashable, Sendable {
  /// China's share of the country's total public and publicly guaranteed (PPG) external debt,
  /// all of China's creditor types (World Bank IDS, end-2024), as a fraction 0–1.
  case chinaShareTotal = "china_share_total"
  /// China's bilateral-category claim as a share of all bilateral PPG debt (World Bank IDS,
  /// end-2024), as a fraction 0–1.
  case chinaShareBilateral = "china_share_bilateral"
  /// 1 when China is the largest bilateral creditor (World Bank IDS, end-2024), else 0.
  case chinaLargestBilateral = "china_largest_bilateral"
  /// 1 when China is the largest creditor overall, pooled creditors excluded (World Bank IDS,
  /// end-2024), else 0.
  case chinaLargestOverall = "china_largest_overall"
  /// Debt owed to China in current US dollars, all creditor types (World Bank IDS, end-2024).
  case debtToChinaUSD = "debt_to_china_usd"
  /// Estimated external debt owed to China as a percentage of GDP (Horn, Reinhart and Trebesch,
  /// China Debt Stock Database, April 2020; the latest year, 2017, unless another is chosen).
  case hrtDebtPercentGDP = "hrt_debt_pct_gdp"

  /// Whether the measure is a yes/no indicator coded 1/0.
  public var isIndicator: Bool {
    self == .chinaLargestBilateral || self == .chinaLargestOverall
  }

  /// A short human label, e.g. "China's share of total PPG debt (WB IDS 2024)".
  public var label: String {
    switch self {
    case .chinaShareTotal: "China's share of total PPG external debt (World Bank IDS, end-2024)"
    case .chinaShareBilateral: "China's share of bilateral PPG debt (World Bank IDS, end-2024)"
    case .chinaLargestBilateral: "China is the largest bilateral creditor (World Bank IDS, end-2024)"
    case .chinaLargestOverall: "China is the largest creditor overall (World Bank IDS, end-2024)"
    case .debtToChinaUSD: "Debt owed to China, USD (World Bank IDS, end-2024)"
    case .hrtDebtPercentGDP: "Debt owed to China, % of GDP (Horn–Reinhart–Trebesch, 2017)"
    }
  }
}
