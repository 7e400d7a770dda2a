from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.policy import relations
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class ResPartner(models.Model):
    """Customer care (seed 002 §2–3): the revisit rhythm of the customer's
    class, its key date and who referred whom."""

    _name = "res.partner"
    _inherit = ["stm.access.mixin", "res.partner"]

    stm_revisit_interval_days = fields.Integer(
        string="Revisit Every (days)",
        compute="_compute_stm_revisit_interval_days",
        store=True,
        readonly=False,
    )
    stm_last_visit_on = fields.Date(string="Last Visit", readonly=True)
    stm_next_revisit_on = fields.Date(
        string="Next Revisit",
        compute="_compute_stm_next_revisit_on",
        store=True,
        index="btree_not_null",
    )
    stm_revisit_reminded_for = fields.Date(
        string="Revisit Reminder Sent For", readonly=True, copy=False
    )
    stm_key_date = fields.Date(
        string="Key Date", help="Birthday or founding day: greeted every year."
    )
    stm_key_date_label = fields.Char(string="Key Date Is", help="e.g. Birthday")
    stm_key_date_reminded_year = fields.Integer(
        string="Key Date Greeted for Year", readonly=True, copy=False
    )
    stm_referred_by_id = fields.Many2one(
        "res.partner", string="Referred by", index="btree_not_null"
    )
    stm_referral_ids = fields.One2many(
        "res.partner", "stm_referred_by_id", string="Referrals"
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_revisit_interval_days": typed(),
            "stm_last_visit_on": system(),
            "stm_next_revisit_on": system(),
            "stm_revisit_reminded_for": system(),
            "stm_key_date": typed(),
            "stm_key_date_label": typed(),
            "stm_key_date_reminded_year": system(),
            "stm_referred_by_id": typed(),
            "stm_referral_ids": system(),
        }

    @api.constrains("stm_revisit_interval_days")
    def _check_stm_revisit_interval_days(self):
        if any(not 0 <= p.stm_revisit_interval_days <= 3650 for p in self):
            raise ValidationError(
                self.env._("A revisit interval lies between 0 and 3650 days.")
            )

    @api.constrains("stm_referred_by_id")
    def _check_stm_referral_cycle(self):
        if self._has_cycle("stm_referred_by_id"):
            raise ValidationError(
                self.env._("A customer cannot be referred, directly or not, by itself.")
            )

    @api.depends("stm_customer_class")
    def _compute_stm_revisit_interval_days(self):
        for partner in self:
            partner.stm_revisit_interval_days = relations.REVISIT_DAYS.get(
                partner.stm_customer_class, 0
            )

    @api.depends("stm_last_visit_on", "stm_revisit_interval_days")
    def _compute_stm_next_revisit_on(self):
        for partner in self:
            partner.stm_next_revisit_on = relations.next_revisit(
                partner.stm_last_visit_on, partner.stm_revisit_interval_days
            )

    def _stm_caretaker(self):
        """Who looks after the customer: the owner of its active claim, else
        the salesperson on the partner."""
        claims = (
            self.env["stm.claim"]
            .sudo()
            .search([("partner_id", "in", self.ids), ("state", "=", "active")])
        )
        owner = {claim.partner_id: claim.user_id for claim in claims}
        return {partner: owner.get(partner) or partner.user_id for partner in self}

    @api.model
    def _cron_customer_care(self):
        """Nightly: last visits, then revisit and key-date reminders. Each
        reminder is created once."""
        self._stm_refresh_last_visits()
        today = fields.Date.context_today(self)
        self._stm_remind_revisits(today)
        self._stm_remind_key_dates(today)

    @api.model
    def _stm_refresh_last_visits(self):
        last = (
            self.env["stm.visit"]
            .sudo()
            ._read_group(
                [("state", "=", "done"), ("partner_id", "!=", False)],
                ["partner_id"],
                ["date:max"],
            )
        )
        by_day = defaultdict(list)
        for partner, moment in last:
            day = fields.Date.context_today(partner, moment)
            if partner.stm_last_visit_on != day:
                by_day[day].append(partner.id)
        for day, ids in by_day.items():
            self.sudo().browse(ids).write({"stm_last_visit_on": day})

    @api.model
    def _stm_remind_revisits(self, today):
        due = self.sudo().search(
            [
                ("stm_next_revisit_on", "!=", False),
                ("stm_next_revisit_on", "<=", today + timedelta(days=1)),
            ]
        )
        due = due.filtered(
            lambda p: p.stm_revisit_reminded_for != p.stm_next_revisit_on
        )
        caretaker = due._stm_caretaker()
        due = due.filtered(lambda p: caretaker[p])
        self.env["mail.activity"]._stm_schedule_batch(
            due,
            lambda partner: max(partner.stm_next_revisit_on, today),
            lambda partner, env: env._("Revisit this customer"),
            user_of=caretaker.get,
        )
        by_day = defaultdict(list)
        for partner in due:
            by_day[partner.stm_next_revisit_on].append(partner.id)
        for day, ids in by_day.items():
            self.sudo().browse(ids).write({"stm_revisit_reminded_for": day})

    @api.model
    def _stm_remind_key_dates(self, today):
        """Each company gives its own notice: a customer of company A is
        greeted A's number of days ahead (a shared customer: its caretaker's
        company's)."""
        companies = self.env["res.company"].sudo().search([])
        for notice in sorted(set(companies.mapped("stm_key_date_notice_days"))):
            target = today + timedelta(days=notice)
            due = self._stm_key_dates_on(target)
            caretaker = due._stm_caretaker()
            due = due.browse(
                partner.id
                for partner in due
                if caretaker[partner]
                and (
                    partner.company_id or caretaker[partner].company_id
                ).stm_key_date_notice_days
                == notice
            )
            self.env["mail.activity"]._stm_schedule_batch(
                due,
                target,
                lambda partner, env: env._("Greet this customer: key date coming"),
                user_of=caretaker.get,
            )
            due.write({"stm_key_date_reminded_year": target.year})

    @api.model
    def _stm_key_dates_on(self, target):
        """Partners whose key date falls on ``target`` (29 February on the
        28th in common years), not yet reminded for its year."""
        pairs = relations.key_date_days_matching(target)
        self.flush_model(["stm_key_date", "stm_key_date_reminded_year", "active"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM res_partner WHERE stm_key_date IS NOT NULL AND active "
                "AND (EXTRACT(MONTH FROM stm_key_date), EXTRACT(DAY FROM stm_key_date))"
                " IN %s AND COALESCE(stm_key_date_reminded_year, 0) < %s",
                tuple(pairs),
                target.year,
            )
        )
        return self.sudo().browse([row[0] for row in self.env.cr.fetchall()])
