#!/usr/bin/env python3
"""Writes the bad-input corpus (bad/, tricky/) and its manifest expected.json.

The expected outcomes are written by hand below, not by running the library, so the corpus test
checks the library against an independent statement of what each file should give.
Run: python3 Tests/Fixtures/csv/generate_corpus.py
"""
import csv, io, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
# The bundled copy of shared/data/documented-events.csv.
SRC = os.path.join(HERE, "..", "..", "..", "Sources", "TransnationalRepression", "ReferenceData", "Resources", "documented-events.csv")
OUT = HERE
HEADER = ("id,origin,host,year,month,day,date_precision,category,mode,persons,persons_qualifier,"
          "ethnic_groups,source_title,source_url,source_date,notes").split(",")
COL = {name: i + 1 for i, name in enumerate(HEADER)}

with open(SRC, newline="", encoding="utf-8") as f:
    REAL = {r["id"]: r for r in csv.DictReader(f)}


def row(doc, **changes):
    r = dict(REAL[doc])
    for k, v in changes.items():
        r[k] = v
    return [r[h] for h in HEADER]


def line(fields):
    s = io.StringIO()
    csv.writer(s, lineterminator="\n").writerow(fields)
    return s.getvalue()


def text(rows, header=HEADER):
    return line(header) + "".join(line(r) if isinstance(r, list) else r for r in rows)


files = {}


def add(name, content, description, *, file_error=None, lenient=None, records=None,
        ignored=None):
    data = content.encode("utf-8") if isinstance(content, str) else content
    entry = {"description": description}
    if file_error:
        entry["fileError"] = file_error
    else:
        data_rows, blank, accepted_ids, rejected = lenient
        entry["lenient"] = {
            "dataRows": data_rows, "accepted": len(accepted_ids), "blankLines": blank,
            "acceptedIDs": accepted_ids, "rejected": rejected,
        }
        entry["strict"] = ({"throws": True, "error": rejected[0]} if rejected
                           else {"throws": False})
    if records:
        entry["records"] = records
    if ignored is not None:
        entry["ignoredColumns"] = ignored
    files[name] = (data, entry)


def rej(line_no, kind, field=None, *, column=None, reason=None, raw=None):
    e = {"line": line_no, "kind": kind}
    if field is not None:
        e["field"] = field
        e["column"] = column if column is not None else COL[field]
    elif column is not None:
        e["column"] = column
    if reason:
        e["reasonContains"] = reason
    if raw:
        e["rawPrefix"] = raw
    return e


def one_bad(name, description, bad_row, kind, field=None, *, reason=None, column=None,
            good=("DOC-001", "DOC-030")):
    """Header, a good row (line 2), the bad row (line 3), another good row (line 4)."""
    rows = [row(good[0]), bad_row, row(good[1])]
    raw = (bad_row if isinstance(bad_row, str) else line(bad_row))[:12]
    add(name, text(rows), description,
        lenient=(3, 0, list(good), [rej(3, kind, field, reason=reason, column=column, raw=raw)]))


# ---------------------------------------------------------------- bad: field values
one_bad("bad/unknown-country-XX.csv", "host XX is no ISO 3166-1 code",
        row("DOC-014", host="XX"), "unknownCountry", "host", reason="'XX'")
one_bad("bad/unknown-origin-ZZZ.csv", "origin ZZZ is no alpha-3 code",
        row("DOC-014", origin="ZZZ"), "unknownCountry", "origin", reason="'ZZZ'")
one_bad("bad/host-leading-space-NA.csv", "' NA' (with a space) is not Namibia: spaces are not trimmed",
        row("DOC-014", host=" NA"), "unknownCountry", "host", reason="' NA'")
one_bad("bad/host-empty.csv", "an empty host is a missing required value, not Namibia",
        row("DOC-014", host=""), "emptyRequiredField", "host")
one_bad("bad/date-2021-02-30.csv", "30 February does not exist",
        row("DOC-014", year="2021", month="2", day="30"), "invalidDate.dayOutOfRange", "day",
        reason="has 28 days")
