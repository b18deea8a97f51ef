import Foundation

/// One chart of a report, with the file name `tnr report --charts DIR` writes it under.
public struct ReportChart: Hashable, Sendable {
  /// The file name, such as `hosts.svg`.
  public let fileName: String
  /// A one-line caption.
  public let caption: String
  /// The standalone SVG document.
  public let svg: String
}

extension AnalysisReport {
  /// The report's charts: persons by host country (bars), incidents by category and mode (bars),
  /// incidents by year and category
  /// (stacked columns), China's debt share against cases per country (scatter with a
  /// Theil–Sen trend line), and the incidence-rate ratios of the "debt with controls" models
  /// (a ``ForestChart``, log scale; "No data" when no model could be fitted).
  ///
  /// - Returns: five charts, each a standalone, accessible SVG document.
  /// - Complexity: O(*c*² ) for *c* countries (the Theil–Sen line compares every pair).
  public func charts() -> [ReportChart] {
    let note =
      isSample
      ? "Bundled SAMPLE of \(recordCount) documented events — not the Oxus/UHRP dataset."
      : "\(recordCount) records."
    let hosts = ((try? byHost.marginal(over: [.host]))?.top(options.topHosts) ?? [])
    let bars = BarChart(
      title: "People detained, returned or intimidated, by host country",
      bars: hosts.map { row in
        (label: Self.countryName(row.labels[0]), value: Double(row.value.knownSum))
      },
      valueAxisTitle: "persons (sum of the numbers the records give)", note: note,
      source: "Sources: each record's own citation (documented-events.csv).")

    let modes = BarChart(
      title: "Incidents by kind: intimidation tactic, detention, return mode",
      bars: byMode.rows.filter { $0.value.records > 0 }.map { row in
        (label: IncidentKind.label(forMode: row.labels[1].description), value: Double(row.value.records))
      },
      valueAxisTitle: "incidents (records)", note: note,
      source: "Sources: each record's own citation (documented-events.csv).")

    var byYear: [(name: String, values: [Int: Double])] = []
    for category in IncidentCategory.allCases {
      var values: [Int: Double] = [:]
      for (labels, count) in byYearAndCategory.cells where labels[1] == .category(category) {
        if case .year(let year) = labels[0] { values[year] = Double(count) }
      }
      byYear.append((name: category.rawValue, values: values))
    }
    let timeline = StackedTimeSeriesChart(
      title: "Incidents by year and category", seriesByYear: byYear, valueAxisTitle: "incidents (records)",
      note: note, source: "Sources: each record's own citation (documented-events.csv).")

    let points = analysis.pairs(.allCreditorCountries).map { pair in
      ScatterChart.Point(
        label: pair.cases > 0 ? pair.country.alpha2 : "", x: pair.measure, y: pair.cases,
        name: pair.country.commonName)
    }
    let scatter = ScatterChart(
      title: "Debt to China against cases, by country",
      points: points, xAxisTitle: options.measure.label,
      yAxisTitle: options.cases.rawValue.replacingOccurrences(of: "_", with: " "),
      yScale: .squareRoot,
      note: note + " Zero = none documented. Line: Theil–Sen (median of pairwise slopes).",
      source: "Debt: \(creditors.name). Cases: documented events.")
    let slope = scatter.trend.map { String(format: "%.2f", $0.slope) } ?? "undefined"
    let scatterCaption =
      "China's debt share against cases per country, with a Theil–Sen trend line (slope \(slope) cases per unit share)."
      + " Where most countries have no documented case, the median of pairwise slopes is near zero."
    return [
      ReportChart(fileName: "hosts.svg", caption: "Persons by host country (top \(options.topHosts)).", svg: bars.render()),
      ReportChart(fileName: "modes.svg", caption: "Incidents by category and mode.", svg: modes.render()),
      ReportChart(fileName: "timeline.svg", caption: "Incidents by year, stacked by category.", svg: timeline.render()),
      ReportChart(fileName: "debt-vs-cases.svg", caption: scatterCaption, svg: scatter.render()),
      ReportChart(
        fileName: "debt-models.svg",
        caption: "Debt with controls: incidence-rate ratios with 95% intervals (log scale) of the Poisson and negative binomial models.",
        svg: debtModelChart().render()),
    ]
  }

  /// The report as one self-contained HTML page with the charts embedded.
  ///
  /// - Returns: an HTML5 document with inline CSS and inline SVG, and no external resources.
  public func html() -> String {
    var page = HTMLPage(
      title: "Transnational repression: analysis",
      subtitle: isSample
        ? "Bundled sample of \(recordCount) documented events — not the Oxus Society / UHRP dataset"
        : "\(recordCount) records")
    let charts = Dictionary(uniqueKeysWithValues: charts().map { ($0.fileName, $0) })
    func figure(_ fileName: String) -> HTMLPage.Block {
      let chart = charts[fileName]!
      return .figure(svg: chart.svg, caption: chart.caption)
    }
    for (index, section) in sections().enumerated() {
      var blocks: [HTMLPage.Block] = section.blocks.map { block in
        switch block {
        case .paragraph(let text): .paragraph(text)
        case .table(let header, let rows): .table(header: header, rows: rows)
        }
      }
      if index == 1 {
        blocks.insert(figure("hosts.svg"), at: 0)
        blocks.append(figure("modes.svg"))
        blocks.append(figure("timeline.svg"))
      }
      if index == 3 {
        blocks.insert(figure("debt-vs-cases.svg"), at: 2)
      }
      if section.title == Self.debtModelsTitle {
        blocks.insert(figure("debt-models.svg"), at: min(blocks.count, 3))
      }
      page.append(HTMLPage.Section(heading: section.title, blocks: blocks))
    }
    page.sources = [
      "Great Wall of Steel (Jardine, Wilson Center, 2022), summarized at https://oxussociety.org/great-wall-of-steel/",
      "No Space Left to Run (UHRP and Oxus Society, 2021), https://uhrp.org/report/no-space-left-to-run-chinas-transnational-repression-of-uyghurs/",
      CreditorTable.worldBankSource.title,
      CreditorTable.hornReinhartTrebeschSource.title,
      "UHRP Uyghur population estimates as of November 2023, https://uhrp.org/?p=16682",
      "Documented events: each record's own citation (documented-events.csv)",
    ]
    return page.render()
  }
}
