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

  /// The root of the checkout (the folder holding `Package.swift`).
  static let checkout: URL = directory
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // checkout

  /// The committed copies of the shared data files the library bundles:
  /// `Sources/TransnationalRepression/ReferenceData/Resources/`.
  static let bundledResources: URL = checkout
    .appendingPathComponent("Sources/TransnationalRepression/ReferenceData/Resources", isDirectory: true)

  /// The project's shared folder, `../shared/` beside the checkout. It exists on the project's
  /// machines, not in a user's clone: no test may need it, and the tests that compare the
  /// committed copies with it run only when it is there.
  static let shared: URL = checkout
    .deletingLastPathComponent()
    .appendingPathComponent("shared", isDirectory: true)

  /// `../shared/data/` beside the checkout, when present.
  static let sharedData: URL = shared.appendingPathComponent("data", isDirectory: true)

  /// Whether `../shared/` is beside the checkout.
  static var sharedIsPresent: Bool { FileManager.default.fileExists(atPath: shared.path) }
}
