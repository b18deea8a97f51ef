#!/usr/bin/env python3
"""Write country-names.json: the English names of the 249 ISO 3166-1 countries, from pycountry.

Usage (from this folder):

    pip install pycountry==26.2.16
    python3 generate_country_names.py > country-names.json

The list is what the test `CountryNameCoverageTests` measures `Country.lookup(name:)` against.
It is read from pycountry alone (Debian's iso-codes ISO 3166-1 data), not from the library's
name table, so that the test measures coverage rather than repeating the table. For each of the
249 officially assigned alpha-2 codes, in alphabetical order:

- `name`: the ISO English short name (iso-codes' `name`), such as "Korea, Republic of";
- `commonName`: iso-codes' `common_name` ("South Korea") where it has one, otherwise the short
  name: the name reports show, as `Country.commonName` does;
- `officialName`: iso-codes' `official_name` ("Republic of Chile"), or null when it has none;
- `inverted`: the short name when ISO writes it inverted around a comma, with the qualifier
  after the comma ("Iran, Islamic Republic of", "Virgin Islands, British"), otherwise null.
  Short names whose comma is a list or an apposition ("Bonaire, Sint Eustatius and Saba",
  "Saint Helena, Ascension and Tristan da Cunha", "Taiwan, Province of China") are not inverted.
"""
import importlib.metadata
import json
import sys

import pycountry

EXPECTED_PYCOUNTRY = "26.2.16"


def is_inverted(name):
    if "," not in name:
        return False
    tail = name.split(",", 1)[1].strip()
    return tail.endswith(" of") or tail.endswith(" of the") or tail in ("British", "U.S.")


def main():
    version = importlib.metadata.version("pycountry")
    if version != EXPECTED_PYCOUNTRY:
        print(f"warning: pycountry {version}, the committed list used {EXPECTED_PYCOUNTRY}",
              file=sys.stderr)
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        rows.append({
            "alpha2": c.alpha_2,
            "name": c.name,
            "commonName": getattr(c, "common_name", c.name),
            "officialName": getattr(c, "official_name", None),
            "inverted": c.name if is_inverted(c.name) else None,
        })
    if len(rows) != 249:
        sys.exit(f"expected 249 codes, pycountry has {len(rows)}")
    document = {
        "source": f"pycountry {version} (Debian iso-codes, ISO 3166-1)",
        "countries": rows,
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
