/// Gives repeated string values one shared `String`: source titles, URLs and publishers repeat
/// across records, so a file of a million records holds each distinct one once.
///
/// A direct-mapped table of 4,096 slots keyed by a hash of the bytes: a hit costs a hash and a
/// comparison, a miss builds the string and takes the slot. Only plain (escape-free) values are
/// interned.
internal struct JSONStringInterner {
  private var slots = [String?](repeating: nil, count: 4096)

  /// The string of the bytes `start..<end` of `bytes` (valid UTF-8).
  mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    let body = UnsafeBufferPointer(rebasing: bytes[start..<end])
    guard body.count > 15 else { return String(decoding: body, as: UTF8.self) }  // small strings are inline
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in body {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    let slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & 4095
    if var cached = slots[slot] {
      let same = cached.withUTF8 { stored in
        stored.count == body.count && stored.elementsEqual(body)
      }
      if same { return cached }
    }
    let made = String(decoding: body, as: UTF8.self)
    slots[slot] = made
    return made
  }
}
