"""Workflow fields change only through their buttons, whoever writes them
over RPC: more attempts on claims, keys, disputes, alarms, visits and
projects."""

from odoo import fields
from odoo.tests import tagged

from .common import StmRpcCase, over_json2


@tagged("post_install", "-at_install")
class TestWorkflowFieldsOverRpc(StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.env["crm.lead"].browse(
            cls.env["crm.lead"]
            .with_user(cls.rep_a)
            .create(
                {
                    "name": "Rho conveyor",
                    "type": "opportunity",
                    "partner_name": "Rho Logistics",
                    "user_id": cls.rep_a.id,
                    "team_id": cls.team_block.id,
                }
            )
            .id
        )
        cls.claim = cls.lead.stm_claim_id
        cls.customer = cls.env["res.partner"].create(
            {"name": "Rho Logistics", "is_company": True}
        )

    def test_claim_owner_dates_and_state_belong_to_the_buttons(self):
        for values in (
            {"user_id": self.sales_admin.id},
            {"last_followup_on": "2099-01-01"},
            {"claimed_on": "2001-01-01"},
            {"state": "expired"},
            {"team_id": self.team_dispute.id},
        ):
            self.assertRefused(
                self.sales_admin, "stm.claim", "write", self.claim.ids, values
            )
        self.claim.invalidate_recordset()
        self.assertEqual(self.claim.user_id, self.rep_a)
        self.assertEqual(self.claim.state, "active")

    def test_manager_pins_with_the_button_only(self):
        self.assertRefused(
            self.manager, "stm.claim", "write", self.claim.ids, {"pinned": True}
        )
        self.assertTrue(
            self.rpc(self.manager, "stm.claim", "action_pin", self.claim.ids)
        )
        self.claim.invalidate_recordset()
        self.assertTrue(self.claim.pinned)

    def test_claim_keys_are_not_rewritten(self):
        key = self.claim.key_ids[:1]
        self.assertRefused(
            self.manager,
            "stm.claim.key",
            "write",
            key.ids,
            {"key_value": "somethingelse"},
        )
        self.assertRefused(
            self.manager, "stm.claim.key", "write", key.ids, {"active": False}
        )

    def test_lead_claim_status_and_project_dates(self):
        for values in (
            {"stm_claim_state": "pool"},
            {"stm_registered": True},
            {"stm_registered_on": "2020-01-01"},
        ):
            self.assertRefused(self.rep_a, "crm.lead", "write", self.lead.ids, values)
        self.assertTrue(
            self.rpc(
                self.rep_a, "crm.lead", "action_stm_register_project", self.lead.ids
            )
        )
        self.lead.invalidate_recordset()
        self.assertEqual(
            self.lead.stm_registered_on,
            fields.Date.context_today(self.lead.with_user(self.rep_a)),
        )
        self.assertRefused(
            self.rep_a,
            "crm.lead",
            "create",
            {
                "name": "Backdated project",
                "partner_name": "Omicron Steel",
                "user_id": self.rep_a.id,
                "stm_registered": True,
                "stm_registered_on": "2020-01-01",
            },
        )

    def test_visits_belong_to_their_visitor(self):
        visit = self.rpc(
            self.rep_a,
            "stm.visit",
            "create",
            {"partner_id": self.customer.id, "purpose": "Intro"},
        )
        self.assertRefused(
            self.rep_a, "stm.visit", "write", [visit], {"user_id": self.rep_b.id}
        )
        self.assertRefused(
            self.rep_a,
            "stm.visit",
            "create",
            {
                "partner_id": self.customer.id,
                "purpose": "Intro",
                "user_id": self.rep_b.id,
            },
        )
        self.assertRefused(
            self.rep_a,
            "stm.visit",
            "create",
            {"partner_id": self.customer.id, "purpose": "Intro", "state": "cancelled"},
        )

    def test_alarms_are_raised_on_ones_own_leads(self):
        other = (
            self.env["crm.lead"]
            .with_user(self.rep_b)
            .create(
                {
                    "name": "Sigma",
                    "partner_name": "Sigma Metals",
                    "user_id": self.rep_b.id,
                    "team_id": self.team_block.id,
                }
            )
        )
        self.assertRefused(
            self.rep_a,
            "stm.difficulty.alarm",
            "create",
            {"lead_id": other.id, "reason": "Not mine"},
        )
        self.assertRefused(
            self.rep_a,
            "stm.difficulty.alarm",
            "create",
            {"lead_id": self.lead.id, "reason": "Mine", "user_id": self.rep_b.id},
        )

    def test_dispute_winner_is_a_managers_choice(self):
        self.env["crm.lead"].with_user(self.rep_c).create(
            {
                "name": "Rho again",
                "partner_name": "Rho Logistics",
                "user_id": self.rep_c.id,
                "team_id": self.team_dispute.id,
            }
        )
        dispute = self.env["stm.claim.dispute"].search(
            [("claim_id", "=", self.claim.id)]
        )
        self.assertRefused(
            self.sales_admin,
            "stm.claim.dispute",
            "write",
            dispute.ids,
            {"winner_user_id": self.rep_c.id},
        )
        self.rpc(
            self.manager,
            "stm.claim.dispute",
            "write",
            dispute.ids,
            {"winner_user_id": self.rep_c.id},
        )
        self.assertTrue(
            self.rpc(self.manager, "stm.claim.dispute", "action_resolve", dispute.ids)
        )
        self.claim.invalidate_recordset()
        self.lead.invalidate_recordset()
        self.assertEqual(self.lead.user_id, self.rep_c)


# The same, over Odoo 19's /json/2.
TestWorkflowFieldsOverJson2 = over_json2(TestWorkflowFieldsOverRpc)
