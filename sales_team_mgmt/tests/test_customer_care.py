from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestCustomerCare(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.env.company.write(
            {
                "stm_class_a_revenue": 500000,
                "stm_class_a_orders": 5,
                "stm_class_b_revenue": 50000,
                "stm_class_b_orders": 2,
            }
        )
        Partner = cls.env["res.partner"]
        cls.big = Partner.create({"name": "Huaxin Steel", "is_company": True})
        cls.small = Partner.create({"name": "Little Shop", "is_company": True})
        cls.contact = Partner.create({"name": "Mr Gao", "parent_id": cls.big.id})

    def _won(self, partner, revenue):
        lead = self._lead(self.rep_a, partner_id=partner.id, expected_revenue=revenue)
        lead.sudo().stage_id = self.won_stage
        return lead

    def _activities(self, partner, summary_part):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("summary", "ilike", summary_part),
            ]
        )

    def test_class_suggested_from_won_deals_and_overridable(self):
        self._won(self.contact, 600000)  # a contact's deal counts for its company
        self._won(self.small, 10000)
        self.env["res.partner"]._cron_customer_care()
        self.assertEqual(self.big.stm_customer_class, "a")
        self.assertEqual(self.big.stm_revisit_interval_days, 7)
        self.assertEqual(self.small.stm_customer_class, "c")
        self.assertEqual(self.small.stm_revisit_interval_days, 90)
        self._won(self.small, 10000)
        self.env["res.partner"]._cron_customer_care()
        self.assertEqual(self.small.stm_customer_class, "b", "two won deals")
        self.small.stm_customer_class_manual = "a"
        self.assertEqual(self.small.stm_customer_class, "a")
        self.assertEqual(self.small.stm_customer_class_suggested, "b")
        self.small.stm_revisit_interval_days = 14  # typed by hand, kept
        self.env["res.partner"]._cron_customer_care()
        self.assertEqual(self.small.stm_revisit_interval_days, 14)

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
