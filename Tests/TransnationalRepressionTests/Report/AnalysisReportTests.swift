import Foundation
import TNRCommandLine
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import TransnationalRepression

@Suite("tnr report")
struct AnalysisReportTests {
  static let report = try! AnalysisReport(dataset: .documentedSample, isSample: true)

  @Test("The text report has every section, calls the sample a sample, and cites its figures")
  func textSections() {
    let text = Self.report.text(markdown: false)
    for heading in ["WHAT THE DATA IS", "COUNTS", "PER-CAPITA RATES", "DEBT TO CHINA AND CASES", "DEBT WITH CONTROLS", "CAVEATS"] {
      #expect(text.contains(heading), "\(heading)")
    }
    #expect(text.contains("SAMPLE"))
    #expect(text.contains("https://oxussociety.org/great-wall-of-steel/"))
    #expect(text.contains("https://uhrp.org/?p=16682"))
    // Figures from the bundled data, not typed in: 313 returned, GWOS 424 and 5,532.
    #expect(text.contains("~313"))
    #expect(text.contains("424"))
    #expect(text.contains("5,532"))
    // The monograph check: Myanmar's largest bilateral creditor is Japan in 2024.
    #expect(text.contains("Myanmar     Japan"))
  }

  @Test("Markdown output has headings and pipe tables")
  func markdown() {
    let text = Self.report.text(markdown: true)
    #expect(text.hasPrefix("# Transnational repression: analysis"))
    #expect(text.contains("## Debt to China and cases"))
    #expect(text.contains("| --- |") || text.contains("| ---:"))
  }

  @Test("JSON carries the counts and the creditor analysis, consistent with the library")
  func json() throws {
    let data = try Self.report.json()
    let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["is_sample"] as? Bool == true)
    let creditor = try #require(object["creditor"] as? [String: Any])
    let correlations = try #require(creditor["correlations"] as? [[String: Any]])
    #expect(correlations.count == 2)
    let sweep = try #require(creditor["top_n_sweep"] as? [Any])
    #expect(sweep.count == 16)
    let hosts = try #require(object["by_host"] as? [[String: Any]])
    #expect(hosts.count == 31)
    let thailand = try #require(hosts.first { $0["label"] as? String == "TH" })
    #expect((thailand["persons"] as? [String: Any])?["known_sum"] as? Int == 559)
  }

  @Test("Charts are well-formed SVG with their marks and text alternatives")
  func charts() throws {
    let charts = Self.report.charts()
    #expect(charts.map(\.fileName) == ["hosts.svg", "modes.svg", "timeline.svg", "debt-vs-cases.svg", "debt-models.svg"])
    for chart in charts {
      let parser = XMLParser(data: Data(chart.svg.utf8))
      #expect(parser.parse(), "\(chart.fileName): \(parser.parserError.map { "\($0)" } ?? "")")
      #expect(chart.svg.contains("<title"))
      #expect(chart.svg.contains("<desc"))
      #expect(chart.svg.contains("role=\"img\""))
      #expect(chart.svg.contains("SAMPLE"))
    }
    #expect(charts[0].svg.components(separatedBy: "class=\"bar\"").count - 1 == 10)
    #expect(charts[3].svg.contains("class=\"trend\""))
    // 120 creditor countries, one point each.
    #expect(charts[3].svg.components(separatedBy: "<circle").count - 1 == 120)
  }

  @Test("Every mode in the sample shows in the report's table and chart, with its own label")
  func modes() throws {
    // The sample's modes, read from the file itself rather than through the counting core.
    let text = String(decoding: try BundledResource.documentedEvents.data(), as: UTF8.self)
    let modes = Set(try CSVTable(text: text).rows.map { try $0.value("mode") })
    #expect(modes.isSuperset(of: ["threats_to_family", "digital_threat", "physical_assault", "other"]))
    let report = Self.report.text(markdown: false)
    let chart = try #require(Self.report.charts().first { $0.fileName == "modes.svg" })
    #expect(chart.svg.components(separatedBy: "class=\"bar\"").count - 1 == modes.count)
    for mode in modes {
      let label = IncidentKind.label(forMode: mode)
      #expect(report.contains(label), "\(mode)")
      #expect(chart.svg.contains(">\(label)<"), "\(mode)")
    }
    #expect(IncidentKind.label(forMode: "threats_to_family") == "threats to family")
    #expect(IncidentKind.label(forMode: "other") == "other intimidation")
    #expect(IncidentKind.label(forMode: "extradition") == "formal extradition")
    // The mode table reconciles with the category counts.
    #expect(Self.report.byMode.total.records == Self.report.dataset.count)
    #expect(Self.report.byMode.reconciliation().isConsistent)
  }

  @Test("The HTML page is self-contained and embeds the five charts")
  func html() {
    let html = Self.report.html()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.components(separatedBy: "<svg").count - 1 == 5)
    #expect(!html.contains("<script"))
    #expect(!html.contains("src=\"http"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("<img"))
    #expect(html.contains("<style"))
  }

  @Test("tnr report runs on a user CSV, writes charts, and reports progress unless --quiet")
  func userFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("cases.csv")
    let subset = IncidentDataset.documentedSample.filter { $0.host.region == .southeastAsia }
    try IncidentCSV.write(subset, to: file)
    let charts = directory.appendingPathComponent("charts")
    let result = runTNR(["report", "--incidents", file.path, "--charts", charts.path, "--permutations", "99"])
    #expect(result.status == 0)
    #expect(result.out.contains("A user dataset of \(subset.count) records"))
    #expect(!result.out.contains("bundled SAMPLE"))
    #expect(result.err.contains("tnr report: reading"))
    for name in ["hosts.svg", "modes.svg", "timeline.svg", "debt-vs-cases.svg", "debt-models.svg"] {
      #expect(FileManager.default.fileExists(atPath: charts.appendingPathComponent(name).path))
    }
    let quiet = runTNR(["report", "--incidents", file.path, "--quiet", "--format", "markdown", "--permutations", "99"])
    #expect(quiet.status == 0)
    #expect(quiet.err.isEmpty)
    #expect(runTNR(["report", "--format", "pdf"]).status == 2)
    #expect(runTNR(["report", "--incidents", directory.appendingPathComponent("missing.csv").path]).status == 1)
  }
}