one_bad("bad/date-2100-02-29.csv", "2100 is not a leap year",
        row("DOC-014", year="2100", month="2", day="29"), "invalidDate.dayOutOfRange", "day")
one_bad("bad/date-month-13.csv", "month 13",
        row("DOC-039", month="13"), "invalidDate.monthOutOfRange", "month")
one_bad("bad/date-day-without-month.csv", "a day is given without a month",
        row("DOC-014", month=""), "invalidDate.dayWithoutMonth", "day")
one_bad("bad/date-precision-month-without-month.csv", "precision month but the month is empty",
        row("DOC-039", month=""), "invalidDate.missingPart", "month")
one_bad("bad/date-precision-year-with-month.csv", "precision year but a month is given",
        row("DOC-014", day="", date_precision="year"), "invalidDate.unexpectedPart", "month")
one_bad("bad/date-precision-unknown.csv", "date_precision 'approximate' is not a precision",
        row("DOC-014", date_precision="approximate"), "unknownDatePrecision", "date_precision")
one_bad("bad/date-year-three-digits.csv", "year 997 is not a four-digit year",
        row("DOC-014", year="997", month="", day="", date_precision="year"),
        "invalidDate.yearOutOfRange", "year")
one_bad("bad/date-year-not-a-number.csv", "year '19x7'",
        row("DOC-014", year="19x7"), "notANumber", "year", reason="'19x7'")
one_bad("bad/date-year-empty.csv", "an empty year",
        row("DOC-014", year=""), "emptyRequiredField", "year")
one_bad("bad/date-future-2027.csv", "a 2027 event is after the validation day 2026-11-23",
        row("DOC-001", id="DOC-901", year="2027"), "futureDate", "year", reason="in the future",
        good=("DOC-014", "DOC-030"))
one_bad("bad/date-future-2026-12.csv", "December 2026 is after 2026-11-23 (the whole month is)",
        row("DOC-039", id="DOC-902", year="2026", month="12"), "futureDate", "month",
        reason="2026-12")
add("bad/date-future-2026-11-24.csv",
    text([row("DOC-014", id="DOC-903", year="2026", month="11", day="23"),
          row("DOC-014", id="DOC-904", year="2026", month="11", day="24"),
          row("DOC-039", id="DOC-905", year="2026", month="11"),
          row("DOC-001", id="DOC-906", year="2026")]),
    "the day after the validation day is rejected; the day itself, its month and year are not",
    lenient=(4, 0, ["DOC-903", "DOC-905", "DOC-906"],
             [rej(3, "futureDate", "day", reason="2026-11-24", raw="DOC-904,CN,K")]))
one_bad("bad/persons-negative.csv", "persons -3",
        row("DOC-014", persons="-3"), "invalidPersons.negative", "persons")
one_bad("bad/persons-thousands-separator.csv", "persons \"1,000\" (quoted, with a separator)",
        row("DOC-014", persons="1,000"), "notANumber", "persons", reason="'1,000'")
one_bad("bad/persons-trailing-letter-12a.csv", "persons '12a'",
        row("DOC-014", persons="12a"), "notANumber", "persons")
one_bad("bad/persons-leading-space.csv", "persons ' 5' (a space is not trimmed)",
        row("DOC-014", persons=" 5"), "notANumber", "persons", reason="' 5'")
one_bad("bad/persons-NA.csv", "persons 'NA' is not a number and not missing",
        row("DOC-014", persons="NA"), "notANumber", "persons")
one_bad("bad/persons-decimal.csv", "persons '2.5'",
        row("DOC-014", persons="2.5"), "notANumber", "persons")
one_bad("bad/persons-qualifier-without-number.csv", "qualifier exact with no number",
        row("DOC-014", persons=""), "invalidPersons.missingValue", "persons")
one_bad("bad/persons-number-with-unknown-qualifier.csv", "a number with the qualifier unknown",
        row("DOC-012", persons="5"), "invalidPersons.valueWithUnknownQualifier", "persons_qualifier")
