/// "1 record", "81 records", "31 host countries": a count with its noun in the right number.
///
/// - Parameters:
///   - count: the number.
///   - singular: the noun for one.
///   - plural: the noun for any other number; by default `singular` + "s".
/// - Returns: the number, grouped in thousands ("5,532"), a space and the noun.
package func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
  let noun = count == 1 ? singular : (plural ?? singular + "s")
  return "\(groupedThousands(count)) \(noun)"
}

/// An integer with commas between groups of three digits: 5532 → "5,532", -1200 → "-1,200".
package func groupedThousands(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var grouped = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
    grouped.append(digit)
  }
  return value < 0 ? "-" + grouped : grouped
}
