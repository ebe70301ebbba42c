#!/usr/bin/env bash
# The supply-gap report at city scale beside the night's scoring phase, on the same database in the same run:
# generate APPLICANTS × JOBS (default 200,000 × 200,000), import, `jobmatch batch` (its phases), then
# `jobmatch insight` (its phases, report and CSV). Prints both scoring phases and their ratio (bar: ≤ 2).
#
#   scripts/bench-insight.sh                 # APPLICANTS=200000 JOBS=200000 THREADS=2 OUT=out/bench-insight
set -euo pipefail
cd "$(dirname "$0")/.."
APPLICANTS=${APPLICANTS:-200000}
JOBS=${JOBS:-200000}
THREADS=${THREADS:-2}
OUT=${OUT:-out/bench-insight}
BUILD_PATH=${BUILD_PATH:-.build-release}
[[ -n "${SKIP_BUILD:-}" ]] || swift build -c release --scratch-path "$BUILD_PATH" --product jobmatch >&2
J="$BUILD_PATH/release/jobmatch"
mkdir -p "$OUT"
if [[ ! -f "$OUT/data/manifest.json" ]]; then
  "$J" generate --out "$OUT/data" --applicants "$APPLICANTS" --jobs "$JOBS" --days 30 >&2
fi
AS_OF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$OUT/data/manifest.json")
if [[ ! -f "$OUT/pristine.sqlite" ]]; then
  "$J" import "$OUT/data" --db "$OUT/pristine.sqlite.tmp" >&2
  mv "$OUT/pristine.sqlite.tmp" "$OUT/pristine.sqlite"
fi
rm -rf "$OUT"/night.* "$OUT"/run.sqlite*
cp "$OUT/pristine.sqlite" "$OUT/run.sqlite"
/usr/bin/time -v "$J" batch --db "$OUT/run.sqlite" --as-of "$AS_OF" --threads "$THREADS" --out "$OUT/night.jsonl" \
  > "$OUT/night.summary" 2> "$OUT/night.time"
/usr/bin/time -v "$J" insight --db "$OUT/run.sqlite" --as-of "$AS_OF" --threads "$THREADS" --report "$OUT/insight.html" --csv "$OUT/csv" \
  > "$OUT/insight.txt" 2> "$OUT/insight.time"
night=$(grep -E "^phases:" "$OUT/night.time")
insight=$(grep -E "^phases:" "$OUT/insight.time")
echo "batch   $night"
echo "insight $insight"
python3 - "$night" "$insight" <<'PY'
import re, sys
def phase(line, name):
    # `scoring 73.3 s` (the batch) or the sum of `scoring:lists 30.1 s, scoring:outreach 4.2 s` (the report)
    found = re.findall(name + r"(?::\w+)? ([0-9.]+) s", line)
    return sum(float(x) for x in found) if found else None
n, i = phase(sys.argv[1], "scoring"), phase(sys.argv[2], "scoring")
print(f"scoring: batch {n:.1f} s, insight {i:.1f} s, ratio {i / n:.2f} (bar <= 2)")
PY
grep -E "Maximum resident" "$OUT/night.time" "$OUT/insight.time"
