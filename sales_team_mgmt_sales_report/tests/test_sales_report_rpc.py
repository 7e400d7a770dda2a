"""Who reads which sales report, over XML-RPC (and Odoo 19's /json/2): the
salesperson his own line, the leader his team's, the sales admins all;
nobody types a figure."""

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.compat import USER_GROUPS
from odoo.addons.sales_team_mgmt.tests.common import (
    StmRpcCase,
    assert_other_company_reads_nothing,
    over_json2,
    read_group_call,
)
from odoo.addons.sales_team_mgmt.tests.hostile import HostileRpc
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestSalesReportsOverRpc(HostileRpc, StmRpcCase):
    min_refusals = 10

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_block.crm_team_member_ids.stm_revenue_target = 1_200_000
        won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        for user, revenue in ((cls.rep_a, 40_000), (cls.rep_b, 25_000)):
            lead = cls.env["crm.lead"].create(
                {
                    "name": "Deal",
                    "type": "opportunity",
                    "user_id": user.id,
                    "team_id": cls.team_block.id,
                    "expected_revenue": revenue,
                    "partner_name": f"Customer of {user.name}",
                }
            )
            lead.stage_id = won_stage
        # The east team is led by a salesperson: no sales admin rights.
        cls.leader = cls._salesperson("stm_report_leader", "Leader Sun")
        cls.team_block.user_id = cls.leader
        cls.report = cls.env["stm.sales.report"].create(
            {"team_id": cls.team_block.id, "period": "year", "date_from": "2026-01-01"}
        )
        cls.south = cls.env["stm.sales.report"].create(
            {
                "team_id": cls.team_dispute.id,
                "period": "year",
                "date_from": "2026-01-01",
            }
        )
        cls.valid = {
            "stm.sales.report": {
                "team_id": cls.team_dispute.id,
                "period": "month",
                "date_from": "2026-03-01",
            }
        }

    def _lines(self, user):
        return self.rpc(
            user, "stm.sales.report.line", "search_read", [], ["user_id", "won_amount"]
        )

    def test_each_reads_what_is_his(self):
        mine = self._lines(self.rep_a)
        self.assertEqual([row["user_id"][0] for row in mine], [self.rep_a.id])
        self.assertEqual(mine[0]["won_amount"], 40_000)
        self.assertRefused(
            self.rep_a, "stm.sales.report", "read", self.report.ids, ["name"]
        )
        # Grouped and exported, still only his own.
        method, args, kwargs = read_group_call([], ["team_id"])
        rows = self.rpc(self.rep_a, "stm.sales.report.line", method, *args, **kwargs)
        self.assertEqual([row["__count"] for row in rows], [1])
        # (Odoo lets only some export: he is one of them here.)
        self.rep_a.sudo().write(
            {USER_GROUPS: [(4, self.env.ref("base.group_allow_export").id)]}
        )
        mine = self.report.line_ids.filtered(lambda line: line.user_id == self.rep_a)
        exported = self.rpc(
            self.rep_a, "stm.sales.report.line", "export_data", mine.ids, ["won_amount"]
        )
        self.assertEqual(len(exported["datas"]), 1)
        self.assertRefused(
            self.rep_a,
            "stm.sales.report.line",
            "export_data",
            self.report.line_ids.ids,
            ["won_amount"],
        )
        # The sales admin exports them all (to a spreadsheet, in the browser).
        exported = self.rpc(
            self.sales_admin,
            "stm.sales.report.line",
            "export_data",
            self.report.line_ids.ids,
            ["user_id", "won_amount"],
        )
        self.assertEqual(len(exported["datas"]), 2)
        # The leader reads his team's, not the other team's.
        self.assertEqual(len(self._lines(self.leader)), 2)
        found = self.rpc(self.leader, "stm.sales.report", "search_read", [], ["name"])
        self.assertEqual([row["id"] for row in found], self.report.ids)
        # The sales admin reads every team's.
        found = self.rpc(
            self.sales_admin,
            "stm.sales.report",
            "search",
            [("id", "in", (self.report | self.south).ids)],
        )
        self.assertEqual(sorted(found), sorted((self.report | self.south).ids))

    def test_nobody_types_a_figure(self):
        line = self.report.line_ids[:1]
        for user in (self.rep_a, self.leader, self.sales_admin, self.manager):
            with self.subTest(user=user.login):
                self.assertRefused(
                    user, "stm.sales.report.line", "write", line.ids, {"won_amount": 1}
                )
                self.assertRefused(user, "stm.sales.report.line", "unlink", line.ids)
        self.assertRefused(
            self.sales_admin,
            "stm.sales.report",
            "write",
            self.report.ids,
            {"won_amount": 9_999_999},
        )
        self.assertRefused(
            self.rep_a,
            "stm.sales.report",
            "create",
            {
                "team_id": self.team_block.id,
                "period": "month",
                "date_from": "2026-05-01",
            },
        )

    @freeze_time("2026-11-20 08:00:00")
    def test_the_leader_sends_his_team_report_only(self):
        self.rpc(self.leader, "stm.sales.report", "action_send", self.report.ids)
        self.assertEqual(self.report.state, "sent")
        self.assertRefused(
            self.leader, "stm.sales.report", "action_send", self.south.ids
        )
        self.assertRefused(
            self.sales_admin,
            "stm.sales.report",
            "write",
            self.report.ids,
            {"period": "month"},
        )

    def test_another_company_reads_nothing(self):
        assert_other_company_reads_nothing(self, [*self.report, *self.report.line_ids])


TestSalesReportsOverJson2 = over_json2(TestSalesReportsOverRpc)
