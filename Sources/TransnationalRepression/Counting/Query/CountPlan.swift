/// The axes of a count: which labels each dimension has, and how each stored code maps to them.
///
/// Built once per query from the store's ``ColumnPresence`` and the filter. An axis holds only
/// the values that occur and pass the filter (for years: every year between the first and the
/// last that passes), in label order.
internal struct CountPlan {
  /// The first year of the store; year codes are `year - yearMin`.
  let yearMin: Int
  /// The number of years from the first to the last.
  let yearCount: Int
  /// Whether each country index passes the origin filter.
  private let originAllowed: [Bool]
  /// Whether each country index passes the host and region filters.
  private let hostAllowed: [Bool]
  /// Whether each kind code passes the category and mode filters.
  private let kindAllowed: [Bool]
  /// Whether each year code passes the year filter.
  private let yearAllowed: [Bool]
  /// The ethnic-group bits an incident must share to pass, when groups are filtered.
  private let groupFilter: UInt16?
  /// Whether the filter restricts each column.
  private let filtersOrigin, filtersHost, filtersKind, filtersYear: Bool
  /// The groups that occur and pass the filter, in order: the ethnic-group labels.
  let groups: [EthnicGroup]
  /// The ethnic-group bit sets that occur and pass the filter: the codes of the ethnic-group
  /// axis. A count by ethnic group counts by bit set in one pass, then adds each bit set's cells
  /// to the cell of every group it names (and, once, to the cells counted once).
  let groupMasks: [UInt16]
  /// The groups a bit set is expanded into: those that pass the filter.
  let allowedGroupBits: UInt16

  /// Each dimension's labels, in order.
  private var axisLabels: [CountDimension: [DimensionValue]] = [:]
  /// Axis code of each raw code (−1 when the value is not on the axis).
  private var originCode = [Int](repeating: -1, count: 256)
  private var hostCode = [Int](repeating: -1, count: 256)
  private var regionCode = [Int](repeating: -1, count: 256)
  private var categoryCode = [Int](repeating: -1, count: 256)
  private var modeCode = [Int](repeating: -1, count: 256)
  private var yearCode: [Int]
  private var phaseCode: [Int]
  private var maskCode = [Int](repeating: -1, count: RowCodes.groupMaskCount)

