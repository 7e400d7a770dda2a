from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    stm_marketing_research_quota = fields.Integer(
        related="company_id.stm_marketing_research_quota", readonly=False
    )
    stm_marketing_product_quota = fields.Integer(
        related="company_id.stm_marketing_product_quota", readonly=False
    )
