import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The engine behind ``IncidentColumns/read(contentsOf:mapping:mode:today:rejectedRowNames:threads:)``:
/// CSV bytes to validated code columns, streaming, with ``IncidentCSV``'s rules, errors and
/// report.
///
/// ## How it reads
///
/// A regular file is mapped into memory (`mmap`, read only) and taken in windows of
/// ``blockSize`` bytes (4 MiB), with no copy; the pages of windows already read are given back
/// (`madvise(MADV_DONTNEED)`), so memory stays bounded for files of any size. Other files (pipes,
/// devices), or a file that cannot be mapped, are read with `read(2)` into a buffer of the same
/// size. Either way a record longer than a block grows the block, as ``CSVReader`` does. (As with
/// any mapped file, a file truncated by another process while it is read ends the process with
/// `SIGBUS`.) The header goes through ``IncidentRowParser``. For the data, each block is cut
/// after its last line break and split at line breaks into parts, four per thread, read at the
/// same time, each line one record. A quoted field that closes on its line, with no quote
/// inside, is read in the same pass; a record with any other quoting is delimited by
/// ``CSVScanner``, which follows quoted fields across lines. Since a quoted field may hold a
/// line break, the cut is checked after the parts are read (each part but the last must end
/// where the next begins); when it fails, the block, and every later one, is cut at the line
/// breaks outside quotes instead (by quote parity), and a cut that fails again (stray quotes)
/// has the block read as one part.
///
/// In a part, every record is first offered to ``FastRowValidator``, which turns a plain row
/// into codes straight from its bytes. A row it does not take — a quoted value with doubled
/// quotes, a blank line, a wrong field count, anything invalid or unusual — goes to
/// ``IncidentRowParser/incident(from:)`` exactly as in ``IncidentCSV``, so its error (or its
/// acceptance) is the general parser's.
///
/// ## Ids and order
///
/// Each row valid on its own becomes a *candidate*: its codes and the hash of its id. The ids
/// are then added, in row order, to one ``IDTable`` per thread, each holding a fixed share of
/// the hash space (an id always goes to the same table), so the threads add ids at the same
/// time and the first record with an id is kept and every later one is rejected with the line
/// of the first, as ``IncidentCSV`` does. Then, on the calling thread, rejected rows enter the
/// report in file order (in strict mode the first problem in file order is thrown), and each
/// part's accepted codes are written into its own rows of the columns. Line numbers are counted
/// inside each part from its start and shifted when the part is merged.
internal struct ColumnImporter {
  let mapping: ColumnMapping
  let mode: ImportMode
  let today: CalendarDay
  let names: PersonNamePolicy
  let threads: Int

  /// The bytes of a file taken at a time (tests make it tiny to cross block boundaries).
  var blockSize = 4 << 20
  /// Whether a regular file is mapped rather than read (tests turn it off to cover `read(2)`).
  var mapsFiles = true
  /// The fewest bytes of a part of a block (tests lower it to split small files).
  var minimumPartBytes = 1 << 18
  /// The parts of a block per thread.
  static let partsPerThread = 4
  /// Whether the input is read by the record reader whatever it holds (set when a bare carriage
  /// return shows after the first 64 KiB).
  var forcesRecordReader = false

  /// Where the CSV comes from.
  enum Input {
    case file(URL)
    case bytes(UnsafeBufferPointer<UInt8>)
  }

  /// Reads the input into columns and a report.
  ///
  /// Input the fast path cannot split as it is — UTF-16 (a byte-order mark), a `sep=` first
  /// line, bare carriage returns as line breaks, or a mapping that declares a delimiter,
  /// an encoding or generated ids — is read by ``IncidentCSV`` and then put into columns, so
  /// the fast path never misreads it.
  func read(_ input: Input) throws(ImportError) -> ColumnImportResult {
    if let result = try readByRecordsIfNeeded(input) { return result }
    return try readCountingFastRows(input).result
  }

  /// Reads by records when the input or the mapping needs it (see ``read(_:)``); `nil` when the
  /// fast path can read it.
  private func readByRecordsIfNeeded(_ input: Input) throws(ImportError) -> ColumnImportResult? {
    guard needsRecordReader(input) else { return nil }
    let result = try readByRecords(input, sourceName: ColumnImporter.sourceName(of: input))
    return ColumnImportResult(columns: IncidentColumns(result.dataset), report: result.report)
  }

  /// Whether the input or the mapping needs the record reader (see ``read(_:)``).
  func needsRecordReader(_ input: Input) -> Bool {
    if forcesRecordReader || mapping.changesFileFormat || mapping.generatesIDs { return true }
    switch input {
    case .bytes(let buffer):
      return ColumnImporter.needsRecordReader(buffer, isWhole: true)
    case .file(let url):
      guard let handle = try? FileHandle(forReadingFrom: url),
        let head = try? handle.read(upToCount: 65_536)
      else { return false }  // the fast path reports the file's problem
      try? handle.close()
      return [UInt8](head).withUnsafeBufferPointer {
        ColumnImporter.needsRecordReader($0, isWhole: head.count < 65_536)
      }
    }
  }

  /// The first part of generated ids: the file's name without its extension, or `row`.
  static func sourceName(of input: Input) -> String {
    if case .file(let url) = input { return url.deletingPathExtension().lastPathComponent }
    return "row"
  }

  /// Whether `buffer` holds, from `start`, a carriage return not followed by a line feed (one
  /// at the very end counts only when the input ends there).
  static func holdsBareCR(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool) -> Bool {
    holdsBareCR(buffer, in: start..<buffer.count, isFinal: isFinal)
  }

  /// Whether `buffer[range]` holds a carriage return not followed (in `buffer`) by a line feed
  /// (one at the very end of `buffer` counts only when the input ends there).
  static func holdsBareCR(
    _ buffer: UnsafeBufferPointer<UInt8>, in range: Range<Int>, isFinal: Bool
  ) -> Bool {
    guard let base = buffer.baseAddress else { return false }
    var position = range.lowerBound
    while position < range.upperBound,
      let found = memchr(base + position, 0x0D, range.upperBound - position)
    {
      let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if index + 1 >= buffer.count { return isFinal }
      if buffer[index + 1] != 0x0A { return true }
      position = index + 2
    }
    return false
  }

  /// Whether bytes (a whole input, or a file's first 64 KiB) need the record reader: a UTF-16
  /// byte-order mark, a `sep=` first line, or a carriage return not followed by a line feed.
  /// (A carriage return ending a head that is not the whole input is left undecided: its line
  /// feed may follow.)
  static func needsRecordReader(_ bytes: UnsafeBufferPointer<UInt8>, isWhole: Bool) -> Bool {
    switch CSVTranscoding.byteOrderMark(bytes) {
    case .utf16LittleEndian?, .utf16BigEndian?: return true
    default: break
    }
    guard !bytes.isEmpty else { return false }
    let start = bomLength(bytes)
    if CSVReader.separatorLine(bytes, from: start) != nil { return true }
    return holdsBareCR(bytes, from: start, isFinal: isWhole)
  }

  /// Reads the input, and says how many rows the fast path took (for tests).
  func readCountingFastRows(_ input: Input) throws(ImportError) -> (result: ColumnImportResult, fastRows: Int) {
    guard let state = try importState(input, buildsRecords: false) else {
      // Bare carriage returns end lines for the record reader, not for the fast path's line
      // splitter: the whole input is read by records instead.
      var byRecords = self
      byRecords.forcesRecordReader = true
      return (try byRecords.readByRecordsIfNeeded(input)!, 0)
    }
    return (state.finish(), state.fastRows)
  }

  /// Streams the input through a new ``ImportState`` (which builds each accepted row's
  /// ``Incident`` too when `buildsRecords`); `nil` when a bare carriage return showed, and the
  /// input is the record reader's.
  func importState(_ input: Input, buildsRecords: Bool) throws(ImportError) -> ImportState? {
    let state = ImportState(importer: self)
    state.buildsRecords = buildsRecords
    switch input {
    case .bytes(let bytes):
      state.inputBytes = bytes.count
      _ = try state.process(bytes, from: ColumnImporter.bomLength(bytes), isFinal: true)
    case .file(let url):
      try readFile(url, state)
    }
    if state.foundBareCR { return nil }
    guard state.parser != nil else { throw ImportError(.emptyFile, line: 1) }
    return state
  }

  static func bomLength(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
  }

