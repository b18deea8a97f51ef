import Foundation

/// Memory for the readers' and writers' large buffers. On Linux a buffer of 2 MiB or more is an
/// anonymous mapping advised for transparent huge pages (`madvise(MADV_HUGEPAGE)`), so that it is
/// faulted in 2 MiB pages rather than 4 KiB ones (a 669 MB JSON text is 320 pages rather than
/// 163,000) where the system leaves huge pages to `madvise`, as it does by default; elsewhere, and
/// for smaller buffers, it is ordinary heap memory.
internal enum LargeMemory {
  /// The size from which a buffer is mapped: one huge page.
  static let hugePage = 1 << 21

  /// Uninitialized memory for `count` values of `type`; give it back with
  /// ``deallocate(_:count:)`` and the same `count`.
  static func allocate<Element>(_ type: Element.Type, count: Int) -> UnsafeMutablePointer<Element> {
    #if os(Linux)
      let bytes = count * MemoryLayout<Element>.stride
      if bytes >= hugePage,
        let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
        mapped != MAP_FAILED
      {
        _ = madvise(mapped, bytes, Int32(MADV_HUGEPAGE))
        return mapped.bindMemory(to: Element.self, capacity: count)
      }
    #endif
    return UnsafeMutablePointer<Element>.allocate(capacity: count)
  }

  /// Gives back memory from ``allocate(_:count:)`` (its values already deinitialized).
  static func deallocate<Element>(_ pointer: UnsafeMutablePointer<Element>, count: Int) {
    #if os(Linux)
      let bytes = count * MemoryLayout<Element>.stride
      if bytes >= hugePage {
        munmap(pointer, bytes)
        return
      }
    #endif
    pointer.deallocate()
  }

  /// Advises huge pages for the whole pages inside `bytes` bytes at `start` (memory the caller
  /// owns, such as a large array's buffer, about to be written); does nothing elsewhere.
  static func adviseHugePages(_ start: UnsafeMutableRawPointer, bytes: Int) {
    #if os(Linux)
      guard bytes >= hugePage else { return }
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      let first = (Int(bitPattern: start) + page - 1) / page * page
      let end = (Int(bitPattern: start) + bytes) / page * page
      guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
      _ = madvise(aligned, end - first, Int32(MADV_HUGEPAGE))
    #endif
  }
}
