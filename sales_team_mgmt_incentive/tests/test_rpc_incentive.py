"""Incentive plans and statements as each user reaches them over XML-RPC
(and /json/2), mail tracking on."""

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.tests.common import over_json2
from odoo.addons.sales_team_mgmt.tests.test_rpc_board import BoardRpcCase
from odoo.tests import tagged


class StatementRpcCase(BoardRpcCase):
    """A monthly plan of 2 % and October's statements, prepared in November
    (the HR bridge's tests read them)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["stm.incentive.plan"].create(
            {
                "name": "East monthly",
                "team_id": cls.team_block.id,
                "period": "month",
                "date_start": "2026-01-01",
                "tier_ids": [(0, 0, {"threshold_pct": 0, "rate_pct": 2})],
            }
        )
        with freeze_time("2026-11-03 02:00:00"):
            cls.env["stm.incentive.statement"]._cron_prepare()
        cls.statement_a = cls.env["stm.incentive.statement"].search(
            [("user_id", "=", cls.rep_a.id)]
        )


@tagged("post_install", "-at_install")
class TestIncentiveOverRpc(StatementRpcCase):
    def test_another_company_sees_none_of_it(self):
        outsider = self._outsider()
        for model in ("stm.incentive.statement", "stm.incentive.plan"):
            self.assertFalse(self.rpc(outsider, model, "search", []), model)

    def test_statements_are_private_and_locked(self):
        statement = self.statement_a.id
        self.assertEqual(
            self.rpc(self.rep_a, "stm.incentive.statement", "search", []), [statement]
        )
        self.assertEqual(
            self.rpc(
                self.rep_b,
                "stm.incentive.statement",
                "search",
                [("user_id", "=", self.rep_a.id)],
            ),
            [],
        )
        (own,) = self.rpc(
            self.rep_a,
            "stm.incentive.statement",
            "read",
            [statement],
            ["won_amount", "commission", "deal_line_ids"],
        )
        self.assertEqual((own["won_amount"], own["commission"]), (5_000, 100))
        self.assertEqual(len(own["deal_line_ids"]), 1)
        self.assertRefused(
            self.rep_a,
            "stm.incentive.statement",
            "write",
            [statement],
            {"total": 9_999},
        )
        self.assertRefused(
            self.manager,
            "stm.incentive.statement",
            "write",
            [statement],
            {"commission": 9_999},
            match="daily preparation",
        )
        self.assertRefused(
            self.manager,
            "stm.incentive.statement",
            "create",
            {
                "user_id": self.rep_a.id,
                "team_id": self.team_block.id,
                "plan_id": self.plan.id,
                "company_id": self.env.company.id,
                "period": "month",
                "date_from": "2026-09-01",
                "date_to": "2026-09-30",
            },
        )
        self.assertRefused(
            self.rep_a, "stm.incentive.statement", "action_approve", [statement]
        )
        self.assertTrue(
            self.rpc(
                self.manager, "stm.incentive.statement", "action_approve", [statement]
            )
        )
        for user in (self.manager, self.env.ref("base.user_admin")):
            self.assertRefused(
                user,
                "stm.incentive.statement",
                "write",
                [statement],
                {"note": "corrected"},
                match="approved",
            )
            self.assertRefused(
                user, "stm.incentive.statement", "unlink", [statement], match="approved"
            )
        self.assertRefused(
            self.manager,
            "stm.incentive.statement.line",
            "unlink",
            self.statement_a.line_ids.ids,
        )


# The same, over Odoo 19's /json/2.
TestIncentiveOverJson2 = over_json2(TestIncentiveOverRpc)
