#!/usr/bin/env python3
"""Generate ../ISO3166Table.swift, the bundled ISO 3166-1 table, from pycountry.

Usage (from this folder):

    pip install pycountry==26.2.16
    python3 generate_iso3166_table.py > ../ISO3166Table.swift
    python3 generate_iso3166_table.py --judgement-calls   # the region judgement calls, as Markdown

Codes, alpha-3, numeric codes and English short names come from pycountry, which packages
Debian's iso-codes ISO 3166-1 data (`iso3166-1.json`). The short name is pycountry's `name`
field (not `official_name`, not `common_name`), unchanged.

Rows are the 249 officially assigned alpha-2 codes in alphabetical order, then the
user-assigned `XK` (Kosovo), which pycountry does not have and which is added here by hand. This
is the order of the `ISO2` list in Benchmarks/Peers/gen.py (the project's shared benchmark);
when that file is found (by default at ../../../../Benchmarks/Peers/gen.py, i.e. in the
repository) the script checks the order against it.

Regions: every code is first placed in its UN M49 geoscheme sub-region (`M49_SUBREGIONS`
below, as data). Each sub-region has a default `Region` (`SUBREGION_DEFAULT`), and
`OVERRIDES` moves the codes for which the Uyghur transnational-repression reports' grouping
differs from M49, each with its reason. The script checks that every code is in exactly one
sub-region, so a new ISO code cannot slip in without a region.
"""
import argparse
import ast
import hashlib
import importlib.metadata
import os
import sys
import unicodedata

import pycountry

EXPECTED_PYCOUNTRY = "26.2.16"

# --- UN M49 geoscheme (https://unstats.un.org/unsd/methodology/m49/), by sub-region ------------
# Africa and the Americas use M49's intermediate regions. Taiwan (TW) is not listed separately
# in M49 and Kosovo (XK) is not in M49 at all; both are placed by hand in OVERRIDES.
M49_SUBREGIONS = {
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Eastern Africa": "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Southern Africa": "BW SZ LS NA ZA",
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE",
    "Northern America": "BM CA GL PM US",
    "Antarctica": "AQ",
    "Central Asia": "KZ KG TJ TM UZ",
    "Eastern Asia": "CN HK MO KP JP MN KR",
    "South-eastern Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "Southern Asia": "AF BD BT IN IR MV NP PK LK",
    "Western Asia": "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    "Eastern Europe": "BY BG CZ HU PL MD RO RU SK UA",
    "Northern Europe": "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB",
    "Southern Europe": "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES",
    "Western Europe": "AT BE FR DE LI LU MC NL CH",
    "Australia and New Zealand": "AU CX CC HM NZ NF",
    "Melanesia": "FJ NC PG SB VU",
    "Micronesia": "GU KI MH FM NR MP PW UM",
    "Polynesia": "AS CK PF NU PN WS TK TO TV WF",
}

# Default Region (Swift case name) for each M49 sub-region.
SUBREGION_DEFAULT = {
    "Northern Africa": "middleEastAndNorthAfrica",
    "Eastern Africa": "subSaharanAfrica",
    "Middle Africa": "subSaharanAfrica",
    "Southern Africa": "subSaharanAfrica",
    "Western Africa": "subSaharanAfrica",
    "Caribbean": "latinAmericaAndCaribbean",
    "Central America": "latinAmericaAndCaribbean",
    "South America": "latinAmericaAndCaribbean",
    "Northern America": "northAmerica",
    "Antarctica": "antarctica",
    "Central Asia": "centralAsia",
    "Eastern Asia": "eastAsia",
    "South-eastern Asia": "southeastAsia",
    "Southern Asia": "southAsia",
    "Western Asia": "middleEastAndNorthAfrica",
    "Eastern Europe": "europe",
    "Northern Europe": "europe",
    "Southern Europe": "europe",
    "Western Europe": "europe",
    "Australia and New Zealand": "oceania",
    "Melanesia": "oceania",
    "Micronesia": "oceania",
    "Polynesia": "oceania",
}

