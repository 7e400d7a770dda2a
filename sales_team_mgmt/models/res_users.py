from odoo import api, models
from odoo.exceptions import UserError


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _stm_is_sales_manager(self):
        """Whether the current environment may act as a sales manager: settle
        disputes, close alarms, pin claims, edit locked facts, delete leads.
        Called on ``env["res.users"]`` so that superuser mode counts."""
        return self.env.su or self.env.user.has_group("sales_team.group_sale_manager")

    @api.model
    def _stm_check_sales_manager(self, message=None):
        if not self._stm_is_sales_manager():
            raise UserError(message or self.env._("Only a sales manager can do this."))
