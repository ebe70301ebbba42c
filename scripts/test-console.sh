#!/usr/bin/env bash
# The console's end-to-end test in a real browser: Debian's chromium, headless, driven by Playwright for
# Python (in a venv this script creates; no browser download). Builds jobmatchd and jobmatch (debug),
# starts the daemon on a temporary database with the bundled sample on a free loopback port, runs last
# night's batch three weeks back (so there are pushes on record), and drives scripts/console_e2e.py.
# Screenshots go to out/console-shots/. Skips with a message only when no browser can be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$chromium" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "test-console: installing Debian's chromium" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || true
  fi
fi
# A Chinese font, so the screenshots can be read (office PCs have one; a bare server may not).
if ! fc-list :lang=zh 2>/dev/null | grep -q . && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei >/dev/null 2>&1 || true
fi
if [[ ! -x "$chromium" ]]; then
  echo "test-console: SKIPPED — no chromium at $chromium and it cannot be installed here (set CHROMIUM=/path/to/chromium)" >&2
  exit 0
fi

# The console must stay light: under 300 KB before compression.
bytes=$(cat Sources/JobMatchServer/Console/* | wc -c)
echo "test-console: console files $bytes bytes"
if (( bytes >= 300 * 1024 )); then echo "test-console: FAILED — the console is $bytes bytes, over 300 KB" >&2; exit 1; fi

venv=out/.venv-console
if [[ ! -x $venv/bin/python ]] || ! $venv/bin/python -c "import playwright" 2>/dev/null; then
  python3 -m venv "$venv"
  $venv/bin/pip install -q --disable-pip-version-check "playwright>=1.40"
fi

for product in jobmatchd jobmatch; do
  swift build --product "$product" > out/console-build.log 2>&1 || { cat out/console-build.log >&2; echo "test-console: FAILED — build" >&2; exit 1; }
done
bin=$(swift build --show-bin-path)

tmp=$(mktemp -d /tmp/jobmatch-console-e2e.XXXXXX)
daemon=""
cleanup() {
  if [[ -n "$daemon" ]]; then kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# Tokens: an operator, and a caseworker for the one district with the most seekers in the sample (picked now,
# so a regenerated sample works too).
export E2E_OPERATOR_TOKEN=$(python3 -c "import secrets; print(secrets.token_hex(32))")
export E2E_CASEWORKER_TOKEN=$(python3 -c "import secrets; print(secrets.token_hex(32))")
export E2E_DISTRICT=$(python3 - <<'PY'
import json, collections
c = collections.Counter()
for line in open("datasets/sample/applicants.jsonl", encoding="utf-8"):
    if line.strip():
        a = json.loads(line)
        if a.get("status") == "seeking": c[a["district"]] += 1
print(c.most_common(1)[0][0])
PY
)
python3 - "$tmp/tokens.json" <<'PY'
import hashlib, json, os, sys
h = lambda t: hashlib.sha256(t.encode()).hexdigest()
json.dump({"tokens": [
    {"name": "e2e.operator", "role": "operator", "sha256": h(os.environ["E2E_OPERATOR_TOKEN"])},
    {"name": "e2e.caseworker", "role": "caseworker", "districts": [os.environ["E2E_DISTRICT"]], "sha256": h(os.environ["E2E_CASEWORKER_TOKEN"])},
]}, open(sys.argv[1], "w"))
PY
chmod 600 "$tmp/tokens.json"   # jobmatchd refuses a tokens file open to others
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
export E2E_URL="http://127.0.0.1:$port"

"$bin/jobmatchd" --db "$tmp/jobmatch.sqlite" --host 127.0.0.1 --port "$port" --log-level warning > "$tmp/daemon.log" 2>&1 &
daemon=$!
for _ in $(seq 1 600); do
  if curl -fs "$E2E_URL/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$daemon" 2>/dev/null; then cat "$tmp/daemon.log" >&2; echo "test-console: FAILED — jobmatchd exited" >&2; exit 1; fi
  sleep 0.2
done
curl -fs "$E2E_URL/readyz" >/dev/null || { echo "test-console: FAILED — jobmatchd never became ready" >&2; exit 1; }

# Last night's pushes, three weeks back, so some people have pushes without a response for weeks.
back=$(python3 -c "import datetime as d; print((d.datetime.now(d.timezone(d.timedelta(hours=8))) - d.timedelta(days=21)).replace(microsecond=0).isoformat())")
"$bin/jobmatch" batch --db "$tmp/jobmatch.sqlite" --as-of "$back" --out "$tmp/night.jsonl" --force >/dev/null 2>"$tmp/batch.log" \
  || { cat "$tmp/batch.log" >&2; echo "test-console: FAILED — the batch did not run" >&2; exit 1; }

mkdir -p out/console-shots
E2E_SHOTS="$root/out/console-shots" CHROMIUM="$chromium" $venv/bin/python scripts/console_e2e.py
