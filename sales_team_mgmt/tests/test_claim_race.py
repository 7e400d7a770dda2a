import threading

from odoo import api
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CommittedCase, create_as_a_request


@tagged("post_install", "-at_install")
class TestClaimRace(CommittedCase):
    """Two real transactions (their own cursors, committed) register one
    customer at once: exactly one claim, one clear error. Each create runs
    as Odoo serves every request (retried on a serialization failure, see
    ``create_as_a_request``): the loser's statement
    meets a key its snapshot cannot see, fails with a serialization failure,
    and its retry names the owner."""

    lead_prefix = "race-test "

    customer = "Race Condition Trading Co., Ltd."

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            cls.uid_a = env.ref("base.user_admin").id
            cls.uid_b = env.ref("base.user_demo").id

    def _create(self, cr, uid, name):
        return create_as_a_request(
            self._env(cr, uid),
            "crm.lead",
            {"name": name, "partner_name": self.customer, "user_id": uid},
        )

    def _env(self, cr, uid):
        return api.Environment(cr, uid, {})

    def _claims(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            return env["stm.claim.key"].search_count(
                [("key_type", "=", "name"), ("key_value", "=", "raceconditiontrading")]
            )

    def test_snapshot_race(self):
        """B's transaction began before A committed: B cannot see A's key."""
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            cr_b.execute("SELECT 1 FROM stm_claim LIMIT 1")  # B's snapshot starts
            self._create(cr_a, self.uid_a, "race-test A")
            cr_a.commit()
            with self.assertRaises(UserError) as error:
                self._create(cr_b, self.uid_b, "race-test B")
            cr_b.rollback()
        self.assertIn("is registered to", str(error.exception))
        self.assertEqual(self._claims(), 1)

    def test_blocking_race(self):
        """B inserts while A's insert is not committed yet: B waits for A."""
        outcome = {}
        a_inserted = threading.Event()
        cr_b = self.registry.cursor()
        # The test runner holds the registry lock: B's environment is made
        # here, in the main thread, and only used in B's thread.
        env_b = self._env(cr_b, self.uid_b)

        def register_b():
            a_inserted.wait(10)
            try:
                create_as_a_request(
                    env_b,
                    "crm.lead",
                    {
                        "name": "race-test B",
                        "partner_name": self.customer,
                        "user_id": self.uid_b,
                    },
                )
                cr_b.commit()
                outcome["b"] = "saved"
            except UserError as exc:
                cr_b.rollback()
                outcome["b"] = str(exc)
            finally:
                cr_b.close()

        thread_b = threading.Thread(target=register_b)
        thread_b.start()
        with self.registry.cursor() as cr_a:
            self._create(cr_a, self.uid_a, "race-test A")
            cr_a.flush()
            a_inserted.set()
            thread_b.join(1)  # B is now blocked on A's uncommitted key
            self.assertTrue(thread_b.is_alive(), "B waits for A")
            cr_a.commit()
        thread_b.join(30)
        self.assertFalse(thread_b.is_alive(), "no deadlock")
        self.assertIn("is registered to", outcome.get("b", ""))
        self.assertEqual(self._claims(), 1)
