import Foundation

/// Read-only access to a regular file's bytes through `mmap(2)`: the pages are read as they are
/// touched, and nothing is copied into the process's heap.
internal enum MappedFile {
  /// Calls `body` with the bytes of the regular file at `url`, mapped read-only; `nil` (and
  /// `body` is not called) when the file cannot be mapped: empty, not a regular file, or a
  /// failing `mmap`. The caller then reads it another way.
  static func withBytes<Result, Failure: Error>(
    of url: URL, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result? {
    let descriptor = open(url.path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    return try withBytes(of: descriptor, body)
  }

  /// The same for a file already open (`descriptor` stays open).
  static func withBytes<Result, Failure: Error>(
    of descriptor: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result? {
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0,
      let mapped = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0),
      mapped != MAP_FAILED
    else { return nil }
    defer { munmap(mapped, Int(info.st_size)) }
    return try body(
      UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: Int(info.st_size)))
  }
}
