from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestClaimDispute(StmCase):
    def setUp(self):
        super().setUp()
        self.first = self._lead(
            self.rep_a,
            name="Pearl cold chain",
            partner_name="广州翡翠河食品集团有限公司",
            email_from="huang@jaderiverfoods.cn",
        )
        self.second = self._lead(
            self.rep_c,
            team=self.team_dispute,
            name="Pearl River tracking",
            partner_name="Jade River Foods Group",
            email_from="alice@jaderiverfoods.cn",
        )
        self.dispute = self.env["stm.claim.dispute"].search(
            [("rival_claim_id", "=", self.second.stm_claim_id.id)]
        )

    def test_dispute_mode_saves_the_lead_flagged(self):
        self.assertEqual(self.second.stm_claim_state, "disputed")
        self.assertEqual(self.first.stm_claim_state, "disputed")
        self.assertEqual(len(self.dispute), 1)
        self.assertEqual(self.dispute.claim_id, self.first.stm_claim_id)
        self.assertEqual(self.dispute.manager_id, self.manager)
        self.assertTrue(
            self.dispute.activity_ids.filtered(lambda a: a.user_id == self.manager),
            "the manager gets an activity",
        )

    def test_suggested_owner_is_the_earliest_without_a_role_map(self):
        # The role map add-on weighs the mapped roles first.
        self.assertEqual(self.dispute.suggested_user_id, self.rep_a)

    def test_resolution_moves_everything_to_the_winner(self):
        with self.assertRaises(UserError):
            self.dispute.with_user(self.rep_c).sudo(False).action_resolve()
        self.dispute.with_user(self.manager).write({"winner_user_id": self.rep_c.id})
        self.dispute.with_user(self.manager).action_resolve()
        self.assertEqual(self.dispute.state, "resolved")
        self.assertEqual(self.first.user_id, self.rep_c)
        self.assertEqual(self.first.stm_claim_id, self.second.stm_claim_id)
        self.assertEqual(self.first.stm_claim_state, "claimed")
        winner_claim = self.second.stm_claim_id
        self.assertIn(
            "huang@jaderiverfoods.cn", winner_claim.sudo().key_ids.mapped("key_value")
        )
        loser = self.dispute.claim_id
        self.assertEqual(loser.state, "released")
        for record in (winner_claim, loser):
            bodies = " ".join(record.message_ids.mapped("body"))
            self.assertIn("settled", bodies)

    def test_default_winner_is_the_suggestion(self):
        self.dispute.with_user(self.manager).action_resolve()
        self.assertEqual(self.dispute.winner_user_id, self.rep_a)
        self.assertEqual(self.second.user_id, self.rep_a)

    def test_salesperson_sees_only_own_disputes(self):
        Dispute = self.env["stm.claim.dispute"]
        self.assertEqual(Dispute.with_user(self.rep_c).search([]), self.dispute)
        self.assertFalse(Dispute.with_user(self.rep_b).search([]))
        with self.assertRaises(AccessError):
            self.dispute.with_user(self.rep_b).read(["name"])
