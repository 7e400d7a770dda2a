from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import incentive
from odoo.exceptions import ValidationError


class StmIncentivePlan(models.Model):
    """How a team is paid for its sales (提成, 奖金, 津贴): commission by
    tiers of target reached, a bonus for reaching the target, fixed
    allowances, per month, quarter or year. Statements are prepared from it
    when a period closes."""

    _name = "stm.incentive.plan"
    _description = "Incentive Plan"
    _inherit = ["stm.access.mixin", "mail.thread"]
    _order = "team_id, date_start desc, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    team_id = fields.Many2one(
        "crm.team", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")],
        required=True,
        default="month",
        tracking=True,
    )
    date_start = fields.Date(
        string="Valid From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        tracking=True,
    )
    date_end = fields.Date(string="Valid Until", tracking=True)
    tier_mode = fields.Selection(
        [
            ("flat", "Flat: the tier reached applies to all revenue"),
            ("marginal", "Marginal: each tier's rate on its slice of revenue"),
        ],
        string="Tiers",
        required=True,
        default="flat",
        tracking=True,
    )
    tier_ids = fields.One2many("stm.incentive.tier", "plan_id", string="Commission")
    bonus_amount = fields.Monetary(
        string="Bonus on Target",
        tracking=True,
        help="Paid when the period's target is reached (100 % or more).",
    )
    bonus_pct = fields.Float(
        string="Bonus (% of Won Revenue)",
        tracking=True,
        help="Added to the bonus amount when the target is reached.",
    )
    allowance_ids = fields.One2many(
        "stm.incentive.allowance", "plan_id", string="Allowances"
    )
    active = fields.Boolean(default=True, tracking=True)
    statement_ids = fields.One2many("stm.incentive.statement", "plan_id")

    _stm_incentive_plan_bonus = Constraint(
        "CHECK(bonus_amount >= 0 AND bonus_pct >= 0 AND bonus_pct <= 100)",
        "A bonus is a positive amount and a rate from 0 to 100 %.",
    )
    _stm_incentive_plan_dates = Constraint(
        "CHECK(date_end IS NULL OR date_end >= date_start)",
        "A plan cannot end before it starts.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "name": typed(),
            "team_id": typed(),
            "company_id": typed(),
            "period": typed(),
            "date_start": typed(),
            "date_end": typed(),
            "tier_mode": typed(),
            "tier_ids": typed(),
            "bonus_amount": typed(),
            "bonus_pct": typed(),
            "allowance_ids": typed(),
            "active": typed(),
            "statement_ids": typed(),
        }

    @api.depends("team_id")
    def _compute_company_id(self):
        for plan in self:
            plan.company_id = (
                plan.team_id.company_id or plan.company_id or (self.env.company)
            )

    @api.constrains("tier_ids", "active")
    def _check_tiers(self):
        messages = {
            "empty": self.env._("%s: give at least one commission tier, from 0 %%."),
            "rate": self.env._("%s: a commission rate lies between 0 and 100 %%."),
            "negative": self.env._("%s: a tier starts at 0 %% of target or more."),
            "gap": self.env._(
                "%s: the first tier starts at 0 %% of target, or revenue below "
                "it earns nothing."
            ),
            "overlap": self.env._(
                "%s: two tiers start at the same share of target; give each "
                "its own threshold."
            ),
        }
        for plan in self.filtered("active"):
            problem = incentive.tiers_problem(plan._stm_tiers())
            if problem:
                raise ValidationError(messages[problem] % plan.name)

    @api.constrains("team_id", "date_start", "date_end", "active")
    def _check_overlap(self):
        for plan in self.filtered("active"):
            domain = [
                ("id", "!=", plan.id),
                ("team_id", "=", plan.team_id.id),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", plan.date_start),
            ]
            if plan.date_end:
                domain.append(("date_start", "<=", plan.date_end))
            other = self.search(domain, limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "%(team)s is already paid by %(other)s over these dates: "
                        "end one plan before the other starts.",
                        team=plan.team_id.name,
                        other=other.name,
                    )
                )

    def _stm_tiers(self):
        self.ensure_one()
        return [(tier.threshold_pct, tier.rate_pct) for tier in self.tier_ids]

    def _stm_covers(self, first, last):
        """Whether the plan applies to the period first … last."""
        self.ensure_one()
        return self.date_start <= last and (not self.date_end or self.date_end >= first)
