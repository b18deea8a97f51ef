#!/usr/bin/env python3
"""Independent reference for CountryYearPanel: the country-year panel of the bundled sample
against the Horn-Reinhart-Trebesch debt stock, and its Poisson fit with country fixed effects by
statsmodels' formula GLM, glm("cases ~ debt_pct_gdp + C(country)", family=Poisson()).

Run:  python3 Tests/Fixtures/panel/generate_panel_reference.py
Needs: pandas, statsmodels (0.14+; 0.15.0 used). Writes panel-reference.json beside this script.

Built here from the raw CSVs with Python's csv module, independently of the Swift code:
- cases[host][year]: sum of `persons` over detention and extradition rows of documented-events.csv
  that give a number (the persons of rows without a number are unknown and not added);
- the outcome years t run over the years of ALL rows of the sample (first to last), and a row
  (country, t) exists when the debt stock of year t - lag is in the HRT file;
- debt_pct_gdp = ChinaDebt_GDP of year t - lag;
- treaty_in_force (variant): in_force year <= t -> 1, > t -> 0; no year and status
  signed_not_in_force or ratified_by_china_only -> 0; otherwise (no row, empty status, in_force
  without a year) unknown: the country-year is dropped;
- countries whose panel rows all have 0 cases are dropped (their fixed effect is -infinity);
- C(country) uses treatment coding with the alphabetically first kept country as reference; its
  columns C(country)[T.XX] are renamed country[XX], the Swift names.
The HRT file names countries by ISO3; the hosts with documented cases are mapped to ISO2 by hand
(every other HRT country has no documented case and is dropped, which the script checks).
"""
import csv
import json
import os
import warnings

import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "Sources", "TransnationalRepression", "ReferenceData",
                    "Resources")


def rows(name):
    with open(os.path.join(DATA, name), newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


events = rows("documented-events.csv")
years = [int(r["year"]) for r in events]
first, last = min(years), max(years)
cases = {}
for r in events:
    if r["category"] in ("detention", "extradition") and r["persons"].strip():
        cases.setdefault(r["host"], {})
        y = int(r["year"])
        cases[r["host"]][y] = cases[r["host"]].get(y, 0) + int(r["persons"])

iso3 = {"EGY": "EG", "KGZ": "KG", "KHM": "KH", "KAZ": "KZ", "LAO": "LA", "MAR": "MA", "MMR": "MM",
        "MYS": "MY", "NPL": "NP", "PAK": "PK", "TUR": "TR", "UZB": "UZ", "VNM": "VN"}
debt = {}
hrt_countries = set()
for r in rows("hrt-china-debt-stock-2000-2017.csv"):
    hrt_countries.add(r["Country"])
    code = iso3.get(r["ISO"])
    if code:
        debt.setdefault(code, {})[int(r["Year"])] = float(r["ChinaDebt_GDP"].replace(",", ""))
assert len(debt) == len(iso3)
not_in_hrt = sorted(c for c in cases if c not in debt and c != "CN")

treaty = {}
for r in rows("china-extradition-treaties.csv"):
    y = r["in_force"].strip()
    treaty[r["country"]] = (int(y) if y else None, r["status"])


def treaty_in_force(country, year):
    if country not in treaty:
        return None
    in_force, status = treaty[country]
    if in_force is not None:
        return 1.0 if year >= in_force else 0.0
    return 0.0 if status in ("signed_not_in_force", "ratified_by_china_only") else None


def panel(lag, with_treaty):
    out = []
    for country in sorted(debt):
        country_rows = []
        for debt_year in sorted(debt[country]):
            t = debt_year + lag
            if t < first or t > last:
                continue
            row = {"country": country, "year": t, "cases": float(cases.get(country, {}).get(t, 0)),
                   "debt_pct_gdp": debt[country][debt_year]}
            if with_treaty:
                known = treaty_in_force(country, t)
                if known is None:
                    continue
                row["treaty_in_force"] = known
            country_rows.append(row)
        if country_rows and any(r["cases"] > 0 for r in country_rows):
            out += country_rows
    return out


def fit(lag, with_treaty):
    data = panel(lag, with_treaty)
    frame = pd.DataFrame(data)
    formula = "cases ~ debt_pct_gdp" + (" + treaty_in_force" if with_treaty else "") + " + C(country)"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = smf.glm(formula, data=frame, family=sm.families.Poisson()).fit(tol=1e-14, maxiter=300)
    names = []
    for name in res.params.index:
        if name == "Intercept":
            names.append("(intercept)")
        elif name.startswith("C(country)[T."):
            names.append("country[" + name[len("C(country)[T."):-1] + "]")
        else:
            names.append(name)
    kept = sorted({r["country"] for r in data})
    return {
        "lag": lag, "treaty": with_treaty, "n": int(res.nobs), "countries": kept,
        "rows": [[r["country"], r["year"], r["cases"], r["debt_pct_gdp"]] for r in data],
        "names": names, "estimates": [float(v) for v in res.params],
        "std_errors": [float(v) for v in res.bse], "log_likelihood": float(res.llf),
        "deviance": float(res.deviance), "converged": bool(res.converged),
        "left_out_no_case": len(hrt_countries) - len(kept) if not with_treaty else None,
    }


fits = [fit(0, False), fit(1, False), fit(3, False), fit(1, True)]
out = {"first_year": first, "last_year": last, "hrt_countries": len(hrt_countries),
       "cases_without_debt_stock": not_in_hrt, "fits": fits}
with open(os.path.join(HERE, "panel-reference.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
for e in fits:
    print(e["lag"], e["treaty"], e["n"], e["countries"], e["names"][:3], e["estimates"][:3], e["converged"])
print("cases without debt stock", not_in_hrt)
