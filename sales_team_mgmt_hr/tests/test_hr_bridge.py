"""The Employees bridge: an employee who leaves opens the hand-over of his
customers; HR officers read hand-overs and statements over RPC but change
nothing, and see the board's discipline side."""

from odoo.addons.sales_team_mgmt.tests.common import StmCase, StmRpcCase
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestLeavingEmployee(StmCase):
    def test_archiving_the_employee_opens_his_handover(self):
        customer = self.env["res.partner"].create(
            {"name": "Kept Co", "is_company": True}
        )
        lead = self._lead(self.rep_b, partner_id=customer.id)
        self.assertEqual(lead.stm_claim_id.user_id, self.rep_b)
        employee = self.env["hr.employee"].create(
            {"name": self.rep_b.name, "user_id": self.rep_b.id}
        )
        Handover = self.env["stm.handover"]
        self.assertFalse(Handover.search([("user_id", "=", self.rep_b.id)]))
        employee.action_archive()
        handover = Handover.search([("user_id", "=", self.rep_b.id)])
        self.assertEqual(handover.state, "draft")
        self.assertEqual(handover.line_ids.claim_id, lead.stm_claim_id)

    def test_an_employee_without_customers_opens_nothing(self):
        employee = self.env["hr.employee"].create({"name": "Clerk"})
        employee.action_archive()
        self.assertFalse(self.env["stm.handover"].search([("user_id", "=", False)]))


@tagged("post_install", "-at_install")
class TestHrReadsOverRpc(StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(
            cls.env, "stm_hr_bridge", groups="base.group_user,hr.group_hr_user"
        )

    def _leaver_handover(self):
        customer = self.env["res.partner"].create(
            {"name": "Left Behind Co", "is_company": True}
        )
        self._lead(self.rep_b, partner_id=customer.id)
        self.rep_b.active = False
        return self.env["stm.handover"].search([("user_id", "=", self.rep_b.id)])

    def test_hr_reads_the_handover_and_changes_nothing(self):
        handover = self._leaver_handover()
        self.assertTrue(handover, "the salesperson held customers")
        rows = self.rpc(
            self.hr_officer, "stm.handover", "read", handover.ids, ["user_id"]
        )
        self.assertEqual(rows[0]["user_id"][0], self.rep_b.id)
        self.assertRefused(
            self.hr_officer,
            "stm.handover",
            "write",
            handover.ids,
            {"heir_id": self.rep_a.id},
        )

    def test_without_hr_no_handover_is_read(self):
        clerk = new_test_user(self.env, "stm_clerk_bridge", groups="base.group_user")
        handover = self._leaver_handover()
        self.assertTrue(handover)
        self.assertRefused(clerk, "stm.handover", "read", handover.ids, ["user_id"])
