"""Journeys of the browser findings, in headless Chromium: a salesperson on
a phone-sized screen, the manager on a desktop (a support department
answering is in the complaints add-on). Each tour is followed by a look at
the database."""

from datetime import date, datetime, timedelta

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..compat import USER_GROUPS


@tagged("stm_slow")
class JourneyCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            "stm_journey_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            name="Journey Manager",
        )
        cls.rep = new_test_user(
            cls.env,
            "stm_journey_rep",
            groups="base.group_user,sales_team.group_sale_salesman",
            name="Journey Rep",
        )
        cls.owner = new_test_user(
            cls.env,
            "stm_journey_owner",
            groups="base.group_user,sales_team.group_sale_salesman",
            name="Journey Owner",
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Journey Team",
                "user_id": cls.manager.id,
                "stm_claim_conflict_mode": "block",
                "crm_team_member_ids": [
                    (0, 0, {"user_id": cls.rep.id}),
                    (0, 0, {"user_id": cls.owner.id}),
                ],
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Journey Visit Customer", "is_company": True}
        )
        cls.lead = cls._lead_cls(
            cls.rep, "Journey Visit Customer", partner_id=cls.customer.id
        )

    @classmethod
    def _lead_cls(cls, user, customer, team=None, **values):
        return (
            cls.env["crm.lead"]
            .with_user(user)
            .create(
                {
                    "name": f"{customer} deal",
                    "type": "opportunity",
                    "partner_name": customer,
                    "user_id": user.id,
                    "team_id": (team or cls.team).id,
                    **values,
                }
            )
            .with_env(cls.env)
        )


@tagged("post_install", "-at_install")
class TestSalespersonOnAPhone(JourneyCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_refused_double_registration(self):
        self._lead_cls(self.owner, "Journey Owned Customer Ltd")
        # The refusal is logged by Odoo's HTTP layer as a warning: expected.
        with mute_logger("odoo.http"):
            self.start_tour(
                "/odoo/crm/new", "stm_phone_refusal_tour", login="stm_journey_rep"
            )
        self.assertFalse(
            self.env["crm.lead"].search([("name", "=", "Journey double registration")])
        )

    def test_log_a_visit_and_close_it(self):
        self.start_tour(
            f"/odoo/crm/{self.lead.id}", "stm_phone_visit_tour", login="stm_journey_rep"
        )
        visit = self.env["stm.visit"].search([("lead_id", "=", self.lead.id)])
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.result, "Wants a pilot in two warehouses")

    def test_claim_from_the_pool(self):
        lead = self._lead_cls(self.owner, "Journey Pool Customer")
        lead.stm_claim_id._send_to_pool("expired")
        self.start_tour(
            "/odoo/action-sales_team_mgmt.crm_lead_action_pool?view_type=kanban",
            "stm_phone_pool_tour",
            login="stm_journey_rep",
        )
        self.assertEqual(lead.stm_claim_id.user_id, self.rep)

    def test_raise_an_alarm(self):
        self.start_tour(
            f"/odoo/crm/{self.lead.id}", "stm_phone_alarm_tour", login="stm_journey_rep"
        )
        alarm = self.env["stm.difficulty.alarm"].search(
            [("lead_id", "=", self.lead.id)]
        )
        self.assertEqual(alarm.manager_id, self.manager)
        self.assertEqual(alarm.state, "open")

    def _checkin_visit(self):
        self.customer.write(
            {"partner_latitude": 31.1774276, "partner_longitude": 121.5272106}
        )
        # A tour cannot wait ten minutes between check-in and check-out.
        self.team.write({"stm_checkin_required": True, "stm_visit_min_minutes": 0})
        return (
            self.env["stm.visit"]
            .with_user(self.rep)
            .create(
                {
                    "partner_id": self.customer.id,
                    "purpose": "Line extension",
                    "date": datetime.now() - timedelta(minutes=5),
                }
            )
        )

    def test_check_in_at_the_customer(self):
        visit = self._checkin_visit()
        self.start_tour(
            f"/odoo/stm.visit/{visit.id}",
            "stm_phone_checkin_tour",
            login="stm_journey_rep",
        )
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.checkin_status, "ok")
        self.assertLess(visit.checkin_distance, 5)
        self.assertEqual(visit.exception_state, "none")

    def test_check_in_far_away(self):
        visit = self._checkin_visit()
        self.start_tour(
            f"/odoo/stm.visit/{visit.id}",
            "stm_phone_checkin_far_tour",
            login="stm_journey_rep",
        )
        self.assertTrue(visit.flag_far)
        self.assertEqual(visit.exception_state, "pending")

    def test_my_day_is_his_home(self):
        self.rep.action_id = self.env.ref("sales_team_mgmt.res_users_action_my_day").id
        self.env["stm.visit"].create(
            {
                "partner_id": self.customer.id,
                "lead_id": self.lead.id,
                "user_id": self.rep.id,
                "purpose": "Bring the quote",
                "date": datetime.now() - timedelta(minutes=5),
            }
        )
        todo = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
                "res_id": self.lead.id,
                "user_id": self.rep.id,
                "summary": "Call back about the pilot",
                "date_deadline": date.today() - timedelta(days=1),
            }
        )
        self.start_tour("/odoo", "stm_phone_my_day_tour", login="stm_journey_rep")
        # Done: gone, or archived where its type keeps done to-dos.
        left = todo.exists()
        self.assertFalse(left and left.active, "the to-do is done")

    def test_the_board_for_a_salesperson(self):
        self.start_tour(
            "/odoo/action-sales_team_mgmt.crm_team_member_action_board",
            "stm_phone_board_tour",
            login="stm_journey_rep",
        )


