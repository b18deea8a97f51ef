import Foundation
import TransnationalRepression

/// The command line: subcommand dispatch, usage and exit status.
enum TNRBenchmark {
  static let usage = """
    usage: tnr-benchmark COMMAND [options]

    commands:
      columns FILE.bin   count (country, kind, year) of a Benchmarks/Peers/gen.py binary file into
                         the 22,500-cell table and check the generator's checksum
                         [--threads N] [--repetitions R] [--warmup W]
      csv FILE.csv       read gen.py's CSV (id,kind,host_country_iso2,year) with full
                         validation into columns and count (host, category, year); checks
                         the generator's checksum [--threads N] [--repetitions R] [--warmup W]
      records FILE.csv   the typed record paths on a canonical CSV (scale generate): IncidentCSV.read,
                         and IncidentJSON.read on the same records written once as JSON; rows/s,
                         peak RSS of the CSV read, heap bytes per Incident
                         [--repetitions R] [--warmup W]
      sweep              synthetic columns of 1e3, 1e4, ... rows up to --max (default 1e8),
                         each counted with 1 thread and all threads
                         [--max N] [--threads N] [--repetitions R] [--warmup W] [--smoke]
                         (--smoke: up to 1e6 rows, 3 repetitions; for CI)
      list               the registered benchmarks
      model              the count-model benchmarks (synthetic 200 countries x 10 covariates):
                         Poisson and NB2 fit times, 10,000 permutation refits on --threads
                         [--size N] [--threads N] [--repetitions R] [--warmup W]
      run NAME... | all  run registered benchmarks
                         [--size N] [--threads N] [--repetitions R] [--warmup W]
      help               this text

    options for every command:
      --format text|json   an aligned table (default), or one JSON object per line
      --allow-debug-build  measure even in a debug build (the numbers mean little)

    Numbers may be written 100000000, 100_000_000 or 1e8. Build with optimizations:
      swift run -c release tnr-benchmark sweep
    """

  static func main(_ arguments: [String]) -> Int32 {
    guard let command = arguments.first else {
      printError(usage)
      return 2
    }
    let rest = Array(arguments.dropFirst())
    do {
      switch command {
      case "help", "--help", "-h":
        print(usage)
        return 0
      case "list":
        let options = try Arguments.parse(rest, allowed: [])
        guard options.operands.isEmpty else { throw UsageError("list takes no operands") }
        return list(options)
      case "columns":
        let options = try Arguments.parse(
          rest, allowed: ["--threads", "--repetitions", "--warmup"])
        try refuseDebugBuild(options)
        return try CountingCommands.columns(options)
      case "csv":
        let options = try Arguments.parse(
          rest, allowed: ["--threads", "--repetitions", "--warmup"])
        try refuseDebugBuild(options)
        return try CSVCommands.csv(options)
      case "records":
        let options = try Arguments.parse(rest, allowed: ["--repetitions", "--warmup"])
        try refuseDebugBuild(options)
        return try RecordsCommand.records(options)
      case "sweep":
        let options = try Arguments.parse(
          rest, allowed: ["--max", "--threads", "--repetitions", "--warmup", "--smoke"])
        try refuseDebugBuild(options)
        return try CountingCommands.sweep(options)
      case "model":
        // `run` with the model benchmarks (Statistics/ModelBenchmarks.swift) as operands.
        let names = ModelBenchmarks.all.map(\.name)
        return try run(Arguments.parse(names + rest, allowed: ["--size", "--threads", "--repetitions", "--warmup"]))
      case "run":
        let options = try Arguments.parse(
          rest, allowed: ["--size", "--threads", "--repetitions", "--warmup"])
        return try run(options)
      default:
        throw UsageError("unknown command \(command)")
      }
    } catch let error as UsageError {
      printError("tnr-benchmark: \(error)\nRun `tnr-benchmark help` for usage.")
      return 2
    } catch let error as DebugBuildError {
      printError(error.description)
      return 2
    } catch {
      printError("tnr-benchmark: error: \(error)")
      return 1
    }
  }

  /// `list`: the registered benchmarks.
  static func list(_ options: Options) -> Int32 {
    switch options.format {
    case .json:
      for benchmark in BenchmarkRegistry.all {
        print(
          JSONValue.object([
            ("name", .string(benchmark.name)), ("unit", .string(benchmark.unit)),
            ("default_size", .int(benchmark.defaultSize)), ("summary", .string(benchmark.summary)),
          ]))
      }
    case .text:
      print(
        TextReport.table(
          header: ["benchmark", "unit", "default size", "summary"],
          rows: BenchmarkRegistry.all.map {
            [$0.name, $0.unit, "\($0.defaultSize)", $0.summary]
          }))
    }
    return 0
  }

  /// `run NAME...`: set up, time and report registered benchmarks.
  static func run(_ options: Options) throws -> Int32 {
    guard !options.operands.isEmpty else { throw UsageError("run needs benchmark names (or all)") }
    var selected: [Benchmark] = []
    for name in options.operands {
      if name == "all" {
        selected += BenchmarkRegistry.all
      } else if let benchmark = BenchmarkRegistry.named(name) {
        selected.append(benchmark)
      } else {
        throw UsageError("no benchmark named \(name) (see tnr-benchmark list)")
      }
    }
    try refuseDebugBuild(options)
    var results: [BenchmarkResult] = []
    var failed = false
    for benchmark in selected {
      let context = BenchmarkContext(
        size: options.size ?? benchmark.defaultSize,
        threads: options.threads ?? CountingKernel.defaultThreadCount)
      let prepared = try benchmark.setUp(context)
      defer { prepared.teardown() }
      // The peak RSS reported is that of this benchmark's inputs and timed runs.
      PeakMemory.reset()
      let measurement = try Measurement.run(
        warmup: options.warmup, repetitions: options.repetitions ?? 7, prepare: prepared.prepare,
        prepared.body)
      var result = BenchmarkResult(
        name: benchmark.name, unit: benchmark.unit, items: prepared.items,
        threads: context.threads, measurement: measurement, warmup: options.warmup,
        checksum: prepared.checksum(), peakResidentBytes: PeakMemory.bytes())
      result.bytes = prepared.bytes
      result.details = prepared.details()
      for case ("checksum_ok", .bool(false)) in result.details { failed = true }
      if options.format == .json { print(JSONValue.object(result.json)) }
      results.append(result)
    }
    if options.format == .text { print(TextReport.results(results)) }
    if failed { printError("error: a result differs from its expected checksum") }
    return failed ? 1 : 0
  }

  struct DebugBuildError: Error, CustomStringConvertible {
    var description: String {
      """
      tnr-benchmark: error: this is a debug build, whose timings mean little.
      Build with optimizations:  swift run -c release tnr-benchmark ...
      (or pass --allow-debug-build to measure anyway)
      """
    }
  }

  /// Throws unless this is an optimized build or the user allowed a debug one.
  static func refuseDebugBuild(_ options: Options) throws(DebugBuildError) {
    #if DEBUG
      if !options.allowDebugBuild { throw DebugBuildError() }
    #endif
  }
}

/// Writes a line to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}
