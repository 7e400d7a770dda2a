"""The README's "Who sees what" table, executed: each row is read over
XML-RPC as each role of the demo, every way a client reads (search_read,
read_group, export_data, the records' messages, followers and attachments),
and what the cell says must hold. A "—" cell reads nothing at all; an "all"
cell reads every record of the company."""

import re
from pathlib import Path

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import RPC_ERRORS, RpcClient, over_json2, read_group_call, refusal_text

README = Path(__file__).resolve().parents[2] / "README.md"
# The table's columns, and the demo login of each role.
ROLES = {
    "salesperson": "zhang.wei",
    "sales admin (销售内勤)": "zhao.min",
    "sales manager": "liu.qiang",
    "support department user": "sun.li",
    "HR officer": "wu.hua",
}
# What each row of the table is about. The table covers the whole suite; a
# row whose add-on is not installed is not read.
ROWS = {
    "leads and opportunities": ["crm.lead"],
    "customer claims and keys": ["stm.claim", "stm.claim.key"],
    "disputes": ["stm.claim.dispute"],
    "difficulty alarms": ["stm.difficulty.alarm"],
    "visits, progress, buying roles": [
        "stm.visit",
        "stm.progress.entry",
        "stm.buying.role",
    ],
    "targets, honours, incentive plans": ["stm.honour", "stm.incentive.plan"],
    "incentive statements (and lines)": [
        "stm.incentive.statement",
        "stm.incentive.statement.line",
    ],
    "published rankings": [
        "stm.appraisal.publication",
        "stm.appraisal.publication.line",
    ],
    "daily compliance": ["stm.compliance"],
    "forecasts, resource requests (and lines)": [
        "stm.forecast",
        "stm.forecast.line",
        "stm.resource.request",
        "stm.resource.request.line",
    ],
    "appraisals (and criteria)": ["stm.appraisal", "stm.appraisal.line"],
    "discipline records": ["stm.discipline"],
    "complaints": ["stm.complaint"],
    "colleagues' ratings": ["stm.peer.review"],
    "coaching plans (goals, sessions)": [
        "stm.coaching.plan",
        "stm.coaching.goal",
        "stm.coaching.session",
    ],
    "knowledge base": ["stm.knowledge"],
    "suggestion box": ["stm.suggestion"],
    "competitors (competitor add-on)": ["stm.competitor"],
    "competitor intel": ["stm.competitor.intel"],
    "sales reports (sales report add-on)": ["stm.sales.report"],
    "sales report lines": ["stm.sales.report.line"],
}
# The board is one model (the team members) read field by field.
BOARD_ROW = "team board: sales figures"
BOARD_FIELDS = ["stm_board_revenue", "stm_board_target_year", "stm_revenue_target"]


