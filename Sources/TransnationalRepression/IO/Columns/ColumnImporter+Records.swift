import Foundation

extension ColumnImporter {
  /// Reads the input into validated records and the report, on the columnar engine: the same
  /// accepted and rejected rows, errors and report as the record reader, with each accepted
  /// row's ``Incident`` built from its codes and fields (``AcceptedRecordBuilder``), the parts of
  /// a block at the same time.
  ///
  /// Input the fast path leaves to the record reader (see ``read(_:)``) is read by it.
  ///
  /// - Parameters:
  ///   - input: the file or bytes.
  ///   - sourceName: the first part of generated ids (record reader only).
  func readIncidents(_ input: Input, sourceName: String) throws(ImportError) -> ImportResult {
    guard !needsRecordReader(input), let state = try importState(input, buildsRecords: true) else {
      return try readByRecords(input, sourceName: sourceName)
    }
    return ImportResult(dataset: IncidentDataset(validated: state.records), report: state.report)
  }

  /// Reads the input with the record reader (``IncidentCSV``'s own).
  func readByRecords(_ input: Input, sourceName: String) throws(ImportError) -> ImportResult {
    let reader: CSVReader
    switch input {
    case .bytes(let buffer):
      reader = CSVReader(bytes: Array(buffer), delimiter: mapping.delimiter, encoding: mapping.encoding)
    case .file(let url):
      reader = mapping.reader(of: url)
    }
    return try IncidentCSV.readRecords(
      reader, mapping: mapping, mode: mode, today: today, rejectedRowNames: names,
      sourceName: sourceName)
  }
}

extension ImportState {
  /// Builds the records of a block's accepted rows into `records`, each part on its own thread:
  /// the general parser's incidents as they are, the fast path's rows by the part's
  /// ``AcceptedRecordBuilder`` (or, when it declines, by the general parser).
  func buildRecords(
    _ parts: [ImportPart], duplicates: [[Duplicate]], parser: IncidentRowParser,
    buffer: UnsafeBufferPointer<UInt8>, parallel: Bool
  ) {
    let job = RecordJob(parts: parts, duplicates: duplicates, parser: parser, buffer: buffer)
    if parallel {
      ImportState.perform(parts.count) { index in job.run(index) }
    } else {
      for index in parts.indices { job.run(index) }
    }
    for part in parts {
      records.append(contentsOf: part.incidents)
      part.incidents.removeAll(keepingCapacity: true)
    }
  }
}

/// The records of each part of a block. `@unchecked Sendable`: part *i* is written only by
/// `run(i)`, and the buffer is only read.
private struct RecordJob: @unchecked Sendable {
  let parts: [ImportPart]
  let duplicates: [[Duplicate]]
  let parser: IncidentRowParser
  let buffer: UnsafeBufferPointer<UInt8>

  func run(_ index: Int) {
    let part = parts[index]
    var builder = part.recordBuilder ?? AcceptedRecordBuilder(parser: parser)
    defer { part.recordBuilder = builder }
    let skip = duplicates[index]
    let general = part.generalIncidents
    let overflowing = part.overflow
    var nextSkip = 0
    var nextGeneral = 0
    var nextOverflow = 0
    var scanner = CSVScanner()
    var incidents = part.incidents
    incidents.removeAll(keepingCapacity: true)
    incidents.reserveCapacity(part.candidates.count)
    let candidates = part.candidates.base
    for candidate in 0..<part.candidates.count {
      var persons = Int(candidates[candidate].persons)
      if nextOverflow < overflowing.count && overflowing[nextOverflow].0 == candidate {
        persons = overflowing[nextOverflow].1
        nextOverflow += 1
      }
      var built: Incident?
      if nextGeneral < general.count && general[nextGeneral].candidate == candidate {
        built = general[nextGeneral].incident
        nextGeneral += 1
      }
      if nextSkip < skip.count && skip[nextSkip].candidate == candidate {
        nextSkip += 1
        continue
      }
      if let built {
        incidents.append(built)
        continue
      }
      let codes = candidates[candidate]
      let start = Int(codes.recordStart)
      guard case .record(let end, _, _) = scanner.scan(buffer, from: start, isFinal: true) else {
        preconditionFailure("ColumnImporter: an accepted row is no longer a record")
      }
      let incident = withUnsafePointer(to: &scanner) { pointer -> Incident in
        let record = CSVRecord(buffer: buffer, scanner: pointer, range: start..<end, line: 0)
        if let incident = builder.incident(record, codes, persons: persons) { return incident }
        guard let incident = try? parser.incident(from: record) else {
          preconditionFailure("ColumnImporter: the general parser refuses an accepted row")
        }
        return incident
      }
      incidents.append(incident)
    }
    part.incidents = incidents
  }
}
