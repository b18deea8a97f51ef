import TransnationalRepression

/// Options that several commands share, declared once.
extension OptionSpec {
  /// `--incidents FILE`.
  static let incidents = OptionSpec(
    "incidents", "FILE",
    help: "Incident file: CSV in the canonical schema, or JSON when it ends in .json. Default: the bundled sample.")
  /// `--input-format csv|json`: how to read the incident file, whatever its name.
  static let inputFormat = OptionSpec(
    "input-format", "F", choices: ["csv", "json"],
    help: "Read the incident file as csv or json. Default: json when the name ends in .json, else csv.")
  /// `--sheet NAME`.
  static let sheet = OptionSpec(
    "sheet", "NAME", help: "The sheet of a workbook (.xlsx, recognized by its content) to read (default: its first sheet).")
  /// `--map FIELD=COLUMN`, repeatable.
  static let map = OptionSpec(
    "map", "FIELD=COLUMN", repeatable: true,
    help: "Read FIELD from the file's COLUMN; FIELD is a canonical field, date (one date column filling year, month, day, precision) or kind (labels mapped with --value kind:…).")
  /// `--default FIELD=VALUE`, repeatable.
  static let defaultField = OptionSpec(
    "default", "FIELD=VALUE", repeatable: true,
    help: "Give FIELD this value where the file has no such column, e.g. --default origin=CN.")
  /// `--value FIELD:LABEL=VALUE`, repeatable.
  static let value = OptionSpec(
    "value", "FIELD:LABEL=VALUE", repeatable: true,
    help: "Read the file's LABEL as VALUE, ignoring case and spaces, e.g. --value kind:Deportation=extradition/deportation; an unmapped label is a rejected row.")
  /// `--date-order ORDER`.
  static let dateOrder = OptionSpec(
    "date-order", "ORDER", choices: DateOrder.allCases.map(\.rawValue),
    help: "The order of numeric dates such as 09/07/2015; without it they are rejected, never guessed.")
  /// `--mapping FILE.json`.
  static let mappingFile = OptionSpec(
    "mapping", "FILE.json", help: "Start from a saved mapping (as tnr import --print-mapping writes); flags override it.")
  /// `--lenient` of the commands that read incidents for an analysis (and `tnr import`).
  /// `--aggregates FILE` of the creditor commands: cases per host from an aggregate table.
  static let aggregateCases = OptionSpec(
    "aggregates", "FILE",
    help: "Take the cases from an aggregate table (as tnr count --aggregates reads) instead of incidents: its detention and extradition counts with origin CN, summed per host.")

  static let lenient = OptionSpec(
    "lenient", help: "Use every valid row and list every rejected one on standard error (without it, the first rejected row stops the command).")
  /// `--delimiter D`.
  static let delimiter = OptionSpec(
    "delimiter", "D", choices: CSVDelimiter.allCases.map(\.rawValue),
    help: "The character between fields: , ; tab or | (default: a comma, or the file's sep= first line).")
  /// `--encoding E`.
  static let encoding = OptionSpec(
    "encoding", "E", choices: CSVEncoding.allCases.map(\.rawValue),
    help: "The file's encoding when it is not UTF-8 (UTF-16 with a byte-order mark is found by itself); converted to UTF-8 on read.")
  /// `--generate-ids`.
  static let generateIDs = OptionSpec(
    "generate-ids", help: "Give a file without an id column the ids NAME-LINE, from the file's name and each row's line.")
  /// `--allow-other-groups`.
  static let allowOtherGroups = OptionSpec(
    "allow-other-groups",
    help: "Read an ethnic group outside the known list (e.g. Baloch) as Other:Baloch, keeping its name, instead of rejecting the row.")
  /// The mapping options of every command that reads incident files, declared once:
  /// `--map`, `--default`, `--value`, `--date-order`, `--mapping`, `--delimiter`, `--encoding`,
  /// `--generate-ids`, `--allow-other-groups`.
  static let mappingOptions: [OptionSpec] = [
    .map, .defaultField, .value, .dateOrder, .mappingFile, .delimiter, .encoding, .generateIDs,
    .allowOtherGroups,
  ]
  /// `--permutations K`.
  static func permutations(default value: String?) -> OptionSpec {
    OptionSpec(
      "permutations", "K", range: 1...10_000_000, default: value,
      help: "Random re-pairings for the permutation test of Spearman's rho (seeded, reproducible).")
  }
  /// `--seed S`.
  static let seed = OptionSpec(
    "seed", "S", range: 0...Int.max, default: "0", help: "Seed of the permutation test's generator.")
  /// `--measure M` of the creditor analysis.
  static let creditorMeasure = OptionSpec(
    "measure", "M", choices: CreditorMeasure.allCases.map(\.rawValue),
    default: CreditorMeasure.chinaShareTotal.rawValue,
    help: "The creditor measure set against the cases.")
  /// `--creditors FILE`.
  static let creditors = OptionSpec(
    "creditors", "FILE",
    help: "A creditor table CSV (a country column plus measure columns). Default: World Bank IDS end-2024 (HRT 2000–2017 for hrt_debt_pct_gdp).")
  /// `--format F` with the given choices, the first being the default.
  static func format(_ choices: [String]) -> OptionSpec {
    OptionSpec("format", "F", choices: choices, default: choices[0], help: "Output format.")
  }
}

