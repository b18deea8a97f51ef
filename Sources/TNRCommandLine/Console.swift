import Foundation

/// Where a command writes: standard output and standard error, or buffers in tests.
public struct Console: Sendable {
  /// Writes to standard output.
  public let out: @Sendable (String) -> Void
  /// Writes to standard error.
  public let err: @Sendable (String) -> Void

  /// A console with the given writers.
  public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
    self.out = out
    self.err = err
  }

  /// The process's standard output and standard error.
  public static let standard = Console(
    out: { FileHandle.standardOutput.write(Data($0.utf8)) },
    err: { FileHandle.standardError.write(Data($0.utf8)) })
}

/// A console that records what a command writes (for tests and fuzzing).
public final class RecordingConsole: @unchecked Sendable {
  private let lock = NSLock()
  private var outText = ""
  private var errText = ""

  /// An empty recording.
  public init() {}

  /// What was written to standard output.
  public var standardOutput: String { lock.withLock { outText } }
  /// What was written to standard error.
  public var standardError: String { lock.withLock { errText } }

  /// The console that records into this object.
  public var console: Console {
    Console(
      out: { text in self.lock.withLock { self.outText += text } },
      err: { text in self.lock.withLock { self.errText += text } })
  }
}
