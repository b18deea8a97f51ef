import Foundation

/// Plans and runs one count query over a columnar store.
///
/// A query without a filter and without the ethnic-group dimension takes the kernel route
/// (``KernelRoute``): ``CountingKernel`` counts the stored codes directly and the cells are
/// labelled afterwards. Every other query takes the general path described here.
///
/// Planning turns the query into *axes* (one per dimension, each with its labels in order) and,
/// for every stored column the query touches, a lookup table from the column's code to that
/// code's contribution to the cell index — or ``CountingCore/excluded`` when the filter rejects
/// it. The planner sizes each axis to the values that occur (using ``ColumnPresence``), so a
/// count by host over data with 40 hosts has 40 cells, not 250.
///
/// Passes (each one call of ``CountingCore/histogram(keys:weights:rows:cellCount:dense:threads:minimumRowsPerThread:)``):
/// - incidents: one pass;
/// - persons: one pass with a hidden last axis for the qualifier (records by qualifier), and one
///   weighted by the persons column (the known sum), corrected for the overflow rows.
///
/// The multi-valued ethnic-group dimension is counted in the same passes: its axis holds the
/// distinct *bit sets* of groups that occur (Uyghur; Uyghur and Kyrgyz; …), so each row still
/// lands in exactly one cell. Each bit set's cell is then added to the cell of every group it
/// names (the expanded cells) and, once, to the cells without the group axis (the cells counted
/// once).
internal struct CountExecution {
  let columns: IncidentColumns
  let query: CountQuery
  let threads: Int
  /// The fewest rows a thread is given, `nil` for each path's default (tests lower it to
  /// exercise threading on small data).
  var minimumRowsPerThread: Int?
  /// The largest table the general path counts densely (tests lower it to exercise the sparse
  /// path).
  var denseCellLimit = CountingCore.defaultDenseCellLimit
  /// Which queries take the kernel route (tests force one path to compare the two).
  var routing = Routing.automatic

  /// Which queries take the kernel route.
  enum Routing {
    /// Those the route can count, when its table is small for the rows.
    case automatic
    /// None: every query takes the general path.
    case generalOnly
    /// Every query the route can count, whatever the size of its table.
    case kernelWhenPossible
  }

  init(columns: IncidentColumns, query: CountQuery, threads: Int?) {
    self.columns = columns
    self.query = query
    self.threads = Swift.max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
  }

  // MARK: - Results

  /// The kernel route for this query, or `nil` for the general path.
  private var route: KernelRoute? {
    switch routing {
    case .automatic: KernelRoute(columns: columns, query: query)
    case .generalOnly: nil
    case .kernelWhenPossible: KernelRoute(columns: columns, query: query, anySize: true)
    }
  }

  /// The kernel's tuning: the thread split follows ``minimumRowsPerThread``.
  private var tuning: KernelTuning {
    var tuning = KernelTuning()
    if let minimumRowsPerThread { tuning.minimumRowsPerThread = minimumRowsPerThread }
    return tuning
  }

  func incidents() -> CountTable<Int> {
    if let route {
      return table(route.incidents(columns, threads: threads, tuning: tuning))
    }
    return count { plan, shape, add in
      run(plan, shape: shape, weighted: false).forEachNonZero { key, count in
        let decoded = plan.labels(of: key, shape: shape)
        add(decoded.labels, decoded.groupMask, Int(count))
      }
    }
  }

  func persons() -> CountTable<PersonsCell> {
    if let route {
      return table(route.persons(columns, threads: threads, tuning: tuning))
    }
    return count { plan, shape, add in
      let recordShape = plan.shape(axes: shape.axes, qualifierAxis: true)
      run(plan, shape: recordShape, weighted: false).forEachNonZero { key, count in
        let decoded = plan.labels(of: key, shape: recordShape)
        var cell = PersonsCell()
        cell[records: PersonCountQualifier.allCases[decoded.qualifier!]] = Int(count)
        add(decoded.labels, decoded.groupMask, cell)
      }
      run(plan, shape: shape, weighted: true).forEachNonZero { key, sum in
        let decoded = plan.labels(of: key, shape: shape)
        add(decoded.labels, decoded.groupMask, PersonsCell(knownSum: Int(sum)))
      }
    }
  }

