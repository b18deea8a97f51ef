#!/usr/bin/env python3
"""Generate ../CountryNameTable.swift: the English country names behind `Country.lookup(name:)`.

Usage (from this folder):

    pip install pycountry==26.2.16
    python3 generate_country_name_table.py > ../CountryNameTable.swift

Every name comes from a committed source, in this order of priority:

1. pycountry (Debian's iso-codes ISO 3166-1 data): each code's `name` (the ISO short name,
   "Korea, Republic of"), `common_name` ("South Korea") and `official_name` ("Republic of
   Korea" is not one; "Argentine Republic" is).
2. The ISO short names written inverted, turned round by `uninvert` ("Iran, Islamic Republic
   of" -> "Islamic Republic of Iran", "Virgin Islands, British" -> "British Virgin Islands").
3. The World Bank and Horn-Reinhart-Trebesch spellings that generate_creditor_country_names.py
   already maps ("Egypt, Arab Rep.", "Gambia, The", "Lao PDR", "Macedonia, FYR").
4. ALIASES below: the spellings people type, each written by hand with its code.

AMBIGUOUS lists names that stand for more than one country ("Korea", "Congo", "Guinea"...).
They are never matched to one country: a source name that normalizes to an ambiguous name is
dropped from the table, and the drops must be exactly EXPECTED_DROPS, so that a new collision
cannot slip in unnoticed.

Names are compared after `normalize`, which `CountryNameIndex.normalize` in
Model/Country+Names.swift mirrors: Unicode compatibility decomposition with the combining marks
dropped (so "Türkiye" = "Turkiye"), a few letters folded by hand (ø, æ, œ, ß, ł, đ, ı, þ),
lowercase, apostrophes ignored, every other non-alphanumeric character a word break, the words
"the" and "and" dropped ("&" is a word break too), "st" read as "saint", "rep" as "republic" and
"dem" as "democratic", and the words joined without spaces (so "Viet Nam" = "Vietnam" and
"Guinea-Bissau" = "Guinea Bissau"). The script fails if two names for different codes normalize
alike, if a hand alias repeats a name the sources already give, or if a code is unknown.
"""
import importlib.metadata
import os
import sys
import unicodedata

import pycountry

EXPECTED_PYCOUNTRY = "26.2.16"
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ beside the committed scripts
import generate_creditor_country_names as creditor  # noqa: E402  (same folder)

# --- Names that stand for more than one country: never guessed --------------------------------
AMBIGUOUS = {
    # North or South Korea.
    "Korea": ["KP", "KR"],
    # "Congo" is the ISO short name of the Republic of the Congo (CG), but in writing it just as
    # often means the Democratic Republic of the Congo (CD).
    "Congo": ["CD", "CG"],
    # ISO's short name for GN, but also a truncation of Guinea-Bissau and Equatorial Guinea; the
    # ingestion issue lists it as a name never to guess. Write # "Guinea-Conakry" or GN.
    "Guinea": ["GN", "GQ", "GW"],
    # British or United States Virgin Islands.
    "Virgin Islands": ["VG", "VI"],
    # The island is split: Saint Martin (French part, MF) and Sint Maarten (Dutch part, SX).
    "Saint Martin": ["MF", "SX"],
    # The official name of Taiwan, and a common slip for the People's Republic of China.
    "Republic of China": ["CN", "TW"],
    # Dissolved in 2010 into Curaçao, Sint Maarten and the Caribbean Netherlands.
    "Netherlands Antilles": ["BQ", "CW", "SX"],
}

# Source names (from pycountry or the creditor tables) dropped because they are ambiguous, as
# (source, name, code). The script fails unless the drops are exactly these.
EXPECTED_DROPS = {
    ("iso short name", "Congo", "CG"),
    ("iso short name", "Guinea", "GN"),
    ("World Bank debtor", "Guinea", "GN"),
    ("HRT", "Guinea", "GN"),
}

