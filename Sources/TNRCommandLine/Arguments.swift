/// A usage error: the command line is malformed (exit status 2).
public struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public let message: String
  /// Creates a usage error.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}

/// A small parser for `command POSITIONAL… --option value --flag` command lines.
struct Arguments {
  private(set) var positionals: [String] = []
  private var options: [String: [String]] = [:]
  private var flags: Set<String> = []

  /// Parses `arguments` given the names of options that take a value and of flags.
  init(_ arguments: [String], options valued: Set<String>, flags known: Set<String>) throws(UsageError) {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        positionals += arguments[index...]
        break
      }
      guard argument.hasPrefix("--"), argument.count > 2 else {
        positionals.append(argument)
        continue
      }
      var name = String(argument.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if valued.contains(name) {
        if let inlineValue {
          options[name, default: []].append(inlineValue)
        } else {
          guard index < arguments.count else { throw UsageError("option --\(name) needs a value") }
          options[name, default: []].append(arguments[index])
          index += 1
        }
      } else if known.contains(name) {
        guard inlineValue == nil else { throw UsageError("flag --\(name) takes no value") }
        flags.insert(name)
      } else {
        throw UsageError("unknown option --\(name)")
      }
    }
  }

  /// The last value of an option.
  func value(_ name: String) -> String? { options[name]?.last }
  /// Every value of a repeatable option.
  func values(_ name: String) -> [String] { options[name] ?? [] }
  /// Whether a flag was given.
  func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The value of an option that must be one of `choices`.
  func choice(_ name: String, _ choices: [String], default fallback: String) throws(UsageError) -> String {
    let chosen = value(name) ?? fallback
    guard choices.contains(chosen) else {
      throw UsageError("--\(name) must be one of \(choices.joined(separator: ", ")), not '\(chosen)'")
    }
    return chosen
  }

  /// The value of an option as an integer within `range`.
  func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
    guard let text = value(name) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      throw UsageError("--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
    }
    return number
  }
}
