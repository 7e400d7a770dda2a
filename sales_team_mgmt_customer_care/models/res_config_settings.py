from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    stm_key_date_notice_days = fields.Integer(
        related="company_id.stm_key_date_notice_days", readonly=False
    )
