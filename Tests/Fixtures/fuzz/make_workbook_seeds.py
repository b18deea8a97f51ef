#!/usr/bin/env python3
"""Writes the seed corpora of the workbook fuzz targets from the workbook fixtures.

    python3 Tests/Fixtures/fuzz/make_workbook_seeds.py

FuzzZip/: small workbooks and ZIP fixtures as they are (under 64 KB), and a few raw DEFLATE
streams (zlib at levels 0, 1, 9, fixed Huffman) from Tests/Fixtures/workbooks/deflate/.
FuzzSheet/: for each openpyxl or hand-made workbook, its first sheet's XML, a NUL, its shared
strings part (if any), a NUL, its styles part: the input shape SheetFuzzHarness splits.
"""
import glob, os, shutil, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
WB = os.path.join(HERE, "..", "workbooks")


def main():
    zdir = os.path.join(HERE, "FuzzZip")
    sdir = os.path.join(HERE, "FuzzSheet")
    for d in (zdir, sdir):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    sources = sorted(glob.glob(os.path.join(WB, "sheets", "*.xlsx"))
                     + glob.glob(os.path.join(WB, "import", "*.xlsx"))
                     + glob.glob(os.path.join(WB, "zip", "*.zip"))
                     + glob.glob(os.path.join(WB, "zip", "hostile", "*.zip")))
    for path in sources:
        if os.path.getsize(path) <= 64 * 1024:
            kind = os.path.basename(os.path.dirname(path))
            shutil.copy(path, os.path.join(zdir, kind + "-" + os.path.basename(path)))
    for name in ["csv-l0", "csv-l1", "csv-l9", "csv-fixed", "text-l6", "repetitive-l9",
                 "long-distance-l6", "all-bytes-huffman"]:
        shutil.copy(os.path.join(WB, "deflate", "streams", name + ".deflate"),
                    os.path.join(zdir, "deflate-" + name + ".deflate"))
    for path in sorted(glob.glob(os.path.join(WB, "sheets", "*.xlsx"))
                       + glob.glob(os.path.join(WB, "sheets", "hostile", "*.xlsx"))
                       + glob.glob(os.path.join(WB, "import", "*.xlsx"))):
        if not zipfile.is_zipfile(path):
            continue
        if "bomb" in path:
            continue
        z = zipfile.ZipFile(path)
        names = z.namelist()
        sheet = next((n for n in names if n.startswith("xl/worksheets/sheet")), None)
        if sheet is None:
            continue
        shared = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else b""
        styles = z.read("xl/styles.xml") if "xl/styles.xml" in names else b""
        prefix = "hostile-" if "hostile" in path else ""
        name = prefix + os.path.splitext(os.path.basename(path))[0] + ".bin"
        with open(os.path.join(sdir, name), "wb") as f:
            f.write(z.read(sheet) + b"\0" + shared + b"\0" + styles)
    print(len(os.listdir(zdir)), "FuzzZip seeds,", len(os.listdir(sdir)), "FuzzSheet seeds")


if __name__ == "__main__":
    main()
