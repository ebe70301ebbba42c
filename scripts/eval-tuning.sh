#!/usr/bin/env bash
# The tuning markets of docs/evaluation.md (seeds 777 and 888, 6,000 × 3,000, same days and split as M1–M4): every
# hybrid setting is chosen on these alone before the held-out markets (scripts/eval-markets.sh) are run once.
# Usage: scripts/eval-tuning.sh [WORKDIR] [JOBMATCH] [-- extra jobmatch eval options ...]
# Prints one Markdown row per market: new-only and overall nDCG@10 of the hybrid and today's model, the new-only
# Recall@10 of every group and the fairness ratios, cold-start Recall@10. SKIP_BUILD is implied (give the binary);
# OUT names the JSON files (default: base); DUMP=1 also writes each run's TREC files ($WORKDIR/t777.$OUT-dump/).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/jobmatch-tuning}"; shift || true
bin="${1:-.build-release/release/jobmatch}"; shift || true
[[ "${1:-}" == "--" ]] && shift
tag="${OUT:-base}"
split=2026-10-31T09:00:00+08:00
mkdir -p "$work"
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"
markets=(
  "t777|--applicants 6000 --jobs 3000 --seed 777"
  "t888|--applicants 6000 --jobs 3000 --seed 888 --no-attractiveness --no-person-taste"
)
for entry in "${markets[@]}"; do
  name="${entry%%|*}"; options="${entry#*|}"
  [[ -f "$work/$name/oracle.jsonl" ]] || "$bin" generate --out "$work/$name" --days 120 --split-at "$split" $options >/dev/null
  dump=(); [[ -n "${DUMP:-}" ]] && dump=(--dump-run "$work/$name.$tag-dump")
  "$bin" eval --data "$work/$name" --split-at "$split" --json "${dump[@]}" "$@" > "$work/$name.$tag.json"
  python3 scripts/eval_row.py "$work/$name.$tag.json" "$name $tag"
done
