// Internal consistency checks of the counting kernel, compiled in only with
// `-D TNR_INTERNAL_CHECKS` (see Package.swift), e.g. `swift test -Xswiftc -DTNR_INTERNAL_CHECKS`.

extension CountingKernel {
  /// Checks that the threads' private tables together hold exactly one count per row (or the
  /// sum of the rows' weights) before they are merged. Does nothing unless built with
  /// `TNR_INTERNAL_CHECKS`.
  internal static func checkInvariants<States: Sequence>(_ plan: CountingPlan, states: States)
  where States.Element == ScatterState {
    #if TNR_INTERNAL_CHECKS
      var counted: UInt64 = 0
      for state in states { counted &+= state.total() }
      var expected: UInt64 = 0
      if let weights = plan.weights {
        for row in plan.rows { expected &+= UInt64(weights[row]) }
      } else {
        expected = UInt64(plan.rows.count)
      }
      precondition(
        counted == expected,
        "CountingKernel invariant: the private tables hold \(counted), expected \(expected)")
    #endif
  }
}
