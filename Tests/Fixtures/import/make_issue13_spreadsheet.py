"""Writes issue-13-spreadsheet.csv: 15 real events of the bundled sample
(Sources/TransnationalRepression/ReferenceData/Resources/documented-events.csv), re-spelled the way
a researcher's spreadsheet holds them (issue 13's headers: Case ID, Country, Date, Type, Number of
people, Source): country names, date text, the team's own labels, counts as text.

Nothing is invented: every value is the sample row's, only written differently. The spelling
chosen for each row (which date form, which count form) is listed below by hand, so that the file
covers the forms the importer must read. Run from the repository root or this folder:

    python3 Tests/Fixtures/import/make_issue13_spreadsheet.py
"""
import csv
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "..", "Sources", "TransnationalRepression", "ReferenceData",
                      "Resources", "documented-events.csv")

NAMES = {
    "PK": "Pakistan", "NP": "Nepal", "UZ": "Uzbekistan", "SE": "Sweden", "KH": "Kingdom of Cambodia",
    "MY": "Malaysia", "TH": "Thailand", "VN": "Viet Nam", "EG": "Egypt", "AE": "UAE",
    "NL": "Netherlands", "BE": "Belgium", "TR": "Turkey", "AF": "Afghanistan",
}
LABELS = {
    ("extradition", "deportation"): "Deportation", ("extradition", "extradition"): "Extradition",
    ("detention", "detention"): "Detention", ("intimidation", "surveillance"): "Surveillance",
    ("intimidation", "threat"): "Threats", ("intimidation", "threats_to_family"): "Threats to family",
    ("intimidation", "physical_assault"): "Assault",
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# id -> (date form, count form)
ROWS = {
    "DOC-001": ("year", "plain"),
    "DOC-006": ("month-name", "up to"),
    "DOC-010": ("iso-month", "plain"),
    "DOC-012": ("month-abbrev", "empty"),
    "DOC-014": ("iso", "people"),
    "DOC-018": ("month-name", "at least"),
    "DOC-022": ("day-month-year", "about"),
    "DOC-025": ("month-day-year", "plain"),
    "DOC-027": ("iso", "plain"),
    "DOC-030": ("day-mon-year", "plus"),
    "DOC-038": ("iso", "plain"),
    "DOC-049": ("mon-day-year", "tilde"),
    "DOC-066": ("month-name", "plain"),
    "DOC-074": ("day-month-year", "plain"),
    "DOC-080": ("month-abbrev", "up to"),
}


def date_text(row, form):
    y, m, d = row["year"], row["month"], row["day"]
    month = MONTHS[int(m) - 1] if m else None
    return {
        "year": lambda: y,
        "iso-month": lambda: f"{y}-{int(m):02d}",
        "month-name": lambda: f"{month} {y}",
        "month-abbrev": lambda: f"{month[:3]} {y}",
        "iso": lambda: f"{y}-{int(m):02d}-{int(d):02d}",
        "day-month-year": lambda: f"{int(d)} {month} {y}",
        "day-mon-year": lambda: f"{int(d)} {month[:3]} {y}",
        "month-day-year": lambda: f"{month} {int(d)}, {y}",
        "mon-day-year": lambda: f"{month[:3]} {int(d)}, {y}",
    }[form]()


def count_text(row, form):
    n = row["persons"]
    expected = {"plain": "exact", "people": "exact", "at least": "at_least", "plus": "at_least",
                "about": "about", "tilde": "about", "up to": "up_to", "empty": "unknown"}[form]
    assert row["persons_qualifier"] == expected, (row["id"], form)
    return {"plain": n, "people": f"{n} people", "at least": f"at least {n}", "plus": f"{n}+",
            "about": f"about {n}", "tilde": f"~{n}", "up to": f"up to {n}", "empty": ""}[form]


def main():
    with open(SAMPLE, newline="", encoding="utf-8") as handle:
        sample = {row["id"]: row for row in csv.DictReader(handle)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # as spreadsheets write CSV
    writer.writerow(["Case ID", "Country", "Date", "Type", "Number of people", "Source"])
    for ident, (date_form, count_form) in ROWS.items():
        row = sample[ident]
        assert row["origin"] == "CN" and row["ethnic_groups"] == "Uyghur"
        writer.writerow([ident, NAMES[row["host"]], date_text(row, date_form),
                         LABELS[(row["category"], row["mode"])], count_text(row, count_form),
                         row["source_title"]])
    with open(os.path.join(HERE, "issue-13-spreadsheet.csv"), "w", newline="", encoding="utf-8") as handle:
        handle.write(out.getvalue())


if __name__ == "__main__":
    main()
