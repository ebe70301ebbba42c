#!/usr/bin/env python3
"""Adds interchange 1.1 records to an imported database for the assistance figures (docs/assistance.md):
courses of Chongqing's usual types in every district, households (every certified zero-employment household
member with one or two seeking members beside them, and a share of other people in households of two or three in
their district), and follow-up / referral entries for some of the recorded hires.

A stop-gap until the generator writes trainings.jsonl and services.jsonl itself: it writes straight into the v8
tables (training, service) and the applicant records' `household`, with the interchange JSON the store reads.
Deterministic for a seed. Usage: assist_records.py DB AS_OF [SEED]
"""
import json, random, sqlite3, sys
from datetime import datetime, timedelta, timezone

CN = timezone(timedelta(hours=8))
COURSES = [
    ("家政服务员培训", ["家务", "做饭", "保洁"], ["家政服务员证", "健康证"], None),
    ("养老护理员培训", ["养老护理", "生活照料"], ["养老护理员证", "健康证"], None),
    ("育婴员培训", ["育婴", "保育"], ["育婴员证", "健康证"], "junior_high"),
    ("电工培训", ["电工", "水电维修"], ["电工证"], "junior_high"),
    ("叉车司机培训", ["叉车", "装卸搬运"], ["叉车证"], None),
    ("电商直播培训", ["电商直播", "客服"], [], "junior_high"),
    ("中式烹调师培训", ["切配", "备菜", "做饭"], ["健康证"], None),
    ("美容美发培训", ["美发", "洗护"], ["健康证"], None),
    ("保安员培训", ["安保", "巡逻"], ["保安员证"], None),
    ("焊工培训", ["电焊", "识图"], ["焊工证"], "junior_high"),
    ("母婴护理培训", ["母婴护理", "做饭"], ["母婴护理证", "健康证"], None),
]


def text(t):
    return t.astimezone(CN).isoformat(timespec="seconds")


def main():
    path, as_of = sys.argv[1], datetime.fromisoformat(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 16)
    db = sqlite3.connect(path)
    people = [json.loads(r[0]) for r in db.execute("SELECT record FROM applicant ORDER BY id")]
    districts = sorted({p["district"] for p in people})
    centres = {}
    for p in people:
        if "location" in p:
            centres.setdefault(p["district"], p["location"])
    n = 0
    for d in districts:
        for title, skills, certs, edu in rng.sample(COURSES, 5):
            n += 1
            start = as_of + timedelta(days=rng.randint(-10, 40), hours=rng.choice([0, 1, 5]))
            record = {"id": f"T{n:05d}", "title": title, "provider": f"{d}职业技能培训学校", "district": d}
            if d in centres:
                c = centres[d]
                record["location"] = {"lat": round(c["lat"] + rng.uniform(-0.03, 0.03), 5), "lng": round(c["lng"] + rng.uniform(-0.03, 0.03), 5)}
            if rng.random() < 0.15:
                record["mode"] = "online"
            record.update({"skills": skills, "certificates": certs})
            if edu:
                record["education_min"] = edu
            hours = rng.choice([40, 60, 80, 120, 160])
            end = start + timedelta(days=hours // 4)
            record.update({"hours": hours, "starts_at": text(start), "ends_at": text(end), "seats": rng.choice([20, 30, 50]),
                           "subsidized": rng.random() < 0.8})
            db.execute("INSERT OR REPLACE INTO training (id, district, starts_at_epoch, ends_at_epoch, record) VALUES (?,?,?,?,?)",
                       (record["id"], d, start.timestamp(), end.timestamp(), json.dumps(record, ensure_ascii=False, separators=(",", ":"))))
    by_district = {}
    for p in people:
        by_district.setdefault(p["district"], []).append(p)
    taken, households = set(), 0

    def household(members):
        nonlocal households
        households += 1
        for m in members:
            m["household"] = f"H{households:06d}"
            taken.add(m["id"])

    for p in people:
        if "zero_employment_household" in p.get("groups", []) and p["id"] not in taken:
            free = [q for q in by_district[p["district"]] if q["id"] not in taken and q["id"] != p["id"] and q["status"] == "seeking"
                    and "zero_employment_household" not in q.get("groups", [])]
            household([p] + rng.sample(free, min(len(free), rng.choice([1, 2]))))
    for d in districts:
        free = [q for q in by_district[d] if q["id"] not in taken]
        rng.shuffle(free)
        i = 0
        while i + 3 <= len(free) * 0.3:
            size = rng.choice([2, 3])
            household(free[i:i + size])
            i += size
    for p in people:
        if "household" in p:
            db.execute("UPDATE applicant SET record = json_set(record, '$.household', ?) WHERE id = ?", (p["household"], p["id"]))
    hires = db.execute("SELECT applicant_id, job_id, at FROM interaction WHERE event = 'hired' ORDER BY id").fetchall()
    services = 0
    staff = ["王专员", "李专员", "张专员", "刘专员"]
    for who, job, at in hires:
        hired = datetime.fromisoformat(at)
        for days in (30, 90):
            visit = hired + timedelta(days=days + rng.randint(-5, 3))
            if visit < as_of and rng.random() < 0.6:
                entry = {"applicant": who, "kind": "follow_up", "at": text(visit), "by": rng.choice(staff), "note": "回访：在岗稳定"}
                db.execute("INSERT OR IGNORE INTO service (applicant_id, kind, at, at_epoch, job_id, training_id, record) VALUES (?,?,?,?,?,?,?)",
                           (who, "follow_up", entry["at"], visit.timestamp(), None, None, json.dumps(entry, ensure_ascii=False, separators=(",", ":"))))
                services += 1
    db.commit()
    print(f"trainings: {n}, households: {households} ({len(taken)} people), follow-up entries: {services} for {len(hires)} hires")


if __name__ == "__main__":
    main()
