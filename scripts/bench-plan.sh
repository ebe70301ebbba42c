#!/usr/bin/env bash
# Plans at city scale beside the person's own list, on one generated market in one run:
# generate APPLICANTS × JOBS (default 200,000 × 200,000, 30 days, generator 2.1.0: courses, services, households),
# import, then `jobmatch plan --survey N` (time per plan, the share per track, and for the first PAIRED people the
# plan's time against the same person's list, `recommend` k = 10, p50/p99 of both and the ratio per person; bar:
# a plan within 2× of the list), then `jobmatch followups` (every district, due this month), timed.
#
#   scripts/bench-plan.sh                       # APPLICANTS=200000 JOBS=200000 N=10000 PAIRED=1000 OUT=out/bench-plan
#   SKIP_BUILD=1 N=2000 scripts/bench-plan.sh   # reuse the build (and the market already in OUT)
#   DB=path/to/db.sqlite scripts/bench-plan.sh  # plan on an imported database instead (AS_OF from the environment)
set -euo pipefail
cd "$(dirname "$0")/.."
APPLICANTS=${APPLICANTS:-200000}
JOBS=${JOBS:-200000}
SEED=${SEED:-16}
N=${N:-10000}
PAIRED=${PAIRED:-1000}
OUT=${OUT:-out/bench-plan}
BUILD_PATH=${BUILD_PATH:-.build-release}
[[ -n "${SKIP_BUILD:-}" ]] || swift build -c release --scratch-path "$BUILD_PATH" --product jobmatch >&2
J="$BUILD_PATH/release/jobmatch"
mkdir -p "$OUT"
if [[ -z "${DB:-}" ]]; then
  if [[ ! -f "$OUT/data/manifest.json" ]]; then
    /usr/bin/time -v "$J" generate --out "$OUT/data" --applicants "$APPLICANTS" --jobs "$JOBS" --days 30 --seed "$SEED" \
      > /dev/null 2> "$OUT/generate.time"
  fi
  AS_OF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$OUT/data/manifest.json")
  if [[ ! -f "$OUT/db.sqlite" ]]; then
    /usr/bin/time -v "$J" import "$OUT/data" --db "$OUT/db.sqlite.tmp" > /dev/null 2> "$OUT/import.time"
    mv "$OUT/db.sqlite.tmp" "$OUT/db.sqlite"
  fi
  DB="$OUT/db.sqlite"
fi
AS_OF=${AS_OF:-2026-11-30T09:00:00+08:00}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"
/usr/bin/time -v "$J" plan --db "$DB" --survey "$N" --paired "$PAIRED" --as-of "$AS_OF" > "$OUT/survey.txt" 2> "$OUT/survey.time"
echo "load after the plans: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
/usr/bin/time -v "$J" followups --db "$DB" --as-of "$AS_OF" --json > "$OUT/followups.json" 2> "$OUT/followups.time"
echo "load after the follow-ups: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
cat "$OUT/survey.txt"
grep -E "Elapsed|User time" "$OUT/survey.time" | sed 's/^\s*/plan survey: /'
python3 - "$OUT/followups.json" "$OUT/followups.time" <<'PY'
import json, re, sys, collections
data = json.load(open(sys.argv[1]))
items = data["followups"] if isinstance(data, dict) else data
kinds = collections.Counter(i["kind"] for i in items)
people = len({i["applicant"] for i in items})
overdue = sum(1 for i in items if i.get("overdue"))
t = open(sys.argv[2]).read()
wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", t).group(1)
user = re.search(r"User time \(seconds\): (\S+)", t).group(1)
print(f"followups: {len(items)} items for {people} people ({overdue} overdue) in {wall} wall, {user} s user; "
      + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
PY
