import Foundation

// The columnar import's knobs (block size, bytes per thread) are internal: a debug build (where
// SwiftPM enables testability) and the fuzz build (.ci/fuzz.sh passes -enable-testing) turn them;
// a plain release build checks the public API only.
#if DEBUG || TNR_FUZZING
  @testable import TransnationalRepression
#else
  import TransnationalRepression
#endif

extension CSVFuzzHarness {
  /// How the columnar import is run: from memory or a file, on how many threads, with what block
  /// size and bytes per thread (`nil`: the default).
  struct ColumnConfiguration {
    var fromFile: Bool
    var threads: Int
    var blockSize: Int?
    var minimumPartBytes: Int?
    /// Whether a file is mapped (else read with `read(2)` into blocks).
    var mapsFiles = true

    #if DEBUG || TNR_FUZZING
      /// The columnar importer this configuration describes.
      func importer(mapping: ColumnMapping, mode: ImportMode) -> ColumnImporter {
        var importer = ColumnImporter(
          mapping: mapping, mode: mode, today: CSVFuzzHarness.today, names: .redact, threads: threads)
        if let blockSize { importer.blockSize = blockSize }
        if let minimumPartBytes { importer.minimumPartBytes = minimumPartBytes }
        importer.mapsFiles = mapsFiles
        return importer
      }
    #endif
  }

  /// Configurations that put records across block boundaries and split tiny inputs over threads.
  static let columnConfigurations = [
    ColumnConfiguration(fromFile: false, threads: 1),
    ColumnConfiguration(fromFile: false, threads: 3, minimumPartBytes: 1),
    ColumnConfiguration(fromFile: true, threads: 2, blockSize: 61, minimumPartBytes: 1),
    ColumnConfiguration(fromFile: true, threads: 3, blockSize: 1_000, minimumPartBytes: 40),
    ColumnConfiguration(fromFile: true, threads: 2, blockSize: 97, minimumPartBytes: 1, mapsFiles: false),
  ]

  /// `IncidentColumns.read` must give the columns of the dataset `IncidentCSV` accepts, the same
  /// report, and the same error, in every configuration.
  static func checkColumnImport(
    _ bytes: [UInt8], file: URL, mapping: ColumnMapping, mode: ImportMode,
    expected: Result<ImportResult, ImportError>, configurations: ArraySlice<ColumnConfiguration>
  ) {
    for configuration in configurations {
      let actual = Result { () throws(ImportError) in
        try columnImport(bytes, file: file, mapping: mapping, mode: mode, configuration)
      }
      let context = "\(mode), \(configuration)"
      switch (expected, actual) {
      case (.success(let expected), .success(let actual)):
        check(
          actual.report == expected.report,
          "\(context): the column import's report differs\n\(actual.report)\nfrom IncidentCSV's\n\(expected.report)")
        check(actual.columns == IncidentColumns(expected.dataset), "\(context): the column import's columns differ")
      case (.failure(let expected), .failure(let actual)):
        check(actual == expected, "\(context): the column import throws \(actual), IncidentCSV \(expected)")
      case (.success, .failure(let error)):
        fail("\(context): IncidentCSV reads it, the columnar import throws \(error)")
      case (.failure(let error), .success):
        fail("\(context): IncidentCSV throws \(error), the columnar import reads it")
      }
    }
  }

  /// `IncidentCSV.read`, which builds its records on the columnar engine, must give what the
  /// record reader (each row through the general parser, one at a time) gives: the same dataset
  /// and report, or the same error; and so must the engine in every configuration (records from
  /// blocks so small that rows straddle them, several threads, `read(2)`).
  static func checkRecordEngine(
    _ bytes: [UInt8], file: URL, mapping: ColumnMapping, mode: ImportMode,
    engine: Result<ImportResult, ImportError>, configurations: ArraySlice<ColumnConfiguration>
  ) {
    #if DEBUG || TNR_FUZZING
      let expected = Result { () throws(ImportError) in
        try IncidentCSV.readRecords(
          CSVReader(bytes: bytes, delimiter: mapping.delimiter, encoding: mapping.encoding),
          mapping: mapping, mode: mode, today: today, rejectedRowNames: .redact)
      }
      check(engine == expected, "\(mode): IncidentCSV.read gives \(engine), the record reader \(expected)")
      for configuration in configurations {
        let importer = configuration.importer(mapping: mapping, mode: mode)
        let records = Result { () throws(ImportError) in
          configuration.fromFile
            ? try importer.readIncidents(.file(file), sourceName: "row")
            : try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
              try importer.readIncidents(.bytes(buffer), sourceName: "row")
            }
        }
        check(
          records == expected,
          "\(mode), \(configuration): the engine's records \(records), the record reader's \(expected)")
      }
    #endif
  }

  static func columnImport(
    _ bytes: [UInt8], file: URL, mapping: ColumnMapping, mode: ImportMode,
    _ configuration: ColumnConfiguration
  ) throws(ImportError) -> ColumnImportResult {
    #if DEBUG || TNR_FUZZING
      let importer = configuration.importer(mapping: mapping, mode: mode)
      if configuration.fromFile { return try importer.read(.file(file)) }
      return try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
        try importer.read(.bytes(buffer))
      }
    #else
      if configuration.fromFile {
        return try IncidentColumns.read(
          contentsOf: file, mapping: mapping, mode: mode, today: today, threads: configuration.threads)
      }
      return try IncidentColumns.read(
        bytes: bytes, mapping: mapping, mode: mode, today: today, threads: configuration.threads)
    #endif
  }
}
