#!/usr/bin/env python3
"""Independent reference for the country covariate tables and `tnr model` on the bundled data.

Reads the raw CSVs of ../../../../shared/data (or the bundled copies, which are byte-identical:
Sources/TransnationalRepression/ReferenceData/Resources) with Python's csv module only, derives
the model variables as documented in CountryTable.swift, and fits the `tnr model` default runs
with statsmodels. Writes country-reference.json beside this script.

Run:  python3 Tests/Fixtures/countries/generate_country_reference.py
Needs: numpy, scipy, statsmodels (0.14+).

Derivations (written here independently of the Swift code):
- un_2019_2020_supportive: 1 when the country has position "supportive" in hrc-2019-letter or
  ga3-2020, else 0 (the lists match their published totals, so not listed = did not sign).
- un_critical_any: 1 when "critical" in any statement, else 0.
- voted_no_l6: hrc51-l6-vote position no -> 1, yes/abstain -> 0, no row -> missing (not a
  council member voting in Oct 2022).
- sco_member: status member -> 1, any other row or no row -> 0. sco_any_status: any row -> 1.
- extradition_treaty_signed: row present -> 1, else 0 (the list is about 5-6 short).
- extradition_treaty_in_force: status in_force -> 1; signed_not_in_force or
  ratified_by_china_only -> 0; empty status or no row -> missing.
- bri_member: row present and no "exit date" in the note -> 1; exited (note) -> 0; no row -> 0.
- Cases: sum of `persons` over detention and extradition rows of documented-events.csv with a
  number, per host; 0 for a creditor-table country with none.
- Exposure: UHRP estimate lower bound (low) or upper bound (high); "fewer than N" has no lower
  bound (left out of the low run) and N as its upper bound.
- Creditor measure china_share_total: China's claims over total PPG debt, summed from the raw
  wb-ids-2024-ppg-external-debt-by-creditor.csv (checked against the rounded summary CSV), by
  World Bank name (the names of the countries with a diaspora estimate are mapped by hand).
"""
import csv
import json
import math
import os
import re
import warnings

import numpy as np
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "Sources", "TransnationalRepression", "ReferenceData",
                    "Resources")


