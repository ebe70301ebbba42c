#!/usr/bin/env bash
# The held-out markets of docs/evaluation.md ("Hybrid against today's model"): generates each market with its
# oracle for the split, runs `jobmatch eval --json` on it and prints one Markdown row per market (new-only
# nDCG@10 of the oracle, the hybrid and today's content-only model, the peers when asked, violations,
# fairness, cold-start Recall@10).
# Usage: scripts/eval-markets.sh [WORKDIR] [JOBMATCH]   (default /tmp/jobmatch-markets, the release build in .build-release)
# With PEERS_VENV set (a venv holding lightfm-next, implicit, numpy and scipy, as scripts/eval-peers.sh makes one),
# LightFM and implicit ALS are trained on each market by scripts/eval_peers.py and scored in the same `jobmatch eval` run.
# EVAL_OPTIONS: more `jobmatch eval` options (e.g. "--worst-group-weight 1"); OUT: a tag in the JSON file names
# ($WORKDIR/m1.$OUT.json), so runs with different options sit side by side; SKIP_PEERS=1 reuses the peers' files;
# DUMP=1 also writes each run's TREC files ($WORKDIR/m1.$OUT-dump/, new_only/ inside) for scripts/eval_bootstrap.py.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/jobmatch-markets}"
bin="${2:-.build-release/release/jobmatch}"
split=2026-10-31T09:00:00+08:00   # after 90 of 120 days
mkdir -p "$work"
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"
markets=(
  "m1|--applicants 6000 --jobs 3000 --seed 101"
  "m2|--applicants 6000 --jobs 3000 --seed 202 --no-hidden"
  "m3|--applicants 4000 --jobs 2000 --seed 303"
  "m4|--applicants 6000 --jobs 3000 --seed 404 --no-attractiveness --no-person-taste"
)
for entry in "${markets[@]}"; do
  name="${entry%%|*}"; options="${entry#*|}"
  [[ -f "$work/$name/oracle.jsonl" ]] || "$bin" generate --out "$work/$name" --days 120 --split-at "$split" $options >/dev/null
  peers=()
  if [[ -n "${PEERS_VENV:-}" || -f "$work/$name-peers/lightfm.jsonl" ]]; then
    if [[ -n "${PEERS_VENV:-}" && -z "${SKIP_PEERS:-}" ]]; then
      mkdir -p "$work/$name-peers"
      OPENBLAS_NUM_THREADS=1 "$PEERS_VENV/bin/python" scripts/eval_peers.py "$work/$name" "$split" "$work/$name-peers" >&2
    fi
    peers=(--peer "lightfm=$work/$name-peers/lightfm.jsonl" --peer "implicit_als=$work/$name-peers/implicit_als.jsonl")
  fi
  file="$work/$name${OUT:+.$OUT}.json"
  dump=(); [[ -n "${DUMP:-}" ]] && dump=(--dump-run "$work/$name${OUT:+.$OUT}-dump")
  # shellcheck disable=SC2086
  "$bin" eval --data "$work/$name" --split-at "$split" --json "${peers[@]}" "${dump[@]}" ${EVAL_OPTIONS:-} > "$file"
  python3 - "$file" "$name" "$options" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); n = r["new_only"]; m = r["methods"]
g = lambda t, k, f: t.get(k, {}).get(f, float("nan"))
h, c = g(n, 'jobmatch', 'ndcg@10'), g(n, 'jobmatch_content', 'ndcg@10')
print(f"| {sys.argv[2]} | `{sys.argv[3]}` | {n['jobmatch']['queries']} | {g(n,'oracle','ndcg@10'):.4f} | **{h:.4f}** | {c:.4f} | **{h/c:.2f}** | "
      f"{g(n,'lightfm','ndcg@10'):.4f} ({h/g(n,'lightfm','ndcg@10'):.2f}×) | {g(n,'implicit_als','ndcg@10'):.4f} | "
      f"{g(m,'jobmatch','ndcg@10'):.4f} / {g(m,'jobmatch_content','ndcg@10'):.4f} | {int(g(m,'jobmatch','violations'))} / {int(g(n,'jobmatch','violations'))} | "
      f"{g(m,'jobmatch','fairness_ratio'):.3f} / {g(n,'jobmatch','fairness_ratio'):.3f} | "
      f"{r['cold_start']['jobmatch']['recall@10']:.3f} / {r['cold_start']['jobmatch_content']['recall@10']:.3f} (n = {r['cold_start']['jobmatch']['n']}) | "
      f"{'used' if r.get('second_stage', {}).get('used') else 'not used'} |")
PY
done
