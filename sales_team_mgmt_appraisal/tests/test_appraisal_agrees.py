"""An appraisal counts a month's revenue and target by the one definition
(stm.figures and the membership's target), in the salesperson's time zone;
the incentive statement and the sales report are held to the same by their
own add-ons' tests."""

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
    def test_the_appraisal_counts_what_the_figures_count(self):
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
        october = (date(2026, 10, 1), date(2026, 10, 31))
        won = self.env["stm.figures"]._stm_won_revenue(
            self.rep_a, self.env.company, *october
        )
        membership = self.team_block.crm_team_member_ids.filtered(
            lambda member: member.user_id == self.rep_a
        )
        self.assertEqual((revenue.actual, revenue.target), (50_000, 100_000))
        self.assertEqual(
            (revenue.actual, revenue.target),
            (won[self.rep_a], membership._stm_range_target(*october)),
        )
