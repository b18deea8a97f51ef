#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Negative binomial NB2 regression, β and α jointly by maximum likelihood. Internal.
///
/// The log-likelihood of row i, with r = 1/α and μᵢ = exp(ηᵢ), is
/// ℓᵢ = ln Γ(yᵢ + r) − ln Γ(r) − ln yᵢ! + r ln(r/(r + μᵢ)) + yᵢ ln(μᵢ/(r + μᵢ)),
/// statsmodels' `NegativeBinomial(loglike_method="nb2").loglike`. Newton's method runs on
/// (β, ln α) with the exact Hessian (ln α keeps α positive and the surface closer to quadratic),
/// a backtracking line search on ℓ, and a Levenberg shift when the Hessian is not negative
/// definite far from the optimum; it starts from the Poisson fit and a moment estimate of α.
/// At the optimum the Hessian is recomputed in (β, α), and its negative inverse is the
/// covariance, so that the standard error of α is in the α parameterization, as statsmodels
/// reports it.
struct NegativeBinomialFitter {
  let design: DesignMatrix
  let y: [Double]
  let maxIterations: Int
  let tolerance: Double
  let wantMeat: Bool
  /// Starting (β, α) (a warm start, for permutation refits); nil to start from the Poisson fit.
  var start: [Double]? = nil

  /// Per-row first and second derivatives with respect to η and r = 1/α.
  struct RowTerms {
    var logLikelihood = 0.0
    var dEta = 0.0
    var dEtaEta = 0.0
    var dR = 0.0
    var dRR = 0.0
    var dEtaR = 0.0
  }

  /// `logFactorial` is ln yᵢ! = ln Γ(yᵢ + 1), computed once per fit (``Workspace/logFactorial``).
  /// ln Γ(r), ψ(r) and ψ′(r), the same for every row of an evaluation: computed once per
  /// evaluation instead of once per row with a count above 24.
  struct DispersionTerms {
    var logGamma: Double
    var digamma: Double
    var trigamma: Double

    init(r: Double, derivatives: Bool) {
      logGamma = SpecialFunctions.logGamma(r)
      digamma = derivatives ? Polygamma.digamma(r) : 0
      trigamma = derivatives ? Polygamma.trigamma(r) : 0
    }
  }

  static func rowTerms(
    y: Double, eta: Double, r: Double, logFactorial: Double, dispersion: DispersionTerms,
    derivatives: Bool
  ) -> RowTerms {
    let mu = exp(eta)
    let alphaMu = mu / r
    let rPlusMu = r + mu
    var t = RowTerms()
    let logOnePlus = log1p(alphaMu)  // ln((r + μ)/r)
    let yInt = Int(y)
    var logGammaRatio = 0.0  // ln Γ(y + r) − ln Γ(r)
    var digammaDifference = 0.0  // ψ(y + r) − ψ(r)
    var trigammaDifference = 0.0  // ψ′(y + r) − ψ′(r)
    if yInt <= 24 {
      for k in 0..<yInt {
        let v = r + Double(k)
        logGammaRatio += log(v)
        if derivatives {
          digammaDifference += 1 / v
          trigammaDifference -= 1 / (v * v)
        }
      }
    } else {
      logGammaRatio = SpecialFunctions.logGamma(y + r) - dispersion.logGamma
      if derivatives {
        digammaDifference = Polygamma.digamma(y + r) - dispersion.digamma
        trigammaDifference = Polygamma.trigamma(y + r) - dispersion.trigamma
      }
    }
    // r ln(r/(r+μ)) + y ln(μ/(r+μ)) = −r ln(1 + αμ) + y (ln(αμ) − ln(1 + αμ)).
    t.logLikelihood =
      logGammaRatio - logFactorial - r * logOnePlus
      + (y > 0 ? y * (log(alphaMu) - logOnePlus) : 0)
    guard derivatives else { return t }
    t.dEta = r * (y - mu) / rPlusMu
    t.dEtaEta = -r * mu * (r + y) / (rPlusMu * rPlusMu)
    t.dR = digammaDifference - logOnePlus + (mu - y) / rPlusMu
    t.dRR = trigammaDifference + mu / (r * rPlusMu) - (mu - y) / (rPlusMu * rPlusMu)
    t.dEtaR = (y - mu) * mu / (rPlusMu * rPlusMu)
    return t
  }

