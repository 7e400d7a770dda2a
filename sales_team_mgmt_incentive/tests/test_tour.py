"""The office screen in headless Chromium, with the honours this add-on
puts on it."""

from datetime import date, timedelta

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "stm_slow")
class TestOfficeScreenHonours(HttpCase):
    def test_last_months_honours_are_on_the_office_screen(self):
        admin = new_test_user(
            self.env,
            "stm_office_admin",
            groups="base.group_user,sales_team.group_sale_manager,"
            "sales_team_mgmt.group_stm_sales_admin",
        )
        rep = new_test_user(
            self.env,
            "stm_honoured_rep",
            groups="base.group_user,sales_team.group_sale_salesman",
            name="Honoured Rep",
        )
        team = self.env["crm.team"].create(
            {
                "name": "Honoured Team",
                "user_id": admin.id,
                "crm_team_member_ids": [(0, 0, {"user_id": rep.id})],
            }
        )
        last_day = date.today().replace(day=1) - timedelta(days=1)
        self.env["stm.honour"].create(
            {
                "title_id": self.env.ref(
                    "sales_team_mgmt_incentive.stm_honour_title_champion_month"
                ).id,
                "user_id": rep.id,
                "team_id": team.id,
                "company_id": self.env.company.id,
                "date_from": last_day.replace(day=1),
                "date_to": last_day,
            }
        )
        self.start_tour(
            "/odoo/action-sales_team_mgmt.crm_team_member_action_office_board",
            "stm_office_honours_tour",
            login="stm_office_admin",
        )