  /// Streams a file through `state` in blocks, as ``CSVReader`` does.
  private func readFile(_ url: URL, _ state: ImportState) throws(ImportError) {
    let handle = try FileHandle.forImport(url)
    defer { try? handle.close() }
    let descriptor = handle.fileDescriptor
    var info = stat()
    if fstat(descriptor, &info) == 0 { state.inputBytes = Int(info.st_size) }
    if mapsFiles,
      try MappedFile.withBytes(of: descriptor, { (file) throws(ImportError) in try readMapped(file, state) })
        != nil
    {
      return
    }
    var capacity = blockSize
    var storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { storage.deallocate() }
    var filled = 0
    var start = 0
    var atEnd = false
    var first = true
    while true {
      if start > 0 {
        let remaining = filled - start
        if remaining > 0 { storage.update(from: storage + start, count: remaining) }
        filled = remaining
        start = 0
      }
      if filled == capacity {
        // One record fills the buffer: grow it geometrically.
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        grown.initialize(from: storage, count: filled)
        storage.deallocate()
        storage = grown
        capacity *= 2
      }
      // Fill the buffer (a read may return less than asked).
      while !atEnd && filled < capacity {
        let got = systemRead(descriptor, storage + filled, capacity - filled)
        if got < 0 {
          if errno == EINTR { continue }
          throw ImportError(.unreadable("\(url.path): \(String(cString: strerror(errno)))"))
        }
        if got == 0 {
          atEnd = true
        } else {
          filled += got
        }
      }
      let buffer = UnsafeBufferPointer(start: storage, count: filled)
      if first {
        if buffer.count < 3 && !atEnd { continue }
        first = false
        start = ColumnImporter.bomLength(buffer)
      }
      start = try state.process(buffer, from: start, isFinal: atEnd)
      if atEnd || state.foundBareCR { return }
    }
  }
}

extension ColumnImporter {
  /// Reads a mapped file in windows of ``blockSize`` bytes (a window with no whole record grows
  /// until it holds one), giving back the pages already read.
  fileprivate func readMapped(_ file: UnsafeBufferPointer<UInt8>, _ state: ImportState) throws(ImportError) {
    let bytes = file.baseAddress!
    let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    var windowStart = 0
    var from = ColumnImporter.bomLength(file)
    var window = blockSize
    var released = 0
    while true {
      let windowEnd = window >= file.count - windowStart ? file.count : windowStart + window
      let isFinal = windowEnd == file.count
      let next = try state.process(
        UnsafeBufferPointer(start: bytes + windowStart, count: windowEnd - windowStart), from: from,
        isFinal: isFinal)
      if isFinal || state.foundBareCR { return }
      if next == from {
        window *= 2
        continue
      }
      windowStart += next
      from = 0
      window = blockSize
      // The pages wholly before the window are not read again.
      let releasable = windowStart / pageSize * pageSize
      if releasable - released >= 1 << 22 {
        madvise(UnsafeMutableRawPointer(mutating: bytes + released), releasable - released, MADV_DONTNEED)
        released = releasable
      }
    }
  }
}

/// `read(2)`, named apart from the many Swift `read` methods.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
  #else
    return Darwin.read(fd, buffer, count)
  #endif
}

// MARK: - State of one import

/// What one import has built so far: the parser, the columns, the ids and the report.
internal final class ImportState {
  let importer: ColumnImporter
  var parser: IncidentRowParser?
  var validator: FastRowValidator?
  /// The validator, usable or not.
  private var anyValidator: FastRowValidator?
  /// Owns the validator's memory.
  private var validatorStorage: FastRowValidator.Storage?
  /// The line of the next record.
  var line = 1
  /// Whether a carriage return not followed by a line feed was found: the input is then read by
  /// the record reader (see ``ColumnImporter/read(_:)``).
  var foundBareCR = false
  var report = ImportReport()
  /// The ids accepted so far, in shares (made with the header, sized for the input).
  private var ids: IDIndex?
  // The columns, built in place (each block appends its rows, then its parts fill them).
  var origin: [UInt8] = []
  var host: [UInt8] = []
  var kind: [UInt8] = []
  var year: [UInt16] = []
  var groups: [UInt16] = []
  var persons: [UInt8] = []
  /// Each accepted row's month (0 for none): not a counting column, kept for the report.
  var month: [UInt8] = []
  var overflow: [Int: Int] = [:]
  var presence = PartPresence()
  /// Whether a row counted in `presence` was later rejected (then presence is recomputed).
  var presenceIsSuperset = false
  /// The size of the input when known (to size the tables and columns after the first block).
  var inputBytes: Int?
  /// The input bytes merged so far.
  private var mergedBytes = 0
  /// The parts, reused from block to block.
  private var parts: [ImportPart] = []
  /// Rows the fast path took (for tests).
  private(set) var fastRows = 0
  /// Whether blocks are cut at line breaks outside quotes (set once a cut at plain line breaks
  /// failed: quoted fields of the input hold line breaks).
  private var cutsByParity = false
  /// Whether each accepted row's ``Incident`` is built too (into `records`).
  var buildsRecords = false
  /// The accepted rows' incidents, in file order (when `buildsRecords`).
  var records: [Incident] = []

  /// Grouping of the candidates by share: position of each candidate, and each share's start.
  private var ordinals = RawArray<UInt32>(capacity: 1 << 12)
  /// The ids of ``directIDs`` — a fixed prefix (often none) and a canonical decimal integer
  /// below ``directBound``, as row numbers and `SYN-1-<n>` are — by value: the line where each
  /// value was first accepted, 0 when not yet; checked in row order without hashing. Zeroed lazily by `calloc`: pages of values never seen cost nothing.
  private var direct: UnsafeMutablePointer<UInt32>?
  private var directBound = 0
  /// The ids checked in the direct table (set with the header).
  private var directIDs = DirectIDs(bound: 0)

  init(importer: ColumnImporter) {
    self.importer = importer
  }

  deinit {
    ids?.deallocate()
    ordinals.deallocate()
    free(direct)
    presence.deallocate()
    for part in parts { part.deallocate() }
  }

