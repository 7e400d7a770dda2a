"""Privacy as a client sees it over XML-RPC, mail tracking on: an anonymous
complaint stays anonymous after every later step, the pool shows open leads
only and is archived by managers only, the board keeps the discipline side
private, and every button answers something XML-RPC can carry."""

from odoo.tests import new_test_user, tagged

from .common import StmRpcCase, over_json2, read_group_call


@tagged("post_install", "-at_install")
class TestPrivacyOverRpc(StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = cls.env["hr.department"].create(
            {"name": "Finance (privacy)", "stm_service": "finance"}
        )
        cls.clerk = new_test_user(
            cls.env,
            "stm_privacy_clerk",
            groups="base.group_user,sales_team_mgmt.group_stm_department_user,"
            "base.group_allow_export",
            name="Clerk Qian",
        )
        cls.env["hr.employee"].create(
            {
                "name": "Clerk Qian",
                "user_id": cls.clerk.id,
                "department_id": cls.finance.id,
            }
        )

    # ------------------------------------------------------------------
    # 1. Anonymity end to end
    # ------------------------------------------------------------------

    def test_01_an_anonymous_complaint_stays_anonymous_once_closed(self):
        author = self.rep_a
        complaint = self.rpc(
            author,
            "stm.complaint",
            "create",
            {
                "department_id": self.finance.id,
                "description": "Expense claim lost twice",
                "anonymous": True,
            },
        )
        self.rpc(
            self.clerk, "stm.complaint", "write", [complaint], {"response": "Found"}
        )
        self.assertTrue(
            self.rpc(self.clerk, "stm.complaint", "action_resolve", [complaint])
        )
        # The complainant closes it: the step that used to sign it.
        self.assertTrue(self.rpc(author, "stm.complaint", "action_close", [complaint]))
        self.assertEqual(self.env["stm.complaint"].browse(complaint).state, "closed")
        # What the department can read, every way it can read it.
        (record,) = self.rpc(
            self.clerk,
            "stm.complaint",
            "read",
            [complaint],
            ["create_uid", "write_uid", "message_follower_ids", "complainant_name"],
        )
        self.assertNotEqual(record["create_uid"][0], author.id)
        self.assertNotEqual(record["write_uid"][0], author.id)
        self.assertNotIn(author.name, str(record))
        method, args, kwargs = read_group_call([("id", "=", complaint)], ["write_uid"])
        groups = self.rpc(self.clerk, "stm.complaint", method, *args, **kwargs)
        self.assertNotIn(
            author.id, [g["write_uid"][0] for g in groups if g["write_uid"]]
        )
        messages = self.rpc(
            self.clerk,
            "mail.message",
            "search_read",
            [("model", "=", "stm.complaint"), ("res_id", "=", complaint)],
            ["author_id", "create_uid", "write_uid", "body"],
        )
        self.assertTrue(messages, "the state changes are tracked")
        for message in messages:
            for fname in ("author_id", "create_uid", "write_uid"):
                self.assertNotIn(
                    message[fname] and message[fname][0],
                    (author.id, author.partner_id.id),
                    fname,
                )
            self.assertNotIn(author.name, message["body"] or "")
        # Tracking values are not readable by the department; whoever can read
        # them (an administrator) does not learn the author either.
        tracked = (
            self.env["mail.message"]
            .search([("model", "=", "stm.complaint"), ("res_id", "=", complaint)])
            .tracking_value_ids
        )
        self.assertTrue(tracked)
        self.assertNotIn(author, tracked.create_uid | tracked.write_uid)
        followers = self.rpc(
            self.clerk,
            "mail.followers",
            "search_read",
            [("res_model", "=", "stm.complaint"), ("res_id", "=", complaint)],
            ["partner_id"],
        )
        self.assertNotIn(author.partner_id.id, [f["partner_id"][0] for f in followers])
        exported = self.rpc(
            self.clerk,
            "stm.complaint",
            "export_data",
            [complaint],
            ["create_uid/name", "write_uid/name", "complainant_name"],
        )
        self.assertNotIn(author.name, str(exported))

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
