#!/usr/bin/env python3
"""The front doors against pandas and polars on one canonical CSV, in one run.

Run by Benchmarks/compare-with-peers.sh (RECORDS=N); by hand:

    python3 Benchmarks/front-doors.py FILE.csv --tnr .build/release/tnr \
        --bench .build/release/tnr-benchmark [--reps 3] [--peers pandas,polars] [--out results.jsonl]

FILE.csv is a canonical incident file (`tnr-benchmark scale generate FILE --rows N`). Measured,
each the median of --reps runs (wall time; peak RSS from wait4 for the child processes, from
ru_maxrss of a fresh child process for the Python peers):

  tnr count --incidents FILE --by host,category   (a process each run)
  tnr report --incidents FILE --quiet             (a process each run)
  tnr validate FILE                               (a process each run)
  tnr-benchmark records FILE                      (IncidentCSV.read, IncidentJSON.read and .write in process)
  pandas read_csv(dtype=str, keep_default_na=False)
  polars read_csv(infer_schema=False) + group_by(host, category)

Prints one JSON object per measurement (group "frontdoor") and a Markdown table.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

PEER_CODE = {
    "pandas": (
        "pandas read_csv(dtype=str, keep_default_na=False)",
        "import pandas as pd\n"
        "df = pd.read_csv(PATH, dtype=str, keep_default_na=False)\n"
        "ROWS = len(df)\n",
    ),
    "polars": (
        "polars read_csv(infer_schema=False) + group_by(host, category)",
        "import polars as pl\n"
        "df = pl.read_csv(PATH, infer_schema=False)\n"
        "g = df.group_by(['host', 'category']).len()\n"
        "ROWS = int(g['len'].sum())\n",
    ),
}

# One peer run in a fresh interpreter: import time excluded, peak RSS of that process reported.
RUNNER = r"""
import json, resource, sys, time
PATH = sys.argv[1]
code = sys.argv[2]
scope = {"PATH": PATH}
exec(code.split("\n", 1)[0], scope)  # the import
t = time.perf_counter()
exec(code.split("\n", 1)[1], scope)
elapsed = time.perf_counter() - t
print(json.dumps({"s": elapsed, "rows": scope["ROWS"],
                  "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def run_process(argv):
    """Wall time and peak RSS (bytes) of one child process; its stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"front-doors: {' '.join(argv)} exited with {proc.returncode}")
    return elapsed, usage.ru_maxrss * 1024, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--tnr", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--peers", default="pandas,polars")
    parser.add_argument("--out")
    parser.add_argument("--parts", default="tnr,records,peers",
                        help="which measurements to run (default all)")
    args = parser.parse_args()
    path = args.file
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        rows = sum(1 for _ in f) - 1  # the generator writes no line breaks inside fields
    results = []

    def record(name, times, rss, n=rows, extra=None):
        r = {"group": "frontdoor", "name": name, "n": n, "reps": len(times),
             "median_s": statistics.median(times), "min_s": min(times),
             "rows_per_s": n / statistics.median(times), "peak_rss_bytes": rss,
             "file_bytes": size}
        r.update(extra or {})
        results.append(r)
        print(json.dumps(r), flush=True)

    parts = set(args.parts.split(","))
    for label, argv in [] if "tnr" not in parts else [
        ("tnr count --by host,category", [args.tnr, "count", "--incidents", path, "--by", "host,category"]),
        ("tnr report", [args.tnr, "report", "--incidents", path, "--quiet"]),
        ("tnr validate", [args.tnr, "validate", path]),
    ]:
        times, rss = [], 0
        for _ in range(args.reps):
            t, m, _ = run_process(argv)
            times.append(t)
            rss = max(rss, m)
        record(label, times, rss)

    lines = []
    if "records" in parts:
        _, _, out = run_process([args.bench, "records", path, "--repetitions", str(args.reps),
                                 "--warmup", "0", "--format", "json"])
        lines = [json.loads(l) for l in out.decode().splitlines() if l.strip().startswith("{")]
        summary = lines[0]
        print(json.dumps(summary), flush=True)
    labels = {"records.csv": "IncidentCSV.read (records)", "records.json": "IncidentJSON.read (records)",
              "records.json-write": "IncidentJSON.write (records)"}
    for line in lines[1:]:
        csv = line["benchmark"] == "records.csv"
        record(labels[line["benchmark"]],
               [line["median_s"]] * line["reps"],
               summary["csv_peak_rss_bytes"] if csv else None,
               n=line["n"], extra={"bytes_per_incident": summary["bytes_per_incident"]})

    for peer in [p for p in args.peers.split(",") if p and "peers" in parts]:
        label, code = PEER_CODE[peer]
        times, rss, n = [], 0, rows
        for _ in range(args.reps):
            out = subprocess.run([sys.executable, "-c", RUNNER, path, code], check=True,
                                 capture_output=True).stdout
            r = json.loads(out)
            times.append(r["s"])
            rss = max(rss, r["maxrss"])
            n = r["rows"]
        record(label, times, rss, n=n)

    if args.out:
        with open(args.out, "a") as f:
            for r in results:
                f.write(json.dumps(r) + "\n")

    by = {r["name"]: r for r in results}
    print()
    print(f"### Front doors on the canonical CSV: {rows:,} rows, {size / 1e6:,.0f} MB "
          f"(same run, median of {args.reps})")
    print()
    print("| what | median s | rows/s | peak RSS MB | RSS / file |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        rss = r["peak_rss_bytes"]
        print(f"| {r['name']} | {r['median_s']:.3f} | {r['rows_per_s'] / 1e6:.2f} M | "
              + (f"{rss / 1e6:,.0f} | {rss / size:.2f} |" if rss else "- | - |"))
    print()
    polars = by.get(PEER_CODE["polars"][0])
    pandas = by.get(PEER_CODE["pandas"][0])
    count = by.get("tnr count --by host,category")
    if polars and count:
        print(f"tnr count vs polars read_csv + group_by: {polars['median_s'] / count['median_s']:.2f}x "
              "(>1 = tnr faster; target >= 2)")
    if count:
        print(f"tnr report / tnr count: {by['tnr report']['median_s'] / count['median_s']:.2f} (target <= 2)")
    records = by.get("IncidentCSV.read (records)")
    if pandas and records:
        print(f"IncidentCSV.read vs pandas read_csv: {records['rows_per_s'] / pandas['rows_per_s']:.2f}x "
              "(>1 = Swift faster; target >= 1, aim 2)")
    jsonr = by.get("IncidentJSON.read (records)")
    if jsonr and records:
        print(f"IncidentJSON.read / IncidentCSV.read: {jsonr['rows_per_s'] / records['rows_per_s']:.2f}x (target >= 1)")
    jsonw = by.get("IncidentJSON.write (records)")
    if jsonw and records:
        print(f"IncidentJSON.write / IncidentCSV.read: {jsonw['rows_per_s'] / records['rows_per_s']:.2f}x (target >= 1)")


if __name__ == "__main__":
    main()