  /// Reads the complete records of `buffer` from `start`; returns where the first record not
  /// yet read starts.
  func process(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool
  ) throws(ImportError) -> Int {
    precondition(buffer.count < Int(Int32.max), "ColumnImporter: a block must be under 2 GiB")
    var start = start
    // Bare carriage returns: before the header, the whole block is looked at here; after it,
    // each part looks at its own lines (at the same time), and this thread only at bytes that
    // no part reads.
    if parser == nil && ColumnImporter.holdsBareCR(buffer, from: start, isFinal: isFinal) {
      foundBareCR = true
      return start
    }
    if parser == nil {
      var scanner = CSVScanner()
      switch scanner.scan(buffer, from: start, isFinal: isFinal) {
      case .endOfInput, .incomplete:
        return start
      case .record(let end, let next, let lineBreaks):
        let header = withUnsafePointer(to: &scanner) { pointer -> Result<IncidentRowParser, ImportError> in
          let record = CSVRecord(buffer: buffer, scanner: pointer, range: start..<end, line: line)
          do throws(ImportError) {
            return .success(
              try IncidentRowParser(header: record, mapping: importer.mapping, today: importer.today))
          } catch {
            return .failure(error)
          }
        }
        let parser = try header.get()
        self.parser = parser
        let validator = FastRowValidator(
          parser: parser, today: importer.today, storage: &validatorStorage)
        self.validator = validator.isUsable ? validator : nil
        anyValidator = validator
        report.ignoredColumns = parser.ignoredColumns
        line += lineBreaks
        start = next
        // About 2,048 ids per share (rows of at least 24 bytes), so that a share stays in cache.
        ids = IDIndex(shares: (inputBytes ?? 1 << 24) / 24 / 2_048)
        directBound = Swift.min(Swift.max(1 << 20, (inputBytes ?? 0) / 4), 1 << 28)
        direct = calloc(directBound, MemoryLayout<UInt32>.size)?.assumingMemoryBound(to: UInt32.self)
        if direct == nil { directBound = 0 }
        directIDs = DirectIDs(bound: directBound)
        // The direct table's id prefix, from the first data row's id (when it is a column and
        // the row is at hand; any prefix keeps the check exact, see DirectIDs).
        if let column = parser.columnNumber(of: .id),
          case .record = scanner.scan(buffer, from: next, isFinal: isFinal),
          scanner.problem == nil, scanner.fieldCount >= column
        {
          let fieldStart = scanner.fieldStarts[column - 1]
          directIDs = DirectIDs(
            sample: UnsafeBufferPointer(
              start: buffer.baseAddress! + fieldStart, count: scanner.fieldEnds[column - 1] - fieldStart),
            bound: directBound)
        }
      }
    }
    guard let parser else { return start }
    let base = buffer.baseAddress!
    // The records to read now: up to the last line break, or to the end of the input.
    var regionEnd = buffer.count
    if !isFinal {
      var last = buffer.count - 1
      while last >= start && base[last] != 0x0A { last -= 1 }
      guard last >= start else {
        foundBareCR = ColumnImporter.holdsBareCR(buffer, from: start, isFinal: isFinal)
        return start
      }
      regionEnd = last + 1
      // The bytes after the last line break are read with the next block, but a bare carriage
      // return among them sends the input to the record reader now, as before any row is merged.
      if ColumnImporter.holdsBareCR(buffer, from: regionEnd, isFinal: isFinal) {
        foundBareCR = true
        return start
      }
    }
    guard start < regionEnd else { return start }
    // Under a mapping, a block holding a NUL byte is read without the fast path: the general
    // parser rejects the row naming its line and column (one memchr per block).
    let holdsNUL =
      !importer.mapping.readsCanonically && memchr(base + start, 0, buffer.count - start) != nil
    let context = PartContext(
      buffer: buffer, isFinal: isFinal, parser: parser, validator: holdsNUL ? nil : validator,
      fallbackValidator: anyValidator!, mode: importer.mode, names: importer.names,
      ids: ids!, directIDs: directIDs, keepsIncidents: buildsRecords)

    // 1. Read the parts: the block cut at line breaks into parts, four per thread, read at the
    //    same time, each from its first byte as if a record started there. A quoted field may
    //    hold a line break, so the cut is checked: it holds when every part but the last ends
    //    exactly where the next begins (each then began at a record, as a reading of the block
    //    from its start would have found), or stopped at a rejected row in strict mode (whose
    //    error comes first in file order). When it does not, the block is cut again at the line
    //    breaks outside quotes (by quote parity, as every later block then is), and if that cut
    //    fails too (stray quotes), read as one part.
    var ranges = cutsByParity ? quotedRanges(base, start, regionEnd) : splitAtLineBreaks(base, start..<regionEnd)
    while self.parts.count < ranges.count { self.parts.append(ImportPart()) }
    var parts = Array(self.parts.prefix(ranges.count))
    // A part before the last ends at a line break, not at the input's end.
    let inner = PartContext(
      buffer: buffer, isFinal: false, parser: parser, validator: holdsNUL ? nil : validator,
      fallbackValidator: anyValidator!, mode: importer.mode, names: importer.names,
      ids: ids!, directIDs: directIDs, keepsIncidents: buildsRecords)
    func readParts() {
      ImportState.perform(ranges.count) { [ranges, parts] index in
        ImportPart.read(parts[index], index < ranges.count - 1 ? inner : context, ranges[index])
      }
    }
    readParts()
    if parts.contains(where: \.foundBareCR) {
      foundBareCR = true
      return start
    }
    if !ImportState.holds(ranges, parts) && !cutsByParity {
      cutsByParity = true
      ranges = quotedRanges(base, start, regionEnd)
      while self.parts.count < ranges.count { self.parts.append(ImportPart()) }
      parts = Array(self.parts.prefix(ranges.count))
      readParts()
    }
    if !ImportState.holds(ranges, parts) {
      ranges = [start..<regionEnd]
      parts = [parts[0]]
      ImportPart.read(parts[0], context, ranges[0])
    }
    let end = parts[parts.count - 1].end
    var lineOffsets: [Int] = []
    var candidates = 0
    var hashed = 0
    for part in parts {
      lineOffsets.append(line + parts.prefix(lineOffsets.count).reduce(0) { $0 + $1.lineCount })
      candidates += part.candidates.count
      fastRows += part.fastRows
      hashed += part.hashedCount
    }
    if mergedBytes == 0, let inputBytes, end > start {
      // Size the id tables and the columns for the whole input from the first block's density.
      let scale = Double(inputBytes) / Double(end - start) * 1.05
      let expected = Int(Double(candidates) * scale) + 16
      if hashed > 0 { ids!.reserve(Int(Double(hashed) * scale)) }
      reserveColumns(expected)
      if buildsRecords { records.reserveCapacity(expected) }
    }
    mergedBytes += end - start

    // 2. Ids: the candidates grouped by share (a counting sort, so each share's candidates
    //    stay in row order), then each share takes its ids, the shares spread over the threads.
    let ids = self.ids!
    var partBases: [Int] = []
    var total = 0
    for part in parts {
      partBases.append(total)
      total += part.candidates.count
    }
    ordinals.removeAll()
    ordinals.reserve(total)
    let shareStarts = UnsafeMutableBufferPointer<Int>.allocate(capacity: ids.count + 1)
    let cursors = UnsafeMutableBufferPointer<Int>.allocate(capacity: ids.count * parts.count)
    defer {
      shareStarts.deallocate()
      cursors.deallocate()
    }
    var position = 0
    if hashed == 0 {
      // Every id of the block went to the direct table: no share has a candidate.
      shareStarts.update(repeating: 0)
    } else {
      for share in 0..<ids.count {
        shareStarts[share] = position
        for (index, part) in parts.enumerated() {
          cursors[share * parts.count + index] = position
          position += Int(part.shareCounts[share])
        }
      }
      shareStarts[ids.count] = position
    }
    let grouping = GroupingJob(
      parts: parts, partBases: partBases, cursors: cursors, ordinals: ordinals.base)
    // Parallel from a few thousand rows: a 4 MiB block of wide rows (the canonical schema's,
    // about 300 bytes) holds some 14,000, and the id check is the block's largest step.
    let parallel = total >= 1 << 12 && importer.threads > 1
    if position == 0 {
      // No id was hashed: nothing to group.
    } else if parallel {
      ImportState.perform(parts.count) { index in grouping.run(index) }
    } else {
      for index in parts.indices { grouping.run(index) }
    }
    ordinals.didAppend(total)
    let workers = parallel ? importer.threads : 1
    let duplicates = UnsafeMutableBufferPointer<[Duplicate]>.allocate(capacity: workers)
    duplicates.initialize(repeating: [])
    defer {
      duplicates.deinitialize()
      duplicates.deallocate()
    }
    let job = DeduplicationJob(
      parts: parts, partBases: partBases, lineOffsets: lineOffsets, ids: ids,
      ordinals: ordinals.base, shareStarts: shareStarts, workers: workers,
      duplicates: duplicates)
    if position > 0 { ImportState.perform(workers) { worker in job.run(worker) } }
    // The direct table: no hashing, each part in row order. When the parts' ranges of values
    // do not overlap (numbered ids in file order, most often), no id of one part can be in another, and the
    // parts are checked at the same time; otherwise one after another.
    var directDuplicates: [[Duplicate]] = []
    if let direct {
      let job = DirectTableJob(parts: parts, lineOffsets: lineOffsets, direct: direct)
      let ranges = parts.compactMap(\.directValues).sorted { $0.lowerBound < $1.lowerBound }
      let disjoint = zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound }
      if parallel && disjoint && ranges.count > 1 {
        ImportState.perform(parts.count) { index in job.run(index) }
      } else {
        for index in parts.indices { job.run(index) }
      }
      directDuplicates = job.duplicates
    }

    // 3. Rejected rows in file order (strict mode: the first is thrown), and accepted rows.
    var duplicatesOfPart = [[Duplicate]](repeating: [], count: parts.count)
    for list in Array(duplicates) + directDuplicates {
      for duplicate in list { duplicatesOfPart[duplicate.part].append(duplicate) }
    }

    var outputOffsets: [Int] = []
    var accepted = origin.count
    for (index, part) in parts.enumerated() {
      duplicatesOfPart[index].sort { $0.candidate < $1.candidate }
      try reportRejections(
        part, duplicates: duplicatesOfPart[index], lineOffset: lineOffsets[index], context)
      outputOffsets.append(accepted)
      accepted += part.candidates.count - duplicatesOfPart[index].count
      if !duplicatesOfPart[index].isEmpty { presenceIsSuperset = true }
    }

