from datetime import timedelta
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestClaimRegister(StmCase):
    def test_first_registration_claims_the_customer(self):
        lead = self._lead(
            self.rep_a,
            partner_name="深圳市鹏程电子有限公司",
            email_from="wang@pengcheng-elec.cn",
            phone="+86 755 1234 5678",
        )
        claim = lead.stm_claim_id
        self.assertEqual(lead.stm_claim_state, "claimed")
        self.assertEqual(claim.user_id, self.rep_a)
        self.assertEqual(claim.team_id, self.team_block)
        self.assertEqual(claim.protected_until, claim.claimed_on + timedelta(days=30))
        keys = {(k.key_type, k.key_value) for k in claim.sudo().key_ids}
        self.assertEqual(
            keys,
            {
                ("name", "深圳市鹏程电子"),
                ("email", "wang@pengcheng-elec.cn"),
                ("domain", "pengcheng-elec.cn"),
                ("phone", "8675512345678"),
            },
        )

    def test_the_claim_statement_writes_every_default(self):
        """The claim check inserts claims with its own SQL: a field it does
        not name still gets the default an ORM create would give (here one
        the company set, as any add-on's field default would be)."""
        self.env["ir.default"].set("stm.claim", "followup_step", 2)
        lead = self._lead(self.rep_a, partner_name="Default Trading Ltd")
        self.env.invalidate_all()
        self.assertEqual(lead.stm_claim_id.followup_step, 2)
        self.env.cr.execute(
            "SELECT followup_step FROM stm_claim WHERE id = %s", [lead.stm_claim_id.id]
        )
        self.assertEqual(self.env.cr.fetchone()[0], 2)

    def test_traditional_full_width_name_is_the_same_customer(self):
        self._lead(self.rep_a, partner_name="深圳市鹏程电子有限公司")
        with self.assertRaises(UserError) as error:
            self._lead(self.rep_b, partner_name="深圳市鵬程電子有限公司\u3000")
        message = str(error.exception)
        self.assertIn("Zhang Wei", message)
        self.assertIn("ask your manager", message)
        self.assertFalse(
            self.env["crm.lead"].search([("user_id", "=", self.rep_b.id)]),
            "the refused lead must not be half-saved",
        )

    def test_english_name_is_another_key_unless_phone_matches(self):
        self._lead(
            self.rep_a, partner_name="深圳市鹏程电子有限公司", phone="+86 755 2222 3333"
        )
        other = self._lead(
            self.rep_b, partner_name="Shenzhen Pengcheng Electronics Co., Ltd."
        )
        self.assertEqual(other.stm_claim_id.user_id, self.rep_b)
        with self.assertRaises(UserError):
            self._lead(
                self.rep_b,
                partner_name="Pengcheng Elec (Shenzhen)",
                phone="+86 755 2222 3333",
            )

    def test_public_mail_domain_does_not_collide(self):
        self._lead(self.rep_a, partner_name="Alpha Trading", email_from="a@qq.com")
        lead = self._lead(
            self.rep_b, partner_name="Beta Trading", email_from="b@qq.com"
        )
        self.assertEqual(lead.stm_claim_id.user_id, self.rep_b)

    def test_company_domain_collides(self):
        self._lead(self.rep_a, partner_name="Gamma GmbH", email_from="a@gamma.de")
        with self.assertRaises(UserError):
            self._lead(self.rep_b, partner_name="G-Corp", email_from="boss@gamma.de")

    def test_same_owner_attaches_to_the_existing_claim(self):
        first = self._lead(self.rep_a, partner_name="Delta Ltd", phone="021 5555 0177")
        second = self._lead(
            self.rep_a, partner_name="DELTA LIMITED", email_from="x@delta-ltd.com"
        )
        self.assertEqual(first.stm_claim_id, second.stm_claim_id)
        values = set(second.stm_claim_id.sudo().key_ids.mapped("key_value"))
        self.assertIn("delta-ltd.com", values, "new identities join the claim")

    def test_batch_create_of_one_customer_makes_one_claim(self):
        leads = (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .create(
                [
                    {
                        "name": f"Deal {i}",
                        "partner_name": "Epsilon Co.",
                        "user_id": self.rep_a.id,
                        "team_id": self.team_block.id,
                    }
                    for i in range(3)
                ]
            )
        )
        self.assertEqual(len(leads.stm_claim_id), 1)

    def test_legal_form_only_names_give_no_key(self):
        lead_a = self._lead(self.rep_a, partner_name="有限公司")
        lead_b = self._lead(self.rep_b, partner_name="Co., Ltd.")
        self.assertEqual(lead_a.stm_claim_state, "unclaimed")
        self.assertEqual(lead_b.stm_claim_state, "unclaimed")

    def test_huge_name_is_refused_cleanly(self):
        count = self.env["crm.lead"].search_count([])
        with self.assertRaisesRegex(UserError, "too long"):
            self._lead(self.rep_a, partner_name="腾" * 1_000_000)
        self.assertEqual(self.env["crm.lead"].search_count([]), count)

    def test_odd_input_is_saved(self):
        lead = self._lead(
            self.rep_a,
            partner_name="'; DROP TABLE crm_lead; -- 😀",
            phone="not a phone",
            email_from="@@@",
        )
        self.assertEqual(lead.stm_claim_state, "claimed")
        keys = {k.key_type for k in lead.stm_claim_id.sudo().key_ids}
        self.assertEqual(keys, {"name"})

    def test_other_company_does_not_collide(self):
        other_company = self.env["res.company"].create({"name": "Other Co"})
        self.rep_b.write({"company_ids": [(4, other_company.id)]})
        self._lead(self.rep_a, partner_name="Zeta Systems")
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep_b)
            .with_company(other_company)
            .create(
                {
                    "name": "Zeta abroad",
                    "partner_name": "Zeta Systems",
                    "user_id": self.rep_b.id,
                    "team_id": False,
                    "company_id": other_company.id,
                }
            )
        )
        self.assertEqual(lead.stm_claim_id.company_id, other_company)

    def test_company_partner_created_by_salesperson_is_claimed(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.rep_a)
            .create({"name": "Eta Industrial Co., Ltd.", "is_company": True})
        )
        claim = self.env["stm.claim"].sudo().search([("partner_id", "=", partner.id)])
        self.assertEqual(claim.user_id, self.rep_a)
        with self.assertRaises(UserError):
            self._lead(self.rep_b, partner_name="ETA INDUSTRIAL")

    def test_adding_identity_later_extends_or_blocks(self):
        self._lead(self.rep_a, partner_name="Theta Labs", phone="+86 10 6666 7777")
        lead = self._lead(self.rep_b, partner_name="Iota Works")
        with self.assertRaises(UserError):
            lead.with_user(self.rep_b).write({"phone": "+86 10 6666 7777"})
        lead.with_user(self.rep_b).write({"email_from": "hi@iota-works.com"})
        self.assertIn(
            "iota-works.com", lead.stm_claim_id.sudo().key_ids.mapped("key_value")
        )

    def test_claim_check_costs_one_query(self):
        """A new customer's claim, its keys, the look-up of released keys and
        the lead's link are one statement: the claim check adds one query to
        a lead create."""

        def count_create(suffix):
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            lead = self._lead(
                self.rep_a,
                partner_name=f"Kappa {suffix}",
                email_from=f"info@kappa-{suffix}.com",
                phone=f"+86 20 1234 000{suffix}",
            )
            self.env.flush_all()
            return lead, self.env.cr.sql_log_count - start

        count_create(1)  # warm the ACL, rule and translation caches
        lead, with_claim = count_create(2)
        self.assertTrue(lead.stm_claim_id)
        with patch.object(
            type(self.env["crm.lead"]), "_stm_claim_sync", lambda s: None
        ):
            lead, without_claim = count_create(3)
        self.assertFalse(lead.stm_claim_id)
        # The insert, which also looks for the customer among the released
        # keys (a pooled customer registered again goes through the pool's
        # rules).
        self.assertEqual(with_claim - without_claim, 1)

    def test_system_processes_open_disputes_instead_of_failing(self):
        """Lead assignment crons and public forms save as superuser: a
        conflict must not make them fail."""
        self._lead(self.rep_a, partner_name="Psi Textiles")
        lead = self.env["crm.lead"].create(
            {
                "name": "Website request",
                "partner_name": "PSI TEXTILES LTD",
                "user_id": self.rep_b.id,
                "team_id": self.team_block.id,
            }
        )
        self.assertEqual(lead.stm_claim_state, "disputed")
