/// One record of a CSV file, as a view into the reader's buffer.
///
/// The view is valid only inside the closure that receives it: copy out what you keep
/// (``string(at:)``, ``fields()``, ``rawText``).
public struct CSVRecord {
  @usableFromInline internal let buffer: UnsafeBufferPointer<UInt8>
  @usableFromInline internal let scanner: UnsafePointer<CSVScanner>
  @usableFromInline internal let range: Range<Int>

  /// The 1-based line on which the record starts.
  public let line: Int
  /// The first syntax problem of the record (an unterminated or stray quote), if any.
  public var problem: String? { scanner.pointee.problem }

  @usableFromInline
  internal init(
    buffer: UnsafeBufferPointer<UInt8>, scanner: UnsafePointer<CSVScanner>, range: Range<Int>,
    line: Int
  ) {
    self.buffer = buffer
    self.scanner = scanner
    self.range = range
    self.line = line
  }

  /// The number of fields.
  public var count: Int { scanner.pointee.fieldCount }

  /// Whether the record is an empty line (one empty, unquoted field).
  public var isBlank: Bool {
    count == 1 && !scanner.pointee.fieldQuoted[0]
      && scanner.pointee.fieldStarts[0] == scanner.pointee.fieldEnds[0]
  }

  /// Whether the record holds delimiters and nothing else (`,,,,,`, as spreadsheets write rows
  /// they consider empty): more than one field, every field empty and unquoted.
  public var isDelimiterOnly: Bool {
    guard count > 1 else { return false }
    for index in 0..<count where scanner.pointee.fieldQuoted[index]
      || scanner.pointee.fieldStarts[index] != scanner.pointee.fieldEnds[index]
    {
      return false
    }
    return true
  }

  /// The 0-based index of the first field holding a NUL byte, if any.
  public var firstFieldWithNUL: Int? {
    let bytes = UnsafeBufferPointer(rebasing: buffer[range])
    guard bytes.contains(0) else { return nil }
    return (0..<count).first { rawBytes(at: $0).contains(0) }
  }

  /// The bytes of field `index` as they stand in the file (inside the quotes for a quoted field,
  /// with any doubled quotes still doubled).
  @inlinable
  internal func rawBytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
    let start = scanner.pointee.fieldStarts[index]
    let end = scanner.pointee.fieldEnds[index]
    return UnsafeBufferPointer(rebasing: buffer[start..<end])
  }

  /// Whether field `index` was quoted.
  @inlinable
  internal func isQuoted(_ index: Int) -> Bool { scanner.pointee.fieldQuoted[index] }

  /// The text of field `index`, with doubled quotes undoubled.
  ///
  /// - Returns: the text, or `nil` when the field is not valid UTF-8.
  public func string(at index: Int) -> String? {
    let bytes = rawBytes(at: index)
    guard isQuoted(index), bytes.contains(0x22) else {
      return String(validating: bytes, as: UTF8.self)
    }
    var unescaped: [UInt8] = []
    unescaped.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      unescaped.append(bytes[i])
      i += (bytes[i] == 0x22 && i + 1 < bytes.count && bytes[i + 1] == 0x22) ? 2 : 1
    }
    return String(validating: unescaped, as: UTF8.self)
  }

  /// Every field's text; `nil` when any field is not valid UTF-8.
  public func fields() -> [String]? {
    var result: [String] = []
    result.reserveCapacity(count)
    for index in 0..<count {
      guard let text = string(at: index) else { return nil }
      result.append(text)
    }
    return result
  }

  /// The record exactly as it stands in the file (without its line break); bytes that are not
  /// valid UTF-8 show as U+FFFD.
  public var rawText: String {
    String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
  }

  /// Whether the whole record is valid UTF-8.
  public var isValidUTF8: Bool {
    let bytes = UnsafeBufferPointer(rebasing: buffer[range])
    if !bytes.contains(where: { $0 >= 0x80 }) { return true }
    return String(validating: bytes, as: UTF8.self) != nil
  }
}