/// Every `tnr` command, declared once. Parsing, usage errors, `tnr help COMMAND`, the general
/// help and the command reference in the README and the DocC catalog come from this table.
public enum CommandTable {
  /// The commands, in the order the help lists them.
  public static let commands: [CommandSpec] = [report, count, correlate, model, validate, `import`]

  /// The command named `name`.
  public static func command(named name: String) -> CommandSpec? { commands.first { $0.name == name } }

  static let report = CommandSpec(
    name: "report",
    summary: "The whole analysis: coverage, counts, rates, debt and cases, caveats.",
    options: [
      .incidents, .inputFormat, .sheet, .creditors,
      .format(["text", "markdown", "json", "html"]),
      OptionSpec("charts", "DIR", help: "Also write the charts as standalone SVG files into DIR (created if missing)."),
      OptionSpec(
        "top", "N", range: 1...250, default: "10",
        help: "Host countries in the host table, and N of the top-N largest-creditor test."),
      .permutations(default: "9999"), .seed, .creditorMeasure,
      OptionSpec("quiet", help: "Print no progress lines on standard error."),
      .lenient,
    ] + OptionSpec.mappingOptions,
    discussion: [
      "Without --incidents the report is about the bundled sample and says so throughout: it is a sample, not the Oxus Society / UHRP dataset."
    ],
    examples: [
      "tnr report",
      "tnr report --format html > report.html",
      "tnr report --incidents cases.csv --charts charts --quiet",
    ],
    run: ReportCommand.run)

  static let count = CommandSpec(
    name: "count",
    summary: "Count incidents or persons by any dimensions.",
    options: [
      OptionSpec(
        "by", "DIM[,DIM…]", choices: CountDimension.allCases.map(\.rawValue), allowsList: true, required: true,
        help: "The dimensions of the table; an incident naming several ethnic groups counts under each."),
      OptionSpec(
        "measure", "M", choices: [CountMeasure.incidents.rawValue, CountMeasure.persons.rawValue],
        default: CountMeasure.incidents.rawValue,
        help: "incidents counts records; persons sums the numbers of people and counts records by qualifier."),
      OptionSpec(
        "category", "C[,C…]", choices: IncidentCategory.allCases.map(\.rawValue), allowsList: true, repeatable: true,
        help: "Keep only these categories."),
      OptionSpec("from", "YEAR", range: 1000...9999, help: "Keep only incidents of this year or later."),
      OptionSpec("to", "YEAR", range: 1000...9999, help: "Keep only incidents of this year or earlier."),
      OptionSpec("top", "N", range: 1...1_000_000, help: "Show the N largest cells (ties at the cut kept)."),
      .format(["text", "markdown", "csv", "json", "xlsx"]),
      OptionSpec("output", "FILE", help: "Write the table to this file instead of standard output (required for --format xlsx: a workbook with one sheet, numbers as numbers)."),
      .incidents, .inputFormat, .sheet, .lenient,
      OptionSpec(
        "aggregates", "FILE",
        help: "Sum the count column of an aggregate table (CSV or .xlsx: origin, host, year or years, kind, count, source) instead of counting incidents; not with --incidents."),
    ] + OptionSpec.mappingOptions,
    discussion: [
      "With --aggregates the cells sum published or shared counts, and the output says so (JSON: \"measure\": \"aggregates\"). Dimensions the rows cannot answer are a usage error: ethnic_group always, year when a row covers several years, phase when a row spans two phases."
    ],
    examples: [
      "tnr count --by host,category",
      "tnr count --by year --measure persons --category extradition --format csv",
      "tnr count --by host --top 5 --format json",
      "tnr count --aggregates aggregates.csv --by origin,category --format json",
    ],
    run: CountCommand.run)

