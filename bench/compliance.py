"""Daily compliance cron at 50 and 500 salespeople (100 visits each).

Prints the cron's duration and SQL query count per size; the counts must be
equal (the cron is batched: queries do not grow with salespeople).

Usage: python bench/compliance.py DB [SALESPEOPLE ...]   (make bench does it)
"""

import sys
import time
from datetime import datetime, timedelta

from common import USER_GROUPS, open_env, rng

from odoo.tools import SQL

VISITS_EACH = 100
PROJECTS_EACH = 5
TEAM_SIZE = 25


# The columns the populating statements write themselves.
VISIT_COLUMNS = (
    "user_id",
    "partner_id",
    "company_id",
    "date",
    "duration",
    "visit_type",
    "purpose",
    "result",
    "state",
    "has_feedback",
    "name",
)
LEAD_COLUMNS = (
    "name",
    "type",
    "active",
    "user_id",
    "company_id",
    "partner_id",
    "stage_id",
    "probability",
    "stm_registered",
    "stm_registered_on",
    "stm_self_developed",
    "stm_dossier_deadline",
    "stm_dossier_complete",
    "stm_claim_state",
)


def ensure_salespeople(env, count):
    """``count`` salespeople in teams of 25, each with 100 visits over the
    last 60 days and 5 registered projects (plain SQL for the volume)."""
    users = env["res.users"].search([("login", "=like", "cbench_%")], order="id")
    if len(users) >= count:
        return users[:count]
    group = env.ref("sales_team.group_sale_salesman")
    new_users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Compliance Rep {i}",
                    "login": f"cbench_{i}",
                    "tz": "Asia/Shanghai",
                    USER_GROUPS: [(6, 0, [group.id, env.ref("base.group_user").id])],
                }
                for i in range(len(users), count)
            ]
        )
    )
    for start in range(0, len(new_users), TEAM_SIZE):
        chunk = new_users[start : start + TEAM_SIZE]
        env["crm.team"].create(
            {
                "name": f"Compliance Team {len(users) + start}",
                "crm_team_member_ids": [(0, 0, {"user_id": u.id}) for u in chunk],
            }
        )
    generator = rng(count)
    now = datetime.now()
    customers = env["res.partner"].create(
        [{"name": f"Compliance Customer {i}", "is_company": True} for i in range(200)]
    )
    stage = env["crm.stage"].search([], limit=1)
    # What the statements below do not write gets the ORM's defaults.
    visit_more = env["stm.visit"]._stm_more_columns(VISIT_COLUMNS)
    lead_more = env["crm.lead"]._stm_more_columns(LEAD_COLUMNS)
    for user in new_users:
        env.cr.execute(
            SQL(
                "INSERT INTO stm_visit (user_id, partner_id, company_id, date, "
                "duration, visit_type, purpose, result, state, has_feedback, name, "
                "create_uid, "
                "write_uid, create_date, write_date%s) VALUES %s",
                visit_more[0],
                SQL(", ").join(
                    SQL(
                        "(%s, %s, %s, %s, 1, 'onsite', 'Follow-up', %s, 'done', %s, "
                        "'visit', 1, 1, now(), now()%s)",
                        user.id,
                        generator.choice(customers).id,
                        env.company.id,
                        now - timedelta(hours=generator.randint(1, 60 * 24)),
                        "Fine" if feedback else None,
                        feedback,
                        visit_more[1],
                    )
                    for feedback in (
                        generator.random() < 0.8 for __ in range(VISITS_EACH)
                    )
                ),
            )
        )
        env.cr.execute(
            SQL(
                "INSERT INTO crm_lead (name, type, active, user_id, company_id, "
                "partner_id, stage_id, probability, stm_registered, "
                "stm_registered_on, "
                "stm_self_developed, stm_dossier_deadline, stm_dossier_complete, "
                "stm_claim_state, create_date, write_date, "
                "create_uid, write_uid%s) VALUES %s",
                lead_more[0],
                SQL(", ").join(
                    SQL(
                        "('Project', 'opportunity', true, %s, %s, %s, %s, 20, true, "
                        "%s, true, %s, false, 'unclaimed', now(), now(), 1, 1%s)",
                        user.id,
                        env.company.id,
                        generator.choice(customers).id,
                        stage.id,
                        (now - timedelta(days=generator.randint(1, 200))).date(),
                        (now + timedelta(days=generator.randint(-60, 60))).date(),
                        lead_more[1],
                    )
                    for __ in range(PROJECTS_EACH)
                ),
            )
        )
    env.cr.execute("ANALYZE stm_visit; ANALYZE crm_lead")
    env.cr.commit()
    return env["res.users"].search([("login", "=like", "cbench_%")], order="id")[:count]


def main():
    db = sys.argv[1]
    sizes = [int(s) for s in sys.argv[2:]] or [50, 500]
    env = open_env(db)
    results = []
    for size in sizes:
        ensure_salespeople(env, size)
        # Exactly the first ``size`` bench salespeople are team members for
        # the measurement (rolled back afterwards).
        Member = env["crm.team.member"].with_context(active_test=False)
        bench = Member.search([("user_id.login", "=like", "cbench_%")])
        members = bench.filtered(
            lambda m, size=size: int(m.user_id.login.split("_")[1]) < size
        )
        members.write({"active": True})
        Member.search([("id", "not in", members.ids)]).write({"active": False})
        env["stm.compliance"]._cron_snapshot()  # warm caches, then measure
        env.cr.execute("DELETE FROM stm_compliance")
        env.invalidate_all()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        env["stm.compliance"]._cron_snapshot()
        elapsed = time.perf_counter() - start
        count = env.cr.sql_log_count - queries
        snapshots = env["stm.compliance"].search_count([])
        results.append((size, elapsed, count, snapshots))
        print(
            f"{size} salespeople x {VISITS_EACH} visits: {elapsed:.2f} s, "
            f"{count} queries, {snapshots} snapshots",
            flush=True,
        )
        env.cr.rollback()
        env.invalidate_all()
    if len({r[2] for r in results}) == 1:
        print("query count independent of the number of salespeople: yes")
    else:
        print("query count independent of the number of salespeople: NO")
    env.cr.close()


if __name__ == "__main__":
    main()
