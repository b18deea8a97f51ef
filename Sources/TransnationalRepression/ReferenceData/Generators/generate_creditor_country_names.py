#!/usr/bin/env python3
"""Generate ../CreditorCountryNames.swift: creditor-data country names -> ISO 3166-1 alpha-2.

Usage (from this folder):

    pip install pycountry==26.2.16
    python3 generate_creditor_country_names.py > ../CreditorCountryNames.swift

Reads the two bundled creditor files in ../Resources/:

- wb-ids-2024-ppg-external-debt-by-creditor.csv (World Bank IDS, end-2024, as exported by ONE
  Campaign): debtor names in `entity_name` (120 economies + 15 aggregates), creditor names in
  `counterpart_name` (151, some with trailing spaces, which are stripped).
- hrt-china-debt-stock-2000-2017.csv (Horn, Reinhart and Trebesch, China Debt Stock Database,
  version April 2020): `Country` names with an `ISO` alpha-3 column (UTF-8 BOM, CRLF).

A name maps to a code when it equals, exactly, pycountry's `name`, `common_name` or
`official_name` for one country, or when it is in the hand-written overrides below. Every
override's code is checked to exist in pycountry (or to be the user-assigned XK), and every
HRT mapping is checked against HRT's own ISO alpha-3 column. The script fails unless every
debtor economy and every HRT country maps, every aggregate and every creditor name is
classified, and every code is one of the 250 codes of the bundled ISO 3166-1 table
(pycountry's 249 + XK).
"""
import csv
import os
import sys

import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.normpath(os.path.join(HERE, "..", "Resources"))
WB_FILE = "wb-ids-2024-ppg-external-debt-by-creditor.csv"
HRT_FILE = "hrt-china-debt-stock-2000-2017.csv"

# --- Hand-written overrides: names that are not an exact pycountry name -------------------------

# World Bank IDS debtor spellings (entity_name).
WB_DEBTOR_OVERRIDES = {
    "Congo, Dem. Rep.": "CD",
    "Congo, Rep.": "CG",
    "Cote d'Ivoire": "CI",
    "Egypt, Arab Rep.": "EG",
    "Gambia, The": "GM",
    "Iran, Islamic Rep.": "IR",
    "Kosovo": "XK",  # user-assigned; not in ISO 3166-1
    "Lao PDR": "LA",
    "Somalia, Fed. Rep.": "SO",
    "St. Lucia": "LC",
    "St. Vincent and the Grenadines": "VC",
    "Turkiye": "TR",
    "Yemen, Rep.": "YE",
}

# The 15 aggregate rows of entity_name: regions, income groups, lending groups. Never countries.
WB_AGGREGATES = [
    "Low & middle income",
    "Low income",
    "Lower middle income",
    "Middle income",
    "Upper middle income",
    "IDA only",
    "IDA total",
    "Least developed countries: UN classification",
    "East Asia & Pacific (excluding high income)",
    "Europe & Central Asia (excluding high income)",
    "Latin America & Caribbean (excluding high income)",
    "Middle East, North Africa, Afghanistan & Pakistan (excluding high income)",
    "South Asia",
    "Sub-Saharan Africa (excluding high income)",
    "Africa (excluding high income)",
]

# World Bank IDS creditor spellings (counterpart_name, stripped) that are countries.
WB_CREDITOR_OVERRIDES = {
    "Bosnia-Herzegovina": "BA",
    "Congo, Rep.": "CG",
    "Cote D`Ivoire, Republic Of": "CI",
    "Germany, Fed. Rep. of": "DE",
    "Iran, Islamic Republic Of": "IR",
    "Korea, D.P.R. of": "KP",
    "St. Kitts And Nevis": "KN",
    "St. Lucia": "LC",
    "St. Vincent & The Grenadines": "VC",
    "Trinidad & Tobago": "TT",
    "Turkiye": "TR",
    "Venezuela, Republic Bolivarian": "VE",
}

