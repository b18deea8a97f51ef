import Foundation

/// Reads and writes incidents as JSON, through `Codable`.
///
/// The JSON is an array of incident objects with snake_case keys, countries as ISO 3166-1
/// alpha-2, and dates as `{"year": …, "month": …, "day": …, "precision": …}`. Output is
/// pretty-printed with sorted keys, so write → read → write gives identical bytes.
///
/// ```swift
/// let data = try IncidentJSON.write(dataset)                 // names left out
/// let again = try IncidentJSON.read(data: data).dataset      // equal to `dataset`
/// ```
public enum IncidentJSON {
  /// Reads a JSON array of incidents and validates it as a dataset.
  ///
  /// - Parameters:
  ///   - data: the JSON.
  ///   - today: the day against which future dates are rejected.
  /// - Returns: the dataset, with a report that counts its records.
  /// - Throws: ``ImportError`` of kind ``ImportError/Kind/malformedJSON(_:)`` naming the record
  ///   index and field, or of kind ``ImportError/Kind/invalidRecord(_:)`` for a future date or a
  ///   repeated id.
  public static func read(data: Data, today: CalendarDay = .today) throws(ImportError) -> ImportResult {
    let incidents: [Incident]
    do {
      incidents = try JSONDecoder().decode([Incident].self, from: data)
    } catch let error as DecodingError {
      throw ImportError(.malformedJSON(describe(error)))
    } catch {
      throw ImportError(.malformedJSON(String(describing: error)))
    }
    let dataset = try IncidentDataset(incidents, validatedOn: today)
    return ImportResult(
      dataset: dataset, report: ImportReport(dataRows: incidents.count, accepted: incidents.count))
  }

  /// Reads a JSON file of incidents.
  ///
  /// - Throws: ``ImportError``, as ``read(data:today:)``, or of kind
  ///   ``ImportError/Kind/unreadable(_:)``.
  public static func read(contentsOf url: URL, today: CalendarDay = .today) throws(ImportError)
    -> ImportResult
  {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ImportError(.unreadable("\(url.path): \(error.localizedDescription)"))
    }
    return try read(data: data, today: today)
  }

  /// Writes a dataset as pretty-printed JSON with sorted keys.
  ///
  /// - Parameters:
  ///   - dataset: the records.
  ///   - names: what to do with people's names (default: leave them out).
  /// - Returns: UTF-8 JSON ending in a line feed.
  /// - Throws: an `EncodingError` (not expected for valid datasets).
  public static func write(_ dataset: IncidentDataset, names: PersonNamePolicy = .omit) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.userInfo[.personNamePolicy] = names
    var data = try encoder.encode(dataset)
    data.append(0x0A)
    return data
  }

  /// A readable account of a decoding error: the path to the value and what is wrong with it.
  static func describe(_ error: DecodingError) -> String {
    func path(_ codingPath: [any CodingKey]) -> String {
      codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch error {
    case .dataCorrupted(let context):
      return "at \(path(context.codingPath)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "at \(path(context.codingPath)): missing key '\(key.stringValue)'"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "at \(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return String(describing: error)
    }
  }
}
