#!/usr/bin/env bash
# Load benchmark of jobmatchd: a daemon holding ~200,000 open jobs, wrk at concurrency 1, 8 and 64
# (p50, p99, requests per second, errors), beside FAISS's one-query time (IndexFlatIP, exact inner
# product) on the same vectors, measured in the same run.
#
#   scripts/bench-daemon.sh                 # JOBS=200000 APPLICANTS=20000 DURATION=20s PORT=18080
#
# Knobs: OUT (folder), SKIP_BUILD=1 (use the binaries already built), REUSE_DB=1 (keep $OUT/db.sqlite from a
# previous run instead of importing again), LEVELS ("1 8 64"), APART ("limit free": the concurrency-1 groups),
# FAISS=0 (skip the peer; figures for the docs always come with it).
#
# Concurrency 1 is also run apart for 200 seekers with a commute limit and 200 without.
#
# Needs wrk (Debian) and python3 with numpy and faiss-cpu (installed into out/venv-bench from PyPI when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-200000}
APPLICANTS=${APPLICANTS:-20000}
DURATION=${DURATION:-20s}
PORT=${PORT:-18080}
OUT=${OUT:-out/bench-daemon}
BUILD=${BUILD:-release}   # debug only to try the script out; figures come from release
BUILD_PATH=${BUILD_PATH:-.build}
THREADS=${THREADS:-$(nproc)}   # the daemon's scoring_threads, and FAISS's
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"

LEVELS=${LEVELS-1 8 64}
APART=${APART-limit free}
FAISS=${FAISS:-1}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c "$BUILD" --scratch-path "$BUILD_PATH" --product jobmatch >&2
  swift build -c "$BUILD" --scratch-path "$BUILD_PATH" --product jobmatchd >&2
fi
J=$BUILD_PATH/$BUILD/jobmatch
mkdir -p "$OUT"
if [ ! -f "$OUT/data/jobs.jsonl" ]; then
  # Postings live 30-90 days; a 30-day period keeps most of them open at as_of.
  "$J" generate --out "$OUT/data" --applicants "$APPLICANTS" --jobs "$JOBS" --days 30 >&2
fi
AS_OF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$OUT/data/manifest.json")
if [ "${REUSE_DB:-0}" != 1 ] || [ ! -f "$OUT/db.sqlite" ]; then
  rm -f "$OUT"/db.sqlite* "$OUT"/tokens.json "$OUT"/operator.token
  "$J" import "$OUT/data" --db "$OUT/db.sqlite" >&2
fi
# The database is not new to jobmatchd after the import, so it makes no operator token: write one.
python3 - "$OUT" <<'PY'
import hashlib, json, sys
token = "bench-operator-token"
json.dump({"tokens": [{"name": "bench-operator", "role": "operator", "sha256": hashlib.sha256(token.encode()).hexdigest()}]},
          open(sys.argv[1] + "/tokens.json", "w"))
