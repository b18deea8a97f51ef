import Foundation
import TransnationalRepression

/// The `tnr` command line: the commands of ``CommandTable``, `help` and `--version`.
///
/// Exit status: 0 on success, 1 when the data has problems (rejected rows) or a file cannot be
/// used, 2 for a usage error. Every error goes to standard error, as a sentence.
public enum TNRCommand {
  /// The version `tnr --version` prints.
  public static let version = "0.3.0"

  /// The general help (see ``HelpText/general``).
  public static var usage: String { HelpText.general }

  /// Runs `tnr` with the given arguments (without the program name) on the process's console.
  ///
  /// - Returns: the exit status.
  public static func main(arguments: [String]) -> Int32 {
    run(arguments: arguments, console: .standard)
  }

  /// Runs `tnr` with the given arguments, writing to `console`.
  ///
  /// - Returns: the exit status: 0 success, 1 invalid data or an unusable file, 2 usage error.
  public static func run(arguments: [String], console: Console) -> Int32 {
    guard let name = arguments.first else {
      console.err(usage)
      return 2
    }
    let rest = Array(arguments.dropFirst())
    var commandName: String?
    do {
      switch name {
      case "help", "--help", "-h":
        guard let topic = rest.first else {
          console.out(usage)
          return 0
        }
        guard rest.count == 1, let command = CommandTable.command(named: topic) else {
          throw UsageError(
            rest.count == 1
              ? "there is no command '\(topic)'; commands: \(CommandTable.commands.map(\.name).joined(separator: ", "))"
              : "help takes one COMMAND")
        }
        console.out(HelpText.help(command))
        return 0
      case "--version", "version":
        guard rest.isEmpty else { throw UsageError("--version takes no arguments") }
        console.out("tnr \(version)\n")
        return 0
      default:
        guard let command = CommandTable.command(named: name) else {
          throw UsageError(
            "there is no command '\(name)'; commands: \(CommandTable.commands.map(\.name).joined(separator: ", "))")
        }
        commandName = command.name
        let parsed = try ParsedArguments(rest, for: command)
        if parsed.wantsHelp {
          console.out(HelpText.help(command))
          return 0
        }
        return try command.run(parsed, console)
      }
    } catch let error as UsageError {
      let command = error.command ?? commandName
      let prefix = command.map { "tnr \($0)" } ?? "tnr"
      let hint = command.map { "Run `tnr help \($0)` for its options and examples." } ?? "Run `tnr help` for usage."
      console.err("\(prefix): \(error.message)\n\(hint)\n")
      return 2
    } catch {
      console.err("tnr\(commandName.map { " " + $0 } ?? ""): \(FailureMessage.describe(error))\n")
      return 1
    }
  }
}

/// Loading incident files for any command.
enum IncidentInput {
  /// The mapping the mapping options describe (``OptionSpec/mappingOptions``: `--mapping`,
  /// `--map`, `--default`, `--value`, `--date-order`).
  static func mapping(_ arguments: ParsedArguments) throws -> ColumnMapping {
    try MappingOptions.mapping(arguments)
  }

  /// Lenient with `--lenient`, strict without.
  static func mode(_ arguments: ParsedArguments) -> ImportMode {
    arguments.flag("lenient") ? .lenient : .strict
  }

  /// Reads an incident file: a workbook (.xlsx) when its content is one, whatever its name (its
  /// `sheet`, or the first); JSON when `format` is `json`, or when it is `nil` and the name ends
  /// in `.json`; else CSV.
  static func read(
    path: String, mapping: ColumnMapping, mode: ImportMode, today: CalendarDay = .today,
    format: String? = nil, sheet: String? = nil
  ) throws(ImportError) -> ImportResult {
    let url = URL(fileURLWithPath: path)
    if IncidentWorkbook.signature(ofFileAt: url) != nil {  // a workbook by content, whatever its name
      return try IncidentWorkbook.read(
        contentsOf: url, sheet: sheet, mapping: mapping, mode: mode, today: today)
    }
    if isJSON(url, format: format) {
      return try IncidentJSON.read(contentsOf: url, mode: mode, today: today)
    }
    return try IncidentCSV.read(contentsOf: url, mapping: mapping, mode: mode, today: today)
  }

  /// The validation day from `--today YYYY-MM-DD`, or today (UTC).
  static func today(_ arguments: ParsedArguments) throws(UsageError) -> CalendarDay {
    guard let text = arguments.value("today") else { return .today }
    let parts = text.split(separator: "-").map { Int($0) }
    guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
      text.count == 10, let calendarDay = CalendarDay(year: year, month: month, day: day)
    else { throw UsageError("--today takes a date YYYY-MM-DD, not '\(text)'") }
    return calendarDay
  }

  /// The dataset named by `--incidents` (read through the mapping options, leniently with
  /// `--lenient`), or the bundled sample. In lenient mode every rejected row and the count of
  /// rows go to `console`'s standard error.
  static func dataset(
    _ arguments: ParsedArguments, console: Console? = nil
  ) throws -> (dataset: IncidentDataset, isSample: Bool) {
    guard let path = arguments.value("incidents") else {
      return (IncidentDataset.documentedSample, true)
    }
    let result = try read(
      path: path, mapping: mapping(arguments), mode: mode(arguments),
      format: arguments.value("input-format"), sheet: sheet(arguments, path: path))
    if let console { listRejected(result.report, path: path, console: console) }
    return (result.dataset, false)
  }

  /// The `--sheet` of a workbook; a usage error when the file is not a workbook.
  static func sheet(_ arguments: ParsedArguments, path: String) throws(UsageError) -> String? {
    guard let sheet = arguments.value("sheet") else { return nil }
    guard IncidentWorkbook.signature(ofFileAt: URL(fileURLWithPath: path)) != nil else {
      throw UsageError("--sheet takes the sheet of a workbook (.xlsx); '\(path)' is not a workbook")
    }
    return sheet
  }

  /// Whether a file is read as JSON: `--input-format json`, or no `--input-format` and a name
  /// ending in `.json`.
  static func isJSON(_ url: URL, format: String?) -> Bool {
    format == "json" || (format == nil && url.pathExtension.lowercased() == "json")
  }

  /// Lists every rejected row of a lenient read, and the count of rows, on `console`'s standard
  /// error (nothing when no row was rejected).
  static func listRejected(_ report: ImportReport, path: String, console: Console) {
    guard !report.rejected.isEmpty else { return }
    for row in report.rejected { console.err("\(path): \(row.reason)\n    \(row.raw)\n") }
    console.err(
      "\(path): \(counted(report.dataRows, "row")), \(report.accepted) accepted, "
        + "\(report.rejected.count) rejected (the rejected rows are left out)\n")
  }
}