# counterpart_name values (stripped) that are not countries: multilateral institutions, regional
# bodies and the pooled groups Bondholders and Multiple Lenders. They are left out of the map.
WB_CREDITOR_NON_COUNTRIES = [
    "Africa Finance Corporation",
    "African Dev. Bank",
    "African Export-Import Bank",
    "Arab African International Bank",
    "Arab Bank for Economic Dev. in Africa (BADEA)",
    "Arab Fund for Economic & Social Development",
    "Arab Monetary Fund",
    "Arab Towns Organization (ATO)",
    "Asian Dev. Bank",
    "Asian Infrastructure Investment Bank",
    "Bolivarian Alliance for the Americas (ALBA)",
    "Bondholders",
    "Caribbean Community (CARICOM)",
    "Caribbean Dev. Bank",
    "Central American Bank for Econ. Integration (BCIE)",
    "Central Bank of West African States (BCEAO)",
    "Corporacion Andina de Fomento",
    "Council of Europe",
    "Dev. Bank of the Central African States (BDEAC)",
    "ECO Trade and Dev. Bank",
    "EUROFIMA",
    "Eastern & Southern African Trade & Dev. Bank (TDB)",
    "Economic Community of West African States (ECOWAS)",
    "Eurasian Development Bank",
    "European Bank for Reconstruction and Dev. (EBRD)",
    "European Development Fund (EDF)",
    "European Economic Community (EEC)",
    "European Investment Bank",
    "European Relief Fund",
    "European Social Fund (ESF)",
    "European Union",
    "Inter-American Dev. Bank",
    "International Bank for Economic Cooperation (IBEC)",
    "International Finance Corporation",
    "International Fund for Agricultural Dev.",
    "Islamic Dev. Bank",
    "Islamic Solidarity Fund for Dev. (ISFD)",
    "Multiple Lenders",
    "New Development Bank (NDB)",
    "Nordic Development Fund",
    "Nordic Environment Finance Corporation (NEFCO)",
    "Nordic Investment Bank",
    "OPEC Fund for International Dev.",
    "Org. of Arab Petroleum Exporting Countries (OAPEC)",
    "Plata Basin Financial Dev. Fund",
    "South Asian Development Fund (SADF)",
    "UN-General Assembly (UNGA)",
    "UN-Population Fund (UNFPA)",
    "West African Development Bank - BOAD",
    "World Bank-IBRD",
    "World Bank-IDA",
    "World Bank-MIGA",
    "World Trade Organization",
]

# HRT country spellings (Country).
HRT_OVERRIDES = {
    "Bahamas, The": "BS",
    "Congo, Dem. Rep.": "CD",
    "Congo, Rep.": "CG",
    "Cote d'Ivoire": "CI",
    "Macedonia, FYR": "MK",
    "Russia": "RU",
    "Turkey": "TR",
    "Yemen, Rep.": "YE",
}

# HRT alpha-3 values that are not current ISO 3166-1 alpha-3 codes, and what they stand for.
# ROM was Romania's alpha-3 until 2002, when ISO 3166-1 changed it to ROU.
HRT_ALPHA3_ALIASES = {"ROM": "ROU"}

KOSOVO = ("XK", "XKX")


def fail(message):
    sys.exit(f"generate_creditor_country_names.py: {message}")


def known_codes():
    """alpha-2 -> alpha-3 for the 250 codes of the bundled table."""
    codes = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    if len(codes) != 249:
        fail(f"expected 249 pycountry codes, found {len(codes)}")
    codes[KOSOVO[0]] = KOSOVO[1]
    return codes


def pycountry_names():
    """Exact name -> alpha-2 over pycountry's name, common_name and official_name."""
    index = {}
    for c in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            value = getattr(c, field, None)
            if value is None:
                continue
            if index.get(value, c.alpha_2) != c.alpha_2:
                fail(f"pycountry name {value!r} is ambiguous")
            index[value] = c.alpha_2
    return index