    // 4. Codes into the columns, each part into its own rows.
    let added = accepted - origin.count
    origin.append(contentsOf: repeatElement(0, count: added))
    host.append(contentsOf: repeatElement(0, count: added))
    kind.append(contentsOf: repeatElement(0, count: added))
    year.append(contentsOf: repeatElement(0, count: added))
    groups.append(contentsOf: repeatElement(0, count: added))
    persons.append(contentsOf: repeatElement(0, count: added))
    month.append(contentsOf: repeatElement(0, count: added))
    let scatter = withOutputColumns { output in
      let scatter = ScatterJob(
        parts: parts, duplicates: duplicatesOfPart, offsets: outputOffsets, output: output)
      if parallel {
        ImportState.perform(parts.count) { index in scatter.run(index) }
      } else {
        for index in parts.indices { scatter.run(index) }
      }
      return scatter
    }
    if buildsRecords {
      buildRecords(parts, duplicates: duplicatesOfPart, parser: parser, buffer: buffer, parallel: parallel)
    }
    for (index, part) in parts.enumerated() {
      for (row, value) in scatter.overflowRows(index) { overflow[row] = value }
      presence.formUnion(part.presence)
      report.dataRows += part.dataRows
      report.blankLines += part.blankLines
      report.delimiterOnlyRows += part.delimiterOnlyRows
      line += part.lineCount
    }
    report.accepted = origin.count
    return end
  }

  /// Calls `body` with pointers to every column.
  private func withOutputColumns<Result>(_ body: (OutputColumns) -> Result) -> Result {
    origin.withUnsafeMutableBufferPointer { origin in
      host.withUnsafeMutableBufferPointer { host in
        kind.withUnsafeMutableBufferPointer { kind in
          year.withUnsafeMutableBufferPointer { year in
            groups.withUnsafeMutableBufferPointer { groups in
              persons.withUnsafeMutableBufferPointer { persons in
                month.withUnsafeMutableBufferPointer { month in
                  body(
                    OutputColumns(
                      origin: origin.baseAddress!, host: host.baseAddress!, kind: kind.baseAddress!,
                      year: year.baseAddress!, groups: groups.baseAddress!,
                      persons: persons.baseAddress!, month: month.baseAddress!))
                }
              }
            }
          }
        }
      }
    }
  }

  /// Makes room for `rows` rows in every column.
  private func reserveColumns(_ rows: Int) {
    origin.reserveCapacity(rows)
    host.reserveCapacity(rows)
    kind.reserveCapacity(rows)
    year.reserveCapacity(rows)
    groups.reserveCapacity(rows)
    persons.reserveCapacity(rows)
    month.reserveCapacity(rows)
  }

  /// Runs `work(0 ..< count)`, on as many threads when there are several.
  static func perform(_ count: Int, _ work: (Int) -> Void) {
    if count == 1 {
      work(0)
    } else {
      withoutActuallyEscaping(work) { work in
        let box = UncheckedBox(work)
        DispatchQueue.concurrentPerform(iterations: count) { index in box.value(index) }
      }
    }
  }

  /// Whether the parts read from `ranges` delimited the records as one reading of the whole
  /// would: every part but the last ends where its range ends, unless one stopped at a rejected
  /// row before (strict mode; its error is then the first in file order).
  static func holds(_ ranges: [Range<Int>], _ parts: [ImportPart]) -> Bool {
    for index in 0..<ranges.count - 1 {
      if parts[index].stopped { return true }
      if parts[index].end != ranges[index].upperBound { return false }
    }
    return true
  }

  /// The parts of a block whose quoted fields hold line breaks: `start ..< regionEnd` cut into
  /// about equal parts at line breaks outside quotes (by quote parity, as RFC 4180 quoting
  /// gives). The cut is a guess for input with stray quotes; the caller checks it.
  private func quotedRanges(
    _ base: UnsafePointer<UInt8>, _ start: Int, _ regionEnd: Int
  ) -> [Range<Int>] {
    let wanted = importer.threads == 1 ? 1 : importer.threads * ColumnImporter.partsPerThread
    let count = regionEnd - start
    let parts = Swift.min(wanted, Swift.max(1, count / importer.minimumPartBytes))
    guard parts > 1 else { return [start..<regionEnd] }
    func offset(_ pointer: UnsafeMutableRawPointer) -> Int {
      base.distance(to: pointer.assumingMemoryBound(to: UInt8.self))
    }
    var breaks: [Int] = []
    var position = start
    var inQuotes = false
    cutting: for part in 1..<parts {
      let target = Swift.max(position, start + count / parts * part)
      // The parity up to the target.
      while position < target {
        guard let quote = memchr(base + position, 0x22, target - position) else {
          position = target
          break
        }
        inQuotes.toggle()
        position = offset(quote) + 1
      }
      // The next line break outside quotes.
      while position < regionEnd {
        guard let lineFeed = memchr(base + position, 0x0A, regionEnd - position) else { break cutting }
        let lineEnd = offset(lineFeed)
        while position < lineEnd, let quote = memchr(base + position, 0x22, lineEnd - position) {
          inQuotes.toggle()
          position = offset(quote) + 1
        }
        position = lineEnd + 1
        if !inQuotes { break }
      }
      guard !inQuotes, position < regionEnd else { break }
      breaks.append(position)
    }
    var ranges: [Range<Int>] = []
    var from = start
    for cut in breaks where cut > from {
      ranges.append(from..<cut)
      from = cut
    }
    ranges.append(from..<regionEnd)
    return ranges
  }

  /// Splits a run of whole lines into about equal parts at line breaks: four per
  /// thread, handed to the threads as they come free, so that a thread slowed by other work on
  /// its core holds up the block less.
  private func splitAtLineBreaks(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
    let wanted = importer.threads == 1 ? 1 : importer.threads * ColumnImporter.partsPerThread
    let parts = Swift.min(wanted, Swift.max(1, range.count / importer.minimumPartBytes))
    guard parts > 1 else { return [range] }
    var ranges: [Range<Int>] = []
    var start = range.lowerBound
    for part in 1..<parts {
      let target = Swift.max(start, range.lowerBound + range.count / parts * part)
      guard target < range.upperBound,
        let found = memchr(base + target, 0x0A, range.upperBound - target)
      else { break }
      let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
      ranges.append(start..<end)
      start = end
    }
    if start < range.upperBound { ranges.append(start..<range.upperBound) }
    return ranges
  }

  /// Adds a part's rejected rows — those rejected on their own, and the repeated ids — to the
  /// report in file order; in strict mode, throws the first.
  private func reportRejections(
    _ part: ImportPart, duplicates: [Duplicate], lineOffset: Int, _ context: PartContext
  ) throws(ImportError) {
    let strict = importer.mode == .strict
    var nextDuplicate = 0
    var nextReject = 0
    while nextDuplicate < duplicates.count || nextReject < part.rejects.count {
      // A row rejected on its own after `before` candidates comes before candidate `before`.
      let takeReject =
        nextReject < part.rejects.count
        && (nextDuplicate == duplicates.count
          || part.rejects[nextReject].before <= duplicates[nextDuplicate].candidate)
      if takeReject {
        let reject = part.rejects[nextReject]
        let error = reject.error.shifted(by: lineOffset)
        if strict { throw error }
        report.rejected.append(
          RejectedRow(line: reject.line + lineOffset, raw: reject.raw, error: error))
        nextReject += 1
      } else {
        let duplicate = duplicates[nextDuplicate]
        let (error, raw) = duplicateRejection(
          part.candidates[duplicate.candidate], firstLine: duplicate.firstLine,
          lineOffset: lineOffset, context)
        if strict { throw error }
        report.rejected.append(RejectedRow(line: error.line!, raw: raw, error: error))
        nextDuplicate += 1
      }
    }
  }

  /// The error and text of a row whose id an earlier row has, as ``IncidentCSV`` words them.
  private func duplicateRejection(
    _ candidate: Candidate, firstLine: Int, lineOffset: Int, _ context: PartContext
  ) -> (ImportError, String) {
    let parser = context.parser
    let recordLine = Int(candidate.line) + lineOffset
    var scanner = CSVScanner()
    let start = Int(candidate.recordStart)
    guard
      case .record(let end, _, _) = scanner.scan(
        context.buffer, from: start, isFinal: context.isFinal)
    else { preconditionFailure("ColumnImporter: a record read before cannot be found again") }
    return withUnsafePointer(to: &scanner) { pointer in
      let record = CSVRecord(
        buffer: context.buffer, scanner: pointer, range: start..<end, line: recordLine)
      let id = parser.idText(of: record)
      let error = ImportError(
        .invalidRecord(.duplicateID(id, firstLine: firstLine)), line: recordLine,
        column: parser.columnNumber(of: .id), field: parser.columnName(of: .id), recordID: id)
      return (error, parser.rejectedText(of: record, names: context.names))
    }
  }

  /// The columns and the report.
  func finish() -> ColumnImportResult {
    if presenceIsSuperset {
      presence.deallocate()
      presence = PartPresence()
      for row in 0..<origin.count {
        presence.note(origin: origin[row], host: host[row], kind: kind[row], year: year[row], groups: groups[row])
      }
    }
    let columns = IncidentColumns(
      origin: origin, host: host, kind: kind, year: year, groups: groups, persons: persons,
      personsOverflow: overflow, presence: presence.columnPresence)
    return ColumnImportResult(columns: columns, report: report, months: month)
  }
}

extension ImportError {
  /// The same error on a line `offset` further down.
  func shifted(by offset: Int) -> ImportError {
    ImportError(kind, line: line.map { $0 + offset }, column: column, field: field, recordID: recordID)
  }
}

/// A value handed to other threads as is. `@unchecked Sendable`: used only where the threads'
/// accesses are disjoint and `concurrentPerform` returns after all of them.
private struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

// MARK: - Parts

