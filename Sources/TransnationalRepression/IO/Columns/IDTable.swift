import Foundation

/// The ids accepted so far by a columnar import, to reject a repeated id exactly as
/// ``IncidentCSV`` does (`[String: Int]` of id → first line).
///
/// An id is kept as its bytes — the UTF-8 of the id in Unicode Normalization Form C, which is
/// what Swift's `String` equality compares, so `"Å"` written precomposed or decomposed is one
/// id; for ASCII ids, the bytes as they stand — in an arena, with the line where it was
/// accepted. The table is open addressing over 64-bit hashes of those bytes; a hash match is
/// confirmed by comparing the bytes, so two different ids with the same hash stay two ids.
internal struct IDTable {
  /// Slot → the high 32 bits of the id's hash (with the lowest of them set, so never 0) and
  /// the entry's number in the low 32 bits; 0 when empty. One 8-byte load per probe.
  private var slots: UnsafeMutablePointer<UInt64>
  private var mask: Int
  /// Entry *i*'s bytes are `arena[starts[i] ..< starts[i + 1]]` (offsets below 4 GiB).
  private var arena = RawArray<UInt8>(capacity: 64)
  private var starts = RawArray<UInt32>(capacity: 16)
  /// Entry → the line where it was accepted (below 2³²).
  private var lines = RawArray<UInt32>(capacity: 16)

  /// The number of ids held.
  var count: Int { lines.count }

  /// An empty table sized for about `capacity` ids. Its owner calls ``deallocate()``.
  init(capacity: Int = 0) {
    var size = 16
    while size < 2 * capacity { size <<= 1 }
    slots = .allocate(capacity: size)
    slots.initialize(repeating: 0, count: size)
    mask = size - 1
    starts.append(0)
  }

  /// Frees the memory; the table must not be used afterwards.
  func deallocate() {
    slots.deallocate()
    arena.deallocate()
    starts.deallocate()
    lines.deallocate()
  }

  /// Makes room for about `capacity` ids without growing.
  mutating func reserve(_ capacity: Int) {
    var size = mask + 1
    while size < 2 * capacity { size <<= 1 }
    if size > mask + 1 { rehash(size: size) }
    starts.reserve(capacity + 1)
    lines.reserve(capacity)
    arena.reserve(capacity * 8)
  }

