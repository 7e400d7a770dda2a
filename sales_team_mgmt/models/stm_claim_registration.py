import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..policy import claims as claim_policy
from ..policy.keys import group_by_shared_keys

# Claims are inserted with one statement per chunk of customers.
INSERT_CHUNK = 200


class StmClaim(models.Model):
    """The claim check run when leads and partners are saved: insert first,
    look up only when the unique index reports an existing owner."""

    _inherit = "stm.claim"

    # ------------------------------------------------------------------
    # Registration: the claim check run by leads and partners
    # ------------------------------------------------------------------

    @api.model
    def _stm_register_customers(self, requests):
        """Claim customers, one request per lead or partner being saved.

        Each request is a dict: ``user_id``, ``team_id``, ``company_id``,
        ``partner_id``, ``name``, ``keys`` (set of (type, value)), ``mode``
        (``block``/``dispute``), ``label`` (lead or partner name, for
        messages). Returns, per request, the claim id it belongs to (or None
        when it has no key), and a list of (claim id, rival claim id, request
        index) disputes to open.

        The common case, a new customer, costs three queries: SAVEPOINT, one
        INSERT of claims and keys, RELEASE. Only when the unique index reports
        an existing owner do we look the keys up and decide (attach to the
        same owner, block, or dispute).
        """
        result = [None] * len(requests)
        disputes = []
        pending = [i for i, req in enumerate(requests) if req["keys"]]
        while pending:
            groups, deferred = self._group_requests(requests, pending)
            inserted = self._try_insert(requests, groups)
            if inserted is not None:
                for group, claim_id in zip(groups, inserted, strict=True):
                    for index in group:
                        result[index] = claim_id
            else:
                self._resolve_conflicts(requests, groups, result, disputes)
            pending = deferred
        return result, disputes

    @api.model
    def _group_requests(self, requests, indexes):
        """Requests sharing a key (transitively, per company) become one claim;
        a request of another owner inside such a group waits for the next
        round, where it meets the claim as a conflict."""
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

    @api.model
    def _try_insert(self, requests, groups):
        """Insert one claim per group with all its keys. Returns the claim ids,
        or None when an active key already exists (nothing is inserted)."""
        self.env["stm.claim.key"].flush_model()
        try:
            with self.env.cr.savepoint(flush=False):
                claim_ids = []
                for start in range(0, len(groups), INSERT_CHUNK):
                    chunk = groups[start : start + INSERT_CHUNK]
                    claim_ids += self._insert_claims(
                        [self._claim_values(requests, group) for group in chunk]
                    )
        except psycopg2.errors.UniqueViolation:
            return None
        return claim_ids

    @api.model
    def _claim_values(self, requests, group):
        first = requests[group[0]]
        keys = set().union(*(requests[i]["keys"] for i in group))
        partner_id = next(
            (requests[i]["partner_id"] for i in group if requests[i]["partner_id"]),
            None,
        )
        return {
            "name": first["name"],
            "user_id": first["user_id"],
            "team_id": first["team_id"],
            "company_id": first["company_id"],
            "partner_id": partner_id,
            "protection_days": first["protection_days"],
            "keys": keys,
        }

    @api.model
    def _insert_claims(self, values_list):
        """One INSERT … RETURNING for the claims and their keys (a chain of
        data-modifying CTEs). Raw SQL because the key insert must not log an
        ERROR when it loses a race: the caller turns the unique violation
        into a clear message."""
        now = self.env.cr.now()
        uid = self.env.uid
        # The user's local day, computed by the database within the INSERT:
        # reading the user's time zone from Python would cost queries.
        today = SQL(
            "((%s::timestamp AT TIME ZONE 'UTC') AT TIME ZONE COALESCE(%s, "
            "(SELECT partner.tz FROM res_users u JOIN res_partner partner "
            "ON partner.id = u.partner_id WHERE u.id = %s), 'UTC'))::date",
            fields.Datetime.now(),
            self.env.context.get("tz") or None,
            uid,
        )
        ctes, key_rows, returns = [SQL("today AS (SELECT %s AS day)", today)], [], []
        for index, values in enumerate(values_list):
            alias = SQL.identifier(f"claim_{index}")
            days = values["protection_days"] or 0
            ctes.append(
                SQL(
                    "%s AS (INSERT INTO stm_claim (name, user_id, team_id, "
                    "company_id, partner_id, state, claimed_on, last_followup_on, "
                    "protected_until, pinned, expiry_warned, has_open_dispute, "
                    "create_uid, write_uid, create_date, write_date) SELECT "
                    "%s, %s, %s, %s, %s, 'active', day, day, "
                    "CASE WHEN %s > 0 THEN day + %s END, false, false, "
                    "false, %s, %s, %s, %s FROM today RETURNING id, claimed_on)",
                    alias,
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
                )
            )
            key_rows += [
                SQL(
                    "SELECT id, %s, %s, %s FROM %s",
                    key_type,
                    key_value,
                    values["company_id"],
                    alias,
                )
                for key_type, key_value in sorted(values["keys"])
            ]
            returns.append(SQL("SELECT %s, id, claimed_on FROM %s", index, alias))
        if key_rows:
            ctes.append(
                SQL(
                    "keys AS (INSERT INTO stm_claim_key (claim_id, key_type, "
                    "key_value, company_id, active, create_uid, write_uid, "
                    "create_date, write_date) SELECT k.*, true, %s, %s, %s, %s "
                    "FROM (%s) AS k RETURNING 1)",
                    uid,
                    uid,
                    now,
                    now,
                    SQL(" UNION ALL ").join(key_rows),
                )
            )
        self.env.cr.execute(
            SQL(
                "WITH %s %s",
                SQL(", ").join(ctes),
                SQL(" UNION ALL ").join(returns),
            ),
            log_exceptions=False,
        )
        rows = sorted(self.env.cr.fetchall())
        claim_ids = [claim_id for __, claim_id, __ in rows]
        days = [day for __, __, day in rows]
        # What was just inserted goes straight to the cache: reading it back
        # would cost a query per create (the lead's claim status reads it).
        columns = {
            "name": [v["name"] for v in values_list],
            "user_id": [v["user_id"] for v in values_list],
            "team_id": [v["team_id"] for v in values_list],
            "company_id": [v["company_id"] for v in values_list],
            "partner_id": [v["partner_id"] for v in values_list],
            "state": ["active"] * len(values_list),
            "claimed_on": days,
            "last_followup_on": days,
            "protected_until": [
                claim_policy.protected_until(day, v["protection_days"])
                for day, v in zip(days, values_list, strict=True)
            ],
            "pinned": [False] * len(values_list),
            "expiry_warned": [False] * len(values_list),
            "has_open_dispute": [False] * len(values_list),
        }
        claims = self.browse(claim_ids)
        for fname, values in columns.items():
            self.env.cache.update(claims, self._fields[fname], values)
        return claim_ids

    @api.model
    def _resolve_conflicts(self, requests, groups, result, disputes):
        """Some keys are taken: attach to the same owner's claim, block, or
        claim what is free and open a dispute (team setting)."""
        company_keys = {}
        for group in groups:
            for index in group:
                req = requests[index]
                company_keys.setdefault(req["company_id"], set()).update(req["keys"])
        holders = {
            (company_id, key_type, key_value): claim_id
            for company_id, key_type, key_value, claim_id in self.env[
                "stm.claim.key"
            ]._lookup(company_keys)
        }
        claims = self.browse(set(holders.values()))
        fresh_groups = []
        for group in groups:
            values = self._claim_values(requests, group)
            taken = {
                key: holders[(values["company_id"], *key)]
                for key in values["keys"]
                if (values["company_id"], *key) in holders
            }
            if not taken:
                fresh_groups.append(group)
                continue
            matched = claims.browse(sorted(set(taken.values())))
            own = matched.filtered(lambda c, uid=values["user_id"]: c.user_id.id == uid)
            others = matched - own
            first = requests[group[0]]
            outcome = claim_policy.conflict_outcome(first["mode"], not others)
            if outcome == "block":
                raise UserError(self._conflict_message(others[0], first["label"]))
            free_keys = values["keys"] - set(taken)
            if outcome == "attach":
                target = own[0]
                if free_keys:
                    target._add_keys(free_keys)
                if values["partner_id"] and not target.partner_id:
                    target.partner_id = values["partner_id"]
                for index in group:
                    result[index] = target.id
                continue
            # dispute: the newcomer keeps what is free; a manager decides.
            values["keys"] = free_keys
            (new_id,) = self._insert_claims([values])
            for index in group:
                result[index] = new_id
            disputes.append((others[0].id, new_id, group[0]))
        if fresh_groups:
            inserted = self._try_insert(requests, fresh_groups)
            if inserted is None:
                # The key exists but our snapshot cannot see it: another
                # transaction committed it after ours began.
                self._raise_race_conflict(requests, fresh_groups)
            for group, claim_id in zip(fresh_groups, inserted, strict=True):
                for index in group:
                    result[index] = claim_id

    def _add_keys(self, keys):
        """Attach more identities to this (active) claim."""
        self.ensure_one()
        self.env["stm.claim.key"].flush_model()
        try:
            with self.env.cr.savepoint(flush=False):
                now = self.env.cr.now()
                self.env.cr.execute(
                    SQL(
                        "INSERT INTO stm_claim_key (claim_id, key_type, key_value, "
                        "company_id, active, create_uid, write_uid, create_date, "
                        "write_date) VALUES %s",
                        SQL(", ").join(
                            SQL(
                                "(%s, %s, %s, %s, true, %s, %s, %s, %s)",
                                self.id,
                                key_type,
                                key_value,
                                self.company_id.id,
                                self.env.uid,
                                self.env.uid,
                                now,
                                now,
                            )
                            for key_type, key_value in sorted(keys)
                        ),
                    ),
                    log_exceptions=False,
                )
        except psycopg2.errors.UniqueViolation:
            self._raise_race_conflict(
                [{"keys": keys, "company_id": self.company_id.id, "label": self.name}],
                [[0]],
            )
        self.invalidate_recordset(["key_ids"])

    @api.model
    def _raise_race_conflict(self, requests, groups):
        """Name the owner that a concurrent transaction just committed. Our
        own snapshot cannot see it, so a fresh cursor reads it (plain SQL: no
        second environment is needed for three names)."""
        req = requests[groups[0][0]]
        keys = tuple(sorted(req["keys"]))
        with self.env.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT claim.name, partner.name, claim.claimed_on, "
                    "(SELECT lead.name FROM crm_lead lead "
                    " WHERE lead.stm_claim_id = claim.id ORDER BY lead.id LIMIT 1) "
                    "FROM stm_claim_key key "
                    "JOIN stm_claim claim ON claim.id = key.claim_id "
                    "JOIN res_users owner ON owner.id = claim.user_id "
                    "JOIN res_partner partner ON partner.id = owner.partner_id "
                    "WHERE key.active AND key.company_id = %s "
                    "AND (key.key_type, key.key_value) IN %s LIMIT 1",
                    req["company_id"],
                    keys,
                )
            )
            row = cr.fetchone()
        if not row:
            raise UserError(
                self.env._(
                    "%(customer)s was registered by someone else a moment ago; "
                    "reload and try again.",
                    customer=req["label"],
                )
            )
        name, owner, claimed_on, lead = row
        raise UserError(
            self._format_conflict(req["label"] or name, owner, claimed_on, lead)
        )

    def _conflict_message(self, claim, label):
        claim = claim.sudo()
        return self._format_conflict(
            label or claim.name,
            claim.user_id.name,
            claim.claimed_on,
            claim.with_context(active_test=False).lead_ids[:1].name,
        )

    def _format_conflict(self, customer, owner, claimed_on, lead_name):
        return self.env._(
            "%(customer)s is registered to %(owner)s since %(date)s (%(lead)s); "
            "ask your manager.",
            customer=customer,
            owner=owner,
            date=claimed_on,
            lead=lead_name or self.env._("no opportunity yet"),
        )
