"""The hot paths at full size (after bench/populate.py): median time, SQL
query count and the plans of every SELECT they send.

For each path: the median of several runs (everything rolled back between
runs), its queries, and an EXPLAIN of each statement: a sequential scan on a
table of more than 10,000 rows fails the check.

Usage: python bench/run.py DB   (make bench-full does populate + run)
"""

import statistics
import sys
import time
from datetime import date, timedelta
from unittest.mock import patch

from common import company, open_env, rng

from odoo.tools import SQL

RUNS = 5
BIG_TABLE = 10_000


def timed(env, func, runs=RUNS, setup=None):
    """Median seconds and queries of ``func`` over ``runs`` rolled-back runs;
    ``setup`` (not timed) prepares what ``func`` works on."""
    samples = []
    for _run in range(runs):
        env.invalidate_all()
        env.registry.clear_cache()
        func(setup() if setup else None)  # warm: ORM caches, not the database
        env.cr.rollback()
        env.invalidate_all()
        prepared = setup() if setup else None
        env.flush_all()
        env.invalidate_all()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        func(prepared)
        env.flush_all()
        samples.append((time.perf_counter() - start, env.cr.sql_log_count - queries))
        env.cr.rollback()
    return (
        statistics.median(s for s, _q in samples),
        statistics.median(q for _s, q in samples),
    )


def big_tables(env):
    env.cr.execute(
        "SELECT relname, reltuples FROM pg_class "
        "WHERE relkind = 'r' AND reltuples > %s",
        [BIG_TABLE],
    )
    return {name: int(rows) for name, rows in env.cr.fetchall()}


def capture(env, func):
    """(query, params) of every statement ``func`` sends."""
    cr_class = type(env.cr)
    original = cr_class.execute
    statements = []

    def spy(cr, query, params=None, log_exceptions=True):
        if isinstance(query, SQL):
            statements.append((query.code, query.params))
        else:
            statements.append((str(query), params))
        return original(cr, query, params, log_exceptions)

    with patch.object(cr_class, "execute", spy):
        func()
    return statements


def seq_scans(env, func, big, setup=None):
    """Sequential scans on big tables in the plans of the SELECTs of ``func``."""
    env.invalidate_all()
    prepared = setup() if setup else None
    env.flush_all()
    statements = capture(env, lambda: func(prepared))
    env.cr.rollback()
    found = set()
    for text, params in statements:
        if not text.lstrip().upper().startswith("SELECT"):
            continue
        env.cr.execute(f"EXPLAIN (FORMAT JSON) {text}", params or None)
        stack = [env.cr.fetchone()[0][0]["Plan"]]
        while stack:
            node = stack.pop()
            if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in big:
                found.add(node["Relation Name"])
            stack.extend(node.get("Plans", []))
    env.cr.rollback()
    return sorted(found)


def main():
    db = sys.argv[1]
    env = open_env(db)
    big = big_tables(env)
    team = env["crm.team"].search([("name", "=", "Bench Team 1")], limit=1)
    members = team.crm_team_member_ids
    rep = members[0].user_id
    manager = env.ref("base.user_admin")
    if team.company_id not in manager.company_ids:
        manager.company_ids = [(4, team.company_id.id)]
        env.cr.commit()
    # As the web client sends it: the team's company is the active one.
    web = {
        "tz": "Asia/Shanghai",
        "lang": "en_US",
        "allowed_company_ids": [team.company_id.id],
    }
    generator = rng(99)
    counter = iter(range(50_000_000, 60_000_000))

    def lead_create(_prepared):
        name, email, phone = company(next(counter), generator)
        env["crm.lead"].with_user(rep).with_context(**web).create(
            {
                "name": "New deal",
                "type": "opportunity",
                "partner_name": name,
                "email_from": email,
                "phone": phone,
                "user_id": rep.id,
                "team_id": team.id,
            }
        )

    probe = env["crm.lead"].search([("user_id", "=", rep.id)], limit=1)

    def duplicates(_prepared):
        probe.invalidate_recordset()
        probe._compute_potential_lead_duplicates()

    def board(_prepared):
        env["crm.team.member"].with_user(manager).with_context(**web).search(
            [("crm_team_id", "=", team.id)]
        ).read(
            [
                "stm_board_revenue",
                "stm_board_visits_30d",
                "stm_board_projects_12m",
                "stm_board_compliance",
                "stm_board_disputes",
                "stm_board_alarms",
            ]
        )

    def forecast(_prepared):
        Lead = env["crm.lead"].with_user(manager).with_context(**web)
        Lead._read_group(
            [
                ("type", "=", "opportunity"),
                ("probability", "<", 100),
                ("team_id", "=", team.id),
            ],
            ["user_id", "date_deadline:month"],
            ["stm_weighted_revenue:sum", "expected_revenue:sum"],
        )
        as_manager = team.with_user(manager).with_context(**web)
        as_manager.invalidate_recordset()
        as_manager.stm_forecast_next_month  # noqa: B018

    def new_appraisals():
        quarter = date.today() - timedelta(days=90)
        return (
            env["stm.appraisal"]
            .with_context(**web)
            .create(
                [
                    {"user_id": m.user_id.id, "period": "quarter", "date_from": quarter}
                    for m in members
                ]
            )
        )

    def appraisal_fill(appraisals):
        appraisals.action_fill_kpis()

    def expiry_cron(_prepared):
        env["stm.claim"]._cron_expire()

    def compliance_cron(_prepared):
        env["stm.compliance"]._cron_snapshot()

    paths = [
        ("lead create with the claim check", lead_create, RUNS * 4, None),
        ("Odoo duplicate_lead_ids on one lead", duplicates, RUNS * 4, None),
        ("team board (one team, 25 cards)", board, RUNS, None),
        ("forecast screen (pivot + team summary)", forecast, RUNS, None),
        ("appraisal auto-fill (one team, 25)", appraisal_fill, RUNS, new_appraisals),
        ("claim expiry cron (whole company)", expiry_cron, 3, None),
        ("compliance cron (500 salespeople)", compliance_cron, 3, None),
    ]
    print(f"database {db}")
    for table in ("res_partner", "crm_lead", "stm_claim", "stm_claim_key", "stm_visit"):
        print(f"  {table}: {big.get(table, 0):,} rows")
    print(f"{'hot path':42} {'median':>10} {'queries':>8}  seq scans on big tables")
    for label, func, runs, setup in paths:
        seconds, queries = timed(env, func, runs, setup)
        scans = seq_scans(env, func, big, setup)
        print(
            f"{label:42} {seconds * 1000:8.1f} ms {queries:8.0f}  "
            f"{', '.join(scans) if scans else 'none'}",
            flush=True,
        )
    env.cr.close()


if __name__ == "__main__":
    main()
