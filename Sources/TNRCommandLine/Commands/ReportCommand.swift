import Foundation
import TransnationalRepression

/// `tnr report [--incidents FILE] [--creditors FILE] [--format text|markdown|json|html]
/// [--charts DIR] [--top N] [--permutations K] [--seed S] [--measure M] [--quiet]`: the whole
/// analysis.
enum ReportCommand {
  @Sendable static func run(_ parsed: ParsedArguments, console: Console) throws -> Int32 {
    let format = parsed.value("format")!
    var options = AnalysisReport.Options()
    options.topN = parsed.integer("top") ?? options.topN
    options.topHosts = options.topN
    options.permutations = parsed.integer("permutations") ?? options.permutations
    options.seed = UInt64(parsed.integer("seed") ?? 0)
    options.measure = CreditorMeasure(rawValue: parsed.value("measure")!)!
    let quiet = parsed.flag("quiet")
    func progress(_ message: String) {
      if !quiet { console.err("tnr report: \(message)\n") }
    }

    if let path = parsed.value("incidents") { progress("reading \(path)") }
    let (input, isSample) = try IncidentInput.columns(parsed, console: console)
    var creditors: CreditorTable?
    if let path = parsed.value("creditors") {
      progress("reading creditor table \(path)")
      creditors = try CreditorTable(contentsOf: URL(fileURLWithPath: path))
      guard creditors!.measures.contains(options.measure) else {
        throw UsageError("the creditor table \(path) has no column \(options.measure.rawValue)", command: "report")
      }
    }
    progress("counting \(input.columns.count) records and running the creditor analysis")
    let report = try AnalysisReport(
      imported: input, isSample: isSample, creditors: creditors, options: options)
    if let directory = parsed.value("charts") {
      let url = URL(fileURLWithPath: directory, isDirectory: true)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      for chart in report.charts() {
        try Data(chart.svg.utf8).write(to: url.appendingPathComponent(chart.fileName), options: .atomic)
        progress("wrote \(url.appendingPathComponent(chart.fileName).path)")
      }
    }
    switch format {
    case "json": console.out(String(decoding: try report.json(), as: UTF8.self))
    case "html": console.out(report.html())
    default: console.out(report.text(markdown: format == "markdown"))
    }
    return 0
  }
}
