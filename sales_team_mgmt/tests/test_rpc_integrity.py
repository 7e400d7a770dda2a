"""The rules of the module tried as a salesperson who knows Odoo's external
API would: XML-RPC with his own login, any values, any context. Each test
names what it attacks; every refusal must be a message a person can read and
must leave the records as they were."""

from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import StmRpcCase, over_json2


@tagged("post_install", "-at_install")
class TestRulesOverRpc(StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lead = cls.env["crm.lead"]
        # Zhang Wei (East, blocks) owns Omega Robotics through a lead.
        cls.omega = (
            Lead.with_user(cls.rep_a)
            .create(
                {
                    "name": "Omega welding line",
                    "type": "opportunity",
                    "partner_name": "Omega Robotics Co., Ltd.",
                    "phone": "+86 21 6178 3301",
                    "email_from": "buyer@omega-robotics.cn",
                    "user_id": cls.rep_a.id,
                    "team_id": cls.team_block.id,
                }
            )
            .with_env(cls.env)
        )
        cls.omega_claim = cls.omega.stm_claim_id
        # Li Na (East) owns Sigma Foods.
        cls.sigma = (
            Lead.with_user(cls.rep_b)
            .create(
                {
                    "name": "Sigma cold chain",
                    "type": "opportunity",
                    "partner_name": "Sigma Foods",
                    "user_id": cls.rep_b.id,
                    "team_id": cls.team_block.id,
                }
            )
            .with_env(cls.env)
        )

    def _lead_values(self, user, **values):
        return dict(
            {"name": "RPC lead", "type": "opportunity", "user_id": user.id},
            team_id=self.team_block.id,
            **values,
        )

    def _claim_of(self, lead):
        lead.invalidate_recordset()
        return lead.stm_claim_id

    # ------------------------------------------------------------------
    # 1. Claim takeover
    # ------------------------------------------------------------------

    def test_01_claim_takeover_by_writing_the_claim_on_ones_lead(self):
        self.assertRefused(
            self.rep_b,
            "crm.lead",
            "write",
            [self.sigma.id],
            {"stm_claim_id": self.omega_claim.id, "user_id": self.rep_b.id},
            match="Customer Claim",
        )
        self.assertEqual(self.omega_claim.user_id, self.rep_a)
        self.assertEqual(self.omega.user_id, self.rep_a)
        self.assertNotEqual(self._claim_of(self.sigma), self.omega_claim)

    # ------------------------------------------------------------------
    # 2. Context keys
    # ------------------------------------------------------------------

    def test_02a_claim_transfer_key_grants_nothing(self):
        self.assertRefused(
            self.rep_a,
            "crm.lead",
            "write",
            [self.omega.id],
            {"partner_name": "Somebody Else Ltd"},
            context={"stm_claim_transfer": True, "tracking_disable": True},
            match="only a sales manager",
        )
        self.omega.invalidate_recordset()
        self.assertEqual(self.omega.partner_name, "Omega Robotics Co., Ltd.")

    def test_02b_install_and_backfill_keys_do_not_turn_a_refusal_into_a_lead(self):
        for key in ("install_mode", "stm_backfill"):
            self.assertRefused(
                self.rep_b,
                "crm.lead",
                "create",
                self._lead_values(
                    self.rep_b, partner_name="Omega Robotics", name=f"via {key}"
                ),
                context={key: True},
                match="Zhang Wei",
            )
            self.assertFalse(
                self.env["crm.lead"].search([("name", "=", f"via {key}")]), key
            )
        self.assertFalse(
            self.env["stm.claim.dispute"].search(
                [("claim_id", "=", self.omega_claim.id)]
            )
        )

    # ------------------------------------------------------------------
    # 3. Identity lock through the partner
    # ------------------------------------------------------------------

    def _company(self, user, **values):
        return self.rpc(user, "res.partner", "create", dict(is_company=True, **values))

    def test_03a_a_claimed_company_keeps_its_facts(self):
        company = self._company(
            self.rep_a,
            name="Kappa Instruments",
            phone="+86 21 6178 3302",
            email="office@kappa-inst.cn",
            vat="91310000KAPPA0001",
        )
        for user in (self.rep_a, self.rep_b):
            for values in (
                {"name": "Kappa Renamed"},
                {"phone": False},
                {"phone": "+86 21 6178 3399"},
                {"email": "x@elsewhere.cn"},
                {"vat": False},
                {"is_company": False},
            ):
                self.assertRefused(
                    user, "res.partner", "write", [company], values, match="manager"
                )
        self.assertRefused(
            self.rep_b,
            "res.partner",
            "write",
            [company],
            {"user_id": self.rep_b.id},
            match="Zhang Wei",
        )
        partner = self.env["res.partner"].browse(company)
        self.assertEqual(partner.name, "Kappa Instruments")
        self.assertEqual(partner.vat, "91310000KAPPA0001")
        self.assertNotEqual(partner.user_id, self.rep_b)
        # A manager may correct it, and the claim follows the new identity.
        self.rpc(self.manager, "res.partner", "write", [company], {"name": "Kappa Inc"})
        claim = partner.stm_claim_ids
        self.assertIn(
            ("name", "kappa"), {(k.key_type, k.key_value) for k in claim.key_ids}
        )

    def test_03b_filling_a_placeholder_with_someone_elses_phone_is_a_registration(self):
        placeholder = self._company(self.rep_b, name="Placeholder Trading")
        self.assertTrue(self.env["res.partner"].browse(placeholder).stm_claim_ids)
        self.assertRefused(
            self.rep_b,
            "res.partner",
            "write",
            [placeholder],
            {"phone": "+86 21 6178 3301"},
            match="Zhang Wei",
        )
        self.assertRefused(
            self.rep_b,
            "res.partner",
            "write",
            [placeholder],
            {"name": "Omega Robotics Co., Ltd."},
            match="manager",
        )

    def test_03c_a_contact_turned_company_registers_it(self):
        person = self.rpc(self.rep_b, "res.partner", "create", {"name": "Tau Optics"})
        self.rpc(self.rep_b, "res.partner", "write", [person], {"is_company": True})
        claims = self.env["stm.claim"].search([("partner_id", "=", person)])
        self.assertEqual(claims.user_id, self.rep_b)
        # ... and meets an existing owner like any registration.
        other = self.rpc(
            self.rep_b, "res.partner", "create", {"name": "Omega Robotics Limited"}
        )
        self.assertRefused(
            self.rep_b,
            "res.partner",
            "write",
            [other],
            {"is_company": True},
            match="Zhang Wei",
        )

    def test_03d_changing_a_claimed_leads_customer_is_a_change_of_identity(self):
        company = self._company(self.rep_b, name="Upsilon Paper")
        lead = self.rpc(
            self.rep_a,
            "crm.lead",
            "create",
            self._lead_values(
                self.rep_a, partner_id=self._company(self.rep_a, name="Phi Glass")
            ),
        )
        self.assertRefused(
            self.rep_a, "crm.lead", "write", [lead], {"partner_id": company}
        )

    # ------------------------------------------------------------------
    # 4. Matching
    # ------------------------------------------------------------------

    def test_04a_a_national_number_meets_its_international_form(self):
        china = self.env.ref("base.cn")
        self.rpc(
            self.rep_a,
            "crm.lead",
            "create",
            self._lead_values(
                self.rep_a, partner_name="West Lake Tea", phone="+86 571 4104 4908"
            ),
        )
        self.assertRefused(
            self.rep_b,
            "crm.lead",
            "create",
            self._lead_values(
                self.rep_b,
                partner_name="Xihu Tea House",
                phone="0571-41044908",
                country_id=china.id,
            ),
            match="Zhang Wei",
        )

    def test_04b_cjk_radicals_fold_to_their_ideographs(self):
        self.rpc(
            self.rep_a,
            "crm.lead",
            "create",
            self._lead_values(self.rep_a, partner_name="深圳市腾飞食品有限公司"),
        )
        self.assertRefused(
            self.rep_b,
            "crm.lead",
            "create",
            # U+2EDC and U+2EDD: radicals that look like 飞 and 食.
            self._lead_values(
                self.rep_b, partner_name="深圳市腾\u2edc\u2edd品有限公司"
            ),
            match="Zhang Wei",
        )

    def test_04c_every_address_of_an_email_field_is_a_key(self):
        self.assertRefused(
            self.rep_b,
            "crm.lead",
            "create",
            self._lead_values(
                self.rep_b,
                partner_name="Another Name",
                email_from="someone@gmail.com, buyer@omega-robotics.cn",
            ),
            match="Zhang Wei",
        )

    # ------------------------------------------------------------------
    # 5. Abandon gate
    # ------------------------------------------------------------------

    def _abandoned_alarm(self, lead):
        alarm = self.rpc(
            self.rep_a,
            "stm.difficulty.alarm",
            "create",
            {"lead_id": lead.id, "reason": "Budget frozen"},
        )
        self.rpc(
            self.manager,
            "stm.difficulty.alarm",
            "write",
            [alarm],
            {"outcome": "abandon"},
        )
        self.rpc(self.manager, "stm.difficulty.alarm", "action_close", [alarm])
        return alarm

    def test_05a_an_abandon_alarm_cannot_be_moved_to_another_lead(self):
        other = self.env["crm.lead"].browse(
            self.rpc(
                self.rep_a,
                "crm.lead",
                "create",
                self._lead_values(self.rep_a, partner_name="Chi Cables"),
            )
        )
        alarm = self._abandoned_alarm(self.omega)
        self.assertRefused(
            self.rep_a, "stm.difficulty.alarm", "write", [alarm], {"lead_id": other.id}
        )
        self.assertRefused(self.rep_a, "crm.lead", "action_archive", [other.id])
        other.invalidate_recordset()
        self.assertTrue(other.active)

    def test_05b_a_lead_cannot_drop_its_claim_to_be_archived(self):
        self.assertRefused(
            self.rep_a, "crm.lead", "write", [self.omega.id], {"stm_claim_id": False}
        )
        self.assertRefused(self.rep_a, "crm.lead", "action_archive", [self.omega.id])
        self.omega.invalidate_recordset()
        self.assertTrue(self.omega.active)
        self.assertEqual(self.omega.stm_claim_id, self.omega_claim)

    # ------------------------------------------------------------------
    # 6. Forged visits
    # ------------------------------------------------------------------

    def test_06_a_visit_created_done_obeys_the_done_rules(self):
        customer = self.omega.partner_id or self.env["res.partner"].create(
            {"name": "Omega Robotics Co., Ltd.", "is_company": True}
        )
        now = fields.Datetime.now()
        for when, result in (
            (now - timedelta(days=20), False),
            (now - timedelta(days=20), "They liked it"),
            (now + timedelta(days=20), "They liked it"),
        ):
            self.assertRefused(
                self.rep_a,
                "stm.visit",
                "create",
                {
                    "partner_id": customer.id,
                    "purpose": "Demo",
                    "result": result,
                    "date": fields.Datetime.to_string(when),
                    "state": "done",
                },
            )
        self.assertFalse(
            self.env["stm.visit"].search([("partner_id", "=", customer.id)])
        )
        # The same create within the rules is a done visit.
        visit = self.rpc(
            self.rep_a,
            "stm.visit",
            "create",
            {
                "partner_id": customer.id,
                "purpose": "Demo",
                "result": "They liked it",
                "date": fields.Datetime.to_string(now - timedelta(hours=2)),
                "state": "done",
            },
        )
        self.assertEqual(self.env["stm.visit"].browse(visit).state, "done")

    # ------------------------------------------------------------------
    # 7. Marketing hand-over
    # ------------------------------------------------------------------

    def test_07_a_marketing_lead_cannot_be_taken_by_clearing_its_marker(self):
        marketer = new_test_user(
            self.env,
            "stm_marketer",
            groups="base.group_user,sales_team_mgmt.group_stm_marketing",
            name="Ma Li",
        )
        lead = self.rpc(
            marketer,
            "crm.lead",
            "create",
            {"name": "Trade fair lead", "partner_name": "Psi Motors"},
        )
        for values in (
            {"stm_marketing_user_id": False},
            {"stm_marketing_user_id": False, "user_id": self.rep_a.id},
            {"stm_self_developed": True},
        ):
            self.assertRefused(self.rep_a, "crm.lead", "write", [lead], values)
        record = self.env["crm.lead"].browse(lead)
        self.assertEqual(record.stm_marketing_user_id, marketer)
        self.assertFalse(record.user_id)
        self.assertFalse(record.stm_self_developed)

    # ------------------------------------------------------------------
    # 8. Manager steps by plain writes
    # ------------------------------------------------------------------

    def _dispute(self):
        self.rpc(
            self.rep_c,
            "crm.lead",
            "create",
            dict(
                self._lead_values(self.rep_c, partner_name="Omega Robotics"),
                team_id=self.team_dispute.id,
            ),
        )
        return self.env["stm.claim.dispute"].search(
            [("claim_id", "=", self.omega_claim.id)]
        )

    def test_08_sales_admin_cannot_pin_nor_settle_by_writing(self):
        self.assertRefused(
            self.sales_admin,
            "stm.claim",
            "write",
            [self.omega_claim.id],
            {"pinned": True},
        )
        dispute = self._dispute()
        self.assertEqual(len(dispute), 1)
        self.assertRefused(
            self.sales_admin,
            "stm.claim.dispute",
            "write",
            dispute.ids,
            {"state": "resolved", "winner_user_id": self.rep_c.id},
        )
        dispute.invalidate_recordset()
        self.assertEqual(dispute.state, "open")
        self.assertFalse(self.omega_claim.pinned)

    # ------------------------------------------------------------------
    # 9. Falsified fields
    # ------------------------------------------------------------------

    def test_09_shown_owner_author_and_manager_are_not_writable(self):
        self.assertRefused(
            self.rep_b,
            "crm.lead",
            "write",
            [self.sigma.id],
            {"stm_claim_user_id": self.rep_a.id},
        )
        alarm = self.rpc(
            self.rep_a,
            "stm.difficulty.alarm",
            "create",
            {"lead_id": self.omega.id, "reason": "Silent buyer"},
        )
        self.assertRefused(
            self.rep_a,
            "stm.difficulty.alarm",
            "write",
            [alarm],
            {"manager_id": self.rep_a.id},
        )
        self.sigma.invalidate_recordset()
        self.assertEqual(self.sigma.stm_claim_user_id, self.rep_b)
        self.assertEqual(
            self.env["stm.difficulty.alarm"].browse(alarm).manager_id, self.manager
        )


# The same, over Odoo 19's /json/2.
TestRulesOverJson2 = over_json2(TestRulesOverRpc)
