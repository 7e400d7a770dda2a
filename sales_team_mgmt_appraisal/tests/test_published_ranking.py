"""A team's appraisal ranking, published once its appraisals are done:
every member reads rank, name, total and grade, never the scores."""

from datetime import date

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import UserError
from odoo.tests import Form, tagged


@tagged("post_install", "-at_install")
class TestPublishedRanking(StmCase):
    def _done_appraisal(self, user, score):
        form = Form(self.env["stm.appraisal"].with_user(self.manager))
        form.user_id = user
        form.period = "month"
        form.date_from = date(2026, 10, 1)
        appraisal = form.save()
        appraisal.line_ids.sudo().write({"score": score, "source": "manual"})
        appraisal.sudo().write({"state": "interview"})
        appraisal.with_user(self.manager).action_done()
        return appraisal

    def test_the_team_reads_the_ranking_not_the_scores(self):
        first = self._done_appraisal(self.rep_a, 90)
        with self.assertRaisesRegex(UserError, "every appraisal"):
            # Li Na's appraisal of October is still a draft.
            draft = Form(self.env["stm.appraisal"].with_user(self.manager))
            draft.user_id = self.rep_b
            draft.period = "month"
            draft.date_from = date(2026, 10, 1)
            draft.save()
            first.with_user(self.manager).action_publish_ranking()
        self.env["stm.appraisal"].search(
            [("user_id", "=", self.rep_b.id), ("state", "=", "draft")]
        ).unlink()
        second = self._done_appraisal(self.rep_b, 70)
        with self.assertRaises(UserError):
            first.with_user(self.rep_a).action_publish_ranking()
        action = (first | second).with_user(self.manager).action_publish_ranking()
        # The publisher is shown what he published.
        self.assertEqual(action["res_model"], "stm.appraisal.publication")
        shown = self.env["stm.appraisal.publication"].search(action["domain"])
        self.assertEqual(shown.team_id, first.team_id)
        Publication = self.env["stm.appraisal.publication"]
        ranking = Publication.with_user(self.rep_b).search([])
        self.assertEqual(len(ranking), 1)
        self.assertEqual(
            [(line.rank, line.user_id) for line in ranking.line_ids],
            [(1, self.rep_a), (2, self.rep_b)],
        )
        self.assertEqual(
            sum(ranking.criteria_ids.mapped("weight")), 100, "the criteria are shown"
        )
        # Scores per criterion stay private.
        self.assertFalse(
            self.env["stm.appraisal.line"]
            .with_user(self.rep_b)
            .search([("appraisal_id", "=", first.id)])
        )
        # Another team does not see it; a team that keeps rankings private
        # does not publish.
        self.assertFalse(Publication.with_user(self.rep_c).search([]))
        self.team_block.stm_public_ranking = False
        self.assertFalse(Publication.with_user(self.rep_b).search([]))
        with self.assertRaisesRegex(UserError, "does not publish"):
            first.with_user(self.manager).action_publish_ranking()
