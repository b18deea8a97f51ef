/// The check that a table adds up: every marginal sums to the total.
///
/// ```swift
/// let check = table.reconciliation()
/// check.isConsistent   // true
/// print(check)         // one line per dimension
/// ```
///
/// Tables from counts always add up; the check matters for tables built with
/// ``CountTable/init(dimensions:cells:countedOnce:total:)``, decoded from JSON, or edited. A
/// multi-valued dimension (ethnic group) is expected to add up to *at least* the total — an
/// incident naming two groups counts under both — so its check reports the excess and is marked
/// ``Status/multiValued`` rather than as a difference.
public struct CountReconciliation<Value: CountTableValue>: Hashable, Sendable {
  /// How one marginal compares with the total.
  public enum Status: String, Hashable, Sendable, Codable {
    /// The marginal sums to the total.
    case matches
    /// The marginal sums to something else: the table does not add up.
    case differs
    /// A multi-valued dimension sums to at least the total, as expected; the difference is the
    /// excess from incidents counted under several values.
    case multiValued = "multi_valued"
  }

  /// One marginal's check.
  public struct Check: Hashable, Sendable {
    /// The dimension whose marginal was summed; `nil` for the sum of all cells.
    public let dimension: CountDimension?
    /// The sum of the marginal.
    public let sum: Value
    /// `sum - total`.
    public let difference: Value
    /// The verdict.
    public let status: Status
  }

  /// The table's total.
  public let total: Value
  /// One check per dimension, after the check of all cells.
  public let checks: [Check]

  /// Whether no check ``Status/differs``.
  ///
  /// - Complexity: O(*d*).
  public var isConsistent: Bool { !checks.contains { $0.status == .differs } }
}

extension CountReconciliation: CustomStringConvertible {
  /// One line per check, such as `host: 81 = total 81` or
  /// `ethnic_group: 83, total 81 (+2: multi-valued, incidents naming several groups count under each)`.
  public var description: String {
    checks.map { check in
      let name = check.dimension?.rawValue ?? "all cells"
      let sum = Value.tally(of: check.sum)
      let whole = Value.tally(of: total)
      switch check.status {
      case .matches: return "\(name): \(sum) = total \(whole)"
      case .differs:
        return "\(name): \(sum) ≠ total \(whole) (difference \(Value.tally(of: check.difference)))"
      case .multiValued:
        return "\(name): \(sum), total \(whole) (+\(Value.tally(of: check.difference)): multi-valued, "
          + "incidents naming several values count under each)"
      }
    }.joined(separator: "\n")
  }
}

extension CountTable {
  /// Checks that every marginal sums to the total, and reports the differences.
  ///
  /// For a single-valued dimension the marginal's sum must equal ``total`` exactly (every field of
  /// a ``PersonsCell``). For the multi-valued dimension it must be at least the total; the excess
  /// is reported, labelled multi-valued. The first check is the sum of all cells (of the cells
  /// counted once, for a multi-valued table).
  ///
  /// ```swift
  /// let sample = IncidentDataset.documentedSample
  /// let table = try sample.countIncidents(by: [.host, .ethnicGroup])
  /// let check = table.reconciliation()
  /// check.isConsistent                      // true
  /// check.checks.last?.status               // .multiValued
  /// check.checks.last?.difference           // 2: two incidents name two groups
  /// ```
  ///
  /// - Returns: The checks.
  /// - Complexity: O(*c* · *d*) for *c* cells of *d* dimensions.
  public func reconciliation() -> CountReconciliation<Value> {
    func check(_ dimension: CountDimension?, sum: Value, multiValued: Bool) -> CountReconciliation<Value>.Check {
      let difference = sum - total
      let status: CountReconciliation<Value>.Status
      if difference == .zero && !multiValued {
        status = .matches
      } else if multiValued && Value.jsonFields(of: difference).allSatisfy({ $0.number >= 0 }) {
        status = .multiValued
      } else {
        status = .differs
      }
      return .init(dimension: dimension, sum: sum, difference: difference, status: status)
    }
    let expanded = storage.values.reduce(Value.zero, +)
    let once = countedOnceStorage.map { $0.values.reduce(Value.zero, +) }
    var checks = [check(nil, sum: once ?? expanded, multiValued: false)]
    for dimension in dimensions {
      // A marginal over one dimension sums every cell it is taken from.
      if dimension.isMultiValued {
        checks.append(check(dimension, sum: expanded, multiValued: true))
      } else {
        checks.append(check(dimension, sum: once ?? expanded, multiValued: false))
      }
    }
    return CountReconciliation(total: total, checks: checks)
  }
}
