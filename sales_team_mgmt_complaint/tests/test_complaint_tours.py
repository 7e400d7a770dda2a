"""Complaints in headless Chromium: a salesperson files one on a phone, a
support department answers it. Each tour is followed by a look at the
database."""

from odoo.addons.sales_team_mgmt.tests import test_tour_journeys as journeys
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintOnAPhone(journeys.JourneyCase):
    browser_size = "390x844"

    def test_file_a_complaint(self):
        self.env["hr.department"].create(
            {"name": "Journey Finance", "stm_service": "finance"}
        )
        self.start_tour(
            "/odoo/action-sales_team_mgmt_complaint.stm_complaint_filing_action",
            "stm_phone_complaint_tour",
            login="stm_journey_rep",
        )
        complaint = self.env["stm.complaint"].search(
            [("department_id.name", "=", "Journey Finance")]
        )
        self.assertEqual(complaint.complainant_id, self.rep)
        self.assertFalse(self.env["stm.complaint.filing"].search([]), "form row gone")


@tagged("post_install", "-at_install")
class TestDepartmentAnswers(journeys.JourneyCase):
    def test_answer_a_complaint(self):
        finance = self.env["hr.department"].create(
            {"name": "Journey Finance", "stm_service": "finance"}
        )
        clerk = new_test_user(
            self.env,
            "stm_journey_clerk",
            groups="base.group_user,sales_team_mgmt.group_stm_department_user",
            name="Journey Clerk",
        )
        self.env["hr.employee"].create(
            {"name": "Journey Clerk", "user_id": clerk.id, "department_id": finance.id}
        )
        complaint = (
            self.env["stm.complaint"]
            .with_user(self.rep)
            .create({"department_id": finance.id, "description": "Expenses refused"})
        )
        self.start_tour(
            f"/odoo/stm.complaint/{complaint.id}",
            "stm_department_answer_tour",
            login="stm_journey_clerk",
        )
        self.assertEqual(complaint.sudo().state, "resolved")
