import Foundation

/// Renders rows as an aligned plain-text table or a Markdown table.
///
/// ```swift
/// TextTable.render(header: ["host", "n"], rows: [["TR", "9"]], markdown: true)
/// // | host | n |
/// // | --- | ---: |
/// // | TR | 9 |
/// ```
public enum TextTable {
  /// Renders a table. Columns whose cells are all numbers are right-aligned.
  ///
  /// - Parameters:
  ///   - header: the column titles.
  ///   - rows: the cells, one array per row, as many as the header.
  ///   - markdown: a Markdown table instead of aligned text.
  /// - Returns: the table, lines separated by line feeds, without a final line feed.
  public static func render(header: [String], rows: [[String]], markdown: Bool) -> String {
    let columns = header.count
    let numeric = (0..<columns).map { column in
      rows.allSatisfy { row in
        let cell = column < row.count ? row[column] : ""
        return cell.isEmpty || Double(cell.replacingOccurrences(of: ",", with: "")) != nil
      }
    }
    func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }
    if markdown {
      func line(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
      }
      var lines = [line(header)]
      lines.append("| " + (0..<columns).map { numeric[$0] ? "---:" : "---" }.joined(separator: " | ") + " |")
      for row in rows { lines.append(line((0..<columns).map { cell(row, $0) })) }
      return lines.joined(separator: "\n")
    }
    let widths = (0..<columns).map { column in
      ([header] + rows).map { cell($0, column).count }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      (0..<columns).map { column in
        let text = cell(cells, column)
        let padding = String(repeating: " ", count: widths[column] - text.count)
        return numeric[column] ? padding + text : text + padding
      }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    var lines = [line(header)]
    lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for row in rows { lines.append(line(row)) }
    return lines.joined(separator: "\n")
  }
}
