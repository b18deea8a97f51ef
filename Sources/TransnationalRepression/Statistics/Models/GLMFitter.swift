#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a fitter hands back to ``CountRegression``: estimates, the model-based covariance, and
/// the score outer-product sum ("meat") when a sandwich was requested. Internal.
struct RawFit {
  /// The coefficients, then α for the negative binomial.
  var parameters: [Double]
  /// The model-based covariance (inverse information), k×k row-major.
  var covariance: [Double]
  /// Σᵢ sᵢsᵢᵀ of the per-row scores, k×k, when requested.
  var meat: [Double]?
  var logLikelihood: Double
  var deviance: Double
  var iterations: Int
}

/// Poisson (log link) and binomial (logit link) GLMs by iteratively reweighted least squares.
///
/// Both links are canonical, so IRLS is Newton's method: β ← β + (XᵀWX)⁻¹Xᵀ(y − μ) with
/// W = diag(μ) (Poisson) or diag(μ(1 − μ)) (logit). The start is statsmodels' (μ₀ = (y + ȳ)/2
/// for Poisson, (y + ½)/2 for logit, one weighted least-squares step from there); a step that
/// raises the deviance is halved (as R's `glm.fit` does). Iteration stops when every coefficient
/// changes by less than `tolerance` × max(1, |βⱼ|) — that last, tiny, step is applied — so the
/// estimates are the maximum-likelihood estimates to rounding, not to a deviance tolerance.
/// The systems are solved by Cholesky with a rank check. Internal.
struct GLMFitter {
  enum Link { case log, logit }

  let link: Link
  let design: DesignMatrix
  let y: [Double]
  let maxIterations: Int
  let tolerance: Double
  let wantMeat: Bool
  /// Starting coefficients (a warm start, for permutation refits); nil for statsmodels' start.
  var start: [Double]? = nil

  // Workspace, allocated once per fit.
  private var eta: [Double]
  private var mu: [Double]
  private var weightedX: [Double]
  private var weight: [Double]
  private var residual: [Double]
  /// y ln y (0 for y = 0), for the deviance.
  private let yLogY: [Double]
  private var information: [Double]
  private var step: [Double]

  init(
    link: Link, design: DesignMatrix, y: [Double], maxIterations: Int, tolerance: Double,
    wantMeat: Bool
  ) {
    self.link = link
    self.design = design
    self.y = y
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.wantMeat = wantMeat
    let n = design.rowCount
    let p = design.columnCount
    eta = [Double](repeating: 0, count: n)
    mu = [Double](repeating: 0, count: n)
    weightedX = [Double](repeating: 0, count: n * p)
    weight = [Double](repeating: 0, count: n)
    residual = [Double](repeating: 0, count: n)
    yLogY = y.map { $0 > 0 ? $0 * log($0) : 0 }
    information = [Double](repeating: 0, count: p * p)
    step = [Double](repeating: 0, count: p)
  }

