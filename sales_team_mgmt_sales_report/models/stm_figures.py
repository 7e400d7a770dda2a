from collections import defaultdict

from odoo import api, models


class StmFigures(models.AbstractModel):
    """The figures a sales report adds to the board's, each defined once
    here and counted like them: in the salesperson's local days, as
    superuser within ``companies``, one grouped query per time zone."""

    _inherit = "stm.figures"

    @api.model
    def _stm_done_visits(self, users, companies, first_day, last_day):
        """{user: visits done on the local days first … last}."""
        Visit = self.env["stm.visit"].sudo()
        return self._stm_per_window(
            users,
            self._stm_days_of(first_day, last_day),
            lambda group, bounds: Visit._read_group(
                self._stm_visit_domain(group, *bounds, companies),
                ["user_id"],
                ["__count"],
            ),
        )

    @api.model
    def _stm_lost_deals(self, users, companies, first_day, last_day):
        """{user: (count, revenue)} of the opportunities he lost on the local
        days first … last."""
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        return self._stm_per_window(
            users,
            self._stm_days_of(first_day, last_day),
            lambda group, bounds: [
                (user, (count, revenue))
                for user, count, revenue in Lead._read_group(
                    self._stm_lost_domain(group, *bounds, companies),
                    ["user_id"],
                    ["__count", "expected_revenue:sum"],
                )
            ],
        )

    @api.model
    def _stm_open_pipeline(self, users, companies):
        """{user: weighted revenue of his open opportunities}, now: Odoo's
        prorated revenue (expected × probability), the figure the forecasts
        add-on's weighted forecast adds up too."""
        Lead = self.env["crm.lead"].sudo()
        return dict(
            Lead._read_group(
                [
                    ("user_id", "in", users.ids),
                    ("company_id", "in", [*companies.ids, False]),
                    ("type", "=", "opportunity"),
                    ("stage_id.is_won", "=", False),
                ],
                ["user_id"],
                ["prorated_revenue:sum"],
            )
        )

    @api.model
    def _stm_new_customers(self, users, companies, first_day, last_day, won=None):
        """{user: customers won for the first time on the local days
        first … last}: companies (or persons) with a deal won then and none
        won by anyone before. Counted for whoever won the first deal.
        ``won``: those deals (:meth:`_stm_won_deals`), when the caller has
        them already."""
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        if won is None:
            won = self._stm_won_deals(users, companies, first_day, last_day)
        result = {}
        for group in self._stm_by_tz(users):
            start, _end = self._stm_days_of(first_day, last_day)(group)
            deals = Lead.browse(
                [lead.id for user in group for lead in won.get(user, Lead)]
            )
            customers = deals.partner_id.commercial_partner_id
            if not customers:
                continue
            known = {
                partner.commercial_partner_id
                for [partner] in Lead._read_group(
                    [
                        ("partner_id", "child_of", customers.ids),
                        ("company_id", "in", [*companies.ids, False]),
                        ("stage_id.is_won", "=", True),
                        "|",
                        ("date_closed", "<", start),
                        "&",
                        ("date_closed", "=", False),
                        ("date_last_stage_update", "<", start),
                    ],
                    ["partner_id"],
                )
            }
            # A customer won twice in the period counts once, for the first.
            first_won = {}
            for lead in deals.sorted(lambda d: (d.date_closed or d.write_date, d.id)):
                customer = lead.partner_id.commercial_partner_id
                if customer and customer not in known:
                    first_won.setdefault(customer, lead.user_id)
            counts = defaultdict(int)
            for user in first_won.values():
                counts[user] += 1
            result.update(counts)
        return result
