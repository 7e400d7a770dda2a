from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import dossier


class CrmTeam(models.Model):
    """How long the team's salespeople have to complete a dossier."""

    _inherit = "crm.team"

    stm_dossier_deadline_months = fields.Integer(
        string="Dossier Deadline (months)",
        default=dossier.DEFAULT_DEADLINE_MONTHS,
        help="Months after registration to complete the project dossier.",
    )

    _stm_dossier_deadline_positive = Constraint(
        "CHECK(stm_dossier_deadline_months > 0)",
        "The dossier deadline must be at least one month.",
    )

    def _stm_access(self):
        return {**super()._stm_access(), "stm_dossier_deadline_months": typed()}

    @api.constrains("stm_dossier_deadline_months")
    def _check_stm_dossier_deadline_months(self):
        self._stm_check_settings_range(["stm_dossier_deadline_months"])
