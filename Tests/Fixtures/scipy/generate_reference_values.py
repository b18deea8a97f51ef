#!/usr/bin/env python3
"""Writes the scipy/numpy reference values that the Statistics tests compare against.

Run from anywhere:  python3 Tests/Fixtures/scipy/generate_reference_values.py
Requires: scipy (1.17.1 was used), numpy, mpmath (for the high-precision "truth" columns).

Every JSON file written here records the scipy, numpy and mpmath versions and the date. Non-finite
numbers are written as the strings "nan", "inf" and "-inf" (JSON has no literal for them).

The Swift tests read these files (no Python is needed to run `swift test`). Values come from:

* scipy.special.ndtr / ndtri / stdtr / betainc / betaincc and scipy.stats.hypergeom (distribution
  grids), together with mpmath at 60 significant digits as an independent check;
* scipy.stats.pearsonr (and its Fisher-z confidence_interval), spearmanr, kendalltau;
* scipy.stats.fisher_exact and scipy.stats.contingency.odds_ratio(kind='conditional'/'sample');
* scipy.stats.permutation_test(permutation_type='pairings') for small exact cases;
* scipy.stats._resampling._bca_interval fed a bootstrap distribution and jackknife values that
  are stored alongside (numpy's resampling stream cannot be reproduced in Swift);
* scipy.stats.false_discovery_control(method='bh');
* an independent Python implementation of xoshiro256** / splitmix64 / Lemire / Fisher-Yates,
  which pins the outputs of the Swift `SeededGenerator`.
"""

import datetime
import json
import math
import os
import platform
import warnings

import mpmath as mp
import numpy as np
import scipy
from scipy import special, stats
from scipy.stats import _resampling

mp.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
META = {
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "mpmath": mp.__version__,
    "python": platform.python_version(),
    "generated": datetime.date.today().isoformat(),
    "generator": "Tests/Fixtures/scipy/generate_reference_values.py",
}
warnings.simplefilter("ignore")


def num(v):
    """A JSON-safe float: finite floats as numbers, non-finite as strings."""
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def write(name, payload):
    payload = {"meta": META, **payload}
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print("wrote", path)


def mpf_num(x):
    """An mpmath value as a float, keeping values below the double range as 0."""
    return num(float(x))


def mp_log(x):
    return num(float(mp.log(x))) if x > 0 else "-inf"


# ---------------------------------------------------------------------------------------------
# Distributions
# ---------------------------------------------------------------------------------------------

def normal_grid():
    zs = sorted(set([round(v, 6) for v in np.linspace(-37.5, 37.5, 301)] +
                    [-38.4, -37.0, -30.0, -20.0, -10.0, -8.0, -5.0, -3.0, -1.0, -0.5, -1e-3,
                     -1e-10, 0.0, 1e-10, 1e-3, 0.5, 1.0, 3.0, 5.0, 8.0, 8.3, 8.5, 9.0, 10.0]))
    cdf = []
    for z in zs:
        exact = mp.ncdf(mp.mpf(z))
        exact_sf = mp.ncdf(-mp.mpf(z))
        cdf.append({"z": z, "cdf": num(special.ndtr(z)), "sf": num(special.ndtr(-z)),
                    "cdf_mp": mpf_num(exact), "sf_mp": mpf_num(exact_sf),
                    "log_cdf_mp": mp_log(exact), "log_sf_mp": mp_log(exact_sf)})
    ps = [1e-300, 1e-250, 1e-200, 1e-150, 1e-100, 1e-50, 1e-30, 1e-20, 1e-16, 1e-10, 1e-8, 1e-5,
          1e-3, 0.01, 0.02425, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.425, 0.45, 0.5, 0.55, 0.575, 0.6,
          0.7, 0.8, 0.9, 0.95, 0.975, 0.97575, 0.99, 0.999, 0.99999, 1 - 1e-8, 1 - 1e-10,
          1 - 1e-12, 1 - 1e-15]
    ppf = []
    for p in ps:
        guess = float(special.ndtri(p))
        root = mp.findroot(lambda z: mp.ncdf(z) - mp.mpf(p), mp.mpf(guess))
        ppf.append({"p": p, "ppf": num(special.ndtri(p)), "ppf_mp": mpf_num(root)})
    write("normal.json", {"cdf": cdf, "ppf": ppf})


