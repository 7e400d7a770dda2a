"""Hostile values through XML-RPC into the create and write of every model a
client can reach: each answer is either a save or an error a person can read
(never a database traceback, a bare ValueError/TypeError or a "cannot
marshal" fault), and a refused call leaves nothing behind."""

from datetime import date, timedelta

from odoo.tests import tagged
from odoo.tools import mute_logger

from ..compat import PHONE_FIELDS
from .common import RPC_ERRORS, StmRpcCase, over_json2, refusal_text

# Field types and what a careless or malicious client may send for them.
HOSTILE = {
    "char": ["x" * 300_000],
    "text": ["x" * 300_000],
    "html": ["<p>" + "x" * 300_000 + "</p>"],
    "integer": ["12abc", 1e20],
    "float": ["abc", float("inf")],
    "monetary": ["abc", float("-inf")],
    "date": ["2020-13-45", "2020-02-30", "0001-01-01"],
    "datetime": ["2020-13-45 10:00:00", "2020-02-30 25:61:00"],
    "selection": ["bogus"],
    "many2one": ["abc"],
}
# What only the server may write, and Odoo's own bookkeeping.
SKIPPED = {"id", "create_uid", "create_date", "write_uid", "write_date", "display_name"}
# On Odoo's own models, the fields this add-on adds or relies on (the others
# are Odoo's, and other modules', to answer for).
OURS_ON = {
    "crm.lead": {
        "partner_name",
        "contact_name",
        "email_from",
        *PHONE_FIELDS,
        "street",
        "city",
        "zip",
        "expected_revenue",
        "date_deadline",
        "partner_id",
        "user_id",
        "team_id",
        "country_id",
        "probability",
    },
    "res.partner": {"name", *PHONE_FIELDS, "email", "vat", "ref", "user_id"},
}
SERVER_ERRORS = ("Traceback", "psycopg2", "ValueError", "TypeError", "cannot marshal")