# --- Hand-written aliases: spellings people type ----------------------------------------------
# Each must be new after normalization (not already given by pycountry, the inversions or the
# creditor tables) and must not collide with another code's name. Several are the UN M49
# statistical names ("China, Hong Kong SAR", "Wallis and Futuna Islands") or the World Bank's WDI
# spellings of economies not in the debt tables ("Hong Kong SAR, China", "Venezuela, RB").
ALIASES = {
    "AE": ["UAE", "Emirates"],
    "AX": ["Aland"],
    "BA": ["Bosnia"],
    "BN": ["Brunei"],
    "BQ": ["Caribbean Netherlands", "Bonaire"],
    "CC": ["Cocos Islands", "Keeling Islands"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Congo, DR", "Congo DRC"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Ivory Coast"],
    "CN": ["PRC", "Mainland China", "China, People's Republic of"],
    "CV": ["Cape Verde"],
    "EH": ["Sahrawi Arab Democratic Republic"],
    "FK": ["Falkland Islands", "Falklands"],
    "FM": ["Micronesia", "Micronesia, Fed. Sts."],
    "GB": ["UK", "Great Britain", "Britain"],
    "GN": ["Guinea-Conakry"],
    "HK": ["Hong Kong SAR", "Hong Kong SAR, China", "Hong Kong, China", "HKSAR",
           "China, Hong Kong SAR"],
    "KN": ["St Kitts"],
    "KP": ["Korea, North", "DPRK", "DPR Korea", "Korea DPR", "Korea, Dem. People's Rep."],
    "KR": ["Korea, South", "Korea, Rep.", "ROK"],
    "MK": ["Macedonia", "Republic of Macedonia", "Former Yugoslav Republic of Macedonia",
           "Macedonia, the former Yugoslav Republic of", "FYROM"],
    "MM": ["Burma"],
    "MO": ["Macau", "Macao SAR", "Macao SAR, China", "Macau SAR", "Macao, China",
           "China, Macao SAR"],
    "NL": ["Holland", "Netherlands, Kingdom of the"],
    "PN": ["Pitcairn Islands"],
    "PS": ["Palestine", "Palestinian Territories", "Occupied Palestinian Territory",
           "West Bank and Gaza"],
    "SA": ["KSA"],
    "SH": ["Saint Helena"],
    "SJ": ["Svalbard", "Svalbard and Jan Mayen Islands"],
    "ST": ["Sao Tome"],
    "SX": ["Sint Maarten"],
    "SZ": ["Swaziland"],
    "TC": ["Turks and Caicos"],
    "TL": ["East Timor"],
    "TR": ["Republic of Turkey"],
    "TW": ["Chinese Taipei", "Taiwan, China", "Republic of China (Taiwan)"],
    "US": ["USA", "US"],
    "VA": ["Holy See", "Vatican", "Vatican City", "Vatican City State"],
    "VC": ["Saint Vincent"],
    "VE": ["Venezuela, RB"],
    "VI": ["United States Virgin Islands"],
    "WF": ["Wallis and Futuna Islands"],
    "XK": ["Republic of Kosovo"],
    "YE": ["Yemen, Republic of"],
}

SOURCES = ["isoShortName", "isoCommonName", "isoOfficialName", "isoUninverted", "worldBank",
           "hornReinhartTrebesch", "alias"]

# Letters that compatibility decomposition leaves as they are.
LETTER_FOLDS = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i",
                "þ": "th", "ð": "d"}
APOSTROPHES = {"'", "\u2019", "\u2018", "\u02bc", "`"}
DROPPED_WORDS = {"the", "and"}
WORD_EXPANSIONS = {"st": "saint", "rep": "republic", "dem": "democratic"}


def fail(message):
    sys.exit(f"generate_country_name_table.py: {message}")


def normalize(text):
    """The lookup key of a name (mirrored by CountryNameIndex.normalize in Swift)."""
    words, word = [], []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        lower = ch.lower()
        lower = LETTER_FOLDS.get(lower, lower)
        if ch in APOSTROPHES:
            continue
        if lower.isalnum():
            word.append(lower)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    words = [WORD_EXPANSIONS.get(w, w) for w in words if w not in DROPPED_WORDS]
    return "".join(words)


