/// Columns of synthetic incidents in memory, 64-byte aligned, owned by this object (freed when
/// it is released): the layout of the columnar store and of `Benchmarks/Peers/gen.py`'s binary file.
final class BaselineColumns {
  /// The number of rows.
  let rows: Int
  /// Host country: index 0..<countries into the ISO 3166-1 alpha-2 list of `gen.py`.
  let country: UnsafeMutableBufferPointer<UInt16>
  /// Kind: 0 intimidation, 1 detention, 2 extradition.
  let kind: UnsafeMutableBufferPointer<UInt8>
  /// Calendar year, yearMin...yearMax.
  let year: UnsafeMutableBufferPointer<UInt16>
  /// Optional extra columns for the other registered benchmarks.
  var persons: UnsafeMutableBufferPointer<UInt32>?
  var group: UnsafeMutableBufferPointer<UInt8>?

  let countries: Int
  let kinds: Int
  let yearMin: Int
  let yearMax: Int
  /// The raw block holding the three columns (a whole file, for data read from disk).
  private let storage: UnsafeMutableRawBufferPointer

  var years: Int { yearMax - yearMin + 1 }
  var cellCount: Int { countries * kinds * years }

  /// Wraps columns that live inside `storage`, taking ownership of it.
  init(
    storage: UnsafeMutableRawBufferPointer, rows: Int, countryOffset: Int, kindOffset: Int,
    yearOffset: Int, countries: Int, kinds: Int, yearMin: Int, yearMax: Int
  ) {
    self.storage = storage
    self.rows = rows
    let base = storage.baseAddress!
    country = UnsafeMutableBufferPointer(
      start: (base + countryOffset).bindMemory(to: UInt16.self, capacity: rows), count: rows)
    kind = UnsafeMutableBufferPointer(
      start: (base + kindOffset).bindMemory(to: UInt8.self, capacity: rows), count: rows)
    year = UnsafeMutableBufferPointer(
      start: (base + yearOffset).bindMemory(to: UInt16.self, capacity: rows), count: rows)
    self.countries = countries
    self.kinds = kinds
    self.yearMin = yearMin
    self.yearMax = yearMax
  }

  /// Allocates uninitialized-but-zeroed columns for `rows` rows in `gen.py`'s file layout.
  convenience init(rows: Int, countries: Int, kinds: Int, yearMin: Int, yearMax: Int) {
    let countryOffset = 0
    let kindOffset = BaselineColumns.align64(2 * rows)
    let yearOffset = BaselineColumns.align64(kindOffset + rows)
    let bytes = Swift.max(64, yearOffset + 2 * rows)
    let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes, alignment: 64)
    storage.initializeMemory(as: UInt8.self, repeating: 0)
    self.init(
      storage: storage, rows: rows, countryOffset: countryOffset, kindOffset: kindOffset,
      yearOffset: yearOffset, countries: countries, kinds: kinds, yearMin: yearMin,
      yearMax: yearMax)
  }

  deinit {
    storage.deallocate()
    persons?.deallocate()
    group?.deallocate()
  }

  static func align64(_ value: Int) -> Int { (value + 63) & ~63 }
}
