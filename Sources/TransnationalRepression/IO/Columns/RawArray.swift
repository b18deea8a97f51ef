/// A growable buffer of trivial values with manual memory: no copy-on-write, no uniqueness or
/// exclusivity checks per element, for the hot loops of the columnar import. A copy of the
/// struct refers to the same memory; the owner calls ``deallocate()`` exactly once.
internal struct RawArray<Element> {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count = 0
  private(set) var capacity: Int

  init(capacity: Int = 16) {
    self.capacity = Swift.max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  /// The elements.
  var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  @inline(__always)
  subscript(index: Int) -> Element { base[index] }

  @inline(__always)
  mutating func append(_ element: Element) {
    if count == capacity { grow(to: capacity * 2) }
    (base + count).initialize(to: element)
    count &+= 1
  }

  mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
    guard let source = elements.baseAddress, !elements.isEmpty else { return }
    if count + elements.count > capacity { grow(to: Swift.max(capacity * 2, count + elements.count)) }
    (base + count).initialize(from: source, count: elements.count)
    count += elements.count
  }

  /// Forgets the elements, keeping the memory.
  mutating func removeAll() { count = 0 }

  /// Makes room for `extra` more elements, so that as many writes past ``count`` stay in the
  /// buffer.
  @inline(__always)
  mutating func reserveMore(_ extra: Int) {
    if count &+ extra > capacity { grow(to: Swift.max(capacity * 2, count + extra)) }
  }

  /// Counts `added` elements written past ``count`` after ``reserveMore(_:)``.
  @inline(__always)
  mutating func didAppend(_ added: Int) { count &+= added }

  /// Makes room for `capacity` elements in all.
  mutating func reserve(_ capacity: Int) {
    if capacity > self.capacity { grow(to: capacity) }
  }

  private mutating func grow(to newCapacity: Int) {
    let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
    grown.moveInitialize(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = newCapacity
  }

  /// Frees the memory; the buffer must not be used afterwards.
  func deallocate() {
    base.deallocate()
  }
}
