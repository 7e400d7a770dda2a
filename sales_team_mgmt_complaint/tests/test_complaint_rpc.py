"""Complaints as a client meets them over XML-RPC (and Odoo 19's /json/2),
mail tracking on: anonymity end to end, answers only through the buttons,
hostile values, any text, another company; upheld complaints in the
appraisal and the honours."""

from datetime import date

from freezegun import freeze_time
from hypothesis import given

from odoo import Command
from odoo.addons.sales_team_mgmt.tests.common import (
    StmCase,
    StmRpcCase,
    assert_other_company_reads_nothing,
    over_json2,
    read_group_call,
)
from odoo.addons.sales_team_mgmt.tests.hostile import (
    DAY,
    NUMBER,
    SETTINGS,
    TEXT,
    HostileInput,
    HostileRpc,
    explores,
)
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestComplaintsOverRpc(HostileRpc, StmRpcCase):
    min_refusals = 10

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = cls.env["hr.department"].create(
            {"name": "Finance (privacy)", "stm_service": "finance"}
        )
        cls.clerk = new_test_user(
            cls.env,
            "stm_privacy_clerk",
            groups="base.group_user,sales_team_mgmt.group_stm_department_user,"
            "base.group_allow_export",
            name="Clerk Qian",
        )
        cls.env["hr.employee"].create(
            {
                "name": "Clerk Qian",
                "user_id": cls.clerk.id,
                "department_id": cls.finance.id,
            }
        )
        # model: values of a valid create by the manager.
        cls.valid = {
            "stm.complaint": {
                "department_id": cls.finance.id,
                "description": "Late refund",
            },
        }

    def test_an_anonymous_complaint_stays_anonymous_once_closed(self):
        author = self.rep_a
        complaint = self.rpc(
            author,
            "stm.complaint",
            "create",
            {
                "department_id": self.finance.id,
                "description": "Expense claim lost twice",
                "anonymous": True,
            },
        )
        self.rpc(
            self.clerk, "stm.complaint", "write", [complaint], {"response": "Found"}
        )
        self.assertTrue(
            self.rpc(self.clerk, "stm.complaint", "action_resolve", [complaint])
        )
        # The complainant closes it: the step that used to sign it.
        self.assertTrue(self.rpc(author, "stm.complaint", "action_close", [complaint]))
        self.assertEqual(self.env["stm.complaint"].browse(complaint).state, "closed")
        # What the department can read, every way it can read it.
        (record,) = self.rpc(
            self.clerk,
            "stm.complaint",
            "read",
            [complaint],
            ["create_uid", "write_uid", "message_follower_ids", "complainant_name"],
        )
        self.assertNotEqual(record["create_uid"][0], author.id)
        self.assertNotEqual(record["write_uid"][0], author.id)
        self.assertNotIn(author.name, str(record))
        method, args, kwargs = read_group_call([("id", "=", complaint)], ["write_uid"])
        groups = self.rpc(self.clerk, "stm.complaint", method, *args, **kwargs)
        self.assertNotIn(
            author.id, [g["write_uid"][0] for g in groups if g["write_uid"]]
        )
        messages = self.rpc(
            self.clerk,
            "mail.message",
            "search_read",
            [("model", "=", "stm.complaint"), ("res_id", "=", complaint)],
            ["author_id", "create_uid", "write_uid", "body"],
        )
        self.assertTrue(messages, "the state changes are tracked")
        for message in messages:
            for fname in ("author_id", "create_uid", "write_uid"):
                self.assertNotIn(
                    message[fname] and message[fname][0],
                    (author.id, author.partner_id.id),
                    fname,
                )
            self.assertNotIn(author.name, message["body"] or "")
        # Tracking values are not readable by the department; whoever can read
        # them (an administrator) does not learn the author either.
        tracked = (
            self.env["mail.message"]
            .search([("model", "=", "stm.complaint"), ("res_id", "=", complaint)])
            .tracking_value_ids
        )
        self.assertTrue(tracked)
        self.assertNotIn(author, tracked.create_uid | tracked.write_uid)
        followers = self.rpc(
            self.clerk,
            "mail.followers",
            "search_read",
            [("res_model", "=", "stm.complaint"), ("res_id", "=", complaint)],
            ["partner_id"],
        )
        self.assertNotIn(author.partner_id.id, [f["partner_id"][0] for f in followers])
        exported = self.rpc(
            self.clerk,
            "stm.complaint",
            "export_data",
            [complaint],
            ["create_uid/name", "write_uid/name", "complainant_name"],
        )
        self.assertNotIn(author.name, str(exported))

    def test_an_anonymous_complainant_is_nowhere_right_after_filing(self):
        department = self.env["hr.department"].create(
            {"name": "Finance (gate)", "stm_service": "finance"}
        )
        complaint = self.rpc(
            self.rep_a,
            "stm.complaint",
            "create",
            {
                "department_id": department.id,
                "description": "Invoice lost",
                "anonymous": True,
            },
        )
        self.env.cr.execute(
            SQL(
                "SELECT create_uid, write_uid FROM stm_complaint WHERE id = %s",
                complaint,
            )
        )
        self.assertNotIn(self.rep_a.id, self.env.cr.fetchone())
        messages = self.env["mail.message"].search(
            [("model", "=", "stm.complaint"), ("res_id", "=", complaint)]
        )
        self.assertNotIn(self.rep_a.partner_id, messages.author_id)
        self.assertNotIn(self.rep_a, messages.create_uid)
        followers = self.env["mail.followers"].search(
            [("res_model", "=", "stm.complaint"), ("res_id", "=", complaint)]
        )
        self.assertNotIn(self.rep_a.partner_id, followers.partner_id)

    def test_complaint_answers_go_through_the_buttons(self):
        department = self.env["hr.department"].create(
            {"name": "Finance", "stm_service": "finance"}
        )
        clerk = new_test_user(
            self.env,
            "stm_finance_clerk",
            groups="base.group_user,sales_team_mgmt.group_stm_department_user",
            name="Sun Li",
        )
        self.env["hr.employee"].create(
            {"name": "Sun Li", "user_id": clerk.id, "department_id": department.id}
        )
        complaint = self.rpc(
            self.rep_a,
            "stm.complaint",
            "create",
            {"department_id": department.id, "description": "Invoice late"},
        )
        for values in (
            {"state": "resolved"},
            {"sla_breached": False},
            {"answered_on": "2020-01-01"},
        ):
            self.assertRefused(clerk, "stm.complaint", "write", [complaint], values)

    def test_a_bad_category_lists_the_allowed_values(self):
        text = self._call(
            "stm.complaint",
            "create",
            dict(self.valid["stm.complaint"], category="bogus"),
        )
        self.assertIn("finance", text, "the allowed values are listed")
        self.assertRefused(
            self.rep_a, "stm.complaint", "create", {"category": "nonsense"}
        )