# Codes whose Region differs from their M49 sub-region's default, or that M49 does not list.
OVERRIDES = {
    "IR": ("middleEastAndNorthAfrica",
           "M49 Southern Asia; the reports count Iran in the Middle East, and their South Asia "
           "is Afghanistan, Pakistan, India, Nepal, Bangladesh, Bhutan, Sri Lanka and the Maldives."),
    "MR": ("middleEastAndNorthAfrica", "M49 Western Africa; Arab League member."),
    "SO": ("middleEastAndNorthAfrica", "M49 Eastern Africa; Arab League member."),
    "DJ": ("middleEastAndNorthAfrica", "M49 Eastern Africa; Arab League member."),
    "KM": ("middleEastAndNorthAfrica", "M49 Eastern Africa; Arab League member."),
    "CY": ("europe",
           "M49 Western Asia; the reports are silent on Cyprus. Put in Europe (EU member state)."),
    "AM": ("europe", "M49 Western Asia; the South Caucasus goes with Europe, as Region documents."),
    "AZ": ("europe", "M49 Western Asia; the South Caucasus goes with Europe, as Region documents."),
    "GE": ("europe", "M49 Western Asia; the South Caucasus goes with Europe, as Region documents."),
    "TW": ("eastAsia", "Not listed separately in M49 (which folds it into China's Eastern Asia)."),
    "XK": ("europe",
           "User-assigned code, not in M49; geographically Southern Europe, between Serbia, "
           "Montenegro, Albania and North Macedonia."),
}

# Notable placements that follow the M49 default but that a reader might question.
NOTABLE_DEFAULTS = {
    "SD": "M49 Northern Africa and Arab League member: Middle East and North Africa.",
    "SS": "M49 Eastern Africa, not an Arab League member: Sub-Saharan Africa.",
    "EH": "M49 Northern Africa: Middle East and North Africa.",
    "IL": "M49 Western Asia: Middle East and North Africa (as Region documents).",
    "PS": "M49 Western Asia: Middle East and North Africa.",
    "TR": "M49 Western Asia: Middle East and North Africa (as the reports count it).",
    "AF": "M49 Southern Asia: South Asia (the World Bank instead groups it with the Middle East).",
    "RU": "M49 Eastern Europe: Europe, for all of Russia including Siberia.",
    "GL": "M49 Northern America: North America (with Bermuda and Saint Pierre and Miquelon).",
    "MX": "M49 Central America: Latin America and Caribbean, not North America.",
    "BV": "M49 South America: Latin America and Caribbean.",
    "GS": "M49 South America: Latin America and Caribbean.",
    "FK": "M49 South America: Latin America and Caribbean.",
    "TF": "M49 Eastern Africa: Sub-Saharan Africa.",
    "IO": "M49 Eastern Africa: Sub-Saharan Africa.",
    "YT": "M49 Eastern Africa: Sub-Saharan Africa (although neighbouring Comoros is MENA).",
    "SH": "M49 Western Africa: Sub-Saharan Africa.",
    "HM": "M49 Australia and New Zealand: Oceania.",
    "UM": "M49 Micronesia: Oceania.",
    "AQ": "Antarctica: the only code in the antarctica region.",
}

REGION_CASES = {
    "middleEastAndNorthAfrica", "southAsia", "centralAsia", "southeastAsia", "eastAsia", "europe",
    "northAmerica", "latinAmericaAndCaribbean", "subSaharanAfrica", "oceania", "antarctica",
}

KOSOVO = {"alpha2": "XK", "alpha3": "XKX", "numeric": 0, "name": "Kosovo", "commonName": "Kosovo"}

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GEN_PY = os.path.normpath(os.path.join(HERE, *[".."] * 4, "Benchmarks", "Peers", "gen.py"))


def fail(message):
    sys.exit(f"generate_iso3166_table.py: {message}")


def pycountry_version():
    return importlib.metadata.version("pycountry")


def iso3166_json_sha256():
    path = os.path.join(os.path.dirname(pycountry.__file__), "databases", "iso3166-1.json")
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def region_map():
    """alpha-2 -> (Region case, M49 sub-region or None)."""
    result = {}
    for subregion, codes in M49_SUBREGIONS.items():
        for code in codes.split():
            if code in result:
                fail(f"{code} is in two M49 sub-regions")
            result[code] = (SUBREGION_DEFAULT[subregion], subregion)
    for code, (region, _) in OVERRIDES.items():
        subregion = result.get(code, (None, None))[1]
        if subregion is not None and SUBREGION_DEFAULT[subregion] == region:
            fail(f"override for {code} repeats its M49 default")
        result[code] = (region, subregion)
    for code, (region, _) in result.items():
        if region not in REGION_CASES:
            fail(f"{code}: unknown region {region}")
        if (region == "antarctica") != (code == "AQ"):
            fail("antarctica is for AQ only")
    return result


