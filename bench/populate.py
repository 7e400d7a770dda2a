"""Fill a database with a company at full size, for bench/run.py.

2 companies, 20 teams, 500 salespeople (ORM: users, teams and members are
few and carry security side effects worth keeping); 100k customer companies
with one claim and their identity keys each, 200k opportunities and 1M visits
(PostgreSQL COPY: an ORM create of a million visits would take hours and
measure nothing the module does at run time). Names mix Chinese and English
companies, phones share a few area prefixes, 30 % of the e-mails are on
public domains. Idempotent: a second run finds the data and stops.

Usage: python bench/populate.py DB [PARTNERS]   (make populate does it)
"""

import io
import json
import sys
import time
from datetime import datetime, timedelta

from common import PUBLIC, USER_GROUPS, company, open_env, rng
from psycopg2.extras import Json

from odoo.tools import SQL

COMPANIES = 2
TEAMS = 20
SALESPEOPLE = 500
LEADS_PER_CUSTOMER = 2
VISITS_PER_CUSTOMER = 10
CHUNK = 20_000


def copy_rows(env, model, columns, rows):
    """COPY ``rows`` (tuples) into ``model``'s table; None is NULL. Columns
    not given get their defaults, as an ORM create would give them."""
    defaults = env[model]._stm_insert_defaults(columns)
    more = tuple(
        json.dumps(value.adapted) if isinstance(value, Json) else value
        for value in defaults.values()
    )
    buffer = io.StringIO()
    for row in rows:
        buffer.write(
            "\t".join(
                "\\N"
                if value is None
                else str(value)
                .replace("\\", "\\\\")
                .replace("\t", " ")
                .replace("\n", " ")
                for value in (*row, *more)
            )
            + "\n"
        )
    buffer.seek(0)
    cr = env.cr
    cr.flush()
    cr._obj.copy_expert(
        f"COPY {env[model]._table} ({', '.join([*columns, *defaults])}) "
        "FROM STDIN WITH (FORMAT text)",
        buffer,
    )


