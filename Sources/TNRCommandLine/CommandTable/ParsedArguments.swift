import Foundation

/// A usage error: the command line is malformed (exit status 2).
public struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public let message: String
  /// The command whose usage was wrong, when known (its help is suggested).
  public let command: String?
  /// Creates a usage error.
  public init(_ message: String, command: String? = nil) {
    self.message = message
    self.command = command
  }
  /// The message.
  public var description: String { message }
}

/// A command line parsed against a ``CommandSpec``: every option known, every value checked
/// against its declaration (choices, ranges), no single-valued option given twice, the
/// positional arguments counted.
public struct ParsedArguments: Sendable {
  /// The command the arguments were parsed for.
  public let command: CommandSpec
  /// The positional arguments, in order.
  public private(set) var positionals: [String] = []
  private var values: [String: [String]] = [:]
  private var flags: Set<String> = []
  /// Whether `-h` or `--help` was given (the command is then not run).
  public private(set) var wantsHelp = false

  /// Parses `arguments` (without the command's name) for `command`.
  ///
  /// - Throws: ``UsageError`` naming the option and what is wrong.
  public init(_ arguments: [String], for command: CommandSpec) throws(UsageError) {
    self.command = command
    func usage(_ message: String) -> UsageError { UsageError(message, command: command.name) }
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        positionals += arguments[index...]
        break
      }
      if argument == "-h" || argument == "--help" {
        wantsHelp = true
        continue
      }
      guard argument.hasPrefix("-"), argument.count > 1 else {
        positionals.append(argument)
        continue
      }
      guard argument.hasPrefix("--") else {
        throw usage("unknown option \(argument) (options are spelled --name)")
      }
      var name = String(argument.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let option = command.option(name) else {
        let known = command.options.map { "--\($0.name)" }.joined(separator: ", ")
        throw usage("has no option --\(name); its options are \(known)")
      }
      if option.isFlag {
        guard inlineValue == nil else { throw usage("--\(name) is a flag and takes no value") }
        guard !flags.contains(name) else { throw usage("--\(name) was given twice; give it once") }
        flags.insert(name)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else {
        guard index < arguments.count, !Self.isOption(arguments[index], of: command) else {
          throw usage("--\(name) needs a value: \(option.synopsis)")
        }
        value = arguments[index]
        index += 1
      }
      if let previous = values[name]?.last, !option.isRepeatable {
        let hint = option.allowsList ? " (it takes a comma-separated list: --\(name) \(previous),\(value))" : ""
        throw usage("--\(name) was given twice ('\(previous)' and '\(value)'); give it once\(hint)")
      }
      try Self.check(value, against: option, command: command.name)
      values[name, default: []].append(value)
    }
    guard !wantsHelp else { return }
    if positionals.count != command.positionals.count {
      let expected = command.positionals.map(\.placeholder)
      if expected.isEmpty {
        throw usage("takes no positional arguments, got '\(positionals.joined(separator: " "))' (options are spelled --name)")
      }
      if positionals.isEmpty, let first = command.positionals.first {
        throw usage("needs \(expected.joined(separator: " ")): \(first.help)")
      }
      throw usage("takes \(expected.joined(separator: " ")), got \(positionals.count): '\(positionals.joined(separator: "' '"))'")
    }
    for option in command.options where option.isRequired && values[option.name] == nil {
      throw usage("needs \(option.synopsis): \(option.help)")
    }
  }

  /// Whether `argument` is one of the command's options (or help), so not a value.
  private static func isOption(_ argument: String, of command: CommandSpec) -> Bool {
    guard argument.hasPrefix("-") else { return false }
    if argument == "-h" || argument == "--help" { return true }
    let name = argument.dropFirst(2).prefix { $0 != "=" }
    return argument.hasPrefix("--") && command.option(String(name)) != nil
  }

  /// Checks one value against its declaration.
  private static func check(_ value: String, against option: OptionSpec, command: String) throws(UsageError) {
    if let choices = option.choices {
      let items = option.allowsList ? listItems(value) : [value]
      for item in items where !choices.contains(item) {
        throw UsageError(
          "--\(option.name) must be \(choices.count == 1 ? "" : "one of ")\(choices.joined(separator: ", ")), not '\(item)'",
          command: command)
      }
      if items.isEmpty { throw UsageError("--\(option.name) needs a value", command: command) }
    }
    if let range = option.range {
      guard let number = Int(value), range.contains(number) else {
        let upper = range.upperBound == Int.max ? "up" : "to \(range.upperBound)"
        throw UsageError(
          "--\(option.name) must be a whole number from \(range.lowerBound) \(upper), not '\(value)'", command: command)
      }
    }
  }

  /// The items of a comma-separated list, trimmed, empty items dropped.
  static func listItems(_ value: String) -> [String] {
    value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The value of a single-valued option, or its declared default, or `nil`.
  public func value(_ name: String) -> String? {
    values[name]?.last ?? command.option(name)?.defaultValue
  }

  /// Whether the option was given on the command line (defaults do not count).
  public func isGiven(_ name: String) -> Bool { values[name] != nil || flags.contains(name) }

  /// Every value of a repeatable option, in order.
  public func values(_ name: String) -> [String] { values[name] ?? [] }

  /// Every item of a list option, across repeats and commas.
  public func list(_ name: String) -> [String] {
    (values[name] ?? command.option(name)?.defaultValue.map { [$0] } ?? []).flatMap(Self.listItems)
  }

  /// Whether a flag was given.
  public func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The value of a whole-number option (already checked against its range).
  public func integer(_ name: String) -> Int? { value(name).flatMap { Int($0) } }
}
