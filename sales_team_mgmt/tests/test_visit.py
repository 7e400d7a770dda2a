from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestVisit(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Omega Machinery Co., Ltd.", "is_company": True}
        )
        cls.buyer = cls.env["res.partner"].create(
            {"name": "Mr Ou", "parent_id": cls.customer.id}
        )

    def _visit(self, user=None, **values):
        values.setdefault("partner_id", self.customer.id)
        values.setdefault("purpose", "Needs analysis")
        return (
            self.env["stm.visit"]
            .with_user(user or self.rep_a)
            .create(values)
            .with_env(self.env)
        )

    def test_created_line_reads_in_the_users_language(self):
        """A record made where no language is set (a job, a script) is logged
        in its author's language, the model's name included."""
        self.rep_a.lang = "zh_CN"
        Visit = self.env["stm.visit"].with_user(self.rep_a)
        # (This test class turns mail tracking off; a job has it on.)
        Visit = Visit.with_context(tracking_disable=False)
        self.assertFalse(Visit.env.context.get("lang"))
        visit = Visit.create(
            {"partner_id": self.customer.id, "purpose": "Needs analysis"}
        )
        created = visit.message_ids.filtered(lambda m: "拜访" in str(m.body))
        self.assertTrue(created, visit.message_ids.mapped("body"))
        self.assertNotIn("Customer Visit", str(created.mapped("body")))

    def test_log_visit_from_the_lead_form(self):
        lead = self._lead(self.rep_a, partner_id=self.buyer.id, name="Omega line")
        action = lead.with_user(self.rep_a).action_stm_log_visit()
        with Form(
            self.env["stm.visit"]
            .with_user(self.rep_a)
            .with_context(**action["context"])
        ) as form:
            self.assertEqual(form.partner_id, self.customer)
            self.assertEqual(form.lead_id, lead)
            form.purpose = "Demo of the MES"
            form.result = "They want a pilot in May"
        visit = form.record
        self.assertIn(self.buyer, visit.contact_ids)
        visit.with_user(self.rep_a).action_done()
        self.assertEqual(visit.state, "done")
        self.assertEqual(lead.stm_visit_count, 1)
        self.assertEqual(self.customer.stm_visit_count, 1)

    def test_log_visit_from_a_contact(self):
        action = self.buyer.with_user(self.rep_a).action_stm_log_visit()
        self.assertEqual(action["context"]["default_partner_id"], self.customer.id)
        self.assertEqual(
            action["context"]["default_contact_ids"], [(6, 0, self.buyer.ids)]
        )

    def test_person_is_replaced_by_their_company(self):
        visit = self._visit(partner_id=self.buyer.id)
        self.assertEqual(visit.partner_id, self.customer)
        self.assertEqual(visit.contact_ids, self.buyer)

    def test_done_needs_feedback(self):
        visit = self._visit()
        with self.assertRaisesRegex(UserError, "feedback"):
            visit.with_user(self.rep_a).action_done()
        visit.with_user(self.rep_a).result = "   "
        with self.assertRaisesRegex(UserError, "feedback"):
            visit.with_user(self.rep_a).action_done()

    @freeze_time("2026-06-10 06:00:00")
    def test_no_future_and_no_old_done_visits(self):
        future = self._visit(date=datetime(2026, 6, 11, 9), result="n/a")
        with self.assertRaisesRegex(UserError, "future"):
            future.with_user(self.rep_a).action_done()
        old = self._visit(date=datetime(2026, 6, 7, 9), result="They said yes")
        with self.assertRaisesRegex(UserError, "3 days old"):
            old.with_user(self.rep_a).action_done()
        recent = self._visit(date=datetime(2026, 6, 8, 9), result="They said yes")
        recent.with_user(self.rep_a).action_done()
        self.assertEqual(recent.state, "done")

    def test_done_visits_are_read_only_for_salespeople(self):
        visit = self._visit(result="Budget approved")
        visit.with_user(self.rep_a).action_done()
        with self.assertRaises(UserError):
            visit.with_user(self.rep_a).write({"result": "Budget doubled"})
        with self.assertRaises(UserError):
            visit.with_user(self.rep_a).action_cancel()
        with self.assertRaises(UserError):
            visit.with_user(self.rep_a).unlink()
        visit.with_user(self.manager).write({"result": "Budget approved (corrected)"})

    def test_salesperson_cannot_self_close_by_write(self):
        visit = self._visit(result="ok")
        with self.assertRaises(UserError):
            visit.with_user(self.rep_a).write({"state": "done"})

    def test_visits_are_private(self):
        visit = self._visit()
        with self.assertRaises(AccessError):
            visit.with_user(self.rep_b).read(["purpose"])
        self.assertTrue(visit.with_user(self.sales_admin).read(["purpose"]))

    def test_bad_input_is_refused_cleanly(self):
        count = self.env["stm.visit"].search_count([])
        with self.assertRaisesRegex(UserError, "at most"):
            self._visit(purpose="x" * 1_000_000)
        with self.assertRaises(ValidationError):
            self._visit(purpose="   ")
        with self.assertRaises(ValidationError):
            self._visit(date=datetime(1900, 1, 1))
        with self.assertRaises(ValidationError):
            self._visit(date=datetime(2999, 1, 1))
        self.assertEqual(self.env["stm.visit"].search_count([]), count)

    def test_done_visit_keeps_the_claim(self):
        with freeze_time("2026-01-01"):
            lead = self._lead(self.rep_a, partner_name="Sigma Foods", name="Sigma")
        claim = lead.stm_claim_id
        with freeze_time("2026-01-25 03:00:00"):
            visit = self._visit(
                partner_id=self.customer.id, lead_id=lead.id, result="Going well"
            )
            visit.with_user(self.rep_a).action_done()
        self.assertEqual(claim.last_followup_on, date(2026, 1, 25))
        self.assertEqual(claim.protected_until, date(2026, 2, 24))

    def test_register_project(self):
        with freeze_time("2026-01-15"):
            lead = self._lead(self.rep_a, partner_name="Tau Hospital", name="HIS")
            lead.with_user(self.rep_a).action_stm_register_project()
            self.assertEqual(lead.stm_registered_on, date(2026, 1, 15))
            with self.assertRaises(UserError):
                lead.with_user(self.rep_a).action_stm_register_project()
        registered = self.env["stm.figures"]._stm_registered_projects(
            self.rep_a, self.env.company, date(2026, 1, 1), date(2026, 1, 31)
        )
        self.assertEqual(registered.get(self.rep_a), 1, "counted for the quota")
