#!/usr/bin/env python3
"""Reliability figures for jobmatchd (docs/reliability.md): lists under an import and a batch on the
daemon's database, a flood of candidate calls, slow-loris connections. Talks to 127.0.0.1 only, with
bounded request loops. Driven by scripts/bench-reliability.sh, which prepares the data and the daemon.

    bench_reliability.py --port P --db DB --jobmatch BIN --import-dir DIR --as-of T --tokens FILE --out DIR
"""
import argparse, asyncio, json, os, random, sqlite3, subprocess, sys, threading, time, urllib.parse
from datetime import datetime


class Conn:
    """One keep-alive HTTP/1.1 connection to the daemon."""

    def __init__(self, port):
        self.port, self.reader, self.writer = port, None, None

    async def request(self, path, token, timeout=30.0):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        req = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\r\n"
        self.writer.write(req.encode())
        await self.writer.drain()
        return await asyncio.wait_for(self._response(), timeout)

    async def _response(self):
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        body = await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, body

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def pct(values, p):
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, int(len(v) * p / 100))]


class ListLoad:
    """Closed-loop list requests from `clients` connections, each result recorded with its time."""

    def __init__(self, port, token, applicants, as_of, clients):
        self.port, self.token, self.applicants, self.clients = port, token, applicants, clients
        self.q = urllib.parse.quote(as_of, safe="")
        self.results = []  # (start, latency_s, status); status 503 only with Retry-After, else -503
        self.stop = asyncio.Event()

    async def worker(self, seed):
        rnd = random.Random(seed)
        conn = Conn(self.port)
        while not self.stop.is_set():
            a = rnd.choice(self.applicants)
            t0 = time.monotonic()
            retry = None
            try:
                status, headers, _ = await conn.request(f"/v1/applicants/{a}/recommendations?k=10&as_of={self.q}", self.token)
                retry = headers.get("retry-after")
                if status == 503 and retry is None:
                    status = -503
            except Exception:
                status = -1
                conn.close()
            self.results.append((t0, time.monotonic() - t0, status))
            if status == 503:  # a client that honours Retry-After (at most 1 s here)
                await asyncio.sleep(min(float(retry), 1.0))

    def start(self):
        self.tasks = [asyncio.create_task(self.worker(i)) for i in range(self.clients)]

    async def finish(self):
        self.stop.set()
        await asyncio.gather(*self.tasks)

    def window(self, start, end):
        rows = [r for r in self.results if start <= r[0] < end]
        lat = [r[1] for r in rows if r[2] == 200]
        refused = sum(1 for r in rows if r[2] == 503)
        return {"requests": len(rows), "errors": sum(1 for r in rows if r[2] not in (200, 503)),
                "refused_503": refused, "refused_share": round(refused / len(rows), 3) if rows else 0.0,
                "p50_ms": round(pct(lat, 50) * 1000, 1), "p99_ms": round(pct(lat, 99) * 1000, 1),
                "max_ms": round(max(lat, default=float("nan")) * 1000, 1)}


def open_at(db, ids, t):
    """Which of `ids` are open at epoch t in the database (hard rule 1 from the stored rows)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = {}
    for i in ids:
        row = con.execute("SELECT status, posted_at_epoch, expires_at_epoch FROM job WHERE id = ?", (i,)).fetchone()
        out[i] = row is not None and row[0] == "open" and row[1] <= t < row[2]
    con.close()
    return out


async def lists_of(port, token, ids, as_of, patience=900.0):
    """Each person's list; a 503 with Retry-After (the index being rebuilt) is retried, up to `patience` s."""
    conn, q, out = Conn(port), urllib.parse.quote(as_of, safe=""), {}
    deadline = time.monotonic() + patience
    for a in ids:
        while True:
            status, headers, body = await conn.request(f"/v1/applicants/{a}/recommendations?k=10&as_of={q}", token, timeout=120)
            if status != 503 or "retry-after" not in headers or time.monotonic() > deadline:
                break
            await asyncio.sleep(min(float(headers["retry-after"]), 0.25))
        out[a] = [r["job"] for r in json.loads(body)["recommendations"]] if status == 200 else None
    conn.close()
    return out


