import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..policy import claims as claim_policy
from ..policy.keys import group_by_shared_keys

# Claims are inserted with one statement per chunk of customers.
INSERT_CHUNK = 200
# ON CONFLICT target: the partial unique index of stm_claim_key.
ACTIVE_KEY_CONFLICT = SQL("ON CONFLICT (company_id, key_type, key_value) WHERE active")
# The columns the claim and key statements write themselves.
CLAIM_COLUMNS = (
    "name",
    "user_id",
    "team_id",
    "company_id",
    "partner_id",
    "state",
    "claimed_on",
    "last_followup_on",
    "protected_until",
    "pinned",
    "expiry_warned",
    "has_open_dispute",
)
KEY_COLUMNS = ("claim_id", "key_type", "key_value", "company_id", "active")


class StmClaim(models.Model):
    """The claim check run when leads and partners are saved: insert first
    (``ON CONFLICT DO NOTHING`` on the unique index of the active keys), look
    up only the keys that were already taken, and let one resolver decide."""

    _inherit = "stm.claim"

    # ------------------------------------------------------------------
    # Requests
    # ------------------------------------------------------------------

    @api.model
    def _stm_request(
        self,
        *,
        user,
        team,
        company,
        partner,
        name,
        keys,
        system,
        claim=None,
        leads=None,
    ):
        """One registration, the same for a lead and a company partner.

        ``system``: saved by the system (superuser: lead assignment, public
        forms, imports, the install backfill), which nobody reads a refusal
        from; a conflict becomes a dispute there whatever the team says.
        ``claim``: the owner's claim the keys are added to (None: a new
        customer). ``leads``: the leads that belong to the resulting claim."""
        return {
            "user_id": user.id,
            "team_id": team.id or None,
            "company_id": company.id,
            "partner_id": partner.id or None,
            "name": name,
            "keys": keys,
            "mode": "dispute" if system else team.stm_claim_conflict_mode or "block",
            "protection_days": self._protection_days(
                team, partner.stm_customer_class if partner else None
            ),
            "system": system,
            "claim_id": claim.id if claim else None,
            "lead_ids": leads.ids if leads else [],
        }

    @api.model
    def _stm_register(self, requests):
        """Run the claim check of these requests (see ``_stm_request``).

        A new customer costs one statement: its claim and its keys, unless
        its keys name a customer in the pool, which is then taken from the
        pool instead; what its leads show of the claim rides on the UPDATE
        Odoo sends after every create. A request of another owner sharing a
        key with one of the same batch waits for the next round, where it
        meets that claim.
        Keys already taken go to ``_stm_resolve`` (attach, block, dispute).

        Under REPEATABLE READ a key committed by a concurrent transaction
        after ours began makes the statement fail with a serialization
        failure: Odoo retries the request, which then sees the owner."""
        self.env["stm.claim.key"].flush_model()
        extend = [
            i for i, req in enumerate(requests) if req["claim_id"] and req["keys"]
        ]
        if extend:
            self._stm_resolve(requests, self._stm_insert_keys(requests, extend))
        pending = [
            i for i, req in enumerate(requests) if not req["claim_id"] and req["keys"]
        ]
        while pending:
            groups, pending = self._stm_group_requests(requests, pending)
            conflicts = []
            for start in range(0, len(groups), INSERT_CHUNK):
                conflicts += self._stm_insert_claims(
                    requests, groups[start : start + INSERT_CHUNK]
                )
            self._stm_resolve(requests, conflicts)

    @api.model
    def _stm_group_requests(self, requests, indexes):
        """Requests sharing a key (transitively, per company) become one claim;
        a request of another owner inside such a group is deferred."""
        by_company = {}
        for index in indexes:
            by_company.setdefault(requests[index]["company_id"], []).append(index)
        groups, deferred = [], []
        for company_indexes in by_company.values():
            key_sets = [requests[i]["keys"] for i in company_indexes]
            for group in group_by_shared_keys(key_sets):
                members = [company_indexes[i] for i in group]
                owner = requests[members[0]]["user_id"]
                groups.append([i for i in members if requests[i]["user_id"] == owner])
                deferred += [i for i in members if requests[i]["user_id"] != owner]
        return groups, sorted(deferred)

    # ------------------------------------------------------------------
    # Statements
    # ------------------------------------------------------------------

    @api.model
    def _stm_insert_claims(self, requests, groups):
        """One statement for these groups: a claim each and its keys (a key
        already taken is skipped). Leads of a claim whose keys all went in are
        linked to it; returns the conflicts: groups that met a taken key."""
        values_list = [self._stm_group_values(requests, group) for group in groups]
        self.env.cr.execute(
            self._stm_claims_statement(values_list), log_exceptions=False
        )
        rows = self.env.cr.fetchall()
        # The claims' customer companies learn of them (their one2many may
        # be cached empty, e.g. just created): dependents recompute right.
        self.env["res.partner"].browse(
            {values["partner_id"] for values in values_list if values["partner_id"]}
        ).invalidate_recordset(["stm_claim_ids"])
        conflicts = self._stm_link_inserted(groups, values_list, rows)
        pooled = [
            (groups[index], claim_id)
            for kind, index, claim_id, *__ in rows
            if kind == "pooled"
        ]
        if pooled:
            conflicts += self._stm_take_pooled(requests, pooled)
        return conflicts

    @api.model
    def _stm_claims_statement(self, values_list):
        """The statement: a CTE per claim, then all keys, skipping taken
        ones. The protection end is ``policy.claims.protected_until`` (day +
        the team's days, none for 0) written in SQL: the day itself is
        computed by the database, which saves reading the user's time zone
        (the claim check stays one query)."""
        uid, now = self.env.uid, self.env.cr.now()
        key_rows = [
            SQL("(%s, %s, %s, %s)", index, key_type, key_value, values["company_id"])
            for index, values in enumerate(values_list)
            for key_type, key_value in sorted(values["keys"])
        ]
        ctes = [
            SQL("today AS (SELECT %s AS day)", self._stm_local_today()),
            SQL(
                "wanted (idx, key_type, key_value, company_id) AS (VALUES %s)",
                SQL(", ").join(key_rows),
            ),
            # A customer in the pool (released or expired) that one of the
            # keys names: registering it again takes it from the pool, no
            # claim is inserted (the index of released keys answers).
            SQL(
                "pooled AS (SELECT w.idx, max(k.claim_id) AS claim_id "
                "FROM wanted w JOIN stm_claim_key k ON NOT k.active "
                "AND k.company_id = w.company_id AND k.key_type = w.key_type "
                "AND k.key_value = w.key_value "
                "JOIN stm_claim c ON c.id = k.claim_id AND c.state != 'active' "
                "GROUP BY w.idx)"
            ),
        ]
        # Fields the statement does not name (another add-on's, say) get
        # their defaults, as an ORM create would give them.
        more_claim = self._stm_more_columns(CLAIM_COLUMNS)
        more_key = self.env["stm.claim.key"]._stm_more_columns(KEY_COLUMNS)
        claims = []
        for index, values in enumerate(values_list):
            alias = SQL.identifier(f"claim_{index}")
            days = values["protection_days"] or 0
            ctes.append(
                SQL(
                    "%s AS (INSERT INTO stm_claim (name, user_id, team_id, "
                    "company_id, partner_id, state, claimed_on, last_followup_on, "
                    "protected_until, pinned, expiry_warned, has_open_dispute, "
                    "create_uid, write_uid, create_date, write_date%s) SELECT "
                    "%s, %s, %s, %s, %s, 'active', day, day, "
                    "CASE WHEN %s > 0 THEN day + %s END, false, false, false, "
                    "%s, %s, %s, %s%s FROM today WHERE NOT EXISTS "
                    "(SELECT FROM pooled WHERE idx = %s) RETURNING id, user_id)",
                    alias,
                    more_claim[0],
                    values["name"],
                    values["user_id"],
                    values["team_id"],
                    values["company_id"],
                    values["partner_id"],
                    days,
                    days,
                    uid,
                    uid,
                    now,
                    now,
                    more_claim[1],
                    index,
                )
            )
            claims.append(SQL("SELECT %s AS idx, id, user_id FROM %s", index, alias))
        ctes += [
            SQL("claims AS (%s)", SQL(" UNION ALL ").join(claims)),
            SQL(
                "keys AS (INSERT INTO stm_claim_key (claim_id, key_type, key_value, "
                "company_id, active, create_uid, write_uid, create_date, write_date%s) "
                "SELECT c.id, k.key_type, k.key_value, k.company_id, true, %s, %s, "
                "%s, %s%s FROM wanted k "
                "JOIN claims c ON c.idx = k.idx %s DO NOTHING "
                "RETURNING claim_id, key_type, key_value)",
                more_key[0],
                uid,
                uid,
                now,
                now,
                more_key[1],
                ACTIVE_KEY_CONFLICT,
            ),
        ]
        return SQL(
            "WITH %s SELECT 'claim', idx, id, NULL, NULL FROM claims "
            "UNION ALL SELECT 'key', NULL, claim_id, key_type, key_value FROM keys "
            "UNION ALL SELECT 'pooled', idx, claim_id, NULL, NULL FROM pooled",
            SQL(", ").join(ctes),
        )

    @api.model
    def _stm_link_inserted(self, groups, values_list, rows):
        """Leads of the claims whose keys all went in are linked to them;
        the groups that met a taken key come back as conflicts (a group
        whose customer is in the pool got no claim: see _stm_take_pooled)."""
        claim_of, inserted = {}, {}
        for kind, index, record_id, key_type, key_value in rows:
            if kind == "claim":
                claim_of[index] = record_id
            elif kind == "key":
                inserted.setdefault(record_id, set()).add((key_type, key_value))
        conflicts = []
        for index, (group, values) in enumerate(zip(groups, values_list, strict=True)):
            claim_id = claim_of.get(index)
            if not claim_id:
                continue  # in the pool: no claim was inserted
            missing = values["keys"] - inserted.get(claim_id, set())
            if missing:
                conflicts.append(
                    {"group": group, "claim_id": claim_id, "missing": missing}
                )
            elif values["lead_ids"]:
                # What the lead shows of its claim is written with the claim:
                # it rides on the UPDATE Odoo sends after every create.
                # (These fields are not tracked: no tracking bookkeeping.)
                self.env["crm.lead"].browse(values["lead_ids"]).with_context(
                    stm_claim_transfer=True, tracking_disable=True
                ).write(
                    {
                        "stm_claim_id": claim_id,
                        "stm_claim_state": "claimed",
                        "stm_claim_user_id": values["user_id"],
                        "stm_pool_team_id": False,
                    }
                )
        return conflicts

    @api.model
    def _stm_insert_keys(self, requests, indexes):
        """More keys on existing claims, one statement; returns the conflicts
        (keys held by a claim, this one's excepted)."""
        rows = {
            (requests[i]["claim_id"], key_type, key_value, requests[i]["company_id"])
            for i in indexes
            for key_type, key_value in requests[i]["keys"]
        }
        uid, now = self.env.uid, self.env.cr.now()
        more_key = self.env["stm.claim.key"]._stm_more_columns(KEY_COLUMNS)
        self.env.cr.execute(
            SQL(
                "INSERT INTO stm_claim_key (claim_id, key_type, key_value, "
                "company_id, active, create_uid, write_uid, create_date, write_date%s) "
                "VALUES %s %s DO NOTHING RETURNING claim_id, key_type, key_value",
                more_key[0],
                SQL(", ").join(
                    SQL(
                        "(%s, %s, %s, %s, true, %s, %s, %s, %s%s)",
                        *row,
                        uid,
                        uid,
                        now,
                        now,
                        more_key[1],
                    )
                    for row in sorted(rows)
                ),
                ACTIVE_KEY_CONFLICT,
            ),
            log_exceptions=False,
        )
        inserted = set(self.env.cr.fetchall())
        claims = self.browse({requests[i]["claim_id"] for i in indexes})
        claims.invalidate_recordset(["key_ids"])
        conflicts = []
        for index in indexes:
            claim_id = requests[index]["claim_id"]
            missing = {
                key
                for key in requests[index]["keys"]
                if (claim_id, *key) not in inserted
            }
            if missing:
                conflicts.append(
                    {"group": [index], "claim_id": claim_id, "missing": missing}
                )
        return conflicts

    @api.model
    def _stm_local_today(self):
        """The user's local day: from the context's time zone (the web
        client's), else computed by the database within the statement
        (reading the user's time zone first would cost a query)."""
        if self.env.context.get("tz"):
            return SQL("%s::date", fields.Date.context_today(self))
        return SQL(
            "((%s::timestamp AT TIME ZONE 'UTC') AT TIME ZONE COALESCE(%s, "
            "(SELECT partner.tz FROM res_users u JOIN res_partner partner "
            "ON partner.id = u.partner_id WHERE u.id = %s), 'UTC'))::date",
            fields.Datetime.now(),
            self.env.context.get("tz") or None,
            self.env.uid,
        )

    @api.model
    def _stm_group_values(self, requests, group):
        first = requests[group[0]]
        return {
            "name": first["name"],
            "user_id": first["user_id"],
            "team_id": first["team_id"],
            "company_id": first["company_id"],
            "partner_id": next(
                (requests[i]["partner_id"] for i in group if requests[i]["partner_id"]),
                None,
            ),
            "protection_days": first["protection_days"],
            "keys": set().union(*(requests[i]["keys"] for i in group)),
            "lead_ids": sorted(
                {lead for i in group for lead in requests[i]["lead_ids"]}
            ),
        }

    # ------------------------------------------------------------------
    # The resolver
    # ------------------------------------------------------------------

    @api.model
    def _stm_resolve(self, requests, conflicts):
        """Keys that were already taken: the same owner's claim absorbs the
        new one (attach); another owner's refuses (block) or is disputed."""
        if not conflicts:
            return
        company_keys = {}
        for conflict in conflicts:
            company = requests[conflict["group"][0]]["company_id"]
            company_keys.setdefault(company, set()).update(conflict["missing"])
        holders = {
            (company, key_type, key_value): claim_id
            for company, key_type, key_value, claim_id in self.env[
                "stm.claim.key"
            ]._lookup(company_keys)
        }
        disputes = []
        for conflict in conflicts:
            first = requests[conflict["group"][0]]
            claim = self.browse(conflict["claim_id"])
            held = (
                self.browse(
                    sorted(
                        {
                            holders.get((first["company_id"], *key))
                            for key in conflict["missing"]
                        }
                        - {None}
                    )
                )
                - claim
            )
            lead_ids = [
                lead for i in conflict["group"] for lead in requests[i]["lead_ids"]
            ]
            extending = bool(first["claim_id"])
            if not held:
                if not extending:
                    # Taken in our own batch by a key this claim now holds.
                    self._stm_link_leads(lead_ids, claim)
                continue
            others = held.filtered(lambda c, uid=first["user_id"]: c.user_id.id != uid)
            outcome = claim_policy.conflict_outcome(first["mode"], not others)
            if outcome == "block":
                raise UserError(self._conflict_message(others[0], first["name"]))
            if outcome == "attach":
                if not extending:
                    claim._stm_merge_new_into(held[0], first["partner_id"])
                    self._stm_link_leads(lead_ids, held[0])
                continue
            if not extending:
                self._stm_link_leads(lead_ids, claim)
            disputes.append(
                (others[0].id, claim.id, lead_ids[0] if lead_ids else False)
            )
        self._stm_open_disputes(disputes)

    @api.model
    def _stm_link_leads(self, lead_ids, claim):
        leads = self.env["crm.lead"].sudo().browse(lead_ids)
        leads.filtered(lambda lead: lead.stm_claim_id != claim).with_context(
            stm_claim_transfer=True
        ).write({"stm_claim_id": claim.id})

    def _stm_merge_new_into(self, target, partner_id):
        """This claim, inserted a moment ago with the keys that were free, is
        the same owner's customer as ``target``: its keys move there and it
        goes away (it has no history yet)."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "UPDATE stm_claim_key SET claim_id = %s WHERE claim_id = %s",
                target.id,
                self.id,
            )
        )
        self.env.cr.execute(SQL("DELETE FROM stm_claim WHERE id = %s", self.id))
        self.invalidate_recordset()
        target.invalidate_recordset(["key_ids"])
        if partner_id and not target.partner_id:
            target.partner_id = partner_id

    @api.model
    def _stm_open_disputes(self, disputes):
        """One open dispute per (first claim, second claim)."""
        if not disputes:
            return
        existing = self.env["stm.claim.dispute"].search(
            [
                ("state", "=", "open"),
                ("claim_id", "in", [d[0] for d in disputes]),
                ("rival_claim_id", "in", [d[1] for d in disputes]),
            ]
        )
        seen = {(d.claim_id.id, d.rival_claim_id.id) for d in existing}
        # No "created" line in the chatter: written by the system, it would
        # be in the language of whoever saved the lead; the manager's to-do
        # says it in the manager's.
        self.env["stm.claim.dispute"].with_context(mail_create_nolog=True).create(
            [
                {"claim_id": holder, "rival_claim_id": rival, "lead_id": lead_id}
                for holder, rival, lead_id in dict.fromkeys(disputes)
                if (holder, rival) not in seen
            ]
        )

    def _stm_rekey(self, system=False):
        """The identity of these claims' customer company changed (a manager,
        or a first fill): keys that neither the company nor an active lead
        carries any more go, new ones are registered like any registration
        (attach, block or dispute)."""
        claims = self.sudo().filtered(lambda claim: claim.state == "active")
        if not claims:
            return
        wanted = {claim: set() for claim in claims}
        for claim in claims.filtered("partner_id"):
            wanted[claim] |= claim.partner_id._stm_identity_keys()
        for lead in (
            self.env["crm.lead"].sudo().search([("stm_claim_id", "in", claims.ids)])
        ):
            wanted[lead.stm_claim_id] |= lead._stm_identity_keys()
        claims.key_ids.filtered(
            lambda key: (
                key.active and (key.key_type, key.key_value) not in wanted[key.claim_id]
            )
        ).unlink()
        self._stm_register(
            [
                self._stm_request(
                    user=claim.user_id,
                    team=claim.team_id,
                    company=claim.company_id,
                    partner=claim.partner_id,
                    name=claim.name,
                    keys=wanted[claim],
                    system=system,
                    claim=claim,
                )
                for claim in claims
            ]
        )

    # ------------------------------------------------------------------
    # Pool: keys that lock again
    # ------------------------------------------------------------------

    def _reactivate_keys(self, keys):
        """A claim taken from the pool locks its keys again, unless somebody
        registered the customer meanwhile (then: who owns it)."""
        keys.flush_recordset()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "UPDATE stm_claim_key SET active = true, write_uid = %s, "
                        "write_date = %s WHERE id IN %s",
                        self.env.uid,
                        self.env.cr.now(),
                        tuple(keys.ids),
                    ),
                    log_exceptions=False,
                )
        except psycopg2.errors.UniqueViolation:
            holders = self.env["stm.claim.key"]._lookup(
                {self.company_id.id: {(k.key_type, k.key_value) for k in keys}}
            )
            if holders:
                raise UserError(
                    self._conflict_message(self.browse(holders[0][3]), self.name)
                ) from None
            raise UserError(
                self.env._(
                    "%(customer)s was registered by someone else a moment ago; "
                    "reload and try again.",
                    customer=self.name,
                )
            ) from None
        keys.invalidate_recordset(["active"])

    # ------------------------------------------------------------------
    # Messages
    # ------------------------------------------------------------------

    def _conflict_message(self, claim, label):
        claim = claim.sudo()
        return self.env._(
            "%(customer)s is registered to %(owner)s since %(date)s (%(lead)s); "
            "ask your manager.",
            customer=label or claim.name,
            owner=claim.user_id.name,
            date=claim.claimed_on,
            lead=claim.with_context(active_test=False).lead_ids[:1].name
            or self.env._("no opportunity yet"),
        )
