import Testing

@testable import TransnationalRepression

/// `PersonCount(parsing:)`: counts of people as spreadsheets hold them. Every expected count
/// below is written by hand.
@Suite("Person count text")
struct PersonCountTextTests {

  @Test(
    "exact counts",
    arguments: [
      ("5", 5), ("0", 0), ("12", 12), (" 62 ", 62), ("007", 7), ("1,000", 1000),
      ("12,345,678", 12_345_678), ("5 people", 5), ("1 person", 1), ("3 Persons", 3),
      ("40 individuals", 40), ("5\u{00A0}people", 5), ("\t7\n", 7),
    ])
  func exact(text: String, value: Int) throws {
    #expect(try PersonCount(parsing: text) == .exactly(value))
  }

  @Test(
    "lower bounds",
    arguments: [
      ("at least 5", 5), ("At Least 5", 5), ("at  least   5", 5), ("5+", 5), ("5 +", 5),
      ("5 or more", 5), ("no fewer than 5", 5), ("no less than 5", 5), ("not less than 5", 5),
      (">= 5", 5), (">=5", 5), ("≥5", 5), ("at least 1,200", 1200), ("at least 5 people", 5),
      ("20+ people", 20),
      // "More than 5" is 6 or more: stored as at least 6.
      ("more than 5", 6), ("More than 5", 6), ("over 5", 6), ("> 5", 6), (">5", 6),
      ("more than 0", 1), ("over 100 people", 101),
    ])
  func atLeast(text: String, value: Int) throws {
    #expect(try PersonCount(parsing: text) == PersonCount(value, qualifier: .atLeast))
  }

  @Test(
    "approximate counts",
    arguments: [
      ("about 60", 60), ("About 60", 60), ("~60", 60), ("~ 60", 60), ("≈60", 60),
      ("approximately 60", 60), ("approx. 60", 60), ("approx 60", 60), ("around 60", 60),
      ("roughly 60", 60), ("circa 60", 60), ("c. 60", 60), ("c.60", 60), ("ca. 60", 60),
      ("about 4", 4), ("about 1,500 people", 1500),
    ])
  func about(text: String, value: Int) throws {
    #expect(try PersonCount(parsing: text) == PersonCount(value, qualifier: .about))
  }

  @Test(
    "upper bounds",
    arguments: [
      ("up to 10", 10), ("Up to 10", 10), ("no more than 10", 10), ("not more than 10", 10),
      ("at most 10", 10), ("10 or fewer", 10), ("10 or less", 10), ("<= 10", 10), ("≤10", 10),
      // "Fewer than 10" is 9 or fewer: stored as up to 9.
      ("fewer than 10", 9), ("less than 10", 9), ("under 10", 9), ("< 10", 9),
      ("fewer than 1", 0),
    ])
  func upTo(text: String, value: Int) throws {
    #expect(try PersonCount(parsing: text) == PersonCount(value, qualifier: .upTo))
  }

  @Test("unknown and empty are unknown", arguments: ["unknown", "Unknown", "UNKNOWN", "", "  "])
  func unknown(text: String) throws {
    #expect(try PersonCount(parsing: text) == .unknown)
  }

  @Test(
    "ranges and choices are refused, never averaged",
    arguments: [
      "3-5", "3 - 5", "3–5", "3 to 5", "about 4 or 5", "4 or 5", "4/5", "10-20 people",
      "at least 3-5", "1,000-2,000",
    ])
  func ranges(text: String) {
    #expect(throws: PersonCountTextError.range(text)) { try PersonCount(parsing: text) }
  }

  @Test(
    "words, numbers with other text and double qualifiers are refused",
    arguments: [
      "many", "several", "dozens", "a family", "12a", "five", "about", "at least", "+5", "5++",
      "at least 5+", "about ~60", "n/a", "?", "5 families", "over5", "about5", "c60",
      "more than five", "5 or so", "x", "1e3", "0x10", "5 5", "５", "about ５",
    ])
  func unrecognized(text: String) {
    #expect(throws: PersonCountTextError.unrecognized(text)) { try PersonCount(parsing: text) }
  }

  @Test("decimals, ambiguous separators, negatives and overflow have their own reasons")
  func otherErrors() {
    #expect(throws: PersonCountTextError.notWholeNumber("4.5")) { try PersonCount(parsing: "4.5") }
    #expect(throws: PersonCountTextError.notWholeNumber("1,5")) { try PersonCount(parsing: "1,5") }
    #expect(throws: PersonCountTextError.notWholeNumber("about 2.5")) {
      try PersonCount(parsing: "about 2.5")
    }
    #expect(throws: PersonCountTextError.ambiguousSeparator("1.000")) {
      try PersonCount(parsing: "1.000")
    }
    #expect(throws: PersonCountTextError.ambiguousSeparator("1 000")) {
      try PersonCount(parsing: "1 000")
    }
    #expect(throws: PersonCountTextError.notWholeNumber("1,00")) {
      try PersonCount(parsing: "1,00")
    }
    #expect(throws: PersonCountTextError.notWholeNumber("1,0000")) {
      try PersonCount(parsing: "1,0000")
    }
    #expect(throws: PersonCountTextError.unrecognized(",100")) { try PersonCount(parsing: ",100") }
    #expect(throws: PersonCountTextError.negative("-3")) { try PersonCount(parsing: "-3") }
    #expect(throws: PersonCountTextError.nothingBelow("fewer than 0")) {
      try PersonCount(parsing: "fewer than 0")
    }
    #expect(throws: PersonCountTextError.tooLarge("99999999999999999999")) {
      try PersonCount(parsing: "99999999999999999999")
    }
    #expect(throws: PersonCountTextError.tooLarge("more than 9223372036854775807")) {
      try PersonCount(parsing: "more than 9223372036854775807")
    }
  }

  @Test("messages quote the text and say what to write")
  func messages() {
    #expect(
      PersonCountTextError.unrecognized("many").description
        == "'many' is not a count of people; write a whole number (5), optionally with "
        + "'at least', 'more than', 'about', 'up to' (or 5+, ~60), or 'unknown'")
    #expect(PersonCountTextError.range("3-5").description.hasPrefix("'3-5' is a range"))
    #expect(PersonCountTextError.ambiguousSeparator("1.000").description.contains("1000"))
    #expect(PersonCountTextError.negative("-3").description.contains("'-3'"))
  }
}
