"""After `make load`: the figures of the run and the invariants, checked in
SQL on the primary. Exits 1 when an invariant does not hold.

Usage: python report.py RUN_DIR DB NODES [REPLICA_PORT]
RUN_DIR holds Locust's CSV files (run_stats.csv, run_failures.csv), the
refusals log, the nodes' logs (node*.log) and the server counters taken
before and after (run_counters_before.json, run_counters_after.json).
"""

import csv
import json
import os
import re
import sys
from collections import defaultdict
from datetime import datetime

import psycopg2

sys.path.insert(
    0, os.path.join(os.path.dirname(__file__), "..", "..", "sales_team_mgmt")
)
from policy.keys import identity_keys

RUN, DB, NODES = sys.argv[1], sys.argv[2], int(sys.argv[3])


def connect(port=None):
    return psycopg2.connect(
        dbname=DB,
        host=os.environ.get("PGHOST", "127.0.0.1"),
        port=port or os.environ.get("PGPORT", "5432"),
        user=os.environ.get("PGUSER", "root"),
    )


def figures():
    with open(os.path.join(RUN, "run_stats.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    print(
        f"\n{int(total['Request Count'])} requests, "
        f"{float(total['Requests/s']):.1f} per second, "
        f"{int(total['Failure Count'])} failed"
    )
    print(f"{'action':<42} {'count':>6} {'p50':>6} {'p95':>6} {'p99':>6}  (ms)")
    for row in rows:
        if row["Name"] in ("Aggregated", "login"):
            continue
        print(
            f"{row['Name']:<42} {row['Request Count']:>6} {row['50%']:>6} "
            f"{row['95%']:>6} {row['99%']:>6}"
        )
    failures = defaultdict(int)
    with open(os.path.join(RUN, "run_failures.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            failures[row["Error"]] += int(row["Occurrences"])
    print("failures by kind:", dict(failures) or "none")
    return failures


def server_counters():
    before = json.load(open(os.path.join(RUN, "run_counters_before.json")))
    after = json.load(open(os.path.join(RUN, "run_counters_after.json")))
    print("transactions served during the run (pg_stat_database):")
    for server in after:
        print(f"  {server:<8} {after[server] - before.get(server, 0):>8}")


def cron_overlaps():
    """Runs of one job that overlapped, across both nodes' cron workers."""
    pattern = re.compile(
        r"^(\S+ \S+) \d+ INFO \S+ odoo\.addons\.base\.models\.ir_cron: "
        r"Job '(.+?)' \((\d+)\) (starting|done)"
    )
    runs = defaultdict(list)
    open_runs = {}
    for name in sorted(os.listdir(RUN)):
        if not name.startswith("node") or not name.endswith(".log"):
            continue
        with open(os.path.join(RUN, name), encoding="utf-8", errors="replace") as fh:
            for line in fh:
                match = pattern.match(line)
                if not match:
                    continue
                when = datetime.strptime(match[1], "%Y-%m-%d %H:%M:%S,%f")
                pid = line.split()[2]
                key = (name, pid, match[3])
                if match[4] == "starting":
                    open_runs[key] = when
                elif key in open_runs:
                    runs[match[3]].append((open_runs.pop(key), when, match[2]))
    overlaps = []
    for job_runs in runs.values():
        running_until = None
        for start, end, job in sorted(job_runs):
            if running_until and start < running_until:
                overlaps.append(job)
            running_until = max(running_until or end, end)
    print(
        f"cron runs during the load: {sum(len(r) for r in runs.values())} "
        f"({len(runs)} jobs)"
    )
    return overlaps


def retried_on_primary():
    count = 0
    for name in os.listdir(RUN):
        if name.startswith("node") and name.endswith(".log"):
            with open(
                os.path.join(RUN, name), encoding="utf-8", errors="replace"
            ) as fh:
                count += sum("retrying with a read/write cursor" in line for line in fh)
    return count


def invariants(failures):
    checks = []
    with connect() as cn, cn.cursor() as cr:
        cr.execute(
            """SELECT count(*) FROM (
                   SELECT company_id, key_type, key_value FROM stm_claim_key
                   WHERE active GROUP BY 1, 2, 3 HAVING count(*) > 1) twins"""
        )
        checks.append(("no two active claim keys alike", cr.fetchone()[0] == 0))
        cr.execute(
            """SELECT count(*) FROM crm_lead l JOIN stm_claim c ON c.id = l.stm_claim_id
               WHERE c.state = 'active' AND l.active AND l.probability < 100
                 AND l.user_id IS DISTINCT FROM c.user_id"""
        )
        checks.append(
            (
                "every open lead of an active claim belongs to its owner",
                not cr.fetchone()[0],
            )
        )
        cr.execute(
            """SELECT count(*) FROM stm_claim c
               WHERE NOT EXISTS (
                   SELECT 1 FROM res_company_users_rel r
                   WHERE r.user_id = c.user_id AND r.cid = c.company_id)"""
        )
        checks.append(
            ("no claim owned by a user outside its company", not cr.fetchone()[0])
        )
        cr.execute("SELECT count(*) FROM stm_claim WHERE state = 'active'")
        active_claims = cr.fetchone()[0]
    refusals = []
    path = os.path.join(RUN, "refusals.jsonl")
    if os.path.exists(path):
        refusals = [json.loads(line) for line in open(path, encoding="utf-8")]
    # The refusal names a salesperson who, now, holds an active claim on one
    # of the keys of what was typed (the hot customer's first owner, or a
    # colleague whose dispute-mode registration holds a variant of it).
    unnamed = []
    with connect() as cn, cn.cursor() as cr:
        for refusal in refusals:
            keys = identity_keys(
                names=[refusal["partner_name"]], phones=[refusal["phone"]], region="CN"
            )
            cr.execute(
                """SELECT DISTINCT p.name FROM stm_claim_key k
                   JOIN stm_claim c ON c.id = k.claim_id AND c.state = 'active'
                   JOIN res_users u ON u.id = c.user_id
                   JOIN res_partner p ON p.id = u.partner_id
                   WHERE k.active AND (k.key_type, k.key_value) IN %s""",
                (tuple(sorted(keys)),),
            )
            holders = [name for (name,) in cr.fetchall()]
            if not any(name in refusal["message"] for name in holders):
                unnamed.append(refusal)
    checks.append(
        (
            f"every refused registration named the owner ({len(refusals)} refused)",
            not unnamed,
        )
    )
    faults = {
        kind: count
        for kind, count in failures.items()
        if "serialization" in kind or "server error" in kind or "HTTP 5" in kind
    }
    checks.append(
        ("no HTTP 500, serialization failure or deadlock reached a user", not faults)
    )
    overlaps = cron_overlaps()
    checks.append(("no cron job ran twice at once", not overlaps))
    print(f"active claims after the run: {active_claims}")
    print(f"read-only requests retried on the primary: {retried_on_primary()}")
    print("\ninvariants:")
    for label, held in checks:
        print(f"  {'held  ' if held else 'BROKEN'} {label}")
    if unnamed:
        print("  e.g.", unnamed[0])
    if faults:
        print("  faults:", faults)
    return all(held for __, held in checks)


if __name__ == "__main__":
    kinds = figures()
    server_counters()
    sys.exit(0 if invariants(kinds) else 1)
