from hypothesis import given

from odoo.tests import tagged

from .common import StmCase
from .hostile import DAY, MOMENT, NUMBER, SETTINGS, TEXT, HostileInput, explores


@tagged("post_install", "-at_install", "stm_slow")
class TestBadInput(HostileInput, StmCase):
    """Any text, huge or empty, dates at the ends of the calendar, negative
    or huge numbers, through the create and write of each model as a user
    would reach them: a clear error or a correct save, never a crash and
    never a half-saved record."""

    @explores
    @SETTINGS
    @given(name=TEXT, customer=TEXT, email=TEXT, phone=TEXT, revenue=NUMBER, day=DAY)
    def test_lead(self, name, customer, email, phone, revenue, day):
        values = {
            "name": name or "x",
            "partner_name": customer,
            "email_from": email,
            "phone": phone,
            "expected_revenue": revenue,
            "date_deadline": day,
            "user_id": self.rep_a.id,
            "team_id": self.team_block.id,
        }
        lead = self._attempt("crm.lead", create=values)
        if lead:
            self.assertEqual(lead.partner_name or "", customer)
            self._attempt("crm.lead", record=lead, write={"name": customer or "y"})

    @explores
    @SETTINGS
    @given(purpose=TEXT, result=TEXT, moment=MOMENT, duration=NUMBER)
    def test_visit(self, purpose, result, moment, duration):
        customer = self.env["res.partner"].create(
            {"name": "Visited", "is_company": True}
        )
        visit = self._attempt(
            "stm.visit",
            create={
                "user_id": self.rep_a.id,
                "partner_id": customer.id,
                "purpose": purpose or "p",
                "result": result,
                "date": moment,
                "duration": duration,
            },
        )
        if visit:
            self._attempt("stm.visit", record=visit, write={"state": "done"})

    @explores
    @SETTINGS
    @given(days=NUMBER, quota=NUMBER)
    def test_team_settings(self, days, quota):
        self._attempt(
            "crm.team",
            record=self.team_block,
            write={
                "stm_claim_protection_days": int(days),
                "stm_min_feedback_visits_30d": int(quota),
            },
        )

    @explores
    @SETTINGS
    @given(reason=TEXT)
    def test_lead_companions(self, reason):
        """A difficulty alarm, written by the salesperson."""
        lead = self._lead(self.rep_a, partner_name="Companion Co")
        self._attempt(
            "stm.difficulty.alarm",
            create={
                "lead_id": lead.id,
                "user_id": self.rep_a.id,
                "reason": reason or "r",
            },
            user=self.rep_a,
        )
