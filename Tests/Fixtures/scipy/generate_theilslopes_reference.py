#!/usr/bin/env python3
"""Reference values for the Theil–Sen line drawn by ScatterChart (Sources/TransnationalRepression/
Rendering/TheilSenLine.swift), from scipy.stats.theilslopes.

Slope: the median of the slopes (y_j - y_i) / (x_j - x_i) over pairs with x_i != x_j
(Theil 1950; Sen 1968). Intercept, two conventions, both recorded:
  "joint":    median(y - slope * x)             scipy method="joint" (Sen 1968, Conover 1980)
  "separate": median(y) - slope * median(x)     scipy method="separate" (scipy's default)
A dataset whose x values are all equal has no slope; scipy returns nan, written here as "nan".

Run: python3 Tests/Fixtures/scipy/generate_theilslopes_reference.py
Writes: Tests/Fixtures/scipy/theilslopes.json
"""
import datetime
import json
import math
import os
import warnings

import numpy
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))


def number(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def datasets():
    rng = numpy.random.default_rng(20240611)
    x_random = rng.uniform(0.0, 1.0, 40)
    y_random = 3.0 + 25.0 * x_random + rng.standard_t(2.0, 40) * 4.0
    return [
        ("two points", [0.2, 0.7], [10.0, 3.0]),
        ("two points, tied x", [0.4, 0.4], [1.0, 5.0]),
        ("three points (odd number of slopes)", [0.1, 0.5, 0.9], [2.0, 1.0, 7.0]),
        ("four points (even number of slopes)", [0.0, 0.25, 0.5, 1.0], [1.0, 4.0, 2.0, 9.0]),
        ("ties in x and in y", [0.1, 0.1, 0.2, 0.2, 0.2, 0.5, 0.5, 0.9],
         [1.0, 3.0, 2.0, 2.0, 5.0, 4.0, 4.0, 10.0]),
        ("constant y", [0.1, 0.3, 0.6, 0.8], [5.0, 5.0, 5.0, 5.0]),
        ("unsorted with negatives", [0.9, -0.3, 0.45, 0.05, 0.6, 0.3, -0.1],
         [-2.5, 4.0, 1.0, 3.5, -1.0, 0.5, 2.0]),
        ("debt share and cases with one dominant country",
         [0.02, 0.11, 0.27, 0.05, 0.33, 0.48, 0.09, 0.16, 0.21, 0.38, 0.07, 0.13, 0.29],
         [84.0, 28.0, 559.0, 2.0, 17.0, 20.0, 12.0, 11.0, 16.0, 7.0, 3.0, 5.0, 17.0]),
        ("40 seeded points with heavy-tailed noise", [float(v) for v in x_random],
         [float(v) for v in y_random]),
        ("all x tied", [0.5, 0.5, 0.5], [1.0, 2.0, 3.0]),
    ]


def main():
    cases = []
    for name, x, y in datasets():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            joint = stats.theilslopes(y, x, method="joint")
            separate = stats.theilslopes(y, x, method="separate")
        cases.append({
            "name": name, "x": x, "y": y,
            "slope": number(joint.slope),
            "intercept_joint": number(joint.intercept),
            "intercept_separate": number(separate.intercept),
        })
    result = {"generated": datetime.date.today().isoformat(), "scipy": scipy.__version__,
              "numpy": numpy.__version__,
              "command": "stats.theilslopes(y, x, method='joint'|'separate')",
              "cases": cases}
    with open(os.path.join(HERE, "theilslopes.json"), "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
