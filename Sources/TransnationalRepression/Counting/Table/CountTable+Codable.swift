import Foundation

extension JSONScalar: Codable {
  /// Decodes a string, a whole number or `null`.
  ///
  /// - Throws: `DecodingError.typeMismatch` for any other JSON value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let number = try? container.decode(Int.self) {
      self = .number(number)
    } else {
      self = .string(try container.decode(String.self))
    }
  }

  /// Encodes the string, number or `null`.
  ///
  /// - Throws: The encoder's errors.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .string(let text): try container.encode(text)
    case .number(let number): try container.encode(number)
    case .null: try container.encodeNil()
    }
  }
}

/// A coding key made from any string (the cells' keys are dimension and field names).
internal struct AnyCodingKey: CodingKey, Hashable {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension CountTable: Codable {
  /// Decodes a table written by ``encode(to:)`` or ``jsonText(rows:)``.
  ///
  /// The JSON is an object: `measure`, `dimensions`, `cells` (one object per cell with one key
  /// per dimension and the value's fields), `total` (and `total_<field>` for persons), plus
  /// `cells_counted_once` for a multi-valued table and `phases` for a table by phase.
  ///
  /// - Throws: `DecodingError` when a key is missing, the measure is not this table's, a label
  ///   does not fit its dimension, or a count is negative.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyCodingKey.self)
    let measure = try container.decode(CountMeasure.self, forKey: AnyCodingKey("measure"))
    guard measure == Value.measure else {
      throw DecodingError.dataCorruptedError(
        forKey: AnyCodingKey("measure"), in: container,
        debugDescription: "a table of \(measure.rawValue) cannot be read as a table of \(Value.measure.rawValue)")
    }
    let dimensions = try container.decode([CountDimension].self, forKey: AnyCodingKey("dimensions"))
    let phases =
      try container.decodeIfPresent([Phase].self, forKey: AnyCodingKey("phases"))
      ?? Periodization.greatWallOfSteel.phases

    func readCells(_ key: String, _ dimensions: [CountDimension]) throws -> [[DimensionValue]: Value]? {
      guard
        let objects = try container.decodeIfPresent([[String: JSONScalar]].self, forKey: AnyCodingKey(key))
      else { return nil }
      var cells: [[DimensionValue]: Value] = [:]
      for object in objects {
        var labels: [DimensionValue] = []
        for dimension in dimensions {
          guard let scalar = object[dimension.rawValue],
            let label = DimensionValue(parsing: scalar, as: dimension, phases: phases)
          else {
            throw DecodingError.dataCorruptedError(
              forKey: AnyCodingKey(key), in: container,
              debugDescription: "a cell has no valid '\(dimension.rawValue)' label")
          }
          labels.append(label)
        }
        var fields: [String: Int] = [:]
        for (name, scalar) in object where CountDimension(rawValue: name) == nil {
          if case .number(let number) = scalar { fields[name] = number }
        }
        guard let value = Value.value(jsonFields: fields) else {
          throw DecodingError.dataCorruptedError(
            forKey: AnyCodingKey(key), in: container,
            debugDescription: "a cell's counts are missing or negative")
        }
        guard cells[labels] == nil else {
          throw DecodingError.dataCorruptedError(
            forKey: AnyCodingKey(key), in: container, debugDescription: "a cell is listed twice")
        }
        cells[labels] = value
      }
      return cells
    }

    let cells = try readCells("cells", dimensions) ?? [:]
    let once = try readCells("cells_counted_once", dimensions.filter { !$0.isMultiValued })
    var totalFields: [String: Int] = ["value": try container.decode(Int.self, forKey: AnyCodingKey("total"))]
    for field in Value.jsonFields(of: .zero).dropFirst() {
      totalFields[field.name] = try container.decode(Int.self, forKey: AnyCodingKey("total_" + field.name))
    }
    guard let total = Value.value(jsonFields: totalFields) else {
      throw DecodingError.dataCorruptedError(
        forKey: AnyCodingKey("total"), in: container, debugDescription: "the total is negative")
    }
    do {
      try self.init(dimensions: dimensions, cells: cells, countedOnce: once, total: total)
    } catch {
      throw DecodingError.dataCorruptedError(
        forKey: AnyCodingKey("cells"), in: container, debugDescription: error.description)
    }
  }