  static let correlate = CommandSpec(
    name: "correlate",
    summary: "Correlate cases per country with debt to China: three coefficients and their tests.",
    options: [
      .creditorMeasure,
      OptionSpec(
        "cases", "C", choices: CreditorAnalysis.CaseMeasure.allCases.map(\.rawValue),
        default: CreditorAnalysis.CaseMeasure.personsDetainedOrReturned.rawValue,
        help: "What counts as cases per host country."),
      OptionSpec(
        "join", "J", choices: CreditorAnalysis.Join.allCases.map(\.rawValue),
        default: CreditorAnalysis.Join.allCreditorCountries.rawValue,
        help: "Which countries enter: every country of the creditor table (0 where none documented) or hosts with cases."),
      .creditors,
      OptionSpec(
        "top", "N", range: 1...250,
        help: "Add the top-N × largest-creditor Fisher test and its sweep over N = 5…20."),
      .permutations(default: nil), .seed,
      OptionSpec(
        "pairs", "FILE.csv",
        help: "Correlate any CSV with columns x,y (and an optional label) instead; takes only --permutations, --seed, --format."),
      .format(["text", "json"]),
      .incidents, .inputFormat, .sheet, .lenient, .aggregateCases,
    ] + OptionSpec.mappingOptions,
    examples: [
      "tnr correlate",
      "tnr correlate --top 10 --permutations 9999 --format json",
      "tnr correlate --pairs pairs.csv",
      "tnr correlate --aggregates aggregates.csv --format json",
    ],
    run: CorrelateCommand.run)

  static let model = CommandSpec(
    name: "model",
    summary: "Model cases per host country on debt and other country covariates (Poisson, NB2, logit).",
    options: [
      OptionSpec(
        "covariates", "COL[,COL…]", allowsList: true,
        help: "The covariates: names of tnr model --list (bundled country covariates and World Bank creditor measures)."),
      OptionSpec(
        "family", "F", choices: CountModelFamily.allCases.map(\.rawValue), default: CountModelFamily.poisson.rawValue,
        help: "poisson and negative-binomial (NB2) model the counts; logit models whether any case is documented."),
      OptionSpec(
        "exposure", "low|high|none|COL",
        help: "Offset ln(exposure): the lower or upper bound of UHRP's 2023 diaspora estimate (run both; default low), none, or with --table a column of the table (default none). Count models only."),
      OptionSpec(
        "table", "FILE",
        help: "A per-country table, CSV or .xlsx workbook (its first sheet): a country column (ISO codes or names) and named numeric columns, usable as --outcome, --exposure and --covariates."),
      OptionSpec("outcome", "COL", help: "With --table: the column holding the outcome (a count, or 0/1 for logit)."),
      OptionSpec("country-column", "COL", help: "With --table: the column holding the countries (ISO codes or names; default country)."),
      OptionSpec("robust", "HC", choices: ["hc0", "hc1"], help: "Sandwich (robust) standard errors instead of model-based ones."),
      OptionSpec(
        "cases", "C", choices: CreditorAnalysis.CaseMeasure.allCases.map(\.rawValue),
        default: CreditorAnalysis.CaseMeasure.personsDetainedOrReturned.rawValue,
        help: "What counts as cases per host country."),
      OptionSpec("list", help: "Name every covariate with its derivation and source, and stop."),
      OptionSpec(
        "panel",
        help: "A country-year panel instead: cases per host and year on the Horn–Reinhart–Trebesch debt stock (% of GDP, 2000–2017) of --lag years before, Poisson with country fixed effects. --covariates may add treaty_in_force."),
      OptionSpec("lag", "K", range: 0...10, help: "With --panel: the debt of year t − K explains the cases of year t (default 1)."),
      .format(["text", "markdown", "json"]),
      .incidents, .inputFormat, .sheet, .lenient, .aggregateCases,
    ] + OptionSpec.mappingOptions,
    discussion: [
      "Rows are the countries of the World Bank IDS 2024 creditor table (China left out), 0 cases where none is documented; every country left out is listed with why (a missing covariate, no exposure). Exit status 1 when the data cannot be fitted (too few rows, collinear columns, separation, no convergence).",
      "With --table the rows are the table's countries and nothing is filled in: an empty outcome or exposure leaves the country out. Covariates may be the table's columns or the bundled ones.",
      "With --panel the rows are country-years; countries with no documented case in their panel years are left out (their fixed effect would be −∞), as are hosts without a debt stock, each listed with why.",
    ],
    examples: [
      "tnr model --list",
      "tnr model --covariates china_share_total",
      "tnr model --covariates china_share_total --family negative-binomial --exposure high --format json",
      "tnr model --incidents cases.csv --covariates china_share_total,sco_member --robust hc1",
      "tnr model --table countries.csv --outcome returned --exposure diaspora --covariates debt_share,sco_member",
      "tnr model --panel --lag 2",
      "tnr model --aggregates aggregates.csv --covariates china_share_total",
    ],
    run: ModelCommand.run)