# The same, over Odoo 19's /json/2.
TestComplaintsOverJson2 = over_json2(TestComplaintsOverRpc)


@tagged("post_install", "-at_install", "stm_slow")
class TestComplaintBadInput(HostileInput, StmCase):
    @explores
    @SETTINGS
    @given(description=TEXT, response=TEXT, day=DAY, sla=NUMBER)
    def test_complaint(self, description, response, day, sla):
        department = self.env["hr.department"].create({"name": "Finance"})
        self._attempt(
            "hr.department",
            record=department,
            write={"stm_complaint_sla_days": int(sla)},
        )
        complaint = self._attempt(
            "stm.complaint",
            create={
                "department_id": department.id,
                "description": description or "d",
                "date": day,
            },
        )
        if complaint:
            self._attempt(
                "stm.complaint", record=complaint, write={"response": response}
            )
            self.env["stm.complaint"]._cron_check_deadlines()


@tagged("post_install", "-at_install")
class TestComplaintsTwoCompanies(StmCase):
    """Company A's complaints, as each group of company B only: nothing."""

    def test_company_b_reads_nothing_of_company_a(self):
        department = self.env["hr.department"].create(
            {"name": "Finance A", "stm_service": "finance"}
        )
        complaint = (
            self.env["stm.complaint"]
            .with_user(self.rep_a)
            .create({"department_id": department.id, "description": "Slow refund"})
        )
        self.assertEqual(complaint.company_id, self.env.company)
        assert_other_company_reads_nothing(self, [complaint])


@tagged("post_install", "-at_install")
class TestUpheldComplaintsCount(StmCase):
    """The figure the core asks for and this add-on counts: an upheld
    complaint counts against its salesperson in the month it was filed (the
    incentives add-on's service honour weighs it) and lowers the appraisal's
    teamwork line."""

    def _uphold_against(self, user, day):
        department = self.env["hr.department"].create(
            {"name": "Service (honours)", "stm_service": "aftersales"}
        )
        employee = self.env["hr.employee"].create(
            {"name": user.name, "user_id": user.id, "department_id": department.id}
        )
        with freeze_time(f"{day} 03:00:00"):
            complaint = self.env["stm.complaint"].create(
                {
                    "department_id": department.id,
                    "employee_id": employee.id,
                    "description": "Late delivery",
                }
            )
        complaint.sudo().upheld = True
        self.assertEqual(complaint.target_user_id, user)
        return complaint

    def test_an_upheld_complaint_counts_in_its_month(self):
        self._uphold_against(self.rep_b, "2026-10-10")
        self._uphold_against(self.rep_a, "2026-11-02")
        october = self.env["stm.figures"]._stm_upheld_complaints(
            self.rep_a | self.rep_b,
            self.env.company,
            date(2026, 10, 1),
            date(2026, 10, 31),
        )
        self.assertEqual(october, {self.rep_b: 1})

    def test_an_upheld_complaint_lowers_the_teamwork_line(self):
        self._uphold_against(self.rep_b, "2026-08-10")
        template = self.env["stm.appraisal.template"].create(
            {
                "name": "Teamwork only",
                "line_ids": [
                    Command.create(
                        {
                            "name": "Upheld complaints",
                            "weight": 50,
                            "source": "complaints",
                        }
                    ),
                    Command.create(
                        {"name": "Manual", "weight": 50, "source": "manual"}
                    ),
                ],
            }
        )
        form = Form(self.env["stm.appraisal"].with_user(self.manager))
        form.user_id = self.rep_b
        form.template_id = template
        form.period = "quarter"
        form.date_from = date(2026, 8, 1)
        appraisal = form.save().with_env(self.env)
        appraisal.with_user(self.manager).action_fill_kpis()
        teamwork = appraisal.line_ids.filtered(lambda line: line.kpi == "complaints")
        self.assertTrue(teamwork)
        self.assertLess(teamwork.score, 100)
        self.assertEqual(teamwork.actual, 1)
