#!/usr/bin/env bash
# The test command: installs what is missing, then builds and runs every test suite, then the console's
# end-to-end test in a browser (scripts/test-console.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Older OpenBLAS builds misbehave on this CPU family without a pinned kernel.
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"
swift build --build-tests
swift test --skip-build "$@"
# The console in a real browser (headless chromium); skips with a message where none can be installed.
scripts/test-console.sh
