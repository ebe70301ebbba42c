"""Runs the vectors exported by Benchmarks/match-timing through FAISS IndexFlatIP and numpy and prints
ratios against JobMatch's timings from the same run (see scripts/bench-faiss.sh)."""
import json
import os
import sys
import time

import faiss
import numpy as np


def best_of(repeats, fn):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[0], times[len(times) // 2]


def main(folder):
    t = json.load(open(os.path.join(folder, "timings.json")))
    n, m, d, k, threads = t["jobs"], t["applicants"], t["dimension"], t["k"], t["threads"]
    jobs = np.fromfile(os.path.join(folder, "jobs.f32"), dtype=np.float32).reshape(n, d)
    queries = np.fromfile(os.path.join(folder, "applicants.f32"), dtype=np.float32).reshape(m, d)
    faiss.omp_set_num_threads(threads)
    index = faiss.IndexFlatIP(d)
    index.add(jobs)
    repeats = 5

    faiss_batch = best_of(repeats, lambda: index.search(queries, k))
    one = queries[:1].copy()
    faiss_one = best_of(repeats * 10, lambda: index.search(one, k))

    def numpy_batch():
        best_s = np.full((m, k), -np.inf, dtype=np.float32)
        best_i = np.zeros((m, k), dtype=np.int64)
        block = 16384
        for start in range(0, n, block):
            s = queries @ jobs[start:start + block].T
            part = np.argpartition(-s, k - 1, axis=1)[:, :k]
            cand_s = np.concatenate([best_s, np.take_along_axis(s, part, axis=1)], axis=1)
            cand_i = np.concatenate([best_i, part + start], axis=1)
            keep = np.argpartition(-cand_s, k - 1, axis=1)[:, :k]
            best_s = np.take_along_axis(cand_s, keep, axis=1)
            best_i = np.take_along_axis(cand_i, keep, axis=1)
        order = np.argsort(-best_s, axis=1)
        return np.take_along_axis(best_i, order, axis=1)

    def numpy_one():
        s = jobs @ one[0]
        part = np.argpartition(-s, k - 1)[:k]
        return part[np.argsort(-s[part])]

    numpy_b = best_of(repeats, numpy_batch)
    numpy_o = best_of(repeats * 10, numpy_one)
    peak_block = queries @ jobs[:16384].T  # warm-up
    numpy_peak = best_of(repeats, lambda: queries @ jobs[:16384].T)
    numpy_gflops = 2.0 * m * 16384 * d / numpy_peak[0] / 1e9
    del peak_block

    jm_batch, jm_one = t["batch_topk_rules_s"], t["single_topk_rules_s"]
    print(f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}  threads={threads}  "
          f"jobs={n} applicants={m} d={d} k={k}")
    print(f"{'':40s} {'JobMatch':>10s} {'FAISS':>10s} {'numpy':>10s} {'JM/FAISS':>9s} {'JM/numpy':>9s}")
    print(f"{'batch top-k (JobMatch: with hard rules)':40s} {jm_batch*1e3:9.1f}ms {faiss_batch[0]*1e3:9.1f}ms "
          f"{numpy_b[0]*1e3:9.1f}ms {jm_batch/faiss_batch[0]:9.2f} {jm_batch/numpy_b[0]:9.2f}")
    print(f"{'one applicant top-k':40s} {jm_one*1e3:9.2f}ms {faiss_one[0]*1e3:9.2f}ms "
          f"{numpy_o[0]*1e3:9.2f}ms {jm_one/faiss_one[0]:9.2f} {jm_one/numpy_o[0]:9.2f}")
    if "single_free_s" in t:
        free, free_med = t["single_free_s"], t["single_free_median_s"]
        flt, copy, copy_med = t["single_free_float_s"], t["memcpy_s"], t["memcpy_median_s"]
        print(f"{'one applicant, no commute limit (' + t['free_applicant'] + ')':40s} {free*1e3:9.2f}ms {faiss_one[0]*1e3:9.2f}ms "
              f"{numpy_o[0]*1e3:9.2f}ms {free/faiss_one[0]:9.2f} {free/numpy_o[0]:9.2f}")
        print(f"  medians: JobMatch {free_med*1e3:.2f} ms, FAISS {faiss_one[1]*1e3:.2f} ms (JM/FAISS {free_med/faiss_one[1]:.2f}); "
              f"float32 path {flt*1e3:.2f} ms (best); memcpy of the float32 matrix {copy*1e3:.2f} ms best, {copy_med*1e3:.2f} ms median "
              f"(JM/memcpy {free/copy:.2f} best, {free_med/copy_med:.2f} median); same jobs as float32: {t['free_same_jobs']}")
    if "batch_float_s" in t:
        bf = t["batch_float_s"]
        print(f"  batch on the float32 sgemm path: {bf*1e3:.1f} ms best (JM/FAISS {bf/faiss_batch[0]:.2f}), "
              f"{t['batch_float_median_s']*1e3:.1f} ms median; {t['batch_same_lists']} of {m} lists identical to the compact path's")
    print(f"  batch medians: JobMatch {t['batch_topk_rules_median_s']*1e3:.1f} ms, FAISS {faiss_batch[1]*1e3:.1f} ms "
          f"(JM/FAISS {t['batch_topk_rules_median_s']/faiss_batch[1]:.2f})")
    print(f"scoring phase {t['scoring_gflops']:.1f} GFLOP/s = {100*t['scoring_gflops']/t['sgemm_peak_gflops']:.0f}% "
          f"of JobMatch's sgemm peak {t['sgemm_peak_gflops']:.1f} GFLOP/s (numpy sgemm {numpy_gflops:.1f} GFLOP/s)")
    print(f"FAISS batch rate {2.0*m*n*d/faiss_batch[0]/1e9:.1f} GFLOP/s "
          f"({100*2.0*m*n*d/faiss_batch[0]/1e9/t['sgemm_peak_gflops']:.0f}% of the sgemm peak)")
    print(f"JobMatch: model build {t['model_build_s']:.1f} s, index build {t['index_build_s']:.1f} s "
          f"({n/t['index_build_s']:.0f} jobs/s), {m} applicant vectors {t['applicant_extract_s']*1e3:.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".build/bench-vectors")