one_bad("bad/persons-qualifier-misspelled.csv", "qualifier 'approx'",
        row("DOC-014", persons_qualifier="approx"), "unknownPersonsQualifier", "persons_qualifier")
one_bad("bad/category-unknown.csv", "category 'kidnapping'",
        row("DOC-014", category="kidnapping"), "unknownCategory", "category")
one_bad("bad/category-wrong-case.csv", "category 'Extradition' (categories are lower case)",
        row("DOC-014", category="Extradition"), "unknownCategory", "category")
one_bad("bad/mode-unknown.csv", "mode 'abduction'",
        row("DOC-014", mode="abduction"), "unknownMode", "mode")
one_bad("bad/mode-not-in-category.csv", "a deportation is not a detention mode",
        row("DOC-014", category="detention"), "modeNotInCategory", "mode",
        reason="does not belong to category 'detention'")
one_bad("bad/mode-threat-in-extradition.csv", "threat is an intimidation mode, not a return mode",
        row("DOC-014", mode="threat"), "modeNotInCategory", "mode")
one_bad("bad/ethnic-group-unknown-Uighur.csv", "'Uighur' is not the schema's spelling",
        row("DOC-014", ethnic_groups="Uighur"), "unknownEthnicGroup", "ethnic_groups")
one_bad("bad/ethnic-groups-trailing-semicolon.csv", "'Uyghur;' has an empty group",
        row("DOC-014", ethnic_groups="Uyghur;"), "unknownEthnicGroup", "ethnic_groups")
one_bad("bad/ethnic-groups-empty.csv", "no ethnic group",
        row("DOC-014", ethnic_groups=""), "emptyRequiredField", "ethnic_groups")
one_bad("bad/source-title-empty.csv", "no source title",
        row("DOC-014", source_title=""), "emptyRequiredField", "source_title")
one_bad("bad/source-title-only-spaces.csv", "a source title of spaces",
        row("DOC-014", source_title="   "), "invalidSource.emptyTitle", "source_title")
one_bad("bad/source-date-2019-5.csv", "source date '2019-5' is not YYYY-MM",
        row("DOC-014", source_date="2019-5"), "invalidSource.invalidDate", "source_date")
one_bad("bad/id-empty.csv", "an empty id",
        row("DOC-014", id=""), "emptyRequiredField", "id")
one_bad("bad/id-only-spaces.csv", "an id of spaces",
        row("DOC-014", id="   "), "emptyID", "id")
add("bad/id-duplicate.csv",
    text([row("DOC-001"), row("DOC-014"), row("DOC-030"), row("DOC-014", host="MM")]),
    "DOC-014 on line 3 and again on line 5; the error names the first line",
    lenient=(4, 0, ["DOC-001", "DOC-014", "DOC-030"],
             [rej(5, "duplicateID(DOC-014,firstLine:3)", "id", reason="first on line 3",
                  raw="DOC-014,CN,M")]))

# optional columns
opt_header = HEADER + ["detention_outcome", "gender"]
add("bad/detention-outcome-unknown.csv",
    text([row("DOC-030") + ["released", "male"], row("DOC-022") + ["escaped", ""]],
         header=opt_header),
    "detention_outcome 'escaped'",
    lenient=(2, 0, ["DOC-030"], [rej(3, "unknownOutcome", "detention_outcome", column=17,
                                     raw="DOC-022,CN,T")]))
add("bad/gender-unknown.csv",
    text([row("DOC-030") + ["", "male"], row("DOC-022") + ["", "f"]], header=opt_header),
    "gender 'f'",
    lenient=(2, 0, ["DOC-030"], [rej(3, "unknownGender", "gender", column=18,
                                     raw="DOC-022,CN,T")]))
