import Testing

@testable import TransnationalRepression

/// Populations as printed, rates over them, and the bundled UHRP estimates.
@Suite("Per-capita rates")
struct PerCapitaRateTests {
  @Test("printed populations parse into bounds")
  func parsing() throws {
    let exact = try #require(PopulationEstimate(parsing: "297,000"))
    #expect(exact.lowerBound == 297_000 && exact.upperBound == 297_000 && exact.isPoint)
    let range = try #require(PopulationEstimate(parsing: "2,000–3,000"))
    #expect(range.lowerBound == 2_000 && range.upperBound == 3_000 && !range.isPoint)
    #expect(PopulationEstimate(parsing: "500-600")?.upperBound == 600)
    #expect(PopulationEstimate(parsing: "500–600")?.lowerBound == 500)
    let fewer = try #require(PopulationEstimate(parsing: "fewer than 50"))
    #expect(fewer.lowerBound == nil && fewer.upperBound == 50 && fewer.isUpperBoundExclusive)
    #expect(PopulationEstimate(parsing: "fewer than 1,000")?.upperBound == 1_000)
    let more = try #require(PopulationEstimate(parsing: "more than 1,000"))
    #expect(more.lowerBound == 1_000 && more.upperBound == nil && more.isLowerBoundExclusive)
    #expect(PopulationEstimate(parsing: "at least 20")?.isLowerBoundExclusive == false)
    #expect(PopulationEstimate(parsing: "about 200")?.isApproximate == true)
    #expect(PopulationEstimate(parsing: " 100 ")?.printedValue == "100")
    for bad in ["", "many", "3,000–2,000", "–5", "fewer than", "1.5", "-3"] {
      #expect(PopulationEstimate(parsing: bad) == nil, "\(bad)")
    }
    #expect(PopulationEstimate(exactly: 1_500).printedValue == "1,500")
    #expect(PopulationEstimate(between: 2_000, and: 3_000).printedValue == "2,000–3,000")
    #expect(range.representativeValue == 2_500 && fewer.representativeValue == 25 && more.representativeValue == 1_000)
  }

  @Test("a range population gives a range rate")
  func rangeRate() throws {
    let rate = PerCapitaRate(count: 3, population: PopulationEstimate(between: 2_000, and: 3_000), per: 1_000)
    #expect(rate.lowerBound == 1.0 && rate.upperBound == 1.5)
    #expect(!rate.isPoint && !rate.isLowerBoundExclusive && !rate.isUpperBoundExclusive)
    #expect(rate.description == "1.00–1.50 per 1,000")
    let point = PerCapitaRate(count: 5, population: PopulationEstimate(exactly: 1_500), per: 100_000)
    #expect(isApproximatelyEqual(point.lowerBound, 5.0 / 1_500 * 100_000))
    #expect(point.isPoint)
    #expect(point.description == "333.33 per 100,000")
  }

  @Test("'fewer than 50' gives a lower bound on the rate and no upper bound")
  func fewerThan() throws {
    let uae = PerCapitaRate(count: 2, population: try #require(PopulationEstimate(parsing: "fewer than 50")))
    #expect(uae.lowerBound == 40)
    #expect(uae.isLowerBoundExclusive)
    #expect(uae.upperBound == nil)
    #expect(uae.description == "more than 40.00 per 1,000 (no upper bound: population fewer than 50)")
    let more = PerCapitaRate(count: 2, population: try #require(PopulationEstimate(parsing: "more than 1,000")))
    #expect(more.lowerBound == 0 && more.upperBound == 2 && more.isUpperBoundExclusive)
    #expect(more.description == "less than 2.00 per 1,000")
    let none = PerCapitaRate(count: 0, population: try #require(PopulationEstimate(parsing: "fewer than 50")))
    #expect(none.lowerBound == 0 && none.upperBound == 0 && none.isPoint)
  }

  @Test("the bundled UHRP estimates keep their printed text and citation")
  func bundled() throws {
    let all = UyghurDiasporaEstimate.all
    #expect(all.count == 39)
    let kazakhstan = try #require(UyghurDiasporaEstimate.estimate(for: Country("KZ")!))
    #expect(kazakhstan.estimate.printedValue == "297,000")
    #expect(kazakhstan.estimate.lowerBound == 297_000)
    #expect(kazakhstan.countryName == "Kazakhstan" && kazakhstan.asOf == "2023-11")
    #expect(kazakhstan.sourceURL == "https://uhrp.org/?p=16682")
    #expect(kazakhstan.citation.contains("UHRP overview as of Nov 2023"))
    #expect(UyghurDiasporaEstimate.estimate(for: Country("AF")!)?.estimate.upperBound == 3_000)
    #expect(UyghurDiasporaEstimate.estimate(for: Country("GB")!)?.estimate.printedValue == "500–600")
    #expect(UyghurDiasporaEstimate.estimate(for: Country("MN")!)?.estimate.upperBound == 1_000)
    #expect(all.filter { $0.estimate.printedValue == "fewer than 50" }.count == 9)
    #expect(all.allSatisfy { $0.estimate.upperBound != nil })
    #expect(UyghurDiasporaEstimate.estimate(for: Country("FR")!)?.estimate.isPoint == true)
    #expect(UyghurDiasporaEstimate.estimate(for: Country("BR")!) == nil)
    #expect(UyghurDiasporaEstimate.populations.count == 39)
  }

  @Test("rates per host of a count table, over the bundled estimates")
  func tableRates() throws {
    let sample = IncidentDataset.documentedSample
    let returns = try sample.countPersons(by: [.host, .year], where: IncidentFilter(categories: [.extradition]))
    let rates = try returns.perCapita(populations: UyghurDiasporaEstimate.populations, per: 1_000)
    #expect(rates.count == 39)
    let thailand = try #require(rates.first { $0.labels == [.country(Country("TH")!)] }).value
    // 1 + 109 + 40 people returned from Thailand, over 200–300 Uyghurs.
    #expect(thailand.count == 150)
    #expect(thailand.lowerBound == 500 && thailand.upperBound == 750)
    let uae = try #require(rates.first { $0.labels == [.country(Country("AE")!)] }).value
    #expect(uae.count == 1 && uae.upperBound == nil)
    let france = try #require(rates.first { $0.labels == [.country(Country("FR")!)] }).value
    #expect(france.count == 0 && france.upperBound == 0)
    #expect(throws: CountTableError.self) { try returns.perCapita(by: .year, populations: [:]) }
    #expect(throws: CountTableError(.missingDimension(.origin))) { try returns.perCapita(by: .origin, populations: [:]) }
  }
}
