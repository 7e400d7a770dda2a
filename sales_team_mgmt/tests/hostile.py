"""Hostile input for the Odoo tests of every add-on of the suite: the
strategies, the derandomised settings, and :class:`HostileInput`, whose
``_attempt`` runs a create or write and accepts only a clean refusal or a
correct save. No test class here: importing it runs nothing twice."""

import functools
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from ..compat import PHONE_FIELDS, integrity_message
from .common import RPC_ERRORS, refusal_text

# PostgreSQL cannot store NUL, nor UTF-8 encode a lone surrogate: Odoo's own
# fields refuse both everywhere, before our code runs.
ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
    max_size=200,
)
HOSTILE = st.sampled_from(
    [
        "",
        " ",
        "x" * 1_000_000,
        "'; DROP TABLE crm_lead; --",
        "<script>alert(1)</script>",
        "😀🚀👍🏽" * 50,
        "𠀀𪚥\u200b\u202e",
        "%(name)s %s {0}",
        "+86 abc-def ####",
    ]
)
TEXT = st.one_of(ANY_TEXT, HOSTILE)
DAY = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2028, 2, 29)]),
)
# Weeks start on a Monday near today: the form's own values, among the wild.
THIS_MONDAY = date.today() - timedelta(days=date.today().weekday())
WEEK = st.one_of(
    st.integers(-52, 52).map(lambda weeks: THIS_MONDAY + timedelta(weeks=weeks)),
    DAY,
)
MOMENT = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 30))
NUMBER = st.one_of(
    st.integers(min_value=-(2**31), max_value=2**31 - 1),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
EXPECTED = (ValidationError, UserError, AccessError)
# The same examples on every run: a failure found once is found again.
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def explores(test):
    """Runs a hypothesis test, then checks that every model it tried saved
    some of the examples: hostile input is refused, not all input (a test
    that only ever sees refusals would check nothing)."""

    @functools.wraps(test)
    def run(self):
        self._tried, self._saved = set(), set()
        test(self)
        never = sorted(self._tried - self._saved)
        self.assertFalse(never, f"no example was ever saved for {never}")

    return run


class HostileInput:
    """Mixed into a test case: ``_attempt`` and the bookkeeping
    :func:`explores` checks."""

    def _attempt(self, model, create=None, write=None, record=None, user=None):
        """Run a create or a write in a savepoint; the only failures allowed
        are the ones a user is shown, and they leave nothing behind."""
        Model = self.env[model].with_user(user) if user else self.env[model]
        before = self.env[model].with_context(active_test=False).search_count([])
        self._tried.add(model)
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                if create is not None:
                    saved = Model.create(create)
                else:
                    record.write(write)
                    saved = record
                self.env.flush_all()
            self._saved.add(model)
            return saved
        except IntegrityError as exc:
            # Only a constraint we declared, whose message the RPC layer
            # shows the user, may stop hostile input: never a bare database
            # error.
            self.env.invalidate_all()
            declared = (
                self.env["ir.model.constraint"]
                .sudo()
                .search(
                    [
                        ("name", "=", exc.diag.constraint_name),
                        ("model.model", "=", model),
                    ]
                )
            )
            self.assertTrue(declared.message, f"{exc.diag.constraint_name}: no message")
            self.assertIn(declared.message, integrity_message(self.env, model, exc))
            return None
        except EXPECTED:
            self.env.invalidate_all()
            after = self.env[model].with_context(active_test=False).search_count([])
            self.assertEqual(before, after, f"{model}: nothing half-saved")
            return None


# Over RPC: field types and what a careless or malicious client may send.
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


class HostileRpc:
    """Mixed into an RPC test case that sets ``valid`` ({model: values of a
    valid create by the manager}): every stored field of each model gets
    every hostile value of its type, by create and by write."""

    # A test that met no refusal would have checked nothing.
    min_refusals = 20
    # Odoo's loader runs only a class's own test methods unless told: the
    # one below is the mixin's.
    allow_inherited_tests_method = True

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
        self.assertGreater(refusals, self.min_refusals)