  /// Encodes the table as ``jsonText(rows:)`` lays it out (key order aside).
  ///
  /// - Throws: The encoder's errors.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: AnyCodingKey.self)
    for (key, value) in jsonObject(rows: nil) {
      switch value {
      case .scalar(let scalar): try container.encode(scalar, forKey: AnyCodingKey(key))
      case .strings(let strings): try container.encode(strings, forKey: AnyCodingKey(key))
      case .objects(let objects):
        try container.encode(
          objects.map { Dictionary(uniqueKeysWithValues: $0) }, forKey: AnyCodingKey(key))
      case .phases(let phases): try container.encode(phases, forKey: AnyCodingKey(key))
      }
    }
  }

  /// The table as JSON text, keys in a fixed order and one cell per line:
  ///
  /// ```json
  /// {"measure": "incidents", "dimensions": ["host", "category"], "cells": [
  ///   {"host": "TH", "category": "extradition", "value": 3},
  ///   …
  /// ], "total": 81}
  /// ```
  ///
  /// Countries are ISO 3166-1 alpha-2 codes, years numbers, categories, modes and groups as the
  /// CSV schema spells them. Persons cells add the record counts by qualifier (`exact`,
  /// `at_least`, `about`, `up_to`, `unknown`) after `value` (the known sum), and the total adds
  /// `total_exact` … `total_unknown`. A table by a multi-valued dimension adds
  /// `multi_valued_dimensions` and `cells_counted_once`; a table by phase adds `phases`.
  ///
  /// ```swift
  /// print(table.jsonText())
  /// ```
  ///
  /// - Parameter rows: The cells to write (for example ``top(_:)``); `nil` writes every cell in
  ///   label order.
  /// - Returns: The JSON text, ending with a line feed.
  /// - Complexity: O(*c* log *c*) for *c* cells.
  public func jsonText(rows: [CountRow<Value>]? = nil) -> String {
    var parts: [String] = []
    for (key, value) in jsonObject(rows: rows) {
      let text: String
      switch value {
      case .scalar(let scalar): text = scalar.jsonText
      case .strings(let strings):
        text = "[" + strings.map { JSONScalar.string($0).jsonText }.joined(separator: ", ") + "]"
      case .objects(let objects):
        if objects.isEmpty {
          text = "[]"
        } else {
          text = "[\n" + objects.map { object in
            "  {" + object.map { "\(JSONScalar.string($0.0).jsonText): \($0.1.jsonText)" }
              .joined(separator: ", ") + "}"
          }.joined(separator: ",\n") + "\n]"
        }
      case .phases(let phases):
        text = "[" + phases.map { phase in
          "{\"name\": \(JSONScalar.string(phase.name).jsonText), \"first_year\": \(phase.firstYear), "
            + "\"last_year\": \(phase.lastYear.map(String.init) ?? "null")}"
        }.joined(separator: ", ") + "]"
      }
      parts.append("\(JSONScalar.string(key).jsonText): \(text)")
    }
    return "{" + parts.joined(separator: ", ") + "}\n"
  }

  /// One member of the JSON object.
  private enum JSONMember {
    case scalar(JSONScalar)
    case strings([String])
    case objects([[(String, JSONScalar)]])
    case phases([Phase])
  }

  /// The members of the JSON object, in order.
  private func jsonObject(rows: [CountRow<Value>]?) -> [(String, JSONMember)] {
    func objects(_ rows: [CountRow<Value>], _ dimensions: [CountDimension]) -> [[(String, JSONScalar)]] {
      rows.map { row in
        zip(dimensions, row.labels).map { ($0.rawValue, $1.jsonValue) }
          + Value.jsonFields(of: row.value).map { ($0.name, JSONScalar.number($0.number)) }
      }
    }
    var members: [(String, JSONMember)] = [
      ("measure", .scalar(.string(Value.measure.rawValue))),
      ("dimensions", .strings(dimensions.map(\.rawValue))),
    ]
    let multi = multiValuedDimensions
    if !multi.isEmpty { members.append(("multi_valued_dimensions", .strings(multi.map(\.rawValue)))) }
    if dimensions.contains(.phase) { members.append(("phases", .phases(phasesInUse))) }
    members.append(("cells", .objects(objects(rows ?? self.rows, dimensions))))
    if let once = countedOnceStorage {
      let onceRows = once.map { CountRow(labels: $0.key, value: $0.value) }
        .sorted { $0.labels.lexicographicallyPrecedes($1.labels) }
      members.append(("cells_counted_once", .objects(objects(onceRows, singleValuedDimensions))))
    }
    let totals = Value.jsonFields(of: total)
    members.append(("total", .scalar(.number(totals[0].number))))
    for field in totals.dropFirst() {
      members.append(("total_" + field.name, .scalar(.number(field.number))))
    }
    return members
  }

  /// The phases named by the cells, in order (for decoding phase labels).
  private var phasesInUse: [Phase] {
    var phases: [Phase] = []
    for label in labels(of: .phase) {
      if case .phase(let phase?) = label, !phases.contains(phase) { phases.append(phase) }
    }
    return phases
  }
}