class LockProbe:
    """Another writer on the database: BEGIN IMMEDIATE; COMMIT every 50 ms, recording how long it waited
    for the write lock (what an audit write of the daemon would wait), with SQLite's 30 s busy timeout."""

    def __init__(self, db):
        self.db, self.waits, self.failures, self.stop = db, [], 0, threading.Event()

    def run(self):
        con = sqlite3.connect(self.db, timeout=30, isolation_level=None)
        while not self.stop.is_set():
            t0 = time.monotonic()
            try:
                con.execute("BEGIN IMMEDIATE")
                con.execute("COMMIT")
            except sqlite3.OperationalError:
                self.failures += 1
            self.waits.append((t0, time.monotonic() - t0))
            time.sleep(0.05)
        con.close()

    def start(self):
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def finish(self):
        self.stop.set()
        self.thread.join()

    def window(self, start, end):
        w = [d for t, d in self.waits if start <= t < end]
        return {"probes": len(w), "max_wait_ms": round(max(w, default=0) * 1000, 1), "p99_wait_ms": round(pct(w, 99) * 1000, 1)}


async def phase_import(a, tokens, applicants, report):
    t = datetime.fromisoformat(a.as_of).timestamp()
    probe = applicants[:200]
    before = await lists_of(a.port, tokens["operator"], probe, a.as_of)
    load = ListLoad(a.port, tokens["operator"], applicants, a.as_of, a.clients)
    load.start()
    lock = LockProbe(a.db)
    lock.start()
    await asyncio.sleep(a.baseline)
    t_import = time.monotonic()
    proc = await asyncio.create_subprocess_exec(a.jobmatch, "import", a.import_dir, "--db", a.db,
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = await proc.communicate()
    t_imported = time.monotonic()
    if proc.returncode != 0:
        print(err.decode(), file=sys.stderr)
        raise SystemExit("import failed")
    import_says = [l.strip() for l in out.decode().splitlines() if "longest write transaction" in l]
    # Right after the commit: no list may use stale data (503 while the index is rebuilt is retried).
    after = await lists_of(a.port, tokens["operator"], probe, a.as_of)
    t_served = time.monotonic()
    await asyncio.sleep(1)
    t_batch = time.monotonic()
    proc = await asyncio.create_subprocess_exec(a.jobmatch, "batch", "--db", a.db, "--as-of", a.as_of, "--force",
                                                "--out", os.path.join(a.out, "batch.jsonl"),
                                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = await proc.communicate()
    t_batched = time.monotonic()
    if proc.returncode != 0:
        print(err.decode()[-2000:], file=sys.stderr)
        raise SystemExit("batch failed")
    await asyncio.sleep(1)
    await load.finish()
    lock.finish()
    listed_before = sorted({j for l in before.values() if l for j in l})
    still_open = open_at(a.db, listed_before, t)
    went = {j for j, ok in still_open.items() if not ok}
    listed_after = [j for l in after.values() if l for j in l]
    after_open = open_at(a.db, set(listed_after), t)
    worst = max(((sum(1 for j in before[x] if j in went), x) for x in probe if before[x]), default=(0, None))
    known = set(listed_before)
    report["import"] = {
        "seconds": round(t_imported - t_import, 1), "baseline": load.window(0, t_import),
        "during_import": load.window(t_import, t_imported), "after_import_until_served": load.window(t_imported, t_served),
        "seconds_until_probe_served": round(t_served - t_imported, 1),
        "during_batch": load.window(t_batch, t_batched),
        "import_says": import_says, "lock_wait_during_import": lock.window(t_import, t_imported),
        "lock_wait_until_served": lock.window(t_imported, t_served), "lock_wait_during_batch": lock.window(t_batch, t_batched),
        "lock_probe_failures": lock.failures,
        "batch_seconds": round(t_batched - t_batch, 1),
        "probe_people": len(probe),
        "postings_listed_before": len(listed_before), "of_them_no_longer_open": len(went),
        "worst_person_before": {"applicant": worst[1], "stale_of_10": worst[0]},
        "listed_after_not_open": sum(1 for j in listed_after if not after_open[j]),
        "stale_listed_after": sum(1 for j in listed_after if j in went),
        "failed_lists_after": sum(1 for l in after.values() if l is None),
        "new_postings_listed_after": len({j for j in listed_after if j not in known}),
    }
    # The daemon's lists against the CLI's, computed from the database alone.
    same = differ = 0
    for x in probe[:10]:
        out = subprocess.run([a.jobmatch, "recommend", "--db", a.db, "--applicant", x, "--as-of", a.as_of, "--json"],
                             capture_output=True, text=True)
        if out.returncode != 0:
            differ += 1
            continue
        cli = [r["job"] for r in json.loads(out.stdout)["recommendations"]]
        same, differ = (same + 1, differ) if cli == after[x] else (same, differ + 1)
    report["import"]["daemon_equals_cli"] = {"same": same, "differ": differ}


async def candidate_call(port, token, job, as_of):
    conn = Conn(port)
    t0 = time.monotonic()
    try:
        status, headers, _ = await conn.request(f"/v1/jobs/{job}/candidates?k=10&as_of={urllib.parse.quote(as_of, safe='')}",
                                                token, timeout=120)
        retry = "retry-after" in headers
    except Exception:
        status, retry = -1, False
    conn.close()
    return status, time.monotonic() - t0, retry


async def phase_flood(a, tokens, applicants, jobs, report):
    load = ListLoad(a.port, tokens["operator"], applicants, a.as_of, a.clients)
    load.start()
    await asyncio.sleep(a.baseline)
    t0 = time.monotonic()
    rnd = random.Random(7)
    results = await asyncio.gather(*[candidate_call(a.port, tokens["evaluator"], rnd.choice(jobs), a.as_of) for _ in range(a.flood)])
    t1 = time.monotonic()
    await asyncio.sleep(0.5)
    await load.finish()
    statuses = {}
    for s, _, _ in results:
        statuses[str(s)] = statuses.get(str(s), 0) + 1
    ok = [d for s, d, _ in results if s == 200]
    refused = [r for r in results if r[0] in (503, 429)]
    report["flood"] = {
        "candidate_calls": a.flood, "seconds": round(t1 - t0, 2), "statuses": statuses,
        "refused_share": round(len(refused) / a.flood, 3),
        "refused_with_retry_after": sum(1 for r in refused if r[2]),
        "candidate_p50_ms": round(pct(ok, 50) * 1000, 1), "candidate_p99_ms": round(pct(ok, 99) * 1000, 1),
        "lists_baseline": load.window(0, t0), "lists_during_flood": load.window(t0, t1),
    }


async def slow_client(port, closed, started, interval):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    t0 = time.monotonic()
    started.append(t0)
    data = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 10000
    try:
        for byte in data:
            writer.write(bytes([byte]))
            await writer.drain()
            try:
                if await asyncio.wait_for(reader.read(1), interval) == b"":
                    break
            except asyncio.TimeoutError:
                continue
    except (ConnectionError, OSError):
        pass
    closed.append(time.monotonic() - t0)
    writer.close()


async def phase_slowloris(a, tokens, applicants, report):
    load = ListLoad(a.port, tokens["operator"], applicants, a.as_of, a.clients)
    load.start()
    await asyncio.sleep(a.baseline)
    closed, started = [], []
    t0 = time.monotonic()
    tasks = [asyncio.create_task(slow_client(a.port, closed, started, a.slow_interval)) for _ in range(a.slow)]
    done, pending = await asyncio.wait(tasks, timeout=a.slow_limit)
    for t in pending:
        t.cancel()
    t1 = time.monotonic()
    await load.finish()
    report["slowloris"] = {
        "connections": a.slow, "byte_every_s": a.slow_interval, "closed_by_server": len(closed),
        "still_open_after_s": {"seconds": a.slow_limit, "count": len(pending)},
        "closed_after_s_p50": round(pct(closed, 50), 1), "closed_after_s_max": round(max(closed, default=float("nan")), 1),
        "lists_during": load.window(t0, t1),
    }


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--jobmatch", required=True)
    p.add_argument("--import-dir", required=True)
    p.add_argument("--as-of", required=True)
    p.add_argument("--tokens", required=True, help="JSON {role: token}")
    p.add_argument("--out", required=True)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--baseline", type=float, default=5)
    p.add_argument("--flood", type=int, default=1000)
    p.add_argument("--slow", type=int, default=500)
    p.add_argument("--slow-interval", type=float, default=5)
    p.add_argument("--slow-limit", type=float, default=40)
    p.add_argument("--phases", default="import,flood,slowloris")
    a = p.parse_args()
    tokens = json.load(open(a.tokens))
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    applicants = [r[0] for r in con.execute("SELECT id FROM applicant WHERE status = 'seeking' ORDER BY id")]
    con.close()
    report = {}
    phases = a.phases.split(",")
    if "import" in phases:
        await phase_import(a, tokens, applicants, report)
        print(json.dumps({"import": report["import"]}), flush=True)
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    t = datetime.fromisoformat(a.as_of).timestamp()
    applicants = [r[0] for r in con.execute("SELECT id FROM applicant WHERE status = 'seeking' ORDER BY id")]
    jobs = [r[0] for r in con.execute("SELECT id FROM job WHERE status = 'open' AND posted_at_epoch <= ? AND expires_at_epoch > ?", (t, t))]
    con.close()
    if "flood" in phases:
        await phase_flood(a, tokens, applicants, jobs, report)
        print(json.dumps({"flood": report["flood"]}), flush=True)
    if "slowloris" in phases:
        await phase_slowloris(a, tokens, applicants, report)
        print(json.dumps({"slowloris": report["slowloris"]}), flush=True)
    json.dump(report, open(os.path.join(a.out, "report.json"), "w"), indent=2)


if __name__ == "__main__":
    asyncio.run(main())
