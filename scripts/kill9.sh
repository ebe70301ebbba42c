#!/usr/bin/env bash
# kill -9 tests of `jobmatch import` and `jobmatch batch`: the database stays intact (integrity_check) and
# unchanged-or-complete; a killed night rerun to the end writes byte-identical output. Not run in CI.
#
#   scripts/kill9.sh        # IMPORT_RUNS=20 BATCH_RUNS=10 APPLICANTS=6000 JOBS=3000 BUILD=release
#
# Figures: docs/reliability.md, "kill -9".
set -euo pipefail
cd "$(dirname "$0")/.."
IMPORT_RUNS=${IMPORT_RUNS:-20}
BATCH_RUNS=${BATCH_RUNS:-10}
APPLICANTS=${APPLICANTS:-6000}
JOBS=${JOBS:-3000}
BUILD=${BUILD:-release}
OUT=${OUT:-out/kill9}
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"
swift build -c "$BUILD" --product jobmatch >&2
J=$(swift build -c "$BUILD" --show-bin-path)/jobmatch
rm -rf "$OUT" && mkdir -p "$OUT"
"$J" generate --out "$OUT/data" --applicants "$APPLICANTS" --jobs "$JOBS" --seed 5 >&2
"$J" generate --out "$OUT/other" --applicants 500 --jobs 300 --seed 6 >&2
"$J" import "$OUT/other" --db "$OUT/baseline.sqlite" >&2
cp "$OUT/baseline.sqlite" "$OUT/complete.sqlite"
"$J" import "$OUT/data" --db "$OUT/complete.sqlite" >&2
AS_OF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$OUT/data/manifest.json")
python3 scripts/kill9.py "$J" "$OUT" --import-runs "$IMPORT_RUNS" --batch-runs "$BATCH_RUNS" --as-of "$AS_OF"