  /// Fits the model.
  mutating func fit() throws(ModelError) -> RawFit {
    let n = design.rowCount
    let p = design.columnCount
    var beta: [Double]
    if let start {
      beta = start
    } else {
      beta = try startingValues()
    }
    var previous = beta
    var deviance = updateMeans(beta)
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
      iterations += 1
      try checkSeparation(beta)
      // Newton step from the current means.
      formInformation()
      if let pivot = DenseAlgebra.choleskyFactor(&information, p) {
        throw singular(pivot)
      }
      for i in 0..<n { residual[i] = y[i] - mu[i] }
      design.values.withUnsafeBufferPointer { x in
        residual.withUnsafeBufferPointer { r in
          for j in 0..<p { step[j] = DenseAlgebra.dot(x.baseAddress! + j * n, r.baseAddress!, n) }
        }
      }
      DenseAlgebra.choleskySolve(information, p, &step)
      previous = beta
      var largest = 0.0
      for j in 0..<p {
        beta[j] += step[j]
        largest = max(largest, abs(step[j]) / max(1, abs(beta[j])))
      }
      var newDeviance = updateMeans(beta)
      var halvings = 0
      while !(newDeviance <= deviance * (1 + 1e-12) + 1e-12) {
        // A step that does not lower the deviance (or overflows) is halved.
        halvings += 1
        if halvings > 40 { break }
        for j in 0..<p { beta[j] = 0.5 * (beta[j] + previous[j]) }
        newDeviance = updateMeans(beta)
      }
      deviance = newDeviance
      if largest <= tolerance {
        converged = true
        break
      }
    }
    guard converged, deviance.isFinite else {
      throw nonConvergence(beta: beta, previous: previous, iterations: iterations)
    }
    try checkSeparation(beta)
    // Information and covariance at the estimate.
    formInformation()
    if let pivot = DenseAlgebra.choleskyFactor(&information, p) { throw singular(pivot) }
    let covariance = DenseAlgebra.choleskyInverse(information, p)
    var meat: [Double]? = nil
    if wantMeat {
      var m = [Double](repeating: 0, count: p * p)
      for i in 0..<n {
        let r = y[i] - mu[i]
        for a in 0..<p {
          let sa = design.values[a * n + i] * r
          for b in 0...a { m[a * p + b] += sa * design.values[b * n + i] * r }
        }
      }
      for a in 0..<p { for b in 0..<a { m[b * p + a] = m[a * p + b] } }
      meat = m
    }
    return RawFit(
      parameters: beta, covariance: covariance, meat: meat,
      logLikelihood: logLikelihood(), deviance: deviance, iterations: iterations)
  }

  /// One weighted least-squares step from statsmodels' starting means.
  private mutating func startingValues() throws(ModelError) -> [Double] {
    let n = design.rowCount
    let p = design.columnCount
    let mean = y.reduce(0, +) / Double(n)
    var z = [Double](repeating: 0, count: n)
    for i in 0..<n {
      let start: Double
      let offset = design.offset?[i] ?? 0
      switch link {
      case .log:
        start = (y[i] + mean) / 2
        z[i] = log(start) - offset + (y[i] - start) / start
        mu[i] = start
      case .logit:
        start = (y[i] + 0.5) / 2
        z[i] = log(start / (1 - start)) - offset + (y[i] - start) / (start * (1 - start))
        mu[i] = start
      }
    }
    if link == .log, mean == 0 {
      throw ModelError(
        .noConvergence,
        "every count is zero: the Poisson and negative binomial likelihoods "
          + "have no maximum (the intercept tends to −∞)")
    }
    formInformation()
    if let pivot = DenseAlgebra.choleskyFactor(&information, p) { throw singular(pivot) }
    var beta = [Double](repeating: 0, count: p)
    for j in 0..<p {
      var s = 0.0
      for i in 0..<n { s += weightedX[j * n + i] * z[i] }
      beta[j] = s
    }
    DenseAlgebra.choleskySolve(information, p, &beta)
    return beta
  }

  /// Sets η and μ from β and returns the deviance (+∞ when a mean overflows).
  private mutating func updateMeans(_ beta: [Double]) -> Double {
    let n = design.rowCount
    let p = design.columnCount
    design.values.withUnsafeBufferPointer { x in
      for i in 0..<n { eta[i] = design.offset?[i] ?? 0 }
      for j in 0..<p {
        let b = beta[j]
        let column = j * n
        for i in 0..<n { eta[i] += x[column + i] * b }
      }
    }
    var deviance = 0.0
    switch link {
    case .log:
      for i in 0..<n {
        let m = exp(eta[i])
        mu[i] = m
        let yi = y[i]
        deviance += 2 * (yLogY[i] - yi * eta[i] - (yi - m))
      }
    case .logit:
      for i in 0..<n {
        let e = eta[i]
        mu[i] = 1 / (1 + exp(-e))
        // −2[y ln μ + (1 − y) ln(1 − μ)] = 2·softplus(∓η).
        deviance += 2 * softplus(y[i] > 0.5 ? -e : e)
      }
    }
    return deviance.isNaN ? .infinity : deviance
  }

  /// XᵀWX into `information` (lower triangle and upper), with W from the current μ.
  private mutating func formInformation() {
    let n = design.rowCount
    let p = design.columnCount
    for i in 0..<n { weight[i] = link == .log ? mu[i] : mu[i] * (1 - mu[i]) }
    design.values.withUnsafeBufferPointer { x in
      weight.withUnsafeBufferPointer { w in
        weightedX.withUnsafeMutableBufferPointer { wx in
          information.withUnsafeMutableBufferPointer { h in
            DenseAlgebra.weightedCrossProduct(
              x: x.baseAddress!, weights: w.baseAddress!, n: n, p: p, scratch: wx.baseAddress!,
              into: h.baseAddress!, stride: p)
          }
        }
      }
    }
  }

  /// The log-likelihood at the current means, with the ln y! constants for counts.
  private func logLikelihood() -> Double {
    var sum = 0.0
    switch link {
    case .log:
      for i in 0..<y.count {
        sum += y[i] * eta[i] - mu[i] - SpecialFunctions.logGamma(y[i] + 1)
      }
    case .logit:
      for i in 0..<y.count { sum -= softplus(y[i] > 0.5 ? -eta[i] : eta[i]) }
    }
    return sum
  }

  /// Logistic regression: fitted probabilities within e⁻³⁶ of 0 or 1 mean that the likelihood
  /// keeps rising as the coefficients grow — separation.
  private func checkSeparation(_ beta: [Double]) throws(ModelError) {
    guard link == .logit else { return }
    var extreme: [Int] = []
    for i in 0..<eta.count where abs(eta[i]) > 36 { extreme.append(i) }
    guard !extreme.isEmpty else { return }
    throw Separation.error(
      design: design, beta: beta, extremeRows: extreme,
      fittedNearBound: eta.indices.filter { abs(eta[$0]) > 15 })
  }

  private func singular(_ pivot: Int) -> ModelError {
    ModelError(
      .noConvergence, columns: [design.columnNames[pivot]],
      "the information matrix became singular at column '\(design.columnNames[pivot])' "
        + "(the weights vanish for the rows that identify it); no estimates are reported")
  }

  private func nonConvergence(beta: [Double], previous: [Double], iterations: Int) -> ModelError {
    var worst = 0
    var worstChange = -1.0
    for j in beta.indices where abs(beta[j] - previous[j]) > worstChange {
      worstChange = abs(beta[j] - previous[j])
      worst = j
    }
    let name = design.columnNames[worst]
    return ModelError(
      .noConvergence, columns: [name], value: beta[worst],
      "the fit did not converge in \(iterations) iterations: the coefficient of '\(name)' was "
        + "still moving (now \(beta[worst])); its maximum-likelihood estimate may be infinite, "
        + "as when every row with a nonzero '\(name)' has a zero count; no estimates are reported")
  }
}

