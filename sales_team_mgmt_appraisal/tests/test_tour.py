from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "stm_slow")
class TestLeaderAppraisesOnADesktop(HttpCase):
    browser_size = "1366x768"

    def test_fill_an_appraisal_from_the_records(self):
        leader = new_test_user(
            self.env,
            "stm_appraisal_leader",
            groups="base.group_user,sales_team.group_sale_manager",
            name="Appraising Leader",
        )
        rep = new_test_user(
            self.env,
            "stm_appraised_rep",
            groups="base.group_user,sales_team.group_sale_salesman",
            name="Appraised Rep",
        )
        team = self.env["crm.team"].create(
            {
                "name": "Appraised Team",
                "user_id": leader.id,
                "crm_team_member_ids": [(0, 0, {"user_id": rep.id})],
            }
        )
        appraisal = (
            self.env["stm.appraisal"]
            .with_user(leader)
            .create(
                {
                    "user_id": rep.id,
                    "team_id": team.id,
                    "period": "quarter",
                    "date_from": date(2026, 7, 1),
                }
            )
        )
        self.start_tour(
            f"/odoo/stm.appraisal/{appraisal.id}",
            "stm_manager_appraisal_tour",
            login="stm_appraisal_leader",
        )
        self.assertTrue(appraisal.kpis_filled_on)
