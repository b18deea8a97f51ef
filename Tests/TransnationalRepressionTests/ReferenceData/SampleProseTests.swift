import Foundation
import Testing

@testable import TransnationalRepression

/// The prose about the bundled sample (README, DocC articles, doc comments) against the data: a
/// number of events, host countries, returns, detentions or intimidation events written in the
/// text must be the one the bundled file gives.
@Suite("The prose agrees with the bundled sample")
struct SampleProseTests {
  /// The checkout: three levels above this file's folder.
  static let checkout = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// README.md, every Markdown file under Documentation/ and every Swift file under Sources/,
  /// with comment markers removed and runs of white space folded, so a phrase broken across
  /// lines still matches. Documentation/Research/ is left out: it holds verbatim copies of the
  /// project's research notes, which count earlier versions of the sample and other datasets
  /// (they are checked against their originals by `SharedDataCopyTests`).
  static func texts() throws -> [(path: String, text: String)] {
    var files = [checkout.appendingPathComponent("README.md")]
    for folder in ["Documentation", "Sources"] {
      let root = checkout.appendingPathComponent(folder)
      let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
      while let url = walker?.nextObject() as? URL {
        if url.path.contains("/Documentation/Research/") { continue }
        if ["md", "swift"].contains(url.pathExtension) { files.append(url) }
      }
    }
    return try files.map { url in
      let raw = try String(contentsOf: url, encoding: .utf8)
      let folded = raw.replacingOccurrences(of: #"(?m)^\s*///?"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
      return (url.path.replacingOccurrences(of: checkout.path + "/", with: ""), folded)
    }
  }

  /// Every match of `pattern` in the texts, as the integers its groups capture.
  static func numbers(_ pattern: String) throws -> [(path: String, values: [Int])] {
    let regex = try NSRegularExpression(pattern: pattern)
    return try texts().flatMap { file in
      regex.matches(in: file.text, range: NSRange(file.text.startIndex..., in: file.text)).map { match in
        let values = (1..<match.numberOfRanges).compactMap { index in
          Range(match.range(at: index), in: file.text).flatMap { Int(file.text[$0]) }
        }
        return (file.path, values)
      }
    }
  }

  static let sample = IncidentDataset.documentedSample

  @Test("every 'N documented events' and 'N individually sourced events' is the sample's size")
  func events() throws {
    let found = try Self.numbers(#"\b(\d+) (?:individually sourced|documented) events\b"#)
    #expect(found.count >= 8, "the phrase is in the README, the DocC articles and the doc comments")
    for (path, values) in found {
      #expect(values == [Self.sample.count], "\(path)")
    }
  }

  @Test("every 'N host countries' is the sample's number of hosts")
  func hosts() throws {
    let found = try Self.numbers(#"\b(\d+) host countries\b"#)
    #expect(found.count >= 3)
    for (path, values) in found {
      #expect(values == [Set(Self.sample.map(\.host)).count], "\(path)")
    }
  }

  @Test("returns, detentions and intimidation events in the README and the data guide")
  func categories() throws {
    func records(_ category: IncidentCategory) -> [Incident] { Self.sample.filter { $0.category == category } }
    func persons(_ category: IncidentCategory) -> Int { records(category).reduce(0) { $0 + ($1.persons.value ?? 0) } }
    let returns = try Self.numbers(#"\b(\d+) returns to China \((\d+) people\)"#)
    let detentions = try Self.numbers(#"\b(\d+) detentions \(about (\d+) people\)"#)
    let intimidation = try Self.numbers(#"\b(\d+) intimidation events\b"#)
    #expect(returns.count >= 2 && detentions.count >= 2 && intimidation.count >= 2)
    for (path, values) in returns {
      #expect(values == [records(.extradition).count, persons(.extradition)], "\(path)")
    }
    for (path, values) in detentions {
      #expect(values == [records(.detention).count, persons(.detention)], "\(path)")
    }
    for (path, values) in intimidation {
      #expect(values == [records(.intimidation).count], "\(path)")
    }
  }

  @Test("the README's excerpt of tnr report is what tnr report prints")
  func reportExcerpt() throws {
    let readme = try String(contentsOf: Self.checkout.appendingPathComponent("README.md"), encoding: .utf8)
    let afterIntro = try #require(readme.range(of: "An excerpt:\n\n```\n"))
    let end = try #require(readme.range(of: "\n```", range: afterIntro.upperBound..<readme.endIndex))
    let excerpt = readme[afterIntro.upperBound..<end.lowerBound].split(separator: "\n")
    #expect(excerpt.count >= 10)
    let report = runTNR(["report"])
    #expect(report.status == 0)
    let printed = Set(report.out.split(separator: "\n"))
    for line in excerpt {
      #expect(printed.contains(line), "README line not in the report: \(line)")
    }
  }
}
