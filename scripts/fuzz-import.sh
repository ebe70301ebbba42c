#!/usr/bin/env bash
# Import fuzzer, the long part: hundreds of corrupted variants of a generated data set through the real
# `jobmatch import` binary (scripts/fuzz_import.py says what each variant must do). Not run in CI.
#
#   scripts/fuzz-import.sh              # VARIANTS=300 SEED=15 BUILD=debug OUT=out/fuzz-import
#
# Figures: docs/reliability.md, "Import fuzz".
set -euo pipefail
cd "$(dirname "$0")/.."
VARIANTS=${VARIANTS:-300}
SEED=${SEED:-15}
BUILD=${BUILD:-debug}
OUT=${OUT:-out/fuzz-import}
swift build -c "$BUILD" --product jobmatch >&2
J=$(swift build -c "$BUILD" --show-bin-path)/jobmatch
rm -rf "$OUT" && mkdir -p "$OUT"
# The variants come from one small market; the database already holds another one (same ids, other
# content), so a half-written import would show.
"$J" generate --out "$OUT/data" --applicants 40 --jobs 30 --seed 3 >&2
"$J" generate --out "$OUT/other" --applicants 40 --jobs 30 --seed 4 >&2
"$J" import "$OUT/other" --db "$OUT/baseline.sqlite" >&2
python3 scripts/fuzz_import.py "$J" "$OUT" --variants "$VARIANTS" --seed "$SEED"
