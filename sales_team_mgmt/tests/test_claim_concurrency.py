import random
import threading

from odoo import api
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..compat import USER_GROUPS
from .common import CommittedCase, create_as_a_request

THREADS = 8
CUSTOMERS = (
    "Eight Threads Trading Co., Ltd.",
    "深圳市八线程科技有限公司",
    "Harbor Concurrency Logistics Limited",
    "上海并发电子股份有限公司",
)


@tagged("post_install", "-at_install")
class TestClaimConcurrency(CommittedCase):
    """8 salespeople, each in a transaction of their own, register the same
    4 customers at the same moment, in different orders: exactly one claim
    per customer, every other attempt refused with the owner's name, no
    deadlock, no lead lost or half-saved."""

    lead_prefix = "conc-test "

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            Users = env["res.users"].with_context(no_reset_password=True)
            group_ids = [
                env.ref("base.group_user").id,
                env.ref("sales_team.group_sale_salesman").id,
            ]
            users = Users.search([("login", "=like", "stm_conc_%")], order="login")
            if len(users) < THREADS:
                users |= Users.create(
                    [
                        {
                            "name": f"Concurrent Rep {i}",
                            "login": f"stm_conc_{i}",
                            USER_GROUPS: [(6, 0, group_ids)],
                        }
                        for i in range(len(users), THREADS)
                    ]
                )
            cls.uids = users.ids

    def test_eight_salespeople_register_the_same_customers_at_once(self):
        start = threading.Barrier(THREADS)
        outcomes = []  # (uid, customer, "saved" | error text), appended by threads
        cursors = [self.registry.cursor() for _uid in self.uids]
        # Environments are made here: the test runner holds the registry lock.
        envs = [
            api.Environment(cr, uid, {})
            for cr, uid in zip(cursors, self.uids, strict=True)
        ]

        def register(env, order):
            try:
                start.wait(10)
                for customer in order:
                    try:
                        # As Odoo runs each request: a serialization failure
                        # (a key committed after our snapshot) is retried.
                        create_as_a_request(
                            env,
                            "crm.lead",
                            {
                                "name": f"conc-test {customer}",
                                "partner_name": customer,
                                "user_id": env.uid,
                            },
                        )
                        env.cr.commit()
                        outcomes.append((env.uid, customer, "saved"))
                    except UserError as exc:
                        env.cr.rollback()
                        outcomes.append((env.uid, customer, str(exc)))
            finally:
                env.cr.close()

        shuffler = random.Random(8)
        threads = [
            threading.Thread(
                target=register, args=(env, shuffler.sample(CUSTOMERS, len(CUSTOMERS)))
            )
            for env in envs
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        self.assertFalse(any(t.is_alive() for t in threads), "no deadlock, no hang")
        self.assertEqual(
            len(outcomes), THREADS * len(CUSTOMERS), "every attempt answered"
        )
        saved = [
            (uid, customer) for uid, customer, result in outcomes if result == "saved"
        ]
        self.assertEqual(
            sorted(customer for _uid, customer in saved),
            sorted(CUSTOMERS),
            "one winner each",
        )
        for _uid, customer, result in outcomes:
            if result != "saved":
                self.assertIn("is registered to", result, customer)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            leads = env["crm.lead"].search([("name", "=like", "conc-test %")])
            self.assertEqual(len(leads), len(CUSTOMERS), "nothing lost, nothing extra")
            for lead in leads:
                winner = next(uid for uid, c in saved if lead.partner_name == c)
                self.assertEqual(lead.user_id.id, winner)
                self.assertEqual(lead.stm_claim_id.user_id.id, winner)
            self.assertEqual(len(leads.stm_claim_id), len(CUSTOMERS))
