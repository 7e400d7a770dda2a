"""Targets: a member's yearly target split into months (evenly or by the
team's seasonal weights), a newcomer's share, and the team's totals."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestTargets(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for member in cls.team_block.crm_team_member_ids:
            member.stm_revenue_target = 120_000  # 10,000 a month

    def test_seasonal_weights_split_the_yearly_target(self):
        weights = {f"stm_weight_{m:02d}": 1 for m in range(1, 13)}
        weights["stm_weight_12"] = 12  # December weighs 12 of 23
        self.team_block.write({"stm_target_split": "weighted", **weights})
        member = self.team_block.crm_team_member_ids[:1]
        self.assertAlmostEqual(
            member._stm_period_target("month", date(2026, 12, 5)), 120_000 * 12 / 23, 2
        )
        self.assertAlmostEqual(
            member._stm_period_target("quarter", date(2026, 11, 5)),
            120_000 * 14 / 23,
            1,
        )
        self.assertAlmostEqual(
            member._stm_period_target("year", date(2026, 6, 1)), 120_000
        )
        with self.assertRaises(ValidationError):
            self.team_block.write({f"stm_weight_{m:02d}": 0 for m in range(1, 13)})
        with self.assertRaises(ValidationError):
            self.team_block.stm_weight_03 = -1

    def test_team_targets_are_the_sums_of_their_members(self):
        self._won_on(self.rep_a, 4_000, datetime(2026, 10, 3, 3, 0))
        self._won_on(self.rep_b, 6_000, datetime(2026, 10, 9, 3, 0))
        with freeze_time("2026-10-20 04:00:00"):
            team = self.team_block.with_context(tz="UTC")
            self.assertEqual(team.stm_target_month, 20_000)
            self.assertEqual(team.stm_target_quarter, 60_000)
            self.assertEqual(team.stm_target_year, 240_000)
            self.assertEqual(team.stm_won_month, 10_000)
            self.assertEqual(team.stm_attainment_month, 50.0)

    def test_a_newcomer_carries_the_share_of_the_month_in_the_team(self):
        member = self.team_block.crm_team_member_ids.filtered(
            lambda m: m.user_id == self.rep_a
        )
        member.stm_joined_on = "2026-11-16"
        self.assertAlmostEqual(
            member._stm_period_target("month", date(2026, 11, 20)), 5_000
        )
        self.assertEqual(member._stm_period_target("month", date(2026, 10, 20)), 0)
