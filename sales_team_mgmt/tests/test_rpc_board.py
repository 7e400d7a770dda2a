"""The team board as each user reaches it over XML-RPC (and /json/2), mail
tracking on: colleagues' figures are public, the discipline side is not."""

from datetime import datetime

from odoo.tests import new_test_user, tagged

from .common import StmRpcCase, over_json2

BOARD_FIELDS = [
    "user_id",
    "stm_board_won_month",
    "stm_board_target_month",
    "stm_board_rank",
    "stm_board_compliance",
    "stm_board_alarms",
    "stm_board_is_mine",
]


class BoardRpcCase(StmRpcCase):
    """Targets of 10,000 a month and a deal Zhang won in October (the
    incentives add-on's statements are prepared from them)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for member in cls.team_block.crm_team_member_ids:
            member.stm_revenue_target = 120_000
        cls._won_on(cls.rep_a, 5_000, datetime(2026, 10, 9, 3, 0))

    def _outsider(self):
        """A sales manager of another company only (the team is this one's)."""
        other = self.env["res.company"].create({"name": "Other Co (board)"})
        self.team_block.company_id = self.env.company
        return new_test_user(
            self.env,
            "stm_board_outsider",
            groups="base.group_user,sales_team.group_sale_manager",
            company_id=other.id,
            company_ids=[other.id],
        )


@tagged("post_install", "-at_install")
class TestBoardOverRpc(BoardRpcCase):
    def test_a_salesperson_reads_the_board_but_not_the_discipline(self):
        cards = self.rpc(
            self.rep_b,
            "crm.team.member",
            "search_read",
            [("crm_team_id", "=", self.team_block.id)],
            BOARD_FIELDS,
        )
        by_user = {card["user_id"][0]: card for card in cards}
        colleague, own = by_user[self.rep_a.id], by_user[self.rep_b.id]
        self.assertEqual(colleague["stm_board_target_month"], 10_000)
        # Nothing won this month: read, and not ranked.
        self.assertEqual(colleague["stm_board_rank"], 0)
        self.assertFalse(colleague["stm_board_compliance"])
        self.assertFalse(colleague["stm_board_is_mine"])
        self.assertTrue(own["stm_board_is_mine"])
        self.assertEqual(own["stm_board_compliance"], "unknown")

    def test_another_company_sees_no_card(self):
        outsider = self._outsider()
        self.assertFalse(self.rpc(outsider, "crm.team.member", "search", []))


# The same, over Odoo 19's /json/2.
TestBoardOverJson2 = over_json2(TestBoardOverRpc)
