from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import action, typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.exceptions import UserError
from odoo.tools import format_amount

# What mail and the chatter may still write on an approved statement.
# What the daily preparation counts and writes on a statement.
COUNTED_FIELDS = [
    "count_from",
    "count_to",
    "won_amount",
    "target_amount",
    "attainment_pct",
    "commission",
    "adjustment_amount",
    "adjustment_commission",
    "bonus",
    "allowances",
    "total",
    "effective_rate",
    "commission_slices",
]

MAIL_FIELDS = {
    "message_main_attachment_id",
    "message_follower_ids",
    "message_ids",
    "activity_ids",
}


class StmIncentiveStatement(models.Model):
    """What a salesperson earned in a period under his team's plan: the won
    deals counted, the target reached, commission, bonus, allowances and
    adjustments of earlier periods. Prepared by a daily job once the period
    is over, approved by the team's leader, then never changed: a deal that
    changes afterwards is settled in the next statement."""

    _name = "stm.incentive.statement"
    _description = "Incentive Statement"
    _inherit = ["stm.access.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, team_id, user_id, id"
    _check_company_auto = True
    _rec_names_search = ["user_id.name"]
    _stm_counted_fields = COUNTED_FIELDS

    # Not stored: written in the reader's language.
    name = fields.Char(compute="_compute_name")
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True, readonly=True
    )
    team_id = fields.Many2one(
        "crm.team", required=True, index=True, check_company=True, readonly=True
    )
    manager_id = fields.Many2one(related="team_id.user_id", string="Team Leader")
    plan_id = fields.Many2one(
        "stm.incentive.plan",
        required=True,
        index=True,
        check_company=True,
        readonly=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    period = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")],
        required=True,
        readonly=True,
    )
    date_from = fields.Date(string="From", required=True, readonly=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    count_from = fields.Date(
        string="In the Team From",
        readonly=True,
        help="Deals count from this day: the period's first, or the day the "
        "salesperson joined the team.",
    )
    count_to = fields.Date(
        string="In the Team Until",
        readonly=True,
        help="Deals count until this day: the period's last, or the day the "
        "salesperson left the team.",
    )
    line_ids = fields.One2many(
        "stm.incentive.statement.line", "statement_id", string="Lines", readonly=True
    )
    deal_line_ids = fields.One2many(
        "stm.incentive.statement.line",
        "statement_id",
        domain=[("kind", "=", "deal")],
        string="Deals",
        readonly=True,
    )
    adjustment_line_ids = fields.One2many(
        "stm.incentive.statement.line",
        "statement_id",
        domain=[("kind", "=", "adjustment")],
        string="Adjustments",
        readonly=True,
    )
    won_amount = fields.Monetary(string="Won Revenue", readonly=True)
    target_amount = fields.Monetary(string="Target", readonly=True)
    attainment_pct = fields.Float(
        string="Target Reached (%)", readonly=True, aggregator="avg"
    )
    commission = fields.Monetary(readonly=True)
    adjustment_amount = fields.Monetary(string="Adjusted Revenue", readonly=True)
    adjustment_commission = fields.Monetary(readonly=True)
    bonus = fields.Monetary(readonly=True)
    allowances = fields.Monetary(readonly=True)
    total = fields.Monetary(readonly=True)
    commission_slices = fields.Json(
        readonly=True,
        help="How the commission was reached: the tiers applied, their rates "
        "and the revenue paid at each (written when the statement is counted).",
    )
    commission_basis = fields.Text(
        string="How the Commission Is Reached",
        compute="_compute_commission_basis",
        help="The tier and rate that applied, in the reader's words.",
    )
    effective_rate = fields.Float(
        digits=(8, 6),
        readonly=True,
        aggregator=None,
        help="Commission per unit of won revenue: the rate at which a later "
        "change to one of these deals is settled.",
    )
    state = fields.Selection(
        [("draft", "To Approve"), ("approved", "Approved")],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)
    approved_on = fields.Datetime(readonly=True)
    note = fields.Text(help="The manager's remarks, printed on the statement.")

    _stm_statement_once = Constraint(
        "UNIQUE(plan_id, team_id, user_id, date_from)",
        "One statement per salesperson, team, plan and period.",
    )

    @api.depends_context("lang")
    @api.depends("commission_slices", "plan_id.tier_mode", "currency_id")
    def _compute_commission_basis(self):
        for statement in self:
            pieces = statement.commission_slices or []
            lines = []
            for piece in pieces:
                share = (
                    self.env._(
                        "%(low)s %% to %(high)s %% of target",
                        low=_pct(piece["from_pct"]),
                        high=_pct(piece["to_pct"]),
                    )
                    if piece["to_pct"] is not None
                    else self.env._("from %s %% of target", _pct(piece["from_pct"]))
                )
                lines.append(
                    self.env._(
                        "%(share)s: %(rate)s %% × %(base)s = %(amount)s",
                        share=share,
                        rate=_pct(piece["rate"]),
                        base=format_amount(
                            self.env, piece["base"], statement.currency_id
                        ),
                        amount=format_amount(
                            self.env, piece["amount"], statement.currency_id
                        ),
                    )
                )
            if len(pieces) == 1 and statement.plan_id.tier_mode != "marginal":
                lines.insert(
                    0,
                    self.env._("The tier reached pays its rate on all the revenue won.")
                    if statement.target_amount
                    else self.env._("No target: the first tier's rate applies."),
                )
            statement.commission_basis = "\n".join(lines)

    @api.depends("user_id", "period", "date_from")
    def _compute_name(self):
        Figures = self.env["stm.figures"]
        for statement in self:
            statement.name = self.env._(
                "%(period)s — %(user)s",
                period=Figures._stm_period_label(statement.period, statement.date_from)
                if statement.period and statement.date_from
                else "",
                user=statement.user_id.name or "",
            )

    # ------------------------------------------------------------------
    # What a client may change
    # ------------------------------------------------------------------

    def _stm_access(self):
        prepared = action(self.env._("the daily preparation and Refresh"))
        approve = action(self.env._("Approve"))
        return {
            **super()._stm_access(),
            "user_id": prepared,
            "team_id": prepared,
            "plan_id": prepared,
            "company_id": prepared,
            "period": prepared,
            "date_from": prepared,
            "date_to": prepared,
            "count_from": prepared,
            "count_to": prepared,
            "line_ids": prepared,
            "deal_line_ids": prepared,
            "adjustment_line_ids": prepared,
            "won_amount": prepared,
            "target_amount": prepared,
            "attainment_pct": prepared,
            "commission": prepared,
            "adjustment_amount": prepared,
            "adjustment_commission": prepared,
            "bonus": prepared,
            "allowances": prepared,
            "total": prepared,
            "effective_rate": prepared,
            "commission_slices": prepared,
            "state": approve,
            "approved_by_id": approve,
            "approved_on": approve,
            "note": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_approve": "the team leader or a sales manager",
            "action_open_deals": "who reads the record",
            "action_refresh": "a sales admin or manager",
        }

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "Statements are prepared by the daily job once a period is "
                    "over; they are not created by hand."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        approved = self.filtered(lambda s: s.state == "approved")
        if approved and set(vals) - MAIL_FIELDS:
            raise UserError(
                self.env._(
                    "%s is approved and never changes: a later change to one of "
                    "its deals is settled in the next statement.",
                    approved[0].name,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        approved = self.filtered(lambda s: s.state == "approved")
        if approved:
            raise UserError(
                self.env._(
                    "%s is approved and cannot be deleted: a later change to one "
                    "of its deals is settled in the next statement.",
                    approved[0].name,
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_approve(self):
        """The team's leader approves: the statement is final."""
        self.env["res.users"]._stm_check_decides_for(
            [statement.team_id.user_id for statement in self]
        )
        if any(statement.state != "draft" for statement in self):
            raise UserError(self.env._("Only statements to approve can be approved."))
        self.sudo().write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_on": fields.Datetime.now(),
            }
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_refresh(self):
        """Count again: deals won or changed since the statement was
        prepared, a corrected target or plan."""
        if any(statement.state != "draft" for statement in self):
            raise UserError(
                self.env._(
                    "An approved statement is final; changes go into the next one."
                )
            )
        self.env["res.users"]._stm_check_decides_for(
            [statement.team_id.user_id for statement in self]
        )
        self.sudo()._stm_fill()
        return True

    @api.readonly
    def action_open_deals(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Deals of %s", self.name),
            "res_model": "crm.lead",
            "view_mode": "list,form",
            "domain": [("id", "in", self.line_ids.lead_id.ids)],
            "context": {"active_test": False},
        }


def _pct(value):
    """80.0 → "80", 2.5 → "2.5"."""
    return f"{value:g}"
