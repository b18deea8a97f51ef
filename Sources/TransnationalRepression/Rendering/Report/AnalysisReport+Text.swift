import Foundation

extension AnalysisReport {
  /// The report as plain text or Markdown.
  ///
  /// - Parameter markdown: whether to write Markdown (headings and pipe tables).
  /// - Returns: the report, ending with a line feed.
  /// - Complexity: O(*c*) in the number of countries and years.
  public func text(markdown: Bool) -> String {
    var out = ReportWriter(markdown: markdown)
    out.title("Transnational repression: analysis")
    for section in sections() {
      out.heading(section.title)
      for block in section.blocks {
        switch block {
        case .paragraph(let text): out.paragraph(text)
        case .table(let header, let rows): out.table(header, rows)
        }
      }
    }
    return out.text
  }

  /// One block of a report section.
  enum Block {
    case paragraph(String)
    case table([String], [[String]])
  }

  /// The report's sections, shared by every output format.
  func sections() -> [(title: String, blocks: [Block])] {
    var result: [(String, [Block])] = []
    let sampleWarning =
      "This is the bundled SAMPLE of \(recordCount) individually sourced events (documented-events.csv), "
      + "not the Oxus Society / UHRP dataset. Its counts are never the dataset's; a country or year with no "
      + "record here means 'none documented in the sample', not 'none'."

    // 1. The data.
    var data: [Block] = []
    if isSample {
      data.append(.paragraph(sampleWarning))
      data.append(
        .paragraph(
          "Each record cites the news report or NGO release it was read from (Human Rights Watch, Amnesty "
            + "International, UHRP, WUC, RFA, RFE/RL, AP, Reuters, AFP and others); names of people are left out."))
    } else {
      data.append(.paragraph("A user dataset of \(recordCount) records."))
    }
    if let years = summary.years {
      data.append(
        .paragraph(
          "\(counted(recordCount, isSample ? "documented event" : "record")) in "
            + "\(counted(summary.hostCountries, "host country", plural: "host countries")), "
            + "\(years.lowerBound)–\(years.upperBound), "
            + "from \(counted(originStates, "origin state"))."))
    }
    data.append(.paragraph("Coverage against the published figures (people, within each figure's period):"))
    data.append(
      .table(
        ["source", "published figure", "period", "published", "persons here", "coverage"],
        comparison.rows.map { row in
          [
            row.figure.sourceID, row.counts, row.figure.period, row.figure.printedValue,
            Self.persons(row.persons), row.coverage.map { "\(Int(($0 * 100).rounded()))%" } ?? "",
          ]
        }))
    data.append(
      .paragraph(
        "Sources: GWOS2022 = Great Wall of Steel (Jardine, Wilson Center, 2022), https://oxussociety.org/great-wall-of-steel/; "
          + "NSLR2021 = No Space Left to Run (UHRP and Oxus Society, 2021), "
          + "https://uhrp.org/report/no-space-left-to-run-chinas-transnational-repression-of-uyghurs/."))
    result.append(("What the data is", data))

    // 2. Counts.
    var counts: [Block] = []
    counts.append(
      .paragraph(
        "Incidents are records; persons are the sum of the numbers the records give, with how many records "
          + "were not exact ('at least', 'about', 'up to', unknown). '≥' marks a lower bound ('at least' or unknown "
          + "counts); '~' marks an estimate (some 'about' or 'up to' counts); no mark means every count is exact."))
    counts.append(
      .table(
        ["category", "incidents", "persons", "not exact", "published (GWOS 2022)"],
        summary.categories.map {
          [$0.category.rawValue, String($0.incidents), Self.persons($0.persons), String($0.persons.records - $0.persons.exactRecords), $0.publishedTotal]
        }))
    let regions = (try? byRegion.marginal(over: [.region]))?.rows ?? []
    counts.append(.paragraph("By region (all categories):"))
    counts.append(
      .table(
        ["region", "incidents", "persons", "not exact"],
        regions.sorted { $0.value.records > $1.value.records }.map {
          [$0.labels[0].description, String($0.value.records), Self.persons($0.value), String($0.value.records - $0.value.exactRecords)]
        }))
    counts.append(.paragraph("By kind (category, then the intimidation tactic, detention or return mode):"))
    counts.append(
      .table(
        ["category", "mode", "incidents", "persons", "not exact"],
        byMode.rows.filter { $0.value.records > 0 }.map { row in
          [
            row.labels[0].description, IncidentKind.label(forMode: row.labels[1].description),
            String(row.value.records), Self.persons(row.value), String(row.value.records - row.value.exactRecords),
          ]
        }))
    let hosts = (try? byHost.marginal(over: [.host]))
    let topHosts = hosts?.top(options.topHosts) ?? []
    counts.append(.paragraph("Host countries with most persons (all categories; top \(options.topHosts), ties kept):"))
    counts.append(
      .table(
        ["host", "incidents", "persons", "detained", "returned", "intimidated"],
        topHosts.map { row in
          let country = row.labels[0]
          func cell(_ category: IncidentCategory) -> String {
            Self.persons(byHost[country, .category(category)])
          }
          return [
            Self.countryName(country), String(row.value.records), Self.persons(row.value),
            cell(.detention), cell(.extradition), cell(.intimidation),
          ]
        }))
    counts.append(.paragraph("Persons detained or returned by phase (the monograph's stages):"))
    counts.append(
      .table(
        ["phase", "records", "persons", "published (GWOS 2022)"],
        byPhase.rows.map { row in
          let published = PublishedFigure.all.first {
            $0.sourceID == "GWOS2022" && $0.hostCountry == "ALL" && $0.measure.hasPrefix("phase")
              && $0.period.hasPrefix(Self.phaseStart(row.labels[0]))
              && !$0.measure.hasSuffix("countries")
          }
          return [row.labels[0].description, String(row.value.records), Self.persons(row.value), published?.printedValue ?? ""]
        }))
    if let series = try? byYearAndCategory.timeSeries(), let first = series.first {
      counts.append(.paragraph("Incidents by year (missing years are zeros):"))
      let byCategory = Dictionary(uniqueKeysWithValues: series.map { ($0.labels.first?.description ?? "", $0.values) })
      counts.append(
        .table(
          ["year"] + IncidentCategory.allCases.map(\.rawValue) + ["total"],
          first.years.enumerated().map { index, year in
            let values = IncidentCategory.allCases.map { byCategory[$0.rawValue]?[index] ?? 0 }
            return [String(year)] + values.map(String.init) + [String(values.reduce(0, +))]
          }))
    }
    let reconciliation = byHost.reconciliation()
    counts.append(
      .paragraph(
        reconciliation.isConsistent
          ? "Reconciliation: every marginal of the host × category table sums to its total (\(Self.persons(byHost.total)) persons, \(byHost.total.records) records)."
          : "Reconciliation FAILED: \(reconciliation.description)"))
    result.append(("Counts", counts))

    // 3. Per capita.
    var rates: [Block] = []
    rates.append(
      .paragraph(
        "Persons detained or returned per 1,000 Uyghurs living in the host country (UHRP estimates as of "
          + "November 2023, https://uhrp.org/?p=16682, as published; a range population gives a range rate). "
          + "Hosts with no estimate are left out. The populations are of residents in 2023; many people counted "
          + "here were in transit or fled decades earlier (Thailand's 2014–15 detainees were asylum seekers), so a "
          + "rate can exceed 1,000 per 1,000 and is a ratio of exposure, not a probability."))
    rates.append(
      .table(
        ["host", "persons", "Uyghur population (UHRP 2023)", "per 1,000"],
        perCapita.map {
          [Self.countryName($0.labels[0]), String($0.value.count), $0.value.population.printedValue, $0.value.description]
        }))
    result.append(("Per-capita rates", rates))

    // 4. Creditors.
    var credit: [Block] = []
    credit.append(
      .paragraph(
        "Cases: \(options.cases.rawValue.replacingOccurrences(of: "_", with: " ")) per host. Measure: \(options.measure.label). "
          + "Creditor data: \(creditors.name) (\(creditors.countries.count) countries)."))
    credit.append(
      .table(
        ["countries", "n", "Pearson r (p)", "Spearman rho (p)", "Kendall tau-b (p)"],
        correlations.map { c in
          [
            c.join == .allCreditorCountries ? "all creditor countries (0 where none documented)" : "hosts with cases only",
            String(c.n), Self.test(c.pearson), Self.test(c.spearman), Self.test(c.kendallTauB),
          ]
        }))
    credit.append(
      .paragraph(
        "Permutation test of Spearman's rho over all creditor countries: p = \(Self.number(permutation.pValue)) "
          + "(\(permutation.isExact ? "exact" : "\(permutation.permutations) random pairings, seed \(permutation.seed)"))."))
    credit.append(
      .paragraph(
        "Hosts with cases but no creditor figure: "
          + (analysis.casesWithoutCreditorData.isEmpty ? "none" : analysis.casesWithoutCreditorData.map { $0.commonName }.joined(separator: ", "))
          + ". The World Bank file covers low- and middle-income debtors only."))
    credit.append(
      .paragraph(
        "Top-N question: of the N host countries with most cases (among the \(topN.table.total) the World Bank table covers), "
          + "how many have China as largest bilateral creditor, and is that more than chance? Fisher's exact test, one-sided:"))
    credit.append(
      .table(
        ["N", "in top (ties kept)", "China largest: top", "China largest: others", "p"],
        ([topN] + topNSweep.filter { $0.requested != topN.requested }).map {
          [
            String($0.requested), String($0.top.count), "\($0.table.a) of \($0.table.row1Total)",
            "\($0.table.c) of \($0.table.row2Total)", Self.number($0.fisher.pValue),
          ]
        }))
    credit.append(
      .paragraph(
        "The monograph (Great Wall of Steel, 2022) names Pakistan, Kyrgyzstan, Tajikistan, Cambodia and Myanmar as countries "
          + "where China is the largest creditor. Against the World Bank's end-2024 data:"))
    credit.append(
      .table(
        ["country", "largest bilateral creditor", "largest creditor overall", "China's share of PPG debt"],
        monographCheck.map {
          [
            $0.country.commonName, $0.largestBilateralCreditor ?? "not covered", $0.largestCreditorOverall ?? "not covered",
            $0.chinaShareTotal.map { String(format: "%.1f%%", $0 * 100) } ?? "",
          ]
        }))
    result.append(("Debt to China and cases", credit))

    // 5. Debt with controls.
    result.append((Self.debtModelsTitle, debtModelBlocks()))

    // 6. Caveats.
    var caveats: [Block] = []
    if isSample {
      caveats.append(.paragraph(sampleWarning))
      caveats.append(
        .paragraph(
          "With \(counted(recordCount, "record")) in "
            + "\(counted(summary.hostCountries, "country", plural: "countries")), no test here can detect anything but a very strong association; "
            + "non-significant results say the sample cannot tell, not that there is no association."))
    }
    caveats.append(
      .paragraph(
        "Detentions and returns can describe the same people: in the sample, Egypt July 2017 has a detention row "
          + "(at least 62) and two return rows (12 and 10) that overlap, so 'persons detained or returned' counts some twice."))
    caveats.append(
      .paragraph(
        "World Bank IDS records Chinese state-bank loans under whatever creditor type the debtor reports, so China's "
          + "bilateral share can understate its role (Myanmar, Egypt). Debt is measured at end-2024; cases span 1997–2025."))
    caveats.append(
      .paragraph(
        "Correlation across countries is not causation: debt, proximity, diaspora size and policing ties move together."))
    result.append(("Caveats", caveats))
    return result
  }

