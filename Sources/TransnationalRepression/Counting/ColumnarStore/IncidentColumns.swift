/// The columnar store every count runs on: eight bytes of small integer codes per incident.
///
/// `IncidentColumns` is built once from an ``IncidentDataset`` (or directly by
/// ``SyntheticIncidents/columns(count:threads:)``) and then answers any number of count queries in
/// one pass each. Each record becomes six codes:
///
/// | column | type | code |
/// | --- | --- | --- |
/// | origin | `UInt8` | ``Country/index`` of the origin state (250 countries fit) |
/// | host | `UInt8` | ``Country/index`` of the host country |
/// | kind | `UInt8` | position of the mode in ``IncidentKind/allModes``, which implies the category |
/// | year | `UInt16` | the calendar year |
/// | groups | `UInt16` | bit *i* set when the record names the ``EthnicGroup`` with code *i*; the top three bits hold the position of the ``PersonCountQualifier`` in `allCases` |
/// | persons | `UInt8` | the number of persons, 0 when unknown (the qualifier says so); `0xFF` means 255 or more, looked up in a sparse overflow table |
///
/// Region, phase and category are not stored: they are derived from host, year and kind through
/// small lookup tables when a query needs them. The detention outcome, the date's month and day,
/// the gender, sources, notes and names are not stored either: no count uses them.
///
/// ```swift
/// let columns = IncidentColumns(IncidentDataset.documentedSample)
/// columns.count                          // 81
/// IncidentColumns.bytesPerIncident       // 8
/// let byHost = try columns.countIncidents(CountQuery(by: [.host]))
/// ```
///
/// ## Memory
///
/// The fixed columns take exactly ``bytesPerIncident`` (8) bytes per incident. A record with 255
/// or more persons also takes an entry in the overflow table (``overflowCount``, about 16 bytes
/// each plus the dictionary's slack); the bundled sample has none, and the synthetic generator
/// makes about one in 540. ``storageBytes`` reports the total.
///
/// - Complexity: Building is O(*n*) time and 8*n* bytes (plus the overflow entries).
public struct IncidentColumns: Hashable, Sendable {
  /// Origin state, ``Country/index``.
  @usableFromInline internal var origin: [UInt8]
  /// Host country, ``Country/index``.
  @usableFromInline internal var host: [UInt8]
  /// Position of the mode in ``IncidentKind/allModes``.
  @usableFromInline internal var kind: [UInt8]
  /// Calendar year.
  @usableFromInline internal var year: [UInt16]
  /// Ethnic-group bits (0–9) and the persons qualifier (bits 13–15).
  @usableFromInline internal var groups: [UInt16]
  /// Persons, with `0xFF` meaning "see ``personsOverflow``".
  @usableFromInline internal var persons: [UInt8]
  /// Row → persons for the rows whose `persons` code is `0xFF` (255 or more persons).
  @usableFromInline internal var personsOverflow: [Int: Int]
  /// What occurs in the columns, for sizing count tables.
  @usableFromInline internal var presence: ColumnPresence

  /// The number of bytes each incident takes in the fixed columns: 1 (origin) + 1 (host) +
  /// 1 (kind) + 2 (year) + 2 (groups and qualifier) + 1 (persons) = 8.
  ///
  /// Records with 255 or more persons also take an overflow entry; see ``storageBytes``.
  ///
  /// ```swift
  /// IncidentColumns.bytesPerIncident   // 8
  /// ```
  ///
  /// - Complexity: O(1).
  public static let bytesPerIncident =
    MemoryLayout<UInt8>.size * 4 + MemoryLayout<UInt16>.size * 2

  /// The number of incidents.
  ///
  /// - Complexity: O(1).
  public var count: Int { year.count }

  /// The number of incidents with 255 or more persons, whose count lives in the overflow table.
  ///
  /// - Complexity: O(1).
  public var overflowCount: Int { personsOverflow.count }

  /// The bytes the store holds: ``bytesPerIncident`` × ``count`` for the fixed columns plus
  /// 16 bytes (a row and a count) per overflow entry.
  ///
  /// Array and dictionary capacity slack is not included.
  ///
  /// ```swift
  /// let columns = IncidentColumns(IncidentDataset.documentedSample)
  /// columns.storageBytes   // 648: 81 incidents × 8 bytes, no overflow
  /// ```
  ///
  /// - Complexity: O(1).
  public var storageBytes: Int {
    IncidentColumns.bytesPerIncident * count + 2 * MemoryLayout<Int>.size * overflowCount
  }

  /// The first and last year of the incidents, or `nil` when there are none.
  ///
  /// - Complexity: O(1).
  public var years: ClosedRange<Int>? {
    count == 0 ? nil : Int(presence.yearMin)...Int(presence.yearMax)
  }

