"""Claim check cost per lead create, at 10k and 100k existing leads/partners.

Prints, per size: the median time and SQL query count of a salesperson's lead
create with the claim check and without it (same data, the check switched
off), their difference, Odoo's own duplicate-lead computation on the same new
leads, and the query plans of the claim statements (no sequential scan on a
big table allowed).

Usage: python bench/claims.py DB [SIZE ...]   (make bench does it)
"""

import json
import sys
import time
from unittest.mock import patch

from common import USER_GROUPS, company, measure, medians, open_env, rng

from odoo.tools import SQL

SAMPLES = 60
REPS = 20
CHUNK = 5000


def bench_users(env):
    users = env["res.users"].search([("login", "=like", "bench_rep_%")], order="id")
    if len(users) < REPS:
        group = env.ref("sales_team.group_sale_salesman")
        users |= (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                [
                    {
                        "name": f"Bench Rep {i}",
                        "login": f"bench_rep_{i}",
                        USER_GROUPS: [
                            (6, 0, [group.id, env.ref("base.group_user").id])
                        ],
                    }
                    for i in range(len(users), REPS)
                ]
            )
        )
    team = env["crm.team"].search([("name", "=", "Bench Team")], limit=1)
    if not team:
        team = env["crm.team"].create({"name": "Bench Team"})
        team.crm_team_member_ids = [(0, 0, {"user_id": u.id}) for u in users]
    env.cr.commit()
    return users, team


# The columns the populating statements write themselves.
PARTNER_COLUMNS = (
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
)
LEAD_COLUMNS = (
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
    "stm_claim_id",
    "stm_claim_state",
    "stm_claim_user_id",
)


