from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    stm_marketing_research_quota = fields.Integer(
        related="company_id.stm_marketing_research_quota", readonly=False
    )
    stm_marketing_product_quota = fields.Integer(
        related="company_id.stm_marketing_product_quota", readonly=False
    )
    stm_class_a_revenue = fields.Float(
        related="company_id.stm_class_a_revenue", readonly=False
    )
    stm_class_a_orders = fields.Integer(
        related="company_id.stm_class_a_orders", readonly=False
    )
    stm_class_b_revenue = fields.Float(
        related="company_id.stm_class_b_revenue", readonly=False
    )
    stm_class_b_orders = fields.Integer(
        related="company_id.stm_class_b_orders", readonly=False
    )
