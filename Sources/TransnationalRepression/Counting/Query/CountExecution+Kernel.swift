/// The fast route of a count: ``CountingKernel`` straight over the stored code columns.
///
/// A query without a filter and without the multi-valued ethnic-group dimension reads at most
/// four stored columns — origin, host, kind and year — and every dimension is a function of one
/// of them: origin of the origin column, host and region of the host column, category and mode
/// of the kind code, year and phase of the year. The route therefore counts by the *stored*
/// codes, each column over the span of codes that occur (``ColumnPresence``), with the kernel's
/// fused dense loops, and only then adds each cell of that small table into its cell of a dense
/// grid over the dimensions' labels (the 19 kind codes fold into 3 categories, 250 hosts into
/// regions, years into phases). Nothing per row is looked up or copied. The table keeps the grid
/// (``CountTableCells``): lookups read it directly, and the dictionary of labelled cells is built
/// only when an operation needs it.
///
/// Counting persons also needs the qualifier (the top three bits of the `groups` code) and the
/// persons weights; they are materialised a segment of rows at a time into small buffers, so
/// memory stays bounded, and the rows with 255 or more persons are added from the overflow table
/// afterwards.
///
/// Everything else — filters, ethnic groups, and shapes whose table of stored codes would be
/// much larger than the rows — takes the general path of ``CountingCore``, which looks every code
/// up in a contribution table.
internal struct KernelRoute {
  /// A stored column the route reads.
  enum Source: Int, CaseIterable {
    case origin, host, kind, year
  }

  /// The stored columns read, in table order (first slowest).
  let sources: [Source]
  /// The smallest code of each source that occurs.
  let offsets: [Int]
  /// The span of codes of each source, from the smallest to the largest that occurs.
  let extents: [Int]
  /// The number of cells of the table of stored codes.
  let cellCount: Int
  /// For each dimension of the query: the position of its source in ``sources``.
  let sourceOfDimension: [Int]
  /// For each dimension: its distinct labels, in order of first appearance among the codes.
  let axes: [[DimensionValue]]
  /// For each dimension: the position in its axis of the label of each code of its source,
  /// indexed by `code - offset`.
  let axisIndex: [[Int]]
  /// The number of label cells: the product of the axes' sizes (cells of the stored codes that
  /// share labels are added into one label cell, densely, before the table is built).
  let labelCellCount: Int

  /// The largest table of stored codes the route counts: 2²² cells (32 MiB of `UInt64`).
  static let maximumCellCount = 1 << 22
  /// Tables up to this many cells always take the route; larger ones only when they have fewer
  /// cells than the store has rows (else the general path's compact axes are cheaper).
  static let smallTableCells = 1 << 16
  /// Rows whose persons qualifier and weight are materialised at a time (5 MiB of buffers).
  static let segmentRows = 1 << 20

  /// The route of `query` over `columns`, or `nil` when the query needs the general path.
  ///
  /// - Parameter anySize: Whether to take any table up to ``maximumCellCount`` cells, however
  ///   few the rows (tests use it to compare the paths on small stores).
  init?(columns: IncidentColumns, query: CountQuery, anySize: Bool = false) {
    guard query.filter.isEmpty, columns.count > 0,
      !query.dimensions.contains(where: \.isMultiValued)
    else { return nil }
    func source(of dimension: CountDimension) -> Source {
      switch dimension {
      case .origin: .origin
      case .host, .region: .host
      case .category, .mode: .kind
      case .year, .phase: .year
      case .ethnicGroup: preconditionFailure("ethnic groups take the general path")
      }
    }
    let used = Set(query.dimensions.map(source(of:)))
    let sources = Source.allCases.filter(used.contains)
    let presence = columns.presence
    var offsets: [Int] = []
    var extents: [Int] = []
    var cells = 1
    for source in sources {
      let span: ClosedRange<Int>
      switch source {
      case .origin: span = ColumnPresence.span(presence.origins)
      case .host: span = ColumnPresence.span(presence.hosts)
      case .kind: span = ColumnPresence.span([UInt64(presence.kinds)])
      case .year: span = Int(presence.yearMin)...Int(presence.yearMax)
      }
      offsets.append(span.lowerBound)
      extents.append(span.count)
      cells *= span.count
    }
    guard
      cells <= KernelRoute.maximumCellCount
        && (anySize || cells <= KernelRoute.smallTableCells || cells <= columns.count)
    else { return nil }
    self.sources = sources
    self.offsets = offsets
    self.extents = extents
    self.cellCount = cells
    self.sourceOfDimension = query.dimensions.map { sources.firstIndex(of: source(of: $0))! }
    let periodization = query.periodization
    var axes: [[DimensionValue]] = []
    var axisIndex: [[Int]] = []
    for dimension in query.dimensions {
      let slot = sources.firstIndex(of: source(of: dimension))!
      var axis: [DimensionValue] = []
      var position: [DimensionValue: Int] = [:]
      var index: [Int] = []
      for code in offsets[slot]..<offsets[slot] + extents[slot] {
        let label: DimensionValue
        switch dimension {
        case .origin, .host: label = .country(Country(index: code)!)
        case .region: label = .region(Country(index: code)!.region)
        case .category: label = .category(IncidentKind.categoryOfColumnCode[code])
        case .mode: label = .mode(IncidentKind.allModes[code])
        case .year: label = .year(code)
        case .phase:
          label = .phase(periodization.phaseIndex(containing: code).map { periodization.phases[$0] })
        case .ethnicGroup: preconditionFailure("ethnic groups take the general path")
        }
        if let existing = position[label] {
          index.append(existing)
        } else {
          position[label] = axis.count
          index.append(axis.count)
          axis.append(label)
        }
      }
      axes.append(axis)
      axisIndex.append(index)
    }
    self.axes = axes
    self.axisIndex = axisIndex
    self.labelCellCount = axes.reduce(1) { $0 * $1.count }
  }

