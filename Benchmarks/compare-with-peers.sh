#!/usr/bin/env bash
# Compares the Swift counting kernel (tnr-benchmark columns) with the counting-core baseline of
# the project's shared benchmark, committed in Benchmarks/Peers/ (see Benchmarks/Peers/README.md
# and RESULTS.md) in ONE run on this machine: the C reference (ref.c: plain loop, 4 sub-tables,
# blocked u16 keys; 1 and 2 threads) and the Python peers (numpy, polars, duckdb, pandas via
# peers.py), at N = 1e6, 1e7, 1e8 rows; and the CSV end to end on gen.py's 1e6-row CSV
# (tnr-benchmark csv: read + full validation into columns + count, against ref.c's fixed-schema
# parser and the peers' read_csv/scan_csv + group-by). Then prints
#   1. the shared benchmark's own report (peers.py report), with the Swift rows added, and
#   2. Markdown tables of Swift rows/s against each peer's (in memory, and CSV end to end).
#
# Usage (from anywhere; paths are relative to this script):
#   Benchmarks/compare-with-peers.sh
#   SIZES=1e6,1e7 Benchmarks/compare-with-peers.sh      # smaller run
#   SIZES=1e5 CSV=1e5 Benchmarks/compare-with-peers.sh  # smoke run (seconds, apart from builds)
#   PEERS=numpy Benchmarks/compare-with-peers.sh         # fewer Python peers (PEERS= for none)
#
# Environment:
#   TNR_SHARED_BENCH  the benchmark's gen.py, peers.py and ref.c (default: $(dirname "$0")/Peers;
#                     point it at the project's shared/bench to use that copy instead)
#   TNR_BENCH_WORK    where data, the C binary and results go (default: $(dirname "$0")/.work,
#                     which git ignores). gen.py, peers.py and ref.c are copied there, since
#                     peers.py reads data/ next to itself; TNR_SHARED_BENCH is never written.
#                     About 0.55 GB of data for N up to 1e8, generated once (or linked from
#                     TNR_SHARED_BENCH/data when its run.sh already made it there).
#   SIZES             comma-separated N (default 1e6,1e7,1e8)
#   CSV               N of the CSV end-to-end comparison (default 1e6; CSV= skips it)
#   RECORDS           N of the front-door comparison (default 1e6; RECORDS= skips it): a
#                     canonical CSV (tnr-benchmark scale generate, kept in the work directory);
#                     tnr count / report / validate (processes), tnr-benchmark records
#                     (IncidentCSV.read, IncidentJSON.read) against pandas and polars read_csv
#                     (Benchmarks/front-doors.py), median of 3, peak RSS of each
#   WORKBOOK          N of the workbook comparison (default 1e5; WORKBOOK= skips it): an .xlsx of
#                     the canonical columns written by openpyxl (Benchmarks/workbook-peers.py),
#                     read by tnr-benchmark workbook (IncidentWorkbook.read, full validation),
#                     fastexcel (calamine) and openpyxl; inflate MB/s beside zlib's; peak RSS
#   PEERS             comma-separated Python peers (default numpy,polars,duckdb,pandas)
#   THREADS           Swift thread counts (default "1 2")
#   PYTHON            Python interpreter to use as is (default: the virtual environment below)
#   TNR_BENCH_VENV    virtual environment made with python3 -m venv when PYTHON is unset and it
#                     does not exist yet (default: $(dirname "$0")/.venv, which git ignores)
# The Python packages the chosen peers need (numpy for gen.py; pandas, polars, duckdb + pyarrow)
# are installed with pip into that environment when missing, pinned as Benchmarks/Peers/run.sh
# pins them: numpy (unpinned), pandas==3.1.1, polars==2.1.0, duckdb==2.0.0, pyarrow==26.0.1.
# Needs python3 (with venv and pip), gcc and swift; pip needs network access to PyPI once.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${TNR_SHARED_BENCH:-$here/Peers}
SIZES=${SIZES:-1e6,1e7,1e8}
CSV=${CSV-1e6}
RECORDS=${RECORDS-1e6}
WORKBOOK=${WORKBOOK-1e5}
PEERS=${PEERS-numpy,polars,duckdb,pandas}
THREADS=${THREADS:-1 2}
export PYTHONDONTWRITEBYTECODE=1
log() { printf '[compare-with-peers %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ -f "$shared/gen.py" ] && [ -f "$shared/peers.py" ] && [ -f "$shared/ref.c" ] \
  || die "no gen.py, peers.py and ref.c in $shared (Benchmarks/Peers in a clone; or set TNR_SHARED_BENCH)"
shared=$(cd "$shared" && pwd)
if [ -n "${PYTHON:-}" ]; then
  PY=$PYTHON
  command -v "$PY" >/dev/null || die "$PY not found"
else
  venv=${TNR_BENCH_VENV:-$here/.venv}
  if [ ! -x "$venv/bin/python" ]; then
    command -v python3 >/dev/null || die "python3 not found (or set PYTHON)"
    log "creating the virtual environment $venv"
    python3 -m venv "$venv" || die "python3 -m venv $venv failed (install python3-venv, or set PYTHON)"
  fi
  PY=$venv/bin/python
fi
command -v gcc >/dev/null || die "gcc not found (needed for the C reference)"
command -v swift >/dev/null || die "swift not found"

# 1. Working directory (TNR_SHARED_BENCH is left untouched), with copies of the scripts; data
#    files that TNR_SHARED_BENCH/data already holds are linked, not regenerated.
work=${TNR_BENCH_WORK:-$here/.work}
mkdir -p "$work/data"
work=$(cd "$work" && pwd)
if [ "$work" != "$shared" ]; then
  for f in gen.py peers.py ref.c; do
    rm -f "$work/$f"
    cp "$shared/$f" "$work/$f"
  done
  for f in $(for n in ${SIZES//,/ }; do echo "tnr_$n.bin"; done) ${CSV:+tnr_$CSV.csv}; do
    if [ ! -e "$work/data/$f" ] && [ -f "$shared/data/$f" ] && [ -f "$shared/data/$f.json" ]; then
      ln -s "$shared/data/$f" "$work/data/$f"
      cp "$shared/data/$f.json" "$work/data/$f.json"
    fi
  done
fi
log "working in $work"

# 2. Python packages (numpy is needed by gen.py; the rest only by the peers asked for).
need="numpy"
for p in ${PEERS//,/ }; do
  case $p in
    numpy) ;;
    pandas) need="$need pandas" ;;
    polars) need="$need polars" ;;
    duckdb) need="$need duckdb pyarrow" ;;
    *) die "unknown peer $p (numpy, polars, duckdb, pandas)" ;;
  esac
