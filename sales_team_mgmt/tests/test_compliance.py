from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import StmCase


class ComplianceCase(StmCase):
    """The fixtures' East team on quotas, its people on Shanghai time, and a
    day's snapshot on demand (the appraisal add-on's escalation tests and the
    forecasts add-on's build on it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_block.write(
            {
                "stm_min_feedback_visits_30d": 3,
                "stm_min_registered_projects_year": 1,
                "stm_min_weekly_visits_per_customer": 2,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Upsilon Retail", "is_company": True}
        )
        for user in (cls.rep_a, cls.rep_b, cls.rep_c, cls.manager, cls.sales_admin):
            user.tz = "Asia/Shanghai"

    def _done_visits(self, user, when, count, partner=None, feedback=True):
        visits = self.env["stm.visit"].create(
            [
                {
                    "user_id": user.id,
                    "partner_id": (partner or self.customer).id,
                    "purpose": "Follow-up",
                    "result": "Fine" if feedback else False,
                    "date": when,
                }
                for __ in range(count)
            ]
        )
        visits.write({"state": "done"})
        return visits

    def _snapshot(self, day, user=None):
        with freeze_time(f"{day} 01:00:00"):
            self.env["stm.compliance"]._cron_snapshot()
        return self.env["stm.compliance"].search(
            [("user_id", "=", (user or self.rep_a).id), ("date", "=", day)]
        )


@tagged("post_install", "-at_install")
class TestCompliance(ComplianceCase):
    def test_feedback_visits_rolling_30_days(self):
        # Shanghai is UTC+8: 2026-03-01 20:00 UTC is 2 March locally.
        self._done_visits(self.rep_a, datetime(2026, 3, 1, 20, 0), 2)
        self._done_visits(self.rep_a, datetime(2026, 3, 1, 15, 0), 5)  # 1 March
        self._done_visits(self.rep_a, datetime(2026, 3, 20, 2, 0), 1, feedback=False)
        snapshot = self._snapshot("2026-03-31")
        self.assertEqual(snapshot.feedback_visits_30d, 2, "1 March is 30 days ago: out")
        self.assertEqual(snapshot.feedback_visits_target, 3)
        self.assertFalse(snapshot.passed)

    def test_weekly_visits_to_project_customers(self):
        with freeze_time("2026-11-02"):
            lead = self._lead(
                self.rep_a, partner_id=self.customer.id, name="Upsilon POS"
            )
            lead.action_stm_register_project()
        # Week of 16–22 November: one visit only.
        self._done_visits(self.rep_a, datetime(2026, 11, 17, 2, 0), 1)
        self._done_visits(self.rep_a, datetime(2026, 11, 23, 2, 0), 3)  # this week
        snapshot = self._snapshot("2026-11-23")
        self.assertEqual(snapshot.customers_below_weekly, 1)
        self._done_visits(self.rep_a, datetime(2026, 11, 22, 10, 0), 1)  # Sunday
        snapshot = self._snapshot("2026-11-23")
        self.assertEqual(snapshot.customers_below_weekly, 0)
        self.assertEqual(snapshot.registered_projects_12m, 1)

    def test_running_twice_changes_nothing(self):
        first = self._snapshot("2026-05-04")
        again = self._snapshot("2026-05-04")
        self.assertEqual(first, again)
        self.assertEqual(
            self.env["stm.compliance"].search_count(
                [("user_id", "=", self.rep_a.id), ("date", "=", "2026-05-04")]
            ),
            1,
        )

    def test_a_failing_streak_is_counted_from_its_first_day(self):
        start = date(2026, 1, 1)
        for offset in range(5):
            snapshot = self._snapshot((start + timedelta(days=offset)).isoformat())
        self.assertFalse(snapshot.passed)
        self.assertEqual(snapshot.failing_since, start)
        self.assertEqual(snapshot.failing_days, 5)

    def test_snapshot_queries_do_not_grow_with_salespeople(self):
        counts = []
        for extra, warm_day, day in (
            (0, "2026-07-02", "2026-07-03"),
            (4, "2026-07-04", "2026-07-05"),
        ):
            for i in range(extra):
                user = self._salesperson(f"stm_extra_{extra}_{i}", f"Extra {i}")
                user.tz = "Asia/Shanghai"
                self.team_block.crm_team_member_ids = [(0, 0, {"user_id": user.id})]
                self._done_visits(user, datetime(2026, 7, 1, 2, 0), 2)
            # A first run warms the caches that creating users cleared.
            self._snapshot(warm_day)
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            self._snapshot(day)
            counts.append(self.env.cr.sql_log_count - start)
        self.assertEqual(counts[0], counts[1], counts)
