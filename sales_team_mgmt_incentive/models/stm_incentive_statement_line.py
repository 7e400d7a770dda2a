from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.exceptions import UserError


class StmIncentiveStatementLine(models.Model):
    """A deal counted by a statement, or an adjustment: a deal of an
    approved statement that changed since (lost, reopened, re-valued, won
    late), settled at the rate that statement paid. Written by the
    preparation only; the lead's name and amount are kept as counted."""

    _name = "stm.incentive.statement.line"
    _inherit = ["stm.access.mixin"]
    _description = "Incentive Statement Line"
    _order = "statement_id, kind, date_closed, id"
    _check_company_auto = True

    statement_id = fields.Many2one(
        "stm.incentive.statement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="statement_id.company_id", store=True)
    currency_id = fields.Many2one(related="statement_id.currency_id")
    state = fields.Selection(related="statement_id.state")
    kind = fields.Selection(
        [("deal", "Deal"), ("adjustment", "Adjustment")], required=True, index=True
    )
    lead_id = fields.Many2one("crm.lead", string="Opportunity", index=True)
    name = fields.Char(string="Deal", required=True)
    date_closed = fields.Date(string="Won On")
    amount = fields.Monetary(required=True)
    origin_statement_id = fields.Many2one(
        "stm.incentive.statement",
        string="Settles",
        index=True,
        help="The approved statement that counted this deal before.",
    )
    rate = fields.Float(
        digits=(8, 6),
        help="For an adjustment: commission per unit of revenue paid by the "
        "statement it settles.",
    )
    commission = fields.Monetary(
        help="For an adjustment: what it adds to, or takes from, the commission."
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "statement_id": typed(),
            "company_id": system(),
            "kind": typed(),
            "lead_id": typed(),
            "name": typed(),
            "date_closed": typed(),
            "amount": typed(),
            "origin_statement_id": typed(),
            "rate": typed(),
            "commission": typed(),
        }

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._("Statement lines are written by the preparation only.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su or "approved" in self.statement_id.mapped("state"):
            raise UserError(
                self.env._(
                    "Statement lines are written by the preparation only; an "
                    "approved statement never changes."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if "approved" in self.statement_id.mapped("state"):
            raise UserError(
                self.env._("An approved statement never changes; its lines stay.")
            )
        if not self.env.su:
            raise UserError(
                self.env._("Statement lines are written by the preparation only.")
            )
