"""Hostile values over RPC into the role map: a save or an error a person
can read, never a server error, and a refused call leaves nothing behind."""

from odoo.addons.sales_team_mgmt.tests.common import StmRpcCase, over_json2
from odoo.addons.sales_team_mgmt.tests.hostile import HostileRpc
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestRoleMapHostileInputOverRpc(HostileRpc, StmRpcCase):
    # One model of a few fields (the suite's floor counts several).
    min_refusals = 10

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        customer = env["res.partner"].create(
            {"name": "Hostile Roles Ltd", "is_company": True}
        )
        cls.lead = env["crm.lead"].create(
            {
                "name": "Hostile Roles deal",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": cls.manager.id,
                "team_id": cls.team_block.id,
            }
        )
        # model: values of a valid create by the manager.
        cls.valid = {
            "stm.buying.role": {
                "lead_id": cls.lead.id,
                "partner_id": customer.id,
                "role": "user",
            },
        }

    def test_a_role_the_map_does_not_know_is_refused_readably(self):
        text = self._call(
            "stm.buying.role",
            "create",
            dict(self.valid["stm.buying.role"], role="chairman"),
        )
        self.assertIn("chairman", text)
        self.assertFalse(
            self.env["stm.buying.role"].search([("lead_id", "=", self.lead.id)])
        )


# The same, over Odoo 19's /json/2.
TestRoleMapHostileInputOverJson2 = over_json2(TestRoleMapHostileInputOverRpc)
