#!/usr/bin/env bash
# The city-scale night: `jobmatch batch` over APPLICANTS × JOBS (default 200,000 × 200,000, d = 256,
# k = 10, caps and every hard rule on) beside FAISS exact search (IndexFlatIP, top-k by inner product,
# no rules) on the very vectors the batch scores, in the same run. Prints the time ratio, peak memory
# against the raw float32 matrices plus the output, coverage and the largest exposure per opening.
#
#   scripts/bench-batch.sh                      # APPLICANTS=200000 JOBS=200000 THREADS=2 OUT=out/bench-batch
#   DB=path/to/imported.sqlite AS_OF=2026-11-30T09:00:00+08:00 SKIP_BUILD=1 BUILD_PATH=.build-release scripts/bench-batch.sh
#
# DB: start every run from a copy of this imported database instead of generating and importing a market
# (it must hold no published run at AS_OF or later; AS_OF is then required). SKIP_BUILD=1 uses the binary
# already in BUILD_PATH.
#
# Run it once with OPENBLAS_CORETYPE=Haswell exported and once without; the output hashes should agree.
# Needs /usr/bin/time and python3 (faiss-cpu and numpy go into .build/bench-venv from PyPI when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
APPLICANTS=${APPLICANTS:-200000}
JOBS=${JOBS:-200000}
THREADS=${THREADS:-2}
K=${K:-10}
OUT=${OUT:-out/bench-batch}
BUILD_PATH=${BUILD_PATH:-.build}
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>}, $THREADS threads"

[[ -n "${SKIP_BUILD:-}" ]] || swift build -c release --scratch-path "$BUILD_PATH" --product jobmatch >&2
J="$BUILD_PATH/release/jobmatch"
venv=.build/bench-venv
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  "$venv/bin/pip" install --quiet faiss-cpu numpy
fi
mkdir -p "$OUT"
if [[ -n "${DB:-}" ]]; then
  AS_OF=${AS_OF:?AS_OF is needed with DB}
  PRISTINE=$DB
else
  if [[ ! -f "$OUT/data/manifest.json" ]]; then
    # Postings live 30-90 days; a 30-day period keeps most of them open at as_of.
    "$J" generate --out "$OUT/data" --applicants "$APPLICANTS" --jobs "$JOBS" --days 30 >&2
  fi
  AS_OF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$OUT/data/manifest.json")
  if [[ ! -f "$OUT/pristine.sqlite" ]]; then
    "$J" import "$OUT/data" --db "$OUT/pristine.sqlite.tmp" >&2
    mv "$OUT/pristine.sqlite.tmp" "$OUT/pristine.sqlite"
  fi
  PRISTINE=$OUT/pristine.sqlite
fi
# Every run starts from the same database (a published night records pushes that the next would suppress).
rm -rf "$OUT"/night.* "$OUT"/run.sqlite*
cp "$PRISTINE" "$OUT/run.sqlite"
echo "load average before the night: $(cut -d" " -f1-3 /proc/loadavg)"
# The 1-minute load average every 10 s while the night runs (the mean is printed after it).
(while sleep 10; do cut -d" " -f1 /proc/loadavg; done) > "$OUT/night.load" &
sampler=$!

# 1. The night, as cron would run it, under /usr/bin/time for wall time and peak memory.
/usr/bin/time -v "$J" batch --db "$OUT/run.sqlite" --as-of "$AS_OF" -k "$K" --threads "$THREADS" --out "$OUT/night.jsonl" \
  > "$OUT/night.summary" 2> "$OUT/night.time"
kill "$sampler"
echo "load average after the night: $(cut -d" " -f1-3 /proc/loadavg); mean during it $(awk '{s+=$1} END {if (NR) printf "%.1f", s/NR}' "$OUT/night.load")"
cat "$OUT/night.summary"
grep -E "^phases:" "$OUT/night.time" || true

# 2. The same vectors for FAISS (not timed).
"$J" batch --db "$OUT/run.sqlite" --as-of "$AS_OF" --export-vectors "$OUT/vectors" >&2

# 3. FAISS and the figures.
OMP_NUM_THREADS="$THREADS" "$venv/bin/python" scripts/bench_batch.py "$OUT" "$K" "$THREADS"
echo "load average after FAISS: $(cut -d" " -f1-3 /proc/loadavg)"