def gen_py_order(path):
    """The ISO2 list of Benchmarks/Peers/gen.py, read without importing it (it needs numpy)."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "ISO2"):
            call = node.value  # """...""".split()
            return call.func.value.value.split()
    fail(f"no ISO2 list in {path}")


def entries():
    regions = region_map()
    rows = []
    for c in pycountry.countries:
        name = c.name
        if unicodedata.normalize("NFC", name) != name:
            fail(f"{c.alpha_2}: name is not NFC")
        if '"' in name or "\\" in name:
            fail(f"{c.alpha_2}: name needs escaping")
        common = getattr(c, "common_name", name)
        if '"' in common or "\\" in common:
            fail(f"{c.alpha_2}: common name needs escaping")
        rows.append({"alpha2": c.alpha_2, "alpha3": c.alpha_3, "numeric": int(c.numeric),
                     "name": name, "commonName": common})
    rows.sort(key=lambda r: r["alpha2"])
    if len(rows) != 249:
        fail(f"expected 249 officially assigned codes, pycountry has {len(rows)}")
    if any(r["alpha2"] == "XK" for r in rows):
        fail("pycountry unexpectedly has XK")
    rows.append(dict(KOSOVO))
    for r in rows:
        r["isUserAssigned"] = r["alpha2"] == "XK"
        if r["alpha2"] not in regions:
            fail(f"{r['alpha2']} has no region")
        r["region"] = regions[r["alpha2"]][0]
    codes = {r["alpha2"] for r in rows}
    stray = set(regions) - codes
    if stray:
        fail(f"region map has codes not in the table: {sorted(stray)}")
    for key in ("alpha2", "alpha3", "numeric"):
        values = [r[key] for r in rows]
        if len(set(values)) != len(values):
            fail(f"{key} values are not unique")
    if [r for r in rows if r["numeric"] == 0] != [rows[-1]]:
        fail("numeric 0 must be XK only")
    return rows


def swift_source(rows, version, digest):
    lines = [
        "// GENERATED FILE — do not edit by hand.",
        "// Generated by ReferenceData/Generators/generate_iso3166_table.py from pycountry "
        f"{version};",
        "// see ReferenceData/Generators/README.md for how to regenerate it and for the region",
        "// judgement calls.",
        "",
        "/// One row of the bundled ISO 3166-1 table.",
        "///",
        "/// The table is ``iso3166Entries``; ``Country`` is an index into it.",
        "@usableFromInline",
        "internal struct ISO3166Entry: Sendable {",
        "  /// The ISO 3166-1 alpha-2 code, such as `\"NA\"`, or the user-assigned `\"XK\"`.",
        "  @usableFromInline let alpha2: String",
        "  /// The ISO 3166-1 alpha-3 code, such as `\"NAM\"`; `\"XKX\"` for Kosovo (user-assigned).",
        "  @usableFromInline let alpha3: String",
        "  /// The ISO 3166-1 numeric code, such as `516`; `0` only for `XK`, which has none.",
        "  @usableFromInline let numeric: UInt16",
        "  /// The English short name, as Debian's iso-codes gives it (its `name`, not",
        "  /// `official_name`), such as `\"Namibia\"` or `\"Türkiye\"`.",
        "  @usableFromInline let name: String",
        "  /// The common English name where iso-codes gives one (its `common_name`, such as",
        "  /// `\"Taiwan\"` for `\"Taiwan, Province of China\"`), otherwise ``name``.",
        "  @usableFromInline let commonName: String",
        "  /// The region the transnational-repression reports use for this country.",
        "  @usableFromInline let region: Region",
        "  /// Whether the code is user-assigned rather than officially assigned (only `XK`).",
        "  @usableFromInline let isUserAssigned: Bool",
        "}",
        "",
        "/// The bundled ISO 3166-1 table: the 249 officially assigned alpha-2 codes in alphabetical",
        "/// order, then the user-assigned `XK` (Kosovo) last — 250 rows, in the same order as the",
        "/// `ISO2` list of the benchmark generator `Benchmarks/Peers/gen.py`.",
        "///",
        "/// Source: ISO 3166-1 as distributed in Debian's iso-codes (`iso3166-1.json`) and packaged",
        f"/// by the pycountry Python package, version {version}. SHA-256 of that `iso3166-1.json`:",
        f"/// `{digest}`.",
        "/// Names are the English short names (the `name` field, not `official_name`). `XK` is not",
        "/// in ISO 3166-1 or iso-codes; its row is added by hand (alpha-3 `XKX`, as used by the",
        "/// European Commission and others; no numeric code).",
        "///",
        "/// Regions: each code starts from its UN M49 geoscheme sub-region (Statistics Division,",
        "/// \"Standard country or area codes for statistical use\"), mapped to ``Region``, and is",
        "/// then adjusted to how the Uyghur transnational-repression reports (\"No Space Left to",
        "/// Run\", 2021; \"Great Wall of Steel\", 2022) group host countries: the Middle East and",
        "/// North Africa are the Arab League states plus Turkey, Iran, Israel, Palestine and",
        "/// Western Sahara; the South Caucasus and Cyprus are in Europe; Iran is not in South Asia.",
        "/// The full list of judgement calls is in `ReferenceData/Generators/README.md`.",
        "@usableFromInline",
        "internal let iso3166Entries: [ISO3166Entry] = [",
    ]
    for r in rows:
        lines.append(
            f'  ISO3166Entry(alpha2: "{r["alpha2"]}", alpha3: "{r["alpha3"]}", '
            f'numeric: {r["numeric"]}, name: "{r["name"]}", commonName: "{r["commonName"]}", '
            f'region: .{r["region"]}, '
            f'isUserAssigned: {"true" if r["isUserAssigned"] else "false"}),')
    lines.append("]")
    return "\n".join(lines) + "\n"


def judgement_calls_markdown():
    names = {c.alpha_2: c.name for c in pycountry.countries}
    names["XK"] = KOSOVO["name"]
    labels = {
        "middleEastAndNorthAfrica": "Middle East and North Africa", "southAsia": "South Asia",
        "centralAsia": "Central Asia", "southeastAsia": "Southeast Asia",
        "eastAsia": "East Asia", "europe": "Europe", "northAmerica": "North America",
        "latinAmericaAndCaribbean": "Latin America and Caribbean",
        "subSaharanAfrica": "Sub-Saharan Africa", "oceania": "Oceania",
        "antarctica": "Antarctica",
    }
    out = ["Overrides (region differs from the M49 sub-region's default, or not in M49):", ""]
    for code, (region, reason) in OVERRIDES.items():
        out.append(f"- `{code}` {names[code]} → {labels[region]}. {reason}")
    out += ["", "Placements that follow M49 but are worth stating:", ""]
    for code, reason in NOTABLE_DEFAULTS.items():
        out.append(f"- `{code}` {names[code]}: {reason}")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gen-py", default=DEFAULT_GEN_PY,
                        help="path to Benchmarks/Peers/gen.py, to check the row order against")
    parser.add_argument("--judgement-calls", action="store_true",
                        help="print the region judgement calls as Markdown instead")
    args = parser.parse_args()

    version = pycountry_version()
    if version != EXPECTED_PYCOUNTRY:
        print(f"warning: pycountry {version}, the committed table used {EXPECTED_PYCOUNTRY}",
              file=sys.stderr)
    if args.judgement_calls:
        sys.stdout.write(judgement_calls_markdown())
        return
    rows = entries()
    if os.path.exists(args.gen_py):
        if [r["alpha2"] for r in rows] != gen_py_order(args.gen_py):
            fail(f"row order differs from ISO2 in {args.gen_py}")
    else:
        print(f"warning: {args.gen_py} not found; order not checked against gen.py",
              file=sys.stderr)
    sys.stdout.write(swift_source(rows, version, iso3166_json_sha256()))


if __name__ == "__main__":
    main()