def populate(env, size, users, team):
    """Bring the database to ``size`` bench partners and leads (one claim per
    customer) with plain SQL: an ORM create of 100k leads would take an hour
    and measure nothing we care about here."""
    from odoo.addons.sales_team_mgmt.models.stm_claim_registration import (  # noqa: PLC0415
        CLAIM_COLUMNS,
    )
    from odoo.addons.sales_team_mgmt.policy.keys import identity_keys  # noqa: PLC0415

    cr = env.cr
    cr.execute("SELECT count(*) FROM res_partner WHERE ref LIKE 'bench-%'")
    existing = cr.fetchone()[0]
    if existing >= size:
        return
    generator = rng(existing)
    stage = env["crm.stage"].search([], limit=1)
    company_id = env.company.id
    # What the statements below do not write gets the ORM's defaults.
    partner_more = env["res.partner"]._stm_more_columns(PARTNER_COLUMNS)
    claim_more = env["stm.claim"]._stm_more_columns(CLAIM_COLUMNS)
    lead_more = env["crm.lead"]._stm_more_columns(LEAD_COLUMNS)
    for start in range(existing, size, CHUNK):
        rows = [
            (i, *company(i, generator)) for i in range(start, min(size, start + CHUNK))
        ]
        cr.execute(
            SQL(
                "INSERT INTO res_partner (name, complete_name, ref, is_company, "
                "active, type, email, email_normalized, phone, phone_sanitized, "
                "lang, user_id, create_date, write_date, create_uid, write_uid%s) "
                "SELECT v.name, v.name, v.ref, true, true, 'contact', v.email, "
                "lower(v.email), v.phone, v.sanitized, 'en_US', v.uid, now(), now(), "
                "1, 1%s FROM (VALUES %s) AS v(name, ref, email, phone, sanitized, uid) "
                "RETURNING id, ref",
                *partner_more,
                SQL(", ").join(
                    SQL(
                        "(%s, %s, %s, %s, %s, %s)",
                        name,
                        f"bench-{i}",
                        email,
                        phone,
                        "+" + "".join(c for c in phone if c.isdigit()),
                        users[i % REPS].id,
                    )
                    for i, name, email, phone in rows
                ),
            )
        )
        partner_ids = {ref: pid for pid, ref in cr.fetchall()}
        cr.execute(
            "UPDATE res_partner SET commercial_partner_id = id "
            "WHERE commercial_partner_id IS NULL"
        )
        claim_rows, lead_rows, key_rows = [], [], []
        for i, name, email, phone in rows:
            user = users[i % REPS]
            sanitized = "+" + "".join(c for c in phone if c.isdigit())
            keys = identity_keys(names=[name], phones=[sanitized], emails=[email])
            claim_rows.append((i, name, user.id, partner_ids[f"bench-{i}"]))
            lead_rows.append((i, name, email, phone, sanitized, user.id))
            key_rows.append((i, keys))
        cr.execute(
            SQL(
                "INSERT INTO stm_claim (name, user_id, team_id, company_id, "
                "partner_id, state, claimed_on, last_followup_on, protected_until, "
                "pinned, expiry_warned, has_open_dispute, create_uid, write_uid, "
                "create_date, write_date%s) SELECT v.name, v.uid, %s, %s, v.pid, "
                "'active', current_date, current_date, current_date + 30, false, "
                "false, false, 1, 1, now(), now()%s FROM (VALUES %s) AS "
                "v(idx, name, uid, pid) ORDER BY v.idx RETURNING id",
                claim_more[0],
                team.id,
                company_id,
                claim_more[1],
                SQL(", ").join(SQL("(%s, %s, %s, %s)", *row) for row in claim_rows),
            )
        )
        claim_ids = [row[0] for row in cr.fetchall()]
        cr.execute(
            SQL(
                "INSERT INTO stm_claim_key (claim_id, key_type, key_value, company_id, "
                "active, create_uid, write_uid, create_date, write_date) "
                "VALUES %s ON CONFLICT DO NOTHING",
                SQL(", ").join(
                    SQL(
                        "(%s, %s, %s, %s, true, 1, 1, now(), now())",
                        cid,
                        kt,
                        kv,
                        company_id,
                    )
                    for cid, (__, keys) in zip(claim_ids, key_rows, strict=True)
                    for kt, kv in sorted(keys)
                ),
            )
        )
        cr.execute(
            SQL(
                "INSERT INTO crm_lead (name, type, active, partner_name, partner_id, "
                "email_from, email_normalized, email_domain_criterion, phone, "
                "phone_sanitized, user_id, team_id, company_id, stage_id, probability, "
                "stm_claim_id, stm_claim_state, stm_claim_user_id, "
                "create_date, write_date, create_uid, "
                "write_uid%s) SELECT 'Deal ' || v.name, 'opportunity', true, v.name, "
                "CASE WHEN mod(v.idx, 2) = 0 THEN v.pid END, v.email, lower(v.email), "
                "CASE WHEN split_part(v.email, '@', 2) = ANY(%s) THEN NULL "
                "ELSE '@' || split_part(v.email, '@', 2) END, v.phone, v.sanitized, "
                "v.uid, %s, %s, %s, 10, v.cid, 'claimed', v.uid, now(), now(), "
                "1, 1%s FROM (VALUES %s) AS "
                "v(idx, name, email, phone, sanitized, uid, pid, cid)",
                lead_more[0],
                [
                    "qq.com",
                    "163.com",
                    "126.com",
                    "gmail.com",
                    "outlook.com",
                    "sina.com",
                ],
                team.id,
                company_id,
                stage.id,
                lead_more[1],
                SQL(", ").join(
                    SQL(
                        "(%s, %s, %s, %s, %s, %s, %s, %s)",
                        *row,
                        partner_ids[f"bench-{row[0]}"],
                        cid,
                    )
                    for row, cid in zip(lead_rows, claim_ids, strict=True)
                ),
            )
        )
        cr.commit()
        print(f"  populated {min(size, start + CHUNK)} / {size}", flush=True)
    for table in ("res_partner", "crm_lead", "stm_claim", "stm_claim_key"):
        cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    cr.commit()


def plan_nodes(env, query):
    env.cr.execute(SQL("EXPLAIN (FORMAT JSON) %s", query))
    nodes = []

    def walk(node):
        nodes.append(
            (node["Node Type"], node.get("Relation Name"), node.get("Index Name"))
        )
        for child in node.get("Plans", []):
            walk(child)

    walk(env.cr.fetchone()[0][0]["Plan"])
    return nodes


def capture(env, func):
    """The SQL statements ``func`` sends (to EXPLAIN them)."""
    cr_class = type(env.cr)
    original = cr_class.execute
    statements = []

    def spy(cr, query, params=None, log_exceptions=True):
        statements.append(query)
        return original(cr, query, params, log_exceptions)

    with patch.object(cr_class, "execute", spy):
        func()
    return statements


