from odoo.addons.sales_team_mgmt.tests.common import (
    StmCase,
    assert_other_company_reads_nothing,
)
from odoo.exceptions import UserError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAnotherCompany(StmCase):
    def test_another_company_reads_no_role(self):
        company = self.env.company
        self.team_block.company_id = company
        customer = self.env["res.partner"].create(
            {"name": "Alpha Cranes", "is_company": True, "company_id": company.id}
        )
        lead = self._lead(self.rep_a, partner_id=customer.id)
        role = self.env["stm.buying.role"].create(
            {"lead_id": lead.id, "partner_id": customer.id, "role": "decider"}
        )
        self.assertEqual(role.company_id, company)
        assert_other_company_reads_nothing(self, [role])

    def test_a_contact_of_another_company_is_refused(self):
        other = self.env["res.company"].create({"name": "Company B"})
        stranger = self.env["res.partner"].create(
            {"name": "B's buyer", "company_id": other.id}
        )
        lead = self._lead(self.rep_a, partner_name="Alpha Cranes")
        with self.assertRaisesRegex(UserError, "compan"):
            self.env["stm.buying.role"].create(
                {"lead_id": lead.id, "partner_id": stranger.id, "role": "buyer"}
            )