/// ln(1 + eˣ) without overflow.
@inline(__always)
func softplus(_ x: Double) -> Double {
  x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
}

/// Separation in logistic regression. Internal.
enum Separation {
  /// Checks, before fitting, for separation that one covariate (or the constant) shows: the
  /// outcome is constant, or a threshold on one column puts every 1 on one side and every 0 on
  /// the other (complete), possibly with ties at the threshold (quasi-complete).
  static func precheck(design: DesignMatrix, y: [Double]) throws(ModelError) {
    let n = design.rowCount
    let ones = y.reduce(0, +)
    if ones == 0 || ones == Double(n) {
      throw ModelError(
        .separation, value: ones == 0 ? 0 : 1,
        "every outcome is \(ones == 0 ? 0 : 1): the logistic likelihood has no maximum "
          + "(complete separation by the intercept)")
    }
    for j in 0..<design.columnCount {
      var min0 = Double.infinity
      var max0 = -Double.infinity
      var min1 = Double.infinity
      var max1 = -Double.infinity
      for i in 0..<n {
        let v = design[i, j]
        if y[i] > 0.5 {
          min1 = min(min1, v)
          max1 = max(max1, v)
        } else {
          min0 = min(min0, v)
          max0 = max(max0, v)
        }
      }
      if min0 == max1 && max0 == min1 { continue }  // constant column (the intercept)
      let name = design.columnNames[j]
      if max0 < min1 || max1 < min0 {
        throw ModelError(
          .separation, columns: [name],
          "complete separation: column '\(name)' separates the outcome (every 1 has "
            + "\(max0 < min1 ? "'\(name)' > \(max0)" : "'\(name)' < \(min0)") and every 0 the "
            + "opposite); the logistic coefficients are infinite and not reported")
      }
      if max0 <= min1 || max1 <= min0 {
        let threshold = max0 <= min1 ? max0 : max1
        throw ModelError(
          .separation, columns: [name], value: threshold,
          "quasi-complete separation: column '\(name)' separates the outcome except for rows "
            + "tied at \(threshold) (every row on one side has the same outcome); the "
            + "logistic coefficient of '\(name)' is infinite and not reported")
      }
    }
  }

  /// The error for separation found while fitting (a combination of columns separates).
  static func error(
    design: DesignMatrix, beta: [Double], extremeRows: [Int], fittedNearBound: [Int]
  ) -> ModelError {
    var lead = 0
    var largest = -1.0
    for j in beta.indices where design.columnNames[j] != DesignMatrix.interceptName {
      let scale = columnSpread(design, j)
      if abs(beta[j]) * scale > largest {
        largest = abs(beta[j]) * scale
        lead = j
      }
    }
    let complete = fittedNearBound.count == design.rowCount
    let first = extremeRows[0]
    let label = design.rowLabels?[first]
    let labels = fittedNearBound.prefix(8).map { design.rowLabels?[$0] ?? "\($0)" }
      .joined(separator: ", ")
    return ModelError(
      .separation, row: first, rowLabel: label, columns: [design.columnNames[lead]],
      "\(complete ? "complete" : "quasi-complete") separation: fitted probabilities reach 0 or 1 "
        + "for \(fittedNearBound.count) row(s) (\(labels)\(fittedNearBound.count > 8 ? ", …" : "")) "
        + "as the coefficients grow, led by '\(design.columnNames[lead])'; the logistic "
        + "likelihood has no maximum and no estimates are reported")
  }

  static func columnSpread(_ design: DesignMatrix, _ j: Int) -> Double {
    var low = Double.infinity
    var high = -Double.infinity
    for i in 0..<design.rowCount {
      low = min(low, design[i, j])
      high = max(high, design[i, j])
    }
    return high - low
  }
}