def structure(env):
    """Companies, teams, salespeople: {team: (company, [users])}."""
    Company = env["res.company"]
    companies = Company.search([("name", "like", "Bench %")], order="id")
    if len(companies) < COMPANIES:
        companies |= Company.create(
            [
                {"name": f"Bench {i} 华南销售有限公司"}
                for i in range(len(companies), COMPANIES)
            ]
        )
    Team = env["crm.team"].with_context(active_test=False)
    teams = Team.search([("name", "like", "Bench Team %")], order="id")
    if len(teams) < TEAMS:
        teams |= Team.create(
            [
                {
                    "name": f"Bench Team {i}",
                    "company_id": companies[i % COMPANIES].id,
                    "stm_claim_conflict_mode": "block" if i % 2 else "dispute",
                }
                for i in range(len(teams), TEAMS)
            ]
        )
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
    users = Users.search([("login", "=like", "pop_rep_%")], order="id")
    groups = [
        env.ref("base.group_user").id,
        env.ref("sales_team.group_sale_salesman").id,
    ]
    per_team = SALESPEOPLE // TEAMS
    for start in range(len(users), SALESPEOPLE, 100):
        batch = []
        for i in range(start, min(SALESPEOPLE, start + 100)):
            team = teams[i // per_team]
            batch.append(
                {
                    "name": f"Pop Rep {i}",
                    "login": f"pop_rep_{i}",
                    "tz": "Asia/Shanghai",
                    "company_id": team.company_id.id,
                    "company_ids": [(6, 0, companies.ids)],
                    USER_GROUPS: [(6, 0, groups)],
                }
            )
        created = Users.create(batch)
        env["crm.team.member"].create(
            [
                {"crm_team_id": teams[(start + n) // per_team].id, "user_id": user.id}
                for n, user in enumerate(created)
            ]
        )
        users |= created
        env.cr.commit()
    by_team = {team: (team.company_id, []) for team in teams}
    for i, user in enumerate(users):
        by_team[teams[i // per_team]][1].append(user.id)
    return by_team


def customers(env, size, by_team):
    """Partners, claims and keys, leads and visits, in chunks of CHUNK
    customers, each chunk committed."""
    from odoo.addons.sales_team_mgmt.models.stm_claim_registration import (  # noqa: PLC0415
        CLAIM_COLUMNS,
    )
    from odoo.addons.sales_team_mgmt.policy.keys import identity_keys  # noqa: PLC0415

    cr = env.cr
    # Foreign-key checks are planned once per connection; planned on nearly
    # empty tables they scan, and a COPY gets slower with every chunk. Plan
    # them afresh, on statistics refreshed after each chunk.
    cr.execute("SET plan_cache_mode = force_custom_plan")
    cr.execute("SELECT count(*) FROM res_partner WHERE ref LIKE 'pop-%'")
    existing = cr.fetchone()[0]
    owners = [
        (team.id, company.id, uid)
        for team, (company, uids) in by_team.items()
        for uid in uids
    ]
    stages = env["crm.stage"].search([], order="sequence")
    won = stages.filtered("is_won")[:1]
    open_stages = stages - won
    generator = rng(existing + 1)
    started = time.perf_counter()
    today = datetime.now().replace(microsecond=0)
    for start in range(existing, size, CHUNK):
        stop = min(size, start + CHUNK)
        rows = [(i, *company(i, generator)) for i in range(start, stop)]
        cr.execute("SELECT COALESCE(max(id), 0) FROM res_partner")
        last_partner = cr.fetchone()[0]
        cr.execute("SELECT COALESCE(max(id), 0) FROM stm_claim")
        last_claim = cr.fetchone()[0]
        copy_rows(
            env,
            "res.partner",
            [
                "name",
                "complete_name",
                "ref",
                "is_company",
                "active",
                "type",
                "email",
                "email_normalized",
                "phone",
                "phone_sanitized",
                "lang",
                "user_id",
                "company_id",
                "create_date",
                "write_date",
                "create_uid",
                "write_uid",
            ],
            (
                (
                    name,
                    name,
                    f"pop-{i}",
                    "t",
                    "t",
                    "contact",
                    email,
                    email.lower(),
                    phone,
                    "+" + "".join(c for c in phone if c.isdigit()),
                    "zh_CN",
                    owners[i % len(owners)][2],
                    owners[i % len(owners)][1],
                    today,
                    today,
                    1,
                    1,
                )
                for i, name, email, phone in rows
            ),
        )
        cr.execute(
            SQL(
                "UPDATE res_partner SET commercial_partner_id = id "
                "WHERE id > %s AND commercial_partner_id IS NULL",
                last_partner,
            )
        )
        # New rows only, by id: a 20k-element ANY() would scan for each row.
        cr.execute(
            SQL(
                "SELECT ref, id FROM res_partner WHERE id > %s AND ref LIKE %s",
                last_partner,
                "pop-%",
            )
        )
        partner_of = {int(ref[4:]): pid for ref, pid in cr.fetchall()}
        copy_rows(
            env,
            "stm.claim",
            [
                *CLAIM_COLUMNS,
                "create_uid",
                "write_uid",
                "create_date",
                "write_date",
            ],
            (
                (
                    name,
                    owners[i % len(owners)][2],
                    owners[i % len(owners)][0],
                    owners[i % len(owners)][1],
                    partner_of[i],
                    "active",
                    (today - timedelta(days=i % 60)).date(),
                    # One customer in 40 lapses each day: a realistic
                    # daily load for the expiry job.
                    (today + timedelta(days=i % 40 - 31)).date(),
                    (today + timedelta(days=i % 40 - 1)).date(),
                    "f",
                    "f",
                    "f",
                    1,
                    1,
                    today,
                    today,
                )
                for i, name, _email, _phone in rows
            ),
        )
        cr.execute(
            SQL("SELECT partner_id, id FROM stm_claim WHERE id > %s", last_claim)
        )
        claim_of = dict(cr.fetchall())
        seen, key_rows = set(), []
        for i, name, email, phone in rows:
            company_id = owners[i % len(owners)][1]
            sanitized = "+" + "".join(c for c in phone if c.isdigit())
            for key_type, key_value in sorted(
                identity_keys(names=[name], phones=[sanitized], emails=[email])
            ):
                if (company_id, key_type, key_value) in seen:
                    continue
                seen.add((company_id, key_type, key_value))
                key_rows.append(
                    (
                        claim_of[partner_of[i]],
                        key_type,
                        key_value,
                        company_id,
                        "t",
                        1,
                        1,
                        today,
                        today,
                    )
                )
        copy_rows(
            env,
            "stm.claim.key",
            [
                "claim_id",
                "key_type",
                "key_value",
                "company_id",
                "active",
                "create_uid",
                "write_uid",
                "create_date",
                "write_date",
            ],
            key_rows,
        )
        lead_rows = []
        for i, name, email, phone in rows:
            team_id, company_id, uid = owners[i % len(owners)]
            domain = email.split("@")[1]
            for n in range(LEADS_PER_CUSTOMER):
                is_won = n == 1 and i % 3 == 0
                stage = won if is_won else open_stages[(i + n) % len(open_stages)]
                probability = 100 if is_won else 10 + (i * 7 + n) % 80
                revenue = 10_000 * (1 + (i * 13 + n) % 50)
                registered = n == 0 and i % 10 == 0
                lead_rows.append(
                    (
                        f"{name} project {n}",
                        "opportunity",
                        "t",
                        name,
                        partner_of[i],
                        email,
                        email.lower(),
                        None if domain in PUBLIC else f"@{domain}",
                        phone,
                        "+" + "".join(c for c in phone if c.isdigit()),
                        uid,
                        team_id,
                        company_id,
                        stage.id,
                        probability,
                        revenue,
                        revenue * probability / 100,
                        (today + timedelta(days=(i + n) % 120)).date(),
                        (today - timedelta(days=i % 300)) if is_won else None,
                        claim_of[partner_of[i]],
                        "claimed",
                        uid,
                        "t" if registered else "f",
                        (today - timedelta(days=i % 365)).date()
                        if registered
                        else None,
                        "t",
                        today - timedelta(days=i % 400),
                        today,
                        1,
                        1,
                    )
                )
        copy_rows(
            env,
            "crm.lead",
            [
                "name",
                "type",
                "active",
                "partner_name",
                "partner_id",
                "email_from",
                "email_normalized",
                "email_domain_criterion",
                "phone",
                "phone_sanitized",
                "user_id",
                "team_id",
                "company_id",
                "stage_id",
                "probability",
                "expected_revenue",
                "prorated_revenue",
                "date_deadline",
                "date_closed",
                "stm_claim_id",
                "stm_claim_state",
                "stm_claim_user_id",
                "stm_registered",
                "stm_registered_on",
                "stm_self_developed",
                "create_date",
                "write_date",
                "create_uid",
                "write_uid",
            ],
            lead_rows,
        )
        visit_rows = []
        for i, name, _email, _phone in rows:
            team_id, company_id, uid = owners[i % len(owners)]
            for n in range(VISITS_PER_CUSTOMER):
                when = today - timedelta(days=(i * 31 + n * 37) % 365, hours=n)
                done = (i + n) % 10 != 0
                feedback = done and (i + n) % 5 != 0
                visit_rows.append(
                    (
                        f"{name} {when.date()}",
                        uid,
                        team_id,
                        company_id,
                        partner_of[i],
                        when,
                        1.0,
                        "onsite",
                        "Follow-up",
                        "Interested, wants a quote" if feedback else None,
                        "done" if done else "planned",
                        "t" if feedback else "f",
                        today,
                        today,
                        1,
                        1,
                    )
                )
        copy_rows(
            env,
            "stm.visit",
            [
                "name",
                "user_id",
                "team_id",
                "company_id",
                "partner_id",
                "date",
                "duration",
                "visit_type",
                "purpose",
                "result",
                "state",
                "has_feedback",
                "create_date",
                "write_date",
                "create_uid",
                "write_uid",
            ],
            visit_rows,
        )
        cr.commit()
        for table in ("res_partner", "crm_lead", "stm_claim"):
            cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
        print(
            f"  {stop} / {size} customers ({time.perf_counter() - started:.0f} s)",
            flush=True,
        )
    for table in ("res_partner", "crm_lead", "stm_claim", "stm_claim_key", "stm_visit"):
        cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    cr.commit()


def main():
    db = sys.argv[1]
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    started = time.perf_counter()
    env = open_env(db)
    by_team = structure(env)
    print(
        f"structure: {COMPANIES} companies, {len(by_team)} teams, "
        f"{sum(len(u) for _c, u in by_team.values())} salespeople "
        f"({time.perf_counter() - started:.1f} s)",
        flush=True,
    )
    customers(env, size, by_team)
    counts = {}
    for table in ("res_partner", "crm_lead", "stm_claim", "stm_claim_key", "stm_visit"):
        env.cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(table)))
        counts[table] = env.cr.fetchone()[0]
    print(f"rows: {counts}")
    print(f"populate took {time.perf_counter() - started:.1f} s")
    env.cr.close()


if __name__ == "__main__":
    main()
