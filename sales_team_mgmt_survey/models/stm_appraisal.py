from odoo import models


class StmAppraisal(models.Model):
    """The customer satisfaction criterion: the average score (0–100) of
    the surveys answered in the period; a period without any answer leaves
    the criterion out of the total."""

    _inherit = "stm.appraisal"

    def _stm_kpi_figures(self, date_from, date_to):
        figures = super()._stm_kpi_figures(date_from, date_to)
        satisfaction = self.env["stm.figures"]._stm_satisfaction(
            self.user_id, self.company_id, date_from, date_to
        )
        for user in self.user_id:
            figures["satisfaction"][user] = (satisfaction.get(user), 100.0)
        return figures

    def _stm_kpi_score(self, kpi, actual, target):
        if kpi == "satisfaction":
            return actual
        return super()._stm_kpi_score(kpi, actual, target)