  /// Builds the columns of a dataset.
  ///
  /// ```swift
  /// let columns = IncidentColumns(IncidentDataset.documentedSample)
  /// ```
  ///
  /// - Parameter dataset: The validated records.
  /// - Complexity: O(*n*) for *n* incidents.
  public init(_ dataset: IncidentDataset) {
    self.init(dataset.incidents)
  }

  /// Builds the columns of a list of incidents.
  ///
  /// The incidents need not form a valid dataset (ids may repeat): each element is one row.
  ///
  /// - Parameter incidents: The records.
  /// - Complexity: O(*n*) for *n* incidents.
  public init(_ incidents: [Incident]) {
    let n = incidents.count
    var builder = ColumnBuilder(capacity: n)
    for (row, incident) in incidents.enumerated() {
      let codes = RowCodes(incident)
      builder.append(codes, row: row)
    }
    self = builder.finish()
  }

  /// Assembles columns from arrays already filled (the synthetic generator).
  @usableFromInline
  internal init(
    origin: [UInt8], host: [UInt8], kind: [UInt8], year: [UInt16], groups: [UInt16],
    persons: [UInt8], personsOverflow: [Int: Int], presence: ColumnPresence
  ) {
    self.origin = origin
    self.host = host
    self.kind = kind
    self.year = year
    self.groups = groups
    self.persons = persons
    self.personsOverflow = personsOverflow
    self.presence = presence
  }

  /// The codes of one row, decoded (for tests and checks).
  internal func codes(at row: Int) -> RowCodes {
    let personsCode = persons[row]
    return RowCodes(
      origin: origin[row], host: host[row], kind: kind[row], year: year[row],
      groups: groups[row],
      persons: personsCode == RowCodes.overflowMarker ? personsOverflow[row]! : Int(personsCode))
  }
}

/// The codes of one incident, before they are stored.
@usableFromInline
internal struct RowCodes: Hashable, Sendable {
  /// The `persons` code that sends a reader to the overflow table.
  @usableFromInline static let overflowMarker: UInt8 = 0xFF
  /// The bit position of the persons qualifier in the `groups` code.
  @usableFromInline static let qualifierShift: UInt16 = 13
  /// The ethnic-group bits of the `groups` code.
  @usableFromInline static let groupBits: UInt16 = 0x07FF
  /// How many distinct ethnic-group bit sets there are (2,048: eleven groups).
  @usableFromInline static let groupMaskCount = Int(groupBits) + 1

  @usableFromInline var origin: UInt8
  @usableFromInline var host: UInt8
  @usableFromInline var kind: UInt8
  @usableFromInline var year: UInt16
  @usableFromInline var groups: UInt16
  /// The number of persons (0 when unknown), not yet split into code and overflow.
  @usableFromInline var persons: Int

  @usableFromInline
  init(origin: UInt8, host: UInt8, kind: UInt8, year: UInt16, groups: UInt16, persons: Int) {
    self.origin = origin
    self.host = host
    self.kind = kind
    self.year = year
    self.groups = groups
    self.persons = persons
  }

  init(_ incident: Incident) {
    var mask: UInt16 = 0
    for group in incident.ethnicGroups { mask |= 1 << UInt16(group.code) }
    let qualifier = UInt16(incident.persons.qualifier.columnCode)
    self.init(
      origin: UInt8(truncatingIfNeeded: incident.origin.index),
      host: UInt8(truncatingIfNeeded: incident.host.index),
      kind: incident.kind.columnCode,
      year: UInt16(truncatingIfNeeded: incident.date.year),
      groups: mask | qualifier << RowCodes.qualifierShift,
      persons: incident.persons.value ?? 0)
  }

  /// The qualifier's position in `PersonCountQualifier.allCases`.
  var qualifierCode: Int { Int(groups >> RowCodes.qualifierShift) }
}

/// What values occur in a store: used to size dense count tables to the data.
@usableFromInline
internal struct ColumnPresence: Hashable, Sendable {
  /// Bit *i* set when country index *i* occurs as origin (4 × 64 bits).
  @usableFromInline var origins: [UInt64] = [0, 0, 0, 0]
  /// Bit *i* set when country index *i* occurs as host.
  @usableFromInline var hosts: [UInt64] = [0, 0, 0, 0]
  /// Bit *k* set when kind code *k* occurs.
  @usableFromInline var kinds: UInt32 = 0
  /// The union of every row's ethnic-group bits.
  @usableFromInline var groups: UInt16 = 0
  /// Bit *m* set when some row's ethnic-group bits are exactly *m* (2,048 bits).
  @usableFromInline var groupMasks: [UInt64] = Array(repeating: 0, count: RowCodes.groupMaskCount / 64)
  /// The smallest and largest year (meaningless when there are no rows).
  @usableFromInline var yearMin: UInt16 = .max
  @usableFromInline var yearMax: UInt16 = 0

  @usableFromInline init() {}

