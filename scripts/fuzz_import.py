#!/usr/bin/env python3
"""Import fuzzer, the long part (scripts/fuzz-import.sh runs it; the fast part is ImportFuzzTests).

Makes hundreds of corrupted variants of a small valid data set and imports each, through the real
`jobmatch import` binary, into a copy of a database that already holds other data. Each variant has an
expected verdict written with it: refused (exit 1, stderr naming `file:line: ` and the field where there
is one, the database unchanged) or accepted (exit 0; CRLF and blank lines). Also checks every run for
crashes (a signal or an exit code other than 0/1), hangs (timeout) and PRAGMA integrity_check.

  fuzz_import.py JOBMATCH_BINARY WORK_DIR [--variants N] [--seed S]
"""
import argparse, hashlib, json, os, random, re, shutil, sqlite3, subprocess, sys

FILES = ["applicants.jsonl", "jobs.jsonl", "interactions.jsonl", "trainings.jsonl", "services.jsonl"]
ENUMS = {"applicants.jsonl": ["gender", "education", "status", "intent", "work_capacity"],
         "jobs.jsonl": ["job_type", "status", "education_min"], "interactions.jsonl": ["event"],
         "trainings.jsonl": ["mode", "education_min"], "services.jsonl": ["kind"]}
KNOWN = {"applicants.jsonl": {"id", "gender", "birth_year", "district", "location", "education", "disability", "groups", "skills",
                               "certificates", "experience", "preferences", "intent", "work_capacity", "profile_text", "status", "updated_at",
                               "household"},
         "jobs.jsonl": {"id", "employer", "title", "description", "occupation", "district", "location", "remote", "job_type", "schedule",
                        "hours_per_week", "wage", "education_min", "age", "skills_required", "skills_preferred", "certificates_required",
                        "demands", "accommodations", "tags", "openings", "posted_at", "expires_at", "status"},
         "interactions.jsonl": {"applicant", "job", "event", "at"},
         "trainings.jsonl": {"id", "title", "provider", "district", "location", "mode", "skills", "certificates", "education_min", "hours",
                             "starts_at", "ends_at", "seats", "subsidized"},
         "services.jsonl": {"applicant", "kind", "at", "by", "note", "job", "training"}}
REQUIRED = {"applicants.jsonl": ["id", "gender", "birth_year", "district", "education", "status", "updated_at"],
            "jobs.jsonl": ["id", "employer", "title", "district", "job_type", "openings", "posted_at", "expires_at", "status"],
            "interactions.jsonl": ["applicant", "job", "event", "at"],
            "trainings.jsonl": ["id", "title", "district", "starts_at", "ends_at"],
            "services.jsonl": ["applicant", "kind", "at"]}


def db_state(path):
    con = sqlite3.connect(path)
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    digest = hashlib.sha256()
    for table in ("applicant", "job", "interaction", "training", "service"):
        for row in con.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
            digest.update(repr(row).encode())
    con.close()
    return ok, digest.hexdigest()


def lines_of(data):
    return data.split(b"\n")


def join(lines):
    return b"\n".join(lines)


class Variant:
    def __init__(self, kind, files, file=None, line=None, field=None, accept=False, special=None):
        self.kind, self.files, self.file, self.line, self.field, self.accept, self.special = kind, files, file, line, field, accept, special


