import Foundation

/// The values of a small vocabulary by their spellings as bytes: a lookup that compares bytes
/// (length first), with no `String` made and nothing hashed. The readers use it on every row for
/// the enumerated fields (category, mode, precision, qualifier, outcome, gender).
internal struct SpellingTable<Value: Sendable>: Sendable {
  private let entries: [(value: Value, bytes: [UInt8])]

  /// A table of the given spellings; an earlier entry wins over a later one spelt the same.
  init(_ pairs: [(Value, String)]) {
    entries = pairs.map { ($0.0, Array($0.1.utf8)) }
  }

  /// The value spelt exactly `bytes`, or `nil`.
  func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    for (value, spelling) in entries where spelling.count == bytes.count {
      let same = spelling.withUnsafeBufferPointer {
        bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
      }
      if same { return value }
    }
    return nil
  }

  /// The value spelt exactly `text`, or `nil`.
  func value(_ text: String) -> Value? {
    var text = text
    return text.withUTF8 { value($0) }
  }
}

extension SpellingTable where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
  /// A table of every case, spelt by its raw value.
  init(_ type: Value.Type) {
    self.init(type.allCases.map { ($0, $0.rawValue) })
  }
}

extension IncidentKind {
  /// The spellings of the modes of each category (see ``init(category:mode:outcome:)``).
  private static let tactics = SpellingTable(IntimidationTactic.self)
  private static let returnModes = SpellingTable(ReturnMode.self)
  private static let detentionModes = SpellingTable([((), "detention"), ((), "unspecified")])

  /// Builds a kind from a category and the bytes of a `mode` spelling (the rule of
  /// ``init(category:mode:outcome:)``, without making a string).
  init?(category: IncidentCategory, modeBytes mode: UnsafeBufferPointer<UInt8>, outcome: DetentionOutcome) {
    switch category {
    case .intimidation:
      guard let tactic = IncidentKind.tactics.value(mode) else { return nil }
      self = .intimidation(tactic)
    case .detention:
      guard IncidentKind.detentionModes.value(mode) != nil else { return nil }
      self = .detention(outcome)
    case .extradition:
      guard let returnMode = IncidentKind.returnModes.value(mode) else { return nil }
      self = .extradition(returnMode)
    }
  }
}
