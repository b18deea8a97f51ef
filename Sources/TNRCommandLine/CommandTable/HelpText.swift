import Foundation
import TransnationalRepression

/// The help texts, all made from ``CommandTable``: the general help, each command's help, the
/// synopses, and the Markdown command reference that the README and the DocC catalog carry.
public enum HelpText {
  /// The width help text wraps at.
  static let width = 96

  /// `tnr count --by DIM[,DIM…] [--measure M] …`, wrapped with continuation lines indented.
  public static func synopsis(_ command: CommandSpec) -> String {
    var words = ["tnr", command.name] + command.positionals.map(\.placeholder)
    for option in command.options {
      let item = option.isRequired ? option.synopsis : "[\(option.synopsis)]"
      words.append(option.isRepeatable ? item + "…" : item)
    }
    return wrap(words, indent: "tnr \(command.name) ".count)
  }

  /// The general help: what `tnr` is, its commands, their synopses, exit statuses.
  public static var general: String {
    let sample = IncidentDataset.documentedSample
    let hosts = Set(sample.map(\.host)).count
    let nameWidth = CommandTable.commands.map(\.name.count).max() ?? 0
    var lines = [
      "tnr \(TNRCommand.version) — transnational-repression incidents: validate, count, correlate and report",
      "",
      "COMMANDS",
    ]
    for command in CommandTable.commands {
      lines.append("  " + command.name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0) + command.summary)
    }
    lines += ["", "USAGE"]
    for command in CommandTable.commands {
      lines.append(indented(synopsis(command), by: 2))
    }
    lines += [
      "  tnr help [COMMAND]      tnr COMMAND --help      tnr --version",
      "",
      "Run `tnr help COMMAND` for a command's options, what each does, and examples.",
      "",
      "Without --incidents, commands use the bundled sample of \(counted(sample.count, "documented event")) in",
      "\(counted(hosts, "host country", plural: "host countries")) (a sample, not the Oxus Society / UHRP dataset: see `tnr report`).",
      "",
      "EXIT STATUS",
      "  0 success; 1 the data has invalid rows or a file cannot be used; 2 usage error",
      "",
    ]
    return lines.joined(separator: "\n")
  }

  /// One command's help: synopsis, every option with its explanation, values and default,
  /// the discussion, and examples.
  public static func help(_ command: CommandSpec) -> String {
    var lines = ["tnr \(command.name) — \(command.summary)", "", "USAGE", indented(synopsis(command), by: 2)]
    var rows: [(String, String)] = command.positionals.map { ($0.placeholder, $0.help) }
    rows += command.options.map { ($0.synopsis, explanation($0)) }
    rows.append(("-h, --help", "Show this help."))
    let left = min((rows.map(\.0.count).max() ?? 0) + 2, 28)
    lines += ["", command.positionals.isEmpty ? "OPTIONS" : "ARGUMENTS AND OPTIONS"]
    for (name, text) in rows {
      let body = wrapText(text, width: width - 2 - left)
      let first = name.count + 2 <= left
        ? "  " + name.padding(toLength: left, withPad: " ", startingAt: 0) + body[0]
        : "  " + name + "\n" + String(repeating: " ", count: left + 2) + body[0]
      lines.append(first)
      lines += body.dropFirst().map { String(repeating: " ", count: left + 2) + $0 }
    }
    for paragraph in command.discussion {
      lines += [""] + wrapText(paragraph, width: width)
    }
    lines += ["", "EXAMPLES"] + command.examples.map { "  " + $0 } + [""]
    return lines.joined(separator: "\n")
  }

  /// An option's help line with its values, list and repeat rules and default.
  static func explanation(_ option: OptionSpec) -> String {
    var text = option.help
    var notes: [String] = []
    if let choices = option.choices {
      notes.append((option.allowsList ? "comma-separated, each one of " : "one of ") + choices.joined(separator: ", "))
    } else if option.allowsList {
      notes.append("comma-separated")
    }
    if let range = option.range, option.placeholder != "YEAR" {
      notes.append(range.upperBound == Int.max ? "a whole number ≥ \(range.lowerBound)" : "\(range.lowerBound)…\(range.upperBound)")
    }
    if let value = option.defaultValue { notes.append("default \(value)") }
    if option.isRepeatable { notes.append("repeatable") }
    if option.isRequired { notes.append("required") }
    if !notes.isEmpty { text += " (" + notes.joined(separator: "; ") + ")" }
    return text
  }

  /// The command reference as Markdown: a section per command with its synopsis, a table of
  /// its options and its examples. The README's and the DocC catalog's command references are
  /// this text, checked by a test.
  public static var markdownReference: String {
    var lines: [String] = []
    for command in CommandTable.commands {
      lines += ["### tnr \(command.name)", "", command.summary, "", "```", synopsis(command), "```", ""]
      lines += ["| argument or option | meaning |", "| --- | --- |"]
      for positional in command.positionals {
        lines.append("| `\(positional.placeholder)` | \(markdownCell(positional.help)) |")
      }
      for option in command.options {
        lines.append("| `\(option.synopsis)` | \(markdownCell(explanation(option))) |")
      }
      lines.append("")
      for paragraph in command.discussion { lines += [paragraph, ""] }
      lines += ["Examples:", "", "```"] + command.examples + ["```", ""]
    }
    return lines.joined(separator: "\n")
  }

  static func markdownCell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

  /// Words joined by spaces, wrapped at ``width`` with continuation lines indented.
  static func wrap(_ words: [String], indent: Int) -> String {
    var lines: [String] = []
    var line = ""
    for word in words {
      if !line.isEmpty && line.count + 1 + word.count > width - 2 {
        lines.append(line)
        line = String(repeating: " ", count: indent) + word
      } else {
        line += line.isEmpty ? word : " " + word
      }
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  /// A paragraph wrapped at `width`.
  static func wrapText(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = String(word)
      } else {
        line += line.isEmpty ? String(word) : " " + word
      }
    }
    lines.append(line)
    return lines
  }

  static func indented(_ text: String, by count: Int) -> String {
    let pad = String(repeating: " ", count: count)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
  }
}
