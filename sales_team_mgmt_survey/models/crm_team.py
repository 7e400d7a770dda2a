from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import voices


class CrmTeam(models.Model):
    """When the team's customers are asked, and what score calls for the
    manager."""

    _inherit = "crm.team"

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_satisfaction_survey_id": typed(),
            "stm_survey_after_visit": typed(),
            "stm_satisfaction_threshold": typed(),
        }

    def _default_stm_satisfaction_survey(self):
        return self.env.ref(
            "sales_team_mgmt_survey.survey_customer_satisfaction",
            raise_if_not_found=False,
        )

    stm_satisfaction_survey_id = fields.Many2one(
        "survey.survey",
        string="Satisfaction Survey",
        default=lambda self: self._default_stm_satisfaction_survey(),
        help="Sent to the customer's contact when a deal is won. Empty: the "
        "team's customers are not asked.",
    )
    stm_survey_after_visit = fields.Boolean(
        string="Also Ask After a Visit",
        help="The customer is also asked after a visit is done (a contact "
        "asked in the last 30 days is not asked again).",
    )
    stm_satisfaction_threshold = fields.Integer(
        string="Low Satisfaction Below",
        default=voices.DEFAULT_SATISFACTION_THRESHOLD,
        help="An answer scoring below this (0–100) opens a to-do for the team leader.",
    )

    _stm_satisfaction_threshold_range = Constraint(
        "CHECK(stm_satisfaction_threshold >= 0 AND stm_satisfaction_threshold <= 100)",
        "The low satisfaction threshold is a score from 0 to 100.",
    )