  /// The table of the grid counted by the kernel route (no multi-valued dimension).
  private func table<Value: CountTableValue>(_ grid: DenseGrid<Value>) -> CountTable<Value> {
    CountTable(dimensions: query.dimensions, grid: grid, total: grid.values.reduce(Value.zero, +))
  }

  /// Plans the query, lets `passes` run the kernel and report each cell (labels, the
  /// ethnic-group bit set when counting by group, and the value), and assembles the table:
  /// a bit set's cell goes, once, to the cells counted once, and to the cell of every group it
  /// names.
  private func count<Value: CountTableValue>(
    _ passes: (CountPlan, CountShape, (_ labels: [DimensionValue], _ groupMask: UInt16?, _ value: Value) -> Void) -> Void
  ) -> CountTable<Value> {
    let plan = CountPlan(columns: columns, query: query)
    let dimensions = query.dimensions
    let groupAxis = dimensions.firstIndex(where: \.isMultiValued)
    var cells: [[DimensionValue]: Value] = [:]
    var once: [[DimensionValue]: Value]? = groupAxis == nil ? nil : [:]
    if columns.count > 0, plan.hasRows(for: dimensions) {
      let shape = plan.shape(axes: dimensions, qualifierAxis: false)
      passes(plan, shape) { labels, mask, value in
        guard let groupAxis, let mask else {
          cells.add(value, at: labels)
          return
        }
        var key = labels
        key.remove(at: groupAxis)
        once!.add(value, at: key)
        key = labels
        for group in plan.groups(in: mask) {
          key[groupAxis] = .ethnicGroup(group)
          cells.add(value, at: key)
        }
      }
    }
    let total = (once ?? cells).values.reduce(Value.zero, +)
    return CountTable(unchecked: dimensions, storage: cells, countedOnce: once, total: total)
  }

  // MARK: - Passes

  /// Builds the key columns of a pass and runs the kernel over every row.
  private func run(_ plan: CountPlan, shape: CountShape, weighted: Bool) -> CountingCore.Cells {
    let tables = plan.contributionTables(shape: shape)
    let dense = shape.cellCount <= UInt64(denseCellLimit)
    return columns.withColumnPointers { pointers in
      withContributionPointers(tables) { contributions in
        var keys: [CountingCore.KeyColumn] = []
        if let table = contributions.origin {
          keys.append(.init(codes: .bytes(pointers.origin), contributions: table))
        }
        if let table = contributions.host {
          keys.append(.init(codes: .bytes(pointers.host), contributions: table))
        }
        if let table = contributions.kind {
          keys.append(.init(codes: .bytes(pointers.kind), contributions: table))
        }
        if let table = contributions.year {
          keys.append(.init(codes: .words(pointers.year), offset: plan.yearMin, contributions: table))
        }
        if let table = contributions.groups {
          keys.append(
            .init(codes: .words(pointers.groups), mask: RowCodes.groupBits, contributions: table))
        }
        if let table = contributions.qualifier {
          keys.append(
            .init(
              codes: .words(pointers.groups), shift: RowCodes.qualifierShift, mask: 0x7,
              contributions: table))
        }
        guard weighted else {
          return CountingCore.histogram(
            keys: keys, weights: nil, rows: 0..<columns.count, cellCount: Int(shape.cellCount),
            dense: dense, threads: threads,
            minimumRowsPerThread: minimumRowsPerThread ?? CountingCore.defaultMinimumRowsPerThread)
        }
        return PersonsWeights.table.withUnsafeBufferPointer { weightTable in
          let weights = CountingCore.WeightColumn(
            codes: pointers.persons, weights: weightTable.baseAddress!)
          var cells = CountingCore.histogram(
            keys: keys, weights: weights, rows: 0..<columns.count,
            cellCount: Int(shape.cellCount), dense: dense, threads: threads,
            minimumRowsPerThread: minimumRowsPerThread ?? CountingCore.defaultMinimumRowsPerThread)
          // Rows with 255 or more persons weigh 0 above; add their real counts.
          for (row, persons) in columns.personsOverflow {
            let key = CountingCore.key(of: row, keys: keys)
            guard key < shape.cellCount else { continue }
            cells.add(UInt64(persons), at: key)
          }
          return cells
        }
      }
    }
  }
}

