from odoo import api, models


class StmFigures(models.AbstractModel):
    """Upheld complaints, defined once for the appraisal's teamwork line and
    the service honour."""

    _inherit = "stm.figures"

    @api.model
    def _stm_upheld_complaints(self, users, companies, first_day, last_day):
        counts = (
            self.env["stm.complaint"]
            .sudo()
            ._read_group(
                [
                    ("target_user_id", "in", users.ids),
                    ("company_id", "in", [*companies.ids, False]),
                    ("upheld", "=", True),
                    ("date", ">=", first_day),
                    ("date", "<=", last_day),
                ],
                ["target_user_id"],
                ["__count"],
            )
        )
        return dict(counts)
