from odoo import models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    def write(self, vals):
        leaving = (
            self.filtered("active") if "active" in vals and not vals["active"] else None
        )
        result = super().write(vals)
        if leaving:
            # An employee's departure: his customers wait in a hand-over.
            self.env["stm.handover"]._stm_open_for(leaving.user_id)
        return result
