#!/usr/bin/env bash
# Schema fuzzing of a live jobmatchd on loopback with schemathesis (PyPI): every check, a bounded number
# of examples per operation, the operator token. Exits non-zero on any failure. Not run in CI.
#
#   scripts/fuzz.sh                    # EXAMPLES=60 PORT=18230 SEED=15 BUILD=debug
#
# schemathesis is installed into out/fuzz-venv when missing. Figures: docs/reliability.md, "Schemathesis".
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18230}
EXAMPLES=${EXAMPLES:-60}
SEED=${SEED:-15}
BUILD=${BUILD:-debug}
OUT=${OUT:-out/fuzz}
VENV=out/fuzz-venv
SCHEMATHESIS_VERSION=${SCHEMATHESIS_VERSION:-4.32.5}
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"

if [ ! -x "$VENV/bin/schemathesis" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi
swift build -c "$BUILD" --product jobmatch >&2
swift build -c "$BUILD" --product jobmatchd >&2
BIN=$(swift build -c "$BUILD" --show-bin-path)
rm -rf "$OUT" && mkdir -p "$OUT"
"$BIN/jobmatch" generate --out "$OUT/data" --applicants 300 --jobs 200 --seed 15 >&2
"$BIN/jobmatch" import "$OUT/data" --db "$OUT/db.sqlite" >&2
printf '{"sample": null, "coalescing_window_ms": 0}\n' > "$OUT/config.json"
"$BIN/jobmatchd" --db "$OUT/db.sqlite" --host 127.0.0.1 --port "$PORT" --config "$OUT/config.json" --log-level error \
  > "$OUT/daemon.log" 2>&1 &
DAEMON=$!
trap 'kill -TERM $DAEMON 2>/dev/null || true; wait $DAEMON 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs "127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
TOKEN=$(cat "$OUT/operator.token")
# Existing records for the operations that read one (scripts/schemathesis.toml reads these).
export FUZZ_APPLICANT FUZZ_JOB
FUZZ_APPLICANT=$(python3 -c 'import json,sys; print(next(a["id"] for a in map(json.loads, open(sys.argv[1])) if a["status"] == "seeking"))' "$OUT/data/applicants.jsonl")
FUZZ_JOB=$(python3 -c 'import json,sys; print(next(j["id"] for j in map(json.loads, open(sys.argv[1])) if j["status"] == "open"))' "$OUT/data/jobs.jsonl")
set +e
"$VENV/bin/schemathesis" --config-file scripts/schemathesis.toml run docs/openapi.json \
  --url "http://127.0.0.1:$PORT" -H "Authorization: Bearer $TOKEN" \
  --checks all --max-examples "$EXAMPLES" --seed "$SEED" --workers 1 --generation-database none \
  --request-timeout 30 --report junit --report-junit-path "$OUT/junit.xml" --no-color 2>&1 | tee "$OUT/schemathesis.log"
STATUS=${PIPESTATUS[0]}
set -e
python3 - "$OUT/junit.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else list(root)
ops = sum(int(s.get("tests", 0)) for s in suites)
failures = sum(int(s.get("failures", 0)) for s in suites)
errors = sum(int(s.get("errors", 0)) for s in suites)
print(f"fuzz.sh: {ops} operations, {failures} operations with failures, {errors} with errors")
PY
if kill -0 $DAEMON 2>/dev/null; then echo "fuzz.sh: the daemon is still up"; else echo "fuzz.sh: THE DAEMON DIED"; STATUS=1; fi
exit "$STATUS"
