extension ColumnMapping: Codable {
  private enum CodingKeys: String, CodingKey {
    case columns, defaults, values, delimiter, encoding
    case dateOrder = "date_order"
    case generatesIDs = "generate_ids"
    case allowsOtherEthnicGroups = "allow_other_groups"
  }

  /// The mapping's names of `date` and `kind`, the two columns that are not fields.
  private static let dateKey = "date"
  private static let kindKey = "kind"

  /// Decodes a mapping from the JSON that `tnr import --print-mapping` writes.
  ///
  /// ```json
  /// {
  ///   "columns": {"id": "Case ID", "host": "Country", "date": "Date", "kind": "Type"},
  ///   "defaults": {"origin": "CN", "ethnic_groups": "Uyghur"},
  ///   "values": {"kind": {"Deportation": "extradition/deportation"}},
  ///   "date_order": "dmy",
  ///   "delimiter": ";",
  ///   "encoding": "windows-1252",
  ///   "generate_ids": true,
  ///   "allow_other_groups": true
  /// }
  /// ```
  ///
  /// Every key is optional. `columns` maps a field's canonical name, or `date` or `kind`, to
  /// the file's column; `defaults` maps a field's canonical name to its value; `values` maps
  /// `kind` or an enumerated field to its labels; `delimiter` is `,`, `;`, `tab` or `|`;
  /// `encoding` is `utf-8`, `windows-1252` or `latin1`; `allow_other_groups` reads ethnic-group
  /// names outside the list as `Other:NAME` (``ColumnMapping/allowsOtherEthnicGroups``).
  ///
  /// - Throws: `DecodingError` for a key that is not a field, `date` or `kind`, or an unknown
  ///   date order.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    let columnNames = try container.decodeIfPresent([String: String].self, forKey: .columns) ?? [:]
    for (key, column) in columnNames {
      if key == Self.dateKey {
        dateColumn = column
      } else if key == Self.kindKey {
        kindColumn = column
      } else if let field = IncidentField(rawValue: key) {
        columns[field] = column
      } else {
        throw DecodingError.dataCorruptedError(
          forKey: .columns, in: container,
          debugDescription: "'\(key)' is not a field, date or kind")
      }
    }
    let defaultValues = try container.decodeIfPresent([String: String].self, forKey: .defaults) ?? [:]
    for (key, value) in defaultValues {
      guard let field = IncidentField(rawValue: key) else {
        throw DecodingError.dataCorruptedError(
          forKey: .defaults, in: container, debugDescription: "'\(key)' is not a field")
      }
      defaults[field] = value
    }
    values = try container.decodeIfPresent([String: [String: String]].self, forKey: .values) ?? [:]
    dateOrder = try container.decodeIfPresent(DateOrder.self, forKey: .dateOrder)
    delimiter = try container.decodeIfPresent(CSVDelimiter.self, forKey: .delimiter)
    encoding = try container.decodeIfPresent(CSVEncoding.self, forKey: .encoding)
    generatesIDs = try container.decodeIfPresent(Bool.self, forKey: .generatesIDs) ?? false
    allowsOtherEthnicGroups =
      try container.decodeIfPresent(Bool.self, forKey: .allowsOtherEthnicGroups) ?? false
  }

  /// Encodes the mapping as the JSON that ``ColumnMapping/init(from:)`` reads (empty parts left out).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    var columnNames: [String: String] = [:]
    for (field, column) in columns { columnNames[field.rawValue] = column }
    if let dateColumn { columnNames[Self.dateKey] = dateColumn }
    if let kindColumn { columnNames[Self.kindKey] = kindColumn }
    if !columnNames.isEmpty { try container.encode(columnNames, forKey: .columns) }
    var defaultValues: [String: String] = [:]
    for (field, value) in defaults { defaultValues[field.rawValue] = value }
    if !defaultValues.isEmpty { try container.encode(defaultValues, forKey: .defaults) }
    if !values.isEmpty { try container.encode(values, forKey: .values) }
    try container.encodeIfPresent(dateOrder, forKey: .dateOrder)
    try container.encodeIfPresent(delimiter, forKey: .delimiter)
    try container.encodeIfPresent(encoding, forKey: .encoding)
    if generatesIDs { try container.encode(true, forKey: .generatesIDs) }
    if allowsOtherEthnicGroups { try container.encode(true, forKey: .allowsOtherEthnicGroups) }
  }
}
