from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint


class StmIncentiveAllowance(models.Model):
    """A fixed allowance paid with every statement of the plan (transport,
    phone …)."""

    _name = "stm.incentive.allowance"
    _inherit = ["stm.access.mixin"]
    _description = "Allowance"
    _order = "plan_id, id"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "stm.incentive.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    name = fields.Char(required=True, translate=True)
    amount = fields.Monetary(required=True)

    _stm_incentive_allowance_amount = Constraint(
        "CHECK(amount >= 0)",
        "An allowance cannot be negative.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "plan_id": typed(),
            "company_id": system(),
            "name": typed(),
            "amount": typed(),
        }
