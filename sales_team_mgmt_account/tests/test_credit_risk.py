"""Credit risk: what Accounting's receivables and credit limits say, on the
customer and the opportunity, to whom, and a word when a deal of a customer
at risk is won."""

from datetime import timedelta

from odoo import fields
from odoo.addons.sales_team_mgmt.tests.common import StmCase, StmRpcCase
from odoo.tests import Form, new_test_user, tagged


class CreditFixtures:
    @classmethod
    def _stm_setup_credit(cls):
        company = cls.env.company
        Account = cls.env["account.account"]
        if not Account.search_count(
            [("account_type", "=", "asset_receivable")], limit=1
        ):
            Chart = cls.env["account.chart.template"]
            Chart.try_loading(
                Chart._guess_chart_template(company.country_id),
                company=company,
                install_demo=False,
            )
        company.account_use_credit_limit = True
        cls.customer = cls.env["res.partner"].create(
            {"name": "Overdue Cranes", "is_company": True}
        )
        cls.sound = cls.env["res.partner"].create(
            {"name": "Sound Steel", "is_company": True}
        )

    @classmethod
    def _invoice(cls, partner, amount, due_in_days):
        today = fields.Date.context_today(cls.env["res.partner"])
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": today - timedelta(days=60),
                "invoice_date_due": today + timedelta(days=due_in_days),
                "invoice_line_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Crane parts",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [(6, 0, [])],
                        },
                    )
                ],
            }
        )
        move.action_post()
        return move


@tagged("post_install", "-at_install")
class TestCreditRisk(CreditFixtures, StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stm_setup_credit()

    def test_overdue_then_over_the_limit(self):
        self.assertEqual(self.customer.stm_credit_risk, "none")
        self._invoice(self.customer, 1000, due_in_days=-10)
        self._invoice(self.customer, 400, due_in_days=20)
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.stm_credit_risk, "overdue")
        self.assertEqual(self.customer.stm_overdue_amount, 1000)
        self.assertEqual(self.customer.stm_receivable_amount, 1400)
        # A contact of the customer carries the company's risk.
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.customer.id}
        )
        self.assertEqual(contact.stm_credit_risk, "overdue")
        self.customer.with_company(self.env.company).credit_limit = 1200
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.stm_credit_risk, "over_limit")
        # Only where Accounting uses credit limits.
        self.env.company.account_use_credit_limit = False
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.stm_credit_risk, "overdue")

    def test_the_list_of_customers_at_risk(self):
        self._invoice(self.customer, 1000, due_in_days=-10)
        self._invoice(self.sound, 1000, due_in_days=30)
        Partner = self.env["res.partner"].with_user(self.sales_admin)
        at_risk = Partner.search([("stm_credit_risk", "in", ("overdue", "over_limit"))])
        self.assertIn(self.customer, at_risk)
        self.assertNotIn(self.sound, at_risk)
        no_risk = Partner.search(
            [("stm_credit_risk", "=", "none"), ("is_company", "=", True)]
        )
        self.assertIn(self.sound, no_risk)
        self.assertNotIn(self.customer, no_risk)

    def test_on_the_opportunity_and_when_it_is_won(self):
        self._invoice(self.customer, 1000, due_in_days=-10)
        lead = self._lead(self.rep_a, partner_id=self.customer.id)
        self.assertEqual(lead.with_user(self.rep_a).stm_credit_risk, "overdue")
        self.assertEqual(lead.with_user(self.rep_a).stm_overdue_amount, 1000)
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        lead.with_user(self.rep_a).stage_id = won_stage
        note = lead.message_ids.filtered(
            lambda m: "overdue" in (m.body or "") and m.partner_ids
        )
        self.assertEqual(len(note), 1)
        self.assertIn(self.manager.partner_id, note.partner_ids, "the team leader")
        self.assertIn(self.sales_admin.partner_id, note.partner_ids)
        self.assertTrue(note.subtype_id.internal, "an internal note")
        # A sound customer's deal is won without a word.
        sound = self._lead(self.rep_b, partner_id=self.sound.id)
        sound.with_user(self.rep_b).stage_id = won_stage
        self.assertFalse(
            sound.message_ids.filtered(lambda m: "overdue" in (m.body or ""))
        )

    def test_a_new_customer_in_the_form(self):
        self._invoice(self.customer, 1000, due_in_days=-10)
        form = Form(self.env["res.partner"].with_user(self.sales_admin))
        form.name = "Brand New Co"
        form.parent_id = self.customer
        self.assertEqual(form.stm_credit_risk, "overdue", "its company's risk")
        form.parent_id = self.env["res.partner"]
        self.assertEqual(form.stm_credit_risk, "none")
        self.assertEqual(form.save().stm_credit_risk, "none")

    def test_another_company_owes_nothing_here(self):
        self._invoice(self.customer, 1000, due_in_days=-10)
        other = self.env["res.company"].create({"name": "Other Co"})
        self.env.user.company_ids |= other
        seen = self.customer.with_context(allowed_company_ids=other.ids)
        self.assertEqual(seen.stm_credit_risk, "none")
        self.assertEqual(seen.stm_overdue_amount, 0)


@tagged("post_install", "-at_install")
class TestCreditRiskOverRpc(CreditFixtures, StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stm_setup_credit()
        cls._invoice(cls.customer, 1000, due_in_days=-10)
        cls.dept = new_test_user(
            cls.env,
            "stm_credit_dept",
            groups="base.group_user,sales_team_mgmt.group_stm_department_user",
        )

    def test_sales_read_the_risk_nobody_writes_it(self):
        row = self.rpc(
            self.rep_a,
            "res.partner",
            "read",
            self.customer.ids,
            ["stm_credit_risk", "stm_overdue_amount"],
        )[0]
        self.assertEqual(
            (row["stm_credit_risk"], row["stm_overdue_amount"]), ("overdue", 1000)
        )
        self.assertRefused(
            self.rep_a,
            "res.partner",
            "write",
            self.customer.ids,
            {"stm_credit_risk": "none"},
        )
        # Outside sales, the figures are Accounting's business.
        self.assertRefused(
            self.dept, "res.partner", "read", self.customer.ids, ["stm_overdue_amount"]
        )
