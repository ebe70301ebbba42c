"""FAISS exact search on the vectors `jobmatch batch --export-vectors` wrote, beside the figures of the
batch run timed in the same script (see scripts/bench-batch.sh)."""
import hashlib
import json
import os
import re
import resource
import sys
import time

import faiss
import numpy as np


def wall_seconds(text):
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    h, mnt, s = m.groups()
    return int(h or 0) * 3600 + int(mnt) * 60 + float(s)


def main(folder, k, threads):
    meta = json.load(open(os.path.join(folder, "vectors", "meta.json")))
    n, m, d = meta["jobs"], meta["applicants"], meta["dimension"]
    jobs = np.fromfile(os.path.join(folder, "vectors", "jobs.f32"), dtype=np.float32).reshape(n, d)
    queries = np.fromfile(os.path.join(folder, "vectors", "applicants.f32"), dtype=np.float32).reshape(m, d)
    faiss.omp_set_num_threads(threads)
    index = faiss.IndexFlatIP(d)
    index.add(jobs)
    start = time.perf_counter()
    index.search(queries, k)
    faiss_s = time.perf_counter() - start
    faiss_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    timing = open(os.path.join(folder, "night.time")).read()
    batch_s = wall_seconds(timing)
    batch_rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1)) / 1024
    phases = re.search(r"^phases: (.*)$", timing, re.M)
    summary = open(os.path.join(folder, "night.summary")).read()
    night = os.path.join(folder, "night.jsonl")
    output_mb = os.path.getsize(night) / 2**20
    raw_mb = (n + m) * d * 4 / 2**20
    digest = hashlib.sha256(open(night, "rb").read()).hexdigest()
    coverage = re.search(r"coverage ([\d.]+%)", summary).group(1)
    exposure = re.search(r"largest exposure: (\d+) people, ([\d.]+) per opening", summary).groups()
    fewer = re.search(r"fewer than k=\d+: (\d+), none: (\d+)", summary).groups()
    budget = 1.3 * (raw_mb + output_mb)
    print(f"vectors: {m} applicants x {n} open postings, d = {d}, k = {k}, {threads} threads")
    print(f"jobmatch batch (load, index, scoring, allocation, explained output, database): {batch_s:.1f} s wall, peak {batch_rss_mb:.0f} MB")
    if phases:
        print(f"  {phases.group(0)}")
    print(f"FAISS IndexFlatIP search (vectors in memory, no rules): {faiss_s:.1f} s, peak {faiss_rss_mb:.0f} MB")
    phase = {name: float(sec) for name, sec in re.findall(r"(\w+) ([\d.]+) s", phases.group(1))} if phases else {}
    compute_s = phase.get("scoring", 0) + phase.get("allocation", 0)
    print(f"time ratio, whole night / FAISS search: {batch_s / faiss_s:.2f}")
    print(f"time ratio, scoring + allocation (vectors to allocated lists, as FAISS: vectors to lists) / FAISS: "
          f"{compute_s / faiss_s:.2f} (bar <= 1.0)")
    print(f"memory: raw float32 matrices {raw_mb:.0f} MB + output {output_mb:.0f} MB; batch peak {batch_rss_mb:.0f} MB = "
          f"{batch_rss_mb / (raw_mb + output_mb):.2f}x (bar <= 1.3x, {budget:.0f} MB)")
    print(f"coverage {coverage}, largest exposure {exposure[0]} people = {exposure[1]} per opening, "
          f"fewer than k: {fewer[0]}, none: {fewer[1]}")
    print(f"output sha256 {digest}")
    json.dump({"applicants": m, "jobs": n, "dimension": d, "k": k, "threads": threads,
               "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"), "batch_s": batch_s, "batch_peak_mb": batch_rss_mb,
               "faiss_s": faiss_s, "faiss_peak_mb": faiss_rss_mb, "ratio": batch_s / faiss_s, "phases": phase,
               "compute_ratio": compute_s / faiss_s, "raw_mb": raw_mb,
               "output_mb": output_mb, "coverage": coverage, "largest_exposure": exposure, "sha256": digest},
              open(os.path.join(folder, "results.json"), "w"), indent=1)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
