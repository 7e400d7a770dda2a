from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestMarketingHandover(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = new_test_user(
            cls.env,
            "stm_marketer",
            groups="base.group_user,sales_team_mgmt.group_stm_marketing",
            name="Marketer Lin",
        )

    def _research(self, kind, name="Research"):
        lead = (
            self.env["crm.lead"]
            .with_user(self.marketer)
            .create(
                {
                    "name": name,
                    "partner_name": f"{name} Co",
                    "stm_research_kind": kind,
                    "user_id": self.marketer.id,
                }
            )
        )
        return lead.with_env(self.env)

    def test_marketing_leads_wait_unassigned(self):
        lead = self._research("market")
        self.assertFalse(lead.user_id, "handed over, not kept by marketing")
        self.assertFalse(lead.stm_self_developed)
        self.assertEqual(lead.stm_marketing_user_id, self.marketer)
        queue = self.env["crm.lead"].search([("stm_handover_pending", "=", True)])
        self.assertIn(lead, queue)
        with self.assertRaises(UserError):
            lead.with_user(self.rep_a).user_id = self.rep_a
        lead.with_user(self.manager).write(
            {"user_id": self.rep_a.id, "team_id": self.team_block.id}
        )
        self.assertEqual(lead.user_id, self.rep_a)
        self.assertFalse(lead.stm_self_developed, "still not self-developed")
        self.assertEqual(lead.stm_claim_id.user_id, self.rep_a)
        self.assertNotIn(
            lead, self.env["crm.lead"].search([("stm_handover_pending", "=", True)])
        )

    def test_salesperson_leads_are_untouched(self):
        lead = self._lead(self.rep_a, partner_name="Own Find")
        self.assertTrue(lead.stm_self_developed)
        self.assertFalse(lead.stm_marketing_user_id)

    def test_research_quotas_over_twelve_months(self):
        company = self.env.company
        company.write(
            {"stm_marketing_research_quota": 3, "stm_marketing_product_quota": 1}
        )
        with freeze_time("2025-06-01"):
            self._research("product", "Old")
        with freeze_time("2026-11-01"):
            self._research("market", "A")
            self._research("market", "B")
        with freeze_time("2026-11-20"):
            self.marketer.invalidate_recordset()
            self.assertEqual(self.marketer.stm_research_leads_12m, 2)
            self.assertEqual(self.marketer.stm_product_research_leads_12m, 0)
            self.assertFalse(self.marketer.stm_marketing_quota_met)
            self._research("product", "C")
            self.marketer.invalidate_recordset()
            self.assertEqual(self.marketer.stm_research_leads_12m, 3)
            self.assertTrue(self.marketer.stm_marketing_quota_met)
