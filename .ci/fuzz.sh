#!/usr/bin/env bash
# Builds the libFuzzer targets (FuzzCSV, FuzzJSON, FuzzCommandLine, FuzzImport, FuzzZip,
# FuzzSheet) with the address sanitizer and runs each for SECONDS (default 30: six targets in the
# time three took at 60). A crash, a broken check, a memory error found by ASan or an input slower
# than 25 s fails the script and prints the input that did it (saved under
# .build-fuzz/artifacts/<target>/, replayable with `swift run <target> FILE`).
#
#   .ci/fuzz.sh [SECONDS] [TARGET...]
#
# The seed corpora are Tests/Fixtures/fuzz/<target>/ (and Tests/Fixtures/csv/ for FuzzCSV), with
# the dictionaries Tests/Fixtures/fuzz/<target>.dict (FuzzImport also takes the import corpus
# Tests/Fixtures/import/corpus/); what the fuzzer adds goes to
# .build-fuzz/corpus/<target>/, never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-30}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(FuzzCSV FuzzJSON FuzzCommandLine FuzzImport FuzzZip FuzzSheet)
scratch=$root/.build-fuzz
# Not `--sanitize=fuzzer --sanitize=address`: SwiftPM passes them as two -sanitize= flags in an
# order that changes from build to build, and swiftc keeps only the last, so a build got either
# coverage or ASan, never both. `--sanitize=fuzzer` makes SwiftPM link a libFuzzer executable;
# the combined flag after it (the last -sanitize= wins) instruments for both.
# -enable-testing lets the harness turn internal knobs (the columnar import's block size).
flags=(-c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
  -Xswiftc -DTNR_FUZZING -Xswiftc -enable-testing --scratch-path "$scratch")

mkdir -p "$scratch"
for target in "${targets[@]}"; do
  # (The linker's "Cannot export local symbol '__asan_…'" warnings are harmless; they stay in the log.)
  if ! swift build "${flags[@]}" --product "$target" > "$scratch/build-$target.log" 2>&1; then
    grep -v "Cannot export local symbol" "$scratch/build-$target.log" >&2
    echo "error: building $target for fuzzing failed" >&2
    exit 1
  fi
  grep -E "^Build" "$scratch/build-$target.log" || true
done
bin=$(swift build "${flags[@]}" --show-bin-path)

export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=detect_leaks=0
for target in "${targets[@]}"; do
  [[ -x $bin/$target ]] || { echo "error: $bin/$target was not built" >&2; exit 1; }
  if ! nm "$bin/$target" | grep 'asan.module_ctor' > /dev/null; then
    echo "error: $target is not instrumented by the address sanitizer" >&2
    exit 1
  fi
  corpus=$scratch/corpus/$target
  artifacts=$scratch/artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  seeds=("$root/Tests/Fixtures/fuzz/$target")
  if [[ $target == FuzzCSV ]]; then
    seeds+=("$root/Tests/Fixtures/csv/bad" "$root/Tests/Fixtures/csv/tricky")
  fi
  if [[ $target == FuzzImport ]]; then
    seeds+=("$root/Tests/Fixtures/import/corpus")
  fi
  log=$scratch/$target.log
  echo "-- $target: ${seconds}s"
  set +e
  # Absolute paths throughout: FuzzCommandLine works inside its own scratch directory.
  "$bin/$target" -max_total_time="$seconds" -timeout=25 -print_final_stats=1 \
    -dict="$root/Tests/Fixtures/fuzz/$target.dict" -artifact_prefix="$artifacts/" \
    "$corpus" "${seeds[@]}" > "$log" 2>&1
  status=$?
  set -e
  grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|^Done [0-9]+ runs|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$log" || true
  if ! grep -qE "^#[0-9]+[[:space:]]+INITED cov: [1-9]" "$log"; then
    echo "error: $target reports no coverage: it is not instrumented for libFuzzer" >&2
    grep -vE '^"' "$log" | head -n 20 >&2
    exit 1
  fi
  if [[ $status -ne 0 ]]; then
    echo "error: $target failed (exit $status)" >&2
    grep -vE '^"|^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$log" | tail -n 60 >&2
    for input in "$artifacts"/*; do
      [[ -f $input ]] || continue
      echo "input $input ($(wc -c < "$input") bytes):" >&2
      od -A d -c "$input" | head -n 40 >&2
    done
    exit 1
  fi
done
