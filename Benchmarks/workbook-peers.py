#!/usr/bin/env python3
"""The workbook benchmark's generator and Python peers (tnr-benchmark workbook is the Swift side).

    python workbook-peers.py generate FILE [--rows N]     # openpyxl, canonical columns (default 1e5)
    python workbook-peers.py time FILE --peer fastexcel|openpyxl|zlib [--repetitions R]

`generate` writes a workbook of the 16 canonical columns with openpyxl (write-only mode): N
synthetic rows, clearly synthetic (ids W-0000001…, source "Synthetic benchmark row"), cycling over
valid hosts, years 1997-2024, kinds and counts, with a date cell in source_date. Numbers are
number cells. The file is not committed; compare-with-peers.sh makes it.

`time` reads FILE R times (after one warm-up) in this process and prints one JSON line: the
median seconds, rows, rows/s and the process's peak RSS (ru_maxrss). fastexcel (calamine) loads
the first sheet into its typed columns (load_sheet; no pyarrow conversion); openpyxl (read-only) iterates every row's values; zlib inflates the
first sheet's entry (raw DEFLATE, as the Swift inflater is timed) and reports MB/s of output.
"""
import argparse, datetime, json, os, resource, statistics, sys, time, zipfile

CANONICAL = ["id", "origin", "host", "year", "month", "day", "date_precision", "category", "mode",
             "persons", "persons_qualifier", "ethnic_groups", "source_title", "source_url",
             "source_date", "notes"]
HOSTS = ["TR", "KZ", "KG", "PK", "EG", "TH", "AE", "SA", "UZ", "TJ", "AF", "NP", "MY", "DE", "US",
         "SE", "NL", "FR", "GB", "CA"]
KINDS = [("extradition", "deportation"), ("extradition", "extradition"), ("detention", "detention"),
         ("intimidation", "surveillance"), ("intimidation", "threat"),
         ("intimidation", "threats_to_family")]


def generate(path, rows):
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Incidents")
    ws.append(CANONICAL)
    for i in range(rows):
        year = 1997 + i % 28
        precision = ("day", "month", "year")[i % 3]
        month = 1 + i % 12 if precision != "year" else None
        day = 1 + i % 28 if precision == "day" else None
        category, mode = KINDS[i % len(KINDS)]
        ws.append([
            f"W-{i + 1:07d}", "CN", HOSTS[i % len(HOSTS)], year, month, day, precision, category,
            mode, 1 + i % 9, "exact", "Uyghur", f"Synthetic benchmark row {i + 1}",
            f"https://example.org/synthetic/{i + 1}",
            datetime.date(2000 + i % 24, 1 + i % 12, 1 + i % 28), "synthetic, not a real event",
        ])
    wb.save(path)


def peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def time_peer(path, peer, repetitions):
    if peer == "fastexcel":
        import fastexcel

        def body():
            return fastexcel.read_excel(path).load_sheet(0).height
    elif peer == "openpyxl":
        import openpyxl

        def body():
            wb = openpyxl.load_workbook(path, read_only=True)
            n = 0
            for row in wb.worksheets[0].iter_rows(values_only=True):
                n += 1
            wb.close()
            return n - 1
    elif peer == "zlib":
        import zlib
        z = zipfile.ZipFile(path)
        info = next(i for i in z.infolist() if i.filename.startswith("xl/worksheets/sheet"))
        with open(path, "rb") as f:
            f.seek(info.header_offset)
            header = f.read(30)
            start = info.header_offset + 30 + int.from_bytes(header[26:28], "little") \
                + int.from_bytes(header[28:30], "little")
            f.seek(start)
            compressed = f.read(info.compress_size)

        def body():
            return len(zlib.decompressobj(-15).decompress(compressed))
    else:
        sys.exit(f"unknown peer {peer}")
    body()
    samples = []
    for _ in range(repetitions):
        t = time.perf_counter()
        result = body()
        samples.append(time.perf_counter() - t)
    median = statistics.median(samples)
    record = {"group": "workbook", "peer": peer, "file": path, "median_s": median,
              "min_s": min(samples), "repetitions": repetitions, "peak_rss_bytes": peak_rss_bytes()}
    if peer == "zlib":
        record.update({"inflate_bytes_out": result, "inflate_mb_per_s": result / 1e6 / median})
    else:
        record.update({"rows": result, "rows_per_s": result / median})
    version = {"fastexcel": "fastexcel", "openpyxl": "openpyxl"}.get(peer)
    if version:
        record["version"] = __import__(version).__version__
    print(json.dumps(record, sort_keys=True))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("file")
    g.add_argument("--rows", type=lambda s: int(float(s)), default=100_000)
    t = sub.add_parser("time")
    t.add_argument("file")
    t.add_argument("--peer", required=True)
    t.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    if args.command == "generate":
        generate(args.file, args.rows)
    else:
        time_peer(args.file, args.peer, args.repetitions)


if __name__ == "__main__":
    main()
