"""One Markdown row from a `jobmatch eval --json` file: new-only and overall nDCG@10 (hybrid, today's, ratio), the
hybrid's new-only Recall@10 per group (n), fairness overall / new-only, violations, cold-start Recall@10."""
import json, sys
r = json.load(open(sys.argv[1])); n, m, c = r["new_only"], r["methods"], r["cold_start"]
h, t = n["jobmatch"], n["jobmatch_content"]
groups = " ".join(f"{g[:4]} {v['recall@10']:.3f} ({v['n']})" for g, v in sorted(h.get("groups", {}).items()))
print(f"| {sys.argv[2]} | {h['ndcg@10']:.4f} | {t['ndcg@10']:.4f} | {h['ndcg@10'] / t['ndcg@10']:.3f} | "
      f"{m['jobmatch']['ndcg@10']:.4f} / {m['jobmatch_content']['ndcg@10']:.4f} | {h['recall@10']:.3f} | {groups} | "
      f"{m['jobmatch']['fairness_ratio']:.3f} / {h['fairness_ratio']:.3f} (today's {t['fairness_ratio']:.3f}) | "
      f"{int(m['jobmatch']['violations'])} / {int(h['violations'])} | {c['jobmatch']['recall@10']:.3f} / {c['jobmatch_content']['recall@10']:.3f} (n = {c['jobmatch']['n']}) |")
