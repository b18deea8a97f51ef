import Foundation

/// A JSON value, written by hand so that keys keep their order.
enum JSONValue {
  case int(Int)
  case double(Double)
  case string(String)
  case bool(Bool)
  case null

  var text: String {
    switch self {
    case .int(let value): return String(value)
    case .double(let value):
      guard value.isFinite else { return "null" }
      // Six significant digits, written the shortest way Swift round-trips them.
      return Double(String(format: "%.6g", value))!.description
    case .string(let value): return JSONValue.quote(value)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    }
  }

  static func quote(_ string: String) -> String {
    var out = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// `{"a": 1, "b": "x"}`, keys in the given order.
  static func object(_ fields: [(String, JSONValue)]) -> String {
    "{" + fields.map { "\(quote($0.0)): \($0.1.text)" }.joined(separator: ", ") + "}"
  }
}

/// Plain-text output helpers.
enum TextReport {
  /// Columns padded to their widest cell; the first column left-aligned, the others right.
  static func table(header: [String], rows: [[String]]) -> String {
    var widths = header.map(\.count)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { column, cell in
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
  }

  /// A duration with a unit that keeps 3–4 significant digits: "512 ns", "3.42 ms", "1.20 s".
  static func duration(_ seconds: Double) -> String {
    switch seconds {
    case ..<1e-6: return String(format: "%.0f ns", seconds * 1e9)
    case ..<1e-3: return String(format: "%.2f µs", seconds * 1e6)
    case ..<1: return String(format: "%.3f ms", seconds * 1e3)
    default: return String(format: "%.3f s", seconds)
    }
  }

  /// A rate with an SI prefix: "1.97 G", "350 M".
  static func rate(_ perSecond: Double) -> String {
    switch perSecond {
    case 1e9...: return String(format: "%.3f G", perSecond / 1e9)
    case 1e6...: return String(format: "%.1f M", perSecond / 1e6)
    case 1e3...: return String(format: "%.1f k", perSecond / 1e3)
    default: return String(format: "%.1f", perSecond)
    }
  }

  /// Bytes in MiB.
  static func bytes(_ bytes: Int?) -> String {
    guard let bytes else { return "-" }
    return String(format: "%.1f MiB", Double(bytes) / 1_048_576)
  }

  /// The standard result table.
  static func results(_ results: [BenchmarkResult]) -> String {
    let header = [
      "benchmark", "items", "threads", "median", "p10", "p90", "min", "items/s", "MB/s",
      "peak RSS", "checksum",
    ]
    let rows = results.map { result -> [String] in
      let m = result.measurement
      return [
        result.name, "\(result.items) \(result.unit)", "\(result.threads)", duration(m.median),
        duration(m.p10), duration(m.p90), duration(m.minimum),
        rate(result.itemsPerSecond) + " \(result.unit)/s",
        result.megabytesPerSecond.map { String(format: "%.0f", $0) } ?? "-",
        bytes(result.peakResidentBytes), result.checksum ?? "-",
      ]
    }
    var text = table(header: header, rows: rows)
    // Details that are not checksums (bytes per incident, the file read, …), one line each.
    for result in results {
      let shown = result.details.filter { !["expected_checksum", "checksum_ok"].contains($0.0) }
      guard !shown.isEmpty else { continue }
      text += "\n\(result.name): " + shown.map { "\($0.0) \($0.1.text)" }.joined(separator: ", ")
    }
    return text
  }
}
