from odoo import fields, models

from ..policy import marketing


class ResCompany(models.Model):
    _inherit = "res.company"

    stm_marketing_research_quota = fields.Integer(
        string="Research Leads per 12 Months",
        default=marketing.DEFAULT_RESEARCH_QUOTA,
    )
    stm_marketing_product_quota = fields.Integer(
        string="New-product Research Leads per 12 Months",
        default=marketing.DEFAULT_PRODUCT_QUOTA,
    )
