"""HR officers read every incentive statement over RPC and change none; an
employee without HR's group reads none."""

from odoo.addons.sales_team_mgmt_incentive.tests.test_rpc_incentive import (
    StatementRpcCase,
)
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestHrReadsStatements(StatementRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(
            cls.env, "stm_hr_pay", groups="base.group_user,hr.group_hr_user"
        )
        cls.clerk = new_test_user(cls.env, "stm_clerk_pay", groups="base.group_user")
        cls.statement = cls.statement_a

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
