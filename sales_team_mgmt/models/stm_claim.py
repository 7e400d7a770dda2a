import logging
import threading

import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..policy import claims as claim_policy
from ..policy.keys import group_by_shared_keys

_logger = logging.getLogger(__name__)

# Claims are inserted with one statement per chunk of customers.
INSERT_CHUNK = 200


class StmClaim(models.Model):
    """Which salesperson owns a customer (seed 002 §1, 撞单/争单): whoever
    registers the customer first keeps it while following it up."""

    _name = "stm.claim"
    _description = "Customer Claim"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "claimed_on desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Customer", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", index=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer Company",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    lead_ids = fields.One2many("crm.lead", "stm_claim_id", string="Leads")
    lead_count = fields.Integer(compute="_compute_lead_count")
    key_ids = fields.One2many(
        "stm.claim.key",
        "claim_id",
        string="Identity Keys",
        context={"active_test": False},
    )
    state = fields.Selection(
        [("active", "Active"), ("released", "Released"), ("expired", "Expired")],
        default="active",
        required=True,
        index=True,
        tracking=True,
    )
    claimed_on = fields.Date(
        default=fields.Date.context_today, required=True, tracking=True
    )
    last_followup_on = fields.Date(
        string="Last Follow-up", default=fields.Date.context_today, tracking=True
    )
    protected_until = fields.Date(
        compute="_compute_protected_until",
        store=True,
        index="btree_not_null",
        help="The claim expires the day after; empty: it never expires.",
    )
    pinned = fields.Boolean(
        tracking=True,
        help="Pinned by a manager: the claim never expires.",
    )
    expiry_warned = fields.Boolean(string="Expiry Warning Sent", copy=False)
    last_owner_id = fields.Many2one(
        "res.users",
        string="Previous Owner",
        help="Who held the customer before it went to the pool; that "
        "salesperson waits the team's cooldown before taking it back.",
    )
    released_on = fields.Date(string="To Pool On", copy=False)
    holder_dispute_ids = fields.One2many(
        "stm.claim.dispute", "claim_id", string="Disputes as First Owner"
    )
    rival_dispute_ids = fields.One2many(
        "stm.claim.dispute", "rival_claim_id", string="Disputes as Second Owner"
    )
    has_open_dispute = fields.Boolean(
        compute="_compute_has_open_dispute", store=True, string="Disputed"
    )

    @api.depends("lead_ids")
    def _compute_lead_count(self):
        counts = dict(
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [("stm_claim_id", "in", self.ids)], ["stm_claim_id"], ["__count"]
            )
        )
        for claim in self:
            claim.lead_count = counts.get(claim, 0)

    @api.depends("last_followup_on", "pinned", "team_id.stm_claim_protection_days")
    def _compute_protected_until(self):
        for claim in self:
            claim.protected_until = claim_policy.protected_until(
                claim.last_followup_on,
                self._protection_days(claim.team_id),
                claim.pinned,
            )

    @api.depends("holder_dispute_ids.state", "rival_dispute_ids.state")
    def _compute_has_open_dispute(self):
        for claim in self:
            claim.has_open_dispute = any(
                d.state == "open" for d in claim.holder_dispute_ids
            ) or any(d.state == "open" for d in claim.rival_dispute_ids)

    @api.model
    def _protection_days(self, team):
        if team:
            return team.stm_claim_protection_days
        return claim_policy.DEFAULT_PROTECTION_DAYS

    def _compute_display_name(self):
        for claim in self:
            claim.display_name = f"{claim.name} ({claim.user_id.name})"

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

    # ------------------------------------------------------------------
    # Life cycle
    # ------------------------------------------------------------------

    def _touch_followup(self, day=None):
        """A visit, a done activity or a stage move by the owner: protection
        restarts from ``day`` (today by default)."""
        day = day or fields.Date.context_today(self)
        stale = self.filtered(
            lambda c: (
                c.state == "active"
                and (not c.last_followup_on or c.last_followup_on < day)
            )
        )
        if stale:
            stale.sudo().write({"last_followup_on": day, "expiry_warned": False})

    def _send_to_pool(self, state):
        """Release or expire: keys stop locking, open leads lose their owner
        and become readable by every salesperson of the company. A fixed
        number of queries whatever the number of claims or owners."""
        if not self:
            return
        fnames = ["state", "last_owner_id", "released_on", "pinned", "expiry_warned"]
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "UPDATE stm_claim SET state = %s, last_owner_id = user_id, "
                "released_on = %s, pinned = false, expiry_warned = false, "
                "write_uid = %s, write_date = %s WHERE id IN %s",
                state,
                fields.Date.context_today(self),
                self.env.uid,
                self.env.cr.now(),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(fnames)
        self.modified(fnames)
        self.sudo().key_ids.write({"active": False})
        open_leads = self.sudo().lead_ids.filtered(
            lambda lead: lead.active and lead.probability < 100
        )
        open_leads.with_context(stm_claim_transfer=True).write({"user_id": False})

    def action_release(self):
        """The owner gives the customer back to the pool. With open
        opportunities a difficulty alarm closed as 'abandon' is required."""
        for claim in self:
            if claim.state != "active":
                raise UserError(self.env._("%s is not an active claim.", claim.name))
            claim._check_owner_or_manager()
            claim.sudo().lead_ids.with_env(self.env)._stm_check_may_abandon()
        self.flush_recordset()
        self._send_to_pool("released")
        self._message_log_batch(
            {
                claim.id: self.env._("Released to the pool by %s.", self.env.user.name)
                for claim in self
            }
        )
        return True

    def _check_owner_or_manager(self):
        if self.env["res.users"]._stm_is_sales_manager():
            return
        if self.user_id != self.env.user:
            raise UserError(
                self.env._("Only %s or a sales manager can do this.", self.user_id.name)
            )

    def action_pin(self):
        self._check_manager()
        self.write({"pinned": True})

    def action_unpin(self):
        self._check_manager()
        self.write({"pinned": False})

    def _check_manager(self):
        self.env["res.users"]._stm_check_sales_manager()

    def _take_over(self, user):
        """Give the claim and its open leads to ``user``, reactivating its
        keys; a customer registered again meanwhile refuses with a clear
        error."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        keys = self.sudo().with_context(active_test=False).key_ids
        if self.state != "active" and keys:
            self._reactivate_keys(keys)
        self.sudo().write(
            {
                "user_id": user.id,
                "team_id": user.sale_team_id.id or self.team_id.id,
                "state": "active",
                "claimed_on": today,
                "last_followup_on": today,
                "expiry_warned": False,
            }
        )
        open_leads = self.sudo().lead_ids.filtered(
            lambda lead: lead.active and lead.probability < 100
        )
        open_leads.with_context(stm_claim_transfer=True).write({"user_id": user.id})

    def _reactivate_keys(self, keys):
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
            self._raise_race_conflict(
                [
                    {
                        "keys": {(k.key_type, k.key_value) for k in keys},
                        "company_id": self.company_id.id,
                        "label": self.name,
                    }
                ],
                [[0]],
            )
        keys.invalidate_recordset(["active"])

    @api.model
    def _cron_expire(self):
        """Daily: expire claims past their protection (to the pool) and warn
        owners a few days before. Batched, idempotent."""
        today = fields.Date.context_today(self)
        expired = self.search(
            [
                ("state", "=", "active"),
                ("pinned", "=", False),
                ("protected_until", "<", today),
            ]
        )
        batch_size = 500
        done = 0
        for start in range(0, len(expired), batch_size):
            batch = expired[start : start + batch_size]
            batch._send_to_pool("expired")
            batch._notify_owner_expired()
            done += len(batch)
            self.env["ir.cron"]._notify_progress(
                done=done, remaining=len(expired) - done
            )
            self._commit_between_batches()
        self._warn_expiring(today)

    def _warn_expiring(self, today):
        """One warning activity per claim and protection period."""
        horizon_days = max(
            self.env["crm.team"].search([]).mapped("stm_claim_warning_days")
            or [claim_policy.DEFAULT_WARNING_DAYS]
        )
        candidates = self.search(
            [
                ("state", "=", "active"),
                ("pinned", "=", False),
                ("expiry_warned", "=", False),
                ("protected_until", ">=", today),
                (
                    "protected_until",
                    "<=",
                    fields.Date.add(today, days=horizon_days),
                ),
            ]
        )
        to_warn = candidates.filtered(
            lambda c: claim_policy.needs_warning(
                c.protected_until,
                today,
                c.team_id.stm_claim_warning_days
                if c.team_id
                else claim_policy.DEFAULT_WARNING_DAYS,
            )
        )
        if not to_warn:
            return
        activity_type = self.env.ref("mail.mail_activity_data_warning")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": claim.id,
                    "activity_type_id": activity_type.id,
                    "user_id": claim.user_id.id,
                    "date_deadline": claim.protected_until,
                    "summary": self.env._(
                        "Follow up %s or lose it to the pool", claim.name
                    ),
                    "note": self.env._(
                        "Your claim on %(customer)s expires after %(date)s. A "
                        "visit, a done activity or a stage move keeps it.",
                        customer=claim.name,
                        date=claim.protected_until,
                    ),
                }
                for claim in to_warn
            ]
        )
        to_warn.write({"expiry_warned": True})

    def _notify_owner_expired(self):
        self._message_log_batch(
            {
                claim.id: self.env._(
                    "No follow-up since %(date)s: %(customer)s went to the pool.",
                    date=claim.last_followup_on,
                    customer=claim.name,
                )
                for claim in self
            }
        )

    def _commit_between_batches(self):
        """Long crons keep finished batches; tests run in one transaction."""
        if not self.env.registry.in_test_mode() and not getattr(
            threading.current_thread(), "testing", False
        ):
            self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.ondelete(at_uninstall=False)
    def _unlink_only_managers(self):
        self._check_manager()