  /// The kernel columns of rows `rows` of the store, for `body`.
  private func withKernelColumns<Result>(
    _ pointers: ColumnPointers, rows: Range<Int>, _ body: ([KernelColumn]) -> Result
  ) -> Result {
    let kernelColumns = sources.enumerated().map { slot, source -> KernelColumn in
      let (offset, extent) = (offsets[slot], extents[slot])
      switch source {
      case .origin:
        return KernelColumn(UnsafeBufferPointer(start: pointers.origin + rows.lowerBound, count: rows.count), offset: offset, extent: extent)
      case .host:
        return KernelColumn(UnsafeBufferPointer(start: pointers.host + rows.lowerBound, count: rows.count), offset: offset, extent: extent)
      case .kind:
        return KernelColumn(UnsafeBufferPointer(start: pointers.kind + rows.lowerBound, count: rows.count), offset: offset, extent: extent)
      case .year:
        return KernelColumn(UnsafeBufferPointer(start: pointers.year + rows.lowerBound, count: rows.count), offset: offset, extent: extent)
      }
    }
    return body(kernelColumns)
  }

  /// Runs the kernel over `rows` rows; the columns come from the store, so every code is in
  /// range.
  private static func count(
    _ columns: [KernelColumn], rows: Int, weights: UnsafeBufferPointer<UInt32>? = nil,
    threads: Int, tuning: KernelTuning, into table: UnsafeMutableBufferPointer<UInt64>
  ) {
    do {
      try CountingKernel.count(
        columns: columns, weights: weights, rows: 0..<rows, threads: threads, into: table,
        tuning: tuning)
    } catch {
      preconditionFailure("KernelRoute: the store holds a code outside its presence span: \(error)")
    }
  }

  /// For each cell of the table of stored codes, its label cell (row-major over the axes).
  private func labelCells() -> [Int] {
    // The label cell is a sum over dimensions of (axis position of the code) × (the axis's
    // stride); the cells of stored codes are visited in order with a mixed-radix counter.
    var strides = [Int](repeating: 1, count: axes.count)
    for dimension in axes.indices.dropLast().reversed() {
      strides[dimension] = strides[dimension + 1] * axes[dimension + 1].count
    }
    // contribution[slot][code]: the sum over the dimensions of that source.
    let contribution: [[Int]] = sources.indices.map { slot in
      (0..<extents[slot]).map { code in
        axes.indices.reduce(0) { sum, dimension in
          sourceOfDimension[dimension] == slot ? sum + axisIndex[dimension][code] * strides[dimension] : sum
        }
      }
    }
    var result = [Int](repeating: 0, count: cellCount)
    var codes = [Int](repeating: 0, count: sources.count)
    let last = sources.count - 1
    result.withUnsafeMutableBufferPointer { result in
      if last < 0 { return }
      let inner = contribution[last]
      var cell = 0
      while cell < cellCount {
        var base = 0
        for slot in 0..<last { base += contribution[slot][codes[slot]] }
        for code in 0..<extents[last] { result[cell + code] = base + inner[code] }
        cell += extents[last]
        // Advance the outer codes.
        var slot = last - 1
        while slot >= 0 {
          codes[slot] += 1
          if codes[slot] < extents[slot] { break }
          codes[slot] = 0
          slot -= 1
        }
      }
    }
    return result
  }

  /// The table cell of store row `row`.
  private func cell(ofRow row: Int, _ pointers: ColumnPointers) -> Int {
    var cell = 0
    for (slot, source) in sources.enumerated() {
      let code: Int
      switch source {
      case .origin: code = Int(pointers.origin[row])
      case .host: code = Int(pointers.host[row])
      case .kind: code = Int(pointers.kind[row])
      case .year: code = Int(pointers.year[row])
      }
      cell = cell * extents[slot] + (code - offsets[slot])
    }
    return cell
  }

