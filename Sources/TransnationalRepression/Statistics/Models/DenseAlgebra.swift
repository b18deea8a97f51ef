// Small dense linear algebra for the count models: symmetric positive-definite systems by
// Cholesky with a rank check. Matrices are k×k, row-major, in flat buffers. Internal.

enum DenseAlgebra {
  /// Factors the symmetric matrix `a` (lower triangle read) in place into L with a = L Lᵀ.
  ///
  /// Returns the index of the first pivot that is not positive or is below 1e-13 of the
  /// original diagonal entry (the matrix is then singular or indefinite to working precision),
  /// or nil on success.
  static func choleskyFactor(_ a: inout [Double], _ k: Int) -> Int? {
    a.withUnsafeMutableBufferPointer { a in
      for j in 0..<k {
        let original = a[j * k + j]
        var d = original
        for m in 0..<j { d -= a[j * k + m] * a[j * k + m] }
        guard d > 1e-13 * abs(original), d.isFinite, d > 0 else { return j }
        let root = d.squareRoot()
        a[j * k + j] = root
        for i in (j + 1)..<max(j + 1, k) {
          var s = a[i * k + j]
          for m in 0..<j { s -= a[i * k + m] * a[j * k + m] }
          a[i * k + j] = s / root
        }
      }
      return nil
    }
  }

  /// Solves L Lᵀ x = b in place, given the factor from ``choleskyFactor(_:_:)``.
  static func choleskySolve(_ l: [Double], _ k: Int, _ b: inout [Double]) {
    l.withUnsafeBufferPointer { l in
      b.withUnsafeMutableBufferPointer { b in
        for i in 0..<k {
          var s = b[i]
          for m in 0..<i { s -= l[i * k + m] * b[m] }
          b[i] = s / l[i * k + i]
        }
        for i in stride(from: k - 1, through: 0, by: -1) {
          var s = b[i]
          for m in (i + 1)..<max(i + 1, k) { s -= l[m * k + i] * b[m] }
          b[i] = s / l[i * k + i]
        }
      }
    }
  }

  /// The inverse (L Lᵀ)⁻¹ as a full symmetric k×k matrix.
  static func choleskyInverse(_ l: [Double], _ k: Int) -> [Double] {
    var inverse = [Double](repeating: 0, count: k * k)
    var column = [Double](repeating: 0, count: k)
    for j in 0..<k {
      for i in 0..<k { column[i] = i == j ? 1 : 0 }
      choleskySolve(l, k, &column)
      for i in 0..<k { inverse[i * k + j] = column[i] }
    }
    // Symmetrize against rounding.
    for i in 0..<k {
      for j in 0..<i {
        let mean = 0.5 * (inverse[i * k + j] + inverse[j * k + i])
        inverse[i * k + j] = mean
        inverse[j * k + i] = mean
      }
    }
    return inverse
  }

  /// One diagonal element of (L Lᵀ)⁻¹: ‖L⁻¹ eⱼ‖².
  static func choleskyInverseDiagonal(_ l: [Double], _ k: Int, _ j: Int, scratch: inout [Double])
    -> Double
  {
    for i in 0..<k { scratch[i] = 0 }
    scratch[j] = 1
    var sum = 0.0
    for i in j..<k {
      var s = scratch[i]
      for m in j..<i { s -= l[i * k + m] * scratch[m] }
      scratch[i] = s / l[i * k + i]
      sum += scratch[i] * scratch[i]
    }
    return sum
  }

  /// A B A for symmetric k×k A and B (the sandwich bread–meat–bread).
  static func sandwich(_ bread: [Double], _ meat: [Double], _ k: Int) -> [Double] {
    var temporary = [Double](repeating: 0, count: k * k)
    for i in 0..<k {
      for j in 0..<k {
        var s = 0.0
        for m in 0..<k { s += bread[i * k + m] * meat[m * k + j] }
        temporary[i * k + j] = s
      }
    }
    var result = [Double](repeating: 0, count: k * k)
    for i in 0..<k {
      for j in 0..<k {
        var s = 0.0
        for m in 0..<k { s += temporary[i * k + m] * bread[m * k + j] }
        result[i * k + j] = s
      }
    }
    return result
  }
}

extension DenseAlgebra {
  /// Σᵢ a[i]·b[i] with four independent accumulators (so the additions pipeline and vectorize).
  @inline(__always)
  static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
    var s0 = 0.0
    var s1 = 0.0
    var s2 = 0.0
    var s3 = 0.0
    var i = 0
    while i + 4 <= n {
      s0 += a[i] * b[i]
      s1 += a[i + 1] * b[i + 1]
      s2 += a[i + 2] * b[i + 2]
      s3 += a[i + 3] * b[i + 3]
      i += 4
    }
    while i < n {
      s0 += a[i] * b[i]
      i += 1
    }
    return (s0 + s1) + (s2 + s3)
  }

  /// The symmetric p×p matrix XᵀWX (full, row-major) from column-major X (n×p) and weights w,
  /// using `scratch` (n×p) for W X.
  static func weightedCrossProduct(
    x: UnsafePointer<Double>, weights: UnsafePointer<Double>, n: Int, p: Int,
    scratch: UnsafeMutablePointer<Double>, into h: UnsafeMutablePointer<Double>, stride k: Int
  ) {
    for j in 0..<p {
      let column = x + j * n
      let target = scratch + j * n
      for i in 0..<n { target[i] = column[i] * weights[i] }
    }
    for a in 0..<p {
      for b in 0...a {
        let s = dot(scratch + a * n, x + b * n, n)
        h[a * k + b] = s
        h[b * k + a] = s
      }
    }
  }
}