  static func persons(_ cell: PersonsCell) -> String {
    if cell.records == 0 { return "0" }
    if cell.records == cell.unknownRecords { return "unknown" }
    if cell.isExact { return String(cell.knownSum) }
    return cell.isLowerBound ? "≥\(cell.knownSum)" : "~\(cell.knownSum)"
  }

  static func number(_ value: Double) -> String {
    value.isNaN ? "n/a" : String(format: abs(value) < 1e-3 && value != 0 ? "%.2e" : "%.3f", value)
  }

  static func test(_ test: CorrelationTest) -> String {
    test.isDefined ? "\(number(test.statistic)) (\(number(test.pValue)))" : "n/a (\(test.undefinedReason ?? ""))"
  }

  static func countryName(_ label: DimensionValue) -> String {
    if case .country(let country) = label { return "\(country.commonName) (\(country.alpha2))" }
    return label.description
  }

  static func phaseStart(_ label: DimensionValue) -> String {
    if case .phase(let phase?) = label { return String(phase.firstYear) }
    return "none"
  }
}

/// Accumulates plain-text or Markdown output.
struct ReportWriter {
  let markdown: Bool
  private(set) var text = ""

  mutating func title(_ title: String) {
    text += markdown ? "# \(title)\n\n" : "\(title.uppercased())\n\(String(repeating: "=", count: title.count))\n\n"
  }

  mutating func heading(_ heading: String) {
    text += markdown ? "## \(heading)\n\n" : "\(heading.uppercased())\n\n"
  }

  mutating func paragraph(_ paragraph: String) {
    text += (markdown ? paragraph : ReportWriter.wrap(paragraph, width: 100)) + "\n\n"
  }

  mutating func table(_ header: [String], _ rows: [[String]]) {
    text += TextTable.render(header: header, rows: rows, markdown: markdown) + "\n\n"
  }

  static func wrap(_ text: String, width: Int) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
  }
}