src2 = HEADER + ["source_title_2", "source_url_2", "source_date_2"]
add("bad/second-source-date-2019-02-30.csv",
    text([row("DOC-030") + ["HRW", "https://www.hrw.org/", "2017-07-09"],
          row("DOC-031") + ["UNPO", "https://unpo.org/", "2019-02-30"]], header=src2),
    "the second source's date does not exist",
    lenient=(2, 0, ["DOC-030"], [rej(3, "invalidSource.invalidDate", "source_date_2", column=19,
                                     raw="DOC-031,CN,E")]))
add("bad/second-source-without-title.csv",
    text([row("DOC-030") + ["", "", ""],
          row("DOC-031") + ["", "https://unpo.org/", ""]], header=src2),
    "a second source with a URL but no title",
    lenient=(2, 0, ["DOC-030"], [rej(3, "invalidSource.emptyTitle", "source_title_2", column=17,
                                     raw="DOC-031,CN,E")]))

# ---------------------------------------------------------------- bad: CSV syntax
def prefix15(doc):
    return line(row(doc)[:15])[:-1]


g1, g2, g3 = line(row("DOC-001")), line(row("DOC-014")), line(row("DOC-030"))
add("bad/unterminated-quote.csv",
    line(HEADER) + g1 + g3 + prefix15("DOC-014") + ',"The note never ends\nand goes on\n',
    "a quoted field opened on line 4 is never closed: the record runs to the end of the file",
    lenient=(3, 0, ["DOC-001", "DOC-030"], [rej(4, "malformedCSV", reason="never closed", raw="DOC-014,CN,K")]))
add("bad/unterminated-quote-swallows-next-row.csv",
    line(HEADER) + g1 + prefix15("DOC-014") + ',"The note never ends\n' + g3,
    "a quote opened on line 3 is closed by the first quote of line 4, so lines 3-4 are one bad record",
    lenient=(2, 0, ["DOC-001"], [rej(3, "malformedCSV", reason="follows a closing quote", raw="DOC-014,CN,K")]))
bad_utf8 = (line(HEADER) + g1).encode() + prefix15("DOC-014").encode() + b",note \xff\xfe caf\xc3\n" + g3.encode()
add("bad/invalid-utf8-line-3.csv", bad_utf8,
    "line 3 holds the bytes FF FE and a truncated sequence in the notes",
    lenient=(3, 0, ["DOC-001", "DOC-030"], [rej(3, "malformedCSV", column=16, field="notes", reason="UTF-8",
                                                 raw="DOC-014,CN,K")]))
add("bad/stray-quote-in-unquoted-field.csv",
    line(HEADER) + g1 + prefix15("DOC-014") + ',He said "no" twice\n' + g3,
    "a quote inside an unquoted field",
    lenient=(3, 0, ["DOC-001", "DOC-030"], [rej(3, "malformedCSV", reason="inside an unquoted",
                                                 raw="DOC-014,CN,K")]))
r = row("DOC-014")
after_quote = ",".join(r[:12]) + ',"China must reveal fate" (Amnesty),' + ",".join(r[13:15]) + ",note\n"
add("bad/text-after-closing-quote.csv", line(HEADER) + g1 + after_quote + g3,
    "text follows the closing quote of the title",
    lenient=(3, 0, ["DOC-001", "DOC-030"], [rej(3, "malformedCSV", reason="follows a closing quote",
                                                 raw="DOC-014,CN,K")]))
add("bad/too-few-fields.csv", line(HEADER) + g1 + line(row("DOC-014")[:15]) + g3,
    "line 3 has 15 fields",
    lenient=(3, 0, ["DOC-001", "DOC-030"], [rej(3, "wrongFieldCount(expected:16,found:15)",
                                                 raw="DOC-014,CN,K")]))
add("bad/too-many-fields.csv", line(HEADER) + g1 + line(row("DOC-014") + ["extra"]) + g3,
    "line 3 has 17 fields",
    lenient=(3, 0, ["DOC-001", "DOC-030"], [rej(3, "wrongFieldCount(expected:16,found:17)",
                                                 raw="DOC-014,CN,K")]))
