import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Scratch files that each input is written to, so the file readers (which stream in blocks) can
/// be compared with the in-memory ones. In `/dev/shm` when it exists; one per call, so that
/// parallel tests do not share one; removed after use. Test support, not API.
enum TemporaryInputFile {
  private static let directory =
    FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
  private static let lock = NSLock()
  nonisolated(unsafe) private static var counter = 0

  /// Writes `bytes` to a new scratch file, calls `body` with its URL, and removes the file.
  static func with<T>(_ bytes: [UInt8], _ body: (URL) throws -> T) rethrows -> T {
    let number = lock.withLock {
      counter += 1
      return counter
    }
    let url = URL(fileURLWithPath: directory).appendingPathComponent("tnr-fuzz-input-\(getpid())-\(number)")
    do {
      try Data(bytes).write(to: url)
    } catch {
      fail("cannot write the scratch file \(url.path): \(error)")
    }
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }
}

/// Paths removed when the process exits.
enum TemporaryPaths {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var paths: [String] = []
  nonisolated(unsafe) private static var registered = false

  static func register(_ path: String) {
    lock.withLock {
      paths.append(path)
      if !registered {
        registered = true
        atexit { TemporaryPaths.removeAll() }
      }
    }
  }

  static func removeAll() {
    let all = lock.withLock { paths }
    for path in all { try? FileManager.default.removeItem(atPath: path) }
  }
}
