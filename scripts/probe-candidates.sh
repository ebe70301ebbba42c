#!/bin/bash
# The issue's candidates probe on the bundled sample: 30 jobs × k=50, as a 500103 caseworker and an evaluator.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=out/probe; rm -rf "$dir"; mkdir -p "$dir"
h() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
cat > "$dir/tokens.json" <<J
{"tokens":[{"name":"ops","role":"operator","sha256":"$(h op-probe)"},
{"name":"cw.500103","role":"caseworker","districts":["500103"],"sha256":"$(h cw-probe)"},
{"name":"eval.probe","role":"evaluator","sha256":"$(h ev-probe)"}]}
J
chmod 600 "$dir/tokens.json"
echo "{\"tokens\":\"$dir/tokens.json\"}" > "$dir/config.json"
.build/debug/jobmatchd --db "$dir/jobmatch.sqlite" --port 18100 --config "$dir/config.json" > "$dir/daemon.log" 2>&1 &
pid=$!
trap 'kill $pid' EXIT
for i in $(seq 1 600); do curl -sf localhost:18100/readyz >/dev/null && break; sleep 0.5; done
jobs=$(head -30 datasets/sample/jobs.jsonl | python3 -c 'import sys,json; print(" ".join(json.loads(l)["id"] for l in sys.stdin))')
python3 - "$dir" $jobs <<'P'
import sys, json, urllib.request, sqlite3
d = sys.argv[1]; jobs = sys.argv[2:]
db = sqlite3.connect(f"{d}/jobmatch.sqlite"); district = dict(db.execute("select id, district from applicant"))
def get(path, token):
    req = urllib.request.Request("http://127.0.0.1:18100" + path, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))
cw_total = cw_out = ev_total = ev_detail = ev_real = op_total = op_out = 0
for j in jobs:
    op = get(f"/v1/jobs/{j}/candidates?k=50", "op-probe")["candidates"]
    op_total += len(op); op_out += sum(1 for c in op if district[c["applicant"]] != "500103")
    cw = get(f"/v1/jobs/{j}/candidates?k=50", "cw-probe")["candidates"]
    cw_total += len(cw); cw_out += sum(1 for c in cw if district.get(c["applicant"]) != "500103")
    ev = get(f"/v1/jobs/{j}/candidates?k=50", "ev-probe")["candidates"]
    ev_total += len(ev)
    ev_real += sum(1 for c in ev if c["applicant"] in district)
    ev_detail += sum(1 for c in ev if "district" in c or any(r["code"] in ("distance", "wage_meets_wish", "wage_below_wish") for r in c["reasons"]))
print(f"operator: {op_total} entries, {op_out} outside 500103")
print(f"caseworker 500103: {cw_total} entries, {cw_out} outside 500103")
print(f"evaluator: {ev_total} entries, {ev_real} with a real id, {ev_detail} with district/distance/wage detail")
P
