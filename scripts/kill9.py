#!/usr/bin/env python3
"""kill -9 tests of `jobmatch import` and `jobmatch batch` (scripts/kill9.sh runs it).

Import: each run copies a database holding other data, starts an import of a larger data set, and kills
it with SIGKILL at a random moment of its reference duration. The database must pass PRAGMA
integrity_check and hold either exactly what it held before or exactly what a clean import leaves; then the
same import is run again to the end: it must succeed, leave exactly the clean import's state, and no
staged table (`*_next`, `*_old`) may remain.

Batch: each run starts the night's batch on a copy of the database, kills it at a random moment, then runs
the same command again to the end: the output file must be byte-identical to the one of a clean run,
and the database must pass integrity_check.

  kill9.py JOBMATCH_BINARY WORK_DIR [--import-runs N] [--batch-runs N] [--seed S]
"""
import argparse, hashlib, json, os, random, shutil, signal, sqlite3, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fuzz_import import db_state  # noqa: E402


def fresh_copy(src, dst):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
    shutil.copy(src, dst)


def staged_tables(path):
    """Tables an import stages in or switches out (left behind only by a killed import)."""
    con = sqlite3.connect(path)
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND (name LIKE '%\\_next' ESCAPE '\\' OR name LIKE '%\\_old' ESCAPE '\\')")]
    con.close()
    return names


def timed(cmd):
    start = time.monotonic()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.monotonic() - start


def kill_at(cmd, delay):
    """Starts cmd, SIGKILLs it after `delay` seconds; returns True when it was killed (not already done)."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        p.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGKILL)
        p.wait()
        return True


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest() if os.path.exists(path) else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("work")
    ap.add_argument("--import-runs", type=int, default=20)
    ap.add_argument("--batch-runs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--as-of", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    w = os.path.abspath(args.work)
    J = args.binary
    counts = {"import_runs": 0, "import_killed": 0, "import_unchanged": 0, "import_complete": 0, "import_other": 0,
              "import_left_staged": 0, "import_rerun_complete": 0, "import_rerun_other": 0,
              "batch_runs": 0, "batch_killed": 0, "batch_identical": 0, "batch_different": 0, "corrupt": 0}
    problems = []

    # Import.
    base, run = os.path.join(w, "baseline.sqlite"), os.path.join(w, "run.sqlite")
    _, before = db_state(base)
    fresh_copy(base, run)
    duration = timed([J, "import", os.path.join(w, "data"), "--db", run])
    _, complete = db_state(run)
    print(f"kill9: clean import {duration:.2f} s", file=sys.stderr)
    for n in range(args.import_runs):
        fresh_copy(base, run)
        killed = kill_at([J, "import", os.path.join(w, "data"), "--db", run], rng.uniform(0.02, duration * 1.5))
        counts["import_runs"] += 1
        counts["import_killed"] += killed
        ok, state = db_state(run)
        if ok != "ok":
            counts["corrupt"] += 1
            problems.append(f"import #{n}: integrity_check {ok}")
        key = "import_unchanged" if state == before else "import_complete" if state == complete else "import_other"
        counts[key] += 1
        if key == "import_other":
            problems.append(f"import #{n}: neither unchanged nor complete")
        counts["import_left_staged"] += bool(staged_tables(run))
        rerun = subprocess.run([J, "import", os.path.join(w, "data"), "--db", run], capture_output=True)
        ok, state = db_state(run)
        if rerun.returncode == 0 and ok == "ok" and state == complete and not staged_tables(run):
            counts["import_rerun_complete"] += 1
        else:
            counts["import_rerun_other"] += 1
            problems.append(f"import #{n}: the rerun after the kill exited {rerun.returncode}, integrity {ok}, "
                            f"complete {state == complete}, staged left {staged_tables(run)}")

    # Batch.
    night = os.path.join(w, "night.sqlite")
    fresh_copy(os.path.join(w, "complete.sqlite"), night)
    ref_out = os.path.join(w, "reference.jsonl")
    batch = lambda db, out: [J, "batch", "--db", db, "--as-of", args.as_of, "--out", out, "--model", "models/default", "--chunk-size", "500"]
    duration = timed(batch(night, ref_out))
    reference = sha(ref_out)
    print(f"kill9: clean batch {duration:.2f} s", file=sys.stderr)
    for n in range(args.batch_runs):
        fresh_copy(os.path.join(w, "complete.sqlite"), night)
        out = os.path.join(w, "night.jsonl")
        if os.path.exists(out):
            os.remove(out)
        killed = kill_at(batch(night, out), rng.uniform(0.05, duration * 1.05))
        counts["batch_runs"] += 1
        counts["batch_killed"] += killed
        ok, _ = db_state(night)
        if ok != "ok":
            counts["corrupt"] += 1
            problems.append(f"batch #{n}: integrity_check {ok} after the kill")
        subprocess.run(batch(night, out), check=True, capture_output=True)
        if sha(out) == reference:
            counts["batch_identical"] += 1
        else:
            counts["batch_different"] += 1
            problems.append(f"batch #{n}: output differs after the rerun")
    print(json.dumps(counts))
    for p in problems[:30]:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