  init(columns: IncidentColumns, query: CountQuery) {
    let filter = query.filter
    let presence = columns.presence
    let empty = columns.count == 0
    yearMin = empty ? 0 : Int(presence.yearMin)
    yearCount = empty ? 0 : Int(presence.yearMax) - Int(presence.yearMin) + 1

    originAllowed = (0..<256).map { index in
      guard index < Country.count else { return false }
      return filter.origins?.contains(Country(index: index)!) ?? true
    }
    hostAllowed = (0..<256).map { index in
      guard let country = Country(index: index) else { return false }
      return (filter.hosts?.contains(country) ?? true)
        && (filter.regions?.contains(country.region) ?? true)
    }
    kindAllowed = (0..<256).map { code in
      guard code < IncidentKind.columnCodeCount else { return false }
      return (filter.categories?.contains(IncidentKind.categoryOfColumnCode[code]) ?? true)
        && (filter.modes?.contains(IncidentKind.allModes[code]) ?? true)
    }
    let yearMin = self.yearMin
    yearAllowed = (0..<yearCount).map { filter.years?.contains(yearMin + $0) ?? true }
    groupFilter = filter.ethnicGroups.map { groups in
      groups.reduce(UInt16(0)) { $0 | 1 << UInt16($1.code) }
    }
    filtersOrigin = filter.origins != nil
    filtersHost = filter.hosts != nil || filter.regions != nil
    filtersKind = filter.categories != nil || filter.modes != nil
    filtersYear = filter.years != nil
    groups = EthnicGroup.allCases.filter { group in
      presence.groups & (1 << UInt16(group.code)) != 0
        && (filter.ethnicGroups?.contains(group) ?? true)
    }
    allowedGroupBits = groupFilter ?? RowCodes.groupBits
    let groupFilter = self.groupFilter
    groupMasks = (0..<RowCodes.groupMaskCount).map { UInt16($0) }.filter { mask in
      ColumnPresence.contains(presence.groupMasks, Int(mask))
        && (groupFilter.map { mask & $0 != 0 } ?? true)
    }
    yearCode = [Int](repeating: -1, count: yearCount)
    phaseCode = [Int](repeating: -1, count: yearCount)

    // Origins and hosts that occur and pass.
    var origins: [DimensionValue] = []
    var hosts: [DimensionValue] = []
    var regions = Set<Region>()
    for index in 0..<Country.count {
      if ColumnPresence.contains(presence.origins, index) && originAllowed[index] {
        originCode[index] = origins.count
        origins.append(.country(Country(index: index)!))
      }
      if ColumnPresence.contains(presence.hosts, index) && hostAllowed[index] {
        hostCode[index] = hosts.count
        hosts.append(.country(Country(index: index)!))
        regions.insert(Country(index: index)!.region)
      }
    }
    let regionLabels = regions.sorted()
    for index in 0..<Country.count where hostCode[index] >= 0 {
      regionCode[index] = regionLabels.firstIndex(of: Country(index: index)!.region)!
    }

    // Kinds: categories and modes.
    var categories = Set<IncidentCategory>()
    var modes = Set<String>()
    let presentKinds = (0..<IncidentKind.columnCodeCount).filter {
      presence.kinds & (1 << UInt32($0)) != 0 && kindAllowed[$0]
    }
    for code in presentKinds {
      categories.insert(IncidentKind.categoryOfColumnCode[code])
      modes.insert(IncidentKind.allModes[code])
    }
    let categoryLabels = categories.sorted()
    let modeLabels = modes.map { DimensionValue.mode($0) }.sorted()
    for code in presentKinds {
      categoryCode[code] = categoryLabels.firstIndex(of: IncidentKind.categoryOfColumnCode[code])!
      modeCode[code] = modeLabels.firstIndex(of: .mode(IncidentKind.allModes[code]))!
    }

    // Years and phases.
    var years: [DimensionValue] = []
    var phases = Set<Int>()  // phase index, or −1 for none
    let periodization = query.periodization
    for code in 0..<yearCount where yearAllowed[code] {
      yearCode[code] = years.count
      years.append(.year(yearMin + code))
      phases.insert(periodization.phaseIndex(containing: yearMin + code) ?? -1)
    }
    let phaseLabels = phases.map { DimensionValue.phase($0 < 0 ? nil : periodization.phases[$0]) }
      .sorted()
    for code in 0..<yearCount where yearAllowed[code] {
      let index = periodization.phaseIndex(containing: yearMin + code)
      phaseCode[code] = phaseLabels.firstIndex(of: .phase(index.map { periodization.phases[$0] }))!
    }

    for (position, mask) in groupMasks.enumerated() { maskCode[Int(mask)] = position }

    axisLabels = [
      .origin: origins, .host: hosts, .region: regionLabels.map { .region($0) },
      .category: categoryLabels.map { .category($0) }, .mode: modeLabels, .year: years,
      .phase: phaseLabels, .ethnicGroup: groups.map { .ethnicGroup($0) },
    ]
  }

  /// Whether every axis of `dimensions` has at least one label (else nothing can be counted).
  func hasRows(for dimensions: [CountDimension]) -> Bool {
    dimensions.allSatisfy { !(axisLabels[$0] ?? []).isEmpty } && yearCount > 0
      && !groupMasks.isEmpty
  }

  /// The groups a bit set counts under: the groups it names that pass the filter.
  func groups(in mask: UInt16) -> [EthnicGroup] {
    groups.filter { mask & allowedGroupBits & (1 << UInt16($0.code)) != 0 }
  }

  /// The shape of a pass over `axes`, with a hidden last axis for the persons qualifier.
  func shape(axes: [CountDimension], qualifierAxis: Bool) -> CountShape {
    var extents = axes.map { $0 == .ethnicGroup ? groupMasks.count : axisLabels[$0]!.count }
    if qualifierAxis { extents.append(PersonCountQualifier.allCases.count) }
    var strides = [UInt64](repeating: 1, count: extents.count)
    var cells: UInt64 = 1
    for index in extents.indices.reversed() {
      strides[index] = cells
      let (product, overflow) = cells.multipliedReportingOverflow(by: UInt64(extents[index]))
      precondition(!overflow && product <= CountingCore.maximumCellCount, "count table too large")
      cells = product
    }
    return CountShape(
      axes: axes, extents: extents, strides: strides, qualifierAxis: qualifierAxis,
      cellCount: cells)
  }

