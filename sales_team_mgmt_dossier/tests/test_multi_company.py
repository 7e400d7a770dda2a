from odoo.addons.sales_team_mgmt.tests.common import (
    StmCase,
    assert_other_company_reads_nothing,
)
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAnotherCompany(StmCase):
    def test_another_company_reads_no_progress(self):
        company = self.env.company
        self.team_block.company_id = company
        lead = self._lead(self.rep_a, partner_name="Alpha Cranes")
        entry = self.env["stm.progress.entry"].create(
            {"lead_id": lead.id, "summary": "Kick-off"}
        )
        self.assertEqual(entry.company_id, company)
        assert_other_company_reads_nothing(self, [entry])

    def test_another_salesperson_reads_no_progress_of_mine(self):
        lead = self._lead(self.rep_a, partner_name="Alpha Cranes")
        self.env["stm.progress.entry"].create(
            {"lead_id": lead.id, "summary": "Price agreed"}
        )
        Entry = self.env["stm.progress.entry"].with_user(self.rep_b)
        self.assertFalse(Entry.search([("lead_id", "=", lead.id)]))
        self.assertFalse(
            Entry.search_count([("summary", "ilike", "Price agreed")]),
            "not found by what it says either",
        )
