from datetime import date

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import UserError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestForecastsBelongToTheTeam(StmCase):
    """Preparing and acknowledging a salesperson's forecast is his team
    leader's, not any sales manager's of the company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_manager = cls._other_team_leader()

    def test_forecasts_are_the_leaders(self):
        forecast = (
            self.env["stm.forecast"]
            .with_user(self.rep_a)
            .create({"month": date(2026, 12, 1)})
        )
        with self.assertRaises(UserError):
            forecast.with_user(self.other_manager).action_prepare()
        forecast.action_submit()
        with self.assertRaises(UserError):
            forecast.with_user(self.other_manager).action_acknowledge()
        self.assertTrue(forecast.with_user(self.manager).action_acknowledge())