add("bad/line-of-spaces.csv", line(HEADER) + g1 + "   \n" + g3,
    "a line of spaces is not blank: it is a row with one field",
    lenient=(3, 0, ["DOC-001", "DOC-030"], [rej(3, "wrongFieldCount(expected:16,found:1)", raw="   ")]))
multi = row("DOC-001", notes="First line of the note,\nsecond line")
add("bad/multiline-note-then-unknown-country.csv",
    text([multi, row("DOC-014", host="XX"), row("DOC-030", persons="x")]),
    "a note spans lines 2-3, so the bad rows start on lines 4 and 5",
    lenient=(3, 0, ["DOC-001"], [rej(4, "unknownCountry", "host", raw="DOC-014,CN,X"),
                                 rej(5, "notANumber", "persons", raw="DOC-030,CN,E")]))
add("bad/crlf-multiline-note-then-unknown-country.csv",
    text([multi, row("DOC-014", host="XX")]).replace("\n", "\r\n"),
    "CRLF line endings, a note with a CRLF inside quotes on lines 2-3, a bad row on line 4",
    lenient=(2, 0, ["DOC-001"], [rej(4, "unknownCountry", "host", raw="DOC-014,CN,X")]),
    records={"DOC-001": {"notes": "First line of the note,\r\nsecond line"}})
add("bad/multiple-errors.csv",
    text([row("DOC-001"), row("DOC-014", host="XX"),
          row("DOC-022", year="2021", month="2", day="30"), row("DOC-030"),
          row("DOC-039", persons="12a"), row("DOC-044", category="extradition"),
          line(row("DOC-049")[:15]), "\n", row("DOC-055", id="DOC-001")]),
    "six bad rows and a blank line: lenient lists every one, strict stops at line 3",
    lenient=(8, 1, ["DOC-001", "DOC-030"],
             [rej(3, "unknownCountry", "host", raw="DOC-014,CN,X"),
              rej(4, "invalidDate.dayOutOfRange", "day", raw="DOC-022,CN,T"),
              rej(6, "notANumber", "persons", raw="DOC-039,CN,A"),
              rej(7, "modeNotInCategory", "mode", raw="DOC-044,CN,K"),
              rej(8, "wrongFieldCount(expected:16,found:15)", raw="DOC-049,CN,N"),
              rej(10, "duplicateID(DOC-001,firstLine:2)", "id", raw="DOC-001,CN,U")]))

# ---------------------------------------------------------------- bad: file level
add("bad/missing-column-host.csv",
    text([[v for h, v in zip(HEADER, row("DOC-001")) if h != "host"]],
         header=[h for h in HEADER if h != "host"]),
    "the header has no host column",
    file_error={"line": 1, "kind": "missingColumn(host)", "field": "host"})
add("bad/missing-column-notes.csv",
    text([row("DOC-001")[:15]], header=HEADER[:15]),
    "the header has no notes column (notes may be empty, but the column is canonical)",
    file_error={"line": 1, "kind": "missingColumn(notes)", "field": "notes"})
add("bad/duplicate-header-column.csv",
    text([row("DOC-001") + ["again"]], header=HEADER + ["notes"]),
    "the header names notes twice",
    file_error={"line": 1, "kind": "duplicateColumn(notes)", "column": 17, "field": "notes"})
add("bad/empty-file.csv", b"", "zero bytes",
    file_error={"line": 1, "kind": "emptyFile"})
add("bad/only-bom.csv", b"\xef\xbb\xbf", "a UTF-8 byte-order mark and nothing else",
    file_error={"line": 1, "kind": "emptyFile"})
add("bad/only-newline.csv", b"\n", "one empty line and no header",
    file_error={"line": 1, "kind": "emptyFile"})
add("bad/blank-line-before-header.csv", "\n" + text([row("DOC-001")]),
    "the first line is blank: the header must be the first line",
    file_error={"line": 1, "kind": "emptyFile"})
add("bad/header-stray-quote.csv",
    line(HEADER).replace("origin", 'ori"gin', 1) + g1,
    "a quote inside an unquoted header name",
    file_error={"line": 1, "kind": "malformedCSV", "reasonContains": "inside an unquoted"})
