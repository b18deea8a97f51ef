import Foundation

/// Locates committed test fixtures under `Tests/Fixtures/`, relative to this source file, so the
/// tests need neither Python nor network access. Test support, not API.
enum Fixtures {
  /// `Tests/Fixtures/`.
  static let directory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // TransnationalRepressionTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Fixtures", isDirectory: true)

  /// The URL of a fixture, e.g. `Fixtures.url("scipy/pearson.json")`.
  static func url(_ relativePath: String) -> URL {
    directory.appendingPathComponent(relativePath)
  }

  /// The bytes of a fixture.
  static func data(_ relativePath: String) throws -> Data {
    try Data(contentsOf: url(relativePath))
  }

  /// Decodes a JSON fixture.
  static func json<T: Decodable>(_ type: T.Type, _ relativePath: String) throws -> T {
    try JSONDecoder().decode(type, from: data(relativePath))
  }

  /// `../shared/data/` beside the checkout, when present (it is in CI and on developer machines).
  static let sharedData: URL = directory
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // checkout
    .deletingLastPathComponent()
    .appendingPathComponent("shared/data", isDirectory: true)
}
