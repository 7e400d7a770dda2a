from datetime import date, timedelta

from odoo.addons.sales_team_mgmt.tests.common import (
    StmCase,
    assert_other_company_reads_nothing,
)
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAnotherCompany(StmCase):
    def test_another_company_reads_no_report(self):
        company = self.env.company
        self.team_block.company_id = company
        lead = self._lead(self.rep_a, partner_name="Alpha Cranes")
        forecast = self.env["stm.forecast"].create(
            {"user_id": self.rep_a.id, "month": date.today().replace(day=1)}
        )
        line = self.env["stm.forecast.line"].create(
            {"forecast_id": forecast.id, "lead_id": lead.id}
        )
        monday = date.today() - timedelta(days=date.today().weekday())
        request = self.env["stm.resource.request"].create(
            {"user_id": self.rep_a.id, "week_start": monday}
        )
        request_line = self.env["stm.resource.request.line"].create(
            {"request_id": request.id, "description": "Demo unit"}
        )
        records = [forecast, line, request, request_line]
        self.assertEqual(
            {record.company_id for record in records}, {company}, "all in this company"
        )
        assert_other_company_reads_nothing(self, records)

    def test_the_forecast_lists_its_companys_pipeline_only(self):
        """A salesperson working for two companies: company A's forecast
        leaves out his deals in company B."""
        other = self.env["res.company"].create({"name": "Company B"})
        self.rep_a.company_ids |= other
        team_b = self.env["crm.team"].create({"name": "B Team", "company_id": other.id})
        deal_b = self.env["crm.lead"].create(
            {
                "name": "B deal",
                "type": "opportunity",
                "partner_name": "Gamma Valves",
                "user_id": self.rep_a.id,
                "team_id": team_b.id,
                "company_id": other.id,
                "expected_revenue": 90_000,
                "date_deadline": date.today(),
            }
        )
        deal_a = self._lead(
            self.rep_a,
            partner_name="Delta Pumps",
            expected_revenue=10_000,
            date_deadline=date.today(),
        )
        forecast = self.env["stm.forecast"].create(
            {"user_id": self.rep_a.id, "month": date.today().replace(day=1)}
        )
        forecast.action_prepare()
        self.assertIn(deal_a, forecast.line_ids.lead_id)
        self.assertNotIn(deal_b, forecast.line_ids.lead_id)