open(sys.argv[1] + "/operator.token", "w").write(token)
PY
chmod 600 "$OUT/tokens.json"   # jobmatchd refuses a tokens file open to others
printf '{"sample": null, "coalescing_window_ms": 0, "scoring_threads": %d}\n' "$THREADS" > "$OUT/config.json"
"$BUILD_PATH/$BUILD/jobmatchd" --db "$OUT/db.sqlite" --port "$PORT" --config "$OUT/config.json" --log-level warning &
DAEMON=$!
trap 'kill -TERM $DAEMON 2>/dev/null || true; wait $DAEMON 2>/dev/null || true' EXIT
until curl -fs "localhost:$PORT/readyz" >/dev/null; do sleep 1; done
TOKEN=$(cat "$OUT/operator.token")
METRICS=$(curl -fs "localhost:$PORT/metrics")
DIM=$(echo "$METRICS" | awk '/^jobmatch_index_dimension /{print int($2)}')
NJOBS=$(echo "$METRICS" | awk '/^jobmatch_index_jobs /{print int($2)}')
OPEN=$(python3 - "$OUT/data/jobs.jsonl" "$AS_OF" <<'PY'
import json, sys, datetime
t = datetime.datetime.fromisoformat(sys.argv[2])
n = 0
for line in open(sys.argv[1]):
    j = json.loads(line)
    if j["status"] == "open" and datetime.datetime.fromisoformat(j["posted_at"]) <= t < datetime.datetime.fromisoformat(j["expires_at"]):
        n += 1
print(n)
PY
)
# The requests: seekers' lists at the data set's as_of, cycling through 1,000 people; and, for concurrency 1
# apart, 200 seekers with a commute limit (and a home) and 200 without (no limit, or no home: every open posting).
write_requests() {  # $1: all | limit | free, $2: how many people
python3 - "$OUT/data/applicants.jsonl" "$AS_OF" "$TOKEN" "$1" "$2" <<'PY'
import json, sys, urllib.parse
ids = []
for line in open(sys.argv[1]):
    a = json.loads(line)
    if a["status"] != "seeking":
        continue
    limited = a.get("preferences", {}).get("max_commute_km") is not None and a.get("location") is not None
    if sys.argv[4] == "all" or (sys.argv[4] == "limit") == limited:
        ids.append(a["id"])
    if len(ids) == int(sys.argv[5]):
        break
q = urllib.parse.quote(sys.argv[2], safe="")
print('local ids = {' + ",".join('"%s"' % i for i in ids) + '}')
print('local n = 0')
print('wrk.headers["Authorization"] = "Bearer %s"' % sys.argv[3])
print('request = function() n = n + 1; return wrk.format("GET", "/v1/applicants/" .. ids[(n % #ids) + 1] .. "/recommendations?k=10&as_of=' + q + '") end')
print('done = function(summary, latency, requests)')
print('  io.write(string.format("RESULT p50_ms=%.3f p99_ms=%.3f rps=%.1f errors=%d non2xx=%d\\n", latency:percentile(50)/1000, latency:percentile(99)/1000, summary.requests/(summary.duration/1e6), summary.errors.connect+summary.errors.read+summary.errors.write+summary.errors.timeout, summary.errors.status))')
print('end')
PY
}
write_requests all 1000 > "$OUT/requests.lua"
write_requests limit 200 > "$OUT/requests-limit.lua"
write_requests free 200 > "$OUT/requests-free.lua"
echo "daemon: $NJOBS jobs indexed ($OPEN open at $AS_OF), dimension $DIM"
for C in $LEVELS; do
  T=$(( C < 4 ? C : 4 ))
  wrk -t "$T" -c "$C" -d "$DURATION" --timeout 10s -s "$OUT/requests.lua" "http://127.0.0.1:$PORT" > "$OUT/wrk-c$C.txt"
  echo "concurrency $C: $(grep RESULT "$OUT/wrk-c$C.txt" | sed 's/RESULT //')"
done
for GROUP in $APART; do
  wrk -t 1 -c 1 -d "$DURATION" --timeout 10s -s "$OUT/requests-$GROUP.lua" "http://127.0.0.1:$PORT" > "$OUT/wrk-c1-$GROUP.txt"
  echo "concurrency 1, 200 seekers $([ $GROUP = limit ] && echo with || echo without) a commute limit: $(grep RESULT "$OUT/wrk-c1-$GROUP.txt" | sed 's/RESULT //')"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$FAISS" = 1 ] || exit 0
# FAISS one query over a matrix of the same shape (flat search time depends only on n and d).
PY=python3
if ! python3 -c 'import faiss, numpy' 2>/dev/null; then
  [ -x out/venv-bench/bin/python ] || { python3 -m venv out/venv-bench && out/venv-bench/bin/pip install -q faiss-cpu numpy >&2; }
  PY=out/venv-bench/bin/python
fi
# FAISS one query on the same vectors: the open postings' rows and the requested people's vectors, as the
# daemon's model makes them (exported by the batch command at the same as_of), one query at a time, with
# the daemon's thread count and with one thread.
"$J" batch --db "$OUT/db.sqlite" --as-of "$AS_OF" --export-vectors "$OUT/vectors" >&2
"$PY" - "$OUT/vectors" "$THREADS" <<'PY'
import json, os, sys, time, numpy as np, faiss
folder, threads = sys.argv[1], int(sys.argv[2])
meta = json.load(open(os.path.join(folder, "meta.json")))
n, m, d = meta["jobs"], meta["applicants"], meta["dimension"]
x = np.fromfile(os.path.join(folder, "jobs.f32"), dtype=np.float32).reshape(n, d)
q = np.fromfile(os.path.join(folder, "applicants.f32"), dtype=np.float32).reshape(m, d)[:1000]
index = faiss.IndexFlatIP(d)
index.add(x)
for t in sorted({threads, 1}, reverse=True):
    faiss.omp_set_num_threads(t)
    for i in range(5): index.search(q[i:i+1], 10)
    times = []
    for i in range(len(q)):
        s = time.perf_counter(); index.search(q[i:i+1], 10); times.append(time.perf_counter() - s)
    times.sort()
    print("faiss IndexFlatIP one query (same vectors: n=%d open postings, d=%d, k=10, %d thread%s, %d queries): p50_ms=%.3f p99_ms=%.3f"
          % (n, d, t, "" if t == 1 else "s", len(q), times[len(q) // 2] * 1000, times[int(len(q) * 0.99)] * 1000))
PY
