import Foundation

/// Gives repeated string values one shared `String` (the JSON reader and the CSV record builder
/// use it): source titles, URLs and publishers repeat
/// across records, so a file of a million records holds each distinct one once.
///
/// A direct-mapped table of 4,096 slots keyed by a hash of the length and the first and last
/// eight bytes: a hit costs a hash and a
/// comparison, a miss builds the string and takes the slot. Only plain (escape-free) values are
/// interned.
internal struct StringInterner {
  private var slots = [String?](repeating: nil, count: 4096)

  /// The string of the bytes `start..<end` of `bytes` (valid UTF-8).
  mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    string(UnsafeBufferPointer(rebasing: bytes[start..<end]))
  }

  /// The string of `body` (valid UTF-8).
  mutating func string(_ body: UnsafeBufferPointer<UInt8>) -> String {
    guard body.count > 15 else { return String(decoding: body, as: UTF8.self) }  // small strings are inline
    // The slot from the length and the first and last eight bytes (a miss costs only a
    // comparison: texts that share them take turns in the slot).
    let raw = UnsafeRawPointer(body.baseAddress!)
    var hash = UInt64(body.count) &* 0x9E37_79B9_7F4A_7C15
    hash = (hash ^ raw.loadUnaligned(as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ raw.loadUnaligned(fromByteOffset: body.count - 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
    let slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & 4095
    if var cached = slots[slot] {
      let same = cached.withUTF8 { stored in
        stored.count == body.count && memcmp(stored.baseAddress!, body.baseAddress!, body.count) == 0
      }
      if same { return cached }
    }
    let made = String(decoding: body, as: UTF8.self)
    slots[slot] = made
    return made
  }
}