/// The persons weight of each `persons` code: the code itself, and 0 for the overflow marker.
private enum PersonsWeights {
  static let table: [UInt64] = (0..<256).map { $0 == Int(RowCodes.overflowMarker) ? 0 : UInt64($0) }
}

extension CountingCore.Cells {
  /// Adds `value` to cell `key`.
  mutating func add(_ value: UInt64, at key: UInt64) {
    switch self {
    case .dense(var cells):
      self = .sparse([:])  // release the reference so the array is mutated in place
      cells[Int(key)] &+= value
      self = .dense(cells)
    case .sparse(var cells):
      self = .sparse([:])
      cells[key, default: 0] &+= value
      self = .sparse(cells)
    }
  }
}

/// Raw pointers to the columns, valid inside ``IncidentColumns/withColumnPointers(_:)``.
internal struct ColumnPointers {
  let origin: UnsafePointer<UInt8>
  let host: UnsafePointer<UInt8>
  let kind: UnsafePointer<UInt8>
  let year: UnsafePointer<UInt16>
  let groups: UnsafePointer<UInt16>
  let persons: UnsafePointer<UInt8>
}

extension IncidentColumns {
  /// Calls `body` with pointers to every column. The store must not be empty.
  func withColumnPointers<Result>(_ body: (ColumnPointers) -> Result) -> Result {
    origin.withUnsafeBufferPointer { origin in
      host.withUnsafeBufferPointer { host in
        kind.withUnsafeBufferPointer { kind in
          year.withUnsafeBufferPointer { year in
            groups.withUnsafeBufferPointer { groups in
              persons.withUnsafeBufferPointer { persons in
                body(
                  ColumnPointers(
                    origin: origin.baseAddress!, host: host.baseAddress!, kind: kind.baseAddress!,
                    year: year.baseAddress!, groups: groups.baseAddress!,
                    persons: persons.baseAddress!))
              }
            }
          }
        }
      }
    }
  }
}

/// Pointers to the contribution tables of one pass.
private struct ContributionPointers {
  var origin: UnsafePointer<UInt64>?
  var host: UnsafePointer<UInt64>?
  var kind: UnsafePointer<UInt64>?
  var year: UnsafePointer<UInt64>?
  var groups: UnsafePointer<UInt64>?
  var qualifier: UnsafePointer<UInt64>?
}

private func withContributionPointers<Result>(
  _ tables: ContributionTables, _ body: (ContributionPointers) -> Result
) -> Result {
  func pointer(_ table: [UInt64]?, _ next: (UnsafePointer<UInt64>?) -> Result) -> Result {
    guard let table else { return next(nil) }
    return table.withUnsafeBufferPointer { next($0.baseAddress!) }
  }
  return pointer(tables.origin) { origin in
    pointer(tables.host) { host in
      pointer(tables.kind) { kind in
        pointer(tables.year) { year in
          pointer(tables.groups) { groups in
            pointer(tables.qualifier) { qualifier in
              body(
                ContributionPointers(
                  origin: origin, host: host, kind: kind, year: year, groups: groups,
                  qualifier: qualifier))
            }
          }
        }
      }
    }
  }
}
