"""Customer care as a client meets it, over XML-RPC (and Odoo 19's
/json/2): salespeople type a customer's key date and who referred it; the
revisit dates and the reminders' bookkeeping are the nightly job's."""

from odoo.addons.sales_team_mgmt.tests.common import StmRpcCase, over_json2
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestCustomerCareOverRpc(StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create({"name": "Huaxin Steel", "is_company": True})
        cls.referrer = Partner.create({"name": "Blue Sky", "is_company": True})

    def test_a_salesperson_types_key_date_and_referral(self):
        self.rpc(
            self.rep_a,
            "res.partner",
            "write",
            [self.customer.id],
            {
                "stm_key_date": "1998-12-05",
                "stm_key_date_label": "公司成立日",
                "stm_referred_by_id": self.referrer.id,
            },
        )
        found = self.rpc(
            self.rep_b, "res.partner", "read", [self.referrer.id], ["stm_referral_ids"]
        )
        self.assertEqual(found[0]["stm_referral_ids"], [self.customer.id])

    def test_nobody_types_what_the_job_keeps(self):
        for fname, value in (
            ("stm_last_visit_on", "2026-11-02"),
            ("stm_next_revisit_on", "2026-12-02"),
            ("stm_revisit_reminded_for", "2026-12-02"),
            ("stm_key_date_reminded_year", 2026),
        ):
            for user in (self.rep_a, self.manager):
                with self.subTest(field=fname, user=user.login):
                    self.assertRefused(
                        user, "res.partner", "write", [self.customer.id], {fname: value}
                    )
        self.assertFalse(self.customer.stm_last_visit_on)
        self.assertFalse(self.customer.stm_key_date_reminded_year)

    def test_a_referral_loop_is_refused(self):
        self.referrer.stm_referred_by_id = self.customer
        self.assertRefused(
            self.rep_a,
            "res.partner",
            "write",
            [self.customer.id],
            {"stm_referred_by_id": self.referrer.id},
            match="referred",
        )


TestCustomerCareOverJson2 = over_json2(TestCustomerCareOverRpc)
