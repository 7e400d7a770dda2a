"""Hostile values over RPC into a dossier's progress: a save or an error a
person can read, never a server error, and a refused call leaves nothing
behind; the completeness is the dossier's, never typed."""

from odoo.addons.sales_team_mgmt.tests.common import StmRpcCase, over_json2
from odoo.addons.sales_team_mgmt.tests.hostile import HostileRpc
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestDossierHostileInputOverRpc(HostileRpc, StmRpcCase):
    # One model of a few fields (the suite's floor counts several).
    min_refusals = 10

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Hostile Dossier deal",
                "type": "opportunity",
                "partner_name": "Hostile Dossier Ltd",
                "user_id": cls.manager.id,
                "team_id": cls.team_block.id,
            }
        )
        # model: values of a valid create by the manager.
        cls.valid = {
            "stm.progress.entry": {"lead_id": cls.lead.id, "summary": "Step"},
        }

    def test_the_completeness_cannot_be_typed(self):
        text = self._call(
            "crm.lead",
            "write",
            [self.lead.id],
            {"stm_dossier_complete": True, "stm_dossier_deadline": "2099-01-01"},
        )
        self.assertNotEqual(text, "saved")
        self.lead.invalidate_recordset()
        self.assertFalse(self.lead.stm_dossier_complete)
        self.assertFalse(self.lead.stm_dossier_deadline)


# The same, over Odoo 19's /json/2.
TestDossierHostileInputOverJson2 = over_json2(TestDossierHostileInputOverRpc)
