from hypothesis import given

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.addons.sales_team_mgmt.tests.hostile import (
    DAY,
    SETTINGS,
    TEXT,
    HostileInput,
    explores,
)
from odoo.tests import tagged


@tagged("post_install", "-at_install", "stm_slow")
class TestDossierBadInput(HostileInput, StmCase):
    """Any text and dates at the ends of the calendar in the salesperson's
    own dossier: a clear error or a correct save, never a crash."""

    @explores
    @SETTINGS
    @given(summary=TEXT, next_step=TEXT, day=DAY, next_day=DAY, background=TEXT)
    def test_progress_and_texts(self, summary, next_step, day, next_day, background):
        lead = self._lead(self.rep_a, partner_name="Companion Co")
        entry = self._attempt(
            "stm.progress.entry",
            create={
                "lead_id": lead.id,
                "summary": summary or "s",
                "next_step": next_step,
                "date": day,
                "next_date": next_day,
            },
            user=self.rep_a,
        )
        if entry:
            self.assertEqual(entry.summary, summary or "s")
            self.assertEqual(lead.stm_progress_ids, entry)
        self._attempt(
            "crm.lead",
            record=lead,
            write={"stm_background": background},
            user=self.rep_a,
        )