def run(env, size, users, team):
    populate(env, size, users, team)
    rep = users[0]
    web_context = {"tz": "Asia/Shanghai", "lang": "en_US"}
    leads_model = env["crm.lead"].with_user(rep).with_context(**web_context)
    generator = rng(size * 7)
    base = 10_000_000 + size

    def create(i):
        name, email, phone = company(base + i, generator)
        return leads_model.create(
            {
                "name": f"New deal {i}",
                "type": "opportunity",
                "partner_name": name,
                "email_from": email,
                "phone": phone,
                "user_id": rep.id,
                "team_id": team.id,
            }
        )

    create(-1)  # warm the caches
    with_check, without_check, duplicates, inside = [], [], [], []
    created = env["crm.lead"]
    lead_class = type(env["crm.lead"])
    original_sync = lead_class._stm_claim_sync

    def timed_sync(self):
        # The claim check alone: whole-create timings are too noisy to show
        # a few milliseconds. Fields Odoo computes on every create anyway
        # (sanitised phone, normalised e-mail) are computed before the clock
        # starts.
        for lead in self:
            lead.phone_sanitized, lead.email_normalized  # noqa: B018
        queries = self.env.cr.sql_log_count
        start = time.perf_counter()
        original_sync(self)
        inside.append(
            (time.perf_counter() - start, self.env.cr.sql_log_count - queries)
        )

    # Interleaved, so that drift of the machine hits both sides alike.
    for i in range(SAMPLES):
        with patch.object(lead_class, "_stm_claim_sync", timed_sync):
            with measure(env, with_check):
                created |= create(2 * i)
        with patch.object(lead_class, "_stm_claim_sync", lambda self: None):
            with measure(env, without_check):
                create(2 * i + 1)
    for lead in created:
        lead = lead.with_env(env)
        with measure(env, duplicates):
            lead._compute_potential_lead_duplicates()

    # Plans of the claim statements, on the same data.
    probe = created[0].with_env(env)
    keys = probe._stm_identity_keys()
    lookup = [
        q
        for q in capture(
            env, lambda: env["stm.claim.key"]._lookup({env.company.id: keys})
        )
        if "stm_claim_key" in str(q)
    ][-1]
    statements = capture(env, lambda: create(10_000))
    insert = next(q for q in statements if "INSERT INTO stm_claim" in str(q))
    plans = {"lookup": plan_nodes(env, lookup), "insert": plan_nodes(env, insert)}
    env.cr.rollback()

    t_with, q_with = medians(with_check)
    t_without, q_without = medians(without_check)
    t_dup, q_dup = medians(duplicates)
    t_inside, q_inside = medians(inside)
    seq_scans = [
        node
        for nodes in plans.values()
        for node in nodes
        if node[0] == "Seq Scan"
        and node[1] in ("stm_claim_key", "stm_claim", "crm_lead", "res_partner")
    ]
    return {
        "size": size,
        "lead create, with claim check (ms)": round(t_with * 1000, 2),
        "lead create, without (ms)": round(t_without * 1000, 2),
        "claim check, extra time (ms)": round((t_with - t_without) * 1000, 2),
        "claim check, extra queries": q_with - q_without,
        "claim check alone (ms, timed inside)": round(t_inside * 1000, 3),
        "claim check alone (queries)": q_inside,
        "Odoo duplicate_lead_ids compute (ms)": round(t_dup * 1000, 2),
        "Odoo duplicate_lead_ids compute (queries)": q_dup,
        "sequential scans on big tables": seq_scans,
        "plans": plans,
    }


def main():
    db = sys.argv[1]
    sizes = [int(s) for s in sys.argv[2:]] or [10_000, 100_000]
    env = open_env(db)
    users, team = bench_users(env)
    for size in sizes:
        print(f"== {size} leads / partners", flush=True)
        result = run(env, size, users, team)
        plans = result.pop("plans")
        for key, value in result.items():
            print(f"  {key}: {value}")
        print(
            "  plans: "
            + json.dumps(
                {
                    k: [n[0] + (f" {n[2]}" if n[2] else "") for n in v]
                    for k, v in plans.items()
                },
                ensure_ascii=False,
            )
        )
    env.cr.close()


if __name__ == "__main__":
    main()
