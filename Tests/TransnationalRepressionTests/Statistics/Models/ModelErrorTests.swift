import Foundation
import Testing

@testable import TransnationalRepression

/// Every input that cannot be fitted throws a typed error naming the cause, row or column.
@Suite("Count models refuse what they cannot fit")
struct ModelErrorTests {
  @Test("Collinear columns are named (fixture: x3 = x1 − 2·x2, numpy rank 3 of 4)")
  func collinearColumns() throws {
    let fixture = try ModelFixture.load()
    let data = fixture.collinear
    #expect(data.numpy_rank == 3)
    let error = #expect(throws: ModelError.self) {
      try DesignMatrix(
        columns: Array(zip(data.names, data.covariates).map { (name: $0.0, values: $0.1) }),
        rowLabels: data.labels)
    }
    #expect(error?.reason == .collinearColumns)
    #expect(error?.columns == ["x3", "x1", "x2"])
    #expect(error?.description.contains("'x3' is a linear combination of 'x1', 'x2'") == true)
  }

  @Test("A constant column is collinear with the intercept; an all-zero column is refused")
  func constantColumns() {
    let constant = #expect(throws: ModelError.self) {
      try DesignMatrix(columns: [("x", [1, 2, 3, 4]), ("c", [5, 5, 5, 5])])
    }
    #expect(constant?.columns == ["c", "(intercept)"])
    let zeros = #expect(throws: ModelError.self) {
      try DesignMatrix(columns: [("z", [0, 0, 0, 0])])
    }
    #expect(zeros?.reason == .collinearColumns && zeros?.columns == ["z"])
    let duplicate = #expect(throws: ModelError.self) {
      try DesignMatrix(columns: [("x", [1, 2, 3, 4]), ("y", [2, 4, 6, 8])])
    }
    #expect(duplicate?.columns == ["y", "x"])
  }

  @Test("Non-positive exposure names the row label")
  func nonPositiveExposure() {
    for bad in [0.0, -3, .nan, .infinity] {
      let error = #expect(throws: ModelError.self) {
        try DesignMatrix(
          columns: [("x", [1, 2, 3])], exposure: [10, bad, 5], rowLabels: ["KZ", "KG", "TR"])
      }
      #expect(error?.reason == .nonPositiveExposure)
      #expect(error?.row == 1 && error?.rowLabel == "KG")
      #expect(error?.description.contains("row 1 (KG)") == true)
    }
  }

  @Test("Non-finite covariates, mismatched shapes and repeated names are refused")
  func badDesigns() {
    let nan = #expect(throws: ModelError.self) {
      try DesignMatrix(columns: [("x", [1, .nan, 3])], rowLabels: ["A", "B", "C"])
    }
    #expect(nan?.reason == .nonFiniteValue && nan?.rowLabel == "B" && nan?.columns == ["x"])
    let shape = #expect(throws: ModelError.self) {
      try DesignMatrix(columns: [("x", [1, 2, 3]), ("y", [1, 2])])
    }
    #expect(shape?.reason == .shapeMismatch && shape?.columns == ["y"])
    let repeated = #expect(throws: ModelError.self) {
      try DesignMatrix(columns: [("x", [1, 2, 3]), ("x", [3, 1, 2])])
    }
    #expect(repeated?.reason == .shapeMismatch)
  }

  @Test("Negative and non-integer counts, non-0/1 logit outcomes and NaN outcomes name the row")
  func badOutcomes() throws {
    let design = try DesignMatrix(
      columns: [("x", [0.1, 0.5, 0.2, 0.9, 0.4, 0.7])],
      rowLabels: ["A", "B", "C", "D", "E", "F"])
    let cases: [([Double], CountModelFamily, ModelError.Reason)] = [
      ([1, 2, -1, 0, 3, 1], .poisson, .invalidCount),
      ([1, 2, 1.5, 0, 3, 1], .negativeBinomial, .invalidCount),
      ([1, 0, 2, 0, 1, 1], .logit, .invalidBinaryOutcome),
      ([1, 0, .nan, 0, 1, 1], .logit, .nonFiniteValue),
    ]
    for (y, family, reason) in cases {
      let error = #expect(throws: ModelError.self) {
        try CountRegression.fit(design, outcome: y, family: family)
      }
      #expect(error?.reason == reason)
      #expect(error?.row == 2 && error?.rowLabel == "C")
    }
    let short = #expect(throws: ModelError.self) {
      try CountRegression.fit(design, outcome: [1, 2], family: .poisson)
    }
    #expect(short?.reason == .shapeMismatch)
  }

  @Test("Too few rows for the parameters (NB2 counts alpha)")
  func tooFewRows() throws {
    let design = try DesignMatrix(columns: [("x", [1, 2, 4]), ("w", [0, 1, 0])])
    let error = #expect(throws: ModelError.self) {
      try CountRegression.fit(design, outcome: [1, 2, 3], family: .poisson)
    }
    #expect(error?.reason == .tooFewRows)
    let four = try DesignMatrix(columns: [("x", [1, 2, 4, 3]), ("w", [0, 1, 0, 1])])
    _ = try CountRegression.fit(four, outcome: [1, 2, 3, 1], family: .poisson)
    let nb = #expect(throws: ModelError.self) {
      try CountRegression.fit(four, outcome: [1, 2, 3, 1], family: .negativeBinomial)
    }
    #expect(nb?.reason == .tooFewRows)
  }

  @Test("Complete and quasi-complete separation in logit throw (statsmodels only warns)")
  func separationFixtures() throws {
    let fixture = try ModelFixture.load()
    #expect(fixture.separation.count == 2)
    for data in fixture.separation {
      #expect(data.statsmodels != "fitted")  // statsmodels noticed something too
      let design = try DesignMatrix(
        columns: Array(zip(data.names, data.covariates).map { (name: $0.0, values: $0.1) }),
        rowLabels: data.labels)
      let error = #expect(throws: ModelError.self) {
        try CountRegression.fit(design, outcome: data.outcome, family: .logit)
      }
      #expect(error?.reason == .separation)
      if data.name == "complete" {
        #expect(error?.columns == ["x1"])
        #expect(error?.description.contains("complete separation") == true)
      } else {
        #expect(error?.columns == ["d"])
        #expect(error?.description.contains("quasi-complete") == true)
      }
    }
  }

  @Test("Separation by a combination of columns is caught while fitting")
  func separationByCombination() throws {
    // y = 1 exactly when x1 + x2 > 0; neither column alone separates.
    let x1: [Double] = [-2, -1, 0.5, 1, 2, -0.5, 1.5, -1.5, 0.2, -0.3]
    let x2: [Double] = [1, 2, 1, -2, -1.5, 1, -2, 2, 0.3, 0.1]
    let y = zip(x1, x2).map { $0 + $1 > 0 ? 1.0 : 0.0 }
    let design = try DesignMatrix(columns: [("x1", x1), ("x2", x2)])
    let error = #expect(throws: ModelError.self) {
      try CountRegression.fit(design, outcome: y, family: .logit)
    }
    #expect(error?.reason == .separation)
    #expect(error?.row != nil)
  }

  @Test("A constant logit outcome is separation; all-zero counts do not converge")
  func degenerateOutcomes() throws {
    let design = try DesignMatrix(columns: [("x", [0.1, 0.5, 0.2, 0.9, 0.4])])
    let logit = #expect(throws: ModelError.self) {
      try CountRegression.fit(design, outcome: [1, 1, 1, 1, 1], family: .logit)
    }
    #expect(logit?.reason == .separation)
    let zeros = #expect(throws: ModelError.self) {
      try CountRegression.fit(design, outcome: [0, 0, 0, 0, 0], family: .poisson)
    }
    #expect(zeros?.reason == .noConvergence)
  }

  @Test("A Poisson coefficient that diverges (all zeros where d = 1) is non-convergence, named")
  func poissonDivergence() throws {
    let d: [Double] = [1, 1, 1, 0, 0, 0, 0, 0]
    let x: [Double] = [0.3, 1.2, 0.5, 0.9, 0.1, 1.5, 0.7, 0.2]
    let y: [Double] = [0, 0, 0, 2, 1, 5, 3, 0]
    let design = try DesignMatrix(columns: [("x", x), ("d", d)])
    let error = #expect(throws: ModelError.self) {
      try CountRegression.fit(design, outcome: y, family: .poisson)
    }
    #expect(error?.reason == .noConvergence)
    #expect(error?.columns == ["d"])
  }

  @Test("Fixed effects: a country with no case has an infinite effect; the fit names its column")
  func fixedEffectWithoutCases() throws {
    let fixture = try ModelFixture.load()
    let panel = fixture.dataset("panel_fixed_effects_25x18")
    var y = panel.outcome
    for (i, label) in panel.labels.enumerated() where label.hasPrefix("C05-") { y[i] = 0 }
    let error = #expect(throws: ModelError.self) {
      try CountRegression.fit(try panel.design(), outcome: y, family: .poisson)
    }
    #expect(error?.reason == .noConvergence)
    #expect(error?.columns == ["c05"])
  }

  @Test("NB2 on equidispersed data: alpha goes to the boundary and the fit refuses")
  func negativeBinomialBoundary() throws {
    // Underdispersed counts (variance below the mean): the NB2 maximum is at alpha = 0.
    let x: [Double] = (0..<40).map { Double($0 % 5) }
    let y: [Double] = (0..<40).map { Double(2 + ($0 % 5) / 2) }
    let design = try DesignMatrix(columns: [("x", x)])
    let error = #expect(throws: ModelError.self) {
      try CountRegression.fit(design, outcome: y, family: .negativeBinomial)
    }
    #expect(error?.reason == .noConvergence)
    #expect(error?.columns == ["alpha"])
  }

  @Test("Options outside their domain are refused")
  func badOptions() throws {
    let design = try DesignMatrix(columns: [("x", [0.1, 0.5, 0.2, 0.9, 0.4])])
    for options in [
      CountRegression.Options(confidenceLevel: 1), CountRegression.Options(maxIterations: 0),
    ] {
      let error = #expect(throws: ModelError.self) {
        try CountRegression.fit(
          design, outcome: [1, 0, 2, 3, 1], family: .poisson, options: options)
      }
      #expect(error?.reason == .invalidArgument)
    }
    let tooFewIterations = #expect(throws: ModelError.self) {
      try CountRegression.fit(
        design, outcome: [1, 0, 2, 3, 1], family: .poisson,
        options: CountRegression.Options(maxIterations: 1))
    }
    #expect(tooFewIterations?.reason == .noConvergence)
  }

  @Test("Design helpers: subscript, column lookup, removing columns, offset = log exposure")
  func designHelpers() throws {
    let design = try DesignMatrix(
      columns: [("a", [1, 2, 3]), ("b", [0, 1, 0])], exposure: [1, 10, 100])
    #expect(design.columnNames == ["(intercept)", "a", "b"])
    #expect(design[1, 1] == 2 && design[2, 0] == 1)
    #expect(design.column(named: "b") == [0, 1, 0])
    #expect(design.column(named: "c") == nil)
    #expect(
      design.offset!.map { ($0 * 1e12).rounded() }
        == [0, log(10), log(100)].map { ($0 * 1e12).rounded() })
    let smaller = try design.removingColumns(["a"])
    #expect(smaller.columnNames == ["(intercept)", "b"])
    #expect(smaller.column(named: "b") == [0, 1, 0])
    #expect(smaller.offset == design.offset)
    #expect(throws: ModelError.self) { try design.removingColumns(["zzz"]) }
    let noIntercept = try DesignMatrix(columns: [("a", [1, 2, 3])], includeIntercept: false)
    #expect(noIntercept.columnCount == 1)
  }
}

