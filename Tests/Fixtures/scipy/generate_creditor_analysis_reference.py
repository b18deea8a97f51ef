#!/usr/bin/env python3
"""Reference values for the creditor analysis on the bundled data, computed independently of the
Swift library: the join is done here in plain Python from the raw bundled CSV files, and the
statistics come from scipy.stats.

Cases: persons detained or returned (categories detention + extradition), summing the known
`persons` values per host country (records with no number add nothing).
Creditor measures: derived here from the raw World Bank IDS file, as its data README documents.

Run: python3 Tests/Fixtures/scipy/generate_creditor_analysis_reference.py
Writes: Tests/Fixtures/scipy/creditor_analysis.json
"""
import csv
import datetime
import json
import os
from collections import defaultdict

import numpy
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "..", "..", "Sources", "TransnationalRepression", "ReferenceData", "Resources")
GEN = os.path.join(HERE, "..", "..", "..", "Sources", "TransnationalRepression", "ReferenceData", "CreditorCountryNames.swift")


def debtor_codes():
    """Parse the explicit WB debtor-name map out of the generated Swift file (data only)."""
    text = open(GEN, encoding="utf-8").read()
    start = text.index("internal let worldBankDebtorAlpha2")
    body = text[start:text.index("]\n", start)]
    codes = {}
    for line in body.splitlines():
        line = line.strip()
        if line.startswith('"') and '": "' in line:
            name, code = line.rstrip(",").split('": "')
            codes[name[1:]] = code.rstrip('"')
    return codes


def world_bank(codes):
    total = defaultdict(float); bilateral = defaultdict(float); china = defaultdict(float)
    bil_by = defaultdict(lambda: defaultdict(float)); all_by = defaultdict(lambda: defaultdict(float))
    with open(os.path.join(RES, "wb-ids-2024-ppg-external-debt-by-creditor.csv"), newline="") as f:
        for r in csv.DictReader(f):
            debtor = r["entity_name"]
            if debtor not in codes:
                continue
            creditor = r["counterpart_name"].strip(); v = float(r["value"])
            total[debtor] += v
            if r["category"] == "bilateral":
                bilateral[debtor] += v
                if creditor != "Multiple Lenders":
                    bil_by[debtor][creditor] += v
            if creditor == "China":
                china[debtor] += v
            if creditor not in ("Bondholders", "Multiple Lenders"):
                all_by[debtor][creditor] += v
    out = {}
    for debtor in total:
        largest_bil = max(bil_by[debtor].items(), key=lambda kv: kv[1])[0]
        out[codes[debtor]] = {
            "china_share_total": china[debtor] / total[debtor],
            "china_largest_bilateral": 1.0 if largest_bil == "China" else 0.0,
        }
    return out


def cases():
    persons = defaultdict(float)
    with open(os.path.join(RES, "documented-events.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["category"] in ("detention", "extradition") and r["persons"] != "":
                persons[r["host"]] += float(r["persons"])
    return persons


def main():
    wb = world_bank(debtor_codes())
    persons = cases()
    countries = sorted(wb, key=lambda c: (c == "XK", c))  # the library's Country order: alpha-2, XK last
    result = {"generated": datetime.date.today().isoformat(), "scipy": scipy.__version__,
              "numpy": numpy.__version__, "cases": dict(sorted(persons.items())), "joins": {}}
    for join in ("all_creditor_countries", "hosts_with_cases"):
        sel = [c for c in countries if join == "all_creditor_countries" or persons.get(c, 0) > 0]
        x = [wb[c]["china_share_total"] for c in sel]
        y = [persons.get(c, 0.0) for c in sel]
        p = stats.pearsonr(x, y); s = stats.spearmanr(x, y); k = stats.kendalltau(x, y)
        result["joins"][join] = {
            "countries": sel, "n": len(sel),
            "pearson": [float(p.statistic), float(p.pvalue)],
            "spearman": [float(s.statistic), float(s.pvalue)],
            "kendall": [float(k.statistic), float(k.pvalue)],
        }
    ranked = sorted((c for c in countries if persons.get(c, 0) > 0), key=lambda c: (-persons[c], c))
    top_n = {}
    for n in range(5, 21):
        top = []
        if ranked:
            threshold = persons[ranked[min(n, len(ranked)) - 1]]
            top = [c for c in ranked if persons[c] >= threshold]
        a = sum(1 for c in countries if c in top and wb[c]["china_largest_bilateral"] == 1)
        b = sum(1 for c in countries if c in top and wb[c]["china_largest_bilateral"] == 0)
        cc = sum(1 for c in countries if c not in top and wb[c]["china_largest_bilateral"] == 1)
        d = sum(1 for c in countries if c not in top and wb[c]["china_largest_bilateral"] == 0)
        f = stats.fisher_exact([[a, b], [cc, d]], alternative="greater")
        top_n[str(n)] = {"top": top, "table": [a, b, cc, d], "p_value": float(f.pvalue)}
    result["top_n"] = top_n
    with open(os.path.join(HERE, "creditor_analysis.json"), "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