  /// The 64-bit hash of a byte string: 8 bytes at a time, multiply and rotate, then a
  /// SplitMix64-style finish. Not a cryptographic hash: collisions are told apart by the bytes.
  @inline(__always)
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    hash(bytes, slack: 0)
  }

  /// The same hash, faster when at least `slack` bytes after the string may be read: the last
  /// word is then one load, masked to the string.
  @inline(__always)
  static func hash(_ bytes: UnsafeRawBufferPointer, slack: Int) -> UInt64 {
    let count = bytes.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count &+ 1)
    guard let base = bytes.baseAddress else { return finish(h) }
    var offset = 0
    while offset &+ 8 <= count {
      let word = (base + offset).loadUnaligned(as: UInt64.self)
      h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
      h = (h << 29) | (h >> 35)
      offset &+= 8
    }
    let rest = count &- offset
    if rest > 0 {
      var word: UInt64 = 0
      if slack >= 8 - rest {
        word = UInt64(littleEndian: (base + offset).loadUnaligned(as: UInt64.self))
          & (~UInt64(0) >> UInt64(64 &- 8 &* rest))
      } else {
        var shift: UInt64 = 0
        while offset < count {
          word |= UInt64(bytes[offset]) << shift
          shift &+= 8
          offset &+= 1
        }
      }
      h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
      h = (h << 29) | (h >> 35)
    }
    return finish(h)
  }

  @inline(__always)
  private static func finish(_ value: UInt64) -> UInt64 {
    var h = value
    h ^= h >> 31
    h = h &* 0x94D0_49BB_1331_11EB
    h ^= h >> 29
    return h
  }

  /// The key bytes of an id held as a `String`: its UTF-8, normalized to NFC when not ASCII.
  static func key(of id: String) -> [UInt8] {
    if id.utf8.allSatisfy({ $0 < 0x80 }) { return Array(id.utf8) }
    return Array(id.precomposedStringWithCanonicalMapping.utf8)
  }

  /// Adds an id accepted on `line`, unless the table already holds it.
  ///
  /// - Parameters:
  ///   - bytes: The id's key bytes (see ``key(of:)``).
  ///   - hash: ``hash(_:)`` of `bytes` (growing the table recomputes it from the bytes).
  ///   - line: The line of the record.
  /// - Returns: `nil` when the id is new (it is then added), else the line of the id's first use.
  @inline(__always)
  mutating func insert(_ bytes: UnsafeRawBufferPointer, hash: UInt64, line: Int) -> Int? {
    let tag = (hash | 0x1_0000_0000) & 0xFFFF_FFFF_0000_0000
    var slot = IDTable.slot(hash, mask)
    while true {
      let stored = slots[slot]
      if stored == 0 { break }
      if stored & 0xFFFF_FFFF_0000_0000 == tag {
        let entry = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF)
        if equals(entry, bytes) { return Int(lines[entry]) }
      }
      slot = (slot &+ 1) & mask
    }
    let entry = lines.count
    slots[slot] = tag | UInt64(truncatingIfNeeded: entry)
    arena.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    precondition(
      arena.count <= Int(UInt32.max) && line <= Int(UInt32.max) && entry < Int(UInt32.max),
      "IDTable: more than 4 GiB of ids or 2^32 lines in one share of the table")
    starts.append(UInt32(truncatingIfNeeded: arena.count))
    lines.append(UInt32(truncatingIfNeeded: line))
    if 2 * lines.count > mask + 1 { rehash(size: 2 * (mask + 1)) }
    return nil
  }

  /// The first slot probed for `hash` (its low bits; the tag is the high bits).
  @inline(__always)
  static func slot(_ hash: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: hash) & mask }

  /// Adds an id given as a `String` (see ``insert(_:hash:line:)``).
  mutating func insert(id: String, line: Int) -> Int? {
    let key = IDTable.key(of: id)
    return key.withUnsafeBytes { bytes in
      insert(bytes, hash: IDTable.hash(bytes), line: line)
    }
  }

  @inline(__always)
  private func equals(_ entry: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let start = Int(starts[entry])
    let length = Int(starts[entry + 1]) - start
    guard length == bytes.count else { return false }
    return memcmp(arena.base + start, bytes.baseAddress!, length) == 0
  }

  /// Moves the entries to `size` slots. The slot of an entry comes from its hash, which is
  /// recomputed from its bytes (the slot keeps only the hash's high bits).
  private mutating func rehash(size: Int) {
    let newSlots = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
    newSlots.initialize(repeating: 0, count: size)
    let newMask = size - 1
    for slot in 0...mask where slots[slot] != 0 {
      let entry = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF)
      let start = Int(starts[entry])
      let hash = IDTable.hash(
        UnsafeRawBufferPointer(start: arena.base + start, count: Int(starts[entry + 1]) - start))
      var target = IDTable.slot(hash, newMask)
      while newSlots[target] != 0 { target = (target &+ 1) & newMask }
      newSlots[target] = slots[slot]
    }
    slots.deallocate()
    slots = newSlots
    mask = newMask
  }
}

/// The ids of an import, in *shares*: ``IDTable``s that each hold the ids whose hash falls in
/// one slice of the hash space. An id always goes to the same share, so the shares are
/// independent: the ids of a block are grouped by share and each share takes its ids in row
/// order, on any thread — and a share is small enough to stay in cache while it does.
internal struct IDIndex {
  /// The shares; their number is a power of two.
  let tables: UnsafeMutableBufferPointer<IDTable>
  private let shift: UInt64

  /// An index of `shares` shares (rounded up to a power of two, at most 4,096). The owner
  /// calls ``deallocate()``.
  init(shares: Int) {
    var count = 1
    var bits: UInt64 = 0
    while count < Swift.min(shares, 1 << 12) {
      count <<= 1
      bits += 1
    }
    tables = .allocate(capacity: count)
    for index in 0..<count { (tables.baseAddress! + index).initialize(to: IDTable()) }
    shift = 64 - bits
  }

  /// The number of shares.
  var count: Int { tables.count }

  /// The number of ids held.
  var idCount: Int { tables.reduce(0) { $0 + $1.count } }

  /// The share of a hash: the top bits of the hash times an odd constant (independent enough
  /// of the slot, from the hash's low bits, and the tag, its high bits).
  @inline(__always)
  func share(of hash: UInt64) -> Int {
    shift == 64 ? 0 : Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Frees every share.
  func deallocate() {
    for table in tables { table.deallocate() }
    tables.deallocate()
  }

  /// Makes room for about `capacity` ids in all.
  func reserve(_ capacity: Int) {
    for index in tables.indices { tables[index].reserve(capacity / tables.count + 8) }
  }
}
