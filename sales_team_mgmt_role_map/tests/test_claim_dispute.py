from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestDisputeWeighsTheRoleMap(StmCase):
    """Two salespeople registered one customer: the one whose mapped people
    carry more decision power is suggested, the earliest on a tie."""

    def setUp(self):
        super().setUp()
        self.first = self._lead(
            self.rep_a,
            name="Pearl cold chain",
            partner_name="广州翡翠河食品集团有限公司",
        )
        self.second = self._lead(
            self.rep_c,
            team=self.team_dispute,
            name="Pearl River tracking",
            partner_name="广州翡翠河食品集团有限公司",
        )
        self.dispute = self.env["stm.claim.dispute"].search(
            [("rival_claim_id", "=", self.second.stm_claim_id.id)]
        )
        self.assertEqual(len(self.dispute), 1, "the fixture raises a dispute")

    def test_decision_power_then_earliest(self):
        self.assertEqual(self.dispute.suggested_user_id, self.rep_a, "tie: earliest")
        boss = self.env["res.partner"].create({"name": "王总"})
        clerk = self.env["res.partner"].create({"name": "小李"})
        self.env["stm.buying.role"].create(
            [
                {"lead_id": self.second.id, "partner_id": boss.id, "role": "decider"},
                {"lead_id": self.first.id, "partner_id": clerk.id, "role": "user"},
                {"lead_id": self.first.id, "partner_id": clerk.id, "role": "initiator"},
            ]
        )
        self.assertEqual(self.dispute.suggested_user_id, self.rep_c)
        # The manager settles on the suggestion unless he picks someone else.
        self.dispute.with_user(self.manager).action_resolve()
        self.assertEqual(self.first.user_id, self.rep_c)
