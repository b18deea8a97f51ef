/// Why a DEFLATE stream could not be decompressed, and where.
///
/// Every malformed, truncated or oversized stream that ``Inflate`` meets ends in this error;
/// none traps or reads outside its input. The ``reason`` says what is wrong in terms of
/// [RFC 1951](https://www.rfc-editor.org/rfc/rfc1951); ``offset`` is the input byte where the
/// decoder noticed it.
///
/// ```swift
/// do {
///   _ = try Inflate.decompress([0x07], limit: 1 << 20)  // block type 3 does not exist
/// } catch {
///   print(error.reason == .invalidBlockType)  // true
/// }
/// ```
public struct InflateError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong with a stream. New reasons may be added; compare with the static members.
  ///
  /// ```swift
  /// if error.reason == .outputLimitExceeded { print("too large") }
  /// ```
  public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// A stable name for the reason, such as `"distanceTooFarBack"`.
    public let rawValue: String

    /// A reason with a stable name.
    ///
    /// - Parameter rawValue: the name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The stable name.
    public var description: String { rawValue }

    /// A block header names block type 3, which RFC 1951 reserves.
    public static let invalidBlockType = Reason(rawValue: "invalidBlockType")
    /// A stored block's length and its one's complement disagree.
    public static let storedLengthMismatch = Reason(rawValue: "storedLengthMismatch")
    /// A dynamic block's code lengths are unusable: too many symbols, a repeat with nothing to
    /// repeat or past the end of the list, or a code-length code that is incomplete or empty.
    public static let invalidCodeLengths = Reason(rawValue: "invalidCodeLengths")
    /// A Huffman code has more codes of some length than the lengths allow (the Kraft sum
    /// exceeds one).
    public static let oversubscribedCode = Reason(rawValue: "oversubscribedCode")
    /// A Huffman code leaves codes unassigned (allowed only for a single code of length one).
    public static let incompleteCode = Reason(rawValue: "incompleteCode")
    /// A dynamic block's literal/length code has no end-of-block symbol.
    public static let missingEndOfBlock = Reason(rawValue: "missingEndOfBlock")
    /// The stream uses a code that stands for no symbol, or for a length or distance symbol
    /// that RFC 1951 leaves unused (286, 287, 30, 31).
    public static let invalidSymbol = Reason(rawValue: "invalidSymbol")
    /// A match refers back further than the output produced so far.
    public static let distanceTooFarBack = Reason(rawValue: "distanceTooFarBack")
    /// The input ends before the final block does.
    public static let truncatedInput = Reason(rawValue: "truncatedInput")
    /// The output would exceed the limit the caller set.
    public static let outputLimitExceeded = Reason(rawValue: "outputLimitExceeded")
  }

  /// What is wrong.
  public let reason: Reason
  /// The input byte offset at which the decoder noticed the problem.
  public let offset: Int

  /// An error for a reason at an input offset.
  ///
  /// - Parameters:
  ///   - reason: what is wrong.
  ///   - offset: the input byte offset where it was noticed.
  public init(_ reason: Reason, offset: Int) {
    self.reason = reason
    self.offset = offset
  }

  /// A plain sentence: what is wrong and where.
  public var description: String {
    if reason == .outputLimitExceeded { return "DEFLATE data too large: \(summary)" }
    return "DEFLATE data is damaged: \(summary) (near input byte \(offset))"
  }

  /// What is wrong, as a clause ("a Huffman code is over-subscribed").
  var summary: String {
    let what: String
    switch reason {
    case .invalidBlockType: what = "a block header names the reserved block type 3"
    case .storedLengthMismatch: what = "a stored block's length does not match its complement"
    case .invalidCodeLengths: what = "a dynamic block's code lengths are invalid"
    case .oversubscribedCode: what = "a Huffman code is over-subscribed"
    case .incompleteCode: what = "a Huffman code is incomplete"
    case .missingEndOfBlock: what = "a dynamic block has no end-of-block code"
    case .invalidSymbol: what = "the stream uses an invalid Huffman code"
    case .distanceTooFarBack: what = "a match refers back before the start of the output"
    case .truncatedInput: what = "the stream ends before its final block"
    case .outputLimitExceeded: what = "the decompressed data would exceed the size limit"
    default: what = reason.rawValue
    }
    return what
  }
}
