from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint


class StmResourceRequestLine(models.Model):
    _name = "stm.resource.request.line"
    _inherit = ["stm.access.mixin"]
    _description = "Weekly Resource Request Line"
    _check_company_auto = True

    request_id = fields.Many2one(
        "stm.resource.request", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="request_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="request_id.currency_id")
    lead_id = fields.Many2one("crm.lead", string="Opportunity", check_company=True)
    kind = fields.Selection(
        [("technical", "Technical Support"), ("funds", "Funds"), ("other", "Other")],
        required=True,
        default="technical",
    )
    description = fields.Char(required=True)
    amount = fields.Monetary()
    needed_on = fields.Date()

    _amount_positive = Constraint(
        "CHECK(amount >= 0)",
        "An amount cannot be negative.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "request_id": typed(),
            "company_id": system(),
            "lead_id": typed(),
            "kind": typed(),
            "description": typed(),
            "amount": typed(),
            "needed_on": typed(),
        }
