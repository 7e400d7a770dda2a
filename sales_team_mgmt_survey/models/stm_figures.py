from odoo import api, models
from odoo.addons.sales_team_mgmt.policy import voices


class StmFigures(models.AbstractModel):
    """Customer satisfaction, defined once like the other figures: the
    surveys answered about a salesperson on his local days."""

    _inherit = "stm.figures"

    @api.model
    def _stm_satisfaction(self, users, companies, first_day, last_day):
        """{user: average 0–100} of the satisfaction surveys answered about
        ``users`` on the local days first … last; a salesperson nobody
        answered about is absent (no answer is no measure, not a zero)."""
        Answer = self.env["survey.user_input"].sudo()
        scores = self._stm_per_window(
            users,
            self._stm_days_of(first_day, last_day),
            lambda group, bounds: Answer._read_group(
                [
                    ("stm_user_id", "in", group.ids),
                    ("stm_company_id", "in", companies.ids),
                    ("state", "=", "done"),
                    ("test_entry", "=", False),
                    ("end_datetime", ">=", bounds[0]),
                    ("end_datetime", "<", bounds[1]),
                ],
                ["stm_user_id"],
                ["scoring_percentage:array_agg"],
            ),
        )
        measures = {
            user: voices.satisfaction_measure(values) for user, values in scores.items()
        }
        return {user: score for user, score in measures.items() if score is not None}
