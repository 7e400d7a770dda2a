import functools
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..compat import integrity_message
from .common import StmCase

# PostgreSQL cannot store NUL, nor UTF-8 encode a lone surrogate: Odoo's own
# fields refuse both everywhere, before our code runs.
ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
    max_size=200,
)
HOSTILE = st.sampled_from(
    [
        "",
        " ",
        "x" * 1_000_000,
        "'; DROP TABLE crm_lead; --",
        "<script>alert(1)</script>",
        "😀🚀👍🏽" * 50,
        "𠀀𪚥\u200b\u202e",
        "%(name)s %s {0}",
        "+86 abc-def ####",
    ]
)
TEXT = st.one_of(ANY_TEXT, HOSTILE)
DAY = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2028, 2, 29)]),
)
# Weeks start on a Monday near today: the form's own values, among the wild.
THIS_MONDAY = date.today() - timedelta(days=date.today().weekday())
WEEK = st.one_of(
    st.integers(-52, 52).map(lambda weeks: THIS_MONDAY + timedelta(weeks=weeks)),
    DAY,
)
MOMENT = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 30))
NUMBER = st.one_of(
    st.integers(min_value=-(2**31), max_value=2**31 - 1),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
EXPECTED = (ValidationError, UserError, AccessError)
# The same examples on every run: a failure found once is found again.
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def explores(test):
    """Runs a hypothesis test, then checks that every model it tried saved
    some of the examples: hostile input is refused, not all input (a test
    that only ever sees refusals would check nothing)."""

    @functools.wraps(test)
    def run(self):
        self._tried, self._saved = set(), set()
        test(self)
        never = sorted(self._tried - self._saved)
        self.assertFalse(never, f"no example was ever saved for {never}")

    return run


@tagged("post_install", "-at_install", "stm_slow")
class TestBadInput(StmCase):
    """Any text, huge or empty, dates at the ends of the calendar, negative
    or huge numbers, through the create and write of each model as a user
    would reach them: a clear error or a correct save, never a crash and
    never a half-saved record."""

    def _attempt(self, model, create=None, write=None, record=None, user=None):
        """Run a create or a write in a savepoint; the only failures allowed
        are the ones a user is shown, and they leave nothing behind."""
        Model = self.env[model].with_user(user) if user else self.env[model]
        before = self.env[model].with_context(active_test=False).search_count([])
        self._tried.add(model)
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                if create is not None:
                    saved = Model.create(create)
                else:
                    record.write(write)
                    saved = record
                self.env.flush_all()
            self._saved.add(model)
            return saved
        except IntegrityError as exc:
            # Only a constraint we declared, whose message the RPC layer
            # shows the user, may stop hostile input: never a bare database
            # error.
            self.env.invalidate_all()
            declared = (
                self.env["ir.model.constraint"]
                .sudo()
                .search(
                    [
                        ("name", "=", exc.diag.constraint_name),
                        ("model.model", "=", model),
                    ]
                )
            )
            self.assertTrue(declared.message, f"{exc.diag.constraint_name}: no message")
            self.assertIn(declared.message, integrity_message(self.env, model, exc))
            return None
        except EXPECTED:
            self.env.invalidate_all()
            after = self.env[model].with_context(active_test=False).search_count([])
            self.assertEqual(before, after, f"{model}: nothing half-saved")
            return None

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
    @given(name=TEXT, key_date=DAY, interval=NUMBER)
    def test_partner_care(self, name, key_date, interval):
        partner = self._attempt(
            "res.partner",
            create={"name": name or "n", "is_company": True, "stm_key_date": key_date},
            user=self.rep_a,
        )
        if partner:
            self._attempt(
                "res.partner",
                record=partner,
                write={"stm_revisit_interval_days": int(interval)},
            )
            self.env["res.partner"]._cron_customer_care()

    @explores
    @SETTINGS
    @given(description=TEXT, response=TEXT, day=DAY, sla=NUMBER)
    def test_complaint(self, description, response, day, sla):
        department = self.env["hr.department"].create({"name": "Finance"})
        self._attempt(
            "hr.department",
            record=department,
            write={"stm_complaint_sla_days": int(sla)},
        )
        complaint = self._attempt(
            "stm.complaint",
            create={
                "department_id": department.id,
                "description": description or "d",
                "date": day,
            },
        )
        if complaint:
            self._attempt(
                "stm.complaint", record=complaint, write={"response": response}
            )
            self.env["stm.complaint"]._cron_check_deadlines()

    @explores
    @SETTINGS
    @given(day=DAY, score=NUMBER, weight=NUMBER, target=NUMBER)
    def test_appraisal(self, day, score, weight, target):
        appraisal = self._attempt(
            "stm.appraisal",
            create={"user_id": self.rep_a.id, "period": "month", "date_from": day},
        )
        if appraisal:
            line = appraisal.line_ids[0]
            self._attempt("stm.appraisal.line", record=line, write={"score": score})
            self._attempt(
                "stm.appraisal.line",
                record=line,
                write={"weight": weight, "target": target},
            )
            self.team_block.crm_team_member_ids[:1].stm_revenue_target = abs(target)
            appraisal.action_fill_kpis()
            self.assertTrue(0 <= appraisal.total_score <= 100)

    @explores
    @SETTINGS
    @given(question=TEXT, problem=TEXT, subject=TEXT, body=TEXT)
    def test_knowledge_and_suggestions(self, question, problem, subject, body):
        self._attempt(
            "stm.knowledge", create={"name": question or "q", "problem": problem}
        )
        box = self._attempt(
            "stm.suggestion.box",
            create={"name": subject or "s", "body": body or "b", "anonymous": True},
        )
        if box:
            box.action_submit()

    @explores
    @SETTINGS
    @given(days=NUMBER, quota=NUMBER, bottom=NUMBER)
    def test_team_settings(self, days, quota, bottom):
        self._attempt(
            "crm.team",
            record=self.team_block,
            write={
                "stm_claim_protection_days": int(days),
                "stm_min_feedback_visits_30d": int(quota),
                "stm_bottom_rank_count": int(bottom),
            },
        )

    @explores
    @SETTINGS
    @given(reason=TEXT, summary=TEXT, notes=TEXT, day=DAY)
    def test_lead_companions(self, reason, summary, notes, day):
        """Alarm, progress entry and buying role, written by the salesperson."""
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
        self._attempt(
            "stm.progress.entry",
            create={"lead_id": lead.id, "summary": summary or "s", "date": day},
            user=self.rep_a,
        )
        contact = self.env["res.partner"].create({"name": "Mr Wu"})
        self._attempt(
            "stm.buying.role",
            create={
                "lead_id": lead.id,
                "partner_id": contact.id,
                "role": "decider",
                "notes": notes,
            },
            user=self.rep_a,
        )

    @explores
    @SETTINGS
    @given(
        description=TEXT, amount=NUMBER, day=DAY, week=WEEK, comment=TEXT, reason=TEXT
    )
    def test_reports_and_discipline(
        self, description, amount, day, week, comment, reason
    ):
        """Resource request and forecast lines, a manual discipline record."""
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
        self._attempt(
            "stm.discipline",
            create={
                "user_id": self.rep_b.id,
                "kind": "warning",
                "reason": reason or "r",
            },
            user=self.manager,
        )
