// Internal ranking helper. Not API.

/// Average ranks (1-based; tied values share the mean of the ranks they span), as
/// `scipy.stats.rankdata(method='average')` and R's `rank(ties.method = "average")`.
///
/// - Complexity: O(n log n).
func averageRanks(_ values: [Double]) -> [Double] {
  let n = values.count
  var order = Array(0..<n)
  order.sort { values[$0] < values[$1] }
  var ranks = [Double](repeating: 0, count: n)
  var start = 0
  while start < n {
    var end = start + 1
    while end < n && values[order[end]] == values[order[start]] { end += 1 }
    // Positions start..<end hold equal values: ranks start+1 … end, average (start+1+end)/2.
    let rank = Double(start + 1 + end) / 2
    for position in start..<end { ranks[order[position]] = rank }
    start = end
  }
  return ranks
}
