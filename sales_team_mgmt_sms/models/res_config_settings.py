from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    stm_appointment_ack_minutes = fields.Integer(
        related="company_id.stm_appointment_ack_minutes", readonly=False
    )