  @inlinable
  mutating func note(origin: UInt8, host: UInt8, kind: UInt8, year: UInt16, groups: UInt16) {
    origins[Int(origin >> 6)] |= 1 << UInt64(origin & 63)
    hosts[Int(host >> 6)] |= 1 << UInt64(host & 63)
    kinds |= 1 << UInt32(kind)
    let mask = groups & RowCodes.groupBits
    self.groups |= mask
    groupMasks[Int(mask >> 6)] |= 1 << UInt64(mask & 63)
    yearMin = Swift.min(yearMin, year)
    yearMax = Swift.max(yearMax, year)
  }

  /// The union of two presences (for stores built in parts).
  mutating func formUnion(_ other: ColumnPresence) {
    for word in 0..<4 {
      origins[word] |= other.origins[word]
      hosts[word] |= other.hosts[word]
    }
    for word in groupMasks.indices { groupMasks[word] |= other.groupMasks[word] }
    kinds |= other.kinds
    groups |= other.groups
    yearMin = Swift.min(yearMin, other.yearMin)
    yearMax = Swift.max(yearMax, other.yearMax)
  }

  static func contains(_ bits: [UInt64], _ index: Int) -> Bool {
    bits[index >> 6] & (1 << UInt64(index & 63)) != 0
  }
}

/// Appends rows to the columns one at a time.
internal struct ColumnBuilder {
  var origin: [UInt8] = []
  var host: [UInt8] = []
  var kind: [UInt8] = []
  var year: [UInt16] = []
  var groups: [UInt16] = []
  var persons: [UInt8] = []
  var overflow: [Int: Int] = [:]
  var presence = ColumnPresence()

  init(capacity: Int) {
    origin.reserveCapacity(capacity)
    host.reserveCapacity(capacity)
    kind.reserveCapacity(capacity)
    year.reserveCapacity(capacity)
    groups.reserveCapacity(capacity)
    persons.reserveCapacity(capacity)
  }

  mutating func append(_ codes: RowCodes, row: Int) {
    origin.append(codes.origin)
    host.append(codes.host)
    kind.append(codes.kind)
    year.append(codes.year)
    groups.append(codes.groups)
    if codes.persons >= Int(RowCodes.overflowMarker) {
      persons.append(RowCodes.overflowMarker)
      overflow[row] = codes.persons
    } else {
      persons.append(UInt8(codes.persons))
    }
    presence.note(
      origin: codes.origin, host: codes.host, kind: codes.kind, year: codes.year,
      groups: codes.groups)
  }

  func finish() -> IncidentColumns {
    IncidentColumns(
      origin: origin, host: host, kind: kind, year: year, groups: groups, persons: persons,
      personsOverflow: overflow, presence: presence)
  }
}

// MARK: - Codes of model values

extension IncidentKind {
  /// The number of kind codes: the length of ``allModes`` (19; they fit the `UInt32` kind bitset
  /// of `ColumnPresence`).
  @usableFromInline static let columnCodeCount = allModes.count

  /// The position of this kind's mode in ``allModes``: the first eleven tactics, then detention,
  /// then return modes (so `"unspecified"` has one code per category), then the tactics added
  /// later.
  @usableFromInline
  var columnCode: UInt8 {
    switch self {
    case .intimidation(let tactic): UInt8(IncidentKind.tacticCodes[tactic]!)
    case .detention: UInt8(IncidentKind.originalTacticCount)
    case .extradition(let mode):
      UInt8(IncidentKind.originalTacticCount + 1 + IncidentKind.returnModeCodes[mode]!)
    }
  }

  /// Each tactic's code: its position for the first eleven, after the return modes for the rest.
  private static let tacticCodes: [IntimidationTactic: Int] = Dictionary(
    uniqueKeysWithValues: IntimidationTactic.allCases.enumerated().map { position, tactic in
      (
        tactic,
        position < originalTacticCount ? position : position + 1 + ReturnMode.allCases.count
      )
    })
  private static let returnModeCodes: [ReturnMode: Int] = Dictionary(
    uniqueKeysWithValues: ReturnMode.allCases.enumerated().map { ($1, $0) })

  /// A representative kind for each code (detentions with an unknown outcome).
  static let kindOfColumnCode: [IncidentKind] =
    IntimidationTactic.allCases.prefix(originalTacticCount).map { IncidentKind.intimidation($0) }
    + [.detention(.unknown)] + ReturnMode.allCases.map { IncidentKind.extradition($0) }
    + IntimidationTactic.allCases.dropFirst(originalTacticCount).map { IncidentKind.intimidation($0) }

  /// The category of each kind code.
  @usableFromInline static let categoryOfColumnCode: [IncidentCategory] = kindOfColumnCode.map(\.category)
}

extension PersonCountQualifier {
  /// The qualifier's position in `allCases` (exact 0, at least 1, about 2, up to 3, unknown 4).
  @usableFromInline
  var columnCode: Int {
    switch self {
    case .exact: 0
    case .atLeast: 1
    case .about: 2
    case .upTo: 3
    case .unknown: 4
    }
  }
}
