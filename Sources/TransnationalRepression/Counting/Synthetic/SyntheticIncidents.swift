import Dispatch
import Foundation

/// A seeded generator of synthetic incidents, calibrated to the published figures and labelled
/// synthetic in every record.
///
/// For benchmarks, scale tests and the test suites of packages that use this library: the same
/// seed always gives the same records, and record *i* depends only on the seed and *i*, so a
/// dataset of 1,000 records is the prefix of the dataset of 1,000,000, and
/// ``columns(count:threads:)`` fills 10⁸ rows on every core without building the records.
///
/// ```swift
/// let generator = SyntheticIncidents(seed: 42)
/// let dataset = generator.dataset(count: 5_000)        // IncidentDataset
/// let columns = generator.columns(count: 100_000_000)  // IncidentColumns, 800 MB
/// dataset[0].id                                        // "SYN-42-0"
/// dataset[0].sources[0].title   // "SYNTHETIC — TransnationalRepression.SyntheticIncidents(seed: 42), not real events"
/// ```
///
/// ## Randomness: counter-based SplitMix64
///
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014, [doi:10.1145/2660193.2660195](https://doi.org/10.1145/2660193.2660195); constants
/// from Vigna's [splitmix64.c](https://prng.di.unimi.it/splitmix64.c)) adds γ =
/// `0x9E3779B97F4A7C15` to its state and mixes the state. Output *k* (from 0) of the generator
/// seeded with *s* is therefore a function of *s* and *k* alone:
///
/// ```
/// z = s + (k + 1) · γ                          (mod 2⁶⁴)
/// z = (z ⊕ (z >> 30)) · 0xBF58476D1CE4E5B9
/// z = (z ⊕ (z >> 27)) · 0x94D049BB133111EB
/// output = z ⊕ (z >> 31)
/// ```
///
/// Record *i* uses outputs 8*i* + *j*: *j* = 0 category and mode, 1 phase and year, 2 host and
/// origin, 3 persons band, qualifier and group, 4 date, 5 persons within the band and a second
/// group (6 and 7 are spare), so rows can be generated in any order and on any thread. Choices with weights compare 16 or 32 bits of an output with cumulative thresholds;
/// uniform choices use the multiply-shift `(bits32 × n) >> 32`. `Benchmarks/Peers/gen.py` builds its
/// rows the same way (one output per row).
///
/// ## Labelled synthetic
///
/// Every record's id starts with `SYN-`, its only source is titled "SYNTHETIC —
/// TransnationalRepression.SyntheticIncidents(seed: *s*), not real events", and its notes say it is
/// synthetic. Synthetic records are not observations and must never be presented as data.
///
/// ## Calibration
///
/// What can be calibrated comes from the bundled figures (``Calibration/published``), computed when
/// first used, not typed in:
///
/// - **categories** in the proportions of Great Wall of Steel's 5,532 intimidation cases, 1,150
///   detentions and 424 returns (``PublishedFigure/greatWallOfSteel(_:)``);
/// - **phases** in the proportions of its 84, 126 and 1,364 people detained or returned in
///   1997–2007, 2008–2013 and 2014–; the year is uniform within the phase, the last phase running
///   to 2025;
/// - **host regions**: the Middle East and North Africa and South Asia in the proportions of their
///   689 and 668 of the 1,574 detention and return cases, the other 217 spread over the other
///   regions; within a region, hosts are weighted by UHRP's Uyghur population estimate
///   (``UyghurDiasporaEstimate``, using ``PopulationEstimate/representativeValue``);
/// - **return modes** in the proportions of the 108 deportations, 89 coerced returns, 11
///   renditions and 9 extraditions among the dataset's 523 most detailed cases;
/// - **origins** (``OriginMix/freedomHouse2025`` only): Freedom House's 2014–2024 incident counts of
///   the ten most active origin states.
///
/// Everything else is a generator choice, not a calibration: tactics and detention outcomes
/// uniform; persons 1 (75 %), 2–10 (20 %), 11–254 (4.8 %) or 255–2,000 (0.2 %); qualifiers
/// exact 70 %, at least 10 %, about 8 %, up to 4 %, unknown 8 %; groups Uyghur 85 %, Kazakh 8 %,
/// Kyrgyz 3 %, and 1 % or less for each other group, plus a second group in 5 % of records (for
/// origins other than China, the group is Other); date precision day 50 %, month 25 %, year
/// 20 %, reported 5 %.
public struct SyntheticIncidents: Hashable, Sendable {
  /// Which origin states the generator uses.
  public enum OriginMix: String, Hashable, Sendable, CaseIterable {
    /// Every record's origin is China (the campaign the calibration describes).
    case chinaOnly
    /// Origins drawn in proportion to Freedom House's 2014–2024 incident counts for the ten most
    /// active origin states (China 272, Turkey 157, Tajikistan 92, …); for testing the origin
    /// dimension. Category, phase and host proportions stay those of the China campaign.
    case freedomHouse2025
  }

  /// The seed; the same seed gives the same records.
  public let seed: UInt64
  /// The origin states.
  public let origins: OriginMix

  /// Creates a generator.
  ///
  /// - Parameters:
  ///   - seed: Any 64-bit seed.
  ///   - origins: The origin states (default China only).
  /// - Complexity: O(1) (the calibration is computed once per process).
  public init(seed: UInt64, origins: OriginMix = .chinaOnly) {
    self.seed = seed
    self.origins = origins
  }

  /// The synthetic record number `index`.
  ///
  /// ```swift
  /// SyntheticIncidents(seed: 7).incident(at: 3) == SyntheticIncidents(seed: 7).dataset(count: 10)[3]   // true
  /// ```
  ///
  /// - Parameter index: The record number, from 0.
  /// - Returns: A valid incident labelled synthetic.
  /// - Complexity: O(1).
  public func incident(at index: Int) -> Incident {
    let draw = SyntheticIncidents.draw(
      seed: seed, index: index, origins: origins, tables: SyntheticTables.shared)
    return SyntheticIncidents.incident(draw, seed: seed, index: index)
  }

  /// A dataset of the first `count` synthetic records.
  ///
  /// - Parameter count: The number of records, at least 0.
  /// - Returns: A valid dataset (ids are unique, dates 1997–2025).
  /// - Complexity: O(*n*).
  public func dataset(count: Int) -> IncidentDataset {
    precondition(count >= 0, "count must not be negative")
    return IncidentDataset(validated: (0..<count).map { incident(at: $0) })
  }

  /// The columnar store of the first `count` synthetic records, generated directly and in
  /// parallel, without building records.
  ///
  /// Equal to `IncidentColumns(dataset(count: count))`, at a fraction of the time and memory.
  ///
  /// ```swift
  /// let columns = SyntheticIncidents(seed: 1).columns(count: 10_000_000)
  /// ```
  ///
  /// - Parameters:
  ///   - count: The number of rows, at least 0.
  ///   - threads: The most threads to use; `nil` uses every active processor.
  /// - Returns: The columns.
  /// - Complexity: O(*n*) time, 8*n* bytes.
  public func columns(count: Int, threads: Int? = nil) -> IncidentColumns {
    columns(count: count, threads: threads, minimumRowsPerThread: 65_536)
  }

  /// ``columns(count:threads:)`` with a tunable split (tests use small data on many threads).
  internal func columns(count: Int, threads: Int?, minimumRowsPerThread: Int) -> IncidentColumns {
    precondition(count >= 0, "count must not be negative")
    let threads = Swift.max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    let workers = Swift.max(1, Swift.min(threads, count / Swift.max(1, minimumRowsPerThread)))
    let chunks = CountingCore.split(0..<count, parts: workers)
    let seed = self.seed
    let origins = self.origins
    var extras: [(overflow: [Int: Int], presence: ColumnPresence)] = []
    func uninitialized<T>(_ type: T.Type, _ fill: (UnsafeMutablePointer<T>) -> Void) -> [T] {
      [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        if count > 0 { fill(buffer.baseAddress!) }
        initialized = count
      }
    }
    // The arrays are filled inside nested closures; each worker writes only its own rows.
    var origin: [UInt8] = []
    var host: [UInt8] = []
    var kind: [UInt8] = []
    var year: [UInt16] = []
    var groups: [UInt16] = []
    let persons = uninitialized(UInt8.self) { personsOut in
      groups = uninitialized(UInt16.self) { groupsOut in
        year = uninitialized(UInt16.self) { yearOut in
          kind = uninitialized(UInt8.self) { kindOut in
            host = uninitialized(UInt8.self) { hostOut in
              origin = uninitialized(UInt8.self) { originOut in
                nonisolated(unsafe) let out = (originOut, hostOut, kindOut, yearOut, groupsOut, personsOut)
                let tables = SyntheticTables.shared
                extras = CountingCore.runWorkers(workers) { worker in
                  var overflow: [Int: Int] = [:]
                  var presence = ColumnPresence()
                  for index in chunks[worker] {
                    let codes = SyntheticIncidents.draw(
                      seed: seed, index: index, origins: origins, tables: tables
                    ).codes
                    out.0[index] = codes.origin
                    out.1[index] = codes.host
                    out.2[index] = codes.kind
                    out.3[index] = codes.year
                    out.4[index] = codes.groups
                    if codes.persons >= Int(RowCodes.overflowMarker) {
                      out.5[index] = RowCodes.overflowMarker
                      overflow[index] = codes.persons
                    } else {
                      out.5[index] = UInt8(codes.persons)
                    }
                    presence.note(
                      origin: codes.origin, host: codes.host, kind: codes.kind, year: codes.year,
                      groups: codes.groups)
                  }
                  return (overflow, presence)
                }
              }
            }
          }
        }
      }
    }
    var overflow: [Int: Int] = [:]
    var presence = ColumnPresence()
    for part in extras {
      overflow.merge(part.overflow) { first, _ in first }
      presence.formUnion(part.presence)
    }
    return IncidentColumns(
      origin: origin, host: host, kind: kind, year: year, groups: groups, persons: persons,
      personsOverflow: overflow, presence: presence)
  }

  /// The source title every synthetic record carries.
  ///
  /// - Complexity: O(1).
  public var sourceTitle: String {
    "SYNTHETIC — TransnationalRepression.SyntheticIncidents(seed: \(seed)), not real events"
  }
}

extension SyntheticIncidents {
  /// The proportions the generator draws from, and the published figures they come from.
  ///
  /// ```swift
  /// let calibration = SyntheticIncidents.Calibration.published
  /// calibration.categoryWeights   // [5532, 1150, 424]
  /// calibration.phaseWeights      // [84, 126, 1364]
  /// ```
  public struct Calibration: Hashable, Sendable {
    /// Weights of intimidation, detention and extradition (Great Wall of Steel totals).
    public let categoryWeights: [Int]
    /// The phases of the years drawn (the Great Wall of Steel stages, the last ending in
    /// ``lastYear``).
    public let phases: [Phase]
    /// Weights of the phases (people detained or returned per phase).
    public let phaseWeights: [Int]
    /// The last year drawn.
    public let lastYear: Int
    /// Weights of deportation, extradition, rendition and coerced return (the 523 detailed cases).
    public let returnModeWeights: [ReturnMode: Int]
    /// Weights of the Middle East and North Africa, South Asia, and the other regions together.
    public let regionWeights: [Int]
    /// Each possible host with its weight (region weight × the host's share of the region's
    /// Uyghur population estimate).
    public let hostWeights: [Country: Double]
    /// The origin states of ``OriginMix/freedomHouse2025`` and their incident counts.
    public let freedomHouseOriginWeights: [Country: Int]
    /// The figures used, for citation.
    public let figures: [PublishedFigure]

    /// The calibration computed from the bundled ``PublishedFigure/all`` and
    /// ``UyghurDiasporaEstimate/all``.
    ///
    /// - Complexity: O(1) after the first use.
    public static let published: Calibration = {
      func figure(_ source: String, _ host: String, _ measure: String) -> PublishedFigure {
        guard
          let figure = PublishedFigure.all.first(where: {
            $0.sourceID == source && $0.hostCountry == host && $0.measure == measure
          }), figure.number != nil
        else { fatalError("published figure \(source) \(host) \(measure) is not bundled") }
        return figure
      }
      var used: [PublishedFigure] = []
      func number(_ source: String, _ host: String, _ measure: String) -> Int {
        let found = figure(source, host, measure)
        used.append(found)
        return found.number!
      }
      let categories = IncidentCategory.allCases.map { category -> Int in
        let found = PublishedFigure.greatWallOfSteel(category)
        used.append(found)
        return found.number!
      }
      let phaseWeights = [
        number("GWOS2022", "ALL", "phase1_deported_or_detained"),
        number("GWOS2022", "ALL", "phase2_individuals_targeted"),
        number("GWOS2022", "ALL", "phase3_detained_extradited_or_rendered"),
      ]
      let returnModes: [ReturnMode: Int] = [
        .deportation: number("GWOS2022", "ALL", "subset523_deportations"),
        .extradition: number("GWOS2022", "ALL", "subset523_extraditions"),
        .rendition: number("GWOS2022", "ALL", "subset523_renditions"),
        .coercedReturn: number("GWOS2022", "ALL", "subset523_coerced_returns_to_XUAR"),
      ]
      let total = number("GWOS2022", "ALL", "cases_detention_and_refoulement_total")
      let mena = number("GWOS2022", "REGION:Middle East and North Africa", "registered_incidents")
      let southAsia = number("GWOS2022", "REGION:South Asia", "cases")
      let regionWeights = [mena, southAsia, total - mena - southAsia]
      func regionClass(_ region: Region) -> Int {
        region == .middleEastAndNorthAfrica ? 0 : region == .southAsia ? 1 : 2
      }
      var classTotals = [0.0, 0.0, 0.0]
      for estimate in UyghurDiasporaEstimate.all {
        classTotals[regionClass(estimate.country.region)] += estimate.estimate.representativeValue
      }
      var hostWeights: [Country: Double] = [:]
      for estimate in UyghurDiasporaEstimate.all {
        let regionIndex = regionClass(estimate.country.region)
        hostWeights[estimate.country] =
          Double(regionWeights[regionIndex]) * estimate.estimate.representativeValue
          / classTotals[regionIndex]
      }
      var origins: [Country: Int] = [:]
      for figure in PublishedFigure.all
      where figure.sourceID == "FH2025" && figure.hostCountry == "ALL_HOSTS"
        && figure.measure.hasPrefix("incidents_origin=")
      {
        if let country = Country(figure.measure.dropFirst("incidents_origin=".count)),
          let count = figure.number
        {
          origins[country] = count
          used.append(figure)
        }
      }
      let gwos = Periodization.greatWallOfSteel.phases
      return Calibration(
        categoryWeights: categories,
        phases: [gwos[0], gwos[1], Phase(name: gwos[2].name, firstYear: gwos[2].firstYear, lastYear: 2025)],
        phaseWeights: phaseWeights, lastYear: 2025, returnModeWeights: returnModes,
        regionWeights: regionWeights, hostWeights: hostWeights,
        freedomHouseOriginWeights: origins, figures: used)
    }()
  }
}

/// The draws of one synthetic row as small integers, computed from (seed, index) alone.
///
/// Both ``SyntheticIncidents/incident(at:)`` and ``SyntheticIncidents/columns(count:threads:)``
/// start from these, so a record and its row in the columns always agree. Drawing allocates
/// nothing.
@usableFromInline
internal struct SyntheticDraw {
  /// Position in `IncidentCategory.allCases`.
  var category: Int
  /// The tactic (position in `IntimidationTactic.allCases`), the detention outcome (position in
  /// `DetentionOutcome.allCases`) or the return mode (position in `SyntheticTables.returnModes`).
  var detail: Int
  /// The kind code of the columnar store.
  var kindCode: UInt8
  var year: Int
  /// ``Country/index`` values.
  var origin: UInt8
  var host: UInt8
  /// Position in `PersonCountQualifier.allCases`.
  var qualifier: Int
  /// Persons, 0 when the qualifier is unknown.
  var persons: Int
  /// Ethnic-group bits.
  var groupMask: UInt16

  /// The row's codes in the columnar store.
  var codes: RowCodes {
    RowCodes(
      origin: origin, host: host, kind: kindCode, year: UInt16(year),
      groups: groupMask | UInt16(qualifier) << RowCodes.qualifierShift, persons: persons)
  }
}

extension SyntheticIncidents {
  /// The draws of record `index`.
  @inline(__always)
  internal static func draw(
    seed: UInt64, index: Int, origins: OriginMix, tables: SyntheticTables
  ) -> SyntheticDraw {
    let base = UInt64(truncatingIfNeeded: index) &* 8
    let r0 = SplitMix64.value(seed: seed, counter: base)
    let r1 = SplitMix64.value(seed: seed, counter: base &+ 1)
    let r2 = SplitMix64.value(seed: seed, counter: base &+ 2)
    let r3 = SplitMix64.value(seed: seed, counter: base &+ 3)
    let r5 = SplitMix64.value(seed: seed, counter: base &+ 5)

    // Category and its mode.
    let category = tables.category.pick(r0 &>> 32)
    let detail: Int
    let kindCode: UInt8
    switch category {
    case 0:
      detail = uniformIndex(r0, tables.tacticCount)
      kindCode = UInt8(detail)
    case 1:
      detail = uniformIndex(r0, tables.outcomeCount)
      kindCode = tables.detentionKindCode
    default:
      detail = tables.returnMode.pick(r0 & 0xFFFF_FFFF)
      kindCode = tables.returnModeKindCodes[detail]
    }

    // Year: a phase, then a uniform year within it.
    let phase = tables.phase.pick(r1 &>> 32)
    let year = tables.phaseFirstYears[phase] + uniformIndex(r1, tables.phaseLengths[phase])

    // Origin and host (never the same country).
    let origin: UInt8
    switch origins {
    case .chinaOnly: origin = tables.chinaIndex
    case .freedomHouse2025: origin = tables.originIndexes[tables.origin.pick(r2 & 0xFFFF_FFFF)]
    }
    var host = tables.hostIndexes[tables.host.pick(r2 &>> 32)]
    if host == origin { host = tables.fallbackHost[Int(origin)] }

    // Persons and qualifier.
    let qualifier = tables.qualifier.pick((r3 &>> 16) & 0xFFFF)
    var persons = 0
    if qualifier != tables.unknownQualifier {
      let band = tables.personsBand.pick(r3 &>> 32)
      persons = tables.personsBandFirst[band] + uniformIndex(r5 &>> 32, tables.personsBandLengths[band])
    }

    // Ethnic groups: one, and sometimes a second; Other for origins other than China.
    var groupMask: UInt16
    if origin == tables.chinaIndex {
      let primary = tables.group.pick(r3 & 0xFFFF)
      groupMask = 1 << UInt16(primary)
      if (r5 &>> 16) & 0xFFFF < tables.secondGroupThreshold {
        var second = uniformIndex((r5 & 0xFFFF) &<< 16, tables.groupCount - 1)
        if second >= primary { second += 1 }
        groupMask |= 1 << UInt16(second)
      }
    } else {
      groupMask = tables.otherGroupBit
    }
    return SyntheticDraw(
      category: category, detail: detail, kindCode: kindCode, year: year, origin: origin,
      host: host, qualifier: qualifier, persons: persons, groupMask: groupMask)
  }

  /// A record from its draws, labelled synthetic.
  internal static func incident(_ draw: SyntheticDraw, seed: UInt64, index: Int) -> Incident {
    let tables = SyntheticTables.shared
    let kind: IncidentKind
    switch draw.category {
    case 0: kind = .intimidation(IntimidationTactic.allCases[draw.detail])
    case 1: kind = .detention(DetentionOutcome.allCases[draw.detail])
    default: kind = .extradition(tables.returnModes[draw.detail])
    }
    let year = draw.year
    let dateBits = SplitMix64.value(seed: seed, counter: UInt64(truncatingIfNeeded: index) &* 8 &+ 4)
    let precision = tables.precisions[tables.precision.pick(dateBits >> 48)]
    let month = 1 + uniformIndex((dateBits >> 16) & 0xFFFF_FFFF, 12)
    let day = 1 + uniformIndex((dateBits & 0xFFFF) << 16, IncidentDate.daysIn(month: month, year: year))
    let date: IncidentDate
    switch precision {
    case .day: date = try! IncidentDate(year: year, month: month, day: day, precision: .day)
    case .month: date = try! IncidentDate(year: year, month: month, precision: .month)
    case .year, .reported: date = try! IncidentDate(year: year, precision: precision)
    }
    let qualifier = PersonCountQualifier.allCases[draw.qualifier]
    let groups = EthnicGroup.allCases.filter { draw.groupMask & (1 << UInt16($0.code)) != 0 }
    let generator = "TransnationalRepression.SyntheticIncidents(seed: \(seed))"
    let source = try! SourceCitation(
      title: "SYNTHETIC — \(generator), not real events", publisher: "TransnationalRepression")
    return try! Incident(
      id: "SYN-\(seed)-\(index)", origin: Country(index: Int(draw.origin))!,
      host: Country(index: Int(draw.host))!, date: date, kind: kind,
      persons: qualifier == .unknown ? .unknown : try! PersonCount(draw.persons, qualifier: qualifier),
      ethnicGroups: Set(groups), sources: [source],
      notes: "Synthetic record \(index) generated by \(generator); not a real event.")
  }
}

/// The generator's lookup tables, built once from the calibration.
@usableFromInline
internal struct SyntheticTables: Sendable {
  static let shared = SyntheticTables(SyntheticIncidents.Calibration.published)

  @usableFromInline let category: WeightedChoice
  /// The tactics drawn: the first eleven (`threat` … `unspecified`), a fixed count rather than
  /// `IntimidationTactic.allCases.count`, so tactics added later (assassination, physical
  /// intimidation) change neither the seeded data nor the checksums against `gen.py`.
  @usableFromInline let tacticCount = IncidentKind.originalTacticCount
  @usableFromInline let outcomeCount = DetentionOutcome.allCases.count
  @usableFromInline let detentionKindCode = IncidentKind.detention(.unknown).columnCode
  /// The return modes drawn, and their kind codes.
  @usableFromInline let returnModes: [ReturnMode] = [.deportation, .extradition, .rendition, .coercedReturn]
  @usableFromInline let returnModeKindCodes: [UInt8]
  @usableFromInline let returnMode: WeightedChoice
  @usableFromInline let phaseFirstYears: [Int]
  @usableFromInline let phaseLengths: [Int]
  @usableFromInline let phase: WeightedChoice
  /// Country indexes of the hosts and of the Freedom House origins, in the choices' order.
  @usableFromInline let hostIndexes: [UInt8]
  @usableFromInline let host: WeightedChoice
  @usableFromInline let originIndexes: [UInt8]
  @usableFromInline let origin: WeightedChoice
  @usableFromInline let chinaIndex = UInt8(Country.china.index)
  /// For each country index that is both an origin and a host: the most likely other host.
  @usableFromInline let fallbackHost: [UInt8]
  @usableFromInline let qualifier: WeightedChoice
  @usableFromInline let unknownQualifier = PersonCountQualifier.unknown.columnCode
  @usableFromInline let personsBandFirst: [Int]
  @usableFromInline let personsBandLengths: [Int]
  @usableFromInline let personsBand: WeightedChoice
  @usableFromInline let group: WeightedChoice
  /// The groups drawn: every named one, never ``EthnicGroup/unknown`` (so the sequence of a seed
  /// is the one it was before `Unknown` was added).
  @usableFromInline let groupCount = EthnicGroup.allCases.count - 1
  @usableFromInline let otherGroupBit = UInt16(1) << UInt16(EthnicGroup.other.code)
  @usableFromInline let secondGroupThreshold: UInt64
  let precisions: [DatePrecision] = [.day, .month, .year, .reported]
  let precision: WeightedChoice

  init(_ calibration: SyntheticIncidents.Calibration) {
    category = WeightedChoice(weights: calibration.categoryWeights.map(Double.init), bits: 32)
    let returnModes = self.returnModes
    returnModeKindCodes = returnModes.map { IncidentKind.extradition($0).columnCode }
    returnMode = WeightedChoice(
      weights: returnModes.map { Double(calibration.returnModeWeights[$0]!) }, bits: 32)
    phaseFirstYears = calibration.phases.map(\.firstYear)
    phaseLengths = calibration.phases.map { ($0.lastYear ?? calibration.lastYear) - $0.firstYear + 1 }
    phase = WeightedChoice(weights: calibration.phaseWeights.map(Double.init), bits: 32)
    let hosts = calibration.hostWeights.keys.sorted()
    hostIndexes = hosts.map { UInt8($0.index) }
    host = WeightedChoice(weights: hosts.map { calibration.hostWeights[$0]! }, bits: 32)
    let origins = calibration.freedomHouseOriginWeights.keys.sorted()
    originIndexes = origins.map { UInt8($0.index) }
    origin = WeightedChoice(
      weights: origins.map { Double(calibration.freedomHouseOriginWeights[$0]!) }, bits: 32)
    let byWeight = hosts.sorted { calibration.hostWeights[$0]! > calibration.hostWeights[$1]! }
    var fallback = [UInt8](repeating: 0, count: 256)
    for origin in origins + [.china] {
      fallback[Int(origin.index)] = UInt8(byWeight.first { $0 != origin }!.index)
    }
    fallbackHost = fallback
    // Generator choices (documented on SyntheticIncidents), not calibrations.
    qualifier = WeightedChoice(weights: [70, 10, 8, 4, 8], bits: 16)
    let bands = [1...1, 2...10, 11...254, 255...2_000]
    personsBandFirst = bands.map(\.lowerBound)
    personsBandLengths = bands.map(\.count)
    personsBand = WeightedChoice(weights: [75, 20, 4.8, 0.2], bits: 32)
    group = WeightedChoice(weights: [85, 8, 3, 1, 1, 1, 0.5, 0.3, 0.1, 0.1], bits: 16)
    secondGroupThreshold = UInt64((0.05 * 65_536).rounded())
    precision = WeightedChoice(weights: [50, 25, 20, 5], bits: 16)
  }
}
