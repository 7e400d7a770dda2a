import inspect
import json
import xmlrpc.client

from psycopg2.errors import SerializationFailure

from odoo import api
from odoo.exceptions import AccessError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, HttpCase, TransactionCase, new_test_user, tagged
from odoo.tests.common import get_db_name
from odoo.tools import mute_logger

from ..compat import ODOO_19


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
    def _other_team_leader(cls):
        """A sales manager of the same company leading another team: he
        reads the fixtures' teams' records but decides nothing on them."""
        leader = new_test_user(
            cls.env,
            "stm_north_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            name="North Manager",
        )
        cls.env["crm.team"].create({"name": "North", "user_id": leader.id})
        return leader

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

    @classmethod
    def _won_on(cls, user, amount, when, team=None):
        """A deal of ``user`` won at ``when`` (UTC) for ``amount``, in Odoo's
        won stage: what targets, statements and honours count."""
        return cls.env["crm.lead"].create(
            {
                "name": f"Deal {user.name} {amount}",
                "type": "opportunity",
                "user_id": user.id,
                "team_id": (team or cls.team_block).id,
                "expected_revenue": amount,
                "stage_id": cls.env.ref("crm.stage_lead4").id,
                "date_closed": when,
            }
        )

    def _lose_won(self, lead):
        """A won deal lost after all: moved back out of the won stage first,
        as Odoo 19 asks, then lost."""
        lead.stage_id = self.env["crm.stage"].search([("is_won", "=", False)], limit=1)
        lead.action_set_lost()


# Each group a user of another company may be in, by a short name (HR's
# where Odoo's Employees is installed).
OTHER_COMPANY_GROUPS = {
    "rep": "sales_team.group_sale_salesman",
    "admin": "sales_team_mgmt.group_stm_sales_admin",
    "manager": "sales_team.group_sale_manager",
    "hr": "hr.group_hr_user",
    "dept": "sales_team_mgmt.group_stm_department_user",
}


def assert_other_company_reads_nothing(case, records):
    """As a user of each group working for another company only, none of
    ``records`` is found or read."""
    other = case.env["res.company"].create({"name": "Another Company"})
    for name, group in OTHER_COMPANY_GROUPS.items():
        if not case.env.ref(group, raise_if_not_found=False):
            continue
        user = new_test_user(
            case.env,
            f"stm_other_company_{name}",
            groups=f"base.group_user,{group}",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        for record in records:
            Model = case.env[record._name].with_user(user)
            with case.subTest(user=name, model=record._name):
                if Model.has_access("read"):
                    case.assertFalse(Model.search([("id", "=", record.id)]))
                with case.assertRaises(AccessError):
                    Model.browse(record.id).read(["display_name"])


class StmCase(StmFixtures, TransactionCase):
    """The fixtures, with mail tracking off (faster; the RPC suite keeps it
    on)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls._stm_setup_people()


class RpcRefused(xmlrpc.client.Fault):
    """A /json/2 call the server refused: a fault like XML-RPC's, whose text
    is what a person reads."""

    def __init__(self, message):
        super().__init__(1, message)


# What a refused call raises, whichever the protocol.
RPC_ERRORS = xmlrpc.client.Fault


def refusal_text(error):
    return error.faultString


class RpcClient:
    """Calls as an external client would, with each user's own credentials:
    XML-RPC (Odoo 18 and 19) or /json/2 (Odoo 19's external API, the one
    that stays), by the class's ``protocol``."""

    protocol = "xmlrpc"

    def rpc(self, user, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` as ``user``."""
        if self.protocol == "json2":
            return self._json2(user, model, method, args, kwargs)
        # Odoo 19 warns that XML-RPC goes away in 20: it is the protocol
        # under test here.
        with mute_logger("odoo.addons.rpc.controllers.xmlrpc"):
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                user.id,
                user.login,
                model,
                method,
                list(args),
                kwargs,
            )

    def _api_key(self, user, renew=False):
        keys = self.__dict__.setdefault("_api_keys", {})
        if renew or user not in keys:
            keys[user] = (
                self.env["res.users.apikeys"]
                .with_user(user)
                .sudo()
                ._generate(None, "tests", None)
            )
        return keys[user]

    def _json2(self, user, model, method, args, kwargs):
        # /json/2 takes named arguments only: the positional ones are named
        # after the method's signature (the first are the ids, unless the
        # method is a model method).
        function = getattr(type(self.env[model]), method)
        names = [
            name
            for name, parameter in inspect.signature(function).parameters.items()
            if name != "self" and parameter.kind == parameter.POSITIONAL_OR_KEYWORD
        ]
        body = dict(kwargs)
        args = list(args)
        if not hasattr(function, "_api_model") and args:
            body["ids"] = args.pop(0)
        body.update(zip(names, args, strict=False))
        for renew in (False, True):
            response = self.url_open(
                f"/json/2/{model}/{method}",
                data=json.dumps(body),
                headers={
                    "Authorization": f"bearer {self._api_key(user, renew)}",
                    "Content-Type": "application/json",
                    "X-Odoo-Database": self.env.cr.dbname,
                },
                allow_redirects=False,
            )
            # In a test, a refused request can take a key made during the
            # test away with it (seen on Odoo 19): a new one, once.
            if response.status_code != 401:
                break
        answer = response.json()
        if response.status_code != 200:
            raise RpcRefused(answer.get("message") or str(answer))
        if method == "create" and isinstance(body.get(names[0]), dict):
            # One record asked, one id answered (as XML-RPC does).
            return answer[0]
        return answer


def read_group_call(domain, groupby):
    """(method, args, kwargs) of the grouped read a client calls: each group
    with its ``__count`` (``read_group`` is deprecated on Odoo 19)."""
    if ODOO_19:
        return "formatted_read_group", [domain, groupby, ["__count"]], {}
    return "read_group", [domain, groupby, groupby], {"lazy": False}


def over_json2(cls):
    """The same tests as ``cls``, over /json/2 (Odoo 19; None on 18)."""
    if not ODOO_19:
        return None
    name = cls.__name__.removesuffix("OverRpc") + "OverJson2"
    return type(
        name,
        (cls,),
        {
            "protocol": "json2",
            "__module__": cls.__module__,
            # Odoo's loader runs only a class's own test methods unless told.
            "allow_inherited_tests_method": True,
        },
    )


@tagged("stm_slow")
class StmRpcCase(StmFixtures, RpcClient, HttpCase):
    """The fixtures reached as a real client would, with each user's own
    credentials, mail tracking on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stm_setup_people()

    def assertRefused(self, user, model, method, *args, match=None, **kwargs):
        """The call fails with a refusal a person can read (no traceback, no
        "cannot marshal"), whose text contains ``match`` when given."""
        # Odoo logs every refused request at WARNING (odoo.http): expected here.
        with self.assertRaises(RPC_ERRORS) as caught, mute_logger("odoo.http"):
            self.rpc(user, model, method, *args, **kwargs)
        text = refusal_text(caught.exception)
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


@tagged("stm_slow")
class CommittedCase(BaseCase):
    """Tests whose transactions really commit (races between cursors): they
    work on the test database's registry and delete, after each test, the
    leads named with ``lead_prefix`` and their claims."""

    lead_prefix = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def _waits_on_a_lock(self, pid, thread):
        """Whether PostgreSQL shows the backend ``pid`` waiting on a lock
        (polled for up to 10 s while ``thread`` runs)."""
        with self.registry.cursor() as watch:
            for _poll in range(200):
                watch.execute(
                    "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                    [pid],
                )
                if watch.fetchone()[0] == "Lock":
                    return True
                thread.join(0.05)
        return False

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