@Suite("Complete cases: rows left out with why")
struct CompleteCasesTests {
  @Test("NaN leaves a row out with its reason; the kept rows keep their labels and exposure")
  func leavesOutMissing() throws {
    let cases = try DesignMatrix.completeCases(
      columns: [("x", [1, .nan, 3, 4, 5, 2, 7]), ("w", [0, 1, 1, .nan, 0, 1, 1])],
      outcome: [2, 1, .nan, 0, 4, 3, 5], exposure: [10, 20, 30, 40, .nan, 60, 70],
      rowLabels: ["A", "B", "C", "D", "E", "F", "G"])
    #expect(cases.keptRows == [0, 5, 6])
    #expect(
      cases.leftOut == [
        LeftOutRow(row: 1, label: "B", reason: "missing x"),
        LeftOutRow(row: 2, label: "C", reason: "missing outcome"),
        LeftOutRow(row: 3, label: "D", reason: "missing w"),
        LeftOutRow(row: 4, label: "E", reason: "no exposure"),
      ])
    #expect(cases.outcome == [2, 3, 5])
    #expect(cases.design.rowLabels == ["A", "F", "G"])
    #expect(cases.design.exposure == [10, 60, 70])
    #expect(cases.design.column(named: "x") == [1, 2, 7])
  }

  @Test("Non-positive exposure and infinite values still throw; no complete row is too few")
  func stillThrows() {
    let exposure = #expect(throws: ModelError.self) {
      try DesignMatrix.completeCases(
        columns: [("x", [1, 2, 3])], outcome: [1, 2, 3], exposure: [1, 0, 2],
        rowLabels: ["A", "B", "C"])
    }
    #expect(exposure?.reason == .nonPositiveExposure && exposure?.rowLabel == "B")
    let infinite = #expect(throws: ModelError.self) {
      try DesignMatrix.completeCases(columns: [("x", [1, .infinity, 3])], outcome: [1, 2, 3])
    }
    #expect(infinite?.reason == .nonFiniteValue)
    let none = #expect(throws: ModelError.self) {
      try DesignMatrix.completeCases(columns: [("x", [.nan, .nan])], outcome: [1, 2])
    }
    #expect(none?.reason == .tooFewRows)
  }
}
