"""HR officers read every incentive statement over RPC and change none; an
employee without HR's group reads none."""

from datetime import datetime

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.tests.common import StmRpcCase
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestHrReadsStatements(StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(
            cls.env, "stm_hr_pay", groups="base.group_user,hr.group_hr_user"
        )
        cls.clerk = new_test_user(cls.env, "stm_clerk_pay", groups="base.group_user")
        for member in cls.team_block.crm_team_member_ids:
            member.stm_revenue_target = 120_000
        cls.env["stm.incentive.plan"].create(
            {
                "name": "East monthly (HR)",
                "team_id": cls.team_block.id,
                "period": "month",
                "date_start": "2026-01-01",
                "tier_ids": [(0, 0, {"threshold_pct": 0, "rate_pct": 2})],
            }
        )
        cls.env["crm.lead"].create(
            {
                "name": "Won for the statement",
                "type": "opportunity",
                "user_id": cls.rep_a.id,
                "team_id": cls.team_block.id,
                "expected_revenue": 5_000,
                "stage_id": cls.env.ref("crm.stage_lead4").id,
                "date_closed": datetime(2026, 10, 9, 3, 0),
            }
        )
        with freeze_time("2026-11-03 02:00:00"):
            cls.env["stm.incentive.statement"]._cron_prepare()
        cls.statement = cls.env["stm.incentive.statement"].search(
            [("user_id", "=", cls.rep_a.id)]
        )

    def test_hr_reads_every_statement_and_changes_none(self):
        self.assertEqual(len(self.statement), 1)
        found = self.rpc(self.hr_officer, "stm.incentive.statement", "search", [])
        self.assertIn(self.statement.id, found)
        (row,) = self.rpc(
            self.hr_officer,
            "stm.incentive.statement",
            "read",
            self.statement.ids,
            ["commission", "line_ids"],
        )
        self.assertEqual(row["commission"], 100)
        lines = self.rpc(
            self.hr_officer,
            "stm.incentive.statement.line",
            "read",
            row["line_ids"],
            ["amount"],
        )
        self.assertEqual(len(lines), len(row["line_ids"]))
        self.assertRefused(
            self.hr_officer,
            "stm.incentive.statement",
            "write",
            self.statement.ids,
            {"note": "seen by HR"},
        )
        self.assertRefused(
            self.hr_officer,
            "stm.incentive.statement",
            "action_approve",
            self.statement.ids,
        )
        self.assertEqual(self.statement.state, "draft")

    def test_without_hr_no_statement_is_read(self):
        self.assertRefused(
            self.clerk,
            "stm.incentive.statement",
            "read",
            self.statement.ids,
            ["commission"],
        )
