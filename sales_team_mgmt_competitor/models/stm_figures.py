from collections import defaultdict

from odoo import api, models


class StmFigures(models.AbstractModel):
    _inherit = "stm.figures"

    @api.model
    def _stm_revenue_lost_to(self, users, companies, first_day, last_day):
        """Who won the deals lost on the local days first … last: the
        competitor named in Odoo's Lost dialog; deals lost without one are
        left out."""
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        result = defaultdict(list)
        for group in self._stm_by_tz(users):
            bounds = self._stm_days_of(first_day, last_day)(group)
            for user, competitor, revenue in Lead._read_group(
                [
                    *self._stm_lost_domain(group, *bounds, companies),
                    ("stm_lost_to_id", "!=", False),
                ],
                ["user_id", "stm_lost_to_id"],
                ["expected_revenue:sum"],
            ):
                result[user].append((competitor.name, revenue))
        return {
            user: sorted(lost, key=lambda item: -item[1])
            for user, lost in result.items()
        }
