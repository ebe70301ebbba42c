#!/usr/bin/env bash
# Cross-checks `jobmatch eval`'s ranking metrics against ranx (PyPI) on a freshly generated market.
# Usage: scripts/eval-crosscheck.sh [WORKDIR]   (default /tmp/jobmatch-crosscheck; the venv goes in WORKDIR/venv)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/jobmatch-crosscheck}"
mkdir -p "$work"
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"
if [[ ! -x "$work/venv/bin/python" ]]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet ranx
fi
swift build --product jobmatch >/dev/null
bin="$(swift build --show-bin-path)/jobmatch"
"$bin" generate --out "$work/market" --applicants 1500 --jobs 800 --seed 4242 >/dev/null
"$bin" eval --data "$work/market" --split-at 2026-10-31T09:00:00+08:00 -k 10 --dump-run "$work/run" >/dev/null
"$work/venv/bin/python" scripts/eval_crosscheck.py "$work/run"
