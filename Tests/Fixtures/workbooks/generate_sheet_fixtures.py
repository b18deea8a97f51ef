#!/usr/bin/env python3
"""Writes the workbook (sheet layer) fixtures under sheets/ and their manifest expected.json.

    python3 Tests/Fixtures/workbooks/generate_sheet_fixtures.py   (needs openpyxl)

Two kinds of workbook: ones written by openpyxl (what real tools write), and ones whose XML is
written by hand below (cells without r=, inline strings, phonetic runs, prefixes, CDATA, the
phantom 29 Feb 1900, hostile XML). The expected cell values in expected.json are written by
hand in this script, not read back from the files. Cell values are tagged:
  ["s", text]  ["n", number]  ["b", bool]  ["e", error text]  ["d", "YYYY-MM-DD"]  null (empty)
"""
import datetime, io, json, os, re, shutil, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "sheets")
FIXED = (2024, 5, 17, 12, 30, 0)


def normalize(data):
    """Rewrites an archive with fixed timestamps (openpyxl stamps the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-05-17T12:30:00Z", body)
            zi = zipfile.ZipInfo(info.filename, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()


def openpyxl_types():
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cases"
    ws.append(["id", "host", "date", "persons", "confirmed", "note"])
    ws.append(["E1", "Türkiye", datetime.date(2017, 7, 1), 3, True, "A & B <c>"])
    ws.append(["E2", CellRichText([TextBlock(InlineFont(b=True), "Thai"), "land"]),
               datetime.datetime(2019, 3, 4, 15, 30), 2.5, False, " padded "])
    ws.append(["E3", "Egypt", "July 2017", -4, "#N/A", "#DIV/0!"])
    # Row 5 is left empty; row 6 skips columns B and D-E.
    ws["A6"] = "E4"
    ws["C6"] = datetime.date(2020, 2, 29)
    ws["C6"].number_format = "mm-dd-yy"  # built-in id 14
    ws["F6"] = 44000
    ws["F6"].number_format = "0.00"  # a number format, not a date
    ws["A7"] = 45000
    ws["A7"].number_format = '"day "0'  # d only inside quotes: not a date
    ws["B7"] = 45000
    ws["B7"].number_format = "[Red]0"  # brackets: not a date
    ws["C7"] = 45000
    ws["C7"].number_format = "dd/mm/yyyy"  # custom date format
    ws["D7"] = 45000
    ws["D7"].number_format = "[$-409]d-mmm-yy;@"  # locale prefix, then a date
    ws2 = wb.create_sheet("Second")
    ws2["A1"] = "Ürümqi"
    buf = io.BytesIO()
    wb.save(buf)
    expected = {
        "sheets": ["Cases", "Second"],
        "date1904": False,
        "rows": {
            "Cases": [
                [["s", "id"], ["s", "host"], ["s", "date"], ["s", "persons"], ["s", "confirmed"],
                 ["s", "note"]],
                [["s", "E1"], ["s", "Türkiye"], ["d", "2017-07-01"], ["n", 3], ["b", True],
                 ["s", "A & B <c>"]],
                [["s", "E2"], ["s", "Thailand"], ["d", "2019-03-04"], ["n", 2.5], ["b", False],
                 ["s", " padded "]],
                [["s", "E3"], ["s", "Egypt"], ["s", "July 2017"], ["n", -4], ["e", "#N/A"],
                 ["e", "#DIV/0!"]],
                [],
                [["s", "E4"], None, ["d", "2020-02-29"], None, None, ["n", 44000]],
                [["n", 45000], ["n", 45000], ["d", "2023-03-15"], ["d", "2023-03-15"]],
            ],
            "Second": [[["s", "Ürümqi"]]],
        },
    }
    return normalize(buf.getvalue()), expected


def openpyxl_1904():
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws.append(["date", "n"])
    ws.append([datetime.date(2017, 7, 1), 1])
    ws.append([datetime.date(1904, 1, 1), 2])
    buf = io.BytesIO()
    wb.save(buf)
    expected = {"sheets": ["Mac"], "date1904": True, "rows": {"Mac": [
        [["s", "date"], ["s", "n"]],
        [["d", "2017-07-01"], ["n", 1]],
        [["d", "1904-01-01"], ["n", 2]],
    ]}}
    return normalize(buf.getvalue()), expected


CONTENT_TYPES = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""
ROOT_RELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WB_RELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>"""
WORKBOOK = b"""<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr/><x:sheets><x:sheet name="Hand &amp; made" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"""
STYLES = b"""<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;Date:&quot; 0"/><numFmt numFmtId="165" formatCode="d\\-mmm"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="47"/></cellXfs></styleSheet>"""
SHARED = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
<si><t>plain</t></si>
<si><r><rPr><b/></rPr><t>Thai</t></r><r><t>land</t></r></si>
<si><t xml:space="preserve">  kept  </t></si>
<si><t>
  trimmed
