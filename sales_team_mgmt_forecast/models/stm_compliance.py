from datetime import timedelta

from odoo import api, models


class StmCompliance(models.Model):
    """The daily check counts this week's resource request (due last
    Thursday) and this month's forecast (due at the end of last month)."""

    _inherit = "stm.compliance"

    @api.model
    def _stm_reports_on_time(self, users, today):
        on_time = super()._stm_reports_on_time(users, today)
        this_monday = today - timedelta(days=today.weekday())
        requests = self.env["stm.resource.request"]._stm_on_time(users, this_monday)
        forecasts = self.env["stm.forecast"]._stm_on_time(users, today.replace(day=1))
        return {u: on_time[u] and requests[u] and forecasts[u] for u in users}
