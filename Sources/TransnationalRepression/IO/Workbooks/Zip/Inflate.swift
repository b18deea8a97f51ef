/// A whole-buffer DEFLATE decompressor ([RFC 1951](https://www.rfc-editor.org/rfc/rfc1951)):
/// stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// The input is a raw DEFLATE stream (no zlib or gzip wrapper), as ZIP entries with method 8
/// hold it. Decoding is table-driven in the manner of libdeflate's `deflate_decompress.c`:
/// bits are read 64 at a time, a 10-bit primary table (8 bits for distances) with subtables
/// decodes each Huffman code in one or two lookups, and one refill covers a whole
/// length–distance pair.
///
/// Every malformed stream throws an ``InflateError`` — a reserved block type, bad code
/// lengths, an over-subscribed or incomplete code, a match reaching back before the output,
/// input that ends early, or output beyond `limit` — and the decoder never reads outside its
/// input nor writes outside its output, whatever the bytes.
///
/// ```swift
/// // "hello" compressed with zlib.compressobj(wbits: -15)
/// let stream: [UInt8] = [0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]
/// let text = try Inflate.decompress(stream, limit: 1 << 20)  // Array("hello".utf8)
/// ```
public enum Inflate {
  /// Decompresses a raw DEFLATE stream held in memory.
  ///
  /// Bytes after the final block are ignored.
  ///
  /// - Parameters:
  ///   - input: the compressed bytes.
  ///   - limit: the most bytes the output may hold; a stream that would produce more throws
  ///     ``InflateError/Reason/outputLimitExceeded`` once it passes the limit, before more
  ///     memory is taken.
  /// - Returns: the decompressed bytes.
  /// - Throws: ``InflateError`` when the stream is malformed, truncated or too large.
  /// - Complexity: O(*n* + *m*) for *n* input and *m* output bytes.
  public static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(InflateError)
    -> [UInt8]
  {
    try inflate(input, limit: limit, expectedSize: nil).output
  }

  /// Decompresses a raw DEFLATE stream held in an array.
  ///
  /// ```swift
  /// let original = try Inflate.decompress(compressed, limit: 64 << 20)
  /// ```
  ///
  /// - Parameters:
  ///   - input: the compressed bytes.
  ///   - limit: the most bytes the output may hold.
  /// - Returns: the decompressed bytes.
  /// - Throws: ``InflateError`` when the stream is malformed, truncated or too large.
  /// - Complexity: O(*n* + *m*) for *n* input and *m* output bytes.
  public static func decompress(_ input: [UInt8], limit: Int) throws(InflateError) -> [UInt8] {
    var result: Result<[UInt8], InflateError> = .success([])
    input.withUnsafeBytes { buffer in
      do throws(InflateError) {
        result = .success(try inflate(buffer, limit: limit, expectedSize: nil).output)
      } catch {
        result = .failure(error)
      }
    }
    return try result.get()
  }

  /// Decompresses `input`, returning the output and how many input bytes the stream used.
  ///
  /// With `expectedSize` (the size a ZIP header declares, already checked against the caller's
  /// caps) the output buffer is taken once at `min(expectedSize, limit)` bytes; otherwise it
  /// starts small and doubles, never beyond `limit`.
  static func inflate(
    _ input: UnsafeRawBufferPointer, limit: Int, expectedSize: Int?
  ) throws(InflateError) -> (output: [UInt8], consumed: Int) {
    let limit = max(0, limit)
    let fixedCapacity: Int? =
      if let expectedSize { min(max(expectedSize, 0), limit) } else if limit <= 1 << 16 {
        limit
      } else { nil }
    var decoder = InflateDecoder(input: input, limit: limit)
    defer { decoder.deallocateTables() }

    if let capacity = fixedCapacity {
      // One allocation, decoded in place; growth is impossible, so the limit is the capacity.
      var failure: InflateError?
      var consumed = 0
      let output = [UInt8](unsafeUninitializedCapacity: capacity + InflateDecoder.slack) {
        buffer, count in
        decoder.attach(buffer.baseAddress!, capacity: capacity, owned: false)
        do throws(InflateError) {
          consumed = try decoder.run()
          count = decoder.outPos
        } catch {
          failure = error
          count = 0
        }
      }
      if let failure { throw failure }
      return (output, consumed)
    }

    let initial = min(limit, max(4096, input.count &* 4))
    let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: initial + InflateDecoder.slack)
    decoder.attach(storage, capacity: initial, owned: true)
    defer { decoder.out.deallocate() }
    let consumed = try decoder.run()
    return (Array(UnsafeBufferPointer(start: decoder.out, count: decoder.outPos)), consumed)
  }
}

