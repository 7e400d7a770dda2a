"""The role map on a phone, in headless Chromium, followed by a look at the
database."""

from odoo.addons.sales_team_mgmt.tests import test_tour_journeys as journeys
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestRoleMapOnAPhone(journeys.JourneyCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_add_a_role(self):
        self.env["res.partner"].create(
            {"name": "Journey Decider", "parent_id": self.customer.id}
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_team_mgmt_role_map.stm_buying_role_action"
        )
        action_id = action["id"]
        self.start_tour(
            f"/odoo/crm/{self.lead.id}/action-{action_id}?view_type=kanban",
            "stm_phone_role_tour",
            login="stm_journey_rep",
        )
        role = self.env["stm.buying.role"].search([("lead_id", "=", self.lead.id)])
        self.assertEqual(role.role, "decider")
        self.assertEqual(role.partner_id.name, "Journey Decider")
