import Foundation
import Testing

@testable import TransnationalRepression

/// Example charts built from the bundled sample (values copied here so the rendering tests do
/// not depend on the counting code). Rendered and checked by `ChartExampleTests`; written to
/// the directory in `TNR_CHART_EXAMPLES_DIR` when it is set, for looking at them:
///
///     TNR_CHART_EXAMPLES_DIR=/tmp/charts swift test -j 1 --filter ChartExampleTests
///
/// Test support, not API.
enum ChartExamples {
  static let sampleSize = IncidentDataset.documentedSample.count
  static let sampleNote =
    "Bundled SAMPLE of \(sampleSize) documented events — not the Oxus/UHRP dataset. Counts are persons "
    + "detained or returned where a number is known."
  static let eventsSource =
    "Source: TransnationalRepression bundled documented-events.csv (\(sampleSize) events compiled from "
    + "RFA, HRIC, Amnesty International and others; see each row's source_url)."
  static let debtSource =
    "Sources: events as above; China's share of external public and publicly guaranteed debt "
    + "from World Bank International Debt Statistics 2024 (https://www.worldbank.org/en/programs/debt-statistics/ids)."

  /// Persons detained or returned by host country (bundled sample), largest first.
  static let personsByHost: [(label: String, value: Double)] = [
    ("Thailand", 559), ("Egypt", 84), ("Pakistan", 28), ("Cambodia", 20), ("Myanmar", 17),
    ("Malaysia", 17), ("Viet Nam", 16), ("Kazakhstan", 12), ("Türkiye", 11), ("Laos", 7),
    ("Saudi Arabia", 5), ("United Arab Emirates", 4), ("Kyrgyzstan", 3), ("Nepal", 3),
    ("Germany", 2), ("Uzbekistan", 2), ("Italy", 1), ("Morocco", 1),
  ]

  static var barChart: BarChart {
    BarChart(
      title: "Persons detained or returned to China, by host country",
      bars: personsByHost, valueAxisTitle: "Persons (where a number is known)",
      note: sampleNote, source: eventsSource)
  }

  /// Documented events by year and category (bundled sample).
  static var stackedChart: StackedTimeSeriesChart {
    StackedTimeSeriesChart(
      title: "Documented events by year and category",
      seriesByYear: [
        ("Intimidation", [2008: 2, 2018: 2, 2019: 2, 2020: 1, 2022: 1]),
        (
          "Detention",
          [
            2002: 1, 2008: 1, 2014: 3, 2016: 1, 2017: 3, 2018: 2, 2019: 4, 2020: 2, 2021: 3,
            2022: 3, 2025: 1,
          ]
        ),
        (
          "Extradition",
          [
            1997: 1, 1999: 1, 2002: 3, 2003: 2, 2006: 2, 2009: 1, 2010: 2, 2011: 4, 2012: 1,
            2014: 1, 2015: 2, 2017: 3, 2018: 2, 2019: 1, 2025: 2,
          ]
        ),
      ],
      valueAxisTitle: "Events",
      note: "Bundled SAMPLE of \(sampleSize) documented events — not the Oxus/UHRP dataset.",
      source: eventsSource)
  }

