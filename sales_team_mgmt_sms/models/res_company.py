from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import relations


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["stm.access.mixin", "res.company"]

    stm_appointment_ack_minutes = fields.Integer(
        string="SMS after Unacknowledged Reminder (minutes)",
        default=relations.DEFAULT_APPOINTMENT_ACK_MINUTES,
    )

    _stm_appointment_ack_minutes_positive = Constraint(
        "CHECK(stm_appointment_ack_minutes >= 0)",
        "The SMS delay after a reminder cannot be negative.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_appointment_ack_minutes": typed(),
        }