done
[ -n "$WORKBOOK" ] && need="$need openpyxl fastexcel"
missing=""
for m in $need; do "$PY" -c "import $m" 2>/dev/null || missing="$missing $m"; done
if [ -n "$missing" ]; then
  log "installing missing Python packages into $("$PY" -c 'import sys; print(sys.prefix)'):$missing"
  pins=""
  for m in $missing; do
    case $m in
      pandas) pins="$pins pandas==3.1.1" ;;
      polars) pins="$pins polars==2.1.0" ;;
      duckdb) pins="$pins duckdb==2.0.0" ;;
      pyarrow) pins="$pins pyarrow==26.0.1" ;;
      *) pins="$pins $m" ;;
    esac
  done
  # shellcheck disable=SC2086
  "$PY" -m pip install --quiet $pins
fi

# 3. Data (deterministic; gen.py skips files its meta says are present), C reference, Swift.
log "generating data (binary N=$SIZES, CSV N=${CSV:-none})"
"$PY" "$work/gen.py" --out "$work/data" --bin "$SIZES" --csv "$CSV"
log "building the C reference"
gcc -O3 -march=native -pthread -Wall -o "$work/data/ref" "$work/ref.c"
log "building tnr-benchmark (release)"
(cd "$repo" && swift build -c release --product tnr-benchmark >&2)
bench="$(cd "$repo" && swift build -c release --show-bin-path)/tnr-benchmark"
if [ -n "$RECORDS" ]; then
  (cd "$repo" && swift build -c release --product tnr >&2)
fi
tnr="$(cd "$repo" && swift build -c release --show-bin-path)/tnr"