  /// (ISO code, China's share of external PPG debt, persons detained or returned) for the 120
  /// World Bank IDS debtor countries, from Tests/Fixtures/scipy/generate_creditor_analysis_reference.py.
  static let debtAndCases: [(String, Double, Double)] = [
    ("AF", 0.0000, 0), ("AL", 0.0004, 0), ("AM", 0.0024, 0), ("AO", 0.3123, 0),
    ("AR", 0.0474, 0), ("AZ", 0.0000, 0), ("BA", 0.0061, 0), ("BD", 0.0855, 0),
    ("BF", 0.0193, 0), ("BI", 0.0619, 0), ("BJ", 0.0410, 0), ("BO", 0.0959, 0),
    ("BR", 0.0136, 0), ("BT", 0.0000, 0), ("BW", 0.0000, 0), ("BY", 0.1689, 0),
    ("BZ", 0.0000, 0), ("CD", 0.4442, 0), ("CF", 0.0437, 0), ("CG", 0.5574, 0),
    ("CI", 0.1315, 0), ("CM", 0.2641, 0), ("CN", 0.0000, 0), ("CO", 0.0000, 0),
    ("CV", 0.0112, 0), ("DJ", 0.5054, 0), ("DM", 0.0503, 0), ("DO", 0.0000, 0),
    ("DZ", 0.0753, 0), ("EC", 0.0665, 0), ("EG", 0.0552, 84), ("ER", 0.0059, 0),
    ("ET", 0.2192, 0), ("FJ", 0.0726, 0), ("GA", 0.1591, 0), ("GD", 0.0744, 0),
    ("GE", 0.0000, 0), ("GH", 0.0725, 0), ("GM", 0.0237, 0), ("GN", 0.4030, 0),
    ("GQ", 0.9259, 0), ("GT", 0.0032, 0), ("GW", 0.0000, 0), ("GY", 0.2253, 0),
    ("HN", 0.0286, 0), ("HT", 0.0000, 0), ("ID", 0.0059, 0), ("IN", 0.0000, 0),
    ("IQ", 0.0318, 0), ("IR", 0.0188, 0), ("JM", 0.0670, 0), ("JO", 0.0024, 0),
    ("KE", 0.1508, 0), ("KG", 0.3922, 3), ("KH", 0.3413, 20), ("KM", 0.2774, 0),
    ("KZ", 0.0557, 12), ("LA", 0.5296, 7), ("LB", 0.0002, 0), ("LC", 0.0000, 0),
    ("LK", 0.2197, 0), ("LR", 0.0352, 0), ("LS", 0.1787, 0), ("MA", 0.0063, 1),
    ("MD", 0.0000, 0), ("ME", 0.1589, 0), ("MG", 0.0666, 0), ("MK", 0.0858, 0),
    ("ML", 0.0890, 0), ("MM", 0.1871, 17), ("MN", 0.2150, 0), ("MR", 0.0729, 0),
    ("MU", 0.0370, 0), ("MV", 0.2486, 0), ("MW", 0.0677, 0), ("MX", 0.0000, 0),
    ("MZ", 0.1563, 0), ("NE", 0.0363, 0), ("NG", 0.1060, 0), ("NI", 0.0024, 0),
    ("NP", 0.0279, 3), ("PE", 0.0000, 0), ("PG", 0.1525, 0), ("PH", 0.0042, 0),
    ("PK", 0.2500, 28), ("PY", 0.0000, 0), ("RS", 0.1189, 0), ("RW", 0.0433, 0),
    ("SB", 0.0632, 0), ("SD", 0.0616, 0), ("SL", 0.0440, 0), ("SN", 0.0885, 0),
    ("SO", 0.0000, 0), ("SR", 0.1966, 0), ("ST", 0.0000, 0), ("SV", 0.0000, 0),
    ("SY", 0.0195, 0), ("SZ", 0.2457, 0), ("TD", 0.0852, 0), ("TG", 0.1361, 0),
    ("TH", 0.0000, 559), ("TJ", 0.2754, 0), ("TL", 0.0000, 0), ("TM", 0.0264, 0),
    ("TN", 0.0015, 0), ("TO", 0.5084, 0), ("TR", 0.0077, 11), ("TZ", 0.0586, 0),
    ("UA", 0.0078, 0), ("UG", 0.1821, 0), ("UZ", 0.1000, 2), ("VC", 0.0652, 0),
    ("VN", 0.0131, 16), ("VU", 0.4465, 0), ("WS", 0.3518, 0), ("XK", 0.0000, 0),
    ("YE", 0.0264, 0), ("ZA", 0.0340, 0), ("ZM", 0.3444, 0), ("ZW", 0.3777, 0),
  ]

  static func scatterChart(_ scale: ScatterChart.YScale) -> ScatterChart {
    ScatterChart(
      title: "Persons detained or returned vs China's share of external public debt",
      points: debtAndCases.map { ScatterChart.Point(label: $0.0, x: $0.1, y: $0.2) },
      xAxisTitle: "China's share of external public and publicly guaranteed debt (2022)",
      yAxisTitle: "Persons detained or returned", yScale: scale,
      note: "Bundled SAMPLE of \(sampleSize) documented events — not the Oxus/UHRP dataset. 120 debtor "
        + "countries; labelled where persons > 0.",
      source: debtSource)
  }

