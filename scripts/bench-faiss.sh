#!/usr/bin/env bash
# Times JobMatch's matching against FAISS IndexFlatIP and numpy on the same vectors, in the same run.
#
#   scripts/bench-faiss.sh [--jobs 200000] [--applicants 1024] [--threads 2] [--repeat 5]
#
# Builds Benchmarks/match-timing (release), which builds a synthetic 200k-job market, times JobMatch
# (batch and one-applicant top-k with the hard rules, one applicant with no commute limit on the compact
# matrix and on the float32 path, a memcpy of the float32 matrix, the blocked sgemm scoring phase, the sgemm peak) and
# exports the float32 vectors; then scripts/bench_faiss.py runs FAISS and numpy on those vectors from a
# virtual environment it creates (.build/bench-venv: faiss-cpu, numpy from PyPI) and prints the ratios.
# Run it once with OPENBLAS_CORETYPE=Haswell exported and once without. SKIP_BUILD=1 reuses the built binary;
# OUT=DIR puts the exported vectors there (default .build/bench-vectors).
set -euo pipefail
cd "$(dirname "$0")/.."
threads=2
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[i]}" == "--threads" ]]; then threads="${args[i+1]}"; fi
done
venv=.build/bench-venv
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  "$venv/bin/pip" install --quiet faiss-cpu numpy
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then swift build -c release --package-path Benchmarks --product match-timing >&2; fi
out="${OUT:-.build/bench-vectors}"
Benchmarks/.build/release/match-timing --out "$out" "$@" >/dev/null
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads"
"$venv/bin/python" scripts/bench_faiss.py "$out"
