/// One option of a command, declared once: its name, the value it takes, its default, whether it
/// may be given more than once, and its line of help. Parsing, usage errors, `tnr help COMMAND`
/// and the command reference in the docs all read these declarations.
public struct OptionSpec: Sendable, Hashable {
  /// The long name, without the leading `--`.
  public let name: String
  /// The placeholder of the value (`FILE`, `N`, `DIM[,DIM…]`), or `nil` for a flag.
  public let placeholder: String?
  /// The allowed values, when the option takes one of a fixed set.
  public let choices: [String]?
  /// Whether the value may be a comma-separated list (each item one of ``choices`` if set).
  public let allowsList: Bool
  /// The inclusive range of a whole-number value.
  public let range: ClosedRange<Int>?
  /// The value used when the option is absent, as shown in help; `nil` for none.
  public let defaultValue: String?
  /// Whether the option may be given more than once (its values accumulate).
  public let isRepeatable: Bool
  /// Whether the command needs this option.
  public let isRequired: Bool
  /// One line of explanation for `tnr help`.
  public let help: String

  /// Declares an option.
  public init(
    _ name: String, _ placeholder: String? = nil, choices: [String]? = nil, allowsList: Bool = false,
    range: ClosedRange<Int>? = nil, default defaultValue: String? = nil, repeatable: Bool = false,
    required: Bool = false, help: String
  ) {
    self.name = name
    self.placeholder = placeholder
    self.choices = choices
    self.allowsList = allowsList
    self.range = range
    self.defaultValue = defaultValue
    self.isRepeatable = repeatable
    self.isRequired = required
    self.help = help
  }

  /// Whether the option is a flag (takes no value).
  public var isFlag: Bool { placeholder == nil }

  /// `--name PLACEHOLDER`, or `--name` for a flag.
  public var synopsis: String { placeholder.map { "--\(name) \($0)" } ?? "--\(name)" }
}

/// A positional argument of a command, such as `validate`'s `FILE`.
public struct PositionalSpec: Sendable, Hashable {
  /// The placeholder, such as `FILE`.
  public let placeholder: String
  /// One line of explanation for `tnr help`.
  public let help: String

  /// Declares a positional argument.
  public init(_ placeholder: String, help: String) {
    self.placeholder = placeholder
    self.help = help
  }
}

/// One `tnr` command, declared once: name, summary, arguments, options, examples, and the code
/// that runs it.
public struct CommandSpec: Sendable {
  /// The command's name, such as `count`.
  public let name: String
  /// One line saying what it does.
  public let summary: String
  /// Its positional arguments (all required, in order).
  public let positionals: [PositionalSpec]
  /// Its options, in the order help lists them.
  public let options: [OptionSpec]
  /// Paragraphs of explanation after the options.
  public let discussion: [String]
  /// Example command lines, each run by the tests.
  public let examples: [String]
  /// Runs the command on parsed arguments; returns the exit status.
  let run: @Sendable (ParsedArguments, Console) throws -> Int32

  init(
    name: String, summary: String, positionals: [PositionalSpec] = [], options: [OptionSpec],
    discussion: [String] = [], examples: [String],
    run: @escaping @Sendable (ParsedArguments, Console) throws -> Int32
  ) {
    self.name = name
    self.summary = summary
    self.positionals = positionals
    self.options = options
    self.discussion = discussion
    self.examples = examples
    self.run = run
  }

  /// The option named `name`, if the command has one.
  public func option(_ name: String) -> OptionSpec? { options.first { $0.name == name } }
}