/// What every part of a block shares.
internal struct PartContext: @unchecked Sendable {
  // `@unchecked Sendable`: the buffer is only read while the parts are read, and the parser
  // and validator are immutable.
  let buffer: UnsafeBufferPointer<UInt8>
  let isFinal: Bool
  let parser: IncidentRowParser
  let validator: FastRowValidator?
  /// Any validator of the file, usable or not (so that readers can hold one without an
  /// optional).
  let fallbackValidator: FastRowValidator
  let mode: ImportMode
  let names: PersonNamePolicy
  /// The id shares (the readers count their candidates per share).
  let ids: IDIndex
  /// The ids that go to the direct table.
  let directIDs: DirectIDs
  /// Whether the incidents the general parser builds are kept (the import builds records).
  let keepsIncidents: Bool
}

/// Where an id is checked: its value in the direct table (see ``DirectIDs``), or its share of
/// the ``IDIndex`` and its hash. The choice depends on the id's key bytes alone, so every
/// occurrence of an id goes to the same place.
@inline(__always)
internal func idRoute(_ key: UnsafeBufferPointer<UInt8>, direct: DirectIDs, slack: Int, ids: IDIndex) -> (share: UInt16, hash: UInt64) {
  if let value = direct.value(key, slack: 0) {
    return (Candidate.directShare, UInt64(value))
  }
  let hash = IDTable.hash(UnsafeRawBufferPointer(key), slack: slack)
  return (UInt16(truncatingIfNeeded: ids.share(of: hash)), hash)
}

/// A row valid on its own, whose id is still to be checked against the earlier rows: its codes,
/// its id's hash (its bytes are in the part's arena), its line from the part's start and where
/// its record starts in the buffer. 32 bytes.
internal struct Candidate {
  var hash: UInt64
  var idEnd: Int32
  var line: Int32
  var recordStart: Int32
  var year: UInt16
  var groups: UInt16
  var origin: UInt8
  var host: UInt8
  var kind: UInt8
  /// The persons, or 0xFF for 255 or more (the number is in ``ImportPart/overflow``).
  var persons: UInt8
  /// The month, 1–12, or 0 when the date has none (in the padding: still 32 bytes).
  var month: UInt8
  /// The id's share in the ``IDIndex``, or ``directShare`` when the id is a value of the direct
  /// table (then `hash` is the value and the id's bytes are not kept).
  var share: UInt16

  /// The `share` of an id checked in the direct table.
  static let directShare = UInt16.max
}

/// A candidate whose id an earlier row has.
internal struct Duplicate {
  var part: Int
  var candidate: Int
  var firstLine: Int
}

/// Lists, share by share, the candidates of each part: part *i* writes its candidates' global
/// numbers at its own cursors. `@unchecked Sendable`: the parts' cursor ranges are disjoint.
private struct GroupingJob: @unchecked Sendable {
  let parts: [ImportPart]
  let partBases: [Int]
  /// `cursors[share * parts.count + part]`: where the part's next candidate of the share goes.
  let cursors: UnsafeMutableBufferPointer<Int>
  let ordinals: UnsafeMutablePointer<UInt32>

  func run(_ index: Int) {
    let part = parts[index]
    let candidates = part.candidates.base
    let stride = parts.count
    let base = UInt32(truncatingIfNeeded: partBases[index])
    let cursors = self.cursors.baseAddress! + index
    for candidate in 0..<part.candidates.count where candidates[candidate].share != Candidate.directShare {
      let slot = Int(candidates[candidate].share) &* stride
      ordinals[cursors[slot]] = base &+ UInt32(truncatingIfNeeded: candidate)
      cursors[slot] &+= 1
    }
  }
}

/// Adds the ids of the block to their shares, each share in row order; worker *w* takes the
/// shares *w*, *w* + workers, …. `@unchecked Sendable`: each share is written by one worker,
/// worker *w* writes only `duplicates[w]`, and the parts are only read.
private struct DeduplicationJob: @unchecked Sendable {
  let parts: [ImportPart]
  let partBases: [Int]
  let lineOffsets: [Int]
  let ids: IDIndex
  let ordinals: UnsafeMutablePointer<UInt32>
  let shareStarts: UnsafeMutableBufferPointer<Int>
  let workers: Int
  let duplicates: UnsafeMutableBufferPointer<[Duplicate]>

  func run(_ worker: Int) {
    var found: [Duplicate] = []
    // The parts as plain pointers, so the loop does no reference counting.
    let count = parts.count
    let candidates = UnsafeMutablePointer<UnsafeMutablePointer<Candidate>>.allocate(capacity: count)
    let arenas = UnsafeMutablePointer<UnsafeRawPointer>.allocate(capacity: count)
    let bases = UnsafeMutablePointer<Int>.allocate(capacity: count + 1)
    let offsets = UnsafeMutablePointer<Int>.allocate(capacity: count)
    defer {
      candidates.deallocate()
      arenas.deallocate()
      bases.deallocate()
      offsets.deallocate()
    }
    for (index, part) in parts.enumerated() {
      candidates[index] = part.candidates.base
      arenas[index] = UnsafeRawPointer(part.idBytes.base)
      bases[index] = partBases[index]
      offsets[index] = lineOffsets[index]
    }
    bases[count] = Int.max
    for share in stride(from: worker, to: ids.count, by: workers) {
      let start = shareStarts[share]
      let end = shareStarts[share + 1]
      guard start < end else { continue }
      var table = ids.tables[share]
      for position in start..<end {
        let ordinal = Int(ordinals[position])
        var index = 0
        while bases[index &+ 1] <= ordinal { index &+= 1 }
        let candidate = ordinal &- bases[index]
        let rows = candidates[index]
        let row = rows[candidate]
        let idStart = candidate == 0 ? 0 : Int(rows[candidate &- 1].idEnd)
        let bytes = UnsafeRawBufferPointer(
          start: arenas[index] + idStart, count: Int(row.idEnd) &- idStart)
        if let firstLine = table.insert(bytes, hash: row.hash, line: Int(row.line) &+ offsets[index]) {
          found.append(Duplicate(part: index, candidate: candidate, firstLine: firstLine))
        }
      }
      ids.tables[share] = table
    }
    duplicates[worker] = found
  }
}

/// Checks each part's direct-table ids in row order: a value already in the table is a
/// repeated id, any other is entered with its line. `@unchecked Sendable`: part *i* writes only
/// `duplicates[i]`, and parts run at the same time only when their values do not overlap, so
/// they touch different entries of the table.
private final class DirectTableJob: @unchecked Sendable {
  let parts: [ImportPart]
  let lineOffsets: [Int]
  let direct: UnsafeMutablePointer<UInt32>
  private let found: UnsafeMutableBufferPointer<[Duplicate]>

  init(parts: [ImportPart], lineOffsets: [Int], direct: UnsafeMutablePointer<UInt32>) {
    self.parts = parts
    self.lineOffsets = lineOffsets
    self.direct = direct
    found = .allocate(capacity: parts.count)
    found.initialize(repeating: [])
  }

  deinit {
    found.deinitialize()
    found.deallocate()
  }

  /// The repeated ids of each part, in row order.
  var duplicates: [[Duplicate]] { Array(found) }

  func run(_ index: Int) {
    let part = parts[index]
    guard part.directValues != nil else { return }
    let candidates = part.candidates.base
    let lineOffset = lineOffsets[index]
    var repeated: [Duplicate] = []
    for candidate in 0..<part.candidates.count where candidates[candidate].share == Candidate.directShare {
      let value = Int(truncatingIfNeeded: candidates[candidate].hash)
      let first = direct[value]
      if first != 0 {
        repeated.append(Duplicate(part: index, candidate: candidate, firstLine: Int(first)))
      } else {
        let line = Int(candidates[candidate].line) + lineOffset
        precondition(line <= Int(UInt32.max), "ColumnImporter: more than 2^32 lines")
        direct[value] = UInt32(truncatingIfNeeded: line)
      }
    }
    found[index] = repeated
  }
}

/// Where the accepted codes go.
internal struct OutputColumns {
  let origin: UnsafeMutablePointer<UInt8>
  let host: UnsafeMutablePointer<UInt8>
  let kind: UnsafeMutablePointer<UInt8>
  let year: UnsafeMutablePointer<UInt16>
  let groups: UnsafeMutablePointer<UInt16>
  let persons: UnsafeMutablePointer<UInt8>
  let month: UnsafeMutablePointer<UInt8>
}

/// Writes each part's accepted codes into its rows of the columns. `@unchecked Sendable`: part
/// *i* writes rows `offsets[i] ..<` its accepted count, disjoint from the other parts', and
/// `overflow[i]`.
private final class ScatterJob: @unchecked Sendable {
  let parts: [ImportPart]
  let duplicates: [[Duplicate]]
  let offsets: [Int]
  let output: OutputColumns
  private let overflow: UnsafeMutableBufferPointer<[(Int, Int)]>

