from datetime import date

from freezegun import freeze_time
from psycopg2.errors import CheckViolation

from odoo.addons.sales_team_mgmt.policy.power import ROLES
from odoo.addons.sales_team_mgmt.tests.test_compliance import ComplianceCase
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

COMPLETE = {
    "stm_background": "<p>New wing</p>",
    "stm_org_structure": "<p>IT under the vice-president</p>",
    "stm_entry_point": "<p>Paper records</p>",
    "stm_competitor_analysis": "<p>Two local vendors</p>",
}


@tagged("post_install", "-at_install")
class TestDossier(ComplianceCase):
    """A registered project's dossier: due months after registration,
    overdue the day after, complete with its four texts and a step."""

    def _registered(self, day, **values):
        with freeze_time(day):
            lead = self._lead(self.rep_a, partner_id=self.customer.id, **values)
            lead.with_user(self.rep_a).action_stm_register_project()
        return lead

    def _map_all_roles(self, lead):
        # With the role map add-on the dossier also waits for the seven roles
        # (the bridge's own tests show it incomplete without them).
        if "stm_buying_role_ids" in lead._fields:
            contacts = self.env["res.partner"].create(
                [
                    {"name": f"Contact {role}", "parent_id": self.customer.id}
                    for role in ROLES
                ]
            )
            lead.stm_buying_role_ids = [
                (0, 0, {"partner_id": contact.id, "role": role})
                for contact, role in zip(contacts, ROLES, strict=True)
            ]

    def test_due_overdue_then_complete(self):
        lead = self._registered("2026-01-15", name="HIS")
        self.assertEqual(lead.stm_dossier_deadline, date(2026, 4, 15))
        with freeze_time("2026-04-15"):
            lead.invalidate_recordset(["stm_dossier_state"])
            self.assertEqual(lead.stm_dossier_state, "incomplete", "due today")
        with freeze_time("2026-04-16"):
            lead.invalidate_recordset(["stm_dossier_state"])
            self.assertEqual(lead.stm_dossier_state, "overdue")
            Lead = self.env["crm.lead"]
            mine = [("id", "=", lead.id)]
            self.assertEqual(
                Lead.search([("stm_dossier_state", "=", "overdue"), *mine]), lead
            )
            self.assertFalse(
                Lead.search([("stm_dossier_state", "!=", "overdue"), *mine])
            )
            # Four texts without a step are not yet a dossier.
            lead.with_user(self.rep_a).write(COMPLETE)
            self._map_all_roles(lead)
            self.assertFalse(lead.stm_dossier_complete)
            form = Form(lead.with_user(self.rep_a))
            with form.stm_progress_ids.new() as step:
                step.summary = "Kick-off with the IT manager"
            form.save()
            self.assertTrue(lead.stm_dossier_complete)
            lead.invalidate_recordset(["stm_dossier_state"])
            self.assertEqual(lead.stm_dossier_state, "complete")
            self.assertEqual(
                Lead.search([("stm_dossier_state", "=", "complete"), *mine]), lead
            )

    def test_empty_markup_is_not_a_text(self):
        lead = self._registered("2026-01-15")
        lead.write({**COMPLETE, "stm_background": "<p><br></p>"})
        lead.stm_progress_ids = [(0, 0, {"summary": "Kick-off"})]
        self._map_all_roles(lead)
        self.assertFalse(lead.stm_dossier_complete)

    def test_the_team_sets_the_deadline(self):
        self.team_block.stm_dossier_deadline_months = 6
        lead = self._registered("2026-01-31", team_id=self.team_block.id)
        self.assertEqual(lead.stm_dossier_deadline, date(2026, 7, 31))
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation):
            with self.env.cr.savepoint():
                self.team_block.stm_dossier_deadline_months = 0
                self.team_block.flush_recordset()
        with self.assertRaises(ValidationError):
            self.team_block.stm_dossier_deadline_months = 200_000

    def test_an_overdue_dossier_fails_the_daily_check(self):
        lead = self._registered("2026-01-15", team_id=self.team_block.id)
        snapshot = self._snapshot("2026-04-16")
        self.assertEqual(snapshot.dossiers_overdue, 1)
        self.assertFalse(snapshot.passed)
        lead.write(COMPLETE)
        lead.stm_progress_ids = [(0, 0, {"summary": "Kick-off"})]
        self._map_all_roles(lead)
        self.assertEqual(self._snapshot("2026-04-17").dossiers_overdue, 0)

    def test_the_pdf_prints_the_dossier(self):
        lead = self._registered(
            "2026-01-15", stm_background="<p>State grid upgrade</p>"
        )
        lead.stm_progress_ids = [(0, 0, {"summary": "Met the chief engineer"})]
        html = self.env["ir.actions.report"]._render_qweb_html(
            "sales_team_mgmt_dossier.crm_lead_dossier_report", lead.ids
        )[0]
        self.assertIn(b"State grid upgrade", html)
        self.assertIn(b"Met the chief engineer", html)
        self.assertIn(b"04/15/2026", html, "the due date")