def resolve(names, overrides, codes, label):
    """Map every name, by override first and then by exact pycountry name."""
    by_name = pycountry_names()
    stray = set(overrides) - set(names)
    if stray:
        fail(f"{label} overrides for names not in the data: {sorted(stray)}")
    result, unmapped = {}, []
    for name in names:
        if name in overrides:
            code = overrides[name]
            if code not in codes:
                fail(f"{label} override {name!r} -> {code}: not a known code")
            if name in by_name and by_name[name] != code:
                fail(f"{label} override {name!r} -> {code} contradicts pycountry ({by_name[name]})")
            if name in by_name:
                fail(f"{label} override {name!r} is redundant: pycountry has that name")
            result[name] = code
        elif name in by_name:
            result[name] = by_name[name]
        else:
            unmapped.append(name)
    if unmapped:
        fail(f"{label} names with no code: {unmapped}")
    return result


def read_world_bank():
    with open(os.path.join(RESOURCES, WB_FILE), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    debtors = sorted({r["entity_name"] for r in rows})
    creditors = sorted({r["counterpart_name"].rstrip() for r in rows})
    return debtors, creditors


def read_hrt():
    with open(os.path.join(RESOURCES, HRT_FILE), newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    alpha3 = {}
    for r in rows:
        if alpha3.setdefault(r["Country"], r["ISO"]) != r["ISO"]:
            fail(f"HRT {r['Country']!r} has two ISO codes")
    return alpha3


def swift_dictionary(name, mapping, doc):
    lines = doc + [f"internal let {name}: [String: String] = ["]
    for key in sorted(mapping):
        lines.append(f'  "{swift_escape(key)}": "{mapping[key]}",')
    lines.append("]")
    return lines


def swift_escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


def main():
    codes = known_codes()
    debtors, creditors = read_world_bank()
    hrt = read_hrt()

    # World Bank debtors: 120 economies + 15 aggregates.
    aggregates = set(WB_AGGREGATES)
    if len(aggregates) != 15 or not aggregates <= set(debtors):
        fail("the 15 World Bank aggregates are not all in the file")
    economies = [d for d in debtors if d not in aggregates]
    if len(economies) != 120:
        fail(f"expected 120 World Bank debtor economies, found {len(economies)}")
    wb_debtors = resolve(economies, WB_DEBTOR_OVERRIDES, codes, "World Bank debtor")
    if len(set(wb_debtors.values())) != len(wb_debtors):
        fail("two World Bank debtor names map to one code")

    # World Bank creditors: every name is either a country or an explicit non-country.
    non_countries = set(WB_CREDITOR_NON_COUNTRIES)
    if not non_countries <= set(creditors):
        fail(f"non-country creditors not in the data: {sorted(non_countries - set(creditors))}")
    country_creditors = [c for c in creditors if c not in non_countries]
    wb_creditors = resolve(country_creditors, WB_CREDITOR_OVERRIDES, codes, "World Bank creditor")
    if len(wb_creditors) + len(non_countries) != len(creditors) or len(creditors) != 151:
        fail("World Bank creditor names are not all classified")
    if len(set(wb_creditors.values())) != len(wb_creditors):
        fail("two World Bank creditor names map to one code")

    # HRT: 107 countries, each checked against its own ISO alpha-3 column.
    if len(hrt) != 107:
        fail(f"expected 107 HRT countries, found {len(hrt)}")
    hrt_codes = resolve(sorted(hrt), HRT_OVERRIDES, codes, "HRT")
    for name, code in hrt_codes.items():
        given = HRT_ALPHA3_ALIASES.get(hrt[name], hrt[name])
        if codes[code] != given:
            fail(f"HRT {name!r} -> {code} ({codes[code]}) but its ISO column says {hrt[name]}")
    if len(set(hrt_codes.values())) != len(hrt_codes):
        fail("two HRT names map to one code")

    wb_cite = ("World Bank, International Debt Statistics (end-2024 PPG external debt stocks\n"
               "/// by creditor), as compiled by ONE Campaign")
    out = [
        "// GENERATED FILE — do not edit by hand.",
        "// Generated by ReferenceData/Generators/generate_creditor_country_names.py from the two",
        "// creditor files in ReferenceData/Resources and pycountry; see",
        "// ReferenceData/Generators/README.md.",
        "",
    ]
    out += swift_dictionary("worldBankDebtorAlpha2", wb_debtors, [
        "/// Explicit map from World Bank IDS debtor names to ISO 3166-1 alpha-2 codes.",
        "///",
        f"/// Keys are the `entity_name` values of `{WB_FILE}`",
        "/// exactly as written there: all 120 individual debtor economies, in World Bank spelling",
        "/// (`\"Egypt, Arab Rep.\"`, `\"Lao PDR\"`, `\"Turkiye\"`). The 15 aggregates are absent",
        "/// (see ``worldBankAggregateNames``). `\"Kosovo\"` maps to the user-assigned `XK`.",
        "///",
        f"/// Source: {wb_cite}",
        "/// (ONEcampaign/debt_overview, `output/chart_6_download.csv`, commit",
        "/// `1ce95470385b751ee232c33e0717e742d78c95ff`). Codes are checked against ISO 3166-1 as",
        "/// packaged by pycountry.",
    ])
    out.append("")
    out += [
        "/// The 15 aggregate `entity_name` rows of the World Bank IDS file — income groups, lending",
        "/// groups and regions such as `\"Low income\"`, `\"IDA total\"` and `\"South Asia\"`.",
        "///",
        "/// These are sums of member economies, never countries: leave them out before summing, or",
        "/// totals are double-counted. None of them is a key of ``worldBankDebtorAlpha2``.",
        "internal let worldBankAggregateNames: Set<String> = [",
    ]
    out += [f'  "{swift_escape(name)}",' for name in WB_AGGREGATES]
    out.append("]")
    out.append("")
    out += swift_dictionary("hrtCountryAlpha2", hrt_codes, [
        "/// Map from Horn–Reinhart–Trebesch country names to ISO 3166-1 alpha-2 codes (all 107).",
        "///",
        f"/// Keys are the `Country` values of `{HRT_FILE}` exactly as",
        "/// written there (`\"Egypt\"`, `\"Laos\"`, `\"Turkey\"`). Each code was checked against the",
        "/// file's own `ISO` alpha-3 column; HRT's `ROM` for Romania is the pre-2002 alpha-3 code,",
        "/// now `ROU`.",
        "///",
        "/// Source: Horn, Reinhart and Trebesch (2019), \"China's Overseas Lending\", NBER Working",
        "/// Paper No. 26050; data: China Debt Stock Database, version April 2020.",
    ])
    out.append("")
    out += swift_dictionary("worldBankCreditorCountryAlpha2", wb_creditors, [
        "/// Map from World Bank IDS creditor names that are countries to ISO 3166-1 alpha-2 codes.",
        "///",
        f"/// Keys are the `counterpart_name` values of `{WB_FILE}`",
        "/// with trailing whitespace trimmed (trim before looking a name up). Multilateral",
        "/// institutions (`\"World Bank-IDA\"`, `\"European Union\"`, …) and the pooled groups",
        "/// `\"Bondholders\"` and `\"Multiple Lenders\"` are absent. `\"Hong Kong\"` is its own",
        f"/// creditor (`HK`), not China. {len(wb_creditors)} of the file's 151 creditor names are "
        "countries.",
        "///",
        f"/// Source: {wb_cite}",
        "/// (ONEcampaign/debt_overview, `output/chart_6_download.csv`, commit",
        "/// `1ce95470385b751ee232c33e0717e742d78c95ff`).",
    ])
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
