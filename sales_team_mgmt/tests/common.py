import xmlrpc.client

from psycopg2.errors import SerializationFailure

from odoo import api
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, HttpCase, TransactionCase, new_test_user
from odoo.tests.common import get_db_name
from odoo.tools import mute_logger


class StmFixtures:
    """Two teams (one blocks double registrations, one opens disputes),
    three salespeople, a sales admin and a manager. Each user's password is
    their login."""

    @classmethod
    def _stm_setup_people(cls):
        cls.manager = new_test_user(
            cls.env,
            "stm_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            name="Manager Liu",
        )
        cls.sales_admin = new_test_user(
            cls.env,
            "stm_sales_admin",
            groups="base.group_user,sales_team_mgmt.group_stm_sales_admin",
            name="Admin Zhao",
        )
        cls.rep_a = cls._salesperson("stm_rep_a", "Zhang Wei")
        cls.rep_b = cls._salesperson("stm_rep_b", "Li Na")
        cls.rep_c = cls._salesperson("stm_rep_c", "Chen Jie")
        cls.team_block = cls.env["crm.team"].create(
            {
                "name": "East (block)",
                "user_id": cls.manager.id,
                "stm_claim_conflict_mode": "block",
                "crm_team_member_ids": [
                    (0, 0, {"user_id": cls.rep_a.id}),
                    (0, 0, {"user_id": cls.rep_b.id}),
                ],
            }
        )
        cls.team_dispute = cls.env["crm.team"].create(
            {
                "name": "South (dispute)",
                "user_id": cls.manager.id,
                "stm_claim_conflict_mode": "dispute",
                "crm_team_member_ids": [(0, 0, {"user_id": cls.rep_c.id})],
            }
        )
        # Long-standing teams: their targets count for every past period.
        (
            cls.team_block | cls.team_dispute
        ).crm_team_member_ids.stm_joined_on = "2020-01-01"

    @classmethod
    def _salesperson(cls, login, name):
        return new_test_user(
            cls.env,
            login,
            groups="base.group_user,sales_team.group_sale_salesman",
            name=name,
            email=f"{login}@example.com",
        )

    def _lead(self, user, team=None, **values):
        values.setdefault("name", "Opportunity")
        values.setdefault("type", "opportunity")
        lead = (
            self.env["crm.lead"]
            .with_user(user)
            .create(
                dict(
                    values,
                    user_id=user.id,
                    team_id=(team or self.team_block).id,
                )
            )
        )
        # Assertions read it as the test's superuser; actions use with_user().
        return lead.with_env(self.env)


class StmCase(StmFixtures, TransactionCase):
    """The fixtures, with mail tracking off (faster; the RPC suite keeps it
    on)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls._stm_setup_people()


class StmRpcCase(StmFixtures, HttpCase):
    """The fixtures reached as a real client would: XML-RPC with each user's
    login and password, mail tracking on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stm_setup_people()

    def rpc(self, user, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` over XML-RPC as ``user``."""
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs
        )

    def assertRefused(self, user, model, method, *args, match=None, **kwargs):
        """The call fails with a fault a person can read (no traceback, no
        "cannot marshal"), whose text contains ``match`` when given."""
        # Odoo logs every refused request at WARNING (odoo.http): expected here.
        with self.assertRaises(xmlrpc.client.Fault) as caught, mute_logger("odoo.http"):
            self.rpc(user, model, method, *args, **kwargs)
        text = caught.exception.faultString
        self.assertNotIn("Traceback", text)
        self.assertNotIn("cannot marshal", text)
        if match:
            self.assertIn(match, text)
        return text


def create_as_a_request(env, model, values, tries=5):
    """Create as Odoo serves a request (``odoo.service.model.retrying``): a
    serialization failure rolls back and starts again. Without retrying's
    registry reload, which would wait for the lock the test runner holds."""
    for attempt in range(1, tries + 1):
        try:
            record = env[model].create(values)
            env.flush_all()
            return record
        except SerializationFailure:
            if attempt == tries:
                raise
            env.cr.rollback()
            env.transaction.clear()
    return None


class CommittedCase(BaseCase):
    """Tests whose transactions really commit (races between cursors): they
    work on the test database's registry and delete, after each test, the
    leads named with ``lead_prefix`` and their claims."""

    lead_prefix = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def tearDown(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            leads = (
                env["crm.lead"]
                .with_context(active_test=False)
                .search([("name", "=like", f"{self.lead_prefix}%")])
            )
            claims = leads.stm_claim_id
            leads.unlink()
            claims.unlink()
        super().tearDown()
