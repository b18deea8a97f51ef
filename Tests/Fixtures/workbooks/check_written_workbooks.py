#!/usr/bin/env python3
"""Checks the workbooks `tnr` writes with openpyxl (an independent reader): values and types.

    swift build --product tnr
    python3 Tests/Fixtures/workbooks/check_written_workbooks.py [.build/debug/tnr]   (needs openpyxl)

It writes, in a temporary folder:
  - `tnr import cases.csv --output cases.xlsx` of the bundled sample (documented-events.csv);
  - `tnr count --by host,year --format xlsx --output counts.xlsx` and the same table as CSV;
and checks, cell by cell, against the CSV the same tool writes: the header row is text; `year`,
`month`, `day`, `persons` and the counts are numbers (int); a full-day `source_date` is a date
(a datetime at midnight, with a date number format); every other field is the same text; empty
fields are empty cells. Exits 1 at the first difference.
"""
import csv, datetime, io, os, subprocess, sys, tempfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "Sources/TransnationalRepression/ReferenceData/Resources/documented-events.csv")
NUMBERS = {"year", "month", "day", "persons"}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def expected_cell(name, text):
    if text == "":
        return None
    if name in NUMBERS:
        return int(text)
    if name == "source_date" or name.startswith("source_date_"):
        try:
            return datetime.datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            return text
    return text


def compare(path, csv_text, typed):
    wb = openpyxl.load_workbook(path)
    check(len(wb.worksheets) == 1, f"{path}: {len(wb.worksheets)} sheets")
    ws = wb.worksheets[0]
    rows = list(csv.reader(io.StringIO(csv_text)))
    header = rows[0]
    got = [[c for c in r] for r in ws.iter_rows()]
    check(len(got) == len(rows), f"{path}: {len(got)} rows, CSV has {len(rows)}")
    check([c.value for c in got[0]] == header, f"{path}: header {[c.value for c in got[0]]}")
    cells = 0
    for number, (row, cells_row) in enumerate(zip(rows[1:], got[1:]), start=2):
        values = [c.value for c in cells_row] + [None] * (len(header) - len(cells_row))
        for name, text, value, cell in zip(header, row, values, list(cells_row) + [None] * len(header)):
            want = typed(name, text)
            check(type(value) is type(want) and value == want,
                  f"{path} row {number} {name}: {value!r} ({type(value).__name__}), want {want!r}")
            if isinstance(want, datetime.datetime):
                check(cell.is_date, f"{path} row {number} {name}: not date-formatted")
            cells += 1
    print(f"{os.path.basename(path)}: {len(rows) - 1} rows, {cells} cells checked")


def main():
    tnr = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/tnr")
    with tempfile.TemporaryDirectory() as folder:
        cases = os.path.join(folder, "cases.xlsx")
        subprocess.run([tnr, "import", SAMPLE, "--output", cases], check=True,
                       stderr=subprocess.DEVNULL)
        canonical = subprocess.run([tnr, "import", SAMPLE], check=True, capture_output=True,
                                   text=True).stdout
        compare(cases, canonical, expected_cell)

        counts = os.path.join(folder, "counts.xlsx")
        subprocess.run([tnr, "count", "--by", "host,year", "--format", "xlsx", "--output", counts],
                       check=True)
        table = subprocess.run([tnr, "count", "--by", "host,year", "--format", "csv"], check=True,
                               capture_output=True, text=True).stdout
        compare(counts, table, lambda name, text: int(text) if name != "host" else text)
    if failures:
        print("\n".join(failures[:20]))
        sys.exit(1)
    print("all written workbooks read by openpyxl with the expected values and types")


if __name__ == "__main__":
    main()
