import Foundation

/// Streams a CSV file as batches of whole records, each batch prefixed with the file's header,
/// so that a reader built for text in memory (``IncidentCSV``) can import a file of any size in
/// bounded memory.
///
/// Records are cut where the library's scanner cuts them: a line feed ends a record unless it is
/// inside a quoted section (a field that starts with a quote runs to the next quote that is not
/// doubled; a quoted section never closed runs to the end of the file), so a batch boundary never
/// splits a record and every record is in exactly one batch.
struct CSVBatches {
  /// One batch: the header followed by whole records.
  struct Batch {
    /// The header's bytes (with its line feed), then the records' bytes.
    var bytes: [UInt8]
    /// The file line of the batch's first record.
    var firstLine: Int
    /// Records in the batch (blank lines included).
    var records: Int
  }

  private let handle: FileHandle
  private let blockSize: Int
  private let batchRecords: Int
  /// Bytes read but not yet given out; starts at a record boundary.
  private var buffer: [UInt8] = []
  /// How much of `buffer` has been scanned, and the scanner's state there.
  private var scanned = 0
  private var state = State.fieldStart
  /// Record ends (offsets after the line feed) found in `buffer` beyond the last batch.
  private var ends: [Int] = []
  /// Line feeds in `buffer` before each scanned offset, for line numbers.
  private var lineFeedsScanned = 0
  private var atEnd = false
  /// The header's bytes, once read, and how many line feeds it holds.
  private(set) var header: [UInt8]?
  private var headerLineFeeds = 0
  /// The file line of the next record.
  private var nextLine = 1
  /// Bytes of the file consumed so far.
  private(set) var bytesRead = 0

  private enum State { case fieldStart, quoted, quoteSeen, unquoted }

  /// Opens `url` for batches of `batchRecords` records, reading `blockSize` bytes at a time.
  init(url: URL, batchRecords: Int, blockSize: Int = 8 << 20) throws {
    handle = try FileHandle(forReadingFrom: url)
    self.batchRecords = max(1, batchRecords)
    self.blockSize = max(64, blockSize)
  }

  /// The header's line count beyond its first (a quoted header field may hold line feeds).
  var headerExtraLines: Int { headerLineFeeds > 0 ? headerLineFeeds - 1 : 0 }

  /// The next batch, or `nil` at the end of the file.
  mutating func next() throws -> Batch? {
    if header == nil {
      guard try fill(records: 1), let end = ends.first else { return nil }
      var headerBytes = Array(buffer[..<end])
      if headerBytes.last != 0x0A { headerBytes.append(0x0A) }
      headerLineFeeds = headerBytes.count { $0 == 0x0A }
      header = headerBytes
      consume(upTo: 1)
    }
    guard try fill(records: batchRecords) else { return nil }
    let count = min(ends.count, batchRecords)
    let end = ends[count - 1]
    var bytes = header!
    bytes.append(contentsOf: buffer[..<end])
    let batch = Batch(bytes: bytes, firstLine: nextLine, records: count)
    consume(upTo: count)
    return batch
  }

  /// Reads and scans until `records` record ends are known or the file ends; `false` when no
  /// record is left.
  private mutating func fill(records: Int) throws -> Bool {
    while ends.count < records && !atEnd {
      let chunk = try handle.read(upToCount: blockSize) ?? Data()
      if chunk.isEmpty {
        atEnd = true
        // The last record may lack its line feed (or be an unterminated quoted field).
        if scanned < buffer.count || (buffer.count > (ends.last ?? 0)) {
          scan()
          if buffer.count > (ends.last ?? 0) { ends.append(buffer.count) }
        }
      } else {
        if bytesRead == 0 && chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
          buffer.append(contentsOf: chunk.dropFirst(3))
        } else {
          buffer.append(contentsOf: chunk)
        }
        bytesRead += chunk.count
        scan()
      }
    }
    return !ends.isEmpty
  }

  /// Scans `buffer` from `scanned`, recording record ends.
  private mutating func scan() {
    let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A
    var i = scanned
    var state = self.state
    var ends = self.ends
    buffer.withUnsafeBufferPointer { bytes in
      while i < bytes.count {
        let byte = bytes[i]
        switch state {
        case .fieldStart:
          if byte == quote {
            state = .quoted
            i += 1
          } else {
            state = .unquoted
          }
          continue
        case .quoted:
          if byte == quote { state = .quoteSeen }
        case .quoteSeen:
          if byte == quote {
            state = .quoted
          } else if byte == comma {
            state = .fieldStart
          } else if byte == lf {
            ends.append(i + 1)
            state = .fieldStart
          } else {
            state = .unquoted
            continue
          }
        case .unquoted:
          if byte == comma {
            state = .fieldStart
          } else if byte == lf {
            ends.append(i + 1)
            state = .fieldStart
          }
        }
        i += 1
      }
    }
    self.scanned = i
    self.state = state
    self.ends = ends
  }

  /// Drops the first `count` records from the buffer.
  private mutating func consume(upTo count: Int) {
    let end = ends[count - 1]
    nextLine += buffer[..<end].count { $0 == 0x0A }
    if end == buffer.count, atEnd, buffer.last != 0x0A { nextLine += 1 }
    buffer.removeSubrange(..<end)
    scanned -= end
    ends.removeSubrange(..<count)
    for index in ends.indices { ends[index] -= end }
  }
}
