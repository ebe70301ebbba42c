#!/usr/bin/env bash
# The main job: installs what is missing, builds jobmatchd (release) and serves on 127.0.0.1:8080
# from var/jobmatch.sqlite. Extra arguments go to jobmatchd (e.g. --port 9090).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"
swift build -c release --product jobmatchd
swift build -c release --product jobmatch
exec .build/release/jobmatchd --db var/jobmatch.sqlite "$@"