def uninvert(name):
    """'Korea, Republic of' -> 'Republic of Korea'; None when the comma is not an inversion."""
    if "," not in name:
        return None
    head, tail = (part.strip() for part in name.split(",", 1))
    if tail.endswith(" of") or tail.endswith(" of the"):
        return f"{tail} {head}"
    if tail in ("British", "U.S."):
        return f"{tail} {head}"
    return None


def swift_escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


def main():
    version = importlib.metadata.version("pycountry")
    if version != EXPECTED_PYCOUNTRY:
        print(f"warning: pycountry {version}, the committed table used {EXPECTED_PYCOUNTRY}",
              file=sys.stderr)
    codes = creditor.known_codes()

    # Candidate names, in priority order: (source, name, code).
    candidates = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        candidates.append(("isoShortName", c.name, c.alpha_2))
        for field, source in (("common_name", "isoCommonName"),
                              ("official_name", "isoOfficialName")):
            value = getattr(c, field, None)
            if value is not None:
                candidates.append((source, value, c.alpha_2))
        turned = uninvert(c.name)
        if turned is not None:
            candidates.append(("isoUninverted", turned, c.alpha_2))
    candidates.append(("isoShortName", "Kosovo", "XK"))

    debtors, creditors = creditor.read_world_bank()
    economies = [d for d in debtors if d not in set(creditor.WB_AGGREGATES)]
    wb_debtors = creditor.resolve(economies, creditor.WB_DEBTOR_OVERRIDES, codes,
                                  "World Bank debtor")
    country_creditors = [c for c in creditors if c not in set(creditor.WB_CREDITOR_NON_COUNTRIES)]
    wb_creditors = creditor.resolve(country_creditors, creditor.WB_CREDITOR_OVERRIDES, codes,
                                    "World Bank creditor")
    hrt = creditor.resolve(sorted(creditor.read_hrt()), creditor.HRT_OVERRIDES, codes, "HRT")
    for name in sorted(wb_debtors):
        candidates.append(("worldBank", name, wb_debtors[name]))
    for name in sorted(wb_creditors):
        candidates.append(("worldBank", name, wb_creditors[name]))
    for name in sorted(hrt):
        candidates.append(("hornReinhartTrebesch", name, hrt[name]))

    ambiguous = {}
    for name, group in AMBIGUOUS.items():
        key = normalize(name)
        if key in ambiguous:
            fail(f"ambiguous name {name!r} is listed twice")
        for code in group:
            if code not in codes:
                fail(f"ambiguous name {name!r}: unknown code {code}")
        if group != sorted(group) or len(group) < 2:
            fail(f"ambiguous name {name!r}: candidates must be two or more, sorted")
        ambiguous[key] = (name, group)

    table = {}  # key -> (source, name, code)
    drops = set()
    drop_labels = {"isoShortName": "iso short name", "worldBank": None,
                   "hornReinhartTrebesch": "HRT"}

    def add(source, name, code, must_be_new):
        if code not in codes:
            fail(f"{name!r} -> {code}: not a known code")
        key = normalize(name)
        if not key:
            fail(f"{name!r} normalizes to nothing")
        if key in ambiguous:
            label = drop_labels.get(source, source)
            if source == "worldBank":
                label = "World Bank debtor" if name in wb_debtors else "World Bank creditor"
            drops.add((label, name, code))
            return
        if key in table:
            if table[key][2] != code:
                fail(f"{name!r} -> {code} collides with {table[key][1]!r} -> {table[key][2]}")
            if must_be_new:
                fail(f"alias {name!r} -> {code} repeats {table[key][1]!r} ({table[key][0]})")
            return
        table[key] = (source, name, code)

    for source, name, code in candidates:
        add(source, name, code, must_be_new=False)
    for code in sorted(ALIASES):
        for name in ALIASES[code]:
            add("alias", name, code, must_be_new=True)

    if drops != EXPECTED_DROPS:
        fail(f"ambiguous drops differ: unexpected {sorted(drops - EXPECTED_DROPS)}, "
             f"missing {sorted(EXPECTED_DROPS - drops)}")
    for key, (name, group) in ambiguous.items():
        if key in table:
            fail(f"ambiguous name {name!r} is also in the table")
    covered = {code for (_, _, code) in table.values()}
    if covered != set(codes):
        fail(f"codes without a name: {sorted(set(codes) - covered)}")

    rows = sorted(table.values(), key=lambda r: (r[2], SOURCES.index(r[0]), r[1]))
    out = [
        "// GENERATED FILE — do not edit by hand.",
        "// Generated by ReferenceData/Generators/generate_country_name_table.py from pycountry "
        f"{version},",
        "// the creditor-table spellings of generate_creditor_country_names.py and the script's",
        "// hand-written aliases; see ReferenceData/Generators/README.md.",
        "",
        "/// Where a name in ``countryNameEntries`` comes from.",
        "internal enum CountryNameSource: Sendable {",
        "  /// The ISO 3166-1 English short name (iso-codes' `name`), such as `\"Korea, Republic of\"`.",
        "  case isoShortName",
        "  /// iso-codes' `common_name`, such as `\"South Korea\"`.",
        "  case isoCommonName",
        "  /// iso-codes' `official_name`, such as `\"Argentine Republic\"`.",
        "  case isoOfficialName",
        "  /// An inverted ISO short name turned round, such as `\"Islamic Republic of Iran\"`.",
        "  case isoUninverted",
        "  /// A World Bank IDS spelling, such as `\"Egypt, Arab Rep.\"`.",
        "  case worldBank",
        "  /// A Horn–Reinhart–Trebesch spelling, such as `\"Macedonia, FYR\"`.",
        "  case hornReinhartTrebesch",
        "  /// A hand-written alias that people type, such as `\"UAE\"` or `\"Ivory Coast\"`.",
        "  case alias",
        "}",
        "",
        "/// One English name of a country and its alpha-2 code.",
        "internal struct CountryNameEntry: Sendable {",
        "  /// The name as its source spells it.",
        "  let name: String",
        "  /// The ISO 3166-1 alpha-2 code, or the user-assigned `XK`.",
        "  let alpha2: String",
        "  /// Where the name comes from.",
        "  let source: CountryNameSource",
        "}",
        "",
        "/// The English names that ``Country/lookup(name:)`` resolves, one per lookup key, by code.",
        "///",
        "/// No two entries share a normalized key (the generator checks it, and so do the tests);",
        "/// names that stand for more than one country are in ``ambiguousCountryNames`` instead.",
        "/// Sources: ISO 3166-1 as packaged by pycountry "
        f"{version} (names, common names, official",
        "/// names, inverted names turned round), the World Bank IDS and Horn–Reinhart–Trebesch",
        "/// spellings of `CreditorCountryNames.swift`, and hand-written aliases.",
        "internal let countryNameEntries: [CountryNameEntry] = [",
    ]
    for source, name, code in rows:
        out.append(f'  CountryNameEntry(name: "{swift_escape(name)}", alpha2: "{code}", '
                   f'source: .{source}),')
    out += [
        "]",
        "",
        "/// Names that stand for more than one country, with their candidates' alpha-2 codes.",
        "///",
        "/// ``Country/lookup(name:)`` answers ``CountryNameMatch/ambiguous(_:)`` for these and",
        "/// never picks one: \"Congo\" is ISO's short name for the Republic of the Congo, but is",
        "/// as often written for the Democratic Republic of the Congo.",
        "internal let ambiguousCountryNames: [(name: String, alpha2: [String])] = [",
    ]
    for name, group in AMBIGUOUS.items():
        codes_list = ", ".join(f'"{c}"' for c in group)
        out.append(f'  (name: "{swift_escape(name)}", alpha2: [{codes_list}]),')
    out.append("]")
    sys.stdout.write("\n".join(out) + "\n")
    print(f"{len(rows)} names, {len(AMBIGUOUS)} ambiguous names, {len(drops)} drops",
          file=sys.stderr)


if __name__ == "__main__":
    main()
