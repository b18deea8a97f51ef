/// One dimension of a dense count: a column of small unsigned codes and the range of codes
/// that map to cells.
///
/// The columnar store keeps one column of codes per dimension — a host country as a `UInt16`
/// index into the ISO 3166-1 table, a kind or category as a `UInt8`, a year as a `UInt16` — and
/// ``CountingKernel`` turns a row's codes into one cell of a dense, row-major table. A column
/// says which codes are valid: the ``extent`` codes starting at ``offset``, that is
/// `offset ..< offset + extent`, mapped to cell coordinates `0 ..< extent`.
///
/// A `KernelColumn` borrows its codes; it does not own or copy them. The buffer must stay
/// valid, and must not be mutated, for as long as a ``CountingKernel`` call that uses the
/// column runs. That is why the type is not `Sendable`: build it inside the scope that owns the
/// codes, as in `withUnsafeBufferPointer`, and use it there.
///
/// ```swift
/// let years: [UInt16] = [1997, 2020, 2026]
/// let kinds: [UInt8] = [0, 2, 1]
/// let table = try years.withUnsafeBufferPointer { y in
///   try kinds.withUnsafeBufferPointer { k in
///     try CountingKernel.count(columns: [
///       KernelColumn(k, extent: 3),                // kind 0..2, slowest
///       KernelColumn(y, offset: 1997, extent: 30),  // year 1997..2026, fastest
///     ])
///   }
/// }
/// // table.count == 90; table[0 * 30 + 0] == 1 (kind 0, 1997)
/// ```
public struct KernelColumn {
  /// The borrowed codes, by element width; the kernel specializes its loops for each.
  @usableFromInline
  internal enum Storage {
    /// Byte codes.
    case uint8(UnsafeBufferPointer<UInt8>)
    /// 16-bit codes.
    case uint16(UnsafeBufferPointer<UInt16>)
    /// 32-bit codes.
    case uint32(UnsafeBufferPointer<UInt32>)
  }

  /// The codes.
  @usableFromInline
  internal var storage: Storage

  /// The smallest valid code; it maps to cell coordinate 0 along this dimension.
  public let offset: Int

  /// The number of valid codes, `offset ..< offset + extent`; the size of this dimension.
  public let extent: Int

  /// A column from its parts; the public initializers choose the storage.
  @usableFromInline
  internal init(storage: Storage, offset: Int, extent: Int) {
    self.storage = storage
    self.offset = offset
    self.extent = extent
  }

  /// A dimension whose codes are bytes, such as an incident kind or a region.
  ///
  /// The column is checked when ``CountingKernel`` uses it, not here: an `offset` or `extent`
  /// that does not fit `UInt8` makes the count throw ``CountingKernelError``.
  ///
  /// ```swift
  /// let column = KernelColumn(kinds, extent: 3)  // codes 0, 1, 2
  /// ```
  ///
  /// - Parameters:
  ///   - codes: One code per row. Borrowed, not copied: it must outlive every count that uses
  ///     this column.
  ///   - offset: The smallest valid code. Defaults to 0.
  ///   - extent: The number of valid codes; `offset + extent` must be at most 256.
  ///
  /// - Complexity: O(1).
  @inlinable
  public init(_ codes: UnsafeBufferPointer<UInt8>, offset: Int = 0, extent: Int) {
    self.init(storage: .uint8(codes), offset: offset, extent: extent)
  }

  /// A dimension whose codes are 16-bit, such as a country index or a calendar year.
  ///
  /// ```swift
  /// let column = KernelColumn(years, offset: 1997, extent: 30)  // 1997 ... 2026
  /// ```
  ///
  /// - Parameters:
  ///   - codes: One code per row. Borrowed, not copied: it must outlive every count that uses
  ///     this column.
  ///   - offset: The smallest valid code. Defaults to 0.
  ///   - extent: The number of valid codes; `offset + extent` must be at most 65,536.
  ///
  /// - Complexity: O(1).
  @inlinable
  public init(_ codes: UnsafeBufferPointer<UInt16>, offset: Int = 0, extent: Int) {
    self.init(storage: .uint16(codes), offset: offset, extent: extent)
  }

  /// A dimension whose codes are 32-bit, such as a day number or a dictionary-encoded string.
  ///
  /// Counting with 32-bit columns takes the general path, which is slower than the fused paths
  /// for one to three 8- or 16-bit columns.
  ///
  /// ```swift
  /// let column = KernelColumn(dayNumbers, offset: firstDay, extent: 366)
  /// ```
  ///
  /// - Parameters:
  ///   - codes: One code per row. Borrowed, not copied: it must outlive every count that uses
  ///     this column.
  ///   - offset: The smallest valid code. Defaults to 0.
  ///   - extent: The number of valid codes; `offset + extent` must be at most 2³².
  ///
  /// - Complexity: O(1).
  @inlinable
  public init(_ codes: UnsafeBufferPointer<UInt32>, offset: Int = 0, extent: Int) {
    self.init(storage: .uint32(codes), offset: offset, extent: extent)
  }

  /// The number of rows (codes) in the column.
  ///
  /// - Complexity: O(1).
  @inlinable
  public var count: Int {
    switch storage {
    case .uint8(let codes): return codes.count
    case .uint16(let codes): return codes.count
    case .uint32(let codes): return codes.count
    }
  }

  /// The width of one code in bits: 8, 16 or 32.
  ///
  /// - Complexity: O(1).
  @inlinable
  public var codeBitWidth: Int {
    switch storage {
    case .uint8: return 8
    case .uint16: return 16
    case .uint32: return 32
    }
  }

  /// The valid codes, `offset ..< offset + extent` (empty when `extent` is not positive).
  ///
  /// - Complexity: O(1).
  @inlinable
  public var validCodes: Range<Int> { offset..<offset + Swift.max(extent, 0) }

  /// The code of the row at `index`, widened to `Int` (slow path: reporting and tests).
  internal func code(at index: Int) -> Int {
    switch storage {
    case .uint8(let codes): return Int(codes[index])
    case .uint16(let codes): return Int(codes[index])
    case .uint32(let codes): return Int(codes[index])
    }
  }
}
