from hypothesis import given
from hypothesis import strategies as st

from odoo.addons.sales_team_mgmt.policy.power import ROLES
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
class TestRoleMapBadInput(HostileInput, StmCase):
    """Any text and dates at the ends of the calendar through the
    salesperson's own role map, in every role, attitude and influence the
    form offers: a clear error or a correct save, never a crash (values the
    form does not offer are refused over RPC, see the hostile RPC test)."""

    @explores
    @SETTINGS
    @given(
        notes=TEXT,
        day=DAY,
        role=st.sampled_from(ROLES),
        attitude=st.sampled_from(["champion", "neutral", "opponent"]),
        influence=st.sampled_from(["low", "medium", "high"]),
    )
    def test_buying_role(self, notes, day, role, attitude, influence):
        lead = self._lead(self.rep_a, partner_name="Companion Co")
        contact = self.env["res.partner"].create({"name": "Mr Wu"})
        mapped = self._attempt(
            "stm.buying.role",
            create={
                "lead_id": lead.id,
                "partner_id": contact.id,
                "role": role,
                "attitude": attitude,
                "influence": influence,
                "notes": notes,
                "last_contact_on": day,
            },
            user=self.rep_a,
        )
        if mapped:
            self.assertEqual(mapped.notes or "", notes or "")
            self.assertEqual(lead.stm_buying_role_ids.mapped("role"), [role])