@tagged("post_install", "-at_install")
class TestHostileInputOverRpc(StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.lead = cls._lead_cls(cls.manager, partner_name="Hostile Input Ltd")
        cls.customer = env["res.partner"].create(
            {"name": "Hostile Input Ltd", "is_company": True}
        )
        cls.department = env["hr.department"].create(
            {"name": "Finance (hostile)", "stm_service": "finance"}
        )
        monday = date.today() - timedelta(days=date.today().weekday())
        cls.forecast = env["stm.forecast"].create(
            {"user_id": cls.manager.id, "month": date.today().replace(day=1)}
        )
        cls.request = env["stm.resource.request"].create(
            {"user_id": cls.manager.id, "week_start": monday}
        )
        cls.appraisal = env["stm.appraisal"].create(
            {
                "user_id": cls.rep_a.id,
                "team_id": cls.team_block.id,
                "period": "quarter",
                "date_from": date(2026, 7, 1),
            }
        )
        # Archived: an active template must weigh 100 after every change.
        cls.template = env["stm.appraisal.template"].create(
            {"name": "Hostile", "active": False}
        )
        # model: values of a valid create by the manager.
        cls.valid = {
            "crm.lead": {"name": "Fine lead"},
            "res.partner": {"name": "Fine partner"},
            "stm.visit": {"partner_id": cls.customer.id, "purpose": "Intro"},
            "stm.progress.entry": {"lead_id": cls.lead.id, "summary": "Step"},
            "stm.buying.role": {
                "lead_id": cls.lead.id,
                "partner_id": cls.customer.id,
                "role": "user",
            },
            "stm.difficulty.alarm": {"lead_id": cls.lead.id, "reason": "Stuck"},
            "stm.forecast.line": {
                "forecast_id": cls.forecast.id,
                "lead_id": cls.lead.id,
            },
            "stm.resource.request.line": {
                "request_id": cls.request.id,
                "description": "Demo unit",
            },
            "stm.appraisal.line": {
                "appraisal_id": cls.appraisal.id,
                "name": "Extra",
                "weight": 0,
            },
            "stm.appraisal.template.line": {
                "template_id": cls.template.id,
                "name": "Extra",
                "weight": 0,
            },
            "stm.complaint": {
                "department_id": cls.department.id,
                "description": "Late refund",
            },
            "stm.discipline": {
                "user_id": cls.rep_a.id,
                "kind": "warning",
                "reason": "x",
            },
            "stm.knowledge": {"name": "Objection"},
            "stm.knowledge.tag": {"name": "tender"},
            "stm.suggestion.box": {"name": "Idea", "body": "Text"},
        }

    @classmethod
    def _lead_cls(cls, user, **values):
        return (
            cls.env["crm.lead"]
            .with_user(user)
            .create(
                dict(
                    {"name": "Opportunity", "type": "opportunity"},
                    user_id=user.id,
                    team_id=cls.team_block.id,
                    **values,
                )
            )
            .with_env(cls.env)
        )

    def _fields(self, model):
        described = self.rpc(
            self.manager, model, "fields_get", attributes=["type", "store", "related"]
        )
        ours = OURS_ON.get(model)
        return {
            name: spec["type"]
            for name, spec in described.items()
            if spec["type"] in HOSTILE
            and spec.get("store")
            and name not in SKIPPED
            and not name.startswith(("message_", "activity_", "website_"))
            and (ours is None or name in ours or name.startswith("stm_"))
        }

    def _call(self, model, method, *args):
        """The call's outcome: "saved", or the fault text (checked)."""
        try:
            with mute_logger("odoo.http", "odoo.sql_db"):
                self.rpc(self.manager, model, method, *args)
        except RPC_ERRORS as error:
            text = refusal_text(error)
            for marker in SERVER_ERRORS:
                self.assertNotIn(marker, text, f"{model}.{method}: {text[:300]}")
            return text
        return "saved"

    def test_every_field_of_every_model(self):
        refusals = 0
        for model, valid in self.valid.items():
            fields = self._fields(model)
            target = self.rpc(self.manager, model, "create", valid)
            for fname, kind in sorted(fields.items()):
                for value in HOSTILE[kind]:
                    with self.subTest(model=model, field=fname, value=str(value)[:20]):
                        count = (
                            self.env[model]
                            .with_context(active_test=False)
                            .search_count([])
                        )
                        outcome = self._call(
                            model, "create", dict(valid, **{fname: value})
                        )
                        if outcome != "saved":
                            refusals += 1
                            self.assertEqual(
                                self.env[model]
                                .with_context(active_test=False)
                                .search_count([]),
                                count,
                                f"{model}: a refused create saved nothing",
                            )
                        before = self.rpc(
                            self.manager, model, "read", [target], [fname]
                        )
                        outcome = self._call(model, "write", [target], {fname: value})
                        if outcome != "saved":
                            refusals += 1
                            after = self.rpc(
                                self.manager, model, "read", [target], [fname]
                            )
                            self.assertEqual(
                                after, before, f"{model}.{fname} unchanged"
                            )
        self.assertGreater(refusals, 100)

    def test_the_cases_users_met(self):
        """The values that reached users as server errors before."""
        visit = self.rpc(self.manager, "stm.visit", "create", self.valid["stm.visit"])
        for fname, value in (("date", "2020-13-45"), ("next_date", "2020-02-30")):
            text = self._call("stm.visit", "write", [visit], {fname: value})
            self.assertIn("not a valid date", text)
        text = self._call(
            "stm.complaint",
            "create",
            dict(self.valid["stm.complaint"], category="bogus"),
        )
        self.assertIn("finance", text, "the allowed values are listed")
        text = self._call(
            "stm.resource.request",
            "write",
            self.request.ids,
            {"week_start": str(self.request.week_start + timedelta(days=2))},
        )
        self.assertIn("Monday", text)
        for fname in ("vat", "ref", "phone"):
            text = self._call(
                "res.partner", "create", {"name": "Big", fname: "9" * 1_000_000}
            )
            self.assertIn("too long", text)
        partner = self.rpc(self.manager, "res.partner", "create", {"name": "Small"})
        text = self._call("res.partner", "write", [partner], {"name": "n" * 1_000_000})
        self.assertIn("too long", text)
        text = self._call("stm.visit", "write", [visit], {"partner_id": "abc"})
        self.assertIn("id of a record", text)
        text = self._call("stm.visit", "write", [visit], {"duration": "long"})
        self.assertIn("not a number", text)


# The same, over Odoo 19's /json/2.
TestHostileInputOverJson2 = over_json2(TestHostileInputOverRpc)
