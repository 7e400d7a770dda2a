import threading

from psycopg2.errors import SerializationFailure

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
        pid_b = cr_b._cnx.get_backend_pid()

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
            # PostgreSQL, not a timer, says B waits on A's uncommitted key.
            waited = self._waits_on_a_lock(pid_b, thread_b)
            cr_a.commit()
        thread_b.join(30)
        self.assertTrue(waited, "PostgreSQL shows B waiting on A's lock")
        self.assertFalse(thread_b.is_alive(), "no deadlock")
        self.assertIn("is registered to", outcome.get("b", ""))
        self.assertEqual(self._claims(), 1)


def call_as_a_request(env, method, tries=5):
    """``method(env)`` as Odoo serves a request: a serialization failure
    rolls back and starts again."""
    for attempt in range(1, tries + 1):
        try:
            result = method(env)
            env.flush_all()
            return result
        except SerializationFailure:
            if attempt == tries:
                raise
            env.cr.rollback()
            env.transaction.clear()
    return None


@tagged("post_install", "-at_install")
class TestPoolTakeRace(CommittedCase):
    """One salesperson, a daily limit of one pool customer, two Claim clicks
    at the same instant on two pool customers (two transactions): the
    second waits on the first — PostgreSQL says so — and, once the first
    commits, is refused by the limit."""

    lead_prefix = "pool-race "

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            self.demo_uid = env.ref("sales_team_mgmt.user_zhang_wei_demo").id
            team = env["res.users"].browse(self.demo_uid).sale_team_id
            self.team_id, self.old_limit = team.id, team.stm_pool_daily_limit
            team.stm_pool_daily_limit = 1
            leads = env["crm.lead"].create(
                [
                    {
                        "name": f"{self.lead_prefix}{customer}",
                        "partner_name": f"Pool Race {customer} Ltd",
                        "user_id": env.ref("base.user_admin").id,
                        "team_id": team.id,
                    }
                    for customer in ("One", "Two")
                ]
            )
            leads.stm_claim_id._send_to_pool("expired")
            self.lead_ids = leads.ids

    def tearDown(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            env["crm.team"].browse(self.team_id).stm_pool_daily_limit = self.old_limit
        super().tearDown()

    def _claim(self, lead_id):
        return lambda env: env["crm.lead"].browse(lead_id).action_stm_claim()

    def test_two_claims_at_once_hold_the_daily_limit(self):
        outcome = {}
        a_claimed = threading.Event()
        cr_b = self.registry.cursor()
        env_b = api.Environment(cr_b, self.demo_uid, {})
        pid_b = cr_b._cnx.get_backend_pid()
        cr_b.execute("SELECT 1")  # B's snapshot starts before A commits

        def claim_b():
            a_claimed.wait(10)
            try:
                call_as_a_request(env_b, self._claim(self.lead_ids[1]))
                cr_b.commit()
                outcome["b"] = "taken"
            except UserError as exc:
                cr_b.rollback()
                outcome["b"] = str(exc)
            finally:
                cr_b.close()

        thread_b = threading.Thread(target=claim_b)
        thread_b.start()
        with self.registry.cursor() as cr_a:
            env_a = api.Environment(cr_a, self.demo_uid, {})
            call_as_a_request(env_a, self._claim(self.lead_ids[0]))
            a_claimed.set()
            waited = self._waits_on_a_lock(pid_b, thread_b)
            cr_a.commit()
        thread_b.join(30)
        self.assertTrue(waited, "PostgreSQL shows B waiting on A's lock")
        self.assertFalse(thread_b.is_alive(), "no deadlock")
        self.assertIn("today", outcome.get("b", ""))
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            taken = env["crm.lead"].browse(self.lead_ids).mapped("stm_claim_state")
        self.assertEqual(sorted(taken), ["claimed", "pool"])
