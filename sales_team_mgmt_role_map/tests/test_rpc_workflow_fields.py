"""The role map's completeness is counted from the roles, whoever writes it
over RPC; the roles themselves are the salesperson's to type."""

from odoo.addons.sales_team_mgmt.tests.common import StmRpcCase, over_json2
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestRoleMapOverRpc(StmRpcCase):
    def test_completeness_is_counted_not_typed(self):
        lead = self._lead(self.rep_a, partner_name="Workflow Roles Co")
        self.assertRefused(
            self.rep_a,
            "crm.lead",
            "write",
            [lead.id],
            {"stm_role_map_completeness": 100},
            match="typed in",
        )
        contact = self.rpc(self.rep_a, "res.partner", "create", {"name": "Mr Gao"})
        self.rpc(
            self.rep_a,
            "stm.buying.role",
            "create",
            {"lead_id": lead.id, "partner_id": contact, "role": "decider"},
        )
        [read] = self.rpc(
            self.rep_a, "crm.lead", "read", [lead.id], ["stm_role_map_completeness"]
        )
        self.assertEqual(read["stm_role_map_completeness"], 14)

    def test_another_salesperson_cannot_map_my_lead(self):
        lead = self._lead(self.rep_a, partner_name="Private Roles Co")
        contact = self.env["res.partner"].create({"name": "Ms Qian"})
        self.assertRefused(
            self.rep_b,
            "stm.buying.role",
            "create",
            {"lead_id": lead.id, "partner_id": contact.id, "role": "buyer"},
        )
        self.assertFalse(lead.stm_buying_role_ids)


# The same, over Odoo 19's /json/2.
TestRoleMapOverJson2 = over_json2(TestRoleMapOverRpc)