@tagged("post_install", "-at_install")
class TestManagerOnADesktop(JourneyCase):
    browser_size = "1366x768"

    def test_check_in_exceptions(self):
        self.customer.write(
            {"partner_latitude": 31.1774276, "partner_longitude": 121.5272106}
        )
        self.team.stm_checkin_required = True
        visit = (
            self.env["stm.visit"]
            .with_user(self.rep)
            .create(
                {
                    "partner_id": self.customer.id,
                    "purpose": "Line extension",
                    "result": "Interested",
                    "date": datetime.now() - timedelta(minutes=5),
                }
            )
        )
        visit.action_check_in(31.1954276, 121.5272106, 12.0)
        visit.action_done()
        self.assertEqual(visit.exception_state, "pending")
        self.start_tour(
            "/odoo/action-sales_team_mgmt.stm_visit_action_exceptions",
            "stm_manager_exceptions_tour",
            login="stm_journey_manager",
        )
        self.assertEqual(visit.exception_state, "accepted")
        self.assertEqual(visit.exception_decided_by_id, self.manager)

    def test_office_screen(self):
        sales_admin = self.env.ref("sales_team_mgmt.group_stm_sales_admin")
        self.manager[USER_GROUPS] |= sales_admin
        self.start_tour(
            "/odoo/action-sales_team_mgmt.crm_team_member_action_office_board",
            "stm_office_board_tour",
            login="stm_journey_manager",
        )

    def test_board_click_through(self):
        self.env["stm.visit"].create(
            {
                "user_id": self.rep.id,
                "partner_id": self.customer.id,
                "lead_id": self.lead.id,
                "purpose": "Demo",
                "result": "Liked it",
                "date": datetime.now() - timedelta(hours=3),
                "state": "done",
            }
        )
        self.start_tour(
            "/odoo/action-sales_team_mgmt.crm_team_member_action_board",
            "stm_manager_board_tour",
            login="stm_journey_manager",
        )

    def test_settle_and_close(self):
        other_team = self.env["crm.team"].create(
            {
                "name": "Journey South",
                "user_id": self.manager.id,
                "stm_claim_conflict_mode": "dispute",
            }
        )
        self._lead_cls(self.owner, "Journey Disputed Customer")
        self._lead_cls(self.rep, "Journey Disputed Customer", other_team)
        dispute = self.env["stm.claim.dispute"].search(
            [("name", "=", "Journey Disputed Customer")]
        )
        self.start_tour(
            f"/odoo/stm.claim.dispute/{dispute.id}",
            "stm_manager_decisions_tour",
            login="stm_journey_manager",
        )
        self.assertEqual(dispute.state, "resolved")
        alarm = (
            self.env["stm.difficulty.alarm"]
            .with_user(self.rep)
            .create({"lead_id": self.lead.id, "reason": "Stuck"})
        )
        self.start_tour(
            f"/odoo/stm.difficulty.alarm/{alarm.id}",
            "stm_manager_alarm_tour",
            login="stm_journey_manager",
        )
        self.assertEqual((alarm.state, alarm.outcome), ("closed", "continue"))
        self.assertIn("general manager", alarm.manager_note)
