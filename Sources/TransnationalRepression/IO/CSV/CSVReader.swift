import Foundation

/// Reads RFC 4180 CSV from a file or from memory, one record at a time.
///
/// The reader streams: it reads a file in blocks and keeps only the block being scanned (plus the
/// longest record), so memory stays bounded however large the file. It accepts quoted fields with
/// commas, doubled quotes and line breaks, LF and CRLF line endings, a UTF-8 byte-order mark, and a
/// last line with or without a line break.
///
/// ```swift
/// let reader = try CSVReader(contentsOf: url)
/// try reader.forEachRecord { record in
///   print(record.line, record.fields() ?? [])
/// }
/// ```
public struct CSVReader: Sendable {
  private enum Input: Sendable {
    case file(URL)
    case bytes([UInt8])
  }

  private let input: Input
  /// The size of the blocks read from a file.
  public let blockSize: Int

  /// A reader of a file.
  ///
  /// - Parameters:
  ///   - url: a file URL.
  ///   - blockSize: how many bytes to read at a time (default 1 MiB).
  public init(contentsOf url: URL, blockSize: Int = 1 << 20) {
    self.input = .file(url)
    self.blockSize = max(blockSize, 64)
  }

  /// A reader of bytes in memory.
  public init(bytes: [UInt8]) {
    self.input = .bytes(bytes)
    self.blockSize = max(bytes.count, 64)
  }

  /// A reader of text in memory.
  public init(text: String) {
    self.init(bytes: Array(text.utf8))
  }

  /// Calls `body` for every record, in order, including the header and blank lines.
  ///
  /// - Parameter body: receives each record; the ``CSVRecord`` is valid only during the call.
  /// - Throws: ``ImportError`` with kind ``ImportError/Kind/unreadable(_:)`` when the file cannot be
  ///   read, or whatever `body` throws.
  /// - Complexity: O(*n*) in the size of the input.
  public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
    switch input {
    case .bytes(let bytes):
      var scanner = CSVScanner()
      try bytes.withUnsafeBufferPointer { buffer in
        var line = 1
        _ = try CSVReader.scanRecords(
          buffer, from: CSVReader.bomLength(buffer), isFinal: true, line: &line,
          scanner: &scanner, body: body)
      }
    case .file(let url):
      try readFile(url, body)
    }
  }

  private static func bomLength(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
  }

  /// Scans the complete records of `buffer` from `start`; returns where the first incomplete one
  /// starts.
  private static func scanRecords(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool, line: inout Int,
    scanner: inout CSVScanner, body: (CSVRecord) throws -> Void
  ) throws -> Int {
    var position = start
    while true {
      switch scanner.scan(buffer, from: position, isFinal: isFinal) {
      case .endOfInput, .incomplete:
        return position
      case .record(let end, let next, let lineBreaks):
        try withUnsafePointer(to: &scanner) { scannerPointer in
          try body(CSVRecord(buffer: buffer, scanner: scannerPointer, range: position..<end, line: line))
        }
        line += lineBreaks
        position = next
      }
    }
  }

  private func readFile(_ url: URL, _ body: (CSVRecord) throws -> Void) throws {
    let handle = try FileHandle.forImport(url)
    defer { try? handle.close() }
    var storage = [UInt8](repeating: 0, count: blockSize)
    var filled = 0  // bytes of `storage` holding input
    var start = 0  // where the next record starts
    var line = 1
    var atEnd = false
    var first = true
    var scanner = CSVScanner()
    while true {
      // Move the unfinished record to the front, then fill the rest of the buffer.
      if start > 0 {
        storage.withUnsafeMutableBufferPointer { buffer in
          let remaining = filled - start
          if remaining > 0 {
            buffer.baseAddress!.update(from: buffer.baseAddress! + start, count: remaining)
          }
        }
        filled -= start
        start = 0
      }
      if filled == storage.count {
        // One record fills the buffer: grow it geometrically (amortized linear time).
        storage.append(contentsOf: repeatElement(0, count: storage.count))
      }
      if !atEnd {
        let wanted = storage.count - filled
        let chunk: Data?
        do {
          chunk = try handle.read(upToCount: wanted)
        } catch {
          throw ImportError(.unreadable("\(url.path): \(error.localizedDescription)"))
        }
        if let chunk, !chunk.isEmpty {
          _ = storage.withUnsafeMutableBufferPointer { buffer in
            chunk.copyBytes(to: UnsafeMutableBufferPointer(rebasing: buffer[filled..<(filled + chunk.count)]))
          }
          filled += chunk.count
        } else {
          atEnd = true
        }
      }
      let isFinal = atEnd
      try storage.withUnsafeBufferPointer { whole in
        let buffer = UnsafeBufferPointer(rebasing: whole[0..<filled])
        if first {
          if buffer.count < 3 && !isFinal { return }
          first = false
          start = CSVReader.bomLength(buffer)
        }
        start = try CSVReader.scanRecords(
          buffer, from: start, isFinal: isFinal, line: &line, scanner: &scanner, body: body)
      }
      if isFinal { return }
    }
  }
}

extension FileHandle {
  /// Opens `url` for reading, or throws the `unreadable` ``ImportError`` every
  /// reader of incident files gives for a file that cannot be opened.
  static func forImport(_ url: URL) throws(ImportError) -> FileHandle {
    do {
      return try FileHandle(forReadingFrom: url)
    } catch {
      throw ImportError(.unreadable("\(url.path): \(error.localizedDescription)"))
    }
  }
}
