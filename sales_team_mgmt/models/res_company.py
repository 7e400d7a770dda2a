from odoo import fields, models

from ..access import typed
from ..compat import Constraint
from ..policy import marketing, relations


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["stm.access.mixin", "res.company"]

    stm_marketing_research_quota = fields.Integer(
        string="Research Leads per 12 Months",
        default=marketing.DEFAULT_RESEARCH_QUOTA,
    )
    stm_marketing_product_quota = fields.Integer(
        string="New-product Research Leads per 12 Months",
        default=marketing.DEFAULT_PRODUCT_QUOTA,
    )
    stm_class_a_revenue = fields.Float(
        string="Class A from Won Revenue", default=relations.DEFAULT_CLASS_A_REVENUE
    )
    stm_class_a_orders = fields.Integer(
        string="Class A from Won Deals", default=relations.DEFAULT_CLASS_A_ORDERS
    )
    stm_class_b_revenue = fields.Float(
        string="Class B from Won Revenue", default=relations.DEFAULT_CLASS_B_REVENUE
    )
    stm_class_b_orders = fields.Integer(
        string="Class B from Won Deals", default=relations.DEFAULT_CLASS_B_ORDERS
    )

    _stm_settings_positive = Constraint(
        "CHECK(stm_marketing_research_quota >= 0 AND stm_marketing_product_quota "
        ">= 0 AND stm_class_a_revenue >= 0 AND stm_class_a_orders >= 0 AND "
        "stm_class_b_revenue >= 0 AND stm_class_b_orders >= 0)",
        "Sales team settings cannot be negative.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_marketing_research_quota": typed(),
            "stm_marketing_product_quota": typed(),
            "stm_class_a_revenue": typed(),
            "stm_class_a_orders": typed(),
            "stm_class_b_revenue": typed(),
            "stm_class_b_orders": typed(),
        }

    def _stm_demo_set_currency(self, currency_id):
        """Demo data: the company counts in ``currency_id`` — unless
        Accounting, installed before the suite, has already booked entries in
        the old one (Odoo then refuses the change; the demo keeps it)."""
        self.ensure_one()
        Line = self.env.get("account.move.line")
        if Line is not None and Line.sudo().search_count(
            [("company_id", "=", self.id)], limit=1
        ):
            return False
        self.currency_id = currency_id
        return True
