from hypothesis import given
from hypothesis import strategies as st

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.addons.sales_team_mgmt.tests.hostile import (
    DAY,
    NUMBER,
    SETTINGS,
    TEXT,
    WEEK,
    HostileInput,
    explores,
)
from odoo.tests import tagged


@tagged("post_install", "-at_install", "stm_slow")
class TestReportsBadInput(HostileInput, StmCase):
    """Any text, dates at the ends of the calendar, negative or huge numbers
    through forecasts, resource requests, their lines and the team's forecast
    day: a clear error or a correct save, never a crash."""

    @explores
    @SETTINGS
    @given(description=TEXT, amount=NUMBER, day=DAY, week=WEEK, comment=TEXT)
    def test_reports(self, description, amount, day, week, comment):
        """Resource request and forecast lines."""
        request = self._attempt(
            "stm.resource.request",
            create={"user_id": self.rep_a.id, "week_start": week},
            user=self.rep_a,
        )
        if request:
            self._attempt(
                "stm.resource.request.line",
                create={
                    "request_id": request.id,
                    "description": description or "d",
                    "amount": amount,
                    "needed_on": day,
                },
                user=self.rep_a,
            )
        forecast = self._attempt(
            "stm.forecast",
            create={"user_id": self.rep_a.id, "month": day.replace(day=1)},
            user=self.rep_a,
        )
        if forecast:
            lead = self._lead(self.rep_a, partner_name="Forecast Co")
            self._attempt(
                "stm.forecast.line",
                create={
                    "forecast_id": forecast.id,
                    "lead_id": lead.id,
                    "expected_amount": amount,
                    "comment": comment,
                    "date_deadline": day,
                },
                user=self.rep_a,
            )

    @explores
    @SETTINGS
    # Days of a month and around it (1 to 28 save), and any number.
    @given(day=st.one_of(st.integers(-40, 40), NUMBER))
    def test_team_forecast_day(self, day):
        self._attempt(
            "crm.team", record=self.team_block, write={"stm_forecast_day": int(day)}
        )
