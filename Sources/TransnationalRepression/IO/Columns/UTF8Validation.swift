/// Whether bytes are well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms, no surrogates,
/// nothing above U+10FFFF — the rule `String(validating:as:)` applies — without building a string.
///
/// - Complexity: O(*n*); ASCII runs are checked 32 bytes at a time, then 8.
internal func isWellFormedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  let count = bytes.count
  guard let base = bytes.baseAddress else { return true }
  var i = 0
  @inline(__always) func word(_ offset: Int) -> UInt64 {
    UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
  }
  while i < count {
    if i &+ 32 <= count,
      (word(i) | word(i &+ 8) | word(i &+ 16) | word(i &+ 24)) & 0x8080_8080_8080_8080 == 0
    {
      i &+= 32
      continue
    }
    if i &+ 8 <= count, word(i) & 0x8080_8080_8080_8080 == 0 {
      i &+= 8
      continue
    }
    let lead = base[i]
    if lead < 0x80 {
      i &+= 1
      continue
    }
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return false
    }
    guard i &+ length <= count else { return false }
    let second = base[i &+ 1]
    guard second >= low && second <= high else { return false }
    for k in 2..<max(2, length) where base[i &+ k] & 0xC0 != 0x80 { return false }
    i &+= length
  }
  return true
}
