from odoo import api, models

from ..compat import file_groups

# Where each of our groups shows on the user form: the category (Odoo 18),
# the privilege (Odoo 19; one made here when it is ours).
GROUP_PLACES = {
    "sales_team_mgmt.group_stm_sales_admin": (
        "base.module_category_sales_sales",
        "sales_team.res_groups_privilege_sales",
    ),
    "sales_team_mgmt.group_stm_department_user": (
        "sales_team_mgmt.module_category_stm",
        (
            "sales_team_mgmt.res_groups_privilege_stm_departments",
            "Support Departments",
            10,
        ),
    ),
    "sales_team_mgmt.group_stm_marketing": (
        "sales_team_mgmt.module_category_stm",
        ("sales_team_mgmt.res_groups_privilege_stm_marketing", "Marketing", 20),
    ),
}


class ResGroups(models.Model):
    _inherit = "res.groups"

    @api.model
    def _stm_file_groups(self):
        """Called by the security data on install and update."""
        file_groups(self.env, GROUP_PLACES)
