import Foundation
import TransnationalRepression

/// `tnr report [--incidents FILE] [--format text|markdown|json]`: a summary of a dataset.
enum ReportCommand {
  static func run(_ arguments: [String], console: Console) throws -> Int32 {
    let parsed = try Arguments(arguments, options: ["incidents", "format", "map", "default"], flags: [])
    guard parsed.positionals.isEmpty else {
      throw UsageError("report takes no positional arguments")
    }
    let format = try parsed.choice("format", ["text", "markdown", "json"], default: "text")
    let (dataset, isSample) = try IncidentInput.dataset(parsed)
    let summary = DatasetSummary(dataset)
    switch format {
    case "json":
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      console.out(String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n")
    default:
      console.out(summary.text(markdown: format == "markdown", isSample: isSample))
    }
    return 0
  }
}
