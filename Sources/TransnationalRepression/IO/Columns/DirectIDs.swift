/// Which ids a columnar import checks in its direct table (the line of each value's first use,
/// indexed by the value, with no hashing) rather than in its ``IDIndex``: a fixed *prefix*
/// followed by a canonical decimal integer (no sign, no leading zero) below ``bound``.
///
/// The prefix is taken once per import, before any row is read, from the first data row's id
/// without its trailing digits (`SYN-1-` for `SYN-1-0`; empty for an id of digits only, as row
/// numbers are): at most 8 printable ASCII bytes, else empty. The check stays exact for any
/// input: an id goes to the direct table by its own bytes alone (so every occurrence of an id
/// goes to the same place), and there the value stands for exactly one id, the prefix followed
/// by the value's decimal digits. Other ids go to the ``IDIndex``.
internal struct DirectIDs: Sendable {
  /// The prefix's bytes, packed little-endian (the first byte lowest).
  let prefix: UInt64
  /// The prefix's length, 0–8.
  let prefixCount: Int
  /// Values below this go to the direct table (0: none does).
  let bound: Int

  /// Ids of digits only, below `bound`.
  init(bound: Int) {
    prefix = 0
    prefixCount = 0
    self.bound = bound
  }

  /// The ids that share `sample`'s prefix (its bytes before its trailing digits, when they are
  /// 1 to 8 printable ASCII bytes and digits follow), below `bound`.
  init(sample: UnsafeBufferPointer<UInt8>, bound: Int) {
    var digitsStart = sample.count
    while digitsStart > 0 && sample[digitsStart - 1] &- 0x30 < 10 { digitsStart -= 1 }
    var packed: UInt64 = 0
    var usable = digitsStart < sample.count && digitsStart <= 8
    for index in 0..<(usable ? digitsStart : 0) {
      let byte = sample[index]
      if byte <= 0x20 || byte >= 0x7F { usable = false }
      packed |= UInt64(byte) << UInt64(8 * index)
    }
    prefix = usable ? packed : 0
    prefixCount = usable ? digitsStart : 0
    self.bound = bound
  }

  /// The direct-table value of an id: the canonical integer after the prefix, when it is below
  /// ``bound``; `nil` for an id that goes to the ``IDIndex``.
  ///
  /// - Parameters:
  ///   - id: The id's key bytes.
  ///   - slack: How many bytes after `id` may be read (for whole-word loads).
  @inline(__always)
  func value(_ id: UnsafeBufferPointer<UInt8>, slack: Int) -> Int? {
    let count = id.count
    guard prefixCount > 0 else {
      guard let value = FastRowValidator.canonicalInteger(id, slack: slack), value < bound else { return nil }
      return value
    }
    guard count > prefixCount, let base = id.baseAddress else { return nil }
    var head: UInt64 = 0
    if count &+ slack >= 8 {
      head = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
    } else {
      for index in 0..<Swift.min(count, 8) { head |= UInt64(base[index]) << UInt64(8 &* index) }
    }
    let mask: UInt64 = prefixCount == 8 ? ~0 : (1 << UInt64(8 &* prefixCount)) &- 1
    guard head & mask == prefix,
      let value = FastRowValidator.canonicalInteger(
        UnsafeBufferPointer(start: base + prefixCount, count: count &- prefixCount), slack: slack),
      value < bound
    else { return nil }
    return value
  }
}
