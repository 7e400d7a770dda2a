from collections import defaultdict

from odoo import api, fields, models

from ..access import system, typed
from ..policy import relations

CLASSES = [("a", "A: Important"), ("b", "B: General"), ("c", "C: Potential")]


class ResPartner(models.Model):
    """The customer's class (seed 002 §2, seed 003): important, general or
    potential, from what it has bought; a claim on it is protected for the
    class's days (the pool's rules)."""

    _inherit = "res.partner"

    stm_customer_class_suggested = fields.Selection(
        CLASSES,
        string="Suggested Class",
        readonly=True,
        help="From won revenue and won deals, refreshed every night.",
    )
    stm_customer_class_manual = fields.Selection(
        CLASSES, string="Class Set by Hand", help="Overrides the suggestion."
    )
    stm_customer_class = fields.Selection(
        CLASSES,
        string="Customer Class",
        compute="_compute_stm_customer_class",
        store=True,
        index=True,
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_customer_class_suggested": system(),
            "stm_customer_class_manual": typed(
                by="sales_team_mgmt.group_stm_sales_admin"
            ),
            "stm_customer_class": system(),
        }

    @api.depends("stm_customer_class_manual", "stm_customer_class_suggested")
    def _compute_stm_customer_class(self):
        for partner in self:
            partner.stm_customer_class = (
                partner.stm_customer_class_manual
                or partner.stm_customer_class_suggested
            )

    @api.model
    def _cron_customer_classes(self):
        """Nightly: each of our companies measures the customer's deals with
        it against its own thresholds; the customer gets the best class any
        of them gives."""
        Lead = self.env["crm.lead"].sudo()
        won = defaultdict(lambda: [0.0, 0])
        for partner, company, revenue, count in Lead._read_group(
            [("stage_id.is_won", "=", True), ("partner_id", "!=", False)],
            ["partner_id", "company_id"],
            ["expected_revenue:sum", "__count"],
        ):
            # A contact's deals count for its company.
            totals = won[(partner.commercial_partner_id, company)]
            totals[0] += revenue
            totals[1] += count
        best = {}
        for (partner, company), (revenue, count) in won.items():
            company = company or self.env.company
            klass = relations.suggest_class(
                revenue,
                count,
                company.stm_class_a_revenue,
                company.stm_class_a_orders,
                company.stm_class_b_revenue,
                company.stm_class_b_orders,
            )
            best[partner] = min(klass, best.get(partner, "c"))
        by_class = {"a": [], "b": [], "c": []}
        for partner, klass in best.items():
            by_class[klass].append(partner.id)
        Partner = self.sudo().with_context(active_test=False)
        for klass, ids in by_class.items():
            stale = Partner.search(
                [("id", "in", ids), ("stm_customer_class_suggested", "!=", klass)]
            )
            stale.write({"stm_customer_class_suggested": klass})
