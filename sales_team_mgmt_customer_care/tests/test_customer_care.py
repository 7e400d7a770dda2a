from datetime import date, datetime

from freezegun import freeze_time
from hypothesis import given

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.addons.sales_team_mgmt.tests.hostile import (
    DAY,
    NUMBER,
    SETTINGS,
    TEXT,
    HostileInput,
    explores,
)
from odoo.exceptions import ValidationError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestCustomerCare(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.big = Partner.create({"name": "Huaxin Steel", "is_company": True})
        cls.small = Partner.create({"name": "Little Shop", "is_company": True})

    def _activities(self, partner, summary_part):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("summary", "ilike", summary_part),
            ]
        )

    def test_revisit_rhythm_follows_the_class_unless_typed(self):
        self.big.stm_customer_class_manual = "a"
        self.assertEqual(self.big.stm_revisit_interval_days, 7)
        self.small.stm_customer_class_manual = "c"
        self.assertEqual(self.small.stm_revisit_interval_days, 90)
        self.small.stm_revisit_interval_days = 14  # typed by hand, kept
        self.env["res.partner"]._cron_customer_classes()
        self.env["res.partner"]._cron_customer_care()
        self.assertEqual(self.small.stm_revisit_interval_days, 14)
        with self.assertRaises(ValidationError):
            self.small.stm_revisit_interval_days = -1

    def test_revisit_reminder_for_claim_owner_once(self):
        lead = self._lead(
            self.rep_a, partner_id=self.big.id, partner_name="Huaxin Steel"
        )
        visit = self.env["stm.visit"].create(
            {
                "lead_id": lead.id,
                "partner_id": self.big.id,
                "user_id": self.rep_a.id,
                "purpose": "Demo",
                "result": "Met the buyer",
                "date": datetime(2026, 11, 2, 2, 0),
            }
        )
        visit.write({"state": "done"})
        self.big.stm_customer_class_manual = "b"  # every 30 days
        Partner = self.env["res.partner"]
        with freeze_time("2026-11-20"):
            Partner._cron_customer_care()
        self.assertEqual(self.big.stm_last_visit_on, date(2026, 11, 2))
        self.assertEqual(self.big.stm_next_revisit_on, date(2026, 12, 2))
        self.assertFalse(self._activities(self.big, "Revisit"))
        for _run in range(2):
            with freeze_time("2026-12-01"):
                Partner._cron_customer_care()
        reminder = self._activities(self.big, "Revisit")
        self.assertEqual(len(reminder), 1, "created once")
        self.assertEqual(reminder.user_id, self.rep_a, "the claim owner")
        self.assertEqual(reminder.date_deadline, date(2026, 12, 2))

    def test_key_date_two_days_ahead_once_a_year(self):
        self.big.write({"stm_key_date": date(1998, 12, 5), "user_id": self.rep_b.id})
        Partner = self.env["res.partner"]
        with freeze_time("2026-12-02"):
            Partner._cron_customer_care()
        self.assertFalse(self._activities(self.big, "key date"))
        for _run in range(2):
            with freeze_time("2026-12-03"):
                Partner._cron_customer_care()
        greeting = self._activities(self.big, "key date")
        self.assertEqual(len(greeting), 1)
        self.assertEqual(
            greeting.user_id, self.rep_b, "no claim: the partner's salesperson"
        )
        self.assertEqual(greeting.date_deadline, date(2026, 12, 5))

    def test_29_february_is_greeted_in_common_years(self):
        self.small.write({"stm_key_date": date(2000, 2, 29), "user_id": self.rep_b.id})
        with freeze_time("2027-02-26"):
            self.env["res.partner"]._cron_customer_care()
        greeting = self._activities(self.small, "key date")
        self.assertEqual(greeting.date_deadline, date(2027, 2, 28))
        with freeze_time("2028-02-27"):
            self.env["res.partner"]._cron_customer_care()
        greeting = self._activities(self.small, "key date")
        self.assertEqual(greeting.mapped("date_deadline")[-1:], [date(2028, 2, 29)])

    def test_referral_tree_has_no_cycles(self):
        self.small.stm_referred_by_id = self.big
        self.assertEqual(self.big.stm_referral_ids, self.small)
        with self.assertRaises(ValidationError):
            self.big.stm_referred_by_id = self.small
        with self.assertRaises(ValidationError):
            self.big.stm_referred_by_id = self.big


@tagged("post_install", "-at_install", "stm_slow")
class TestCustomerCareBadInput(HostileInput, StmCase):
    """Any name, key dates at the ends of the calendar, any revisit rhythm:
    a clear error or a correct save, and the nightly job still runs."""

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
