from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import typed


class CrmTeam(models.Model):
    """The courses the team's people must take, and the training hours a
    month the appraisal expects."""

    _inherit = "crm.team"

    stm_required_course_ids = fields.Many2many(
        "slide.channel",
        "crm_team_stm_required_course_rel",
        "team_id",
        "channel_id",
        string="Required Courses",
        help="eLearning courses every salesperson of the team takes; a "
        "newcomer sees those left on his board card.",
    )
    stm_training_hours_month = fields.Float(
        string="Training Hours a Month",
        default=2.0,
        help="Hours of eLearning content completed the appraisal expects, "
        "per month of its period (its professional-skills criterion).",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_required_course_ids": typed(),
            "stm_training_hours_month": typed(),
        }
