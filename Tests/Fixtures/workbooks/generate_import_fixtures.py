#!/usr/bin/env python3
"""Writes the workbook import fixtures under import/: workbooks of case files that go through
`IncidentWorkbook.read` (and `tnr import FILE.xlsx`) with the same mapping as CSV.

    python3 Tests/Fixtures/workbooks/generate_import_fixtures.py   (needs openpyxl)

Each file is named for what it tests. The events are the bundled sample's (documented-events.csv:
DOC-001, DOC-002, DOC-006, DOC-010, DOC-012), re-spelled as a spreadsheet user would type them.
The expected outcomes are written by hand in
Tests/TransnationalRepressionTests/IO/Workbooks/IncidentWorkbookTests.swift, not read back from
these files. Timestamps inside the archives are fixed so the files are reproducible.
"""
import datetime, io, os, zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from generate_sheet_fixtures import FIXED, normalize  # fixed timestamps, shared with the sheet fixtures

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "import")

CANONICAL = ["id", "origin", "host", "year", "month", "day", "date_precision", "category", "mode",
             "persons", "persons_qualifier", "ethnic_groups", "source_title", "source_url",
             "source_date", "notes"]
# The issue-13 spreadsheet's columns (Tests/Fixtures/import/issue-13-mapping.json maps them).
MAPPED = ["Case ID", "Country", "Date", "Type", "Number of people", "Source"]


def save(wb, name):
    buf = io.BytesIO()
    wb.save(buf)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(normalize(buf.getvalue()))