add("bad/header-invalid-utf8.csv",
    line(HEADER).encode().replace(b"notes", b"not\xe9s") + g1.encode(),
    "a Latin-1 byte in the header",
    file_error={"line": 1, "kind": "malformedCSV", "reasonContains": "UTF-8"})

# ---------------------------------------------------------------- tricky: all accepted
def ok(name, content, description, ids, *, data_rows=None, blank=0, records=None, ignored=None):
    add(name, content, description, lenient=(data_rows or len(ids), blank, ids, []),
        records=records, ignored=ignored)


ok("tricky/namibia-NA.csv",
   text([row("DOC-014", id="T-NA-1", host="NA"), row("DOC-001", id="T-NA-2", origin="CN", host="na")]),
   "NA is Namibia, never a missing value (and codes ignore case)", ["T-NA-1", "T-NA-2"],
   records={"T-NA-1": {"host": "NA"}, "T-NA-2": {"host": "NA"}})
ok("tricky/country-codes-alpha3-numeric.csv",
   text([row("DOC-001", origin="CHN", host="PAK"), row("DOC-014", origin="156", host="116"),
         row("DOC-030", host="818"), row("DOC-012", host="swe")]),
   "alpha-3 and numeric codes, any case, are read as alpha-2",
   ["DOC-001", "DOC-014", "DOC-030", "DOC-012"],
   records={"DOC-001": {"host": "PK", "origin": "CN"}, "DOC-014": {"host": "KH", "origin": "CN"},
            "DOC-030": {"host": "EG"}, "DOC-012": {"host": "SE"}})
ok("tricky/kosovo-XK.csv", text([row("DOC-014", host="XK")]),
   "the user-assigned XK is accepted", ["DOC-014"], records={"DOC-014": {"host": "XK"}})
ok("tricky/crlf-line-endings.csv", text([row("DOC-001"), row("DOC-014"), row("DOC-030")]).replace("\n", "\r\n"),
   "CRLF line endings throughout", ["DOC-001", "DOC-014", "DOC-030"],
   records={"DOC-030": {"notes": REAL["DOC-030"]["notes"]}})
ok("tricky/utf8-bom.csv", b"\xef\xbb\xbf" + text([row("DOC-001"), row("DOC-014")]).encode(),
   "a UTF-8 byte-order mark before the header", ["DOC-001", "DOC-014"])
ok("tricky/utf8-bom-crlf-no-final-newline.csv",
   b"\xef\xbb\xbf" + text([row("DOC-001"), row("DOC-014")]).replace("\n", "\r\n").encode()[:-2],
   "BOM, CRLF, and no line break after the last row", ["DOC-001", "DOC-014"],
   records={"DOC-014": {"notes": REAL["DOC-014"]["notes"]}})
ok("tricky/no-final-newline.csv", text([row("DOC-001"), row("DOC-014", notes="last field")])[:-1],
   "no line break after the last row", ["DOC-001", "DOC-014"],
   records={"DOC-014": {"notes": "last field"}})
ok("tricky/no-final-newline-quoted.csv",
   text([row("DOC-001"), row("DOC-014", notes='ends in a "quote"')])[:-1],
   "the last field is quoted and the file ends at its closing quote", ["DOC-001", "DOC-014"],
   records={"DOC-014": {"notes": 'ends in a "quote"'}})
tricky_note = 'He said "we will be sent back", then:\nnothing; later, "released"'
ok("tricky/quoted-comma-quote-newline.csv",
   text([row("DOC-001", notes=tricky_note, source_title='Title, with "quotes"'), row("DOC-014")]),
   "quoted fields holding commas, doubled quotes and a line break", ["DOC-001", "DOC-014"],
   records={"DOC-001": {"notes": tricky_note, "sourceTitle": 'Title, with "quotes"'}})
ok("tricky/blank-lines.csv",
   line(HEADER) + "\n" + g1 + "\n\n" + g2 + "\r\n" + g3 + "\n",
   "blank lines (one CRLF) before, between and after rows are skipped and counted",
   ["DOC-001", "DOC-014", "DOC-030"], blank=5)
