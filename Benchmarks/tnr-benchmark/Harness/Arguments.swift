import Foundation

/// A command-line mistake: printed with the usage text, exit status 2.
struct UsageError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}

/// How results are printed.
enum OutputFormat: String {
  /// An aligned table for people.
  case text
  /// One JSON object per line (JSON Lines), for scripts.
  case json
}

/// Options shared by the subcommands. Each subcommand reads only the ones it understands and
/// rejects the others (see `Arguments.parse(_:allowed:)`).
struct Options {
  var format: OutputFormat = .text
  var threads: Int?
  var repetitions: Int?
  var warmup: Int = 1
  var size: Int?
  var maximum: Int?
  var smoke = false
  var allowDebugBuild = false
  /// Operands that are not options: file names, benchmark names.
  var operands: [String] = []
}

/// A hand-written parser for `--name value`, `--name=value` and flags; no dependencies.
enum Arguments {
  /// The options every subcommand takes.
  static let common: Set<String> = ["--format", "--allow-debug-build"]

  /// Parses `arguments` (without the program and subcommand names), accepting only the options
  /// in `allowed` and `common`.
  static func parse(_ arguments: [String], allowed: Set<String>) throws(UsageError) -> Options {
    var options = Options()
    var index = 0
    let accepted = allowed.union(common)
    func value(for name: String, inline: String?) throws(UsageError) -> String {
      if let inline { return inline }
      index += 1
      guard index < arguments.count else { throw UsageError("\(name) needs a value") }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" {
        options.operands += arguments[(index + 1)...]
        break
      }
      guard argument.hasPrefix("-"), argument.count > 1 else {
        options.operands.append(argument)
        index += 1
        continue
      }
      var name = argument
      var inline: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      guard accepted.contains(name) else { throw UsageError("unknown option \(name)") }
      switch name {
      case "--format":
        let text = try value(for: name, inline: inline)
        guard let format = OutputFormat(rawValue: text) else {
          throw UsageError("--format must be text or json, not \(text)")
        }
        options.format = format
      case "--threads":
        options.threads = try count(try value(for: name, inline: inline), option: name, minimum: 1)
      case "--repetitions":
        options.repetitions = try count(
          try value(for: name, inline: inline), option: name, minimum: 1)
      case "--warmup":
        options.warmup = try count(try value(for: name, inline: inline), option: name, minimum: 0)
      case "--size":
        options.size = try count(try value(for: name, inline: inline), option: name, minimum: 1)
      case "--max":
        options.maximum = try count(try value(for: name, inline: inline), option: name, minimum: 1)
      case "--smoke", "--allow-debug-build":
        guard inline == nil else { throw UsageError("\(name) takes no value") }
        if name == "--smoke" { options.smoke = true } else { options.allowDebugBuild = true }
      default:
        throw UsageError("unknown option \(name)")
      }
      index += 1
    }
    return options
  }

  /// Parses a non-negative integer written plainly (`100000000`), with separators
  /// (`100_000_000`) or in scientific notation (`1e8`).
  static func count(_ text: String, option: String, minimum: Int) throws(UsageError) -> Int {
    let plain = text.replacingOccurrences(of: "_", with: "")
    var parsed: Int?
    if let integer = Int(plain) {
      parsed = integer
    } else if let real = Double(plain), real.isFinite, real == real.rounded(),
      real.magnitude < 9.0e18
    {
      parsed = Int(real)
    }
    guard let parsed, parsed >= minimum else {
      throw UsageError("\(option) needs an integer >= \(minimum), not \(text)")
    }
    return parsed
  }
}