  static let validate = CommandSpec(
    name: "validate",
    summary: "Check an incident file against the schema and report every rejected row.",
    positionals: [PositionalSpec("FILE", help: "The CSV (or .json) incident file to check.")],
    options: [
      OptionSpec("lenient", help: "List every rejected row (without it, only the first)."),
      .format(["text", "json"]),
      OptionSpec(
        "today", "YYYY-MM-DD",
        help: "The day of validation: dates after it are rejected. Default: today (UTC)."),
      .inputFormat, .sheet,
    ] + OptionSpec.mappingOptions,
    discussion: [
      "The file is always read to the end. Exit status 0 when every row is valid, 1 when any row is rejected or the file cannot be used."
    ],
    examples: [
      "tnr validate cases.csv",
      "tnr validate cases.csv --lenient --format json",
      "tnr validate export.csv --map host=Country --default origin=CN",
    ],
    run: ValidateCommand.run)

  static let `import` = CommandSpec(
    name: "import",
    summary: "Read a spreadsheet-style CSV through a mapping and write the canonical schema.",
    positionals: [PositionalSpec("FILE", help: "The CSV file or Excel workbook (.xlsx, recognized by its content) to import.")],
    options: [
      OptionSpec("print-mapping", help: "Print the mapping the options describe, as JSON, and read no file."),
      OptionSpec(
        "suggest",
        help: "Print a proposed mapping for FILE, from its header and first rows, as the JSON --mapping reads (labels to fill in are \"\"); what is left to decide goes to standard error."),
      .lenient,
      .sheet,
      OptionSpec("output", "OUT.csv|OUT.json|OUT.xlsx", help: "Write the canonical CSV, JSON or an Excel workbook (numbers as numbers, source dates as dates) to this file instead of standard output."),
      OptionSpec(
        "format", "F", choices: ["csv", "json"], default: "csv",
        help: "Output format on standard output (with --output, the file's extension decides)."),
      OptionSpec(
        "today", "YYYY-MM-DD",
        help: "The day of validation: dates after it are rejected. Default: today (UTC)."),
      OptionSpec(
        "aggregates",
        help: "FILE is an aggregate table (origin, host, year or years, kind, count, source): write the canonical aggregate CSV (or .xlsx with --output); --map count=COLUMN names the count column."),
    ] + OptionSpec.mappingOptions,
    discussion: [
      "Country columns take codes or English names; an ambiguous name is a rejected row listing the candidates. A persons column without a qualifier column reads counts as text (about 4, 5+, up to 10, unknown). Columns that may be empty may be absent; every missing column is reported at once.",
      "Files as spreadsheets save them: any of the delimiters (and Excel's sep= first line), UTF-8 with or without a byte-order mark, UTF-16 with one, a declared --encoding, LF, CRLF or bare CR line endings. Rows of delimiters only are skipped and counted; a NUL byte in a cell is a rejected row.",
      "An Excel workbook (.xlsx) is recognized by its content, whatever its name: its first sheet is read (or --sheet NAME), the first non-empty row is the header, date cells are days, errors such as #N/A are values the mapping rejects; rows and columns are reported as the sheet numbers them (row 7, column C). An encrypted, legacy .xls or damaged workbook exits 1 saying what to do.",
      "The import report goes to standard error. Exit status 0 when every row is accepted, 1 when any row is rejected (with --lenient the accepted rows are still written) or a file cannot be read, 2 for usage.",
    ],
    examples: [
      "tnr import cases.csv",
      "tnr import spreadsheet.csv --mapping mapping.json",
      "tnr import spreadsheet.csv --mapping mapping.json --default origin=CN --lenient",
      "tnr import spreadsheet.csv --map host=Country --map date=Date --map kind=Type --value kind:Deportation=extradition/deportation --print-mapping",
      "tnr import --suggest spreadsheet.csv > mapping.json",
      "tnr import --aggregates published-table.csv --map count=Incidents --map origin=Perpetrator --map host=Country --map year_start=Year --map kind=Tactic --value kind:Deportation=extradition/deportation --value kind:Assault=intimidation/physical_assault --value kind:Assassination=intimidation/assassination --default source_title=Synthetic",
    ],
    run: ImportCommand.run)
}
