from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import appraisal as appraisal_policy
from odoo.addons.sales_team_mgmt.policy import quota

APPRAISAL_INTEGER_SETTINGS = (
    "stm_compliance_warning_days",
    "stm_compliance_review_days",
    "stm_bottom_rank_count",
)


class CrmTeam(models.Model):
    _inherit = "crm.team"

    # What a failing quota streak leads to (seed 001, 销售人员日常工作)
    stm_compliance_warning_days = fields.Integer(
        string="Warning after Failing (days)",
        default=quota.DEFAULT_WARNING_AFTER_DAYS,
    )
    stm_compliance_review_days = fields.Integer(
        string="Review after Failing (days)",
        default=quota.DEFAULT_REVIEW_AFTER_DAYS,
    )
    stm_bottom_rank_count = fields.Integer(
        string="Bottom Places Listed",
        default=appraisal_policy.DEFAULT_BOTTOM_RANK_COUNT,
        help="How many of the team's last places in an appraisal ranking are "
        "listed for review (末位淘汰).",
    )
    stm_public_ranking = fields.Boolean(
        string="Publish Appraisal Rankings",
        default=True,
        help="Once a period's appraisals are done and published, every member "
        "of the team sees the ranking (rank, name, total, grade) and the "
        "criteria. Per-criterion scores and comments stay private.",
    )

    _stm_appraisal_settings_positive = Constraint(
        "CHECK(stm_compliance_warning_days > 0 AND stm_compliance_review_days > 0 "
        "AND stm_bottom_rank_count >= 0)",
        "Escalation deadlines must be positive, bottom places cannot be negative.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_compliance_warning_days": typed(),
            "stm_compliance_review_days": typed(),
            "stm_bottom_rank_count": typed(),
            "stm_public_ranking": typed(),
        }

    @api.constrains(*APPRAISAL_INTEGER_SETTINGS)
    def _check_stm_appraisal_settings_range(self):
        self._stm_check_settings_range(APPRAISAL_INTEGER_SETTINGS)
