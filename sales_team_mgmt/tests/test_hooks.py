from odoo.tests import tagged

from ..hooks import post_init_hook
from .common import StmCase


@tagged("post_install", "-at_install")
class TestBackfill(StmCase):
    def test_existing_leads_get_claims_and_conflicts_become_disputes(self):
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": "Old A",
                    "partner_name": "Legacy Widgets Ltd",
                    "user_id": self.rep_a.id,
                    "team_id": self.team_block.id,
                },
                {
                    "name": "Old B",
                    "partner_name": "LEGACY WIDGETS",
                    "user_id": self.rep_a.id,
                    "team_id": self.team_block.id,
                },
            ]
        )
        rival = self.env["crm.lead"].create(
            {
                "name": "Old C",
                "partner_name": "Other Name",
                "user_id": self.rep_b.id,
                "team_id": self.team_block.id,
            }
        )
        # Pretend the module was installed after these leads existed, and
        # that rep B's lead was about the same company all along.
        (leads | rival).stm_claim_id.sudo().unlink()
        self.env.cr.execute(
            "UPDATE crm_lead SET partner_name = 'Legacy Widgets Co.' WHERE id = %s",
            [rival.id],
        )
        self.env.invalidate_all()
        self.assertFalse((leads | rival).stm_claim_id)

        post_init_hook(self.env)

        self.assertEqual(len(leads.stm_claim_id), 1)
        self.assertEqual(leads.stm_claim_id.user_id, self.rep_a)
        self.assertEqual(rival.stm_claim_state, "disputed")
        dispute = self.env["stm.claim.dispute"].search(
            [("rival_claim_id", "=", rival.stm_claim_id.id)]
        )
        self.assertEqual(dispute.claim_id, leads.stm_claim_id)