  /// The 13 host countries with cases only, labelled with full names.
  static var hostsScatter: ScatterChart {
    let names = [
      "EG": "Egypt", "KG": "Kyrgyzstan", "KH": "Cambodia", "KZ": "Kazakhstan", "LA": "Laos",
      "MA": "Morocco", "MM": "Myanmar", "NP": "Nepal", "PK": "Pakistan", "TH": "Thailand",
      "TR": "Türkiye", "UZ": "Uzbekistan", "VN": "Viet Nam",
    ]
    var chart = ScatterChart(
      title: "Host countries with cases: persons and China's share of external public debt",
      points: debtAndCases.filter { $0.2 > 0 }.map {
        ScatterChart.Point(label: names[$0.0]!, x: $0.1, y: $0.2)
      },
      xAxisTitle: "China's share of external public and publicly guaranteed debt (2022)",
      yAxisTitle: "Persons detained or returned", yScale: .squareRoot,
      note: "Bundled SAMPLE of \(sampleSize) documented events — not the Oxus/UHRP dataset.",
      source: debtSource)
    chart.id = "hosts-scatter"
    return chart
  }

  static var page: HTMLPage {
    let scatter = scatterChart(.squareRoot)
    return HTMLPage(
      title: "Transnational repression of Uyghurs: sample report",
      subtitle: "Charts rendered by the TransnationalRepression library",
      sections: [
        HTMLPage.Section(
          heading: "Host countries",
          blocks: [
            .note(sampleNote),
            .paragraph("Persons detained or returned to China, by host country & year <sample>."),
            .chart(barChart, caption: "Figure 1. Persons detained or returned, by host country."),
            .table(
              header: ["Host country", "Persons"],
              rows: personsByHost.prefix(5).map { [$0.label, String(Int($0.value))] },
              caption: "Top five host countries"),
          ]),
        HTMLPage.Section(
          heading: "Events over time",
          blocks: [.chart(stackedChart, caption: "Figure 2. Documented events by year.")]),
        HTMLPage.Section(
          heading: "Creditor exposure",
          blocks: [
            .chart(scatter, caption: "Figure 3. Square-root vertical scale; Theil–Sen trend."),
            .preformatted(
              TextTable.render(
                header: ["Statistic", "Value"],
                rows: [
                  [
                    "Theil–Sen slope per 10 pp",
                    ChartNumberFormat.fixed(scatter.trend!.slope / 10, decimals: 2),
                  ]
                ], markdown: false)),
          ]),
      ],
      sources: [eventsSource, debtSource])
  }

  /// Writes every example to `directory` (SVG files and page.html).
  static func write(to directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let files: [(String, String)] = [
      ("bar.svg", barChart.render()),
      ("stacked.svg", stackedChart.render()),
      ("scatter.svg", scatterChart(.linear).render()),
      ("scatter-sqrt.svg", scatterChart(.squareRoot).render()),
      ("scatter-log1p.svg", scatterChart(.log1p).render()),
      ("scatter-hosts.svg", hostsScatter.render()),
      ("page.html", page.render()),
    ]
    for (name, content) in files {
      try content.write(
        to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
  }
}

@Suite("Chart examples")
struct ChartExampleTests {
  @Test("The example charts render as valid documents")
  func examplesRender() throws {
    try checkSVGDocument(ChartExamples.barChart.render(), title: ChartExamples.barChart.title)
    try checkSVGDocument(
      ChartExamples.stackedChart.render(), title: ChartExamples.stackedChart.title)
    let hosts = try checkSVGDocument(
      ChartExamples.hostsScatter.render(), title: ChartExamples.hostsScatter.title)
    #expect(hosts.all("text", class: "point-label").count == 13)
    for scale in [ScatterChart.YScale.linear, .squareRoot, .log1p] {
      let chart = ChartExamples.scatterChart(scale)
      let root = try checkSVGDocument(chart.render(), title: chart.title)
      #expect(root.all("circle", class: "point").count == 120)
      // Most of the 13 countries with cases are labelled; crowded ones are listed instead.
      let labelled = root.all("text", class: "point-label").count
      #expect(labelled >= 10 && labelled <= 13)
    }
    if let directory = ProcessInfo.processInfo.environment["TNR_CHART_EXAMPLES_DIR"] {
      try ChartExamples.write(to: URL(fileURLWithPath: directory, isDirectory: true))
    }
  }
}