def sheet(title="Cases", header=None, rows=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    if header:
        ws.append(header)
    for row in rows:
        ws.append(row)
    return wb, ws


def canonical_numbers():
    # Canonical columns, year/month/day and persons as number cells.
    wb, _ = sheet(header=CANONICAL, rows=[
        ["DOC-001", "CN", "PK", 1997, None, None, "year", "extradition", "deportation", 14,
         "exact", "Uyghur", "Pakistan Deports Uyghurs (RFA, citing Dawn)",
         "https://www.rfa.org/english/news/uyghur/pakistan-08102011175506.html/",
         datetime.date(2011, 8, 10), None],
        ["DOC-002", "CN", "KZ", 1999, 2, 11, "day", "extradition", "deportation", 3, "exact",
         "Uyghur", "Appendix D.2 (Human Rights in China, SCO report)",
         "http://www.hrichina.org/cn/node/5237", None, None],
    ])
    save(wb, "canonical-columns-number-cells.xlsx")


def mapped_date_cells():
    # The issue-13 columns; the Date column holds date cells (one with a time of day).
    wb, ws = sheet(header=MAPPED, rows=[
        ["DOC-002", "Kazakhstan", datetime.date(1999, 2, 11), "Deportation", 3, "Appendix D.2"],
        ["DOC-010", "Uzbekistan", datetime.datetime(2006, 6, 20, 15, 45), "Extradition", 1,
         "UHRP press release"],
    ])
    ws["C2"].number_format = "dd/mm/yyyy"
    save(wb, "mapped-date-cells-day-precision.xlsx")


def text_dates():
    # Text in the date column goes through the #13 date rules: year, month and day precision,
    # and a numeric date that needs --date-order.
    wb, _ = sheet(header=MAPPED, rows=[
        ["DOC-001", "Pakistan", "1997", "Deportation", 14, "RFA"],
        ["DOC-006", "Nepal", "January 2002", "Deportation", "up to 2", "Amnesty UA 119/02"],
        ["DOC-012", "Sweden", "Jan 2008", "Surveillance", None, "Sydney Morning Herald"],
        ["DOC-002", "Kazakhstan", "11/02/1999", "Deportation", 3, "HRIC"],
    ])
    save(wb, "text-dates-in-date-column.xlsx")


def error_cells():
    # Excel error values are values the mapping sees: #N/A as a country, #DIV/0! as persons.
    wb, _ = sheet(header=MAPPED, rows=[
        ["DOC-001", "Pakistan", "1997", "Deportation", 14, "RFA"],
        ["DOC-002", "#N/A", "1999-02-11", "Deportation", 3, "HRIC"],
        ["DOC-010", "Uzbekistan", "2006-06", "Extradition", "#DIV/0!", "UHRP"],
    ])
    save(wb, "error-cells-na-and-div0.xlsx")


def numbers_and_booleans():
    # A fractional person count, a year typed as text, a boolean where a country belongs, a
    # boolean in the notes.
    wb, _ = sheet(header=CANONICAL, rows=[
        ["DOC-001", "CN", "PK", "1997", None, None, "year", "extradition", "deportation", 14,
         "exact", "Uyghur", "RFA", None, None, True],
        ["DOC-002", "CN", "KZ", 1999, 2, 11, "day", "extradition", "deportation", 2.5, "exact",
         "Uyghur", "HRIC", None, None, None],
        ["DOC-003", "CN", False, 2002, None, None, "year", "extradition", "deportation", 1,
         "exact", "Uyghur", "HRIC", None, None, None],
    ])
    save(wb, "numbers-booleans-and-text-years.xlsx")


def header_not_first_row():
    # Two empty rows above the header; a blank row between records; a short row.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cases"
    for col, name in enumerate(MAPPED, start=1):
        ws.cell(row=3, column=col, value=name)
    for col, value in enumerate(["DOC-001", "Pakistan", "1997", "Deportation", 14, "RFA"], 1):
        ws.cell(row=4, column=col, value=value)
    # Row 5 is empty. Row 6 ends at column D (no count, no source: the source is required).
    for col, value in enumerate(["DOC-012", "Sweden", "Jan 2008", "Surveillance"], 1):
        ws.cell(row=6, column=col, value=value)
    for col, value in enumerate(["DOC-010", "Uzbekistan", "2006-06", "Extradition", 1, "UHRP"], 1):
        ws.cell(row=7, column=col, value=value)
    save(wb, "header-on-row-3-blank-and-short-rows.xlsx")


def two_sheets():
    # The first sheet is a note; the cases are on the second sheet, "Cases".
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Read me"
    notes["A1"] = "Cases are on the next sheet."
    ws = wb.create_sheet("Cases")
    ws.append(MAPPED)
    ws.append(["DOC-001", "Pakistan", 1997, "Deportation", 14, "RFA"])
    save(wb, "cases-on-second-sheet.xlsx")


def renamed_csv():
    # A workbook named .csv: read as the workbook it is.
    wb, _ = sheet(header=MAPPED, rows=[
        ["DOC-001", "Pakistan", "1997", "Deportation", 14, "RFA"],
    ])
    buf = io.BytesIO()
    wb.save(buf)
    with open(os.path.join(OUT, "workbook-named-as-csv.csv"), "wb") as f:
        f.write(normalize(buf.getvalue()))


def ole_renamed_csv():
    # An OLE compound file (an encrypted .xlsx or a legacy .xls) named .csv.
    with open(os.path.join(OUT, "encrypted-workbook-named-as-csv.csv"), "wb") as f:
        f.write(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504)


def value_beyond_header():
    wb, ws = sheet(header=MAPPED, rows=[
        ["DOC-001", "Pakistan", "1997", "Deportation", 14, "RFA"],
        ["DOC-010", "Uzbekistan", "2006-06", "Extradition", 1, "UHRP"],
    ])
    ws["H3"] = "stray note"
    save(wb, "value-beyond-header.xlsx")


def rich_text_quotes_newlines():
    # Rich-text host ("Pak" + "istan"), and a source title with a comma, a quote and a line
    # break; the second row is rejected (unknown kind) so its verbatim rendering is checked.
    wb, _ = sheet(header=MAPPED, rows=[
        ["DOC-001", CellRichText([TextBlock(InlineFont(b=True), "Pak"), "istan"]), "1997",
         "Deportation", 14, "Pakistan Deports Uyghurs (RFA, citing Dawn)"],
        ["DOC-002", "Kazakhstan", "1999-02-11", "Kidnapping", 3, 'HRIC "Appendix D.2"\nchart'],
    ])
    save(wb, "rich-text-quotes-and-line-breaks.xlsx")


def date1904():
    wb, ws = sheet(header=MAPPED, rows=[
        ["DOC-002", "Kazakhstan", datetime.date(1999, 2, 11), "Deportation", 3, "HRIC"],
    ])
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    save(wb, "date1904-date-cells.xlsx")


def duplicate_ids():
    wb, _ = sheet(header=MAPPED, rows=[
        ["DOC-001", "Pakistan", "1997", "Deportation", 14, "RFA"],
        ["DOC-001", "Nepal", "2002", "Deportation", 1, "Amnesty"],
    ])
    save(wb, "duplicate-ids.xlsx")


def future_and_phantom_dates():
    # A date cell after the tests' today (2026-01-01) and serial 60 of the 1900 system shown as
    # a date: Excel's phantom 29 February 1900, which no calendar has.
    wb, ws = sheet(header=MAPPED, rows=[
        ["DOC-001", "Pakistan", datetime.date(2030, 5, 1), "Deportation", 14, "RFA"],
        ["DOC-002", "Kazakhstan", 60, "Deportation", 3, "HRIC"],
    ])
    ws["C3"].number_format = "yyyy-mm-dd"
    save(wb, "future-date-and-phantom-leap-day.xlsx")


def empty_sheet():
    wb = openpyxl.Workbook()
    wb.active.title = "Cases"
    save(wb, "empty-sheet.xlsx")


def sheet_bomb():
    # A real workbook whose sheet part inflates 16 MB of spaces from about 16 KB (a ratio of about
    # 996): refused before anything is inflated under a ratio cap of 500 or an entry cap of 1 MB.
    wb, _ = sheet(header=MAPPED, rows=[["DOC-001", "Pakistan", "1997", "Deportation", 14, "RFA"]])
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(normalize(buf.getvalue())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"<sheetData>", b"<sheetData>" + b" " * (16 << 20), 1)
            zi = zipfile.ZipInfo(info.filename, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body, compresslevel=9)
    with open(os.path.join(OUT, "sheet-compression-bomb.xlsx"), "wb") as f:
        f.write(out.getvalue())


def doc_snippet_workbook():
    # Tests/DocSnippets/Fixtures/case-files.csv as a workbook (sheet "Cases"), for the article
    # "Importing your case files": two dates are date cells, DOC-001's count a number cell.
    wb, ws = sheet(header=MAPPED, rows=[
        ["DOC-001", "Pakistan", "1997", "Deportation", 14,
         "Pakistan Deports Uyghurs (RFA, citing Dawn)"],
        ["DOC-006", "Nepal", "January 2002", "Deportation", "up to 2",
         "Nepal: Fear of forcible return (Amnesty International UA 119/02, ASA 31/033/2002)"],
        ["DOC-012", "Sweden", "Jan 2008", "Surveillance", None,
         "Uighur refugee jailed for spying (Sydney Morning Herald, AFP)"],
        ["DOC-022", "Thailand", datetime.date(2014, 3, 12), "Detention", "about 220",
         "Unidentifiable group of Muslims nabbed (The Nation)"],
        ["DOC-049", "Netherlands", datetime.date(2020, 8, 24), "Threats", "~58",
         "Dutch Government Formally Accepts Complaints From Uyghur Exiles Over Chinese "
         "Intimidation (RFA)"],
    ])
    buf = io.BytesIO()
    wb.save(buf)
    target = os.path.join(HERE, "..", "..", "DocSnippets", "Fixtures", "case-files.xlsx")
    with open(target, "wb") as f:
        f.write(normalize(buf.getvalue()))


def main():
    os.makedirs(OUT, exist_ok=True)
    for make in [canonical_numbers, mapped_date_cells, text_dates, error_cells,
                 numbers_and_booleans, header_not_first_row, two_sheets, renamed_csv,
                 ole_renamed_csv, value_beyond_header, rich_text_quotes_newlines, date1904,
                 duplicate_ids, future_and_phantom_dates, empty_sheet, sheet_bomb,
                 doc_snippet_workbook]:
        make()
    print("\n".join(sorted(os.listdir(OUT))))


if __name__ == "__main__":
    main()