/// The decoding state for one stream. Internal: ``Inflate`` is the interface.
struct InflateDecoder {
  /// Bytes kept writable past the output capacity, so that a match may be copied eight bytes at
  /// a time and overshoot its end.
  static let slack = 16

  // Decode-table entries (UInt32):
  //   bits 0-4   how many bits the code takes (for a subtable pointer: the primary table's bits)
  //   bits 5-7   kind: literal, length/distance base, end of block, subtable pointer, invalid
  //   bits 8-12  extra bits after the code (for a subtable pointer: the subtable's bits)
  //   bits 16-31 value: literal byte, length or distance base, symbol, or subtable start
  static let kindLiteral: UInt32 = 0 << 5
  static let kindBase: UInt32 = 1 << 5
  static let kindEnd: UInt32 = 2 << 5
  static let kindSubtable: UInt32 = 3 << 5
  static let kindInvalid: UInt32 = 4 << 5
  static let kindMask: UInt32 = 7 << 5

  static let litlenBits = 10
  static let distBits = 8
  static let precodeBits = 7
  // Primary table plus subtables. zlib's `enough` program bounds complete codes at 1334
  // entries (286 symbols, 10-bit root) and 402 (30 symbols, 8-bit root); the builder also
  // checks the capacity, so a wrong bound could only throw, never write out of bounds.
  static let litlenCapacity = 2048
  static let distCapacity = 1024
  static let precodeCapacity = 128

