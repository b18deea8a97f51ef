extension IncidentDataset {
  /// The bundled sample: 81 individually sourced events of China's transnational repression of
  /// Uyghurs and other Turkic peoples, 1997–2025, in 31 host countries.
  ///
  /// Each record cites the news report or NGO release it was read from (Human Rights Watch,
  /// Amnesty International, UHRP, WUC, RFA, RFE/RL, AP, Reuters, AFP and others). Names of people
  /// are left out; the source identifies the case.
  ///
  /// **This is a documented sample, not the dataset.** It holds 30 returns to China (313 people)
  /// against 424 in the Oxus Society / UHRP dataset to January 2022; 28 detentions (about 499
  /// people) against 1,150; and 23 intimidation events against 5,532. Central Asia before 2008,
  /// Afghanistan, and the Middle East and North Africa after 2017 are thin. Use it to exercise the
  /// library on real records and to show coverage against the published totals — never present its
  /// counts as the dataset's.
  ///
  /// Egypt, July 2017 has a detention row (at least 62 detained) and two return rows (12 and 10)
  /// that overlap: do not add detentions and returns together for Egypt.
  ///
  /// ```swift
  /// let sample = IncidentDataset.documentedSample
  /// sample.filter { $0.category == .extradition }.count   // 28
  /// ```
  public static let documentedSample: IncidentDataset = {
    do {
      // Validated against a fixed day after the sample's last event, so loading the bundled data
      // never depends on the clock.
      return try IncidentCSV.read(
        contentsOf: BundledResource.documentedEvents.url,
        today: CalendarDay(year: 2026, month: 11, day: 23)!
      ).dataset
    } catch {
      fatalError("The bundled documented-events.csv is damaged: \(error)")
    }
  }()
}
