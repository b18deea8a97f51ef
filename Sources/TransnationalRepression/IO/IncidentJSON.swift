import Foundation

/// Reads and writes incidents as JSON, with a hand-written reader and writer.
///
/// The JSON is an array of incident objects with snake_case keys, countries as ISO 3166-1
/// alpha-2, and dates as `{"year": …, "month": …, "day": …, "precision": …}`. Output is
/// pretty-printed with sorted keys, so write → read → write gives identical bytes.
///
/// ```swift
/// let data = try IncidentJSON.write(dataset)                 // names left out
/// let again = try IncidentJSON.read(data: data).dataset      // equal to `dataset`
/// ```
///
/// ## Reading
///
/// The reader is a strict RFC 8259 parser that goes from bytes to ``Incident`` values without
/// building a tree. It rejects everything the RFC does not allow (trailing commas, comments,
/// single quotes, leading zeros, `NaN`, invalid UTF-8, lone surrogate escapes, control characters
/// in strings), anywhere in the file, including under keys it does not read. A UTF-8 byte order
/// mark at the start is skipped.
///
/// - **Fields.** Every field is validated by the same rules, and reported with the same wording,
///   as the CSV reader's. An integer field (`date.year`, `date.month`, `date.day`,
///   `persons.value`) must hold a whole number: `1999.5`, `1e3` or `1e400` is an error at its
///   place.
/// - **Null.** `null` in a required field (`id`, `host`, `date`, `category`, `mode`, `persons`,
///   `ethnic_groups`, `sources`, `date.year`, `date.precision`, `persons.qualifier`, a source's
///   `title`) is an error; `null` in an optional field reads exactly as the absent key: `origin`
///   defaults to `CN`, `notes` to empty, `outcome` to unknown, and `gender`, `person_name`,
///   `date.month`, `date.day`, `persons.value` and a source's `url`, `publisher` and `date` to
///   none. An empty string in an optional field reads as in CSV (no gender, no outcome).
/// - **Keys.** Unknown keys are ignored (their values must still be valid JSON). A known key
///   given twice in one object is an error, since which value counts would be a guess.
/// - **Errors.** Every error names the line and column, the record's index and the field as a
///   path (`[3].date.year`), and the record's id when it has one:
///   `line 5, column 14 ([3].date.year), record R-4: '1999.5' is not a whole number`.
///
/// In ``ImportMode/lenient`` mode a record that is valid JSON but not a valid incident is
/// skipped and listed in the ``ImportReport`` with its text verbatim (a `person_name` shown as
/// the policy allows), its line, and the error; accepted + rejected = records. A syntax error
/// ends the reading in both modes, since no record boundary after it can be trusted; so does a
/// top level that is not an array.
///
/// A file is mapped, not copied, and an array over a mebibyte is read on every core: it is cut
/// into runs at guessed record boundaries, each run read at the same time, and each cut checked
/// against where the run before it really stopped (a guess inside a string is read again). The
/// result, errors and rejected records included, is exactly that of one reading from the start.
public enum IncidentJSON {
  /// Reads a JSON array of incidents and validates it as a dataset.
  ///
  /// ```swift
  /// let result = try IncidentJSON.read(data: data, mode: .lenient)
  /// print(result.dataset.count, result.report.rejected.count)
  /// ```
  ///
  /// - Parameters:
  ///   - data: the JSON (UTF-8).
  ///   - mode: strict (throw at the first invalid record) or lenient (report it).
  ///   - today: the day against which future dates are rejected.
  ///   - rejectedRowNames: what a rejected record's text shows of its `person_name` (default:
  ///     `<redacted>`; pass ``PersonNamePolicy/include`` for the records exactly as in the file).
  /// - Returns: the dataset, with a report that counts its records.
  /// - Throws: ``ImportError`` of kind ``ImportError/Kind/malformedJSON(_:)`` for a syntax error,
  ///   a top level that is not an array, a wrong type or a missing key, or of kind
  ///   ``ImportError/Kind/invalidRecord(_:)`` for a value that breaks a rule (in strict mode);
  ///   each names its line, column, record index and field.
  /// - Complexity: O(*n*) in the size of the data.
  public static func read(
    data: Data, mode: ImportMode = .strict, today: CalendarDay = .today,
    rejectedRowNames: PersonNamePolicy = .redact
  ) throws(ImportError) -> ImportResult {
    let result: Result<ImportResult, ImportError> = data.withUnsafeBytes { raw in
      Result { () throws(ImportError) in
        try read(
          bytes: raw.bindMemory(to: UInt8.self), mode: mode, today: today,
          rejectedRowNames: rejectedRowNames)
      }
    }
    return try result.get()
  }

  /// Reads incidents from JSON bytes (see ``read(data:mode:today:rejectedRowNames:)``); a
  /// large array is read on `threads` threads, in runs of at least `runBytes` bytes.
  static func read(
    bytes: UnsafeBufferPointer<UInt8>, mode: ImportMode, today: CalendarDay,
    rejectedRowNames: PersonNamePolicy,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, runBytes: Int = 1 << 20
  ) throws(ImportError) -> ImportResult {
    var reader = IncidentJSONReader(bytes, today: today)
    return try reader.read(
      mode: mode, rejectedRowNames: rejectedRowNames, threads: threads, runBytes: runBytes)
  }

  /// Reads a JSON file of incidents.
  ///
  /// - Parameters:
  ///   - url: the file.
  ///   - mode: strict (throw at the first invalid record) or lenient (report it).
  ///   - today: the day against which future dates are rejected.
  ///   - rejectedRowNames: what a rejected record's text shows of its `person_name`.
  /// - Returns: the dataset and the import report.
  /// - Throws: ``ImportError``, as ``read(data:mode:today:rejectedRowNames:)``, or of kind
  ///   ``ImportError/Kind/unreadable(_:)``.
  public static func read(
    contentsOf url: URL, mode: ImportMode = .strict, today: CalendarDay = .today,
    rejectedRowNames: PersonNamePolicy = .redact
  ) throws(ImportError) -> ImportResult {
    try ImportError.checkReadableFile(url)
    // A regular file is mapped, not copied; anything else is read into memory.
    let mapped = try MappedFile.withBytes(of: url) { (bytes) throws(ImportError) in
      try read(bytes: bytes, mode: mode, today: today, rejectedRowNames: rejectedRowNames)
    }
    if let mapped { return mapped }
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      throw ImportError(.unreadable("\(url.path): the file cannot be read"))
    }
    return try read(data: data, mode: mode, today: today, rejectedRowNames: rejectedRowNames)
  }

  /// Writes a dataset as pretty-printed JSON with sorted keys.
  ///
  /// The writer is hand-written; its output is byte for byte what `JSONEncoder` with
  /// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` writes for the records' `Codable`
  /// form, ending in a line feed.
  ///
  /// - Parameters:
  ///   - dataset: the records.
  ///   - names: what to do with people's names (default: leave them out).
  /// - Returns: UTF-8 JSON ending in a line feed.
  /// - Throws: nothing in practice; the signature keeps `throws` for source compatibility.
  /// - Complexity: O(*n*) in the size of the output.
  public static func write(_ dataset: IncidentDataset, names: PersonNamePolicy = .omit) throws -> Data {
    IncidentJSONWriter.write(dataset.incidents, names: names)
  }
}
