from datetime import date

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.tests.test_compliance import ComplianceCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestReportsInCompliance(ComplianceCase):
    """The daily check counts the reports owed to the team leader."""

    def test_late_forecast_fails_the_day(self):
        forecast = self.env["stm.forecast"].create(
            {"user_id": self.rep_a.id, "month": date(2026, 8, 1)}
        )
        snapshot = self._snapshot("2026-08-03")
        self.assertFalse(snapshot.reports_on_time, "due 31 July, still a draft")
        with freeze_time("2026-08-03"):
            forecast.with_user(self.rep_a).action_submit()
        snapshot = self._snapshot("2026-08-04")
        self.assertFalse(snapshot.reports_on_time, "handed in, but late")
        other = self.env["stm.forecast"].create(
            {"user_id": self.rep_b.id, "month": date(2026, 8, 1)}
        )
        with freeze_time("2026-07-30"):
            other.with_user(self.rep_b).action_submit()
        snapshot = self._snapshot("2026-08-04", self.rep_b)
        self.assertTrue(snapshot.reports_on_time)
