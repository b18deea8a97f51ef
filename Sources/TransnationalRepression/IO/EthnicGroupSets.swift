/// The sets of ethnic groups by their bit mask of group codes, each made once: the readers give
/// every record with the same groups one shared set (no set built a row).
internal struct EthnicGroupSets {
  private var sets: [Set<EthnicGroup>?] = Array(repeating: nil, count: RowCodes.groupMaskCount)

  /// The set of the groups whose code bits are in `mask` (`mask` is below
  /// ``RowCodes/groupMaskCount``).
  mutating func groups(_ mask: UInt16) -> Set<EthnicGroup> {
    if let made = sets[Int(mask)] { return made }
    var made = Set<EthnicGroup>()
    for (code, group) in EthnicGroup.allCases.enumerated() where mask & (1 << UInt16(code)) != 0 {
      made.insert(group)
    }
    sets[Int(mask)] = made
    return made
  }
}
