import Foundation

@testable import TransnationalRepression

/// The statsmodels reference values in `Tests/Fixtures/statsmodels/models.json`, written by
/// `Tests/Fixtures/statsmodels/generate_model_reference.py`. Test support.
struct ModelFixture: Decodable {
  struct Meta: Decodable {
    let statsmodels: String
    let generated: String
  }

  struct Dataset: Decodable {
    let name: String
    let names: [String]
    let covariates: [[Double]]
    let exposure: [Double]?
    let outcome: [Double]
    let labels: [String]

    func design(dropping: [String] = []) throws -> DesignMatrix {
      let columns = zip(names, covariates).filter { !dropping.contains($0.0) }
        .map { (name: $0.0, values: $0.1) }
      return try DesignMatrix(columns: columns, exposure: exposure, rowLabels: labels)
    }
  }

  struct Fit: Decodable {
    let dataset: String
    let family: String
    let names: [String]
    let params: [Double]
    let bse: [Double]
    let z: [Double]
    let pvalues: [Double]
    let ci_low: [Double]
    let ci_high: [Double]
    let llf: Double
    let aic: Double
    let nobs: Int
    let deviance: Double
    let bic_llf: Double?
    let bic: Double?
    let hc0_se: [Double]
    let hc1_se: [Double]
    let statsmodels_hc1_se: [Double]?
    let alpha: Double?
    let alpha_se: Double?
    let k_params: Int?
  }

  struct LRTest: Decodable {
    let dataset: String
    let family: String
    let dropped: [String]
    let llf_full: Double
    let llf_restricted: Double
    let statistic: Double
    let df: Int
    let p_value: Double
  }

  struct Permutation: Decodable {
    let dataset: String
    let family: String
    let column: String
    let statistic: String
    let permutations: Int
    let seed: UInt64
    let observed: Double
    let extreme: Int
    let p_value: Double
  }

  struct Separation: Decodable {
    let name: String
    let names: [String]
    let covariates: [[Double]]
    let outcome: [Double]
    let labels: [String]
    let statsmodels: String
  }

  struct Collinear: Decodable {
    let names: [String]
    let covariates: [[Double]]
    let outcome: [Double]
    let labels: [String]
    let numpy_rank: Int
  }

  let meta: Meta
  let datasets: [Dataset]
  let fits: [Fit]
  let lr_tests: [LRTest]
  let permutations: [Permutation]
  let separation: [Separation]
  let collinear: Collinear

  static func load() throws -> ModelFixture {
    try Fixtures.json(ModelFixture.self, "statsmodels/models.json")
  }

  func dataset(_ name: String) -> Dataset {
    datasets.first { $0.name == name }!
  }
}

extension CountModelFamily {
  /// The family named as in the fixture.
  init(fixtureName: String) {
    self.init(rawValue: fixtureName)!
  }
}
