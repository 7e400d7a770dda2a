"""Appraisal and discipline workflow fields change only through their
buttons, whoever writes them over RPC."""

from datetime import date

from odoo.addons.sales_team_mgmt.tests.common import StmRpcCase, over_json2
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAppraisalWorkflowOverRpc(StmRpcCase):
    def test_appraisal_state_and_rank_move_through_the_steps(self):
        appraisal = self.env["stm.appraisal"].create(
            {
                "user_id": self.rep_a.id,
                "team_id": self.team_block.id,
                "period": "quarter",
                "date_from": date(2026, 7, 1),
            }
        )
        for values in ({"state": "done"}, {"rank_in_team": 1}, {"is_bottom": False}):
            self.assertRefused(
                self.manager, "stm.appraisal", "write", appraisal.ids, values
            )
        line = appraisal.line_ids[:1]
        self.rpc(
            self.manager,
            "stm.appraisal.line",
            "write",
            line.ids,
            {"score": 55},
            context={"stm_filling_kpis": True},
        )
        self.assertEqual(line.source, "manual")

    def test_discipline_origin_is_the_systems(self):
        record = self.rpc(
            self.manager,
            "stm.discipline",
            "create",
            {"user_id": self.rep_a.id, "kind": "warning", "reason": "Late reports"},
        )
        for values in (
            {"origin": "stm.compliance:1"},
            {"source": "quota"},
            {"state": "closed"},
        ):
            self.assertRefused(
                self.manager, "stm.discipline", "write", [record], values
            )
        self.assertRefused(
            self.manager,
            "stm.discipline",
            "create",
            {
                "user_id": self.rep_b.id,
                "kind": "warning",
                "reason": "Fake",
                "source": "complaint",
                "origin": "stm.complaint:999",
            },
        )


# The same, over Odoo 19's /json/2.
TestAppraisalWorkflowOverJson2 = over_json2(TestAppraisalWorkflowOverRpc)
