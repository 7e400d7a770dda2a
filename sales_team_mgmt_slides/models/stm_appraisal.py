from odoo import models
from odoo.addons.sales_team_mgmt.policy import training


class StmAppraisal(models.Model):
    """The professional-skills criterion measured: hours of eLearning
    content completed in the period against the team's hours a month."""

    _inherit = "stm.appraisal"

    def _stm_kpi_figures(self, date_from, date_to):
        figures = super()._stm_kpi_figures(date_from, date_to)
        hours = self.env["stm.figures"]._stm_training_hours(
            self.user_id, date_from, date_to
        )
        days = (date_to - date_from).days + 1
        for record in self:
            figures["training"][record.user_id] = (
                hours.get(record.user_id, 0.0),
                training.hours_target(record.team_id.stm_training_hours_month, days),
            )
        return figures
