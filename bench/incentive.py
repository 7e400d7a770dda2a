"""Incentive statements and honours at full size: every team on a monthly
plan, last month's statements prepared for its 500 salespeople over the
200,000 opportunities of `populate.py` (their won deals spread over the
last 300 days), then the drafts counted again (the daily job's second
half) and the month's honours awarded. One transaction, rolled back.

Usage: python bench/incentive.py DB   (DB filled by populate.py)
"""

import sys
from datetime import timedelta

from common import measure, open_env

from odoo import fields


def set_up(env):
    """Targets for everyone, one monthly plan per team."""
    members = env["crm.team.member"].search([])
    members.write({"stm_revenue_target": 1_200_000, "stm_joined_on": "2020-01-01"})
    env["stm.incentive.plan"].create(
        [
            {
                "name": f"Plan {team.name}",
                "team_id": team.id,
                "period": "month",
                "date_start": "2020-01-01",
                "bonus_amount": 2000,
                "tier_ids": [
                    (0, 0, {"threshold_pct": 0, "rate_pct": 1}),
                    (0, 0, {"threshold_pct": 80, "rate_pct": 2}),
                    (0, 0, {"threshold_pct": 100, "rate_pct": 3}),
                ],
                "allowance_ids": [(0, 0, {"name": "Transport", "amount": 500})],
            }
            for team in members.crm_team_id
        ]
    )
    env.flush_all()
    return members


def main():
    env = open_env(sys.argv[1])
    members = set_up(env)
    env.cr.execute(
        "SELECT count(*), count(*) FILTER (WHERE stage_id IN "
        "(SELECT id FROM crm_stage WHERE is_won)) FROM crm_lead"
    )
    leads, won = env.cr.fetchone()
    Statement = env["stm.incentive.statement"]
    last = fields.Date.today().replace(day=1) - timedelta(days=1)
    first = last.replace(day=1)
    prepared, refreshed, awarded = [], [], []
    with measure(env, prepared):
        Statement._cron_prepare()
    statements = Statement.search([("date_from", "=", first)])
    with measure(env, refreshed):
        statements._stm_fill()
    with measure(env, awarded):
        env["stm.honour"]._stm_award_period("month", first, last)
    figures = {
        "opportunities (won)": f"{leads} ({won})",
        "salespeople in teams": len(members.user_id),
        "statements prepared": len(statements),
        "deals counted": sum(len(s.deal_line_ids) for s in statements),
        "total paid": round(sum(statements.mapped("total"))),
        "daily job: prepare + count drafts (s)": round(prepared[0][0], 2),
        "daily job (queries)": prepared[0][1],
        "counting the drafts again (s)": round(refreshed[0][0], 2),
        "counting the drafts again (queries)": refreshed[0][1],
        "honours awarded": env["stm.honour"].search_count([("date_from", "=", first)]),
        "honours of the month (s)": round(awarded[0][0], 2),
        "honours of the month (queries)": awarded[0][1],
    }
    for key, value in figures.items():
        print(f"  {key}: {value}", flush=True)
    env.cr.rollback()
    env.cr.close()


if __name__ == "__main__":
    main()
