from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "stm_slow")
class TestSalesmanTours(HttpCase):
    """A salesperson in a real browser (headless Chromium): logs a visit from
    the lead form, then claims a customer from the pool. Skipped, as every
    Odoo browser test, when no Chromium is installed (see README)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env,
            "stm_tour_rep",
            groups="base.group_user,sales_team.group_sale_salesman",
            name="Tour Salesperson",
        )
        cls.former_owner = new_test_user(
            cls.env,
            "stm_tour_former",
            groups="base.group_user,sales_team.group_sale_salesman",
            name="Former Owner",
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Tour Team",
                "crm_team_member_ids": [
                    (0, 0, {"user_id": cls.rep.id}),
                    (0, 0, {"user_id": cls.former_owner.id}),
                ],
            }
        )

    def _lead(self, user, customer, **values):
        return (
            self.env["crm.lead"]
            .with_user(user)
            .create(
                {
                    "name": f"{customer} deal",
                    "type": "opportunity",
                    "partner_name": customer,
                    "user_id": user.id,
                    "team_id": self.team.id,
                    **values,
                }
            )
            .with_env(self.env)
        )

    def test_log_visit_from_the_lead_form(self):
        customer = self.env["res.partner"].create(
            {"name": "Tour Visit Customer", "is_company": True}
        )
        lead = self._lead(self.rep, "Tour Visit Customer", partner_id=customer.id)
        self.start_tour(
            f"/odoo/crm.lead/{lead.id}", "stm_log_visit_tour", login="stm_tour_rep"
        )
        visit = self.env["stm.visit"].search([("lead_id", "=", lead.id)])
        self.assertEqual(visit.purpose, "Present the warehouse scanner pilot")
        self.assertEqual(visit.user_id, self.rep)
        self.assertEqual(visit.state, "planned")

    def test_claim_a_customer_from_the_pool(self):
        lead = self._lead(self.former_owner, "Tour Pool Customer")
        lead.stm_claim_id._send_to_pool("expired")
        self.assertEqual(lead.stm_claim_state, "pool")
        self.start_tour(
            "/odoo/action-sales_team_mgmt.crm_lead_action_pool",
            "stm_claim_from_pool_tour",
            login="stm_tour_rep",
        )
        self.assertEqual(lead.user_id, self.rep)
        self.assertEqual(lead.stm_claim_id.user_id, self.rep)
        self.assertEqual(lead.stm_claim_state, "claimed")