  /// Counts incidents: one kernel pass, then the non-empty cells by label.
  func incidents(
    _ columns: IncidentColumns, threads: Int, tuning: KernelTuning
  ) -> DenseGrid<Int> {
    var table = [UInt64](repeating: 0, count: cellCount)
    columns.withColumnPointers { pointers in
      withKernelColumns(pointers, rows: 0..<columns.count) { kernelColumns in
        table.withUnsafeMutableBufferPointer { buffer in
          KernelRoute.count(
            kernelColumns, rows: columns.count, threads: threads, tuning: tuning, into: buffer)
        }
      }
    }
    // Cells of stored codes that share labels are added into one label cell of the grid.
    var dense = [Int](repeating: 0, count: labelCellCount)
    let labelCell = labelCells()
    for cell in 0..<cellCount where table[cell] != 0 { dense[labelCell[cell]] &+= Int(table[cell]) }
    return DenseGrid(axes: axes, values: dense)
  }

  /// Counts persons: per segment of rows, one pass of records by qualifier and one of the
  /// persons weights; then the overflow rows, and the non-empty cells by label.
  func persons(
    _ columns: IncidentColumns, threads: Int, tuning: KernelTuning
  ) -> DenseGrid<PersonsCell> {
    let qualifiers = PersonCountQualifier.allCases.count
    var records = [UInt64](repeating: 0, count: cellCount * qualifiers)
    var sums = [UInt64](repeating: 0, count: cellCount)
    let segment = Swift.min(KernelRoute.segmentRows, columns.count)
    let qualifier = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: segment)
    let weights = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: segment)
    defer {
      qualifier.deallocate()
      weights.deallocate()
    }
    columns.withColumnPointers { pointers in
      var start = 0
      while start < columns.count {
        let rows = start..<Swift.min(start + segment, columns.count)
        let groups = pointers.groups + rows.lowerBound
        let persons = pointers.persons + rows.lowerBound
        for row in 0..<rows.count {
          qualifier[row] = UInt8(truncatingIfNeeded: groups[row] &>> RowCodes.qualifierShift)
          let code = persons[row]
          weights[row] = code == RowCodes.overflowMarker ? 0 : UInt32(code)
        }
        let qualifierColumn = KernelColumn(
          UnsafeBufferPointer(rebasing: qualifier[0..<rows.count]), extent: qualifiers)
        let weightColumn = UnsafeBufferPointer(rebasing: weights[0..<rows.count])
        withKernelColumns(pointers, rows: rows) { kernelColumns in
          records.withUnsafeMutableBufferPointer { buffer in
            KernelRoute.count(
              kernelColumns + [qualifierColumn], rows: rows.count, threads: threads,
              tuning: tuning, into: buffer)
          }
          sums.withUnsafeMutableBufferPointer { buffer in
            KernelRoute.count(
              kernelColumns, rows: rows.count, weights: weightColumn, threads: threads,
              tuning: tuning, into: buffer)
          }
        }
        start = rows.upperBound
      }
      // Rows with 255 or more persons weigh 0 above; add their real counts.
      for (row, count) in columns.personsOverflow {
        sums[cell(ofRow: row, pointers)] &+= UInt64(count)
      }
    }
    // As for incidents: add the cells that share labels densely, then build the table.
    let labelCell = labelCells()
    var denseRecords = [UInt64](repeating: 0, count: labelCellCount * qualifiers)
    var denseSums = [UInt64](repeating: 0, count: labelCellCount)
    for cell in 0..<cellCount {
      let target = labelCell[cell]
      denseSums[target] &+= sums[cell]
      for code in 0..<qualifiers {
        denseRecords[target * qualifiers + code] &+= records[cell * qualifiers + code]
      }
    }
    let cells = (0..<labelCellCount).map { cell in
      var value = PersonsCell(knownSum: Int(denseSums[cell]))
      for (code, qualifier) in PersonCountQualifier.allCases.enumerated() {
        value[records: qualifier] = Int(denseRecords[cell * qualifiers + code])
      }
      return value
    }
    return DenseGrid(axes: axes, values: cells)
  }
}

extension ColumnPresence {
  /// The smallest and largest index whose bit is set (the bit set must not be empty).
  static func span(_ bits: [UInt64]) -> ClosedRange<Int> {
    let first = bits.firstIndex { $0 != 0 }!
    let last = bits.lastIndex { $0 != 0 }!
    return (first * 64 + bits[first].trailingZeroBitCount)...(last * 64 + 63
      - bits[last].leadingZeroBitCount)
  }
}