def rows(name):
    with open(os.path.join(DATA, name), newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


un = rows("xinjiang-un-statements.csv")
sco = rows("sco-membership.csv")
treaties = rows("china-extradition-treaties.csv")
bri = rows("bri-cooperation.csv")

variables = {}
countries = sorted({r["country"] for r in un} | {r["country"] for r in sco}
                   | {r["country"] for r in treaties} | {r["country"] for r in bri})

supportive = {r["country"] for r in un
              if r["statement"] in ("hrc-2019-letter", "ga3-2020") and r["position"] == "supportive"}
critical = {r["country"] for r in un if r["position"] == "critical"}
l6 = {r["country"]: r["position"] for r in un if r["statement"] == "hrc51-l6-vote"}
sco_status = {r["country"]: r["status"] for r in sco}
treaty = {r["country"]: r["status"] for r in treaties}
bri_rows = {r["country"]: r for r in bri}


def bri_value(c):
    if c not in bri_rows:
        return 0
    return 0 if "exit date" in bri_rows[c]["note"] else 1


derive = {
    "un_2019_2020_supportive": lambda c: 1 if c in supportive else 0,
    "un_critical_any": lambda c: 1 if c in critical else 0,
    "voted_no_l6": lambda c: None if c not in l6 else (1 if l6[c] == "no" else 0),
    "sco_member": lambda c: 1 if sco_status.get(c) == "member" else 0,
    "sco_any_status": lambda c: 1 if c in sco_status else 0,
    "extradition_treaty_signed": lambda c: 1 if c in treaty else 0,
    "extradition_treaty_in_force": lambda c: (
        None if treaty.get(c, "") == "" else (1 if treaty[c] == "in_force" else 0)),
    "bri_member": bri_value,
}
probe = countries + ["ZZ"]  # ZZ: listed nowhere
for name, f in derive.items():
    values = {c: f(c) for c in probe}
    variables[name] = {
        "values": {c: v for c, v in values.items() if c != "ZZ"},
        "not_listed": values["ZZ"],
        "ones": sum(1 for c in countries if values[c] == 1),
        "zeros_listed": sum(1 for c in countries if values[c] == 0),
        "missing_listed": sum(1 for c in countries if values[c] is None),
    }

# Cases per host.
cases = {}
for r in rows("documented-events.csv"):
    if r["category"] in ("detention", "extradition") and r["persons"].strip():
        cases[r["host"]] = cases.get(r["host"], 0) + int(r["persons"])


# Exposure.
def bounds(text):
    t = text.replace(",", "").strip()
    m = re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", t)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.fullmatch(r"fewer than (\d+)", t)
    if m:
        return None, int(m.group(1))
    return int(t), int(t)


exposure = {r["host"]: bounds(r["estimate_as_published"]) for r in rows("uyghur-diaspora-2023.csv")}

# World Bank names of the countries with a diaspora estimate (hand mapping).
wb_names = {"KZ": "Kazakhstan", "KG": "Kyrgyz Republic", "UZ": "Uzbekistan", "TJ": "Tajikistan",
            "AF": "Afghanistan", "TM": "Turkmenistan", "IN": "India", "PK": "Pakistan",
            "TR": "Turkiye", "EG": "Egypt, Arab Rep.", "TH": "Thailand", "MN": "Mongolia",
            "ID": "Indonesia"}
wb = {r["entity_name"]: r for r in rows("wb-ids-2024-china-creditor-summary.csv")}
for iso, name in wb_names.items():
    assert name in wb, name
# Every other diaspora country must be absent from the World Bank table.
assert len(wb_names) == 13

# china_share_total at full precision from the raw World Bank file (the summary CSV rounds it
# to 6 decimals): China's claims over all of the debtor's PPG debt, summed in file order.
totals, china = {}, {}
for r in rows("wb-ids-2024-ppg-external-debt-by-creditor.csv"):
    d = r["entity_name"]
    totals[d] = totals.get(d, 0.0) + float(r["value"])
    if r["counterpart_name"].strip() == "China":
        china[d] = china.get(d, 0.0) + float(r["value"])
share = {iso: china.get(name, 0.0) / totals[name] for iso, name in wb_names.items()}
for iso, name in wb_names.items():  # agrees with the rounded summary
    assert abs(share[iso] - float(wb[name]["china_share_total"])) < 5e-7, iso


def model_rows(covariates, run):
    out = []
    for iso in sorted(wb_names):
        low, high = exposure[iso]
        e = low if run == "low" else high
        if e is None:
            continue
        values = []
        for cov in covariates:
            v = share[iso] if cov == "china_share_total" else derive[cov](iso)
            values.append(v)
        if any(v is None for v in values):
            continue
        out.append((iso, float(cases.get(iso, 0)), float(e), values))
    return out


def fit(covariates, run, family):
    data = model_rows(covariates, run)
    names = ["(intercept)"] + covariates
    y = np.array([d[1] for d in data])
    X = np.column_stack([np.ones(len(data))] + [np.array([d[3][j] for d in data], dtype=float)
                                                  for j in range(len(covariates))])
    off = np.log(np.array([d[2] for d in data]))
    entry = {"covariates": covariates, "exposure": run, "family": family,
             "countries": [d[0] for d in data], "outcome": y.tolist(),
             "exposures": [d[2] for d in data]}
    if family == "poisson":
        res = sm.GLM(y, X, family=sm.families.Poisson(), offset=off).fit(tol=1e-14, maxiter=200)
        entry.update(deviance=float(res.deviance), aic=float(res.aic),
                     bic=float(-2 * res.llf + np.log(len(y)) * X.shape[1]))
        params, bse = res.params, res.bse
    else:
        model = sm.NegativeBinomial(y, X, loglike_method="nb2", offset=off)
        pois = sm.GLM(y, X, family=sm.families.Poisson(), offset=off).fit(tol=1e-14, maxiter=200)
        # statsmodels' own start (Poisson, alpha 1 then BFGS) runs alpha off to infinity on this
        # data; start Newton instead at the best alpha of a profile grid (NB GLM at fixed alpha).
        best = None
        for a in (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                g = sm.GLM(y, X, family=sm.families.NegativeBinomial(alpha=a), offset=off).fit(
                    tol=1e-14, maxiter=200)
            if best is None or g.llf > best[0]:
                best = (g.llf, np.append(g.params, a))
        start = best[1]
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = model.fit(method="newton", start_params=start, tol=1e-14, maxiter=200, disp=0)
            profile = []
            for a in (1.0, 10.0, 100.0, 1000.0):
                try:
                    profile.append(float(sm.GLM(y, X, family=sm.families.NegativeBinomial(alpha=a),
                                                offset=off).fit(tol=1e-14, maxiter=200).llf))
                except ValueError:
                    profile.append(None)
        if not (res.mle_retvals["converged"] and np.all(np.isfinite(res.params))
                and np.max(np.abs(model.score(res.params))) < 1e-6):
            # No finite maximum: the profile log-likelihood in alpha keeps rising.
            entry.update(n=len(y), converged=False, alpha_profile_llf=profile)
            return entry
        params, bse = res.params[:-1], res.bse[:-1]
        entry.update(alpha=float(res.params[-1]), alpha_std_error=float(res.bse[-1]))
    entry.update(n=len(y), converged=True, names=names, estimates=[float(v) for v in params],
                 std_errors=[float(v) for v in bse], log_likelihood=float(res.llf))
    return entry


fits = [
    fit(["china_share_total"], "low", "poisson"),
    fit(["china_share_total"], "high", "poisson"),
    fit(["china_share_total", "sco_member"], "low", "poisson"),
    fit(["china_share_total"], "low", "negative-binomial"),
    fit(["china_share_total"], "high", "negative-binomial"),
]



# The report's "Debt with controls" models (AnalysisReport.debtModels, DebtWithControls): the
# controls are chosen by the documented rule, written here independently of the Swift code:
# candidates in order; a candidate enters when it is known for every row of the debt-only model
# (low exposure), has at least 3 rows at 0 and at 1, differs from the controls already in, and
# the rows number at least 5 per covariate (debt included). Then Poisson and NB2 with and without
# debt on the same rows, and the likelihood-ratio statistic 2(llf_full - llf_restricted) with its
# chi-square(1) p-value.
def report_models():
    from scipy.stats import chi2
    rows = [d[0] for d in model_rows(["china_share_total"], "low")]
    chosen, chosen_values, choices = [], [], []
    for name in ["sco_member", "un_2019_2020_supportive", "extradition_treaty_signed", "bri_member"]:
        values = [derive[name](c) for c in rows]
        ones = sum(1 for v in values if v == 1)
        zeros = sum(1 for v in values if v == 0)
        if any(v is None for v in values) or min(ones, zeros) < 3 or values in chosen_values \
                or len(rows) < (len(chosen) + 2) * 5:
            choices.append({"name": name, "included": False})
            continue
        chosen.append(name)
        chosen_values.append(values)
        choices.append({"name": name, "included": True})
    result = {"rows": rows, "controls": chosen, "choices": choices, "families": {}}
    for family in ("poisson", "negative-binomial"):
        full = fit(["china_share_total"] + chosen, "low", family)
        restricted = fit(chosen, "low", family)
        assert full["countries"] == restricted["countries"] == rows
        statistic = 2 * (full["log_likelihood"] - restricted["log_likelihood"])
        result["families"][family] = {
            "full": full, "restricted": restricted, "lr_statistic": statistic,
            "lr_p_value": float(chi2.sf(statistic, 1))}
    return result


report = report_models()
out = {"variables": variables, "cases": cases, "fits": fits, "report": report}
with open(os.path.join(HERE, "country-reference.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print("report controls", report["controls"])
for family, e in report["families"].items():
    print("report", family, e["full"]["estimates"], e["full"].get("alpha"), e["lr_statistic"], e["lr_p_value"])
for e in fits:
    print(e["family"], e["exposure"], e["covariates"], e["n"], e.get("estimates"), e.get("alpha_profile_llf"))
