from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..access import action, system, typed
from ..policy import claims as claim_policy


class StmClaim(models.Model):
    """Which salesperson owns a customer (seed 002 §1, 撞单/争单): whoever
    registers the customer first keeps it while following it up."""

    _name = "stm.claim"
    _description = "Customer Claim"
    _inherit = ["stm.access.mixin", "mail.thread", "mail.activity.mixin"]
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
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", index=True, check_company=True
    )
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

    @api.depends(
        "last_followup_on",
        "pinned",
        "team_id.stm_claim_protection_days",
        "team_id.stm_protection_days_a",
        "team_id.stm_protection_days_b",
        "team_id.stm_protection_days_c",
        "partner_id.stm_customer_class",
    )
    def _compute_protected_until(self):
        # A class change (by hand, or the nightly suggestion) moves the date.
        for claim in self:
            claim.protected_until = claim_policy.protected_until(
                claim.last_followup_on,
                self._protection_days(
                    claim.team_id, claim.partner_id.stm_customer_class
                ),
                claim.pinned,
            )

    @api.depends("holder_dispute_ids.state", "rival_dispute_ids.state")
    def _compute_has_open_dispute(self):
        for claim in self:
            claim.has_open_dispute = any(
                d.state == "open" for d in claim.holder_dispute_ids
            ) or any(d.state == "open" for d in claim.rival_dispute_ids)

    @api.model
    def _protection_days(self, team, customer_class=None):
        """Days of protection in ``team`` of a customer of this class (A, B,
        C), or the team's general days for a customer without one."""
        default = (
            team.stm_claim_protection_days
            if team
            else claim_policy.DEFAULT_PROTECTION_DAYS
        )
        return claim_policy.protection_days_for_class(
            customer_class, team._stm_protection_by_class(), default
        )

    def _stm_access(self):
        steps = action(
            self.env._(
                "the buttons Claim, Release to Pool, Pin and Unpin, or a sales "
                "manager assigning its leads to someone else"
            )
        )
        return {
            **super()._stm_access(),
            "name": typed(),
            "user_id": steps,
            "team_id": steps,
            "company_id": steps,
            "partner_id": steps,
            "lead_ids": system(),
            "key_ids": system(),
            "state": steps,
            "claimed_on": steps,
            "last_followup_on": steps,
            "protected_until": system(),
            "pinned": steps,
            "expiry_warned": steps,
            "last_owner_id": steps,
            "released_on": steps,
            "holder_dispute_ids": system(),
            "rival_dispute_ids": system(),
            "has_open_dispute": system(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_pin": "a sales manager",
            "action_release": "the owner or a sales manager",
            "action_unpin": "a sales manager",
        }

    def _compute_display_name(self):
        for claim in self:
            claim.display_name = f"{claim.name} ({claim.user_id.name})"

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
            # A follow-up clears the ladder: its steps start again.
            stale.sudo().write(
                {
                    "last_followup_on": day,
                    "expiry_warned": False,
                    "followup_step": 0,
                    "at_risk": False,
                }
            )

    def _send_to_pool(self, state):
        """Release or expire: keys stop locking, open leads lose their owner
        and become readable through the pool rules (the team's own pool first
        where the team keeps one, then the company's). A fixed
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
        # Searched by id, not read through key_ids: that one2many is ordered
        # by the claim's date, a join the planner answers with a full scan.
        self.env["stm.claim.key"].sudo().search(
            [("claim_id", "in", self.ids), ("active", "=", True)], order="id"
        ).write({"active": False})
        open_leads = self.sudo().lead_ids.filtered(
            lambda lead: lead.active and lead.probability < 100
        )
        open_leads.with_context(stm_claim_transfer=True).write({"user_id": False})
        # The pool is per company: a lead without one would be everybody's.
        for company, leads in (
            open_leads.filtered(lambda lead: not lead.company_id)
            .grouped(lambda lead: lead.stm_claim_id.company_id)
            .items()
        ):
            leads.with_context(stm_claim_transfer=True).write(
                {"company_id": company.id}
            )

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
        self.env["res.users"]._stm_check_sales_manager()
        self.sudo().write({"pinned": True})
        return True

    def action_unpin(self):
        self.env["res.users"]._stm_check_sales_manager()
        self.sudo().write({"pinned": False})
        return True

    def _take_over(self, user):
        """Give these claims and their open leads to ``user``, reactivating
        their keys; a customer registered again meanwhile refuses with a
        clear error. A fixed number of writes, whatever the number of claims
        (a hand-over moves thousands)."""
        if not self:
            return
        # One "you have been assigned" mail per record would bury the new
        # owner under thousands after a hand-over; the caller tells him once.
        claims = self.with_context(mail_auto_subscribe_no_notify=True)
        today = fields.Date.context_today(claims)
        for claim in claims.filtered(lambda c: c.state != "active"):
            keys = claim.sudo().with_context(active_test=False).key_ids
            if keys:
                claim._reactivate_keys(keys)
        values = {
            "user_id": user.id,
            "state": "active",
            "claimed_on": today,
            "last_followup_on": today,
            "expiry_warned": False,
        }
        # The user's team, when it works for the claim's company.
        team = user.sale_team_id
        for company, batch in claims.grouped("company_id").items():
            if team and (not team.company_id or team.company_id == company):
                batch.sudo().write(dict(values, team_id=team.id))
            else:
                batch.sudo().write(values)
        open_leads = claims.sudo().lead_ids.filtered(
            lambda lead: lead.active and lead.probability < 100
        )
        # The opportunities stay in their customer's team (Odoo would move
        # them to the new owner's first team, or its default one).
        for team, leads in open_leads.grouped(
            lambda lead: lead.stm_claim_id.team_id
        ).items():
            values = {"user_id": user.id}
            if team:
                values["team_id"] = team.id
            leads.with_context(stm_claim_transfer=True).write(values)

    @api.model
    def _cron_expire(self):
        """Daily: expire claims past their protection (to the pool) and warn
        owners a few days before. Batched, idempotent."""
        today = fields.Date.context_today(self)
        # The index narrows to the candidates; the policy says which expire.
        expired = self.search(
            [
                ("state", "=", "active"),
                ("pinned", "=", False),
                ("protected_until", "<=", today),
            ]
        ).filtered(lambda claim: claim_policy.is_expired(claim.protected_until, today))
        batch_size = 500
        done = 0
        for start in range(0, len(expired), batch_size):
            batch = expired[start : start + batch_size]
            batch._send_to_pool("expired")
            batch._notify_owner_expired()
            done += len(batch)
            self.env["ir.cron"]._stm_commit_batch(done, len(batch), len(expired) - done)
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
        batch_size = 500
        for start in range(0, len(to_warn), batch_size):
            batch = to_warn[start : start + batch_size]
            batch._warn_owners(activity_type, model_id)
            done = start + len(batch)
            self.env["ir.cron"]._stm_commit_batch(done, len(batch), len(to_warn) - done)

    def _warn_owners(self, activity_type, model_id):
        """The 3-day warning activity of each claim, in one create."""
        env_of = {user: user._stm_env() for user in self.user_id}
        self.env["mail.activity"]._stm_create_batch(
            self._name,
            [
                {
                    "res_model_id": model_id,
                    "res_id": claim.id,
                    "activity_type_id": activity_type.id,
                    "user_id": claim.user_id.id,
                    "date_deadline": claim.protected_until,
                    # In the owner's language, whoever runs the job.
                    "summary": env_of[claim.user_id]._(
                        "Follow up %s or lose it to the pool", claim.name
                    ),
                    "note": env_of[claim.user_id]._(
                        "Your claim on %(customer)s expires after %(date)s. A "
                        "visit, a done activity or a stage move keeps it.",
                        customer=claim.name,
                        date=claim.protected_until,
                    ),
                }
                for claim in self
            ],
        )
        self.sudo().write({"expiry_warned": True})

    def _notify_owner_expired(self):
        self._message_log_batch(
            {
                claim.id: claim.user_id._stm_env()._(
                    "No follow-up since %(date)s: %(customer)s went to the pool.",
                    date=claim.last_followup_on,
                    customer=claim.name,
                )
                for claim in self
            }
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_managers(self):
        self.env["res.users"]._stm_check_sales_manager()
