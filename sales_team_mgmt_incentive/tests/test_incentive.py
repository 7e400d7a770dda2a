"""Targets by month, incentive statements and their adjustments, as the
managers and the daily job see them."""

from datetime import date, datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import format_amount, mute_logger


@tagged("post_install", "-at_install")
class TestIncentive(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for member in (cls.team_block | cls.team_dispute).crm_team_member_ids:
            member.stm_revenue_target = 120_000  # 10,000 a month
        cls.plan = cls._plan(cls.team_block)

    @classmethod
    def _plan(cls, team, **values):
        return cls.env["stm.incentive.plan"].create(
            {
                "name": f"Plan {team.name}",
                "team_id": team.id,
                "period": "month",
                "date_start": "2026-01-01",
                "tier_mode": "flat",
                "bonus_amount": 1000,
                "tier_ids": [
                    (0, 0, {"threshold_pct": 0, "rate_pct": 1}),
                    (0, 0, {"threshold_pct": 80, "rate_pct": 2}),
                    (0, 0, {"threshold_pct": 100, "rate_pct": 3}),
                ],
                "allowance_ids": [(0, 0, {"name": "Transport", "amount": 300})],
                **values,
            }
        )

    def _prepare(self, day):
        with freeze_time(f"{day} 02:00:00"):
            self.env["stm.incentive.statement"]._cron_prepare()

    def _statement(self, user, first, team=None):
        return self.env["stm.incentive.statement"].search(
            [
                ("user_id", "=", user.id),
                ("team_id", "=", (team or self.team_block).id),
                ("date_from", "=", first),
            ]
        )

    # ------------------------------------------------------------------
    # Statements
    # ------------------------------------------------------------------

    def test_statements_after_the_month_equal_the_board(self):
        self._won_on(self.rep_a, 8_000, datetime(2026, 10, 12, 3, 0))  # exactly 80 %
        self._won_on(self.rep_b, 7_000, datetime(2026, 10, 2, 3, 0))
        self._won_on(self.rep_b, 3_000, datetime(2026, 10, 30, 3, 0))  # 100 %
        self._won_on(self.rep_b, 50_000, datetime(2026, 11, 1, 3, 0))  # November
        with freeze_time("2026-10-31 12:00:00"):
            board = {
                card.user_id: card.stm_board_won_month
                for card in self.team_block.crm_team_member_ids.with_context(tz="UTC")
            }
        self._prepare("2026-11-05")
        first = date(2026, 10, 1)
        mine, hers = (
            self._statement(self.rep_a, first),
            self._statement(self.rep_b, first),
        )
        self.assertEqual(mine.won_amount, board[self.rep_a])
        self.assertEqual(hers.won_amount, board[self.rep_b])
        # 80 % is the 80 % tier: 2 %; no bonus below 100 %.
        self.assertEqual(
            (mine.target_amount, mine.attainment_pct, mine.commission, mine.bonus),
            (10_000, 80.0, 160, 0),
        )
        self.assertEqual(mine.total, 160 + 300)
        # The statement says which tier and rate applied.
        money = mine.currency_id.with_context(lang="en_US")
        self.assertEqual(
            mine.with_context(lang="en_US").commission_basis.splitlines(),
            [
                "The tier reached pays its rate on all the revenue won.",
                "80 % to 100 % of target: 2 % × "
                f"{format_amount(self.env, 8000, money)} = "
                f"{format_amount(self.env, 160, money)}",
            ],
        )
        self.assertEqual(len(mine.deal_line_ids), 1)
        # 100 % is the top tier and earns the bonus.
        self.assertEqual((hers.commission, hers.bonus, hers.total), (300, 1000, 1600))
        self.assertEqual(len(hers.deal_line_ids), 2)
        # The team leader has one to-do per statement.
        self.assertEqual(
            len(mine.activity_ids.filtered(lambda a: a.user_id == self.manager)),
            1,
        )
        # The job runs daily: nothing twice.
        self._prepare("2026-11-06")
        self.assertEqual(
            self.env["stm.incentive.statement"].search_count(
                [("plan_id", "=", self.plan.id), ("date_from", "=", first)]
            ),
            2,
        )

    def test_statements_count_the_salespersons_own_days(self):
        """Won on 31 October at 23:30 in Shanghai (15:30 UTC) is October's: the
        statement counts what the one definition counts (stm.figures and the
        membership's target), as the appraisal and the sales report do."""
        self.rep_a.tz = "Asia/Shanghai"
        self._won_on(self.rep_a, 4_000, datetime(2026, 10, 15, 8, 0))
        self._won_on(self.rep_a, 1_000, datetime(2026, 10, 31, 15, 30))
        self._won_on(self.rep_a, 7_000, datetime(2026, 10, 31, 16, 30))  # 1 November
        self._prepare("2026-11-05")
        mine = self._statement(self.rep_a, date(2026, 10, 1))
        october = (date(2026, 10, 1), date(2026, 10, 31))
        won = self.env["stm.figures"]._stm_won_revenue(
            self.rep_a, self.env.company, *october
        )
        membership = self.team_block.crm_team_member_ids.filtered(
            lambda member: member.user_id == self.rep_a
        )
        self.assertEqual((mine.won_amount, mine.target_amount), (5_000, 10_000))
        self.assertEqual(
            (mine.won_amount, mine.target_amount),
            (won[self.rep_a], membership._stm_range_target(*october)),
        )

    def test_a_month_without_deals_pays_the_allowances(self):
        self._prepare("2026-11-05")
        statement = self._statement(self.rep_a, date(2026, 10, 1))
        self.assertEqual(
            (statement.won_amount, statement.commission, statement.total), (0, 0, 300)
        )

    def test_marginal_tiers_rate_each_slice(self):
        self.plan.tier_mode = "marginal"
        self._won_on(self.rep_a, 12_000, datetime(2026, 10, 12, 3, 0))
        self._prepare("2026-11-05")
        statement = self._statement(self.rep_a, date(2026, 10, 1))
        # 8,000 at 1 %, 2,000 at 2 %, 2,000 at 3 %.
        self.assertEqual(statement.commission, 80 + 40 + 60)
        self.assertEqual(len(statement.commission_basis.splitlines()), 3)
        self.assertIn("from 100 % of target: 3 %", statement.commission_basis)

    def test_approval_belongs_to_the_team_leader_and_is_final(self):
        self._won_on(self.rep_a, 8_000, datetime(2026, 10, 12, 3, 0))
        self._prepare("2026-11-05")
        statement = self._statement(self.rep_a, date(2026, 10, 1))
        other_manager = new_test_user(
            self.env,
            "stm_other_manager",
            groups="base.group_user,sales_team.group_sale_manager",
        )
        with self.assertRaises(UserError):
            statement.with_user(other_manager).action_approve()
        with self.assertRaises(UserError):
            statement.with_user(self.rep_a).action_approve()
        self.assertEqual(len(statement.activity_ids), 1)
        statement.with_user(self.manager).action_approve()
        self.assertEqual(statement.state, "approved")
        self.assertFalse(statement.activity_ids, "the to-do is done")
        self.assertEqual(statement.approved_by_id, self.manager)
        # Never changed again, not even by code running as superuser.
        for values in ({"total": 1}, {"note": "typo"}, {"state": "draft"}):
            with self.assertRaises(UserError):
                statement.sudo().write(values)
        with self.assertRaises(UserError):
            statement.sudo().unlink()
        with self.assertRaises(UserError):
            statement.line_ids.sudo().write({"amount": 1})
        with self.assertRaises(UserError):
            statement.line_ids.sudo().unlink()
        with self.assertRaises(UserError):
            statement.with_user(self.manager).action_refresh()

    def test_changes_after_approval_are_settled_next_month(self):
        lost = self._won_on(self.rep_a, 8_000, datetime(2026, 10, 12, 3, 0))
        revalued = self._won_on(self.rep_b, 10_000, datetime(2026, 10, 2, 3, 0))
        self._prepare("2026-11-05")
        october = self._statement(self.rep_a, date(2026, 10, 1)) | self._statement(
            self.rep_b, date(2026, 10, 1)
        )
        october.with_user(self.manager).action_approve()
        totals = october.mapped("total")
        # After approval: one deal lost, one re-valued, one won late into
        # October (an import).
        self._lose_won(lost)
        revalued.expected_revenue = 12_000
        late = self._won_on(self.rep_a, 1_000, datetime(2026, 10, 28, 3, 0))
        self._prepare("2026-12-02")
        self.assertEqual(october.mapped("total"), totals, "approved: unchanged")
        mine = self._statement(self.rep_a, date(2026, 11, 1))
        adjustments = {
            line.lead_id: (line.amount, line.commission)
            for line in mine.adjustment_line_ids
        }
        # Taken back, and added, at the 2 % October paid.
        self.assertEqual(adjustments, {lost: (-8_000, -160), late: (1_000, 20)})
        self.assertEqual(mine.adjustment_commission, -140)
        self.assertEqual(mine.total, -140 + 300)
        hers = self._statement(self.rep_b, date(2026, 11, 1))
        self.assertEqual(
            [(line.lead_id, line.amount, line.commission) for line in hers.line_ids],
            [(revalued, 2_000, 60)],
        )
        # Once November is approved too, December settles nothing twice.
        (mine | hers).with_user(self.manager).action_approve()
        self._prepare("2027-01-03")
        december = self._statement(self.rep_a, date(2026, 12, 1))
        self.assertFalse(december.adjustment_line_ids)

    def test_a_salesperson_who_changed_team_mid_month(self):
        """Chen Jie moves from South to East on 16 October: each team's
        statement counts its days, deals and share of the target."""
        self._plan(self.team_dispute)
        south = self.team_dispute.crm_team_member_ids.filtered(
            lambda m: m.user_id == self.rep_c
        )
        with freeze_time("2026-10-16 02:00:00"):
            south.with_context(tz="UTC").action_archive()
            self.env["crm.team.member"].create(
                {
                    "crm_team_id": self.team_block.id,
                    "user_id": self.rep_c.id,
                    "stm_revenue_target": 120_000,
                }
            )
        self.assertEqual(south.stm_left_on, date(2026, 10, 16))
        self._won_on(
            self.rep_c, 20_000, datetime(2026, 10, 10, 3, 0), self.team_dispute
        )
        self._won_on(self.rep_c, 5_000, datetime(2026, 10, 20, 3, 0), self.team_block)
        self._prepare("2026-11-05")
        first = date(2026, 10, 1)
        in_south = self._statement(self.rep_c, first, self.team_dispute)
        in_east = self._statement(self.rep_c, first, self.team_block)
        self.assertEqual(in_south.won_amount, 20_000)
        self.assertAlmostEqual(in_south.target_amount, 10_000 * 15 / 31, 2)
        self.assertEqual(in_east.won_amount, 5_000)
        self.assertAlmostEqual(in_east.target_amount, 10_000 * 16 / 31, 2)
        self.assertEqual(in_east.count_from, date(2026, 10, 16))

    def test_preparing_does_not_query_per_salesperson(self):
        """Three salespeople or eight: the same number of queries (a first
        team warms Odoo's caches)."""
        counts = []
        for size, team_name in ((2, "Warm"), (3, "Small"), (8, "Large")):
            reps = [
                self._salesperson(f"stm_inc_{team_name}_{i}", f"{team_name} {i}")
                for i in range(size)
            ]
            team = self.env["crm.team"].create(
                {
                    "name": team_name,
                    "user_id": self.manager.id,
                    "crm_team_member_ids": [
                        (0, 0, {"user_id": rep.id, "stm_revenue_target": 60_000})
                        for rep in reps
                    ],
                }
            )
            team.crm_team_member_ids.stm_joined_on = "2026-01-01"
            for rep in reps:
                self._won_on(rep, 3_000, datetime(2026, 10, 12, 3, 0), team)
            plan = self._plan(team)
            self.env.flush_all()
            self.env.invalidate_all()
            Statement = self.env["stm.incentive.statement"]
            with freeze_time("2026-11-05 02:00:00"):
                start = self.cr.sql_log_count
                Statement._stm_prepare(plan, date(2026, 10, 1), date(2026, 10, 31))
                self.env.flush_all()
                counts.append(self.cr.sql_log_count - start)
            self.assertEqual(len(plan.statement_ids), size)
            self.assertEqual(plan.statement_ids.mapped("won_amount"), [3_000] * size)
        self.assertEqual(counts[1], counts[2], counts)

    # ------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------

    def test_plans_refuse_what_cannot_be_paid(self):
        with (
            self.assertRaisesRegex(ValidationError, "already paid"),
            self.cr.savepoint(),
        ):
            self._plan(self.team_block, date_start="2026-06-01")
        # After the first plan ends, a new one may start.
        self.plan.date_end = "2026-12-31"
        self._plan(self.team_block, date_start="2027-01-01")
        bad_tiers = (
            [(0, 0, {"threshold_pct": 10, "rate_pct": 1})],
            [
                (0, 0, {"threshold_pct": 0, "rate_pct": 1}),
                (0, 0, {"threshold_pct": 0, "rate_pct": 2}),
            ],
        )
        for tiers in bad_tiers:
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self._plan(self.team_dispute, tier_ids=tiers)
        for values in (
            {"tier_ids": [(0, 0, {"threshold_pct": 0, "rate_pct": 120})]},
            {"bonus_pct": 150},
            {"bonus_amount": -5},
            {"allowance_ids": [(0, 0, {"name": "Phone", "amount": -1})]},
        ):
            with (
                self.assertRaises(IntegrityError),
                self.cr.savepoint(),
                mute_logger("odoo.sql_db"),
            ):
                self._plan(self.team_dispute, **values)
        with (
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
            mute_logger("odoo.sql_db"),
        ):
            self.team_block.crm_team_member_ids[:1].stm_revenue_target = -1
            self.env.flush_all()
