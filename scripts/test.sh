#!/usr/bin/env bash
# The test command: installs what is missing, then builds and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Older OpenBLAS builds misbehave on this CPU family without a pinned kernel.
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"
swift build --build-tests
swift test --skip-build "$@"