# 4. Measurements, C and Swift back to back at each size.
res=$work/data/compare-results.jsonl
: > "$res"
"$PY" "$work/peers.py" env >> "$res"
log "C: memory bandwidth"
"$work/data/ref" bw 1024 7 >> "$res"
for n in ${SIZES//,/ }; do
  reps=7
  [ "$n" = 1e8 ] && reps=5
  log "C: count N=$n"
  "$work/data/ref" count "$work/data/tnr_$n.bin" "$reps" >> "$res"
  for t in $THREADS; do
    log "Swift: count N=$n, $t thread(s)"
    "$bench" columns "$work/data/tnr_$n.bin" --threads "$t" --repetitions "$reps" --format json >> "$res" \
      || die "tnr-benchmark columns failed for N=$n (wrong checksum?)"
  done
done
for p in ${PEERS//,/ }; do
  log "$p: count N=$SIZES"
  "$PY" "$work/peers.py" count --peer "$p" --sizes "$SIZES" >> "$res"
done
if [ -n "$CSV" ]; then
  csv=$work/data/tnr_$CSV.csv
  log "C: CSV end to end N=$CSV"
  "$work/data/ref" csv "$csv" 7 >> "$res"
  for t in $THREADS; do
    log "Swift: CSV end to end N=$CSV, $t thread(s)"
    "$bench" csv "$csv" --threads "$t" --repetitions 7 --format json >> "$res" \
      || die "tnr-benchmark csv failed for N=$CSV (wrong checksum?)"
  done
  for p in ${PEERS//,/ }; do
    [ "$p" = numpy ] && continue  # numpy has no CSV peer
    log "$p: CSV end to end N=$CSV"
    "$PY" "$work/peers.py" e2e --peer "$p" --size "$CSV" >> "$res"
  done
fi

frontdoors=""
if [ -n "$RECORDS" ]; then
  rows=$("$PY" -c "print(int(float('$RECORDS')))")
  canonical=$work/data/canonical_$RECORDS.csv
  if [ ! -f "$canonical" ]; then
    log "generating the canonical CSV N=$RECORDS"
    "$bench" scale generate "$canonical" --rows "$rows" >&2
  fi
  fd_peers=""
  for p in ${PEERS//,/ }; do
    case $p in pandas|polars) fd_peers="$fd_peers${fd_peers:+,}$p" ;; esac
  done
  log "front doors N=$RECORDS: tnr count/report/validate, records, $fd_peers"
  frontdoors=$("$PY" "$here/front-doors.py" "$canonical" --tnr "$tnr" --bench "$bench" --reps 3 \
    --peers "$fd_peers" --out "$res")
if [ -n "$WORKBOOK" ]; then
  xlsx=$work/data/workbook_$WORKBOOK.xlsx
  if [ ! -f "$xlsx" ]; then
    log "generating the workbook N=$WORKBOOK (openpyxl)"
    "$PY" "$here/workbook-peers.py" generate "$xlsx" --rows "$WORKBOOK"
  fi
  log "Swift: workbook N=$WORKBOOK"
  "$bench" workbook "$xlsx" --repetitions 5 --format json >> "$res" \
    || die "tnr-benchmark workbook failed for N=$WORKBOOK"
  for p in fastexcel openpyxl zlib; do
    log "$p: workbook N=$WORKBOOK"
    reps=5
    [ "$p" = openpyxl ] && reps=1
    "$PY" "$here/workbook-peers.py" time "$xlsx" --peer "$p" --repetitions "$reps" >> "$res"
  done
fi

# 5. Reports.
echo
"$PY" "$work/peers.py" report "$res"
echo
"$PY" - "$res" <<'PYEOF'
import json, sys

recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
count = [r for r in recs if r.get("group") == "count"]
sizes = sorted({r["n"] for r in count})

def tag(n):
    e = len(str(n)) - 1
    return f"1e{e}" if n == 10 ** e else str(n)

def best(pred, n):
    """Fastest median among the records matching pred at size n: (rows/s, record)."""
    rs = [r for r in count if r["n"] == n and pred(r)]
    if not rs:
        return None
    r = min(rs, key=lambda r: r["median_s"])
    return r["n"] / r["median_s"], r

is_swift = lambda r: r["peer"].startswith("Swift")
peers = [
    ("C best 1-thr", lambda r: r["peer"].startswith("C") and r["threads"] == 1),
    ("C best 2-thr", lambda r: r["peer"].startswith("C") and r["threads"] == 2),
    ("numpy fuse+bincount", lambda r: r["peer"] == "numpy" and "np.bincount" in r["variant"]
        and r["variant"].startswith("fuse")),
    ("duckdb", lambda r: r["peer"] == "duckdb"),
    ("polars", lambda r: r["peer"] == "polars"),
    ("pandas", lambda r: r["peer"] == "pandas"),
]
print("### Swift CountingKernel vs peers (same run; ratio = Swift rows/s / peer rows/s, >1 = Swift faster)")
print()
print("| N | Swift threads | Swift ms | Swift Mrows/s | checksum | "
      + " | ".join(name for name, _ in peers) + " |")
print("|---:|---:|---:|---:|---|" + "---:|" * len(peers))
for n in sizes:
    for r in sorted((r for r in count if r["n"] == n and is_swift(r)), key=lambda r: r["threads"]):
        rate = r["n"] / r["median_s"]
        ok = r.get("checksum_ok")
        ck = f"{r['checksum']} {'ok' if ok else 'MISMATCH' if ok is False else '?'}"
        cells = []
        for name, pred in peers:
            b = best(pred, n)
            cells.append(f"{rate / b[0]:.2f}x ({b[0] / 1e6:,.0f} M/s)" if b else "-")
        print(f"| {tag(n)} | {r['threads']} | {r['median_s'] * 1e3:,.2f} | {rate / 1e6:,.0f} | {ck} | "
              + " | ".join(cells) + " |")
bw = [r for r in recs if r.get("group") == "bw"]
if bw:
    print()
    print("Memory bound (5 bytes/row) in this run: " + "; ".join(
        f"{r['variant']}: {r['bound_rows_per_s'] / 1e9:.2f} G rows/s" for r in bw))

e2e = [r for r in recs if r.get("group") == "e2e"]
swift_e2e = sorted((r for r in e2e if is_swift(r)), key=lambda r: r["threads"])
if swift_e2e:
    def fastest(pred):
        rs = [r for r in e2e if pred(r) and r.get("match", r.get("checksum_ok")) is not False]
        return min(rs, key=lambda r: r["median_s"]) if rs else None
    csv_peers = [
        ("polars scan_csv+group_by", lambda r: r["peer"] == "polars" and "scan_csv" in r["variant"]),
        ("polars read_csv+group_by", lambda r: r["peer"] == "polars" and "read_csv" in r["variant"]),
        ("duckdb read_csv GROUP BY", lambda r: r["peer"] == "duckdb"),
        ("pandas best (NA kept)", lambda r: r["peer"] == "pandas"),
        ("C fixed-schema e2e", lambda r: r["peer"].startswith("C")),
    ]
    n = swift_e2e[0]["n"]
    print()
    print(f"### CSV end to end, N={tag(n)} (gen.py's CSV, file in page cache; ratio = Swift rows/s / peer rows/s, >1 = Swift faster)")
    print()
    print("Swift: IncidentColumns.read through a ColumnMapping with full validation (every rule, ids unique) "
          "+ countIncidents by (host, category, year). C: fixed-schema parse (no validation) + count.")
    print()
    print("| N | Swift threads | Swift ms | Swift Mrows/s | checksum | "
          + " | ".join(name for name, _ in csv_peers) + " |")
    print("|---:|---:|---:|---:|---|" + "---:|" * len(csv_peers))
    for r in swift_e2e:
        rate = r["n"] / r["median_s"]
        ok = r.get("checksum_ok")
        ck = f"{r['checksum']} {'ok' if ok else 'MISMATCH' if ok is False else '?'}"
        cells = []
        for name, pred in csv_peers:
            b = fastest(pred)
            cells.append(f"{rate / (b['n'] / b['median_s']):.2f}x ({b['n'] / b['median_s'] / 1e6:,.1f} M/s)"
                         if b else "-")
        print(f"| {tag(r['n'])} | {r['threads']} | {r['median_s'] * 1e3:,.1f} | {rate / 1e6:,.1f} | {ck} | "
              + " | ".join(cells) + " |")

wb = [r for r in recs if r.get("group") == "workbook"]
if wb:
    print()
    print("### Workbook (.xlsx) read, same run (ratio = Swift rows/s / peer rows/s, >1 = Swift faster)")
    print()
    print("| reader | rows | median s | rows/s | Swift ratio | inflate MB/s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    swift = next((r for r in wb if r["peer"].startswith("Swift")), None)
    for r in wb:
        rate = r.get("rows_per_s")
        ratio = f"{swift['rows_per_s'] / rate:.2f}x" if swift and rate and r is not swift else "-"
        mbs = r.get("inflate_mb_per_s")
        print(f"| {r['peer']} | {r.get('rows', '-')} | {r['median_s']:.3f} | "
              f"{f'{rate:,.0f}' if rate else '-'} | {ratio} | {f'{mbs:,.0f}' if mbs else '-'} | "
              f"{r['peak_rss_bytes'] / 1e6:,.0f} |")
PYEOF
if [ -n "$frontdoors" ]; then
  echo
  printf '%s\n' "$frontdoors" | grep -v '^{'
fi
log "done; raw results in $res"
