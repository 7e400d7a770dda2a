"""Privacy as a client sees it over XML-RPC, mail tracking on: the pool shows open leads
only and is archived by managers only, the board keeps the discipline side
private, and every button answers something XML-RPC can carry."""

from odoo.tests import tagged

from .common import StmRpcCase, over_json2


@tagged("post_install", "-at_install")
class TestPrivacyOverRpc(StmRpcCase):
    # ------------------------------------------------------------------
    # 3. The pool
    # ------------------------------------------------------------------

    def _pool(self, **values):
        lead = self._lead(self.rep_a, partner_name="Pool Candidate Ltd", **values)
        lead.stm_claim_id._send_to_pool("expired")
        return lead

    def test_03a_the_pool_shows_open_leads_only(self):
        won = self._lead(self.rep_a, partner_name="Pool Candidate Ltd", name="Won deal")
        won.action_set_won()
        lead = self._pool(company_id=False)
        self.assertEqual(won.stm_claim_id, lead.stm_claim_id)
        visible = self.rpc(
            self.rep_b,
            "crm.lead",
            "search",
            [("stm_claim_state", "=", "pool"), ("id", "in", [lead.id, won.id])],
        )
        self.assertEqual(visible, [lead.id])
        self.assertTrue(lead.company_id, "pool leads carry a company")

    def test_03b_only_a_manager_archives_a_pool_lead(self):
        lead = self._pool()
        self.assertRefused(self.rep_b, "crm.lead", "action_archive", [lead.id])
        self.assertRefused(
            self.rep_b, "crm.lead", "write", [lead.id], {"active": False}
        )
        lead.invalidate_recordset()
        self.assertTrue(lead.active)
        self.rpc(self.manager, "crm.lead", "write", [lead.id], {"active": False})
        lead.invalidate_recordset()
        self.assertFalse(lead.active)

    # ------------------------------------------------------------------
    # 4. The board's discipline figures
    # ------------------------------------------------------------------

    def test_04_colleagues_do_not_see_each_others_discipline_figures(self):
        self._lead(self.rep_b, partner_name="Alarm Target Co")
        lead = self.env["crm.lead"].search([("partner_name", "=", "Alarm Target Co")])
        self.env["stm.difficulty.alarm"].with_user(self.rep_b).create(
            {"lead_id": lead.id, "reason": "Stuck"}
        )
        private = ["stm_board_compliance", "stm_board_failing_days", "stm_board_alarms"]
        member = self.env["crm.team.member"].search(
            [("user_id", "=", self.rep_b.id), ("crm_team_id", "=", self.team_block.id)]
        )
        (seen_by_colleague,) = self.rpc(
            self.rep_a, "crm.team.member", "read", member.ids, private
        )
        self.assertEqual(seen_by_colleague["stm_board_alarms"], 0)
        self.assertFalse(seen_by_colleague["stm_board_compliance"])
        for user in (self.rep_b, self.manager, self.sales_admin):
            (seen,) = self.rpc(user, "crm.team.member", "read", member.ids, private)
            self.assertEqual(seen["stm_board_alarms"], 1, user.login)


# The same, over Odoo 19's /json/2.
TestPrivacyOverJson2 = over_json2(TestPrivacyOverRpc)
