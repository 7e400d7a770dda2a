from datetime import date

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import UserError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAppraisalsBelongToTheTeam(StmCase):
    """Appraising is the team leader's, not any sales manager's of the
    company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_manager = cls._other_team_leader()

    def test_an_appraisal_is_the_team_leaders(self):
        appraisal = (
            self.env["stm.appraisal"]
            .with_user(self.manager)
            .create(
                {
                    "user_id": self.rep_a.id,
                    "team_id": self.team_block.id,
                    "period": "quarter",
                    "date_from": date(2026, 7, 1),
                }
            )
        )
        with self.assertRaises(UserError):
            appraisal.with_user(self.other_manager).action_fill_kpis()
        with self.assertRaises(UserError):
            appraisal.line_ids[:1].with_user(self.other_manager).score = 90
        with self.assertRaises(UserError):
            self.env["stm.appraisal"].with_user(self.other_manager).create(
                {
                    "user_id": self.rep_b.id,
                    "team_id": self.team_block.id,
                    "period": "quarter",
                    "date_from": date(2026, 7, 1),
                }
            )
        self.assertTrue(appraisal.with_user(self.manager).action_fill_kpis())
