import Foundation
import TransnationalRepression

/// The `tnr` command line: `report`, `validate`, `count`, and help.
///
/// Exit status: 0 on success, 1 when the data has problems (rejected rows), 2 for a usage error.
public enum TNRCommand {
  /// The usage text. The sample's size is read from the bundled data, never typed in.
  public static var usage: String {
    let sample = IncidentDataset.documentedSample
    let hosts = Set(sample.map(\.host)).count
    return """
    tnr — transnational-repression incidents: validate, count and report

    USAGE
      tnr report   [--incidents FILE] [--format text|markdown|json]
      tnr count    [--incidents FILE] --by DIM[,DIM…] [--measure incidents|persons]
                   [--category C[,C…]] [--from YEAR] [--to YEAR] [--top N]
                   [--format text|markdown|csv|json]
      tnr correlate [--incidents FILE] [--measure M] [--cases C] [--join J] [--creditors FILE]
                   [--top N] [--permutations K] [--seed S] [--format text|json]
      tnr correlate --pairs FILE.csv [--permutations K] [--seed S] [--format text|json]
      tnr validate FILE [--lenient] [--format text|json] [--today YYYY-MM-DD]
                   [--map FIELD=COLUMN]… [--default FIELD=VALUE]…
      tnr help

    Without --incidents, commands use the bundled sample of \(counted(sample.count, "documented event"))
    in \(counted(hosts, "host country", plural: "host countries")) (a sample, not the Oxus/UHRP dataset: see `tnr report`).
    FILE is CSV in the canonical schema (see the README), or JSON when it ends in .json.
    --map and --default read files with other headers, e.g. --map host=host_country_iso2.
    count: DIM is origin, host, region, category, mode, year, phase or ethnic_group; an incident
    naming several ethnic groups counts under each. --measure persons sums the numbers of people
    the records give and counts records by qualifier (exact, at least, about, up to, unknown).

    correlate: M is china_share_total (default), china_share_bilateral, china_largest_bilateral,
    china_largest_overall, debt_to_china_usd or hrt_debt_pct_gdp; C is persons_detained_or_returned
    (default), incidents_detained_or_returned or persons_returned; J is all_creditor_countries
    (default) or hosts_with_cases. --top N adds the top-N × largest-creditor Fisher test and its
    sweep over N = 5…20. --pairs reads any CSV with columns x,y (and an optional label).

    EXIT STATUS
      0 success; 1 the data has invalid rows; 2 usage error

    """
  }

  /// Runs `tnr` with the given arguments (without the program name) on the process's console.
  ///
  /// - Returns: the exit status.
  public static func main(arguments: [String]) -> Int32 {
    run(arguments: arguments, console: .standard)
  }

  /// Runs `tnr` with the given arguments, writing to `console`.
  ///
  /// - Returns: the exit status: 0 success, 1 invalid data, 2 usage error.
  public static func run(arguments: [String], console: Console) -> Int32 {
    guard let command = arguments.first else {
      console.err(usage)
      return 2
    }
    let rest = Array(arguments.dropFirst())
    do {
      switch command {
      case "validate": return try ValidateCommand.run(rest, console: console)
      case "report": return try ReportCommand.run(rest, console: console)
      case "count": return try CountCommand.run(rest, console: console)
      case "correlate": return try CorrelateCommand.run(rest, console: console)
      case "help", "--help", "-h":
        console.out(usage)
        return 0
      default:
        throw UsageError("unknown command '\(command)'")
      }
    } catch let error as UsageError {
      console.err("tnr: \(error.message)\nRun `tnr help` for usage.\n")
      return 2
    } catch let error as ImportError {
      console.err("tnr: \(error.description)\n")
      return 1
    } catch {
      console.err("tnr: \(error)\n")
      return 1
    }
  }
}

/// Loading incident files for any command.
enum IncidentInput {
  /// Builds a column mapping from `--map FIELD=COLUMN` and `--default FIELD=VALUE` options.
  static func mapping(_ arguments: Arguments) throws(UsageError) -> ColumnMapping {
    var mapping = ColumnMapping()
    for (option, isDefault) in [("map", false), ("default", true)] {
      for pair in arguments.values(option) {
        guard let equals = pair.firstIndex(of: "=") else {
          throw UsageError("--\(option) takes FIELD=\(isDefault ? "VALUE" : "COLUMN"), not '\(pair)'")
        }
        let name = String(pair[..<equals])
        guard let field = IncidentField(rawValue: name) else {
          throw UsageError(
            "'\(name)' is not a field; fields: \(IncidentField.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let value = String(pair[pair.index(after: equals)...])
        if isDefault { mapping.defaults[field] = value } else { mapping.columns[field] = value }
      }
    }
    return mapping
  }

  /// Reads a CSV or JSON incident file.
  static func read(
    path: String, mapping: ColumnMapping, mode: ImportMode, today: CalendarDay = .today
  ) throws(ImportError) -> ImportResult {
    let url = URL(fileURLWithPath: path)
    if url.pathExtension.lowercased() == "json" {
      return try IncidentJSON.read(contentsOf: url, today: today)
    }
    return try IncidentCSV.read(contentsOf: url, mapping: mapping, mode: mode, today: today)
  }

  /// The validation day from `--today YYYY-MM-DD`, or today (UTC).
  static func today(_ arguments: Arguments) throws(UsageError) -> CalendarDay {
    guard let text = arguments.value("today") else { return .today }
    let parts = text.split(separator: "-").map { Int($0) }
    guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
      text.count == 10, let calendarDay = CalendarDay(year: year, month: month, day: day)
    else { throw UsageError("--today takes a date YYYY-MM-DD, not '\(text)'") }
    return calendarDay
  }

  /// The dataset named by `--incidents`, or the bundled sample.
  static func dataset(_ arguments: Arguments) throws -> (dataset: IncidentDataset, isSample: Bool) {
    guard let path = arguments.value("incidents") else {
      return (IncidentDataset.documentedSample, true)
    }
    return (try read(path: path, mapping: mapping(arguments), mode: .strict).dataset, false)
  }
}
