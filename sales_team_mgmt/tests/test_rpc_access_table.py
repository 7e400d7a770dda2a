from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import StmRpcCase, over_json2


@tagged("post_install", "-at_install")
class TestAccessTableOverRpc(StmRpcCase):
    """What the access tables and the ownership gate promise, tried as a
    salesperson with a script would: over XML-RPC, mail tracking on."""

    # ------------------------------------------------------------------
    # The ownership gate at the registration door
    # ------------------------------------------------------------------

    def _released(self, user, customer):
        lead = self._lead(user, partner_name=customer)
        claim = lead.stm_claim_id
        claim._send_to_pool("released")
        return claim

    def _register(self, user, customer):
        return self.rpc(
            user,
            "crm.lead",
            "create",
            {
                "name": f"Again: {customer}",
                "type": "opportunity",
                "partner_name": customer,
                "user_id": user.id,
                "team_id": self.team_block.id,
            },
        )

    def test_01_registering_a_released_customer_again_is_a_pool_claim(self):
        claim = self._released(self.rep_a, "Boomerang Trading Ltd")
        # The one who gave it up waits out his cooldown, whatever the door.
        self.assertRefused(
            self.rep_a,
            "crm.lead",
            "create",
            {
                "name": "Sneaking back",
                "partner_name": "Boomerang Trading Ltd",
                "user_id": self.rep_a.id,
            },
            match="take it back from",
        )
        self.assertRefused(
            self.rep_a,
            "res.partner",
            "create",
            {"name": "Boomerang Trading Ltd", "is_company": True},
            match="take it back from",
        )
        # A colleague takes it: the same customer, its history kept.
        lead_id = self._register(self.rep_b, "Boomerang Trading Ltd")
        lead = self.env["crm.lead"].browse(lead_id)
        self.assertEqual(lead.stm_claim_id, claim)
        claim.invalidate_recordset()
        self.assertEqual((claim.state, claim.user_id), ("active", self.rep_b))
        self.assertEqual(
            claim.pool_taken_on, fields.Date.context_today(claim.with_user(self.rep_b))
        )
        self.assertEqual(
            self.env["stm.claim"].search_count([("name", "ilike", "Boomerang")]), 1
        )

    def test_02_the_daily_limit_holds_at_the_registration_door(self):
        self.team_block.stm_pool_daily_limit = 1
        self._released(self.rep_a, "First Pooled Co")
        self._released(self.rep_a, "Second Pooled Co")
        self._register(self.rep_b, "First Pooled Co")
        self.assertRefused(
            self.rep_b,
            "crm.lead",
            "create",
            {"name": "One more", "partner_name": "Second Pooled Co"},
            match="today",
        )

    def test_03_customers_go_only_to_salespeople(self):
        clerk = new_test_user(self.env, "stm_gate_clerk", groups="base.group_user")
        lead = self._lead(self.rep_a, partner_name="Handed Around Ltd")
        self.assertRefused(
            self.manager,
            "crm.lead",
            "write",
            [lead.id],
            {"user_id": clerk.id},
            match="not a salesperson",
        )
        lead.invalidate_recordset()
        self.assertEqual(lead.stm_claim_id.user_id, self.rep_a)

    # ------------------------------------------------------------------
    # Write rules and freezes from the tables
    # ------------------------------------------------------------------

    def test_04_a_checked_in_visit_keeps_its_customer_and_time(self):
        customer = self.env["res.partner"].create(
            {"name": "Checked In Co", "is_company": True}
        )
        other = self.env["res.partner"].create(
            {"name": "Elsewhere Co", "is_company": True}
        )
        visit = self.rpc(
            self.rep_a,
            "stm.visit",
            "create",
            {"partner_id": customer.id, "purpose": "Demo"},
        )
        self.env["stm.visit"].browse(visit).with_user(self.rep_a).action_check_in()
        later = fields.Datetime.to_string(fields.Datetime.now() + timedelta(hours=2))
        for values in ({"date": later}, {"partner_id": other.id}):
            self.assertRefused(
                self.rep_a,
                "stm.visit",
                "write",
                [visit],
                values,
                match="checked in",
            )
        # Deleting is a write of everything: the manager cannot either.
        self.assertRefused(self.manager, "stm.visit", "unlink", [visit])
        record = self.env["stm.visit"].browse(visit)
        self.assertEqual(record.partner_id, customer)
        self.assertFalse(record.flag_late)

    def test_06_only_sales_admins_class_a_customer(self):
        lead = self._lead(self.rep_a, partner_name="Classy Co")
        partner = lead.stm_claim_id.partner_id or self.env["res.partner"].create(
            {"name": "Classy Co", "is_company": True}
        )
        self.assertRefused(
            self.rep_b,
            "res.partner",
            "write",
            [partner.id],
            {"stm_customer_class_manual": "c"},
        )
        self.rpc(
            self.sales_admin,
            "res.partner",
            "write",
            [partner.id],
            {"stm_customer_class_manual": "a"},
        )
        self.assertEqual(partner.stm_customer_class, "a")

    def test_07_workflow_fields_refuse_any_client(self):
        lead = self._lead(self.rep_a, partner_name="Workflow Co")
        for values in (
            {"stm_claim_state": "pool"},
            {"stm_registered": True},
        ):
            self.assertRefused(
                self.rep_a, "crm.lead", "write", [lead.id], values, match="typed in"
            )

    def test_08_bad_values_are_refused_clearly(self):
        for model, values in (("stm.visit", {"duration": "long"}),):
            self.assertRefused(self.rep_a, model, "create", values)

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------

    def test_09_the_board_is_for_sales(self):
        clerk = new_test_user(self.env, "stm_board_clerk", groups="base.group_user")
        member = self.env["crm.team.member"].search(
            [("user_id", "=", self.rep_b.id), ("crm_team_id", "=", self.team_block.id)]
        )
        for fname in ("stm_board_revenue", "stm_revenue_target"):
            self.assertRefused(clerk, "crm.team.member", "read", member.ids, [fname])
        lead = self._lead(self.rep_b, partner_name="Neglected Ltd")
        lead.stm_claim_id.sudo().at_risk = True
        (seen,) = self.rpc(
            self.rep_a, "crm.team.member", "read", member.ids, ["stm_board_at_risk"]
        )
        self.assertEqual(seen["stm_board_at_risk"], 0)
        (own,) = self.rpc(
            self.rep_b, "crm.team.member", "read", member.ids, ["stm_board_at_risk"]
        )
        self.assertEqual(own["stm_board_at_risk"], 1)


# The same, over Odoo 19's /json/2.
TestAccessTableOverJson2 = over_json2(TestAccessTableOverRpc)