  /// Per-row workspace, allocated once per fit.
  struct Workspace {
    var eta: [Double]
    var curvature: [Double]  // ∂²ℓᵢ/∂η²
    var slope: [Double]  // ∂ℓᵢ/∂η
    var cross: [Double]  // ∂²ℓᵢ/∂η∂α (or ∂τ)
    var weightedX: [Double]
    /// ln yᵢ!, which does not change during a fit (one ln Γ per row instead of one per row and
    /// evaluation).
    var logFactorial: [Double]

    init(n: Int, p: Int, y: [Double]) {
      logFactorial = y.map { SpecialFunctions.logGamma($0 + 1) }
      eta = [Double](repeating: 0, count: n)
      curvature = eta
      slope = eta
      cross = eta
      weightedX = [Double](repeating: 0, count: n * p)
    }
  }

  /// ℓ, and when `derivatives` its gradient and Hessian with respect to (β, τ) where τ = ln α
  /// (`logScale`) or α; adds Σᵢ sᵢsᵢᵀ of the per-row scores to `meat` when given.
  func evaluate(
    beta: [Double], alpha: Double, logScale: Bool, derivatives: Bool, workspace w: inout Workspace,
    gradient: inout [Double], hessian: inout [Double], meat: UnsafeMutablePointer<[Double]>? = nil
  ) -> Double {
    let n = design.rowCount
    let p = design.columnCount
    let k = p + 1
    let r = 1 / alpha
    var total = 0.0
    var dAlpha = 0.0
    var dAlphaAlpha = 0.0
    var scores = [Double](repeating: 0, count: meat == nil ? 0 : k)
    let dispersion = DispersionTerms(r: r, derivatives: derivatives)
    design.values.withUnsafeBufferPointer { x in
      for i in 0..<n { w.eta[i] = design.offset?[i] ?? 0 }
      for j in 0..<p {
        let b = beta[j]
        let column = j * n
        for i in 0..<n { w.eta[i] += x[column + i] * b }
      }
      for i in 0..<n {
        let t = Self.rowTerms(
          y: y[i], eta: w.eta[i], r: r, logFactorial: w.logFactorial[i], dispersion: dispersion,
          derivatives: derivatives)
        total += t.logLikelihood
        guard derivatives else { continue }
        // Chain rule from r = 1/α: ∂/∂α = −r² ∂/∂r, ∂²/∂α² = 2r³ ∂/∂r + r⁴ ∂²/∂r²;
        // for τ = ln α: ∂/∂τ = −r ∂/∂r, ∂²/∂τ² = r ∂/∂r + r² ∂²/∂r².
        let dA: Double
        if logScale {
          dA = -r * t.dR
          dAlphaAlpha += r * t.dR + r * r * t.dRR
          w.cross[i] = -r * t.dEtaR
        } else {
          dA = -r * r * t.dR
          dAlphaAlpha += 2 * r * r * r * t.dR + r * r * r * r * t.dRR
          w.cross[i] = -r * r * t.dEtaR
        }
        dAlpha += dA
        w.slope[i] = t.dEta
        w.curvature[i] = t.dEtaEta
        if let meat {
          for a in 0..<p { scores[a] = x[a * n + i] * t.dEta }
          scores[p] = dA
          for a in 0..<k { for b in 0...a { meat.pointee[a * k + b] += scores[a] * scores[b] } }
        }
      }
      guard derivatives else { return }
      w.slope.withUnsafeBufferPointer { slope in
        w.cross.withUnsafeBufferPointer { cross in
          for a in 0..<p {
            gradient[a] = DenseAlgebra.dot(x.baseAddress! + a * n, slope.baseAddress!, n)
            let c = DenseAlgebra.dot(x.baseAddress! + a * n, cross.baseAddress!, n)
            hessian[p * k + a] = c
            hessian[a * k + p] = c
          }
        }
      }
      w.curvature.withUnsafeBufferPointer { curvature in
        w.weightedX.withUnsafeMutableBufferPointer { scratch in
          hessian.withUnsafeMutableBufferPointer { h in
            DenseAlgebra.weightedCrossProduct(
              x: x.baseAddress!, weights: curvature.baseAddress!, n: n, p: p,
              scratch: scratch.baseAddress!, into: h.baseAddress!, stride: k)
          }
        }
      }
    }
    if derivatives {
      gradient[p] = dAlpha
      hessian[p * k + p] = dAlphaAlpha
    }
    if let meat {
      for a in 0..<k { for b in 0..<a { meat.pointee[b * k + a] = meat.pointee[a * k + b] } }
    }
    return total
  }

