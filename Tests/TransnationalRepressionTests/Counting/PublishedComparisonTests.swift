import Testing

@testable import TransnationalRepression

/// The sample against the published figures: what is compared, and the coverage.
@Suite("Comparison with published figures")
struct PublishedComparisonTests {
  static let comparison = PublishedComparison(IncidentDataset.documentedSample)

  static func row(_ source: String, _ measure: String, host: String = "ALL") -> PublishedComparison.Row? {
    comparison.rows.first { $0.figure.sourceID == source && $0.figure.measure == measure && $0.figure.hostCountry == host }
  }

  @Test("the sample's 313 returned people against 424 published, 272 of them by January 2022")
  func returns() throws {
    let row = try #require(Self.row("GWOS2022", "deported_extradited_or_rendered_to_China"))
    #expect(row.published == 424)
    #expect(row.categories == [.extradition])
    #expect(row.personsAllYears == PersonsCell(knownSum: 313, exactRecords: 25, atLeastRecords: 3, upToRecords: 2))
    // DOC-058 (Thailand, 40, 2025) and DOC-060 (Germany, 1, 2025) fall after the period.
    #expect(row.persons.knownSum == 272)
    #expect(row.records == 28 && row.recordsOutsidePeriod == 2 && row.undeterminedRecords == 0)
    #expect(isApproximatelyEqual(try #require(row.coverage), 272.0 / 424))
    #expect(row.counts == "people deported, extradited or rendered to China")
    #expect(row.period == PublishedPeriod(parsing: "1997-2022-01"))
  }

  @Test("detentions and the total: records of 2022 after January are outside the period")
  func detentions() throws {
    let detained = try #require(Self.row("GWOS2022", "detained_in_host_country"))
    #expect(detained.published == 1_150)
    // DOC-054 (2022-03), DOC-056, DOC-057 (2022) and DOC-059 (2025) are after January 2022.
    #expect(detained.personsAllYears.knownSum == 499)
    #expect(detained.persons.knownSum == 499 - 2 - 1 - 1 - 1)
    #expect(detained.recordsOutsidePeriod == 4)
    let total = try #require(Self.row("GWOS2022", "cases_detention_and_refoulement_total"))
    #expect(total.published == 1_574)
    #expect(total.persons == detained.persons + Self.row("GWOS2022", "deported_extradited_or_rendered_to_China")!.persons)
  }

  @Test("phases and regions of the published figures")
  func phasesAndRegions() throws {
    let phase1 = try #require(Self.row("GWOS2022", "phase1_deported_or_detained"))
    #expect(phase1.published == 84)
    let expected = IncidentDataset.documentedSample.filter {
      $0.category != .intimidation && (1997...2007).contains($0.date.year)
    }.reduce(0) { $0 + ($1.persons.value ?? 0) }
    #expect(phase1.persons.knownSum == expected)
    let phase3 = try #require(Self.row("GWOS2022", "phase3_detained_extradited_or_rendered"))
    #expect(phase3.published == 1_364)
    #expect(phase3.period.firstYear == 2014 && phase3.period.lastMonth == 1)
    let mena = try #require(Self.row("GWOS2022", "registered_incidents", host: "REGION:Middle East and North Africa"))
    #expect(mena.published == 689 && mena.region == .middleEastAndNorthAfrica)
    let menaExpected = IncidentDataset.documentedSample.filter {
      $0.category != .intimidation && $0.host.region == .middleEastAndNorthAfrica
    }.reduce(0) { $0 + ($1.persons.value ?? 0) }
    #expect(mena.personsAllYears.knownSum == menaExpected)
    let southAsia = try #require(Self.row("GWOS2022", "cases", host: "REGION:South Asia"))
    #expect(southAsia.published == 668)
    let nslr = try #require(Self.row("NSLR2021", "deported_extradited_or_rendered_to_China"))
    #expect(nslr.published == 395 && nslr.period.lastYear == 2021 && nslr.period.lastMonth == 3)
    #expect(Self.comparison.rows.count == 16)
  }

  @Test("a record in the period's last year without a month is undetermined, not counted in")
  func undetermined() throws {
    let source = try SourceCitation(title: "test")
    let records = try [
      Incident(id: "A", host: Country("TR")!, date: IncidentDate(year: 2022, precision: .year),
        kind: .extradition(.deportation), persons: .exactly(5), ethnicGroups: [.uyghur], sources: [source]),
      Incident(id: "B", host: Country("TR")!, date: IncidentDate(year: 2022, month: 1, precision: .month),
        kind: .extradition(.deportation), persons: .exactly(7), ethnicGroups: [.uyghur], sources: [source]),
      Incident(id: "C", host: Country("TR")!, date: IncidentDate(year: 2022, month: 2, precision: .month),
        kind: .extradition(.deportation), persons: .exactly(11), ethnicGroups: [.uyghur], sources: [source]),
    ]
    let comparison = PublishedComparison(try IncidentDataset(records))
    let row = try #require(comparison.rows.first { $0.figure.measure == "deported_extradited_or_rendered_to_China" })
    #expect(row.persons.knownSum == 7)
    #expect(row.undeterminedRecords == 1)
    #expect(row.recordsOutsidePeriod == 1)
    #expect(row.personsAllYears.knownSum == 23)
  }

  @Test("the text says what each number is and cites the reports")
  func text() {
    let text = Self.comparison.text(markdown: false)
    #expect(text.contains("people deported, extradited or rendered to China"))
    #expect(text.contains("Published figures count people"))
    #expect(text.contains("oxussociety.org/great-wall-of-steel"))
    #expect(text.contains("64%"))  // 272 / 424
    #expect(Self.comparison.text(markdown: true).contains("| --- |"))
    #expect(PublishedPeriod(parsing: "2014-(early 2022)") == nil)
    #expect(PublishedPeriod(parsing: "2008-2013")?.lastMonth == nil)
    #expect(PublishedPeriod(parsing: "2013-2008") == nil)
  }

  @Test("the summary of tnr report comes from the counting core")
  func summary() {
    let summary = DatasetSummary(IncidentDataset.documentedSample)
    #expect(summary.categories.map(\.incidents) == [23, 28, 30])
    #expect(summary.categories.map(\.personsLowerBound) == [112, 499, 313])
    #expect(summary.categories[2].qualifiers == ["exact": 25, "at_least": 3, "up_to": 2])
    #expect(summary.categories[0].qualifiers == ["exact": 17, "at_least": 2, "about": 1, "unknown": 3])
    #expect(summary.categories[2].persons.upToRecords == 2)
    #expect(summary.hostCountries == 31)
    #expect(summary.years == 1997...2025)
    #expect(summary.incidents == 81)
    let empty = DatasetSummary(IncidentDataset.empty)
    #expect(empty.years == nil && empty.hostCountries == 0 && empty.categories.map(\.incidents) == [0, 0, 0])
  }
}
