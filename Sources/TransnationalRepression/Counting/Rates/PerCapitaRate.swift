import Foundation

/// A count per so many people of a population whose size may only be known as a range.
///
/// A rate over a range is a range: *n* incidents over a population of 2,000–3,000 is between
/// *n*/3,000 and *n*/2,000. Bounds carry through honestly:
///
/// - an upper bound on the population gives a lower bound on the rate, and a lower bound on the
///   population an upper bound on the rate;
/// - "fewer than 50" states no lower bound on the population, so the rate has a lower bound
///   (more than *n*/50, exclusive) and **no upper bound** (``upperBound`` is `nil`) — the library
///   does not pretend the population is at least 1 or any other number;
/// - "more than 1,000" gives a rate below *n*/1,000 and above 0.
///
/// ```swift
/// let afghanistan = PerCapitaRate(count: 3, population: PopulationEstimate(parsing: "2,000–3,000")!, per: 1_000)
/// afghanistan.lowerBound     // 1.0
/// afghanistan.upperBound     // 1.5
/// afghanistan.description    // "1.00–1.50 per 1,000"
/// let uae = PerCapitaRate(count: 2, population: PopulationEstimate(parsing: "fewer than 50")!, per: 1_000)
/// uae.description            // "more than 40.00 per 1,000 (no upper bound: population fewer than 50)"
/// ```
///
/// The count is taken as given. A persons count from a ``PersonsCell`` is a sum of printed numbers
/// (a lower bound when its records are exact or "at least"); say so when reporting the rate.
public struct PerCapitaRate: Hashable, Sendable {
  /// The numerator: incidents or persons.
  public let count: Int
  /// The population, as printed.
  public let population: PopulationEstimate
  /// The rate is per this many people (for example 1,000 or 100,000).
  public let scale: Int

  /// Creates a rate.
  ///
  /// - Parameters:
  ///   - count: The numerator, at least 0.
  ///   - population: The denominator.
  ///   - scale: Per how many people (default 1,000).
  /// - Complexity: O(1).
  public init(count: Int, population: PopulationEstimate, per scale: Int = 1_000) {
    precondition(count >= 0 && scale > 0, "count must not be negative and scale must be positive")
    self.count = count
    self.population = population
    self.scale = scale
  }

  /// The smallest rate the population allows: count × scale / the population's upper bound; 0
  /// when the population is unbounded above.
  ///
  /// - Complexity: O(1).
  public var lowerBound: Double {
    guard count > 0, let high = population.upperBound else { return 0 }
    return Double(count) * Double(scale) / Double(high)
  }

  /// Whether the rate is strictly above ``lowerBound`` (the population's upper bound is
  /// exclusive, or unbounded).
  ///
  /// - Complexity: O(1).
  public var isLowerBoundExclusive: Bool {
    count > 0 && (population.upperBound == nil || population.isUpperBoundExclusive)
  }

  /// The largest rate the population allows: count × scale / the population's lower bound; `nil`
  /// when the population states no lower bound (or a lower bound of 0) and the count is not 0.
  ///
  /// - Complexity: O(1).
  public var upperBound: Double? {
    guard count > 0 else { return 0 }
    guard let low = population.lowerBound, low > 0 else { return nil }
    return Double(count) * Double(scale) / Double(low)
  }

  /// Whether the rate is strictly below ``upperBound`` ("more than *N*" people).
  ///
  /// - Complexity: O(1).
  public var isUpperBoundExclusive: Bool { count > 0 && population.isLowerBoundExclusive }

  /// Whether the rate is one number (the population is one number, or the count is 0).
  ///
  /// - Complexity: O(1).
  public var isPoint: Bool { upperBound == lowerBound }
}

extension PerCapitaRate: CustomStringConvertible {
  /// The rate with two decimals: `"3.33 per 1,000"`, `"1.00–1.50 per 1,000"`,
  /// `"more than 40.00 per 1,000 (no upper bound: population fewer than 50)"`, or
  /// `"less than 2.00 per 1,000"`; approximate populations add `" (population about …)"`.
  public var description: String {
    func format(_ value: Double) -> String { String(format: "%.2f", value) }
    let per = "per " + PopulationEstimate.grouped(scale)
    var text: String
    if let high = upperBound {
      if isPoint {
        text = "\(format(lowerBound)) \(per)"
      } else if population.upperBound == nil {
        text = "less than \(format(high)) \(per)"
      } else {
        text = "\(format(lowerBound))–\(format(high)) \(per)"
      }
    } else {
      text = "\(isLowerBoundExclusive ? "more than" : "at least") \(format(lowerBound)) \(per)"
        + " (no upper bound: population \(population.printedValue))"
    }
    if population.isApproximate { text += " (population \(population.printedValue))" }
    return text
  }
}

extension CountTable {
  /// Rates per capita for the countries of a table by origin or host, over user-given
  /// populations.
  ///
  /// The table is first summed to `dimension` (see ``marginal(over:)``). Countries without a
  /// population are left out; countries with a population and no count get a rate of 0.
  ///
  /// ```swift
  /// let sample = IncidentDataset.documentedSample
  /// let returns = try sample.countPersons(by: [.host], where: IncidentFilter(categories: [.extradition]))
  /// let rates = try returns.perCapita(populations: UyghurDiasporaEstimate.populations, per: 1_000)
  /// ```
  ///
  /// - Parameters:
  ///   - dimension: ``CountDimension/host`` (default) or ``CountDimension/origin``.
  ///   - populations: The population of each country.
  ///   - scale: Per how many people (default 1,000).
  /// - Returns: One row per country with a population, in country order; the count is the
  ///   cell's ``CountTableValue/tally(of:)`` (for persons, the known sum).
  /// - Throws: ``CountTableError`` when the table lacks `dimension` or it is not a country
  ///   dimension.
  /// - Complexity: O(*c* · *d* + *p* log *p*) for *c* cells and *p* populations.
  public func perCapita(
    by dimension: CountDimension = .host, populations: [Country: PopulationEstimate],
    per scale: Int = 1_000
  ) throws(CountTableError) -> [CountRow<PerCapitaRate>] {
    guard dimension == .host || dimension == .origin else {
      throw CountTableError(.labelMismatch("per-capita rates need a country dimension (host or origin)"))
    }
    let byCountry = try marginal(over: [dimension])
    return populations.keys.sorted().map { country in
      let count = Value.tally(of: byCountry[.country(country)])
      return CountRow(
        labels: [.country(country)],
        value: PerCapitaRate(count: count, population: populations[country]!, per: scale))
    }
  }
}
