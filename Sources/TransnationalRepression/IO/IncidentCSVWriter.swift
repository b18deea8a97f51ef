import Foundation

/// Writes datasets in the canonical CSV schema (see ``IncidentCSV/write(_:names:)``).
internal struct IncidentCSVWriter {
  let dataset: IncidentDataset
  let names: PersonNamePolicy

  func text() -> String {
    let incidents = dataset.incidents
    let needsOutcome = incidents.contains {
      if case .detention(let outcome) = $0.kind { return outcome != .unknown }
      return false
    }
    let needsGender = incidents.contains { $0.gender != nil }
    let needsPublisher = incidents.contains { $0.sources.first?.publisher != nil }
    let needsName = names != .omit && incidents.contains { $0.personName != nil }
    let extraSources = incidents.map { $0.sources.count - 1 }.max() ?? 0

    var header = IncidentField.canonical.map(\.rawValue)
    if needsOutcome { header.append(IncidentField.detentionOutcome.rawValue) }
    if needsGender { header.append(IncidentField.gender.rawValue) }
    if needsPublisher { header.append(IncidentField.sourcePublisher.rawValue) }
    if extraSources > 0 {
      for number in 2...(extraSources + 1) {
        header += ["title", "url", "date", "publisher"].map { "source_\($0)_\(number)" }
      }
    }
    if needsName { header.append(IncidentField.personName.rawValue) }

    var output = ""
    output.reserveCapacity(incidents.count * 400)
    CSVFormatting.appendRow(header, to: &output)
    for incident in incidents {
      let first = incident.sources[0]
      let date = incident.date
      var row: [String] = [incident.id, incident.origin.alpha2, incident.host.alpha2]
      row.append(String(date.year))
      row.append(date.month.map { String($0) } ?? "")
      row.append(date.day.map { String($0) } ?? "")
      row.append(date.precision.rawValue)
      row.append(incident.category.rawValue)
      row.append(incident.kind.mode)
      row.append(incident.persons.value.map { String($0) } ?? "")
      row.append(incident.persons.qualifier.rawValue)
      row.append(incident.ethnicGroupSpellings.joined(separator: ";"))
      row.append(first.title)
      row.append(first.url ?? "")
      row.append(first.date ?? "")
      row.append(incident.notes)
      if needsOutcome {
        if case .detention(let outcome) = incident.kind, outcome != .unknown {
          row.append(outcome.rawValue)
        } else {
          row.append("")
        }
      }
      if needsGender { row.append(incident.gender?.rawValue ?? "") }
      if needsPublisher { row.append(first.publisher ?? "") }
      if extraSources > 0 {
        for index in 1...extraSources {
          if index < incident.sources.count {
            let source = incident.sources[index]
            row += [source.title, source.url ?? "", source.date ?? "", source.publisher ?? ""]
          } else {
            row += ["", "", "", ""]
          }
        }
      }
      if needsName { row.append(names.exportedText(for: incident.personName) ?? "") }
      CSVFormatting.appendRow(row, to: &output)
    }
    return output
  }
}

/// RFC 4180 output helpers shared by every CSV writer in the library.
public enum CSVFormatting {
  /// Appends one record and a line feed; fields holding a comma, a quote, a carriage return or a
  /// line feed are quoted, with quotes doubled.
  ///
  /// - Parameters:
  ///   - fields: the record's fields.
  ///   - output: the text to append to.
  public static func appendRow(_ fields: [String], to output: inout String) {
    for (index, field) in fields.enumerated() {
      if index > 0 { output.append(",") }
      output.append(escaped(field))
    }
    output.append("\n")
  }

  /// A field as RFC 4180 wants it: quoted, with quotes doubled, when it holds a comma, a quote or
  /// a line break; otherwise unchanged.
  public static func escaped(_ field: String) -> String {
    guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
    else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
