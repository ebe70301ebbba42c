"""Peers for `jobmatch eval`: LightFM with side features and implicit ALS, trained on the interactions before a
split, each writing its rankings as JSON lines ({"applicant", "split_at", "jobs"}) that `jobmatch eval --peer`
scores with its own metric code (same queries, same hard-rule pools, same new-only view).

Usage: eval_peers.py DATA_DIR SPLIT_AT OUT_DIR   (called by scripts/eval-peers.sh)
"""
import json
import sys
from datetime import datetime

import numpy as np
import scipy.sparse as sp

DEPTH = 200
WEIGHT = {"viewed": 1.0, "applied": 2.0, "interviewed": 4.0, "hired": 6.0, "retained_3m": 6.0, "rejected": 2.0, "separated": 3.0}


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def when(text):
    return datetime.fromisoformat(text).timestamp()


def main(data, split_text, out):
    split = when(split_text)
    applicants = lines(f"{data}/applicants.jsonl")
    jobs = lines(f"{data}/jobs.jsonl")
    interactions = lines(f"{data}/interactions.jsonl")
    users = {a["id"]: i for i, a in enumerate(applicants)}
    items = {j["id"]: i for i, j in enumerate(jobs)}
    past = {}
    declined = set()
    for x in interactions:
        if when(x["at"]) >= split or x["event"] == "recommended":
            continue
        key = (users[x["applicant"]], items[x["job"]])
        if x["event"] == "declined":
            declined.add(key)
        past[key] = max(past.get(key, 0.0), WEIGHT.get(x["event"], 0.0))
    for key in declined:
        past.pop(key, None)
    rows = np.array([k[0] for k in past], dtype=np.int32)
    cols = np.array([k[1] for k in past], dtype=np.int32)
    vals = np.array(list(past.values()), dtype=np.float32)
    shape = (len(applicants), len(jobs))
    matrix = sp.coo_matrix((vals, (rows, cols)), shape=shape).tocsr()
    open_items = np.array([items[j["id"]] for j in jobs
                           if j.get("status") == "open" and when(j["posted_at"]) <= split < when(j["expires_at"])], dtype=np.int64)
    later = sorted({x["applicant"] for x in interactions if when(x["at"]) >= split})
    query_users = np.array([users[a] for a in later], dtype=np.int64)
    print(f"{len(past)} training pairs, {len(open_items)} open jobs, {len(query_users)} people to rank", file=sys.stderr)

    def write(name, scores_of):
        with open(f"{out}/{name}.jsonl", "w", encoding="utf-8") as f:
            for u in query_users:
                s = scores_of(u)
                top = open_items[np.argsort(-s, kind="stable")[:DEPTH]]
                f.write(json.dumps({"applicant": applicants[u]["id"], "split_at": split_text,
                                    "jobs": [jobs[i]["id"] for i in top]}, ensure_ascii=False) + "\n")

    # LightFM with side features (identity + the same kinds of tokens JobMatch's factors use), WARP loss.
    from lightfm import LightFM
    from lightfm.data import Dataset

    def user_tokens(a):
        p = a.get("preferences", {}) or {}
        t = [f"dist:{a['district']}", f"edu:{a.get('education')}"]
        t += [f"occ:{o}" for o in p.get("occupations", []) or []]
        t += [f"exp:{e.get('occupation')}" for e in a.get("experience", []) or [] if e.get("occupation")]
        t += [f"grp:{g}" for g in a.get("groups", []) or []]
        t += [f"type:{x}" for x in p.get("job_types", []) or []]
        return t

    def item_tokens(j):
        t = [f"jdist:{j['district']}", f"jtype:{j['job_type']}", f"emp:{(j.get('employer') or {}).get('id')}"]
        if j.get("occupation"):
            t.append(f"jocc:{j['occupation']}")
        t += [f"tag:{x}" for x in j.get("tags", []) or []]
        return t

    ds = Dataset()
    ds.fit(users=list(users), items=list(items),
           user_features=sorted({t for a in applicants for t in user_tokens(a)}),
           item_features=sorted({t for j in jobs for t in item_tokens(j)}))
    uf = ds.build_user_features([(a["id"], user_tokens(a)) for a in applicants])
    itf = ds.build_item_features([(j["id"], item_tokens(j)) for j in jobs])
    binary = matrix.copy()
    binary.data[:] = 1
    model = LightFM(no_components=32, loss="warp", learning_rate=0.05, random_state=np.random.RandomState(7))
    model.fit(binary.tocoo(), user_features=uf, item_features=itf, epochs=30, num_threads=1)
    n = len(open_items)
    write("lightfm", lambda u: model.predict(np.full(n, u, dtype=np.int32), open_items.astype(np.int32),
                                             user_features=uf, item_features=itf, num_threads=1))

    # implicit ALS on the confidence-weighted matrix (no side features: new postings have no factor).
    import implicit
    als = implicit.als.AlternatingLeastSquares(factors=64, regularization=0.05, iterations=15, random_state=7)
    als.fit((matrix * 5.0).astype(np.float32).tocsr(), show_progress=False)
    uf_als = np.asarray(als.user_factors)
    if_als = np.asarray(als.item_factors)
    write("implicit_als", lambda u: if_als[open_items] @ uf_als[u])


if __name__ == "__main__":
    main(*sys.argv[1:4])
