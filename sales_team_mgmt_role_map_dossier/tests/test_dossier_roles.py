from odoo.addons.sales_team_mgmt.policy.power import ROLES
from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestDossierRoles(StmCase):
    """With both add-ons, a registered project's dossier waits for the seven
    roles and prints the people mapped."""

    def setUp(self):
        super().setUp()
        self.customer = self.env["res.partner"].create(
            {"name": "Sigma Steel", "is_company": True}
        )
        self.buyer = self.env["res.partner"].create(
            {"name": "Ms Buyer", "parent_id": self.customer.id}
        )
        self.lead = self._lead(self.rep_a, partner_id=self.customer.id)

    def test_the_dossier_waits_for_the_seven_roles(self):
        self.lead.write(
            {
                "stm_background": "<p>New plant</p>",
                "stm_org_structure": "<p>Purchasing under the CFO</p>",
                "stm_entry_point": "<p>Energy audit</p>",
                "stm_competitor_analysis": "<p>One local vendor</p>",
                "stm_progress_ids": [(0, 0, {"summary": "Kick-off"})],
            }
        )
        self.assertFalse(self.lead.stm_dossier_complete, "no role mapped yet")
        contacts = self.env["res.partner"].create(
            [
                {"name": f"Contact {role}", "parent_id": self.customer.id}
                for role in ROLES
            ]
        )
        self.env["stm.buying.role"].create(
            [
                {"lead_id": self.lead.id, "partner_id": contact.id, "role": role}
                for contact, role in zip(contacts[:-1], ROLES[:-1], strict=True)
            ]
        )
        self.assertEqual(self.lead.stm_role_map_completeness, 86)
        self.assertFalse(self.lead.stm_dossier_complete, "one role still missing")
        self.env["stm.buying.role"].create(
            {"lead_id": self.lead.id, "partner_id": contacts[-1].id, "role": ROLES[-1]}
        )
        self.assertEqual(self.lead.stm_role_map_completeness, 100)
        self.assertTrue(self.lead.stm_dossier_complete)

    def test_the_dossier_lists_the_people_mapped(self):
        self.env["stm.buying.role"].create(
            {"lead_id": self.lead.id, "partner_id": self.buyer.id, "role": "buyer"}
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "sales_team_mgmt_dossier.crm_lead_dossier_report", self.lead.ids
            )[0]
            .decode()
        )
        self.assertIn("Role map:</strong> <span>14</span> %", html)
        roles = html[
            html.index("<h4>Buying Roles</h4>") : html.index("<h4>Progress</h4>")
        ]
        self.assertIn("Ms Buyer", roles)