def make_variants(base, n, rng):
    """base: {file: bytes}. Returns Variants with their expected verdicts."""
    out = []
    parsed = {f: [json.loads(l) for l in lines_of(base[f]) if l.strip()] for f in FILES}

    def with_line(f, i, obj_or_bytes):
        files = dict(base)
        ls = lines_of(files[f])
        ls[i] = obj_or_bytes if isinstance(obj_or_bytes, bytes) else json.dumps(obj_or_bytes, ensure_ascii=False).encode()
        files[f] = join(ls)
        return files

    def pick(f=None):
        f = f or rng.choice(FILES)
        return f, rng.randrange(len(parsed[f]))

    kinds = ["truncate", "utf8", "wrong_type", "unknown_enum", "duplicate_key", "duplicate_id", "missing_required",
             "bom", "crlf", "huge_bad", "huge_good", "unknown_ref", "not_object", "nul", "noise"]
    for k in range(n):
        kind = kinds[k % len(kinds)]
        if kind == "truncate":
            f, i = pick()
            line = lines_of(base[f])[i]
            for _ in range(20):
                cut = rng.randrange(1, len(line))
                try:
                    json.loads(line[:cut])
                except ValueError:
                    break
            files = dict(base)
            ls = lines_of(base[f])[: i + 1]
            ls[i] = line[:cut]
            files[f] = join(ls)
            out.append(Variant(kind, files, f, i + 1, None))
        elif kind == "utf8":
            f, i = pick()
            line = bytearray(lines_of(base[f])[i])
            quotes = [m.start() for m in re.finditer(rb'"[^"\\]{2,}"', bytes(line))]
            pos = rng.choice(quotes) + 1
            line[pos] = rng.choice([0xFF, 0xFE, 0xC0, 0x80, 0xED])
            if line[pos] in (0xC0, 0xED):  # overlong / surrogate lead followed by an ASCII byte: invalid
                line.insert(pos + 1, 0x41)
            out.append(Variant(kind, with_line(f, i, bytes(line)), f, i + 1, None))
        elif kind == "wrong_type":
            f, i = pick()
            obj = dict(parsed[f][i])
            key = rng.choice(sorted(set(obj) & KNOWN[f]))
            v = obj[key]
            if v is None:
                continue
            obj[key] = {str: 7, int: "7", float: "7.5", bool: "yes", list: "x", dict: ["x"]}[type(v)]
            out.append(Variant(kind, with_line(f, i, obj), f, i + 1, key))
        elif kind == "unknown_enum":
            f, i = pick()
            obj = dict(parsed[f][i])
            key = rng.choice(ENUMS[f])
            obj[key] = rng.choice(["zz_unknown", "FULL_TIME", "", "open ", "未知"])
            out.append(Variant(kind, with_line(f, i, obj), f, i + 1, key))
        elif kind == "duplicate_key":
            f, i = pick()
            line = lines_of(base[f])[i]
            key = rng.choice(sorted(parsed[f][i]))
            extra = b',"' + key.encode() + b'":' + json.dumps(parsed[f][i][key], ensure_ascii=False).encode()
            # The repeated key with the same or another value: both are errors.
            if rng.random() < 0.5 and isinstance(parsed[f][i][key], str):
                extra = b',"' + key.encode() + b'":"ZZ9"'
            out.append(Variant(kind, with_line(f, i, line[:-1] + extra + b"}"), f, i + 1, key))
        elif kind == "duplicate_id":
            f = rng.choice(["applicants.jsonl", "jobs.jsonl", "trainings.jsonl"])
            i, j = sorted(rng.sample(range(len(parsed[f])), 2))
            obj = dict(parsed[f][j])
            obj["id"] = parsed[f][i]["id"]
            out.append(Variant(kind, with_line(f, j, obj), f, j + 1, "id"))
        elif kind == "missing_required":
            f, i = pick()
            obj = dict(parsed[f][i])
            key = rng.choice(REQUIRED[f])
            del obj[key]
            out.append(Variant(kind, with_line(f, i, obj), f, i + 1, key))
        elif kind == "bom":
            f = rng.choice(FILES)
            files = dict(base)
            files[f] = b"\xef\xbb\xbf" + files[f]
            out.append(Variant(kind, files, f, 1, None))
        elif kind == "crlf":
            files = {f: base[f].replace(b"\n", b"\r\n") for f in FILES}
            if rng.random() < 0.5:
                files = {f: files[f].replace(b"\r\n", b"\r\n\r\n", rng.randrange(1, 5)) for f in FILES}
            out.append(Variant(kind, files, accept=True))
        elif kind in ("huge_bad", "huge_good"):
            f, i = pick("applicants.jsonl")
            obj = dict(parsed[f][i])
            obj["profile_text"] = "就业" * rng.randrange(300_000, 900_000)
            if kind == "huge_bad":
                obj["education"] = "phd"
                out.append(Variant(kind, with_line(f, i, obj), f, i + 1, "education"))
            else:
                out.append(Variant(kind, with_line(f, i, obj), accept=True))
        elif kind == "unknown_ref":
            f, i = pick(rng.choice(["interactions.jsonl", "services.jsonl"]))
            obj = dict(parsed[f][i])
            key = rng.choice([k for k in ("applicant", "job", "training") if k in obj])
            obj[key] = "NOPE-" + str(rng.randrange(10**6))
            out.append(Variant(kind, with_line(f, i, obj), f, i + 1, key))
        elif kind == "not_object":
            f, i = pick()
            out.append(Variant(kind, with_line(f, i, rng.choice([b"[]", b"null", b"42", b'"x"', b"{", b"}", b"{}x", b"true"])), f, i + 1, None))
        elif kind == "nul":
            f, i = pick()
            line = bytearray(lines_of(base[f])[i])
            pos = rng.choice([m.start() for m in re.finditer(rb'"[^"\\]{2,}"', bytes(line))]) + 1
            line.insert(pos, rng.choice([0x00, 0x01, 0x1F]))
            out.append(Variant(kind, with_line(f, i, bytes(line)), f, i + 1, None))
        elif kind == "noise":
            # Random byte flips: refused or accepted is not known in advance; only crashes, hangs and
            # half-written databases count.
            f = rng.choice(FILES)
            data = bytearray(base[f])
            for _ in range(rng.randrange(1, 4)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            files = dict(base)
            files[f] = bytes(data)
            out.append(Variant(kind, files, f, None, None, accept=None))
    for special in ["folder:applicants.jsonl", "fifo:jobs.jsonl", "folder:interactions.jsonl", "fifo:interactions.jsonl",
                    "folder:trainings.jsonl", "fifo:services.jsonl"]:
        out.append(Variant("special", dict(base), special.split(":")[1], None, None, special=special.split(":")[0]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("work")
    ap.add_argument("--variants", type=int, default=300)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = os.path.abspath(args.work)
    base = {f: open(os.path.join(work, "data", f), "rb").read().rstrip(b"\n") + b"\n" for f in FILES}
    baseline_db = os.path.join(work, "baseline.sqlite")
    ok, baseline = db_state(baseline_db)
    assert ok == "ok"
    variants = make_variants(base, args.variants, rng)
    counts = {k: 0 for k in ["variants", "refused", "accepted", "crashes", "hangs", "partial_writes", "wrongly_accepted",
                             "wrongly_refused", "bad_messages", "corrupt"]}
    failures = []
    for n, v in enumerate(variants):
        counts["variants"] += 1
        folder = os.path.join(work, "variant")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for f, data in v.files.items():
            if v.special and f == v.file:
                continue
            open(os.path.join(folder, f), "wb").write(data)
        if v.special == "folder":
            os.mkdir(os.path.join(folder, v.file))
        elif v.special == "fifo":
            os.mkfifo(os.path.join(folder, v.file))
        db = os.path.join(work, "run.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        shutil.copy(baseline_db, db)
        try:
            run = subprocess.run([args.binary, "import", folder, "--db", db], capture_output=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            counts["hangs"] += 1
            failures.append(f"#{n} {v.kind}: hang")
            continue
        err = run.stderr.decode("utf-8", "replace")
        ok, state = db_state(db)
        if ok != "ok":
            counts["corrupt"] += 1
            failures.append(f"#{n} {v.kind}: integrity_check {ok}")
        if run.returncode not in (0, 1):
            counts["crashes"] += 1
            failures.append(f"#{n} {v.kind}: exit {run.returncode}: {err[-300:]}")
            continue
        counts["accepted" if run.returncode == 0 else "refused"] += 1
        if run.returncode == 1 and state != baseline:
            counts["partial_writes"] += 1
            failures.append(f"#{n} {v.kind}: refused but the database changed")
        if v.accept is None:
            continue
        if v.accept and run.returncode != 0:
            counts["wrongly_refused"] += 1
            failures.append(f"#{n} {v.kind}: refused: {err[:300]}")
        elif not v.accept and run.returncode == 0:
            counts["wrongly_accepted"] += 1
            failures.append(f"#{n} {v.kind}: accepted ({v.file}:{v.line} {v.field})")
        elif not v.accept:
            if v.special:
                want = re.escape(os.path.join(folder, v.file)) + r": not a regular file"
            else:
                want = re.escape(os.path.join(folder, v.file)) + f":{v.line}: " + (re.escape(v.field) + ": " if v.field else "")
            first = err.splitlines()[0] if err else ""
            if not re.search(want, first):
                counts["bad_messages"] += 1
                failures.append(f"#{n} {v.kind}: wanted /{want}/ first, got: {first[:300]}")
    print(json.dumps(counts))
    for line in failures[:40]:
        print(line)
    bad = sum(counts[k] for k in ["crashes", "hangs", "partial_writes", "wrongly_accepted", "wrongly_refused", "bad_messages", "corrupt"])
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
