"""A failing quota streak raises a warning, then a review, once per streak;
the records are the person's, his managers' and HR's only."""

from datetime import date, timedelta

from odoo.addons.sales_team_mgmt.tests.test_compliance import ComplianceCase
from odoo.exceptions import AccessError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestEscalation(ComplianceCase):
    def test_thirty_days_failing_warns_ninety_reviews_once(self):
        start = date(2026, 1, 1)
        Discipline = self.env["stm.discipline"]
        for offset in range(0, 95):
            day = start + timedelta(days=offset)
            self._snapshot(day.isoformat())
            mine = Discipline.search([("user_id", "=", self.rep_a.id)])
            if offset == 28:
                self.assertFalse(mine, "29 days failing: nothing yet")
            if offset == 29:
                self.assertEqual(mine.mapped("kind"), ["warning"])
            if offset == 88:
                self.assertEqual(mine.mapped("kind"), ["warning"])
            if offset == 89:
                self.assertEqual(sorted(mine.mapped("kind")), ["review", "warning"])
        self._snapshot((start + timedelta(days=94)).isoformat())
        mine = Discipline.search([("user_id", "=", self.rep_a.id)])
        self.assertEqual(len(mine), 2, "one warning and one review per streak")
        snapshot = self._snapshot((start + timedelta(days=94)).isoformat())
        self.assertEqual(snapshot.failing_since, start)
        self.assertEqual(snapshot.failing_days, 95)

    def test_discipline_is_private(self):
        record = self.env["stm.discipline"].create(
            {"user_id": self.rep_a.id, "kind": "warning", "reason": "Late reports"}
        )
        self.assertTrue(record.with_user(self.rep_a).read(["reason"]))
        self.assertTrue(record.with_user(self.manager).read(["reason"]))
        for outsider in (self.rep_b, self.sales_admin):
            with self.assertRaises(AccessError):
                record.with_user(outsider).read(["reason"])
