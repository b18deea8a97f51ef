// Internal summation helpers. Not API.

/// numpy's pairwise summation (`np.add.reduce` on a contiguous float64 array), reproduced
/// operation for operation so that means and norms round exactly as scipy's do: blocks of at
/// most 128 values are summed with eight interleaved accumulators, larger ranges are split in
/// two at a multiple of eight. The error bound is O(log n · ε) rather than O(n · ε).
func pairwiseSum(_ values: UnsafeBufferPointer<Double>) -> Double {
  let n = values.count
  if n < 8 {
    var result = 0.0
    for value in values { result += value }
    return result
  }
  if n <= 128 {
    var r0 = values[0]
    var r1 = values[1]
    var r2 = values[2]
    var r3 = values[3]
    var r4 = values[4]
    var r5 = values[5]
    var r6 = values[6]
    var r7 = values[7]
    var i = 8
    let end = n - n % 8
    while i < end {
      r0 += values[i]
      r1 += values[i + 1]
      r2 += values[i + 2]
      r3 += values[i + 3]
      r4 += values[i + 4]
      r5 += values[i + 5]
      r6 += values[i + 6]
      r7 += values[i + 7]
      i += 8
    }
    var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < n {
      result += values[i]
      i += 1
    }
    return result
  }
  var half = n / 2
  half -= half % 8
  return pairwiseSum(UnsafeBufferPointer(rebasing: values[0..<half]))
    + pairwiseSum(UnsafeBufferPointer(rebasing: values[half..<n]))
}

/// ``pairwiseSum(_:)`` of an array.
func pairwiseSum(_ values: [Double]) -> Double {
  values.withUnsafeBufferPointer { pairwiseSum($0) }
}

/// The arithmetic mean as numpy computes it: the pairwise sum divided by the count.
func numpyMean(_ values: [Double]) -> Double {
  pairwiseSum(values) / Double(values.count)
}
