"""An appraisal counts a month's revenue and target as the incentive
statement does (and the sales report, which agrees with the statement): the
one definition in stm.figures, in the salesperson's time zone."""

from datetime import date

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.tests import Form, tagged


@tagged("post_install", "-at_install")
class TestAppraisalAgrees(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        # ¥100,000 a month.
        cls.team_block.crm_team_member_ids.stm_revenue_target = 1_200_000
        cls.rep_a.tz = "Asia/Shanghai"

    def _won(self, revenue, customer):
        partner = self.env["res.partner"].create({"name": customer, "is_company": True})
        lead = self._lead(self.rep_a, partner_id=partner.id, expected_revenue=revenue)
        lead.sudo().stage_id = self.won_stage
        return lead

    @freeze_time("2026-11-20 08:00:00")
    def test_the_appraisal_counts_what_the_statement_counts(self):
        plan = self.env["stm.incentive.plan"].create(
            {
                "name": "Plan East",
                "team_id": self.team_block.id,
                "period": "month",
                "date_start": "2026-01-01",
                "tier_ids": [(0, 0, {"threshold_pct": 0, "rate_pct": 1})],
            }
        )
        with freeze_time("2026-10-15 08:00:00"):
            self._won(45_000, "Alpha Cranes")
        # Won on 31 October at 23:30 in Shanghai: October's, for both.
        with freeze_time("2026-10-31 15:30:00"):
            self._won(5_000, "Late Co")
        self._won(70_000, "Not October Co")
        template = self.env.ref(
            "sales_team_mgmt_appraisal.stm_appraisal_template_default"
        )
        template.active = True
        form = Form(self.env["stm.appraisal"].with_user(self.manager))
        form.user_id = self.rep_a
        form.template_id = template
        form.period = "month"
        form.date_from = date(2026, 10, 1)
        appraisal = form.save()
        appraisal.action_fill_kpis()
        revenue = appraisal.line_ids.filtered(lambda line: line.kpi == "revenue")
        statement = (
            self.env["stm.incentive.statement"]
            .sudo()
            ._stm_prepare(plan, date(2026, 10, 1), date(2026, 10, 31))
            .filtered(lambda s: s.user_id == self.rep_a)
        )
        self.assertEqual(revenue.actual, 50_000)
        self.assertEqual(
            (revenue.actual, revenue.target),
            (statement.won_amount, statement.target_amount),
        )