  static let lengthBase: [UInt16] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
  ]
  static let lengthExtra: [UInt8] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  static let distBase: [UInt16] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  static let distExtra: [UInt8] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]
  static let precodeOrder: [Int] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  /// The entry (without its code length) of each literal/length symbol 0...287.
  static let litlenSymbols: [UInt32] = (0..<288).map { s -> UInt32 in
    if s < 256 { return kindLiteral | UInt32(s) << 16 }
    if s == 256 { return kindEnd }
    if s <= 285 {
      return kindBase | UInt32(lengthExtra[s - 257]) << 8 | UInt32(lengthBase[s - 257]) << 16
    }
    return kindInvalid
  }
  /// The entry (without its code length) of each distance symbol 0...31.
  static let distSymbols: [UInt32] = (0..<32).map { s -> UInt32 in
    s < 30 ? kindBase | UInt32(distExtra[s]) << 8 | UInt32(distBase[s]) << 16 : kindInvalid
  }
  /// The entry (without its code length) of each code-length symbol 0...18.
  static let precodeSymbols: [UInt32] = (0..<19).map { kindLiteral | UInt32($0) << 16 }

  let input: UnsafePointer<UInt8>
  let inCount: Int
  var inPos = 0
  var bitbuf: UInt64 = 0
  var bitsLeft = 0
  /// Zero bytes fed past the end of the input (checked against the bits actually used).
  var overrun = 0

  var out: UnsafeMutablePointer<UInt8>
  var outCap = 0
  var outPos = 0
  var ownsOutput = false
  let limit: Int

  let litlen: UnsafeMutablePointer<UInt32>
  let dist: UnsafeMutablePointer<UInt32>
  let precode: UnsafeMutablePointer<UInt32>
  /// Code lengths (288 + 32) and the table builder's sorted symbols (288).
  let lens: UnsafeMutablePointer<UInt8>
  let sorted: UnsafeMutablePointer<UInt16>
  /// Whether `litlen` and `dist` hold the fixed codes (consecutive fixed blocks skip a rebuild).
  var fixedLoaded = false

  /// Eight zero bytes that stand in for an empty input (so `input` is never nil; `inCount` stays
  /// 0) and for the output before one is attached.
  let placeholder: UnsafeMutablePointer<UInt8>

  init(input: UnsafeRawBufferPointer, limit: Int) {
    placeholder = .allocate(capacity: 8)
    placeholder.initialize(repeating: 0, count: 8)
    if let base = input.baseAddress, input.count > 0 {
      self.input = base.assumingMemoryBound(to: UInt8.self)
      self.inCount = input.count
    } else {
      self.input = UnsafePointer(placeholder)
      self.inCount = 0
    }
    self.limit = limit
    self.out = placeholder
    litlen = .allocate(capacity: InflateDecoder.litlenCapacity)
    dist = .allocate(capacity: InflateDecoder.distCapacity)
    precode = .allocate(capacity: InflateDecoder.precodeCapacity)
    lens = .allocate(capacity: 320)
    sorted = .allocate(capacity: 288)
  }

  func deallocateTables() {
    placeholder.deallocate()
    litlen.deallocate()
    dist.deallocate()
    precode.deallocate()
    lens.deallocate()
    sorted.deallocate()
  }

  mutating func attach(_ buffer: UnsafeMutablePointer<UInt8>, capacity: Int, owned: Bool) {
    out = buffer
    outCap = capacity
    outPos = 0
    ownsOutput = owned
  }

  /// The input byte the decoder is at (for error offsets).
  var position: Int { max(0, inPos - (bitsLeft >> 3) + overrun) }

  /// The error for a reason noticed now; any error noticed after the decoder used bits past
  /// the end of the input is a truncation (those bits were zeros standing in for missing data).
  func failure(_ reason: InflateError.Reason) -> InflateError {
    let truncated = overrun * 8 > bitsLeft
    return InflateError(truncated ? .truncatedInput : reason, offset: min(position, inCount))
  }

  // MARK: Bits

  /// Fills the bit buffer to at least 56 bits: one unaligned 8-byte load away from the end of the
  /// input, byte by byte (with zero bytes past the end, counted in `overrun`) near it.
  @inline(__always)
  mutating func refill() throws(InflateError) {
    if inPos &+ 8 <= inCount {
      let word = UInt64(
        littleEndian: UnsafeRawPointer(input + inPos).loadUnaligned(as: UInt64.self))
      bitbuf |= word &<< UInt64(truncatingIfNeeded: bitsLeft)
      inPos &+= (63 &- bitsLeft) &>> 3
      bitsLeft |= 56
    } else {
      try refillSlowly()
    }
  }

  mutating func refillSlowly() throws(InflateError) {
    while bitsLeft < 56 {
      if inPos < inCount {
        bitbuf |= UInt64(input[inPos]) &<< UInt64(truncatingIfNeeded: bitsLeft)
        inPos += 1
      } else {
        // Eight zero bytes cover any read the decoder makes ahead of need; more means the
        // stream has run out.
        overrun += 1
        if overrun > 8 { throw failure(.truncatedInput) }
      }
      bitsLeft += 8
    }
  }

  @inline(__always)
  func peek(_ n: Int) -> Int {
    Int(truncatingIfNeeded: bitbuf & ((1 &<< UInt64(truncatingIfNeeded: n)) &- 1))
  }

  @inline(__always)
  mutating func consume(_ n: Int) {
    bitbuf &>>= UInt64(truncatingIfNeeded: n)
    bitsLeft &-= n
  }

  @inline(__always)
  mutating func take(_ n: Int) -> Int {
    let v = peek(n)
    consume(n)
    return v
  }

  // MARK: Blocks

  /// Decodes blocks up to the final one and returns how many input bytes were used.
  mutating func run() throws(InflateError) -> Int {
    var isFinal = false
    repeat {
      try refill()
      isFinal = take(1) == 1
      switch take(2) {
      case 0:
        try storedBlock()
      case 1:
        if !fixedLoaded { try loadFixedCodes() }
        try huffmanBlock()
      case 2:
        try readDynamicCodes()
        try huffmanBlock()
      default:
        throw failure(.invalidBlockType)
      }
    } while !isFinal
    // Zero bytes fed past the end are fine only while none of their bits was used.
    if overrun * 8 > bitsLeft { throw failure(.truncatedInput) }
    let usedBits = (inPos + overrun) * 8 - bitsLeft
    return (usedBits + 7) / 8
  }

  mutating func storedBlock() throws(InflateError) {
    consume(bitsLeft & 7)
    try refill()
    let length = take(16)
    let complement = take(16)
    guard length == ~complement & 0xFFFF else { throw failure(.storedLengthMismatch) }
    let buffered = bitsLeft >> 3
    guard overrun <= buffered else { throw failure(.truncatedInput) }
    let start = inPos - (buffered - overrun)
    guard length <= inCount - start else {
      inPos = inCount
      bitsLeft = 0
      overrun = 0
      throw failure(.truncatedInput)
    }
    try reserve(length)
    (out + outPos).update(from: input + start, count: length)
    outPos += length
    inPos = start + length
    bitbuf = 0
    bitsLeft = 0
    overrun = 0
  }

  /// Makes room for `count` more output bytes, growing an owned buffer up to the limit.
  @inline(__always)
  mutating func reserve(_ count: Int) throws(InflateError) {
    if count > outCap &- outPos { try grow(outPos + count) }
  }

  mutating func grow(_ needed: Int) throws(InflateError) {
    guard needed <= limit, ownsOutput else { throw failure(.outputLimitExceeded) }
    let capacity = min(limit, max(needed, outCap > limit / 2 ? limit : outCap * 2))
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + InflateDecoder.slack)
    bigger.update(from: out, count: outPos)
    out.deallocate()
    out = bigger
    outCap = capacity
  }

  mutating func loadFixedCodes() throws(InflateError) {
    for i in 0..<144 { lens[i] = 8 }
    for i in 144..<256 { lens[i] = 9 }
    for i in 256..<280 { lens[i] = 7 }
    for i in 280..<288 { lens[i] = 8 }
    for i in 288..<320 { lens[i] = 5 }
    try buildTable(
      lens, count: 288, symbols: InflateDecoder.litlenSymbols, table: litlen,
      capacity: InflateDecoder.litlenCapacity, rootBits: InflateDecoder.litlenBits)
    try buildTable(
      lens + 288, count: 32, symbols: InflateDecoder.distSymbols, table: dist,
      capacity: InflateDecoder.distCapacity, rootBits: InflateDecoder.distBits)
    fixedLoaded = true
  }

  mutating func readDynamicCodes() throws(InflateError) {
    fixedLoaded = false
    try refill()
    let litlenCount = take(5) + 257
    let distCount = take(5) + 1
    let precodeCount = take(4) + 4
    guard litlenCount <= 286, distCount <= 30 else { throw failure(.invalidCodeLengths) }
    for i in 0..<19 { lens[i] = 0 }
    for i in 0..<precodeCount {
      if bitsLeft < 3 { try refill() }
      lens[InflateDecoder.precodeOrder[i]] = UInt8(take(3))
    }
    do throws(InflateError) {
      try buildTable(
        lens, count: 19, symbols: InflateDecoder.precodeSymbols, table: precode,
        capacity: InflateDecoder.precodeCapacity, rootBits: InflateDecoder.precodeBits,
        allowSingle: false)
    } catch {
      throw failure(.invalidCodeLengths)
    }
    let total = litlenCount + distCount
    var i = 0
    while i < total {
      try refill()
      let entry = precode[peek(InflateDecoder.precodeBits)]
      guard entry & InflateDecoder.kindMask == InflateDecoder.kindLiteral else {
        throw failure(.invalidCodeLengths)
      }
      consume(Int(entry & 31))
      let symbol = Int(entry >> 16)
      if symbol < 16 {
        lens[i] = UInt8(symbol)
        i += 1
        continue
      }
      var value: UInt8 = 0
      let repeats: Int
      switch symbol {
      case 16:
        guard i > 0 else { throw failure(.invalidCodeLengths) }
        value = lens[i - 1]
        repeats = 3 + take(2)
      case 17: repeats = 3 + take(3)
      default: repeats = 11 + take(7)
      }
      guard repeats <= total - i else { throw failure(.invalidCodeLengths) }
      (lens + i).update(repeating: value, count: repeats)
      i += repeats
    }
    guard lens[256] != 0 else { throw failure(.missingEndOfBlock) }
    // The two codes' lengths are stored one after the other.
    try buildTable(
      lens, count: litlenCount, symbols: InflateDecoder.litlenSymbols, table: litlen,
      capacity: InflateDecoder.litlenCapacity, rootBits: InflateDecoder.litlenBits)
    try buildTable(
      lens + litlenCount, count: distCount, symbols: InflateDecoder.distSymbols, table: dist,
      capacity: InflateDecoder.distCapacity, rootBits: InflateDecoder.distBits)
  }

  /// Builds a canonical-Huffman decode table (primary table of `rootBits` plus subtables) for
  /// `count` symbols with the given code lengths.
  ///
  /// Rejects over-subscribed codes and incomplete ones, except (with `allowSingle`) a code of a
  /// single length-1 codeword, which zlib accepts too. An empty code gives a table of invalid
  /// entries, so using it throws. Unused table slots are invalid entries.
  func buildTable(
    _ lengths: UnsafeMutablePointer<UInt8>, count: Int, symbols: [UInt32],
    table: UnsafeMutablePointer<UInt32>, capacity: Int, rootBits: Int, allowSingle: Bool = true
  ) throws(InflateError) {
    var lengthCount = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var offsets = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    try withUnsafeMutableBytes(of: &lengthCount) { countBytes throws(InflateError) in
      try withUnsafeMutableBytes(of: &offsets) { offsetBytes throws(InflateError) in
        let counts = countBytes.bindMemory(to: Int.self)
        let offs = offsetBytes.bindMemory(to: Int.self)
        for s in 0..<count { counts[Int(lengths[s])] += 1 }
        counts[0] = 0
        var left = 1
        var maxLength = 0
        for length in 1...15 {
          left <<= 1
          left -= counts[length]
          if left < 0 { throw failure(.oversubscribedCode) }
          if counts[length] > 0 { maxLength = length }
        }
        let rootSize = 1 << rootBits
        table.update(repeating: InflateDecoder.kindInvalid, count: rootSize)
        if maxLength == 0 {
          if !allowSingle { throw failure(.incompleteCode) }
          return
        }
        if left > 0 && !(allowSingle && maxLength == 1) { throw failure(.incompleteCode) }

        offs[1] = 0
        for length in 1...15 { offs[length + 1] = offs[length] + counts[length] }
        for s in 0..<count where lengths[s] != 0 {
          let length = Int(lengths[s])
          sorted[offs[length]] = UInt16(s)
          offs[length] += 1
        }
        let used = offs[16]

        var code = 0
        var codeLength = Int(lengths[Int(sorted[0])])
        var nextFree = rootSize
        var currentPrefix = -1
        var subtableStart = 0
        var subtableBits = 0
        let rootMask = rootSize - 1
        symbols.withUnsafeBufferPointer { symbolEntries in
          for k in 0..<used {
            let symbol = Int(sorted[k])
            let length = Int(lengths[symbol])
            if length > codeLength {
              code <<= length - codeLength
              codeLength = length
            }
            // Codes are sent most significant bit first; the table is indexed by bits as read.
            var reversed = 0
            var c = code
            for _ in 0..<length {
              reversed = reversed << 1 | c & 1
              c >>= 1
            }
            let base = symbolEntries[symbol]
            if length <= rootBits {
              let entry = base | UInt32(length)
              var j = reversed
              while j < rootSize {
                table[j] = entry
                j += 1 << length
              }
            } else {
              let prefix = reversed & rootMask
              if prefix != currentPrefix {
                // A new subtable: wide enough for the codes still to come under this prefix.
                var bits = length - rootBits
                var room = 1 << bits
                while bits + rootBits < maxLength {
                  room -= counts[bits + rootBits]
                  if room <= 0 { break }
                  bits += 1
                  room <<= 1
                }
                currentPrefix = prefix
                subtableStart = nextFree
                subtableBits = bits
                nextFree += 1 << bits
                table[prefix] =
                  InflateDecoder.kindSubtable | UInt32(rootBits) | UInt32(bits) << 8
                  | UInt32(subtableStart) << 16
                if nextFree <= capacity {
                  (table + subtableStart).update(
                    repeating: InflateDecoder.kindInvalid, count: 1 << bits)
                }
              }
              if nextFree <= capacity {
                let rest = length - rootBits
                let entry = base | UInt32(rest)
                var j = reversed >> rootBits
                while j < 1 << subtableBits {
                  table[subtableStart + j] = entry
                  j += 1 << rest
                }
              }
            }
            counts[length] -= 1
            code += 1
          }
        }
        if nextFree > capacity { throw failure(.invalidCodeLengths) }
      }
    }
  }

  /// Decodes one Huffman block with the current tables.
  ///
  /// The loop keeps the bit buffer, positions and pointers in locals (registers) and writes them
  /// back to `self` only around the slow paths: a refill near the end of the input, growing the
  /// output, an error, and the end of the block.
  mutating func huffmanBlock() throws(InflateError) {
    let litlenMask = UInt64(1 << InflateDecoder.litlenBits - 1)
    let distMask = UInt64(1 << InflateDecoder.distBits - 1)
    let kindMask = InflateDecoder.kindMask
    let input = self.input
    let fastEnd = inCount - 8
    let litlen = self.litlen
    let dist = self.dist
    var bitbuf = self.bitbuf
    var bitsLeft = self.bitsLeft
    var inPos = self.inPos
    var out = self.out
    var outCap = self.outCap
    var outPos = self.outPos

    while true {
      if inPos <= fastEnd {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(input + inPos).loadUnaligned(as: UInt64.self))
        bitbuf |= word &<< UInt64(truncatingIfNeeded: bitsLeft)
        inPos &+= (63 &- bitsLeft) &>> 3
        bitsLeft |= 56
      } else {
        (self.bitbuf, self.bitsLeft, self.inPos) = (bitbuf, bitsLeft, inPos)
        try refillSlowly()
        (bitbuf, bitsLeft, inPos) = (self.bitbuf, self.bitsLeft, self.inPos)
      }
      var entry = litlen[Int(truncatingIfNeeded: bitbuf & litlenMask)]
      if entry & kindMask == InflateDecoder.kindSubtable {
        bitbuf &>>= UInt64(InflateDecoder.litlenBits)
        bitsLeft &-= InflateDecoder.litlenBits
        let subMask = (UInt64(1) &<< UInt64((entry >> 8) & 31)) &- 1
        entry = litlen[Int(entry >> 16) &+ Int(truncatingIfNeeded: bitbuf & subMask)]
      }
      bitbuf &>>= UInt64(entry & 31)
      bitsLeft &-= Int(entry & 31)
      let kind = entry & kindMask
      if kind == InflateDecoder.kindLiteral {
        if outPos >= outCap {
          (self.bitbuf, self.bitsLeft, self.inPos, self.outPos) = (bitbuf, bitsLeft, inPos, outPos)
          try grow(outPos + 1)
          (out, outCap) = (self.out, self.outCap)
        }
        out[outPos] = UInt8(truncatingIfNeeded: entry >> 16)
        outPos &+= 1
        continue
      }
      if kind != InflateDecoder.kindBase {
        (self.bitbuf, self.bitsLeft, self.inPos, self.outPos) = (bitbuf, bitsLeft, inPos, outPos)
        if kind == InflateDecoder.kindEnd { return }
        throw failure(.invalidSymbol)
      }
      let lengthExtra = UInt64((entry >> 8) & 31)
      let length = Int(entry >> 16) &+ Int(truncatingIfNeeded: bitbuf & ((1 &<< lengthExtra) &- 1))
      bitbuf &>>= lengthExtra
      bitsLeft &-= Int(lengthExtra)

      var d = dist[Int(truncatingIfNeeded: bitbuf & distMask)]
      if d & kindMask == InflateDecoder.kindSubtable {
        bitbuf &>>= UInt64(InflateDecoder.distBits)
        bitsLeft &-= InflateDecoder.distBits
        let subMask = (UInt64(1) &<< UInt64((d >> 8) & 31)) &- 1
        d = dist[Int(d >> 16) &+ Int(truncatingIfNeeded: bitbuf & subMask)]
      }
      if d & kindMask != InflateDecoder.kindBase {
        (self.bitbuf, self.bitsLeft, self.inPos, self.outPos) = (bitbuf, bitsLeft, inPos, outPos)
        throw failure(.invalidSymbol)
      }
      bitbuf &>>= UInt64(d & 31)
      bitsLeft &-= Int(d & 31)
      let distExtra = UInt64((d >> 8) & 31)
      let distance = Int(d >> 16) &+ Int(truncatingIfNeeded: bitbuf & ((1 &<< distExtra) &- 1))
      bitbuf &>>= distExtra
      bitsLeft &-= Int(distExtra)
      if distance > outPos {
        (self.bitbuf, self.bitsLeft, self.inPos, self.outPos) = (bitbuf, bitsLeft, inPos, outPos)
        throw failure(.distanceTooFarBack)
      }
      if length > outCap &- outPos {
        (self.bitbuf, self.bitsLeft, self.inPos, self.outPos) = (bitbuf, bitsLeft, inPos, outPos)
        try grow(outPos + length)
        (out, outCap) = (self.out, self.outCap)
      }
      let destination = out + outPos
      if distance >= 8 {
        // Eight bytes at a time; each load reads bytes already final because distance >= 8.
        // The last store may run up to 7 bytes past the match, into the slack.
        var to = UnsafeMutableRawPointer(destination)
        var from = UnsafeRawPointer(destination - distance)
        let end = to + length
        repeat {
          to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
          to += 8
          from += 8
        } while to < end
      } else if distance == 1 {
        destination.update(repeating: destination[-1], count: length)
      } else {
        let source = destination - distance
        for k in 0..<length { destination[k] = source[k] }
      }
      outPos &+= length
    }
  }
}
