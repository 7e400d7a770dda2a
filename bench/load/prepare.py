"""Prepares the load database: salespeople who log in with their login as
password, in two teams (one refuses a customer already owned, one opens a
dispute), customers to visit, hot customers already owned by somebody, and a
pool to claim from. Writes what the scenario needs to a JSON file.

With --plain (a database with only Odoo's CRM, the baseline of `make
load`): the same salespeople, teams and customers; the hot customers' leads
are simply owned, and the "pool" is leads nobody is assigned to.

Usage: python prepare.py DB SALESPEOPLE OUT.json [--plain]
"""

import json
import os
import sys

import opencc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common import USER_GROUPS, company, open_env, rng

HOT_CUSTOMERS = 40
VISITED_CUSTOMERS = 300
POOL_LEADS = 400
to_traditional = opencc.OpenCC("s2tw")


def phone_variants(phone):
    """+86 512 10000012 → the same number as people type it."""
    __, area, number = phone.split()
    return [phone, f"0{area}-{number}", f"0{area}{number}", f"+86{area}{number}"]


def name_variants(name):
    return sorted(
        {name, to_traditional.convert(name), name.replace("有限公司", ""), f" {name} "}
    )


def main(db, salespeople, out, plain=False):
    env = open_env(db)
    random = rng(20261130)
    company_id = env.company.id
    # A Chinese company: national phone numbers (0512-…) are read in China.
    env.company.country_id = env.ref("base.cn")
    Users = env["res.users"].with_context(no_reset_password=True)
    group = env.ref("sales_team.group_sale_salesman")
    team_values = [
        {
            "name": "Load A (block)",
            "stm_claim_conflict_mode": "block",
            "stm_pool_daily_limit": 0,
        },
        {
            "name": "Load B (dispute)",
            "stm_claim_conflict_mode": "dispute",
            "stm_pool_daily_limit": 0,
        },
    ]
    if plain:
        team_values = [{"name": values["name"]} for values in team_values]
    teams = env["crm.team"].create(team_values)
    logins = [f"load.rep.{n:03d}" for n in range(salespeople)]
    users = Users.create(
        [
            {
                "name": f"负载测试 {n:03d}",
                "login": login,
                "password": login,
                "email": f"{login}@example.com",
                "tz": "Asia/Shanghai",
                USER_GROUPS: [(6, 0, [group.id, env.ref("base.group_user").id])],
            }
            for n, login in enumerate(logins)
        ]
    )
    env["crm.team.member"].create(
        [
            {"crm_team_id": teams[n % 2].id, "user_id": user.id}
            for n, user in enumerate(users)
        ]
    )
    Partner = env["res.partner"]
    visited = Partner.create(
        [
            {"name": name, "email": email, "phone": phone, "is_company": True}
            for name, email, phone in (
                company(900000 + n, random) for n in range(VISITED_CUSTOMERS)
            )
        ]
    )
    # Hot customers: owned by one salesperson of team A (refusals name him).
    hot = []
    team_a_users = users.filtered(lambda u: u.sale_team_id == teams[0])
    for n in range(HOT_CUSTOMERS):
        name, email, phone = company(800000 + n, random)
        owner = team_a_users[n % len(team_a_users)]
        env["crm.lead"].with_user(owner).create(
            {
                "name": f"{name} – 首单",
                "type": "opportunity",
                "partner_name": name,
                "phone": phone,
                "email_from": email,
                "user_id": owner.id,
                "team_id": teams[0].id,
            }
        )
        hot.append(
            {
                "owner": owner.name,
                "names": name_variants(name),
                "phones": phone_variants(phone),
            }
        )
    # The pool: leads whose protection ran out long ago (plain Odoo: leads
    # nobody is assigned to, for the salespeople to assign themselves).
    pool_leads = env["crm.lead"]
    for n in range(POOL_LEADS):
        name, email, phone = company(700000 + n, random)
        owner = users[n % len(users)]
        pool_leads |= (
            env["crm.lead"]
            .with_user(owner)
            .create(
                {
                    "name": f"{name} – 旧商机",
                    "type": "opportunity",
                    "partner_name": name,
                    "phone": phone,
                    "user_id": owner.id,
                    "team_id": owner.sale_team_id.id,
                }
            )
        )
    if plain:
        pool_leads.write({"user_id": False})
        pool = len(pool_leads)
    else:
        pool_leads.stm_claim_id._send_to_pool("expired")
        pool = env["crm.lead"].search_count([("stm_claim_state", "=", "pool")])
    env.cr.commit()
    json.dump(
        {
            "db": db,
            "plain": plain,
            "company_id": company_id,
            "logins": logins,
            "hot": hot,
            "customers": visited.ids,
            "partner_model_id": env["ir.model"]._get_id("res.partner"),
            "meeting_type_id": env.ref("mail.mail_activity_data_meeting").id,
        },
        open(out, "w"),
        ensure_ascii=False,
    )
    print(
        f"prepared {db}: {len(users)} salespeople in 2 teams, {len(hot)} hot "
        f"customers, {len(visited)} customers to visit, {pool} pool leads"
    )
    env.cr.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], "--plain" in sys.argv[4:])
