"""Hostile values over RPC into forecast and resource request lines: a save
or an error a person can read, never a server error, and a refused call
leaves nothing behind."""

from datetime import date, timedelta

from odoo.addons.sales_team_mgmt.tests.common import StmRpcCase, over_json2
from odoo.addons.sales_team_mgmt.tests.hostile import HostileRpc
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestReportsHostileInputOverRpc(HostileRpc, StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        lead = env["crm.lead"].create(
            {
                "name": "Hostile Forecast Ltd",
                "type": "opportunity",
                "user_id": cls.manager.id,
                "team_id": cls.team_block.id,
            }
        )
        monday = date.today() - timedelta(days=date.today().weekday())
        forecast = env["stm.forecast"].create(
            {"user_id": cls.manager.id, "month": date.today().replace(day=1)}
        )
        cls.request = env["stm.resource.request"].create(
            {"user_id": cls.manager.id, "week_start": monday}
        )
        # model: values of a valid create by the manager.
        cls.valid = {
            "stm.forecast.line": {"forecast_id": forecast.id, "lead_id": lead.id},
            "stm.resource.request.line": {
                "request_id": cls.request.id,
                "description": "Demo unit",
            },
        }

    def test_a_week_starts_on_monday(self):
        """A value that reached users as a server error before."""
        text = self._call(
            "stm.resource.request",
            "write",
            self.request.ids,
            {"week_start": str(self.request.week_start + timedelta(days=2))},
        )
        self.assertIn("Monday", text)


# The same, over Odoo 19's /json/2.
TestReportsHostileInputOverJson2 = over_json2(TestReportsHostileInputOverRpc)
