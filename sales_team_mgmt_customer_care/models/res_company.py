from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import relations


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["stm.access.mixin", "res.company"]

    stm_key_date_notice_days = fields.Integer(
        string="Key Date Reminder (days ahead)",
        default=relations.DEFAULT_KEY_DATE_NOTICE_DAYS,
    )

    _stm_key_date_notice_days_positive = Constraint(
        "CHECK(stm_key_date_notice_days >= 0)",
        "The key date reminder cannot come after the day.",
    )

    def _stm_access(self):
        return {**super()._stm_access(), "stm_key_date_notice_days": typed()}