def t_exact(df, t):
    """Student t cdf via the incomplete beta function at 60 digits."""
    df = mp.mpf(df)
    t = mp.mpf(t)
    if t == 0:
        return mp.mpf(1) / 2
    x = df / (df + t * t)
    tail = mp.betainc(df / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
    return tail if t < 0 else 1 - tail


def student_t_grid():
    dfs = [1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 50, 75, 100, 150, 200, 2.5, 0.5, 1000, 1e5]
    ts = [-40, -30, -20, -12, -8, -5, -3, -2, -1.5, -1, -0.5, -0.1, -1e-6, 0, 1e-6, 0.1, 0.5, 1,
          1.5, 2, 3, 5, 8, 12, 20, 30, 40]
    rows = []
    for df in dfs:
        for t in ts:
            cdf = t_exact(df, t)
            sf = t_exact(df, -t)
            rows.append({"df": df, "t": t, "cdf": num(special.stdtr(df, t)),
                         "sf": num(special.stdtr(df, -t)), "cdf_mp": mpf_num(cdf),
                         "sf_mp": mpf_num(sf)})
    write("student_t.json", {"rows": rows})


def _mp_beta_cf(a, b, x):
    """I_x(a, b) by the continued fraction of Numerical Recipes (modified Lentz) in mpmath."""
    tiny = mp.mpf(10) ** (-mp.mp.dps * 3)
    eps = mp.mpf(10) ** (-mp.mp.dps + 5)
    qab, qap, qam = a + b, a + 1, a - 1
    c = mp.mpf(1)
    d = 1 - qab * x / qap
    if abs(d) < tiny:
        d = tiny
    d = 1 / d
    h = d
    m = 1
    while True:
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = tiny if abs(d) < tiny else d
        c = 1 + aa / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = tiny if abs(d) < tiny else d
        c = 1 + aa / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < eps:
            break
        m += 1
        if m > 10 ** 6:
            raise RuntimeError("no convergence")
    log_front = a * mp.log(x) + b * mp.log1p(-x) - (mp.loggamma(a) + mp.loggamma(b) -
                                                       mp.loggamma(a + b))
    return mp.exp(log_front) * h / a


def mp_incomplete_beta(a, b, x):
    """(I_x(a, b), 1 - I_x(a, b)) to about 50 significant digits, both tails."""
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    y = 1 - x
    if x < (a + 1) / (a + b + 2):
        v = _mp_beta_cf(a, b, x)
        if 1 - v < mp.mpf(10) ** -40:
            with mp.workdps(420):
                v2 = _mp_beta_cf(a, b, x)
                return v, 1 - v2
        return v, 1 - v
    w = _mp_beta_cf(b, a, y)
    if 1 - w < mp.mpf(10) ** -40:
        with mp.workdps(420):
            w2 = _mp_beta_cf(b, a, y)
            return 1 - w2, w
    return 1 - w, w


def incomplete_beta_grid():
    abs_ = [0.01, 0.1, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 25.0, 80.0, 250.0, 1000.0, 1e4, 1e5]
    xs = [1e-300, 1e-100, 1e-20, 1e-8, 1e-4, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.9999,
          1 - 1e-8, 1 - 1e-12]
    rows = []
    for a in abs_:
        for b in abs_:
            for x in xs:
                exact, exact_c = mp_incomplete_beta(a, b, x)
                rows.append({"a": a, "b": b, "x": x,
                             "value": num(special.betainc(a, b, x)),
                             "complement": num(special.betaincc(a, b, x)),
                             "value_mp": mpf_num(exact), "complement_mp": mpf_num(exact_c),
                             "log_value_mp": mp_log(exact),
                             "log_complement_mp": mp_log(exact_c)})
    write("incomplete_beta.json", {"rows": rows})


def hyper_exact_pmf(k, N, K, n):
    return mp.mpf(math.comb(K, k) * math.comb(N - K, n - k)) / math.comb(N, n)


def hypergeometric_grid():
    params = [(20, 7, 12), (50, 25, 25), (100, 3, 40), (500, 60, 200), (1000, 500, 500),
              (2000, 10, 1900), (5000, 2500, 100), (10000, 300, 5000), (40000, 20000, 20000),
              (150000, 75000, 3000), (200, 199, 100), (30, 30, 10), (30, 0, 10)]
    rows = []
    for N, K, n in params:
        lo, hi = max(0, n - (N - K)), min(n, K)
        # the whole support when small, otherwise both tails, the mode region and a few points
        if hi - lo <= 60:
            ks = list(range(lo, hi + 1))
        else:
            mode = int((n + 1) * (K + 1) / (N + 2))
            ks = sorted(set(list(range(lo, lo + 6)) + list(range(hi - 5, hi + 1)) +
                            list(range(mode - 5, mode + 6)) +
                            [int(v) for v in np.linspace(lo, hi, 25)]))
        total = math.comb(N, n)
        cum = mp.mpf(0)
        pmfs = {}
        for k in range(lo, hi + 1):
            pmfs[k] = mp.mpf(math.comb(K, k) * math.comb(N - K, n - k)) / total
        for k in ks:
            exact_pmf = pmfs[k]
            exact_cdf = mp.fsum(pmfs[j] for j in range(lo, k + 1))
            exact_sf = mp.fsum(pmfs[j] for j in range(k + 1, hi + 1))
            rows.append({"population": N, "successes": K, "draws": n, "k": k,
                         "pmf": num(stats.hypergeom.pmf(k, N, K, n)),
                         "logpmf": num(stats.hypergeom.logpmf(k, N, K, n)),
                         "cdf": num(stats.hypergeom.cdf(k, N, K, n)),
                         "sf": num(stats.hypergeom.sf(k, N, K, n)),
                         "pmf_mp": mpf_num(exact_pmf), "logpmf_mp": mp_log(exact_pmf),
                         "cdf_mp": mpf_num(exact_cdf), "sf_mp": mpf_num(exact_sf),
                         "logcdf_mp": mp_log(exact_cdf), "logsf_mp": mp_log(exact_sf)})
    write("hypergeometric.json", {"rows": rows})


# ---------------------------------------------------------------------------------------------
# Correlations
# ---------------------------------------------------------------------------------------------

ALTERNATIVES = ["two-sided", "less", "greater"]


def correlation_record(name, x, y, confidence_level=0.95):
    x = [float(v) for v in x]
    y = [float(v) for v in y]
    rec = {"name": name, "x": x, "y": y, "confidence_level": confidence_level, "results": []}
    for alt in ALTERNATIVES:
        entry = {"alternative": alt}
        if len(x) >= 2:
            r = stats.pearsonr(x, y, alternative=alt)
            ci = r.confidence_interval(confidence_level)
            entry["pearson"] = {"statistic": num(r.statistic), "pvalue": num(r.pvalue),
                                "ci_low": num(ci.low), "ci_high": num(ci.high)}
        s = stats.spearmanr(x, y, alternative=alt)
        entry["spearman"] = {"statistic": num(s.statistic), "pvalue": num(s.pvalue)}
        for method in ["auto", "asymptotic", "exact"]:
            if method == "exact" and len(x) > 200:
                continue  # O(n^3) in both implementations; n = 180 covers the n >= 171 branch
            try:
                k = stats.kendalltau(x, y, method=method, alternative=alt)
                entry["kendall_" + method] = {"statistic": num(k.statistic),
                                              "pvalue": num(k.pvalue)}
            except (ValueError, ZeroDivisionError) as e:
                entry["kendall_" + method] = {"error": type(e).__name__}
        rec["results"].append(entry)
    return rec


def correlation_cases():
    rng = np.random.default_rng(20240611)
    cases = []
    for n in [2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 33, 34, 40, 50, 75, 120, 500]:
        for rho in [0.0, 0.3, -0.6, 0.95]:
            z1 = rng.standard_normal(n)
            z2 = rng.standard_normal(n)
            x = z1
            y = rho * z1 + math.sqrt(1 - rho * rho) * z2
            cases.append(correlation_record(f"normal n={n} rho={rho}", x, y))
    # ties: integer-valued data on a small grid
    for n in [5, 9, 16, 30, 50, 200]:
        x = rng.integers(0, 4, n)
        y = x + rng.integers(-2, 3, n)
        cases.append(correlation_record(f"ties n={n}", x, y))
    # ties only in one variable
    x = rng.integers(0, 3, 25)
    y = rng.standard_normal(25)
    cases.append(correlation_record("ties in x only n=25", x, y))
    # perfect monotone and perfect linear relations
    x = np.arange(1, 11, dtype=float)
    cases.append(correlation_record("perfect linear n=10", x, 2 * x + 1))
    cases.append(correlation_record("perfect decreasing n=10", x, -3 * x + 7))
    cases.append(correlation_record("monotone nonlinear n=12", np.arange(12.0),
                                    np.exp(np.arange(12.0) / 3)))
    # one discordant pair, n large enough that scipy's auto rule still picks exact
    xx = np.arange(40.0)
    yy = xx.copy()
    yy[[10, 11]] = yy[[11, 10]]
    cases.append(correlation_record("one swap n=40", xx, yy))
    yy = xx.copy()
    yy[[3, 4]] = yy[[4, 3]]
    yy[[20, 21]] = yy[[21, 20]]
    cases.append(correlation_record("two swaps n=40", xx, yy))
    # constant inputs
    cases.append(correlation_record("constant x", [3.0] * 6, [1, 2, 3, 4, 5, 7]))
    cases.append(correlation_record("constant y", [1, 2, 3, 4, 5, 7], [2.0] * 6))
    # n = 2 and n = 3 hand-made
    cases.append(correlation_record("n=2 increasing", [1.0, 2.0], [5.0, 9.0]))
    cases.append(correlation_record("n=2 decreasing", [1.0, 2.0], [9.0, 5.0]))
    cases.append(correlation_record("n=3", [1.0, 2.0, 3.0], [2.0, 1.0, 4.0]))
    # large offset (nearly constant relative to its mean)
    base = rng.standard_normal(30)
    cases.append(correlation_record("offset 1e6", 1e6 + base, base + rng.standard_normal(30)))
    # other confidence levels
    x = rng.standard_normal(40)
    y = 0.5 * x + rng.standard_normal(40)
    cases.append(correlation_record("level 0.90", x, y, 0.90))
    cases.append(correlation_record("level 0.99", x, y, 0.99))
    # exact Kendall in scipy's second branch (n >= 171) with a representable p-value
    n = 180
    x = rng.standard_normal(n)
    y = 0.25 * x + rng.standard_normal(n)
    cases.append(correlation_record("kendall exact n=180", x, y))
    write("correlation.json", {"cases": cases})


# ---------------------------------------------------------------------------------------------
# Fisher's exact test and odds ratios
# ---------------------------------------------------------------------------------------------

class MpNoncentral:
    """Fisher's noncentral hypergeometric distribution of table[0][0], in mpmath (30 digits)."""

    def __init__(self, table):
        (a, b), (c, d) = table
        self.x = a
        M, n, N = a + b + c + d, a + b, a + c
        self.lo, self.hi = max(0, N - (M - n)), min(n, N)
        with mp.workdps(40):
            self.logc = [mp.loggamma(n + 1) - mp.loggamma(k + 1) - mp.loggamma(n - k + 1) +
                         mp.loggamma(M - n + 1) - mp.loggamma(N - k + 1) -
                         mp.loggamma(M - n - N + k + 1) for k in range(self.lo, self.hi + 1)]

    def _weights(self, omega):
        lw = [lc + (self.lo + i) * mp.log(omega) for i, lc in enumerate(self.logc)]
        top = max(lw)
        return [mp.exp(v - top) if v - top > -1500 else mp.mpf(0) for v in lw]

    def mean_minus_x(self, omega):
        w = self._weights(omega)
        return mp.fsum((self.lo + i - self.x) * wi for i, wi in enumerate(w)) / mp.fsum(w)

    def cdf(self, k, omega):
        w = self._weights(omega)
        return mp.fsum(w[:k - self.lo + 1]) / mp.fsum(w)

    def sf_from(self, k, omega):
        w = self._weights(omega)
        return mp.fsum(w[k - self.lo:]) / mp.fsum(w)

    def root(self, f, guess):
        # log-parametrised secant solve started at scipy's answer
        g = lambda t: f(mp.exp(t))
        return float(mp.exp(mp.findroot(g, mp.log(mp.mpf(guess)), tol=mp.mpf(10) ** -26)))


def fisher_truth(table, cond, low, high, alt, level):
    """mpmath values of the conditional estimate and the interval, where finite and nonzero."""
    nc = MpNoncentral(table)
    out = {}
    with mp.workdps(30):
        if 0 < cond < np.inf and not np.isnan(cond):
            out["conditional_odds_ratio_mp"] = nc.root(nc.mean_minus_x, cond)
        alpha = (1 - level) / 2 if alt == "two-sided" else 1 - level
        if 0 < low < np.inf:
            out["ci_low_mp"] = nc.root(lambda w: nc.sf_from(nc.x, w) - alpha, low)
        if 0 < high < np.inf:
            out["ci_high_mp"] = nc.root(lambda w: alpha - nc.cdf(nc.x, w), high)
    return out


def fisher_cases():
    tables = [
        [[1, 9], [11, 3]], [[8, 2], [1, 5]], [[3, 1], [1, 3]], [[0, 5], [5, 0]], [[5, 0], [0, 5]],
        [[0, 0], [3, 4]], [[0, 3], [0, 4]], [[2, 0], [0, 0]], [[0, 1], [1, 0]], [[1, 0], [0, 1]],
        [[0, 7], [2, 9]], [[6, 0], [4, 9]], [[7, 3], [0, 4]], [[4, 7], [9, 0]],
        [[10, 10], [10, 10]], [[1, 1], [1, 1]], [[12, 5], [7, 7]], [[2, 7], [8, 2]],
        [[100, 2], [1000, 5]], [[2, 100], [1000, 5]], [[523, 344], [241, 401]],
        [[10000, 10000], [10000, 10010]], [[5000, 200], [4800, 380]],
        [[1, 2000], [30, 1970]], [[150, 0], [0, 150]], [[3000, 3050], [2900, 3100]],
        [[0, 1000], [1000, 0]], [[18, 2], [3, 17]], [[1, 30], [40, 2]], [[7, 12], [0, 15]],
        [[21, 2], [30, 1]], [[5, 1], [10, 10]], [[9, 4], [4, 9]], [[190, 800], [200, 900]],
    ]
    rng = np.random.default_rng(7)
    for _ in range(16):
        tables.append([[int(v) for v in rng.integers(0, 40, 2)],
                       [int(v) for v in rng.integers(0, 40, 2)]])
    rows = []
    for t in tables:
        t_arr = np.array(t)
        cond = stats.contingency.odds_ratio(t_arr, kind="conditional")
        sample = stats.contingency.odds_ratio(t_arr, kind="sample")
        for alt in ALTERNATIVES:
            res = stats.fisher_exact(t_arr, alternative=alt)
            for level in ([0.95, 0.9, 0.99] if alt == "two-sided" else [0.95]):
                ci = cond.confidence_interval(confidence_level=level, alternative=alt)
                row = {"table": t, "alternative": alt, "confidence_level": level,
                       "pvalue": num(res.pvalue), "fisher_statistic": num(res.statistic),
                       "sample_odds_ratio": num(sample.statistic),
                       "conditional_odds_ratio": num(cond.statistic),
                       "ci_low": num(ci.low), "ci_high": num(ci.high)}
                if 0 not in t_arr.sum(axis=0) and 0 not in t_arr.sum(axis=1):
                    row.update(fisher_truth(t, float(cond.statistic), float(ci.low),
                                            float(ci.high), alt, level))
                rows.append(row)
    write("fisher.json", {"rows": rows})


# ---------------------------------------------------------------------------------------------
# Permutation tests (exact) and randomized reference values
# ---------------------------------------------------------------------------------------------

def permutation_cases():
    rng = np.random.default_rng(99)
    cases = []
    datasets = []
    for n in [2, 3, 4, 5, 6, 7]:
        x = np.round(rng.standard_normal(n), 3)
        y = np.round(0.7 * x + rng.standard_normal(n), 3)
        datasets.append((f"normal n={n}", x, y))
    datasets.append(("ties n=6", np.array([1., 2, 2, 3, 4, 4]), np.array([2., 1, 3, 3, 5, 4])))
    datasets.append(("ties n=7", np.array([1., 1, 2, 3, 3, 3, 4]),
                     np.array([7., 3, 3, 5, 2, 9, 9])))
    datasets.append(("perfect n=5", np.arange(5.0), np.arange(5.0) * 2))
    for name, x, y in datasets:
        for stat_name in ["pearson", "spearman", "kendall"]:
            if stat_name == "pearson":
                def statistic(yy, axis, x=x):
                    return stats.pearsonr(x, yy, axis=axis).statistic
                vectorized = True
            elif stat_name == "spearman":
                def statistic(yy, x=x):
                    return stats.spearmanr(x, yy).statistic
                vectorized = False
            else:
                def statistic(yy, x=x):
                    return stats.kendalltau(x, yy).statistic
                vectorized = False
            for alt in ALTERNATIVES:
                res = stats.permutation_test((y,), statistic, permutation_type="pairings",
                                             vectorized=vectorized, alternative=alt,
                                             n_resamples=np.inf)
                cases.append({"name": name, "x": [float(v) for v in x],
                              "y": [float(v) for v in y], "statistic_kind": stat_name,
                              "alternative": alt, "statistic": num(res.statistic),
                              "pvalue": num(res.pvalue),
                              "null_size": int(len(res.null_distribution))})
    write("permutation.json", {"cases": cases})


# ---------------------------------------------------------------------------------------------
# Bootstrap: BCa and percentile intervals from a stored bootstrap distribution
# ---------------------------------------------------------------------------------------------

def _pearson_stat(x, y, axis=-1):
    return stats.pearsonr(x, y, axis=axis).statistic


def _mean_diff(x, y, axis=-1):
    return np.mean(x, axis=axis) - np.mean(y, axis=axis)


def bootstrap_cases():
    """Each spec stores one bootstrap distribution (numpy's stream, seed 5) and the jackknife
    values once; the results for every alternative, level and method refer to them."""
    rng = np.random.default_rng(314)
    specs = [("pearson n=15", 15, _pearson_stat, 0.6), ("pearson n=40", 40, _pearson_stat, 0.2),
             ("mean difference n=25", 25, _mean_diff, 0.0),
             ("pearson n=12 skewed", 12, _pearson_stat, 0.9)]
    out = []
    for name, n, stat, rho in specs:
        x = rng.standard_normal(n)
        y = rho * x + rng.standard_normal(n)
        if "skewed" in name:
            y = np.exp(y)
        theta_hat = float(stat(x, y))
        jack = np.array([stat(np.delete(x, i), np.delete(y, i)) for i in range(n)])
        dist = None
        results = []
        for alt in ALTERNATIVES:
            for level in [0.95, 0.9]:
                for method in ["BCa", "percentile"]:
                    res = stats.bootstrap((x, y), stat, paired=True, vectorized=True,
                                          n_resamples=999, confidence_level=level,
                                          alternative=alt, method=method,
                                          rng=np.random.default_rng(5))
                    if dist is None:
                        dist = res.bootstrap_distribution
                    assert np.array_equal(dist, res.bootstrap_distribution)
                    alpha = (1 - level) / 2 if alt == "two-sided" else 1 - level
                    data = (np.arange(n),)

                    def idx_stat(i, axis=-1, x=x, y=y, stat=stat):
                        return stat(x[i], y[i], axis=axis)
                    a1, a2, a_hat = _resampling._bca_interval(
                        data, idx_stat, axis=-1, alpha=alpha, theta_hat_b=dist, batch=None,
                        xp=np)
                    results.append({"alternative": alt, "confidence_level": level,
                                    "method": method,
                                    "ci_low": num(res.confidence_interval.low),
                                    "ci_high": num(res.confidence_interval.high),
                                    "standard_error": num(res.standard_error),
                                    "bca_alpha_1": num(a1), "bca_alpha_2": num(a2),
                                    "acceleration": num(a_hat)})
        out.append({"name": name, "x": [float(v) for v in x], "y": [float(v) for v in y],
                    "estimate": theta_hat,
                    "bootstrap_distribution": [float(v) for v in dist],
                    "jackknife": [float(v) for v in jack], "results": results})
    write("bootstrap.json", {"cases": out})


# ---------------------------------------------------------------------------------------------
# Benjamini-Hochberg
# ---------------------------------------------------------------------------------------------

def bh_cases():
    rng = np.random.default_rng(11)
    inputs = [
        [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
         0.5719, 0.6528, 0.7590, 1.000],
        [0.5, 0.6, 0.1, 0.001], [0.03], [], [0.2, 0.2, 0.2], [0.0, 1.0, 0.5, 0.0],
        [1e-300, 1e-10, 0.04, 0.04, 0.9], list(rng.uniform(size=50)),
        list(rng.uniform(size=200) ** 3),
    ]
    cases = []
    for p in inputs:
        p = [float(v) for v in p]
        adjusted = stats.false_discovery_control(p, method="bh") if len(p) else []
        cases.append({"p": p, "adjusted": [float(v) for v in np.atleast_1d(adjusted)]})
    write("benjamini_hochberg.json", {"cases": cases})


# ---------------------------------------------------------------------------------------------
# Seeded generator: an independent implementation of the algorithms the Swift code uses
# ---------------------------------------------------------------------------------------------

MASK64 = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK64


class Xoshiro256StarStar:
    def __init__(self, seed):
        st = seed & MASK64
        self.s = []
        for _ in range(4):
            st, v = splitmix64(st)
            self.s.append(v)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK64, 7) * 9) & MASK64
        t = (s[1] << 17) & MASK64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def bounded(self, bound):
        """Lemire's nearly divisionless method: uniform in [0, bound)."""
        x = self.next()
        m = x * bound
        low = m & MASK64
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                x = self.next()
                m = x * bound
                low = m & MASK64
        return m >> 64

    def double(self):
        return (self.next() >> 11) * 2.0 ** -53

    def shuffle(self, items):
        items = list(items)
        for i in range(len(items) - 1, 0, -1):
            j = self.bounded(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


def generator_cases():
    out = []
    for seed in [0, 42, 2**64 - 1, 123456789]:
        g = Xoshiro256StarStar(seed)
        raw = [str(g.next()) for _ in range(8)]
        g = Xoshiro256StarStar(seed)
        bounded = [g.bounded(b) for b in [1, 2, 3, 6, 10, 100, 1000, 2**31 + 11, 7, 5]]
        g = Xoshiro256StarStar(seed)
        doubles = [g.double() for _ in range(5)]
        g = Xoshiro256StarStar(seed)
        shuffled = g.shuffle(range(10))
        out.append({"seed": str(seed), "next": raw, "bounded_bounds":
                    [1, 2, 3, 6, 10, 100, 1000, 2**31 + 11, 7, 5], "bounded": bounded,
                    "doubles": doubles, "shuffle_of_0_to_9": shuffled})
    write("seeded_generator.json", {"cases": out})


SECTIONS = {
    "normal": normal_grid, "student_t": student_t_grid, "incomplete_beta": incomplete_beta_grid,
    "hypergeometric": hypergeometric_grid, "correlation": correlation_cases,
    "fisher": fisher_cases, "permutation": permutation_cases, "bootstrap": bootstrap_cases,
    "benjamini_hochberg": bh_cases, "seeded_generator": generator_cases,
}

if __name__ == "__main__":
    import sys
    # With no arguments every file is regenerated; otherwise only the named sections
    # (for example: python3 generate_reference_values.py fisher bootstrap).
    for section in (sys.argv[1:] or list(SECTIONS)):
        SECTIONS[section]()