  func fit() throws(ModelError) -> RawFit {
    let n = design.rowCount
    let p = design.columnCount
    let k = p + 1
    var beta: [Double]
    var tau: Double
    var startIterations = 0
    if let start {
      beta = Array(start.prefix(p))
      tau = log(start[p])
    } else {
      var poisson = GLMFitter(
        link: .log, design: design, y: y, maxIterations: maxIterations, tolerance: 1e-8,
        wantMeat: false)
      let fit = try poisson.fit()
      beta = fit.parameters
      startIterations = fit.iterations
      // Moment start for α: Σ[(y − μ)² − μ] / Σ μ², clamped to [0.01, 100].
      var numerator = 0.0
      var denominator = 0.0
      design.values.withUnsafeBufferPointer { x in
        for i in 0..<n {
          var eta = design.offset?[i] ?? 0
          for j in 0..<p { eta += x[j * n + i] * beta[j] }
          let mu = exp(eta)
          numerator += (y[i] - mu) * (y[i] - mu) - mu
          denominator += mu * mu
        }
      }
      tau = log(min(100, max(0.01, numerator / denominator)))
    }
    var gradient = [Double](repeating: 0, count: k)
    var hessian = [Double](repeating: 0, count: k * k)
    var system = [Double](repeating: 0, count: k * k)
    var step = [Double](repeating: 0, count: k)
    var trialBeta = beta
    var workspace = Workspace(n: n, p: p, y: y)
    var iterations = 0
    var converged = false
    var llf = -Double.infinity
    while iterations < maxIterations {
      iterations += 1
      llf = evaluate(
        beta: beta, alpha: exp(tau), logScale: true, derivatives: true, workspace: &workspace,
        gradient: &gradient, hessian: &hessian)
      guard llf.isFinite else { break }
      // Solve (−H + λD) δ = g, with λ = 0 unless −H is not positive definite.
      var shift = 0.0
      while true {
        for j in 0..<(k * k) { system[j] = -hessian[j] }
        if shift > 0 {
          for j in 0..<k { system[j * k + j] += shift * (abs(system[j * k + j]) + 1) }
        }
        if DenseAlgebra.choleskyFactor(&system, k) == nil { break }
        shift = shift == 0 ? 1e-6 : shift * 10
        if shift > 1e8 { break }
      }
      if shift > 1e8 { break }
      for j in 0..<k { step[j] = gradient[j] }
      DenseAlgebra.choleskySolve(system, k, &step)
      // Backtracking line search on ℓ.
      var scale = 1.0
      var accepted = false
      var trialTau = tau
      for _ in 0..<60 {
        for j in 0..<p { trialBeta[j] = beta[j] + scale * step[j] }
        trialTau = tau + scale * step[p]
        let trial = evaluate(
          beta: trialBeta, alpha: exp(trialTau), logScale: true, derivatives: false,
          workspace: &workspace, gradient: &gradient, hessian: &hessian)
        if trial.isFinite && trial >= llf - 1e-12 * abs(llf) {
          accepted = true
          break
        }
        scale *= 0.5
      }
      guard accepted else { break }
      var largest = 0.0
      for j in 0..<p { largest = max(largest, abs(scale * step[j]) / max(1, abs(trialBeta[j]))) }
      largest = max(largest, abs(scale * step[p]) / max(1, abs(trialTau)))
      beta = trialBeta
      tau = trialTau
      if tau < log(1e-10) {
        throw ModelError(
          .noConvergence, columns: ["alpha"], value: exp(tau),
          "the negative binomial dispersion alpha tends to 0 (no overdispersion): the NB2 "
            + "likelihood has its maximum at the Poisson boundary; fit the Poisson model instead")
      }
      if tau > log(1e10) { break }
      if largest <= tolerance && scale == 1 && shift == 0 {
        converged = true
        break
      }
    }
    guard converged else {
      throw ModelError(
        .noConvergence, columns: ["alpha"], value: exp(tau),
        "the negative binomial fit did not converge in \(iterations) iterations (alpha now "
          + "\(exp(tau))); no estimates are reported")
    }
    // Covariance from the Hessian in (β, α) at the estimate.
    let alpha = exp(tau)
    var meatMatrix = [Double](repeating: 0, count: wantMeat ? k * k : 0)
    llf = withUnsafeMutablePointer(to: &meatMatrix) { pointer in
      evaluate(
        beta: beta, alpha: alpha, logScale: false, derivatives: true, workspace: &workspace,
        gradient: &gradient, hessian: &hessian, meat: wantMeat ? pointer : nil)
    }
    for j in 0..<(k * k) { system[j] = -hessian[j] }
    if let pivot = DenseAlgebra.choleskyFactor(&system, k) {
      let name = pivot < p ? design.columnNames[pivot] : "alpha"
      throw ModelError(
        .noConvergence, columns: [name],
        "the negative binomial Hessian is not negative definite at the estimate (at '\(name)'); "
          + "no estimates are reported")
    }
    let covariance = DenseAlgebra.choleskyInverse(system, k)
    // Deviance at the fitted α: 2Σ[y ln(y/μ) − (y + r) ln((y + r)/(μ + r))].
    var deviance = 0.0
    let r = 1 / alpha
    design.values.withUnsafeBufferPointer { x in
      for i in 0..<n {
        var eta = design.offset?[i] ?? 0
        for j in 0..<p { eta += x[j * n + i] * beta[j] }
        let mu = exp(eta)
        let yi = y[i]
        let first = yi > 0 ? yi * (log(yi) - eta) : 0
        deviance += 2 * (first - (yi + r) * log1p((yi - mu) / (mu + r)))
      }
    }
    return RawFit(
      parameters: beta + [alpha], covariance: covariance, meat: wantMeat ? meatMatrix : nil,
      logLikelihood: llf, deviance: deviance, iterations: iterations + startIterations)
  }
}

/// Digamma and trigamma for x > 0, by upward recurrence to x ≥ 12 and the asymptotic series.
/// Internal.
enum Polygamma {
  static func digamma(_ x: Double) -> Double {
    var x = x
    var result = 0.0
    while x < 12 {
      result -= 1 / x
      x += 1
    }
    let inverse = 1 / x
    let square = inverse * inverse
    // ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ)
    let series =
      square
      * (1.0 / 12 - square
        * (1.0 / 120 - square * (1.0 / 252 - square * (1.0 / 240 - square * (1.0 / 132)))))
    return result + log(x) - 0.5 * inverse - series
  }

  static func trigamma(_ x: Double) -> Double {
    var x = x
    var result = 0.0
    while x < 12 {
      result += 1 / (x * x)
      x += 1
    }
    let inverse = 1 / x
    let square = inverse * inverse
    // 1/x + 1/(2x²) + Σ B₂ₖ/x²ᵏ⁺¹
    let series =
      inverse * square
      * (1.0 / 6 - square
        * (1.0 / 30 - square * (1.0 / 42 - square * (1.0 / 30 - square * 5.0 / 66))))
    return result + inverse + 0.5 * square + series
  }
}
