"""How sure a figure of `jobmatch eval` is: bootstrap over queries (resampled with replacement, seeded).

Usage: eval_bootstrap.py DUMP_DIR DATA_DIR [A [B]]
DUMP_DIR is what `jobmatch eval --dump-run DUMP_DIR` wrote (its new_only/ part is read); DATA_DIR the data set.
Prints, over new jobs only, nDCG@k of A (default jobmatch) and B (default jobmatch_content) with the 95 % interval
of A / B, and each group's Recall@k of A over the overall one (the fairness ratio of that group) with its interval.
Metrics as docs/evaluation.md defines them (linear gains, log2 discount); no package needed."""
import json, math, random, sys
from collections import defaultdict
from datetime import datetime

dump, data = sys.argv[1], sys.argv[2]
a_name = sys.argv[3] if len(sys.argv) > 3 else "jobmatch"
b_name = sys.argv[4] if len(sys.argv) > 4 else "jobmatch_content"
k = int(json.load(open(f"{dump}/new_only/metrics.json"))["k"])
qrels = defaultdict(dict)
for line in open(f"{dump}/new_only/qrels.txt"):
    q, _, job, gain = line.split()
    qrels[q][job] = int(gain)
def run(name):
    lists = defaultdict(list)
    for line in open(f"{dump}/new_only/run.{name}.txt"):
        q, _, job, *_ = line.split()
        lists[q].append(job)
    return lists
def ndcg(gains, ranked):
    dcg = sum(gains.get(j, 0) / math.log2(r + 2) for r, j in enumerate(ranked[:k]))
    ideal = sum(g / math.log2(r + 2) for r, g in enumerate(sorted(gains.values(), reverse=True)[:k]))
    return dcg / ideal if ideal else 0.0
def recall(gains, ranked):
    return len(set(ranked[:k]) & set(gains)) / len(gains)
A, B = run(a_name), run(b_name)
queries = sorted(qrels)
na = [ndcg(qrels[q], A[q]) for q in queries]; nb = [ndcg(qrels[q], B[q]) for q in queries]
ra = [recall(qrels[q], A[q]) for q in queries]
split = None
people = {}
for line in open(f"{data}/applicants.jsonl"):
    p = json.loads(line); people[p["id"]] = p
groups = {"zero_employment_household": lambda p: "zero_employment_household" in p.get("groups", []),
          "disabled": lambda p: "disabled" in p.get("groups", []) or "disability" in p,
          "stay_at_home_parents": lambda p: "stay_at_home_parent" in p.get("groups", []),
          "women": lambda p: p.get("gender") == "F"}
members = {g: [i for i, q in enumerate(queries) if f(people[q])] for g, f in groups.items()}
rng = random.Random(20261202)
ratios, fair = [], defaultdict(list)
n = len(queries)
for _ in range(2000):
    idx = [rng.randrange(n) for _ in range(n)]
    sa, sb = sum(na[i] for i in idx), sum(nb[i] for i in idx)
    ratios.append(sa / sb if sb else float("nan"))
    overall = sum(ra[i] for i in idx) / n
    for g, rows in members.items():
        take = [rng.choice(rows) for _ in rows] if rows else []
        if take and overall: fair[g].append(sum(ra[i] for i in take) / len(take) / overall)
def interval(xs):
    xs = sorted(x for x in xs if x == x)
    return xs[int(0.025 * len(xs))], xs[int(0.975 * len(xs)) - 1]
lo, hi = interval(ratios)
print(f"new-only nDCG@{k}: {a_name} {sum(na) / n:.4f}, {b_name} {sum(nb) / n:.4f}, ratio {sum(na) / sum(nb):.3f} "
      f"(95 % interval {lo:.3f}–{hi:.3f}; {n} queries)")
for g, rows in members.items():
    if not rows: continue
    point = (sum(ra[i] for i in rows) / len(rows)) / (sum(ra) / n)
    lo, hi = interval(fair[g])
    print(f"  {g}: Recall@{k} {sum(ra[i] for i in rows) / len(rows):.3f} (n = {len(rows)}), over the overall {sum(ra) / n:.3f}: "
          f"{point:.3f} (95 % interval {lo:.3f}–{hi:.3f})")
