"""Workflow fields of the reports owed to the manager change only through
their buttons, whoever writes them over RPC."""

from datetime import date, timedelta

from odoo import fields
from odoo.addons.sales_team_mgmt.tests.common import StmRpcCase, over_json2
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestReportWorkflowOverRpc(StmRpcCase):
    def test_reports_are_submitted_and_decided_by_buttons(self):
        forecast = self.rpc(
            self.rep_a,
            "stm.forecast",
            "create",
            {"month": fields.Date.to_string(date.today().replace(day=1))},
        )
        self.assertRefused(
            self.rep_a, "stm.forecast", "write", [forecast], {"state": "acknowledged"}
        )
        monday = date.today() - timedelta(days=date.today().weekday())
        request = self.rpc(
            self.rep_a,
            "stm.resource.request",
            "create",
            {"week_start": fields.Date.to_string(monday + timedelta(days=7))},
        )
        for values in ({"state": "approved"}, {"late": False}):
            self.assertRefused(
                self.rep_a, "stm.resource.request", "write", [request], values
            )


# The same, over Odoo 19's /json/2.
TestReportWorkflowOverJson2 = over_json2(TestReportWorkflowOverRpc)
