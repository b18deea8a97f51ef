/// A named benchmark that `tnr-benchmark run NAME` runs and `tnr-benchmark list` shows.
///
/// To add one, write a `Benchmark` value and add it to ``BenchmarkRegistry/all`` (one
/// `static let all: [Benchmark]` per area, such as ``CountingBenchmarks/all``):
///
/// ```swift
/// Benchmark(
///   name: "csv.columns", summary: "read + validate gen.py's CSV into columns", unit: "rows",
///   defaultSize: 1_000_000
/// ) { context in
///   let file = try BaselineCSV.temporaryFile(rows: context.size)   // untimed set-up
///   return BenchmarkRun(items: context.size, bytes: file.bytes, teardown: file.remove) {
///     _ = try IncidentColumns.read(contentsOf: file.url, mapping: BaselineCSV.mapping)  // timed
///   }
/// }
/// ```
///
/// The harness warms up, repeats, and reports median, p10, p90 and minimum seconds, `unit` per
/// second (items divided by the median) and the peak resident memory.
struct Benchmark: Sendable {
  /// A dotted, lower-case name: `area.what[.variant]`, e.g. `count.country-kind-year`.
  let name: String
  /// One line for `tnr-benchmark list`.
  let summary: String
  /// What one item is, in the plural ("rows", "bytes", "records"); the rate is per second of it.
  let unit: String
  /// The problem size when `--size` is not given, in items.
  let defaultSize: Int
  /// Builds the inputs (untimed) and returns the work to time.
  let setUp: @Sendable (BenchmarkContext) throws -> BenchmarkRun

  init(
    name: String, summary: String, unit: String, defaultSize: Int,
    setUp: @escaping @Sendable (BenchmarkContext) throws -> BenchmarkRun
  ) {
    self.name = name
    self.summary = summary
    self.unit = unit
    self.defaultSize = defaultSize
    self.setUp = setUp
  }
}

/// What a benchmark's set-up is told.
struct BenchmarkContext {
  /// The problem size in items (`--size`, or the benchmark's default).
  let size: Int
  /// The thread count to use (`--threads`, or every active processor).
  let threads: Int
}

/// A benchmark ready to be timed.
struct BenchmarkRun {
  /// The items one repetition processes (the numerator of the rate).
  let items: Int
  /// The input bytes one repetition reads, when it reads a file (for MB/s).
  let bytes: Int?
  /// Runs before every repetition, outside the timer (e.g. zeroing an output table).
  let prepare: () -> Void
  /// The timed work.
  let body: () throws -> Void
  /// After the last repetition: a checksum of the result, if the benchmark has one.
  let checksum: () -> String?
  /// After the last repetition: extra JSON fields (e.g. the expected checksum).
  let details: () -> [(String, JSONValue)]
  /// After the details: frees what the set-up made outside memory (temporary files).
  let teardown: () -> Void

  init(
    items: Int, bytes: Int? = nil, prepare: @escaping () -> Void = {},
    checksum: @escaping () -> String? = { nil },
    details: @escaping () -> [(String, JSONValue)] = { [] }, teardown: @escaping () -> Void = {},
    body: @escaping () throws -> Void
  ) {
    self.items = items
    self.bytes = bytes
    self.prepare = prepare
    self.body = body
    self.checksum = checksum
    self.details = details
    self.teardown = teardown
  }
}

/// Every registered benchmark. Add an area's list here.
enum BenchmarkRegistry {
  static let all: [Benchmark] = CountingBenchmarks.all + QueryBenchmarks.all + CSVBenchmarks.all + StatisticsBenchmarks.all
    + ModelBenchmarks.all

  /// The benchmark called `name`, if any.
  static func named(_ name: String) -> Benchmark? {
    all.first { $0.name == name }
  }
}

/// One finished measurement, ready to print.
struct BenchmarkResult {
  let name: String
  let unit: String
  let items: Int
  let threads: Int
  let measurement: Measurement
  let warmup: Int
  let checksum: String?
  let peakResidentBytes: Int?
  /// The input bytes one repetition reads, when it reads a file.
  var bytes: Int? = nil
  /// Extra fields, printed after the standard ones in JSON.
  var details: [(String, JSONValue)] = []

  /// Items per second at the median time.
  var itemsPerSecond: Double { Double(items) / measurement.median }

  /// Input megabytes (10⁶ bytes) per second at the median time, when the input is a file.
  var megabytesPerSecond: Double? { bytes.map { Double($0) / 1e6 / measurement.median } }

  /// The JSON object: `{"<unit>": items, "threads", "median_seconds", "<unit>_per_second",
  /// "checksum", ...}` — for counting benchmarks exactly the schema `compare-with-peers.sh`
  /// reads — followed by the percentiles, memory and details.
  var json: [(String, JSONValue)] {
    var fields: [(String, JSONValue)] = [
      (unit, .int(items)),
      ("threads", .int(threads)),
      ("median_seconds", .double(measurement.median)),
      ("\(unit)_per_second", .double(itemsPerSecond)),
    ]
    if let checksum { fields.append(("checksum", .string(checksum))) }
    fields += [
      ("benchmark", .string(name)),
      ("unit", .string(unit)),
      ("p10_seconds", .double(measurement.p10)),
      ("p90_seconds", .double(measurement.p90)),
      ("min_seconds", .double(measurement.minimum)),
      ("max_seconds", .double(measurement.maximum)),
      ("repetitions", .int(measurement.samples.count)),
      ("warmup", .int(warmup)),
      ("peak_rss_bytes", peakResidentBytes.map { .int($0) } ?? .null),
    ]
    if let bytes, let rate = megabytesPerSecond {
      fields += [("bytes", .int(bytes)), ("megabytes_per_second", .double(rate))]
    }
    return fields + details
  }
}
