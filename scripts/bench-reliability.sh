#!/usr/bin/env bash
# Reliability figures for docs/reliability.md ("Under import and batch", "Flood", "Slow clients"):
# jobmatchd serving lists on a 2,000 × 1,000 market while `jobmatch import` writes 20,000 applicants ×
# 8,000 postings into its database (many replacing what it serves) and `jobmatch batch` publishes a night on
# it; then 1,000 concurrent candidate calls beside the lists; then 500 slow-loris connections.
# Everything talks to 127.0.0.1 only; every loop is bounded.
#
#   scripts/bench-reliability.sh        # PORT=18380 APPLICANTS=20000 JOBS=8000 BUILD=release BUILD_PATH=.build-release
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18380}
APPLICANTS=${APPLICANTS:-20000}
JOBS=${JOBS:-8000}
OUT=${OUT:-out/bench-reliability}
BUILD=${BUILD:-release}
BUILD_PATH=${BUILD_PATH:-.build-release}
AS_OF=${AS_OF:-2026-11-30T09:00:00+08:00}
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"
ulimit -n 8192 2>/dev/null || true

swift build -c "$BUILD" --scratch-path "$BUILD_PATH" --product jobmatch >&2
swift build -c "$BUILD" --scratch-path "$BUILD_PATH" --product jobmatchd >&2
J=$BUILD_PATH/$BUILD/jobmatch
mkdir -p "$OUT"
# The daemon's market, and the import: a different market whose ids overlap (postings J0000001… are
# replaced by others, many no longer open) and go beyond (new postings and people).
[ -f "$OUT/base/jobs.jsonl" ] || "$J" generate --out "$OUT/base" --applicants 2000 --jobs 1000 --seed 11 --days 30 --as-of "$AS_OF" >&2
[ -f "$OUT/import/jobs.jsonl" ] || "$J" generate --out "$OUT/import" --applicants "$APPLICANTS" --jobs "$JOBS" --seed 12 --days 30 --as-of "$AS_OF" >&2
# The issue's case: of the import's postings that replace ones the daemon serves, 7 in 10 are no longer
# open at as_of (filled, closed, or expired before it), as after a day of placements.
if [ ! -f "$OUT/import/.stale-made" ]; then
  python3 - "$OUT/base/jobs.jsonl" "$OUT/import/jobs.jsonl" "$AS_OF" <<'PY'
import json, sys
from datetime import datetime, timedelta
base = {json.loads(l)["id"] for l in open(sys.argv[1])}
t = datetime.fromisoformat(sys.argv[3])
lines = []
n = 0
for line in open(sys.argv[2]):
    j = json.loads(line)
    if j["id"] in base:
        n += 1
        kind = n % 10
        if kind < 3: j["status"] = "filled"
        elif kind < 5: j["status"] = "closed"
        elif kind < 7:
            j["status"] = "open"
            j["posted_at"] = (t - timedelta(days=40)).isoformat()
            j["expires_at"] = (t - timedelta(days=1)).isoformat()
    lines.append(json.dumps(j, ensure_ascii=False, separators=(",", ":")))
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PY
  touch "$OUT/import/.stale-made"
fi
rm -f "$OUT"/db.sqlite* "$OUT"/batch.jsonl
rm -rf "$OUT"/batch.jsonl.work
"$J" import "$OUT/base" --db "$OUT/db.sqlite" >&2
python3 - "$OUT" <<'PY'
import hashlib, json, sys
out = sys.argv[1]
tokens = {"operator": "bench-operator-token", "evaluator": "bench-evaluator-token"}
json.dump({"tokens": [{"name": "bench-" + r, "role": r, "sha256": hashlib.sha256(t.encode()).hexdigest()} for r, t in tokens.items()]},
          open(out + "/tokens.json", "w"))
json.dump(tokens, open(out + "/plain-tokens.json", "w"))
PY
chmod 600 "$OUT/tokens.json" "$OUT/plain-tokens.json"   # jobmatchd refuses a tokens file open to others
printf '{"sample": null, "coalescing_window_ms": 2, "header_timeout_s": 10}\n' > "$OUT/config.json"
"$BUILD_PATH/$BUILD/jobmatchd" --db "$OUT/db.sqlite" --port "$PORT" --config "$OUT/config.json" --log-level warning \
  2> "$OUT/daemon.log" &
DAEMON=$!
trap 'kill -TERM $DAEMON 2>/dev/null || true; wait $DAEMON 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs "127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
python3 scripts/bench_reliability.py --port "$PORT" --db "$OUT/db.sqlite" --jobmatch "$J" --import-dir "$OUT/import" \
  --as-of "$AS_OF" --tokens "$OUT/plain-tokens.json" --out "$OUT" "$@"
echo "daemon peak RSS: $(grep VmHWM /proc/$DAEMON/status | awk '{print $2, $3}')"
