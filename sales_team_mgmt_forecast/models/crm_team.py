from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import Constraint


class CrmTeam(models.Model):
    """When the team's monthly forecasts are prepared."""

    _inherit = "crm.team"

    stm_forecast_day = fields.Integer(
        string="Monthly Forecast Prepared On",
        default=25,
        help="Day of the month the next month's forecast is prepared for each "
        "salesperson; it is due at month end.",
    )

    _stm_forecast_day_in_month = Constraint(
        "CHECK(stm_forecast_day BETWEEN 1 AND 28)",
        "The forecast is prepared on a day from 1 to 28.",
    )

    def _stm_access(self):
        return {**super()._stm_access(), "stm_forecast_day": typed()}

    @api.constrains("stm_forecast_day")
    def _check_stm_forecast_day(self):
        self._stm_check_settings_range(["stm_forecast_day"])
