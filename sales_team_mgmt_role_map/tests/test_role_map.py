from datetime import date

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.compat import web_read_group
from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestRoleMap(StmCase):
    """The role map shows the seven roles, the empty ones as missing, and
    offers the customer's own people."""

    def setUp(self):
        super().setUp()
        self.customer = self.env["res.partner"].create(
            {"name": "Sigma Steel", "is_company": True}
        )
        self.buyer = self.env["res.partner"].create(
            {"name": "Ms Buyer", "parent_id": self.customer.id}
        )
        self.stranger = self.env["res.partner"].create({"name": "Mr Elsewhere"})
        self.lead = self._lead(self.rep_a, partner_id=self.customer.id)

    def test_all_seven_roles_with_the_missing_ones_marked(self):
        self.env["stm.buying.role"].create(
            {"lead_id": self.lead.id, "partner_id": self.buyer.id, "role": "buyer"}
        )
        self.assertNotIn("Buyer", self.lead.stm_role_map_missing)
        self.assertIn("Decider", self.lead.stm_role_map_missing)
        self.assertTrue(self.lead.stm_role_map_missing.endswith(", and Gatekeeper"))
        # A Chinese reader gets a Chinese list, not English commas.
        self.env["res.lang"]._activate_lang("zh_CN")
        chinese = self.lead.with_context(lang="zh_CN")
        self.assertEqual(
            chinese.stm_role_map_missing, "发起者、用户、影响者、决策者、批准者和把关者"
        )
        html = str(self.lead.stm_role_map_html)
        self.assertEqual(html.count("<tr>"), 7)
        self.assertEqual(html.count("missing"), 6)
        self.assertIn("Ms Buyer", html)
        # As the role map's kanban asks for its columns.
        groups = web_read_group(
            self.env["stm.buying.role"], [("lead_id", "=", self.lead.id)], ["role"]
        )
        self.assertEqual(len(groups), 7, "every role is a column, empty or not")

    def test_the_picker_offers_the_customers_people(self):
        role = Form(
            self.env["stm.buying.role"]
            .with_user(self.rep_a)
            .with_context(default_lead_id=self.lead.id)
        )
        self.assertEqual(role.customer_id, self.customer)
        # The contact field's domain, as the web client evaluates it.
        domain = safe_eval(
            self.env["stm.buying.role"]._fields["partner_id"].domain,
            {"customer_id": role.customer_id.id},
        )
        offered = self.env["res.partner"].search(domain)
        self.assertIn(self.buyer, offered)
        self.assertNotIn(self.stranger, offered)
        role.role = "decider"
        role.partner_id = self.buyer
        self.assertEqual(role.save().display_name, "Ms Buyer (Decider)")
        self.assertEqual(self.env["stm.buying.role"].new({}).display_name, "New Role")

    def test_a_done_visit_dates_the_last_contact_of_the_people_met(self):
        decider = self.env["res.partner"].create(
            {"name": "Mr Decider", "parent_id": self.customer.id}
        )
        roles = self.env["stm.buying.role"].create(
            [
                {"lead_id": self.lead.id, "partner_id": self.buyer.id, "role": "buyer"},
                {"lead_id": self.lead.id, "partner_id": decider.id, "role": "decider"},
            ]
        )
        self.rep_a.tz = "Asia/Shanghai"
        # 00:30 on 4 March in Shanghai, still the 3rd in UTC: the visitor's
        # day counts.
        with freeze_time("2026-03-03 16:30:00"):
            visit = (
                self.env["stm.visit"]
                .with_user(self.rep_a)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "lead_id": self.lead.id,
                        "contact_ids": [(4, self.buyer.id)],
                        "purpose": "Price review",
                        "result": "Asked for a second quote",
                    }
                )
            )
            visit.action_done()
        buyer_role, decider_role = roles
        self.assertEqual(buyer_role.last_contact_on, date(2026, 3, 4))
        self.assertFalse(decider_role.last_contact_on, "not met, not dated")