ok("tricky/header-only.csv", line(HEADER), "a header and no rows", [])
ok("tricky/extra-unknown-column.csv",
   text([row("DOC-001") + ["checked"], row("DOC-014") + [""]], header=HEADER + ["reviewer"]),
   "an unknown column is ignored and reported", ["DOC-001", "DOC-014"], ignored=["reviewer"])
ok("tricky/trailing-comma-empty-column.csv",
   text([row("DOC-001") + [""], row("DOC-014") + [""]], header=HEADER + [""]),
   "every line ends in a comma: one unnamed, empty column", ["DOC-001", "DOC-014"], ignored=[""])
perm = list(reversed(HEADER))
ok("tricky/columns-reordered.csv",
   text([list(reversed(row("DOC-001"))), list(reversed(row("DOC-030")))], header=perm),
   "the sixteen columns in reverse order", ["DOC-001", "DOC-030"],
   records={"DOC-001": {"host": "PK", "date": "1997", "persons": "14", "mode": "deportation"},
            "DOC-030": {"host": "EG", "date": "2017-07-03", "persons": "at least 62"}})
ms = HEADER + ["source_title_2", "source_url_2", "source_date_2", "source_publisher_2",
               "source_title_3", "source_url_3", "source_date_3", "source_publisher_3"]
ok("tricky/multiple-sources.csv",
   text([row("DOC-030") + ["Egypt: Don't Deport Uyghurs (Human Rights Watch)",
                           "https://www.hrw.org/news/2017/07/09/egypt-dont-deport-uyghurs",
                           "2017-07-09", "Human Rights Watch",
                           "Uyghur students detained in Egypt (RFA)", "", "2017-07", ""],
         row("DOC-031") + ["", "", "", "", "", "", "", ""]], header=ms),
   "three sources on one row, one on the next", ["DOC-030", "DOC-031"],
   records={"DOC-030": {"sources": 3}, "DOC-031": {"sources": 1}})
uni = "Detained in İstanbul — ئۇيغۇر; Ürümqi → 🇹🇷; café and cafe\u0301"
ok("tricky/unicode-notes.csv",
   text([row("DOC-053", notes=uni), row("DOC-014")]),
   "non-ASCII notes: Turkish, Uyghur Arabic script, an emoji flag, a combining accent",
   ["DOC-053", "DOC-014"], records={"DOC-053": {"notes": uni}})
ok("tricky/leading-zero-month.csv",
   text([row("DOC-030", month="07", day="03"), row("DOC-039", month="012")]),
   "months and days with leading zeros", ["DOC-030", "DOC-039"],
   records={"DOC-030": {"date": "2017-07-03"}, "DOC-039": {"date": "2018-12"}})
ok("tricky/leap-days.csv",
   text([row("DOC-014", id="T-LEAP-2020", year="2020", month="2", day="29"),
         row("DOC-014", id="T-LEAP-2000", year="2000", month="2", day="29")]),
   "29 February in 2020 and in 2000 (divisible by 400)", ["T-LEAP-2020", "T-LEAP-2000"],
   records={"T-LEAP-2020": {"date": "2020-02-29"}, "T-LEAP-2000": {"date": "2000-02-29"}})
ok("tricky/date-on-validation-day.csv",
   text([row("DOC-014", id="T-TODAY", year="2026", month="11", day="23"),
         row("DOC-039", id="T-MONTH", year="2026", month="11"),
         row("DOC-001", id="T-YEAR", year="2026"),
         row("DOC-041", id="T-REPORTED", year="2026")]),
   "the validation day, its month, its year, and reported in its year are not in the future",
   ["T-TODAY", "T-MONTH", "T-YEAR", "T-REPORTED"],
   records={"T-TODAY": {"date": "2026-11-23"}, "T-REPORTED": {"date": "2026 (reported)"}})
