import Foundation
import TransnationalRepression

/// The mapping options every command that reads incidents takes (declared once, as
/// ``OptionSpec/mappingOptions``): `--mapping`, `--map`, `--default`, `--value`, `--date-order`,
/// `--delimiter`, `--encoding`, `--generate-ids`, `--allow-other-groups`.
enum MappingOptions {
  /// The mapping the options describe: the `--mapping` file's (or `base`), with the flags on
  /// top.
  ///
  /// `--map` and `--default` entries whose field is in `skipping` are left to the caller (the
  /// aggregate fields `count`, `year_start`, `year_end`).
  static func mapping(
    _ parsed: ParsedArguments, base: ColumnMapping = ColumnMapping(), skipping: Set<String> = []
  ) throws -> ColumnMapping {
    var mapping = base
    if let path = parsed.value("mapping") {
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw ImportError(.unreadable("\(path): the mapping file cannot be read"))
      }
      do {
        mapping = try JSONDecoder().decode(ColumnMapping.self, from: data)
      } catch let DecodingError.dataCorrupted(context) {
        throw ImportError(.malformedJSON("\(path): \(context.debugDescription)"))
      } catch {
        throw ImportError(
          .malformedJSON(
            "\(path): not a mapping (an object with columns, defaults, values, date_order, delimiter, encoding, generate_ids, allow_other_groups)"))
      }
    }
    let fieldList =
      "fields: date, kind, " + IncidentField.allCases.map(\.rawValue).joined(separator: ", ")
    for pair in parsed.values("map") {
      guard let equals = pair.firstIndex(of: "=") else {
        throw UsageError("--map takes FIELD=COLUMN, not '\(pair)'")
      }
      let name = String(pair[..<equals])
      let column = String(pair[pair.index(after: equals)...])
      if skipping.contains(name) { continue }
      switch name {
      case "date": mapping.dateColumn = column
      case "kind": mapping.kindColumn = column
      default:
        guard let field = IncidentField(rawValue: name) else {
          throw UsageError("'\(name)' is not a field; \(fieldList)")
        }
        mapping.columns[field] = column
      }
    }
    for pair in parsed.values("default") {
      guard let equals = pair.firstIndex(of: "=") else {
        throw UsageError("--default takes FIELD=VALUE, not '\(pair)'")
      }
      let name = String(pair[..<equals])
      if skipping.contains(name) { continue }
      guard let field = IncidentField(rawValue: name) else {
        throw UsageError(
          "'\(name)' is not a field; fields: \(IncidentField.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      mapping.defaults[field] = String(pair[pair.index(after: equals)...])
    }
    for entry in parsed.values("value") {
      // FIELD before the first ':', VALUE after the last '=' (labels may hold either).
      guard let colon = entry.firstIndex(of: ":"), let equals = entry.lastIndex(of: "="),
        colon < equals
      else {
        throw UsageError("--value takes FIELD:LABEL=VALUE, not '\(entry)'")
      }
      let field = String(entry[..<colon])
      let enumerated = [
        "kind", "category", "mode", "persons_qualifier", "date_precision", "detention_outcome",
        "gender", "ethnic_groups",
      ]
      guard enumerated.contains(field) else {
        throw UsageError(
          "--value takes labels of kind or an enumerated field (\(enumerated.joined(separator: ", "))), not '\(field)'")
      }
      let label = String(entry[entry.index(after: colon)..<equals])
      let value = String(entry[entry.index(after: equals)...])
      // Labels match ignoring case and surrounding spaces: the flag replaces any spelling of
      // the same label that the mapping file (or a suggestion) holds.
      func key(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }
      mapping.values[field] = (mapping.values[field] ?? [:]).filter { key($0.key) != key(label) }
      mapping.values[field]![label] = value
    }
    if let order = parsed.value("date-order") {
      mapping.dateOrder = DateOrder(rawValue: order)
    }
    if let delimiter = parsed.value("delimiter") {
      mapping.delimiter = CSVDelimiter(argument: delimiter)
    }
    if let encoding = parsed.value("encoding") {
      mapping.encoding = CSVEncoding(rawValue: encoding)
    }
    if parsed.flag("generate-ids") { mapping.generatesIDs = true }
    if parsed.flag("allow-other-groups") { mapping.allowsOtherEthnicGroups = true }
    return mapping
  }

  /// The mapping as the JSON `--mapping` reads, keys sorted, two-space indented.
  static func json(_ mapping: ColumnMapping) throws -> String {
    // Not snakeCaseJSON: its key strategy would rewrite the file's column names and labels,
    // which are dictionary keys here; the mapping's own keys are snake_case already.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(mapping), as: UTF8.self)
  }
}