  init(parts: [ImportPart], duplicates: [[Duplicate]], offsets: [Int], output: OutputColumns) {
    self.parts = parts
    self.duplicates = duplicates
    self.offsets = offsets
    self.output = output
    overflow = .allocate(capacity: parts.count)
    overflow.initialize(repeating: [])
  }

  deinit {
    overflow.deinitialize()
    overflow.deallocate()
  }

  /// The rows with 255 or more persons that part `index` wrote, and their persons.
  func overflowRows(_ index: Int) -> [(Int, Int)] { overflow[index] }

  func run(_ index: Int) {
    let part = parts[index]
    let candidates = part.candidates.base
    let count = part.candidates.count
    var row = offsets[index]
    let skip = duplicates[index]
    var nextSkip = 0
    var nextOverflow = 0
    let overflowing = part.overflow
    var rows: [(Int, Int)] = []
    for candidate in 0..<count {
      if nextSkip < skip.count && skip[nextSkip].candidate == candidate {
        nextSkip += 1
        if nextOverflow < overflowing.count && overflowing[nextOverflow].0 == candidate {
          nextOverflow += 1
        }
        continue
      }
      let codes = candidates[candidate]
      output.origin[row] = codes.origin
      output.host[row] = codes.host
      output.kind[row] = codes.kind
      output.year[row] = codes.year
      output.groups[row] = codes.groups
      output.persons[row] = codes.persons
      output.month[row] = codes.month
      if nextOverflow < overflowing.count && overflowing[nextOverflow].0 == candidate {
        rows.append((row, overflowing[nextOverflow].1))
        nextOverflow += 1
      }
      row += 1
    }
    overflow[index] = rows
  }
}

/// Which codes occur, gathered as byte flags (cheaper per row than bit sets): origins at
/// 0–255, hosts at 256–511, kinds at 512–767, ethnic-group bit sets from 768 on (one flag for each
/// of the ``RowCodes/groupMaskCount`` sets). The owner
/// calls ``deallocate()``.
internal struct PartPresence {
  let flags: UnsafeMutablePointer<UInt8>
  /// Flags in all: origins, hosts and kinds, then the group bit sets.
  static let flagCount = 768 + RowCodes.groupMaskCount
  var yearMin: UInt16 = .max
  var yearMax: UInt16 = 0

  init() {
    flags = .allocate(capacity: PartPresence.flagCount)
    flags.initialize(repeating: 0, count: PartPresence.flagCount)
  }

  func deallocate() { flags.deallocate() }

  mutating func clear() {
    flags.update(repeating: 0, count: PartPresence.flagCount)
    yearMin = .max
    yearMax = 0
  }

  @inline(__always)
  mutating func note(origin: UInt8, host: UInt8, kind: UInt8, year: UInt16, groups: UInt16) {
    flags[Int(origin)] = 1
    flags[256 &+ Int(host)] = 1
    flags[512 &+ Int(kind)] = 1
    flags[768 &+ Int(groups & RowCodes.groupBits)] = 1
    yearMin = Swift.min(yearMin, year)
    yearMax = Swift.max(yearMax, year)
  }

  mutating func formUnion(_ other: PartPresence) {
    for index in 0..<PartPresence.flagCount { flags[index] |= other.flags[index] }
    yearMin = Swift.min(yearMin, other.yearMin)
    yearMax = Swift.max(yearMax, other.yearMax)
  }

  /// The store's presence.
  var columnPresence: ColumnPresence {
    var presence = ColumnPresence()
    for index in 0..<256 {
      if flags[index] != 0 { presence.origins[index >> 6] |= 1 << UInt64(index & 63) }
      if flags[256 + index] != 0 { presence.hosts[index >> 6] |= 1 << UInt64(index & 63) }
      if flags[512 + index] != 0 { presence.kinds |= 1 << UInt32(index) }
    }
    for mask in 0..<RowCodes.groupMaskCount where flags[768 + mask] != 0 {
      presence.groups |= UInt16(mask)
      presence.groupMasks[mask >> 6] |= 1 << UInt64(mask & 63)
    }
    presence.yearMin = yearMin
    presence.yearMax = yearMax
    return presence
  }
}

/// The records of one part of a block, read on one thread: the candidates, the rows rejected
/// on their own, and the counts. Lines are counted from 0 at the part's first record. A part is
/// reused from block to block.
internal final class ImportPart: @unchecked Sendable {
  // `@unchecked Sendable`: one thread reads a part, then other threads only read it.
  var candidates = RawArray<Candidate>(capacity: 1 << 12)
  var idBytes = RawArray<UInt8>(capacity: 1 << 14)
  /// (candidate, persons) for the candidates with 255 or more persons, in order.
  var overflow: [(Int, Int)] = []
  var presence = PartPresence()
  /// The number of candidates of each id share.
  var shareCounts = RawArray<UInt32>(capacity: 16)
  /// The number of candidates in all shares (those whose id is not a direct-table value).
  var hashedCount = 0
  /// The rows rejected on their own, each after `before` candidates.
  var rejects: [(before: Int, line: Int, raw: String, error: ImportError)] = []
  var dataRows = 0
  var blankLines = 0
  var delimiterOnlyRows = 0
  /// Rows the fast path took.
  var fastRows = 0
  /// The line breaks the part's records span.
  var lineCount = 0
  /// Where the first record not read starts.
  var end = 0
  /// Whether the reading stopped at a rejected row (strict mode) before the part's end.
  var stopped = false
  /// Whether the part's range holds a carriage return not followed by a line feed (the input
  /// then goes to the record reader).
  var foundBareCR = false
  /// The range of the part's direct-table id values, `nil` when it has none.
  var directValues: ClosedRange<UInt64>?
  /// The incidents the general parser built, by candidate, in order (when the import builds
  /// records).
  var generalIncidents: [(candidate: Int, incident: Incident)] = []
  /// The part's accepted records of the block (when the import builds records).
  var incidents: [Incident] = []
  /// Builds the records of the fast path's rows (made with the header, kept from block to block
  /// for its interned strings).
  var recordBuilder: AcceptedRecordBuilder?

  init() {}

  /// Frees the buffers (the part must not be used afterwards).
  func deallocate() {
    candidates.deallocate()
    idBytes.deallocate()
    presence.deallocate()
    shareCounts.deallocate()
  }

  /// Reads the records of `range`, which starts at a record, into `part` (a record that runs
  /// past the range's end is left: see ``PartReader/readLines(_:)``).
  static func read(_ part: ImportPart, _ context: PartContext, _ range: Range<Int>) {
    part.foundBareCR = ColumnImporter.holdsBareCR(context.buffer, in: range, isFinal: context.isFinal)
    var reader = PartReader(part: part, context: context)
    reader.readLines(range)
    reader.finish()
  }
}

/// The loops that read one part, working on local copies of the part's buffers (so the hot loop
/// pays neither exclusivity checks nor reference counting).
private struct PartReader {
  let part: ImportPart
  let context: PartContext
  /// The fast path, when `usable`.
  let validator: FastRowValidator
  let usable: Bool
  let base: UnsafePointer<UInt8>
  let headerCount: Int
  let strict: Bool
  var candidates: RawArray<Candidate>
  var idBytes: RawArray<UInt8>
  var presence: PartPresence
  let shareCounts: UnsafeMutablePointer<UInt32>
  var hashedCount = 0
  let ids: IDIndex
  var dataRows = 0
  var blankLines = 0
  var delimiterOnlyRows = 0
  var fastRows = 0
  var lineCount = 0
  var end = 0
  /// Whether the reading stopped at a rejected row (strict mode).
  var stopped = false
  /// The least and greatest direct-table id values of the part (`low > high` when none).
  var directLow = UInt64.max
  var directHigh: UInt64 = 0
  let starts: UnsafeMutablePointer<Int>
  let ends: UnsafeMutablePointer<Int>
  var scanner = CSVScanner()

  init(part: ImportPart, context: PartContext) {
    self.part = part
    self.context = context
    validator = context.validator ?? context.fallbackValidator
    usable = context.validator != nil
    base = context.buffer.baseAddress!
    headerCount = context.parser.headerCount
    strict = context.mode == .strict
    candidates = part.candidates
    idBytes = part.idBytes
    presence = part.presence
    candidates.removeAll()
    idBytes.removeAll()
    presence.clear()
    ids = context.ids
    part.shareCounts.removeAll()
    part.shareCounts.reserve(ids.count)
    shareCounts = part.shareCounts.base
    shareCounts.update(repeating: 0, count: ids.count)
    part.shareCounts.didAppend(ids.count)
    part.overflow.removeAll(keepingCapacity: true)
    part.rejects.removeAll()
    part.generalIncidents.removeAll(keepingCapacity: true)
    starts = .allocate(capacity: headerCount)
    ends = .allocate(capacity: headerCount)
  }