ok("tricky/empty-quoted-fields.csv",
   text([row("DOC-001")]).replace(",1997,,,year,", ',1997,"","",year,'),
   'empty quoted fields ("") are empty values', ["DOC-001"], records={"DOC-001": {"date": "1997"}})
ok("tricky/persons-zero-and-unknown.csv",
   text([row("DOC-014", persons="0"), row("DOC-012")]),
   "zero persons is a number; an empty count with qualifier unknown is unknown",
   ["DOC-014", "DOC-012"], records={"DOC-014": {"persons": "0"}, "DOC-012": {"persons": "unknown"}})
ok("tricky/mode-unspecified.csv",
   text([row("DOC-001", mode="unspecified"), row("DOC-030", mode="unspecified"),
         row("DOC-012", mode="unspecified")]),
   "mode 'unspecified' is accepted in every category (a detention writes back as detention)",
   ["DOC-001", "DOC-030", "DOC-012"],
   records={"DOC-001": {"mode": "unspecified"}, "DOC-030": {"mode": "detention"},
            "DOC-012": {"mode": "unspecified"}})
ok("tricky/ethnic-groups-case-and-order.csv",
   text([row("DOC-055", ethnic_groups="tibetan;UYGHUR"), row("DOC-026", ethnic_groups="Uyghur;Kyrgyz;Uyghur")]),
   "group names ignore case; order and repeats do not matter", ["DOC-055", "DOC-026"],
   records={"DOC-055": {"groups": "Uyghur;Tibetan"}, "DOC-026": {"groups": "Uyghur;Kyrgyz"}})
ok("tricky/optional-columns.csv",
   text([row("DOC-030") + ["released", "", "Egypt Independent"],
         row("DOC-038") + ["still_held", "male", ""],
         row("DOC-001") + ["", "", ""]], header=HEADER + ["detention_outcome", "gender", "source_publisher"]),
   "the optional columns detention_outcome, gender and source_publisher",
   ["DOC-030", "DOC-038", "DOC-001"],
   records={"DOC-030": {"outcome": "released", "publisher": "Egypt Independent"},
            "DOC-038": {"outcome": "still_held", "gender": "male"}})
ok("tricky/na-like-text.csv",
   text([row("DOC-014", notes="NA", source_url="N/A"), row("DOC-001", notes="null")]),
   "'NA', 'N/A' and 'null' in text fields are kept as text", ["DOC-014", "DOC-001"],
   records={"DOC-014": {"notes": "NA", "sourceURL": "N/A"}, "DOC-001": {"notes": "null"}})
ok("tricky/source-date-precisions.csv",
   text([row("DOC-014", source_date="2010"), row("DOC-030", source_date="2017-07"),
         row("DOC-001", source_date="")]),
   "source dates as YYYY, YYYY-MM, and empty", ["DOC-014", "DOC-030", "DOC-001"],
   records={"DOC-014": {"sourceDate": "2010"}, "DOC-030": {"sourceDate": "2017-07"},
            "DOC-001": {"sourceDate": ""}})
long_note = "x" * 5000 + ",\n" + "y" * 5000
ok("tricky/long-quoted-field.csv",
   text([row("DOC-001"), row("DOC-014", notes=long_note), row("DOC-030")]),
   "a 10,002-character quoted note with a comma and a line break (longer than any read block)",
   ["DOC-001", "DOC-014", "DOC-030"], records={"DOC-014": {"notes": long_note}})

# ---------------------------------------------------------------- write
for folder in ("bad", "tricky"):
    if os.path.isdir(os.path.join(OUT, folder)):
        shutil.rmtree(os.path.join(OUT, folder))
manifest = {"today": "2026-11-23", "files": {}}
for name in sorted(files):
    data, entry = files[name]
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    manifest["files"][name] = entry
with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=2, ensure_ascii=False, sort_keys=True)
    f.write("\n")
print(len(files), "files:", sum(1 for n in files if n.startswith("bad/")), "bad,",
      sum(1 for n in files if n.startswith("tricky/")), "tricky")
