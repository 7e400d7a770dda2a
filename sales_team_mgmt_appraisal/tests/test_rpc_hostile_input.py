"""Hostile values over RPC into appraisal lines, template lines and
discipline records: a save or an error a person can read, never a server
error, and a refused call leaves nothing behind."""

from datetime import date

from odoo.addons.sales_team_mgmt.tests.common import StmRpcCase, over_json2
from odoo.addons.sales_team_mgmt.tests.hostile import HostileRpc
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAppraisalHostileInputOverRpc(HostileRpc, StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        appraisal = env["stm.appraisal"].create(
            {
                "user_id": cls.rep_a.id,
                "team_id": cls.team_block.id,
                "period": "quarter",
                "date_from": date(2026, 7, 1),
            }
        )
        # Archived: an active template must weigh 100 after every change.
        template = env["stm.appraisal.template"].create(
            {"name": "Hostile", "active": False}
        )
        # model: values of a valid create by the manager.
        cls.valid = {
            "stm.appraisal.line": {
                "appraisal_id": appraisal.id,
                "name": "Extra",
                "weight": 0,
            },
            "stm.appraisal.template.line": {
                "template_id": template.id,
                "name": "Extra",
                "weight": 0,
            },
            "stm.discipline": {
                "user_id": cls.rep_a.id,
                "kind": "warning",
                "reason": "x",
            },
        }


# The same, over Odoo 19's /json/2.
TestAppraisalHostileInputOverJson2 = over_json2(TestAppraisalHostileInputOverRpc)
