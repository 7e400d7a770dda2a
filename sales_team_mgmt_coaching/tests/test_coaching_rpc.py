"""Colleagues' ratings and coaching plans over XML-RPC (and Odoo 19's
/json/2): a rating freezes when its window closes, deleting included; bad
values are refused in words."""

from datetime import timedelta

from odoo import fields
from odoo.addons.sales_team_mgmt.tests.common import StmRpcCase, over_json2
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestRatingsOverRpc(StmRpcCase):
    def test_a_rating_stays_once_its_window_closed(self):
        long_ago = fields.Date.today() - timedelta(days=200)
        review = (
            self.env["stm.peer.review"]
            .sudo()
            .create(
                {
                    "team_id": self.team_block.id,
                    "period": "month",
                    "date_from": long_ago.replace(day=1),
                    "rater_id": self.rep_a.id,
                    "ratee_id": self.rep_b.id,
                    "score": 2,
                }
            )
        )
        self.assertRefused(
            self.rep_a, "stm.peer.review", "write", [review.id], {"score": 5}
        )
        self.assertRefused(
            self.rep_a,
            "stm.peer.review",
            "unlink",
            [review.id],
            match="can no longer be deleted",
        )
        self.assertTrue(review.exists())
        self.assertEqual(review.score, 2)

    def test_bad_values_are_refused_clearly(self):
        for values in ({"date_from": "2026-13-45"}, {"score": "five"}):
            self.assertRefused(self.rep_a, "stm.peer.review", "create", values)


# The same, over Odoo 19's /json/2.
TestRatingsOverJson2 = over_json2(TestRatingsOverRpc)
