#!/usr/bin/env bash
# Runs real peers on the same split as `jobmatch eval` and scores them with JobMatch's own metric code:
# LightFM with side features (`lightfm-next` on PyPI) and implicit ALS (`implicit`), in a venv this script creates.
# Usage: scripts/eval-peers.sh DATA_DIR SPLIT_AT [WORKDIR] [-- extra jobmatch eval options]
#   e.g. scripts/eval-peers.sh /tmp/m1 2026-10-01T09:00:00+08:00 /tmp/peers -- --json
# Uses the release build (.build-release) of jobmatch; WORKDIR (default /tmp/jobmatch-peers) holds the venv and the rankings.
set -euo pipefail
cd "$(dirname "$0")/.."
data="$1"; split="$2"; work="${3:-/tmp/jobmatch-peers}"
shift 2; [[ $# -gt 0 && "$1" != "--" ]] && shift
[[ "${1:-}" == "--" ]] && shift
mkdir -p "$work/runs"
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"
if [[ ! -x "$work/venv/bin/python" ]]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet numpy scipy lightfm-next implicit
fi
OPENBLAS_NUM_THREADS=1 "$work/venv/bin/python" scripts/eval_peers.py "$data" "$split" "$work/runs"
swift build -c release --scratch-path .build-release --product jobmatch >/dev/null
.build-release/release/jobmatch eval --data "$data" --split-at "$split" \
  --peer "lightfm=$work/runs/lightfm.jsonl" --peer "implicit_als=$work/runs/implicit_als.jsonl" "$@"
