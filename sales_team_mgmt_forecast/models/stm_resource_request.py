from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import quota
from odoo.exceptions import UserError, ValidationError

THURSDAY = 3


def week_monday(day):
    return day - timedelta(days=day.weekday())


class StmResourceRequest(models.Model):
    """每周四资源申请表: every Thursday the salesperson asks for next week's
    technical support, funds or other help."""

    _name = "stm.resource.request"
    _description = "Weekly Resource Request"
    _inherit = [
        "stm.report.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _check_company_auto = True
    _order = "week_start desc, user_id"
    _stm_period_field = "week_start"

    name = fields.Char(compute="_compute_name", store=True)
    week_start = fields.Date(
        string="For the Week of",
        required=True,
        default=lambda self: (
            week_monday(fields.Date.context_today(self)) + timedelta(days=7)
        ),
    )
    due_date = fields.Date(compute="_compute_due_date", store=True)
    line_ids = fields.One2many(
        "stm.resource.request.line", "request_id", string="Needs"
    )
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    late = fields.Boolean(readonly=True, help="Submitted after its Thursday.")

    _user_week_uniq = Constraint(
        "UNIQUE(user_id, week_start)",
        "One request per week and person.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "name": system(),
            "week_start": typed(),
            "due_date": system(),
            "line_ids": typed(),
            "amount_total": system(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_approve": "the team leader or a sales manager",
            "action_refuse": "the team leader or a sales manager",
            "action_submit": "the salesperson",
        }

    @api.depends("user_id.name", "week_start")
    def _compute_name(self):
        for record in self:
            record.name = (
                f"{record.user_id.name or ''} {record.week_start or ''}".strip()
            )

    @api.constrains("week_start")
    def _check_week_start(self):
        if any(not quota.plausible_day(r.week_start) for r in self):
            raise ValidationError(
                self.env._("The week must lie between the years 1900 and 2999.")
            )
        for record in self.filtered(lambda r: r.week_start.weekday() != 0):
            raise ValidationError(
                self.env._(
                    "A week starts on a Monday: choose %(monday)s, not %(day)s.",
                    monday=week_monday(record.week_start),
                    day=record.week_start,
                )
            )

    @api.depends("week_start")
    def _compute_due_date(self):
        for record in self:
            # The Thursday before the requested week.
            record.due_date = quota.plausible_day(record.week_start) and week_monday(
                record.week_start
            ) - timedelta(days=7 - THURSDAY)

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for record in self:
            record.amount_total = sum(record.line_ids.mapped("amount"))

    def action_submit(self):
        today = fields.Date.context_today(self)
        for record in self:
            if record.state != "draft":
                raise UserError(self.env._("This request was already submitted."))
            if not record.line_ids:
                raise UserError(self.env._("Say what you need: add at least one line."))
        self.check_access("write")
        for record in self:
            record.sudo().write(
                {
                    "state": "submitted",
                    "submitted_on": fields.Datetime.now(),
                    "late": bool(record.due_date and today > record.due_date),
                }
            )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._stm_notify_manager(
            "sales_team_mgmt_forecast.mail_template_stm_resource_request_submitted"
        )
        return True

    def _check_decidable(self):
        self.env["res.users"]._stm_check_decides_for([r.manager_id for r in self])
        if self.filtered(lambda r: r.state != "submitted"):
            raise UserError(self.env._("Only submitted requests can be decided."))

    def action_approve(self):
        self._check_decidable()
        self.sudo().write({"state": "approved"})
        return True

    def action_refuse(self):
        self._check_decidable()
        self.sudo().write({"state": "refused"})
        return True

    @api.model
    def _cron_weekly(self):
        """Thursday (or any day after a missed run): next week's draft per
        salesperson with an activity due today; drafts past their Thursday
        are marked late. Idempotent."""
        today = fields.Date.context_today(self)
        overdue = self.search(
            [("state", "=", "draft"), ("due_date", "<", today), ("late", "=", False)]
        )
        overdue.sudo().write({"late": True})
        if today.weekday() != THURSDAY:
            return self.browse()
        week = week_monday(today) + timedelta(days=7)
        users = (
            self.env["crm.team.member"]
            .search([("crm_team_id.active", "=", True)])
            .user_id
        )
        existing = self.search(
            [("user_id", "in", users.ids), ("week_start", "=", week)]
        ).user_id
        # No creation message nor follower per record: the cron's queries
        # must not grow with the number of salespeople.
        new = self.with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        ).create([{"user_id": u.id, "week_start": week} for u in users - existing])
        self.env["mail.activity"]._stm_schedule_batch(
            new,
            today,
            lambda record, env: env._("Resource request for the week of %s", week),
        )
        return new
