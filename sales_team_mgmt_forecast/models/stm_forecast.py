from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import forecast, quota
from odoo.exceptions import UserError, ValidationError


class StmForecast(models.Model):
    """月度项目估计表: the salesperson's estimate of next month, computed from
    the pipeline rather than shouted as a slogan (seed 002 §6)."""

    _name = "stm.forecast"
    _description = "Monthly Forecast"
    _inherit = [
        "stm.report.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _check_company_auto = True
    _order = "month desc, user_id"
    _stm_period_field = "month"

    name = fields.Char(compute="_compute_name", store=True)
    month = fields.Date(required=True, help="First day of the forecast month.")
    line_ids = fields.One2many(
        "stm.forecast.line", "forecast_id", string="Opportunities"
    )
    weighted_total = fields.Monetary(compute="_compute_totals", store=True)
    effective_count = fields.Integer(
        string="Opportunities at 25–90 %", compute="_compute_totals", store=True
    )
    reliable = fields.Boolean(compute="_compute_totals", store=True)
    diagnosis = fields.Text(compute="_compute_diagnosis")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("acknowledged", "Acknowledged"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    late = fields.Boolean(
        compute="_compute_late",
        store=True,
        help="Submitted once the forecast month had begun.",
    )

    _user_month_uniq = Constraint(
        "UNIQUE(user_id, month)",
        "One forecast per month and person.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "name": system(),
            "month": typed(),
            "line_ids": typed(),
            "weighted_total": system(),
            "effective_count": system(),
            "reliable": system(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_acknowledge": "the team leader or a sales manager",
            "action_prepare": "the salesperson",
            "action_submit": "the salesperson",
        }

    @api.depends("user_id.name", "month")
    def _compute_name(self):
        for record in self:
            month = record.month.strftime("%Y-%m") if record.month else ""
            record.name = f"{record.user_id.name or ''} {month}".strip()

    @api.depends(
        "line_ids.expected_amount",
        "line_ids.probability",
        "line_ids.out_of_pipeline",
        "team_id",
    )
    def _compute_totals(self):
        for record in self:
            pairs = [
                (line.expected_amount, line.probability)
                for line in record.line_ids
                if not line.out_of_pipeline
            ]
            probabilities = [probability for __, probability in pairs]
            minimum = (
                record.team_id.stm_min_effective_opportunities
                if record.team_id
                else forecast.DEFAULT_MIN_EFFECTIVE
            )
            record.weighted_total = forecast.weighted_forecast(pairs)
            record.effective_count = forecast.effective_count(probabilities)
            record.reliable = forecast.is_reliable(probabilities, minimum)

    @api.depends("user_id", "line_ids")
    def _compute_diagnosis(self):
        for record in self:
            if not record.user_id:
                record.diagnosis = False
                continue
            advice = self.env["crm.lead"]._stm_funnel_advice(
                [
                    ("user_id", "=", record.user_id.id),
                    ("company_id", "in", [record.company_id.id, False]),
                ]
            )
            if not record.line_ids.filtered(lambda line: not line.out_of_pipeline):
                advice = "\n".join(
                    [
                        self.env._(
                            "No opportunity of yours is expected to close in this "
                            "month: the forecast is empty."
                        ),
                        advice,
                    ]
                )
            record.diagnosis = advice

    @api.constrains("month")
    def _check_month(self):
        if any(not quota.plausible_day(r.month) for r in self):
            raise ValidationError(
                self.env._("The month must lie between the years 1900 and 2999.")
            )

    @api.depends("submitted_on", "month")
    def _compute_late(self):
        # Due on the last day before the forecast month starts.
        for record in self:
            record.late = bool(
                record.month
                and record.submitted_on
                and record.submitted_on.date() >= record.month
            )

    def action_prepare(self):
        """Fill the lines with the salesperson's open opportunities expected
        to close in the month (or already late), at their stage probability.
        One search for all the forecasts, whatever their number."""
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only a draft forecast can be prepared."))
        # Filled again by its salesperson, or by the team's leader.
        others = self.filtered(lambda r: r.user_id != self.env.user)
        if others:
            self.env["res.users"]._stm_check_decides_for([r.manager_id for r in others])
        self.check_access("write")
        if not self:
            return True
        last_day = max(self.mapped("month")) + relativedelta(months=1, days=-1)
        leads = (
            self.env["crm.lead"]
            .sudo()
            .search(
                [
                    ("user_id", "in", self.user_id.ids),
                    ("company_id", "in", [*self.company_id.ids, False]),
                    ("type", "=", "opportunity"),
                    ("probability", "<", 100),
                    ("date_deadline", "<=", last_day),
                    (
                        "date_deadline",
                        ">=",
                        min(self.mapped("month")) - relativedelta(years=1),
                    ),
                ]
            )
        )
        by_user = leads.grouped("user_id")
        self.line_ids.unlink()
        Line = self.env["stm.forecast.line"]
        Line.create(
            [
                {
                    "forecast_id": record.id,
                    "lead_id": lead.id,
                    "expected_stage_id": lead.stage_id.id,
                }
                for record in self
                for lead in by_user.get(record.user_id, leads.browse())
                if (not lead.company_id or lead.company_id == record.company_id)
                and lead.date_deadline
                <= record.month + relativedelta(months=1, days=-1)
            ]
        )
        return True

    def action_submit(self):
        for record in self:
            if record.state != "draft":
                raise UserError(self.env._("This forecast was already submitted."))
            if record.user_id != self.env.user and not self.env[
                "res.users"
            ]._stm_decides_for([record.manager_id]):
                raise UserError(self.env._("Only its salesperson submits a forecast."))
        self.check_access("write")
        # The lines show the pipeline as it is now; submitting freezes that.
        self.line_ids.flush_recordset()
        self.sudo().write({"state": "submitted", "submitted_on": fields.Datetime.now()})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._stm_notify_manager(
            "sales_team_mgmt_forecast.mail_template_stm_forecast_submitted"
        )
        return True

    def action_acknowledge(self):
        self.env["res.users"]._stm_check_decides_for([r.manager_id for r in self])
        if self.filtered(lambda r: r.state != "submitted"):
            raise UserError(self.env._("Only submitted forecasts can be acknowledged."))
        self.sudo().write({"state": "acknowledged"})
        return True

    @api.model
    def _cron_prepare(self):
        """On the team's forecast day, a draft for next month per salesperson
        with an activity due at month end; once."""
        today = fields.Date.context_today(self)
        members = self.env["crm.team.member"].search(
            [
                ("crm_team_id.active", "=", True),
                ("crm_team_id.stm_forecast_day", "=", today.day),
            ]
        )
        month = (today + relativedelta(months=1)).replace(day=1)
        users = members.user_id
        existing = self.search(
            [("user_id", "in", users.ids), ("month", "=", month)]
        ).user_id
        # No creation message nor follower per record: the cron's queries
        # must not grow with the number of salespeople.
        new = self.with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        ).create([{"user_id": user.id, "month": month} for user in users - existing])
        new.action_prepare()
        self.env["mail.activity"]._stm_schedule_batch(
            new,
            month - relativedelta(days=1),
            lambda record, env: env._(
                "Submit your forecast for %s", month.strftime("%Y-%m")
            ),
        )
        return new