</t></si>
<si><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
<si><t>&lt;&amp;&gt;&quot;&apos; &#x4E2D;&#25991; <![CDATA[<raw & cdata>]]></t></si>
<si/>
</sst>""".encode()


def sheet_xml(rows, prefix=""):
    p = prefix
    rows = re.sub(r"<(/?)(row|c|v|f|is|r|t)([ >/])", lambda m: "<" + m.group(1) + p + m.group(2)
                  + m.group(3), rows)
    ns = ' xmlns%s="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' % (
        (":" + prefix[:-1]) if prefix else "")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<%sworksheet%s><%ssheetData>%s</%ssheetData>'
            '</%sworksheet>' % (p, ns, p, rows, p, p)).encode()


HAND_SHEET = sheet_xml(
    # Row 1: shared strings 0-6 by reference.
    '<row r="1">' + "".join('<c r="%s1" t="s"><v>%d</v></c>' % ("ABCDEFG"[i], i) for i in range(7))
    + '</row>'
    # Row 2: no r= on the row or its cells; inline strings, formula text, booleans, errors.
    + '<row><c t="inlineStr"><is><t>inline</t></is></c><c t="inlineStr"><is><r><t>In</t></r>'
      '<r><t>line</t></r></is></c><c t="str"><f>CONCAT("a","b")</f><v>ab</v></c>'
      '<c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c>'
      '<c t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
    # Row 4 (row 3 skipped): the 1900 system around the phantom day, with style 1 (id 14).
    + '<row r="4"><c r="A4" s="1"><v>1</v></c><c r="B4" s="1"><v>59</v></c>'
      '<c r="C4" s="1"><v>60</v></c><c r="D4" s="1"><v>61</v></c>'
      '<c r="E4" s="1"><v>42917.75</v></c><c r="F4" s="2"><v>42917</v></c>'
      '<c r="G4" s="3"><v>42917</v></c><c r="H4" s="4"><v>42917</v></c></row>'
    # Row 5: a gap inside the row, numbers in several spellings, an empty cell with a style,
    # a cell without a value, a cell mixing r= and not.
    + '<row r="5"><c r="B5"><v>1.5E3</v></c><c r="D5" s="1"/><c r="E5"></c><c><v>-0.25</v></c>'
      '<c r="H5"><v>007</v></c></row>',
    prefix="x:")


def hand_made():
    files = {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
        "xl/_rels/workbook.xml.rels": WB_RELS, "xl/workbook.xml": WORKBOOK,
        "xl/styles.xml": STYLES, "xl/sharedStrings.xml": SHARED,
        "xl/worksheets/sheet1.xml": HAND_SHEET,
    }
    expected = {"sheets": ["Hand & made"], "date1904": False, "rows": {"Hand & made": [
        [["s", "plain"], ["s", "Thailand"], ["s", "  kept  "], ["s", "trimmed"], ["s", "東京"],
         ["s", "<&>\"' 中文 <raw & cdata>"], ["s", ""]],
        [["s", "inline"], ["s", "Inline"], ["s", "ab"], ["b", True], ["b", False],
         ["e", "#N/A"], ["e", "#DIV/0!"]],
        [],
        [["d", "1900-01-01"], ["d", "1900-02-28"], ["d", "1900-02-29"], ["d", "1900-03-01"],
         ["d", "2017-07-01"], ["n", 42917], ["d", "2017-07-01"], ["d", "2017-07-01"]],
        [None, ["n", 1500], None, None, None, ["n", -0.25], None, ["n", 7]],
    ]}}
    return files, expected


def package(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            zi = zipfile.ZipInfo(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()


def hostile(files):
    """Variants of the hand-made workbook, each with the error written by hand."""
    cases = {}

    def variant(name, reason, part=None, **changes):
        f = dict(files)
        for k, v in changes.items():
            key = {"sheet": "xl/worksheets/sheet1.xml", "shared": "xl/sharedStrings.xml",
                   "workbook": "xl/workbook.xml", "styles": "xl/styles.xml"}[k]
            if v is None:
                del f[key]
            else:
                f[key] = v
        cases[name] = (package(f), {"reason": reason, "part": part})

    variant("doctype-entity-expansion.xlsx", "entityDeclaration", "xl/sharedStrings.xml",
            shared=b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b '
                   b'"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>')
    variant("undeclared-entity.xlsx", "entityDeclaration", "xl/worksheets/sheet1.xml",
            sheet=sheet_xml('<row r="1"><c t="inlineStr"><is><t>&ouml;</t></is></c></row>'))
    variant("nesting-too-deep.xlsx", "nestingTooDeep", "xl/styles.xml",
            styles=b"<styleSheet>" + b"<a>" * 400 + b"</a>" * 400 + b"</styleSheet>")
    variant("unclosed-element.xlsx", "malformedXML", "xl/worksheets/sheet1.xml",
            sheet=sheet_xml('<row r="1"><c><v>1</v></c>')[:-30])
    variant("bad-character-reference.xlsx", "malformedXML", "xl/sharedStrings.xml",
            shared=b"<sst><si><t>&#xZZ;</t></si></sst>")
    variant("row-beyond-excel-limit.xlsx", "invalidCell", "xl/worksheets/sheet1.xml",
            sheet=sheet_xml('<row r="1048577"><c><v>1</v></c></row>'))
    variant("column-beyond-excel-limit.xlsx", "invalidCell", "xl/worksheets/sheet1.xml",
            sheet=sheet_xml('<row r="1"><c r="XFE1"><v>1</v></c></row>'))
    # 3,000 rows of one cell in column XFD: 120 KB of XML that would lay out 49 million cells.
    variant("sparse-cells-bomb.xlsx", "sheetTooLarge", "xl/worksheets/sheet1.xml",
            sheet=sheet_xml("".join('<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (i, i)
                                    for i in range(1, 3001))))
    variant("rows-out-of-order.xlsx", "invalidCell", "xl/worksheets/sheet1.xml",
            sheet=sheet_xml('<row r="5"><c><v>1</v></c></row><row r="2"><c><v>1</v></c></row>'))
    variant("shared-string-out-of-range.xlsx", "invalidCell", "xl/worksheets/sheet1.xml",
            sheet=sheet_xml('<row r="1"><c t="s"><v>99</v></c></row>'))
    variant("missing-workbook-part.xlsx", "missingPart", "xl/workbook.xml", workbook=None)
    variant("missing-sheet-part.xlsx", "missingPart", "xl/worksheets/sheet1.xml", sheet=None)
    cases["encrypted-ole.xlsx"] = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 2040,
                                   {"reason": "container", "zipReason": "compoundFile"})
    cases["csv-named-xlsx.xlsx"] = (b"id,host\nE1,TR\n",
                                    {"reason": "container", "zipReason": "notAnArchive"})
    return cases


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(os.path.join(OUT, "hostile"))
    manifest = {"workbooks": {}, "hostile": {}}
    data, exp = openpyxl_types()
    manifest["workbooks"]["openpyxl-types.xlsx"] = exp
    open(os.path.join(OUT, "openpyxl-types.xlsx"), "wb").write(data)
    data, exp = openpyxl_1904()
    manifest["workbooks"]["openpyxl-date1904.xlsx"] = exp
    open(os.path.join(OUT, "openpyxl-date1904.xlsx"), "wb").write(data)
    files, exp = hand_made()
    manifest["workbooks"]["hand-made-xml.xlsx"] = exp
    open(os.path.join(OUT, "hand-made-xml.xlsx"), "wb").write(package(files))
    for name, (data, exp) in hostile(files).items():
        open(os.path.join(OUT, "hostile", name), "wb").write(data)
        manifest["hostile"][name] = {k: v for k, v in exp.items() if v is not None}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    # openpyxl reads the hand-made workbook too (a check that the XML is a valid workbook).
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(package(files)))
    assert wb.sheetnames == ["Hand & made"], wb.sheetnames
    print("wrote", OUT)


if __name__ == "__main__":
    main()
