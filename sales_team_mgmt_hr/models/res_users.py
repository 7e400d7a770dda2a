from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _stm_employee_by_user(self):
        """{user: employee} for these users, in one query (HR data is read
        as superuser: only the link is used)."""
        employees = self.env["hr.employee"].sudo().search([("user_id", "in", self.ids)])
        return {employee.user_id: employee.sudo(False) for employee in employees}

    @api.model
    def _stm_is_manager_or_hr(self):
        """Sales managers and HR officers decide discipline and whether a
        complaint is founded."""
        user = self.env.user
        return self._stm_is_sales_manager() or user.has_group("hr.group_hr_user")
