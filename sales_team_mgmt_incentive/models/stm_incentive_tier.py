from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint


class StmIncentiveTier(models.Model):
    """A commission tier: from this share of the target, this rate of won
    revenue."""

    _name = "stm.incentive.tier"
    _inherit = ["stm.access.mixin"]
    _description = "Commission Tier"
    _order = "plan_id, threshold_pct"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "stm.incentive.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    threshold_pct = fields.Float(
        string="From (% of Target)", required=True, default=0.0, digits=(6, 2)
    )
    rate_pct = fields.Float(string="Rate (% of Revenue)", required=True, digits=(6, 3))

    _stm_incentive_tier_rate = Constraint(
        "CHECK(rate_pct >= 0 AND rate_pct <= 100 AND threshold_pct >= 0)",
        "A commission rate lies between 0 and 100 %, a threshold at 0 % or more.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "plan_id": typed(),
            "company_id": system(),
            "threshold_pct": typed(),
            "rate_pct": typed(),
        }

    @api.constrains("threshold_pct", "rate_pct", "plan_id")
    def _check_ladder(self):
        self.plan_id._check_tiers()

    def unlink(self):
        plans = self.plan_id
        result = super().unlink()
        plans.exists()._check_tiers()
        return result