  /// Stores the local state back into the part.
  mutating func finish() {
    part.candidates = candidates
    part.hashedCount = hashedCount
    part.idBytes = idBytes
    part.presence = presence
    part.dataRows = dataRows
    part.blankLines = blankLines
    part.delimiterOnlyRows = delimiterOnlyRows
    part.fastRows = fastRows
    part.lineCount = lineCount
    part.end = end
    part.stopped = stopped
    part.directValues = directLow...Swift.max(directLow, directHigh)
    if directLow > directHigh { part.directValues = nil }
    starts.deallocate()
    ends.deallocate()
  }

  /// Counts the field `start ..< end` of the line, keeping its place when it is within the
  /// header's count of fields.
  @inline(__always)
  static func field(
    _ start: Int, _ end: Int, _ fields: inout Int, _ starts: UnsafeMutablePointer<Int>,
    _ ends: UnsafeMutablePointer<Int>, _ headerCount: Int
  ) {
    if fields < headerCount {
      starts[fields] = start
      ends[fields] = end
    }
    fields &+= 1
  }

  /// `0x80` in each byte of `x` that is zero, 0 elsewhere (exact: no borrow between bytes).
  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
  }

  /// The records of a run of whole records (`range` starts at a record): each line one record,
  /// split at commas in one pass. A field that opens with a quote and closes on the same line,
  /// right before a comma or the line break, with no quote inside (the common quoted field: a
  /// title holding a comma or a dash) is read in the same pass. Any other record with a quote —
  /// doubled quotes, a line break or carriage return inside quotes, a quote inside an unquoted
  /// field, text after a closing quote, a quote left open — is delimited by ``CSVScanner``, as the
  /// record reader delimits it, and may span lines. A record that runs past the range's end is
  /// left (``end`` is then its start).
  mutating func readLines(_ range: Range<Int>) {
    let limit = range.upperBound
    let headerCount = self.headerCount
    let starts = self.starts
    let ends = self.ends
    let base = self.base
    // A local copy, made once: read through `self`, the validator would be copied every row.
    let validator = self.validator
    let usable = self.usable
    let bufferCount = context.buffer.count
    // What the scanner may read: records past the range's end are another part's.
    let bounded = UnsafeBufferPointer(rebasing: context.buffer[0..<limit])
    // The narrow plan in locals, set once (see FastRowValidator.Narrow).
    let narrow = usable ? validator.narrow : nil
    let isNarrow = narrow != nil
    let narrowID = narrow?.id ?? 0
    let narrowOrigin = narrow?.origin ?? -1
    let narrowHost = narrow?.host ?? -1
    let narrowYear = narrow?.year ?? -1
    let narrowCategory = narrow?.category ?? -1
    let narrowKinds = narrow?.kinds ?? (0xFF, 0xFF, 0xFF)
    let narrowLastYear = narrow?.lastYear ?? 0
    let template = narrow?.template ?? FastRowValidator.Codes()
    let pairs = validator.countryByPair
    let categories = validator.categories
    let directIDs = context.directIDs
    var position = range.lowerBound
    records: while position < limit {
      var fields = 0
      var fieldStart = position
      var high: UInt64 = 0
      var index = position
      // Eight bytes at a time: a bit for each comma, quote and line feed (exact zero-byte test
      // of `word ^ pattern`), handled in order. The bytes after the line feed belong to the next
      // record; they only make `high` pessimistic.
      // The closing quote of the last field when it was quoted, else -1.
      var quotedEnd = -1
      // Whether the record is left to the scanner.
      var irregular = false
      scan: while true {
        while index &+ 8 <= limit {
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          high |= word
          // The commas, quotes and line feeds: the zero bytes of `word ^ pattern`, by the
          // borrow test, which marks every zero byte and, rarely, a byte just above one (its
          // value then differs from the pattern's by 1); each mark's byte is checked. (Not a
          // "below 0x2D" test: it marks every space of the text fields, each costing a branch.)
          let commas = word ^ 0x2C2C_2C2C_2C2C_2C2C
          let quotes = word ^ 0x2222_2222_2222_2222
          let lineFeeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
          var delimiters =
            ((commas &- 0x0101_0101_0101_0101) & ~commas
              | (quotes &- 0x0101_0101_0101_0101) & ~quotes
              | (lineFeeds &- 0x0101_0101_0101_0101) & ~lineFeeds) & 0x8080_8080_8080_8080
          while delimiters != 0 {
            let at = index &+ (delimiters.trailingZeroBitCount &>> 3)
            delimiters &= delimiters &- 1
            let byte = base[at]
            if byte == 0x2C {
              PartReader.field(fieldStart, at, &fields, starts, ends, headerCount)
              fieldStart = at &+ 1
            } else if byte == 0x0A {
              index = at
              break scan
            } else if byte == 0x22 {
              // A quoted field: to its closing quote, which a comma or the line break follows.
              guard at == fieldStart,
                let close = PartReader.closingQuote(base, from: at &+ 1, limit: limit, high: &high),
                close &+ 2 < limit
              else {
                irregular = true
                break scan
              }
              let after = base[close &+ 1]
              if after == 0x2C {
                PartReader.field(at &+ 1, close, &fields, starts, ends, headerCount)
                fieldStart = close &+ 2
                index = close &+ 2
                continue scan
              }
              if after == 0x0A || (after == 0x0D && base[close &+ 2] == 0x0A) {
                fieldStart = at &+ 1
                quotedEnd = close
                index = after == 0x0A ? close &+ 1 : close &+ 2
                break scan
              }
              irregular = true
              break scan
            }
          }
          index &+= 8
        }
        // The last bytes of the range, one at a time (a quote there: the scanner).
        while index < limit {
          let byte = base[index]
          if byte == 0x0A { break scan }
          if byte == 0x22 {
            irregular = true
            break scan
          }
          if byte == 0x2C {
            PartReader.field(fieldStart, index, &fields, starts, ends, headerCount)
            fieldStart = index &+ 1
          }
          high |= UInt64(byte)
          index &+= 1
        }
        break
      }
      if irregular {
        guard
          case .record(let recordEnd, let next, let lineBreaks) = scanner.scan(
            bounded, from: position, isFinal: context.isFinal)
        else { break records }
        if !takeScanned(position, recordEnd, validator) && general(position..<recordEnd) {
          lineCount &+= lineBreaks
          stopped = true
          self.end = next
          return
        }
        lineCount &+= lineBreaks
        position = next
        continue records
      }
      let next = index < limit ? index &+ 1 : limit
      var recordEnd = index
      if recordEnd > fieldStart && base[recordEnd &- 1] == 0x0D { recordEnd &-= 1 }
      PartReader.field(fieldStart, quotedEnd >= 0 ? quotedEnd : recordEnd, &fields, starts, ends, headerCount)
      let ascii = high & 0x8080_8080_8080_8080 == 0
      if fields == 1 && fieldStart == recordEnd && quotedEnd < 0 {
        blankLines &+= 1
      } else if isNarrow && fields == headerCount && ascii && narrowID >= 0 {
        // The narrow plan, inline: only the id, origin, host, year and category columns. This is
        // FastRowValidator.narrowCodes and `take`'s bookkeeping written out with the plan in
        // locals: calling them here instead (each marked @inline(__always)) left both as calls
        // and cost 21% more instructions on gen.py's 1e6-row CSV (callgrind). A row this branch
        // does not take goes through `take`, so ColumnImportTests, which compare every path
        // with IncidentCSV, catch the two drifting apart.
        var taken = true
        let idStart = starts[narrowID]
        let idCount = ends[narrowID] &- idStart
        let first = idCount > 0 ? base[idStart] : 0x20
        if first <= 0x20 || first >= 0x80 { taken = false }
        var origin = template.origin
        var host = template.host
        var year = template.year
        var kind = template.kind
        if taken && narrowOrigin >= 0 {
          let start = starts[narrowOrigin]
          if let value = FastRowValidator.country(
            UnsafeBufferPointer(start: base + start, count: ends[narrowOrigin] &- start), pairs)
          {
            origin = value
          } else {
            taken = false
          }
        }
        if taken && narrowHost >= 0 {
          let start = starts[narrowHost]
          if let value = FastRowValidator.country(
            UnsafeBufferPointer(start: base + start, count: ends[narrowHost] &- start), pairs)
          {
            host = value
          } else {
            taken = false
          }
        }
        if taken && narrowYear >= 0 {
          let start = starts[narrowYear]
          let end = ends[narrowYear]
          if let value = FastRowValidator.digits(
            UnsafeBufferPointer(start: base + start, count: end &- start), slack: bufferCount &- end),
            value >= 1000 && value <= 9999 && value <= narrowLastYear
          {
            year = UInt16(truncatingIfNeeded: value)
          } else {
            taken = false
          }
        }
        if taken && narrowCategory >= 0 {
          let start = starts[narrowCategory]
          if let category = categories.match(
            UnsafeBufferPointer(start: base + start, count: ends[narrowCategory] &- start))
          {
            kind = category == 0 ? narrowKinds.0 : category == 1 ? narrowKinds.1 : narrowKinds.2
            if kind == 0xFF { taken = false }
          } else {
            taken = false
          }
        }
        if taken {
          dataRows &+= 1
          fastRows &+= 1
          let id = UnsafeBufferPointer(start: base + idStart, count: idCount)
          let slack = bufferCount &- (idStart &+ idCount)
          var route = (share: Candidate.directShare, hash: UInt64(0))
          if let value = directIDs.value(id, slack: slack) {
            route.hash = UInt64(value)
          } else {
            route.hash = IDTable.hash(UnsafeRawBufferPointer(id), slack: slack)
            route.share = UInt16(truncatingIfNeeded: ids.share(of: route.hash))
            idBytes.append(contentsOf: id)
          }
          append(
            origin, host, kind, year, template.groups, template.persons, template.month, route,
            line: lineCount, recordStart: position)
        } else if !take(position, recordEnd, ascii: ascii, limit: bufferCount, validator) {
          guard
            case .record(let end, _, _) = scanner.scan(
              bounded, from: position, isFinal: context.isFinal)
          else { preconditionFailure("ColumnImporter: CSVScanner does not find a plain line") }
          if general(position..<end) {
            lineCount &+= 1
            stopped = true
            self.end = next
            return
          }
        }
      } else if fields != headerCount || !usable
        || !take(position, recordEnd, ascii: ascii, limit: bufferCount, validator)
      {
        guard
          case .record(let end, _, _) = scanner.scan(
            bounded, from: position, isFinal: context.isFinal)
        else { preconditionFailure("ColumnImporter: CSVScanner does not find a plain line") }
        if general(position..<end) {
          lineCount &+= 1
          stopped = true
          self.end = next
          return
        }
      }
      lineCount &+= 1
      position = next
    }
    end = position
  }

  /// Offers the record `start ..< end` that ``CSVScanner`` just delimited (its fields are in
  /// `scanner`) to the fast path, as a line is offered: only when it has no syntax problem, the
  /// header's number of fields, and no doubled quotes. Returns whether the fast path took it.
  mutating func takeScanned(_ start: Int, _ end: Int, _ validator: borrowing FastRowValidator) -> Bool {
    guard usable && scanner.problem == nil && scanner.fieldCount == headerCount
      && !(headerCount == 1 && scanner.fieldStarts[0] == scanner.fieldEnds[0] && !scanner.fieldQuoted[0])
    else { return false }
    for index in 0..<headerCount {
      let fieldStart = scanner.fieldStarts[index]
      let fieldEnd = scanner.fieldEnds[index]
      if scanner.fieldQuoted[index] && memchr(base + fieldStart, 0x22, fieldEnd - fieldStart) != nil {
        return false
      }
      starts[index] = fieldStart
      ends[index] = fieldEnd
    }
    return take(start, end, ascii: false, limit: context.buffer.count, validator)
  }

  /// The first quote from `start` when it comes before any line feed or carriage return and
  /// before `limit`, else `nil`; the words it reads are or-ed into `high`.
  @inline(__always)
  static func closingQuote(
    _ base: UnsafePointer<UInt8>, from start: Int, limit: Int, high: inout UInt64
  ) -> Int? {
    var index = start
    while index &+ 8 <= limit {
      high |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      let offset = CSVScanner.firstOf(0x22, 0x0A, 0x0D, inWordAt: base + index)
      if offset < 8 { return base[index &+ offset] == 0x22 ? index &+ offset : nil }
      index &+= 8
    }
    while index < limit {
      let byte = base[index]
      high |= UInt64(byte)
      if byte == 0x22 { return index }
      if byte == 0x0A || byte == 0x0D { return nil }
      index &+= 1
    }
    return nil
  }

  /// Offers the record `start ..< end`, whose fields are in `starts`/`ends`, to the fast path;
  /// returns whether it took it. `limit` is where the bytes that may be read end.
  @inline(never)
  mutating func take(
    _ start: Int, _ end: Int, ascii: Bool, limit: Int, _ validator: borrowing FastRowValidator
  ) -> Bool {
    guard ascii || isWellFormedUTF8(UnsafeBufferPointer(start: base + start, count: end &- start)),
      let codes = validator.codes(
        FastRowValidator.Row(base: base, starts: starts, ends: ends, readable: limit), ascii: ascii)
    else { return false }
    dataRows &+= 1
    fastRows &+= 1
    let id = codes.id
    let idCount = id.count
    let slack = id.baseAddress! >= base && id.baseAddress! < base + limit
      ? base + limit - (id.baseAddress! + idCount) : 0
    var route = (share: Candidate.directShare, hash: UInt64(0))
    if let value = context.directIDs.value(id, slack: slack) {
      route.hash = UInt64(value)
    } else {
      route.hash = IDTable.hash(UnsafeRawBufferPointer(id), slack: slack)
      route.share = UInt16(truncatingIfNeeded: ids.share(of: route.hash))
    }
    if route.share != Candidate.directShare {
      // Keep the id's bytes (8 at once when it fits a word and the bytes after it may be read).
      idBytes.reserveMore(idCount &+ 8)
      if idCount <= 8 && slack >= 8 &- idCount {
        UnsafeMutableRawPointer(idBytes.base + idBytes.count).storeBytes(
          of: UnsafeRawPointer(id.baseAddress!).loadUnaligned(as: UInt64.self), as: UInt64.self)
      } else {
        (idBytes.base + idBytes.count).update(from: id.baseAddress!, count: idCount)
      }
      idBytes.didAppend(idCount)
    }
    append(
      codes.origin, codes.host, codes.kind, codes.year, codes.groups, codes.persons, codes.month,
      route, line: lineCount, recordStart: start)
    return true
  }

  @inline(__always)
  mutating func append(
    _ origin: UInt8, _ host: UInt8, _ kind: UInt8, _ year: UInt16, _ groups: UInt16,
    _ persons: Int, _ month: UInt8, _ route: (share: UInt16, hash: UInt64), line: Int,
    recordStart: Int
  ) {
    var code = UInt8(truncatingIfNeeded: persons)
    if persons >= Int(RowCodes.overflowMarker) {
      part.overflow.append((candidates.count, persons))
      code = RowCodes.overflowMarker
    }
    if route.share != Candidate.directShare {
      shareCounts[Int(route.share)] &+= 1
      hashedCount &+= 1
    } else {
      directLow = Swift.min(directLow, route.hash)
      directHigh = Swift.max(directHigh, route.hash)
    }
    candidates.append(
      Candidate(
        hash: route.hash, idEnd: Int32(truncatingIfNeeded: idBytes.count),
        line: Int32(truncatingIfNeeded: line), recordStart: Int32(truncatingIfNeeded: recordStart),
        year: year, groups: groups, origin: origin, host: host, kind: kind, persons: code,
        month: month, share: route.share))
    presence.note(origin: origin, host: host, kind: kind, year: year, groups: groups)
  }

  /// Reads a record the fast path did not take (the scanner holds its fields), as
  /// ``IncidentCSV`` does. Returns whether to stop (strict mode, after the first rejected row).
  mutating func general(_ range: Range<Int>) -> Bool {
    let parser = context.parser
    let line = lineCount
    let before = candidates.count
    let part = self.part
    let context = self.context
    var scanner = self.scanner
    var delimiterOnly = false
    let outcome = withUnsafePointer(to: &scanner) { pointer -> Result<Incident, ImportError>? in
      let record = CSVRecord(buffer: context.buffer, scanner: pointer, range: range, line: line)
      if record.isBlank { return nil }
      if record.isDelimiterOnly {
        delimiterOnly = true
        return nil
      }
      do throws(ImportError) {
        return .success(try parser.incident(from: record))
      } catch {
        part.rejects.append(
          (before, line, parser.rejectedText(of: record, names: context.names), error))
        return .failure(error)
      }
    }
    switch outcome {
    case nil:
      if delimiterOnly { delimiterOnlyRows &+= 1 } else { blankLines &+= 1 }
      return false
    case .failure:
      dataRows &+= 1
      return strict
    case .success(let incident):
      dataRows &+= 1
      if context.keepsIncidents { part.generalIncidents.append((before, incident)) }
      let codes = RowCodes(incident)
      let key = IDTable.key(of: incident.id)
      key.withUnsafeBufferPointer { id in
        let route = idRoute(id, direct: context.directIDs, slack: 0, ids: ids)
        if route.share != Candidate.directShare { idBytes.append(contentsOf: id) }
        append(
          codes.origin, codes.host, codes.kind, codes.year, codes.groups, codes.persons,
          UInt8(incident.date.month ?? 0), route, line: line, recordStart: range.lowerBound)
      }
      return false
    }
  }
}