  /// The labels of cell `key`, with the ethnic-group bit set (its label is a placeholder, to be
  /// expanded) and the qualifier code, when the shape has those axes.
  func labels(
    of key: UInt64, shape: CountShape
  ) -> (labels: [DimensionValue], groupMask: UInt16?, qualifier: Int?) {
    var rest = key
    var codes = [Int](repeating: 0, count: shape.extents.count)
    for index in shape.extents.indices.reversed() {
      let extent = UInt64(shape.extents[index])
      codes[index] = Int(rest % extent)
      rest /= extent
    }
    var mask: UInt16?
    let labels = shape.axes.enumerated().map { position, dimension -> DimensionValue in
      guard dimension == .ethnicGroup else { return axisLabels[dimension]![codes[position]] }
      mask = groupMasks[codes[position]]
      return .ethnicGroup(.other)
    }
    return (labels, mask, shape.qualifierAxis ? codes.last! : nil)
  }

  /// The contribution tables of a pass: for each column the pass reads, code → contribution.
  func contributionTables(shape: CountShape) -> ContributionTables {
    let excluded = CountingCore.excluded
    func stride(_ dimension: CountDimension) -> UInt64? {
      shape.axes.firstIndex(of: dimension).map { shape.strides[$0] }
    }
    /// A table over `count` codes: excluded unless allowed and on every axis it feeds.
    func table(
      count: Int, allowed: [Bool], axes: [(UInt64?, [Int])]
    ) -> [UInt64] {
      (0..<count).map { code in
        guard allowed[code] else { return excluded }
        var sum: UInt64 = 0
        for (stride, codes) in axes {
          guard let stride else { continue }
          guard codes[code] >= 0 else { return excluded }
          sum += UInt64(codes[code]) * stride
        }
        return sum
      }
    }
    var tables = ContributionTables()
    let originStride = stride(.origin)
    if originStride != nil || filtersOrigin {
      tables.origin = table(count: 256, allowed: originAllowed, axes: [(originStride, originCode)])
    }
    let hostStride = stride(.host)
    let regionStride = stride(.region)
    if hostStride != nil || regionStride != nil || filtersHost {
      tables.host = table(
        count: 256, allowed: hostAllowed, axes: [(hostStride, hostCode), (regionStride, regionCode)])
    }
    let categoryStride = stride(.category)
    let modeStride = stride(.mode)
    if categoryStride != nil || modeStride != nil || filtersKind {
      tables.kind = table(
        count: 256, allowed: kindAllowed,
        axes: [(categoryStride, categoryCode), (modeStride, modeCode)])
    }
    let yearStride = stride(.year)
    let phaseStride = stride(.phase)
    if yearStride != nil || phaseStride != nil || filtersYear {
      tables.year = table(
        count: yearCount, allowed: yearAllowed,
        axes: [(yearStride, yearCode), (phaseStride, phaseCode)])
    }
    if let groupStride = stride(.ethnicGroup) {
      tables.groups = (0..<RowCodes.groupMaskCount).map { mask in
        maskCode[mask] >= 0 ? UInt64(maskCode[mask]) * groupStride : excluded
      }
    } else if let groupFilter {
      tables.groups = (0..<RowCodes.groupMaskCount).map { mask in UInt16(mask) & groupFilter != 0 ? 0 : excluded }
    }
    if shape.qualifierAxis {
      let count = PersonCountQualifier.allCases.count
      tables.qualifier = (0..<8).map { $0 < count ? UInt64($0) : excluded }
    }
    return tables
  }
}

/// The axes of one pass: their extents and strides (row-major, first axis slowest).
internal struct CountShape {
  let axes: [CountDimension]
  /// One extent per axis, plus the qualifier axis's when present.
  let extents: [Int]
  let strides: [UInt64]
  let qualifierAxis: Bool
  let cellCount: UInt64
}

/// The contribution tables of one pass, `nil` for columns the pass does not read.
internal struct ContributionTables {
  var origin: [UInt64]?
  var host: [UInt64]?
  var kind: [UInt64]?
  var year: [UInt64]?
  var groups: [UInt64]?
  var qualifier: [UInt64]?
}
