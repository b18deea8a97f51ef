/// One value of a per-country variable: a number (a measure or a 0/1 indicator) or a category.
///
/// ```swift
/// let value = CountryTable.bundled.value("sco_status", for: Country("KZ")!)
/// value   // .category("member")
/// ```
public enum CountryValue: Hashable, Sendable {
  /// A number: a measure, a year or a 0/1 indicator.
  case number(Double)
  /// A category, such as an SCO status.
  case category(String)

  /// The number, or `nil` for a category.
  public var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The value as text: a number in its shortest form, or the category.
  public var text: String {
    switch self {
    case .number(let value):
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .category(let category): category
    }
  }
}

/// A per-country variable with its source, its year and how it was derived.
///
/// Values are keyed by ISO 3166-1 ``Country``. A country the variable has no value for is
/// **missing** (``value(for:)`` returns `nil`), never 0: what a country *without a row* in the
/// source gets is stated per variable by ``valueWhenNotListed``. It is a value only where the
/// source's list is complete for what the variable claims (a joint statement's signatories, the
/// SCO's members, GFDC's list of Belt and Road countries), and `nil` where absence says nothing
/// (the vote of a country that was not on the Human Rights Council, the treaty status of a
/// country that the treaty list does not name).
///
/// ```swift
/// let vote = CountryTable.bundled["voted_no_l6"]!
/// vote.value(for: Country("PK")!)   // .number(1): Pakistan voted no
/// vote.value(for: Country("BR")!)   // .number(0): Brazil abstained
/// vote.value(for: Country("NO")!)   // nil: not a council member in October 2022
/// ```
public struct CountryVariable: Hashable, Sendable {
  /// What kind of values a variable holds.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// Any real number (a share, an amount, a year, a count).
    case numeric
    /// 0 or 1.
    case indicator
    /// A label from a fixed set.
    case categorical
  }

  /// The variable's name, as `tnr model --covariates` takes it (`sco_member`).
  public let name: String
  /// Numeric, indicator or categorical.
  public let kind: Kind
  /// A one-line description.
  public let label: String
  /// How the value is derived from the source file, including what a missing row gives.
  public let derivation: String
  /// The citation of the source.
  public let source: String
  /// The year (or years) the values refer to.
  public let year: String
  /// Caveats the source's documentation attaches (coverage gaps, weak rows), or `nil`.
  public let caveat: String?
  /// Whether the variable may enter a model; `false` for descriptive-only data (incomplete
  /// counts).
  public let isModelCovariate: Bool
  /// The value of each country the source lists.
  public let values: [Country: CountryValue]
  /// The value of a country the source does not list, or `nil` when absence means "unknown".
  public let valueWhenNotListed: CountryValue?

  /// Creates a variable.
  ///
  /// ```swift
  /// let v = CountryVariable(
  ///   name: "x", kind: .numeric, label: "x", derivation: "as given", source: "my table",
  ///   year: "2024", values: [Country("KZ")!: .number(3)])
  /// ```
  ///
  /// - Parameters:
  ///   - name: The name.
  ///   - kind: The kind.
  ///   - label: A one-line description.
  ///   - derivation: How the values were derived.
  ///   - source: The citation.
  ///   - year: The year(s) the values refer to.
  ///   - caveat: Coverage caveats, if any.
  ///   - isModelCovariate: Whether a model may use it (default `true`).
  ///   - values: The values of the countries listed.
  ///   - valueWhenNotListed: The value of every other country, `nil` (default) for missing.
  public init(
    name: String, kind: Kind, label: String, derivation: String, source: String, year: String,
    caveat: String? = nil, isModelCovariate: Bool = true, values: [Country: CountryValue],
    valueWhenNotListed: CountryValue? = nil
  ) {
    self.name = name
    self.kind = kind
    self.label = label
    self.derivation = derivation
    self.source = source
    self.year = year
    self.caveat = caveat
    self.isModelCovariate = isModelCovariate
    self.values = values
    self.valueWhenNotListed = valueWhenNotListed
  }

  /// The value of a country: its listed value, else ``valueWhenNotListed``; `nil` is missing.
  ///
  /// - Parameter country: A country.
  /// - Returns: The value, or `nil` when it is not known.
  /// - Complexity: O(1).
  public func value(for country: Country) -> CountryValue? {
    values[country] ?? valueWhenNotListed
  }

  /// The numeric value of a country, or `nil` when it is missing or categorical.
  ///
  /// - Parameter country: A country.
  /// - Returns: The number.
  /// - Complexity: O(1).
  public func number(for country: Country) -> Double? { value(for: country)?.number }

  /// The countries the source lists, in code order.
  public var listedCountries: [Country] { values.keys.sorted() }
}
