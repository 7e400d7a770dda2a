from odoo.tests import tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestCustomerClass(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.env.company.write(
            {
                "stm_class_a_revenue": 500000,
                "stm_class_a_orders": 5,
                "stm_class_b_revenue": 50000,
                "stm_class_b_orders": 2,
            }
        )
        Partner = cls.env["res.partner"]
        cls.big = Partner.create({"name": "Huaxin Steel", "is_company": True})
        cls.small = Partner.create({"name": "Little Shop", "is_company": True})
        cls.contact = Partner.create({"name": "Mr Gao", "parent_id": cls.big.id})

    def _won(self, partner, revenue):
        lead = self._lead(self.rep_a, partner_id=partner.id, expected_revenue=revenue)
        lead.sudo().stage_id = self.won_stage
        return lead

    def test_class_suggested_from_won_deals_and_overridable(self):
        self._won(self.contact, 600000)  # a contact's deal counts for its company
        self._won(self.small, 10000)
        self.env["res.partner"]._cron_customer_classes()
        self.assertEqual(self.big.stm_customer_class, "a")
        self.assertEqual(self.small.stm_customer_class, "c")
        self._won(self.small, 10000)
        self.env["res.partner"]._cron_customer_classes()
        self.assertEqual(self.small.stm_customer_class, "b", "two won deals")
        self.small.stm_customer_class_manual = "a"
        self.assertEqual(self.small.stm_customer_class, "a")
        self.assertEqual(self.small.stm_customer_class_suggested, "b")
        self.env["res.partner"]._cron_customer_classes()
        self.assertEqual(self.small.stm_customer_class, "a", "the hand wins")
