import Foundation

/// Reads RFC 4180 CSV from a file or from memory, one record at a time.
///
/// The reader streams: it reads a file in blocks and keeps only the block being scanned (plus the
/// longest record), so memory stays bounded however large the file. It accepts quoted fields with
/// delimiters, doubled quotes and line breaks, LF, CRLF and bare CR line endings, a UTF-8
/// byte-order mark, and a last line with or without a line break.
///
/// Files as spreadsheets save them:
/// - **Delimiters.** A comma unless ``delimiter`` says otherwise (``CSVDelimiter``); a first line
///   `sep=;` (Excel's way of naming the delimiter) is honoured and skipped (a given
///   ``delimiter`` wins over it). The header is then on line 2.
/// - **Encodings.** UTF-8 with or without a byte-order mark is read as it is. UTF-16 little- or
///   big-endian with a byte-order mark (Excel's "Unicode Text"), and a declared ``encoding``
///   (Windows-1252, Latin-1), are converted to UTF-8 *before* the text is split into fields, so
///   every record is UTF-8; such a file is converted whole in memory rather than streamed.
///
/// ```swift
/// let reader = CSVReader(contentsOf: url, delimiter: .semicolon)
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
  /// The delimiter; `nil` for a comma, or the one a `sep=` first line names.
  public let delimiter: CSVDelimiter?
  /// The declared encoding; `nil` for UTF-8, or UTF-16 when a byte-order mark says so.
  public let encoding: CSVEncoding?

  /// A reader of a file.
  ///
  /// - Parameters:
  ///   - url: a file URL.
  ///   - blockSize: how many bytes to read at a time (default 1 MiB).
  ///   - delimiter: the delimiter (default: a comma, or the file's `sep=` line).
  ///   - encoding: the file's encoding when it is not UTF-8 or UTF-16 with a byte-order mark.
  public init(
    contentsOf url: URL, blockSize: Int = 1 << 20, delimiter: CSVDelimiter? = nil,
    encoding: CSVEncoding? = nil
  ) {
    self.input = .file(url)
    self.blockSize = max(blockSize, 64)
    self.delimiter = delimiter
    self.encoding = encoding
  }

  /// A reader of bytes in memory.
  ///
  /// - Parameters:
  ///   - bytes: the file's bytes.
  ///   - delimiter: the delimiter (default: a comma, or the `sep=` line).
  ///   - encoding: the encoding when it is not UTF-8 or UTF-16 with a byte-order mark.
  public init(bytes: [UInt8], delimiter: CSVDelimiter? = nil, encoding: CSVEncoding? = nil) {
    self.input = .bytes(bytes)
    self.blockSize = max(bytes.count, 64)
    self.delimiter = delimiter
    self.encoding = encoding
  }

  /// A reader of text in memory.
  ///
  /// - Parameters:
  ///   - text: the CSV text.
  ///   - delimiter: the delimiter (default: a comma, or the `sep=` line).
  public init(text: String, delimiter: CSVDelimiter? = nil) {
    self.init(bytes: Array(text.utf8), delimiter: delimiter)
  }

  /// A scanner for this reader: its delimiter, bare carriage returns ending lines.
  private func makeScanner(separatorLine: UInt8?) -> CSVScanner {
    var scanner = CSVScanner()
    scanner.delimiter = delimiter?.byte ?? separatorLine ?? 0x2C
    scanner.breaksAtBareCR = true
    return scanner
  }

  /// Excel's `sep=X` first line at `start` of `buffer`: the delimiter byte it names and where the
  /// next line starts; `nil` when the line is not one (or is not complete yet).
  static func separatorLine(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> (delimiter: UInt8, next: Int)? {
    let prefix: [UInt8] = Array("sep=".utf8)
    guard buffer.count - start >= 5 else { return nil }
    for (offset, byte) in prefix.enumerated() where buffer[start + offset] | 0x20 != byte | 0x20 {
      return nil
    }
    let delimiter = buffer[start + 4]
    guard delimiter != 0x0A && delimiter != 0x0D && delimiter != 0x22 else { return nil }
    var next = start + 5
    if next == buffer.count { return (delimiter, next) }
    if buffer[next] == 0x0D { next += 1 }
    if next < buffer.count && buffer[next] == 0x0A { next += 1 }
    guard next > start + 5 else { return nil }
    return (delimiter, next)
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
      try scanWhole(CSVTranscoding.utf8(bytes, encoding: encoding), body)
    case .file(let url):
      try readFile(url, body)
    }
  }

  /// Scans UTF-8 bytes without a byte-order mark, all in memory.
  private func scanWhole(_ bytes: [UInt8], _ body: (CSVRecord) throws -> Void) throws {
    try bytes.withUnsafeBufferPointer { buffer in
      var line = 1
      var start = 0
      let separator = CSVReader.separatorLine(buffer, from: 0)
      if let separator {
        start = separator.next
        line = 2
      }
      var scanner = makeScanner(separatorLine: separator?.delimiter)
      _ = try CSVReader.scanRecords(
        buffer, from: start, isFinal: true, line: &line, scanner: &scanner, body: body)
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
    var scanner = makeScanner(separatorLine: nil)
    // The first block decides: UTF-16 or a declared encoding is converted whole, then scanned.
    let head: Data?
    do {
      head = try handle.read(upToCount: blockSize)
    } catch {
      throw ImportError(.unreadable("\(url.path): \(error.localizedDescription)"))
    }
    if let head, CSVTranscoding.needsTranscoding(head: head, encoding: encoding) {
      var bytes = [UInt8](head)
      do {
        if let rest = try handle.readToEnd() { bytes.append(contentsOf: rest) }
      } catch {
        throw ImportError(.unreadable("\(url.path): \(error.localizedDescription)"))
      }
      try scanWhole(CSVTranscoding.utf8(bytes, encoding: encoding), body)
      return
    }
    if let head, !head.isEmpty {
      _ = storage.withUnsafeMutableBufferPointer { buffer in
        head.copyBytes(to: UnsafeMutableBufferPointer(rebasing: buffer[0..<head.count]))
      }
      filled = head.count
    } else {
      atEnd = true
    }
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
          if buffer.count < 8 && !isFinal { return }
          first = false
          start = CSVReader.bomLength(buffer)
          if let separator = CSVReader.separatorLine(buffer, from: start) {
            start = separator.next
            line = 2
            if delimiter == nil { scanner.delimiter = separator.delimiter }
          }
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
  ///
  /// The message is the same plain sentence from every reader: `PATH is a directory, not a
  /// file`, `PATH: no such file`, `PATH: permission denied`.
  static func forImport(_ url: URL) throws(ImportError) -> FileHandle {
    try ImportError.checkReadableFile(url)
    do {
      return try FileHandle(forReadingFrom: url)
    } catch {
      throw ImportError(.unreadable("\(url.path): the file cannot be opened"))
    }
  }
}

extension ImportError {
  /// Throws the plain `unreadable` error every reader gives for a path that is a directory, does
  /// not exist or may not be read; returns for a readable file.
  package static func checkReadableFile(_ url: URL) throws(ImportError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw ImportError(.unreadable("\(url.path): no such file"))
    }
    if isDirectory.boolValue {
      throw ImportError(.unreadable("\(url.path) is a directory, not a file"))
    }
    guard FileManager.default.isReadableFile(atPath: url.path) else {
      throw ImportError(.unreadable("\(url.path): permission denied"))
    }
  }
}
