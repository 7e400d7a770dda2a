"""The pool rules at size: the daily claim job (expiry, 3-day warnings, the
follow-up ladder, the teams' pools) over 100,000 claims, and the hand-over
of a leaving salesperson holding 2,000 customers, in one transaction.

Runs on the database `claims.py` fills (stm_bench<series>_100000: 100,000 claimed
customers with their leads, 20 salespeople); every run is rolled back.

Usage: python bench/pool.py DB
"""

import sys
import time

from common import USER_GROUPS, measure, open_env

from odoo import fields
from odoo.tools import SQL

HANDOVER_SIZE = 2000


def spread_followups(env):
    """Last follow-ups spread over the last 45 days: each day of the month
    brings its share of owners' to-dos, managers told, claims at risk and
    claims expired (30 days without follow-up)."""
    env.cr.execute(
        SQL(
            "UPDATE stm_claim SET state = 'active', pinned = false, "
            "expiry_warned = false, followup_step = 0, at_risk = false, "
            "last_followup_on = %s - mod(id, 45), "
            "protected_until = %s - mod(id, 45) + 30",
            fields.Date.today(),
            fields.Date.today(),
        )
    )
    env.cr.execute("UPDATE stm_claim_key SET active = true")
    env.invalidate_all()


def bench_daily_job(env):
    spread_followups(env)
    env.cr.execute("SELECT count(*) FROM stm_claim WHERE state = 'active'")
    active = env.cr.fetchone()[0]
    samples = []
    with measure(env, samples):
        env["stm.claim"]._cron_expire()
    env.cr.execute(
        "SELECT count(*) FILTER (WHERE state = 'expired'), "
        "count(*) FILTER (WHERE at_risk), count(*) FILTER (WHERE followup_step > 0) "
        "FROM stm_claim"
    )
    expired, at_risk, laddered = env.cr.fetchone()
    # The next day: only that day's share of claims moves.
    env.cr.execute(
        "UPDATE stm_claim SET last_followup_on = last_followup_on - 1, "
        "protected_until = protected_until - 1 WHERE state = 'active'"
    )
    env.invalidate_all()
    with measure(env, samples):
        env["stm.claim"]._cron_expire()
    seconds, queries = samples[0]
    next_seconds, next_queries = samples[1]
    return {
        "active claims before": active,
        "expired to the pool": expired,
        "on the ladder": laddered,
        "at risk": at_risk,
        "first run, 45 days of backlog (s)": round(seconds, 1),
        "first run (queries)": queries,
        "next day (s)": round(next_seconds, 1),
        "next day (queries)": next_queries,
    }


def bench_handover(env):
    Users = env["res.users"].with_context(no_reset_password=True)
    leaver = Users.create(
        {
            "name": "Bench Leaver",
            "login": f"bench_leaver_{time.time_ns()}",
            USER_GROUPS: [(6, 0, [env.ref("sales_team.group_sale_salesman").id])],
        }
    )
    heir = Users.search([("login", "=like", "bench_rep_%")], limit=1)
    env.cr.execute(
        SQL(
            "WITH picked AS (SELECT id FROM stm_claim WHERE state = 'active' "
            "ORDER BY id LIMIT %s) UPDATE stm_claim SET user_id = %s "
            "WHERE id IN (SELECT id FROM picked)",
            HANDOVER_SIZE,
            leaver.id,
        )
    )
    env.cr.execute(
        SQL(
            "UPDATE crm_lead SET user_id = %s, stm_claim_user_id = %s "
            "WHERE stm_claim_id IN (SELECT id FROM stm_claim WHERE user_id = %s)",
            leaver.id,
            leaver.id,
            leaver.id,
        )
    )
    env.invalidate_all()
    opened, confirmed = [], []
    with measure(env, opened):
        leaver.active = False
    handover = env["stm.handover"].search([("user_id", "=", leaver.id)])
    handover.heir_id = heir
    env.flush_all()
    with measure(env, confirmed):
        handover.action_confirm()
    env.cr.execute(
        SQL(
            "SELECT count(*) FROM stm_claim WHERE user_id = %s AND state = 'active'",
            leaver.id,
        )
    )
    left = env.cr.fetchone()[0]
    return {
        "customers handed over": len(handover.line_ids),
        "archiving the user, hand-over opened (s)": round(opened[0][0], 2),
        "archiving the user (queries)": opened[0][1],
        "confirming the hand-over (s)": round(confirmed[0][0], 2),
        "confirming the hand-over (queries)": confirmed[0][1],
        "customers left with the leaver": left,
    }


def main():
    env = open_env(sys.argv[1])
    for name, run in (
        ("daily claim job", bench_daily_job),
        ("hand-over", bench_handover),
    ):
        print(f"== {name}", flush=True)
        for key, value in run(env).items():
            print(f"  {key}: {value}", flush=True)
        env.cr.rollback()
        env.invalidate_all()
    env.cr.close()


if __name__ == "__main__":
    main()
