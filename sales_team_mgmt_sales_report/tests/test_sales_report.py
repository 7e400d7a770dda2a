"""Sales reports: the figures equal the board's and the statements', the
job prepares and sends each period once, a sent report never changes."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

# 2026-11-20, 16:00 in Shanghai.
NOW = "2026-11-20 08:00:00"


@tagged("post_install", "-at_install")
class TestSalesReport(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        members = cls.team_block.crm_team_member_ids
        cls.member_a = members.filtered(lambda m: m.user_id == cls.rep_a)
        cls.member_b = members.filtered(lambda m: m.user_id == cls.rep_b)
        # ¥100,000 a month each.
        members.stm_revenue_target = 1_200_000
        (cls.rep_a | cls.rep_b | cls.rep_c).tz = "Asia/Shanghai"

    def _won(self, user, revenue, customer, **values):
        if "partner_id" not in values:
            values["partner_id"] = self._customer(customer).id
        lead = self._lead(user, expected_revenue=revenue, **values)
        lead.sudo().stage_id = self.won_stage
        return lead

    def _customer(self, name):
        return self.env["res.partner"].create({"name": name, "is_company": True})

    def _lost(self, user, revenue, customer):
        lead = self._lead(
            user, partner_id=self._customer(customer).id, expected_revenue=revenue
        )
        lead.sudo().action_set_lost()
        return lead

    def _visit(self, user, day, result=""):
        partner = self.env["res.partner"].create({"name": f"Visited {day}"})
        visit = self.env["stm.visit"].create(
            {
                "user_id": user.id,
                "partner_id": partner.id,
                "purpose": "Demo",
                "result": result,
                "date": day,
            }
        )
        visit.state = "done"
        return visit

    def _report(self, team, period="month", day="2026-11-07", user=None):
        return (
            self.env["stm.sales.report"]
            .with_user(user or self.sales_admin)
            .create({"team_id": team.id, "period": period, "date_from": day})
        )

    @freeze_time(NOW)
    def test_a_line_says_what_the_board_says(self):
        self._won(self.rep_a, 60_000, "Alpha Cranes")
        self._won(self.rep_b, 30_000, "Beta Motors")
        self._won(self.rep_b, 30_000, "Gamma Steel")
        self._lost(self.rep_b, 10_000, "Delta Foods")
        self._visit(self.rep_a, datetime(2026, 11, 18, 2, 0), result="Liked it")
        self._visit(self.rep_a, datetime(2026, 11, 19, 2, 0))
        # Last month's visit is not this month's.
        self._visit(self.rep_a, datetime(2026, 10, 30, 2, 0), result="Old")
        report = self._report(self.team_block)
        self.assertEqual(
            (report.date_from, report.date_to),
            (date(2026, 11, 1), date(2026, 11, 30)),
            "any day given means its whole month",
        )
        lines = {line.user_id: line for line in report.line_ids}
        self.assertEqual(set(lines), {self.rep_a, self.rep_b})
        cards = self.team_block.crm_team_member_ids.with_user(self.manager)
        for card in cards:
            line = lines[card.user_id]
            with self.subTest(salesperson=card.user_id.name):
                self.assertEqual(line.won_amount, card.stm_board_won_month)
                self.assertEqual(line.target_amount, card.stm_board_target_month)
                self.assertEqual(line.attainment_pct, card.stm_board_pct_month)
                self.assertEqual(line.rank, card.stm_board_rank)
        line_a, line_b = lines[self.rep_a], lines[self.rep_b]
        self.assertEqual(
            (line_a.won_amount, line_a.target_amount, line_a.attainment_pct),
            (60_000, 100_000, 60.0),
        )
        self.assertEqual((line_a.visit_count, line_a.feedback_visit_count), (2, 1))
        self.assertEqual((line_b.won_count, line_b.lost_count), (2, 1))
        self.assertEqual(line_b.win_rate, 66.7)
        self.assertEqual(line_b.lost_amount, 10_000)
        self.assertEqual(line_b.new_customer_count, 2)
        self.assertEqual(
            (line_a.rank, line_b.rank), (1, 1), "equal revenue, equal place"
        )
        self.assertEqual(
            (report.won_amount, report.target_amount, report.attainment_pct),
            (120_000, 200_000, 60.0),
        )
        self.assertEqual((report.won_count, report.lost_count), (3, 1))
        self.assertEqual(report.win_rate, 75.0, "the team's rate, not an average")

    @freeze_time(NOW)
    def test_the_report_counts_what_the_figures_count(self):
        """The report's revenue and target are the one definition's (which the
        appraisal and the incentive statement share), in the salesperson's
        time zone."""
        with freeze_time("2026-10-15 08:00:00"):
            self._won(self.rep_a, 45_000, "Alpha Cranes")
        # Won on 31 October at 23:30 in Shanghai: October's.
        with freeze_time("2026-10-31 15:30:00"):
            self._won(self.rep_a, 5_000, "Late Co")
        self._won(self.rep_a, 70_000, "Not October Co")
        october = (date(2026, 10, 1), date(2026, 10, 31))
        won = self.env["stm.figures"]._stm_won_revenue(
            self.rep_a, self.env.company, *october
        )
        membership = self.team_block.crm_team_member_ids.filtered(
            lambda member: member.user_id == self.rep_a
        )
        report = self._report(self.team_block, day="2026-10-01")
        line = report.line_ids.filtered(lambda line: line.user_id == self.rep_a)
        self.assertEqual((line.won_amount, line.target_amount), (50_000, 100_000))
        self.assertEqual(
            (line.won_amount, line.target_amount),
            (won[self.rep_a], membership._stm_range_target(*october)),
        )

    @freeze_time(NOW)
    def test_a_customer_is_new_once(self):
        with freeze_time("2026-10-10 08:00:00"):
            old = self._won(self.rep_a, 10_000, "Known Co")
        # Won again this month: not a new customer.
        self._won(self.rep_a, 20_000, "Known Again", partner_id=old.partner_id.id)
        first = self._won(self.rep_a, 30_000, "First Co")
        # A second deal of the same new customer counts once.
        self._won(self.rep_a, 5_000, "First Again", partner_id=first.partner_id.id)
        lines = {line.user_id: line for line in self._report(self.team_block).line_ids}
        self.assertEqual(lines[self.rep_a].won_count, 3)
        self.assertEqual(lines[self.rep_a].new_customer_count, 1)

    @freeze_time("2026-12-01 02:00:00")
    def test_the_job_prepares_and_sends_each_period_once(self):
        with freeze_time("2026-11-12 08:00:00"):
            self._won(self.rep_c, 80_000, "South Co", team=self.team_dispute)
        Report = self.env["stm.sales.report"]
        Report._cron_prepare()
        ours = Report.search(
            [("team_id", "in", (self.team_block | self.team_dispute).ids)]
        )
        self.assertEqual(
            sorted({(r.period, r.date_from) for r in ours}),
            [
                ("month", date(2026, 11, 1)),
                ("quarter", date(2026, 7, 1)),
                ("year", date(2025, 1, 1)),
            ],
        )
        self.assertEqual(len(ours), 6, "one per team and period")
        self.assertEqual(set(ours.mapped("state")), {"sent"})
        south = ours.filtered(
            lambda r: r.team_id == self.team_dispute and r.period == "month"
        )
        self.assertEqual(south.won_amount, 80_000)
        message = south.message_ids.filtered(lambda m: m.attachment_ids)
        self.assertEqual(len(message), 1)
        self.assertIn(self.manager.partner_id, message.partner_ids)
        self.assertIn(self.sales_admin.partner_id, message.partner_ids)
        self.assertNotIn(self.rep_c.partner_id, message.partner_ids)
        # (Rendered as HTML in tests: Odoo's test mode prints no PDF.)
        self.assertEqual(
            message.attachment_ids.name.rsplit(".", 1)[0],
            south.with_context(lang="en_US").name,
        )
        Report._cron_prepare()
        self.assertEqual(
            Report.search_count(
                [("team_id", "in", (self.team_block | self.team_dispute).ids)]
            ),
            6,
            "a second run prepares nothing twice",
        )

    @freeze_time(NOW)
    def test_a_sent_report_never_changes(self):
        report = self._report(self.team_block)
        report.action_send()
        self.assertEqual(report.state, "sent")
        self._won(self.rep_a, 60_000, "Late Deal")
        with self.assertRaises(UserError):
            report.action_recount()
        with self.assertRaises(UserError):
            report.write({"period": "year"})
        with self.assertRaises(UserError):
            report.unlink()
        self.assertEqual(report.won_amount, 0)
        # A draft recounts, and is deleted by whoever prepared it.
        draft = self._report(self.team_block, day="2026-11-01", period="quarter")
        self._won(self.rep_b, 10_000, "Quarter Co")
        draft.action_recount()
        self.assertEqual(draft.won_amount, 70_000)
        draft.unlink()

    @freeze_time(NOW)
    def test_a_salesperson_prepares_nothing(self):
        with self.assertRaises(AccessError):
            self._report(self.team_block, user=self.rep_a)
        report = self._report(self.team_block)
        with self.assertRaises(AccessError):
            report.with_user(self.rep_a).action_send()

    @freeze_time(NOW)
    def test_counting_does_not_grow_with_salespeople(self):
        self._won(self.rep_a, 5_000, "Counted Co")
        report = self._report(self.team_block)
        counts = []
        for extra in (0, 6):
            for index in range(extra):
                user = self._salesperson(f"stm_report_rep_{index}", f"Rep {index}")
                user.tz = "Asia/Shanghai"
                self.team_block.crm_team_member_ids = [(0, 0, {"user_id": user.id})]
                self._won(user, 1_000 * (index + 1), f"Many Co {index}")
            report.sudo()._stm_fill()  # warm the caches the new users emptied
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            report.sudo()._stm_fill()
            counts.append(self.env.cr.sql_log_count - start)
        self.assertEqual(len(report.line_ids), 8)
        self.assertEqual(counts[0], counts[1], counts)
