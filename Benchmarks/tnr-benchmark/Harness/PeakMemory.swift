import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's peak resident set size ("high-water mark"), in bytes.
enum PeakMemory {
  /// On Linux, `VmHWM` from `/proc/self/status`; elsewhere `getrusage`'s `ru_maxrss` (bytes on
  /// Apple platforms). `nil` when neither is available.
  /// Resets the high-water mark to the current resident size, so that the next reading is the
  /// peak of what follows (Linux: writes `5` to `/proc/self/clear_refs`; elsewhere nothing).
  static func reset() {
    #if os(Linux)
      if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
        handle.write(Data("5".utf8))
        try? handle.close()
      }
    #endif
  }

  static func bytes() -> Int? {
    #if os(Linux)
      guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
        return nil
      }
      for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
        return kilobytes * 1024
      }
      return nil
    #elseif canImport(Darwin)
      var usage = rusage()
      guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
      return Int(usage.ru_maxrss)
    #else
      return nil
    #endif
  }
}
