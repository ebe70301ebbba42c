#!/usr/bin/env python3
"""Compares JobMatch's own nDCG@k, Recall@k, MRR@k and HitRate@k with ranx on a dumped run.

Usage: eval_crosscheck.py DUMP_DIR
DUMP_DIR is what `jobmatch eval --dump-run DUMP_DIR` wrote: qrels.txt, run.METHOD.txt, metrics.json.
Exits 1 when any figure differs by more than 1e-6.
"""
import json
import sys
from pathlib import Path

from ranx import Qrels, Run, evaluate


def main() -> int:
    folder = Path(sys.argv[1])
    ours = json.loads((folder / "metrics.json").read_text())
    k = ours["k"]
    qrels = Qrels.from_file(str(folder / "qrels.txt"), kind="trec")
    names = {f"ndcg@{k}": f"ndcg@{k}", f"recall@{k}": f"recall@{k}", f"mrr@{k}": f"mrr@{k}", f"hit_rate@{k}": f"hit_rate@{k}"}
    worst = 0.0
    print(f"{'method':<20} {'metric':<12} {'jobmatch':>10} {'ranx':>10} {'diff':>10}")
    for method, figures in sorted(ours["methods"].items()):
        run = Run.from_file(str(folder / f"run.{method}.txt"), kind="trec")
        theirs = evaluate(qrels, run, list(names.values()), make_comparable=True)
        for our_name, ranx_name in names.items():
            diff = abs(figures[our_name] - float(theirs[ranx_name]))
            worst = max(worst, diff)
            print(f"{method:<20} {our_name:<12} {figures[our_name]:>10.6f} {float(theirs[ranx_name]):>10.6f} {diff:>10.2e}")
    print(f"largest difference {worst:.2e}")
    return 0 if worst <= 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main())