def readme_table():
    """{row: {role: cell}} of the README's "Who sees what" table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Who sees what", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    table = {}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        table[cells[0]] = dict(zip(header[1:], cells[1:], strict=True))
    return table


def reads_nothing(cell):
    return cell.startswith("—")


def reads_all(cell):
    return re.match(r"all\b", cell) is not None


@tagged("post_install", "-at_install", "stm_slow")
class TestWhoSeesWhat(RpcClient, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.table = readme_table()
        cls.users = {
            role: cls.env["res.users"].search([("login", "=", login)])
            for role, login in ROLES.items()
        }
        # HR's column holds where Odoo's Employees is installed (the bridge
        # makes the demo's HR officer one); without it he is one more
        # employee, and his column is not this database's to check.
        hr = cls.env.ref("hr.group_hr_user", raise_if_not_found=False)
        cls.roles_here = {
            role: user
            for role, user in cls.users.items()
            if role != "HR officer" or (hr and user.has_group("hr.group_hr_user"))
        }

    def _cells(self, row):
        """(role, cell, user) of the row, for the roles this database has."""
        for role, cell in self.table[row].items():
            if role in self.roles_here:
                yield role, cell, self.roles_here[role]

    def _call(self, user, model, method, *args, **kwargs):
        """The answer, or None when the server refuses (a clear fault)."""
        try:
            with mute_logger("odoo.http"):
                return self.rpc(user, model, method, *args, **kwargs)
        except RPC_ERRORS as error:
            self.assertNotIn("Traceback (most recent", refusal_text(error)[:40])
            return None

    def _company_records(self, model, user):
        Model = self.env[model].with_context(active_test=False)
        domain = []
        if "company_id" in Model._fields:
            domain = [("company_id", "in", [*user.company_ids.ids, False])]
        return Model.search(domain)

    def _rows(self):
        for row, models in ROWS.items():
            installed = [model for model in models if model in self.env]
            if installed:
                yield row, installed

    def test_the_table_covers_every_row(self):
        self.assertEqual(set(self.table) - {BOARD_ROW}, set(ROWS) | _untested())
        self.assertEqual(set(next(iter(self.table.values()))), set(ROLES))
        self.assertTrue(all(self.users.values()), "the demo's people exist")

    def test_nothing_means_nothing(self):
        """A "—" cell: no record, no group, no export, no message, follower
        or attachment of the row's records."""
        checked = 0
        for row, models in self._rows():
            for role, cell, user in self._cells(row):
                if not reads_nothing(cell):
                    continue
                for model in models:
                    records = self._company_records(model, user)
                    with self.subTest(row=row, role=role, model=model):
                        self._assert_reads_nothing(user, model, records)
                        checked += 1
        # A table read wrong would check nothing: the core alone has more
        # than five such cells (13 with the incentives gone), the suite more.
        self.assertGreater(checked, 5)

    def _assert_reads_nothing(self, user, model, records):
        found = self._call(user, model, "search_read", [], ["id"])
        self.assertFalse(found)
        method, args, kwargs = read_group_call([], [])
        groups = self._call(user, model, method, *args, **kwargs)
        self.assertFalse(groups and groups[0].get("__count"))
        if records:
            exported = self._call(user, model, "export_data", records.ids[:20], ["id"])
            self.assertFalse(exported and exported.get("datas"))
        for related, field in (
            ("mail.message", "model"),
            ("mail.followers", "res_model"),
            ("ir.attachment", "res_model"),
        ):
            seen = self._call(
                user,
                related,
                "search_read",
                [(field, "=", model), ("res_id", "in", records.ids)],
                ["id"],
            )
            self.assertFalse(seen, f"{related} of {model}")

    def test_all_means_every_record_of_the_company(self):
        checked = 0
        for row, models in self._rows():
            for role, cell, user in self._cells(row):
                if not reads_all(cell):
                    continue
                for model in models:
                    with self.subTest(row=row, role=role, model=model):
                        records = self._company_records(model, user)
                        found = self._call(
                            user,
                            model,
                            "search",
                            [],
                            context={"active_test": False},
                        )
                        self.assertEqual(sorted(found or []), sorted(records.ids))
                        checked += 1
        # A table read wrong would check nothing: the core alone has more
        # than ten such cells (18), the suite more.
        self.assertGreater(checked, 10)

    def test_the_board_figures(self):
        members = self.env["crm.team.member"].search([])
        for role, cell, user in self._cells(BOARD_ROW):
            with self.subTest(role=role):
                found = self._call(
                    user, "crm.team.member", "read", members.ids, BOARD_FIELDS
                )
                if reads_nothing(cell):
                    self.assertIsNone(found)
                    exported = self._call(
                        user,
                        "crm.team.member",
                        "export_data",
                        members.ids,
                        BOARD_FIELDS,
                    )
                    self.assertIsNone(exported)
                else:
                    self.assertEqual(len(found), len(members))


def _untested():
    """Rows kept by other tests: the board's discipline side is blanked per
    card (test_rpc_privacy), satisfaction answers live in the survey
    add-on (its own tests)."""
    return {
        "team board: compliance, failing days, alarms, disputes",
        "satisfaction answers (survey add-on)",
    }


# The same, over Odoo 19's /json/2.
TestWhoSeesWhatOverJson2 = over_json2(TestWhoSeesWhat)
