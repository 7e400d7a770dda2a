from datetime import date

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.compat import read_group
from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaint(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        cls.finance = Department.create({"name": "Finance", "stm_service": "finance"})
        cls.technical = Department.create(
            {"name": "Technical", "stm_service": "presales"}
        )
        cls.hr_department = Department.create({"name": "HR", "stm_service": "hr"})
        cls.fin_head = cls._staff("stm_fin_head", "Finance Head Sun", cls.finance)
        cls.fin_clerk = cls._staff(
            "stm_fin_clerk", "Clerk Qian", cls.finance, "base.group_allow_export"
        )
        cls.tech = cls._staff("stm_tech", "Engineer Zhou", cls.technical)
        cls.hr_officer = cls._staff(
            "stm_hr", "HR Officer Wu", cls.hr_department, "hr.group_hr_user"
        )
        cls.finance.manager_id = cls.fin_head.employee_id
        cls.hr_department.manager_id = cls.hr_officer.employee_id

    @classmethod
    def _staff(cls, login, name, department, extra_group=None):
        groups = "base.group_user,sales_team_mgmt.group_stm_department_user"
        if extra_group:
            groups += f",{extra_group}"
        user = new_test_user(cls.env, login, groups=groups, name=name)
        cls.env["hr.employee"].create(
            {"name": name, "user_id": user.id, "department_id": department.id}
        )
        return user

    def _file(self, user, department, anonymous=False, **values):
        form = Form(self.env["stm.complaint"].with_user(user))
        form.department_id = department
        form.description = values.pop("description", "Reimbursement stuck for 3 weeks")
        form.anonymous = anonymous
        complaint = form.save()
        return complaint.with_env(self.env)

    def test_sla_by_department(self):
        self.assertEqual(self.finance.stm_complaint_sla_days, 3)
        self.assertEqual(self.hr_department.stm_complaint_sla_days, 15)
        with freeze_time("2026-11-02"):
            complaint = self._file(self.rep_a, self.finance)
            hr_case = self._file(self.rep_a, self.hr_department)
        self.assertEqual(complaint.deadline, date(2026, 11, 5))
        self.assertEqual(hr_case.deadline, date(2026, 11, 17))
        self.assertEqual(complaint.category, "finance")
        self.assertEqual(
            complaint.target_user_id, self.fin_head, "no one named: the head"
        )
        self.assertTrue(complaint.name.startswith("CPL/"))

    def test_department_sees_and_answers_its_own_only(self):
        complaint = self._file(self.rep_a, self.finance)
        as_clerk = complaint.with_user(self.fin_clerk)
        self.assertEqual(as_clerk.complainant_name, "Zhang Wei")
        with self.assertRaises(AccessError):
            complaint.with_user(self.tech).read(["description"])
        with self.assertRaises(AccessError):
            complaint.with_user(self.rep_b).read(["description"])
        self.assertEqual(
            self.env["stm.complaint"].with_user(self.tech).search_count([]), 0
        )
        with self.assertRaises(AccessError):
            as_clerk.description = "Nothing happened"
        with self.assertRaises(AccessError):
            as_clerk.upheld = True
        as_clerk.action_acknowledge()
        with self.assertRaises(UserError):
            as_clerk.action_resolve()
        as_clerk.response = "Paid today; the approver was travelling."
        as_clerk.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertFalse(complaint.sla_breached)
        complaint.with_user(self.rep_a).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_anonymous_complainant_stays_hidden_from_the_department(self):
        complaint = self._file(self.rep_a, self.finance, anonymous=True)
        as_clerk = complaint.with_user(self.fin_clerk)
        self.assertEqual(as_clerk.complainant_name, "Anonymous")
        with self.assertRaises(AccessError):
            as_clerk.read(["complainant_id"])
        # Not even right after the sales admin's screen read the complainant
        # (the value then sits in the transaction's cache).
        self.assertEqual(
            complaint.with_user(self.sales_admin).complainant_id, self.rep_a
        )
        with self.assertRaises(AccessError):
            as_clerk.export_data(["complainant_id/name"])
        with self.assertRaises(AccessError):
            self.env["stm.complaint"].with_user(self.fin_clerk).search(
                [("complainant_id", "=", self.rep_a.id)]
            )
        with self.assertRaises(AccessError):
            as_fin_clerk = self.env["stm.complaint"].with_user(self.fin_clerk)
            read_group(as_fin_clerk, [], ["complainant_id"])
        exported = as_clerk.export_data(["name", "complainant_name", "create_uid/name"])
        self.assertNotIn("Zhang Wei", str(exported))
        # Nothing in the chatter or the followers points at the complainant.
        partner = self.rep_a.partner_id
        self.assertNotIn(partner, complaint.message_partner_ids)
        self.assertNotIn(partner, complaint.message_ids.author_id)
        self.assertNotEqual(complaint.create_uid, self.rep_a)
        self.assertNotEqual(complaint.write_uid, self.rep_a)
        as_clerk.response = "Looked into it."
        as_clerk.action_resolve()
        self.assertNotIn(partner, complaint.message_ids.author_id)
        # The complainant still finds it, the sales admin knows who filed it.
        mine = (
            self.env["stm.complaint"]
            .with_user(self.rep_a)
            .search([("is_mine", "=", True)])
        )
        self.assertEqual(mine, complaint)
        self.assertEqual(
            complaint.with_user(self.sales_admin).complainant_id, self.rep_a
        )

    def test_non_anonymous_complainant_follows(self):
        complaint = self._file(self.rep_a, self.finance)
        self.assertIn(self.rep_a.partner_id, complaint.message_partner_ids)
        activity = complaint.activity_ids
        self.assertEqual(activity.user_id, self.fin_head)

    def test_ladder_warning_then_review(self):
        Discipline = self.env["stm.discipline"]
        complaints = [
            self._file(self.rep_a, self.finance, description=f"Case {i}")
            for i in range(4)
        ]
        for complaint in complaints:
            complaint.employee_id = self.fin_clerk.employee_id
        kinds = []
        for complaint in complaints:
            complaint.with_user(self.manager).upheld = True
            raised = Discipline.search(
                [("origin", "=", f"stm.complaint:{complaint.id}")]
            )
            kinds.append(raised.kind or None)
        self.assertEqual(kinds, ["warning", None, "review", "review"])
        records = Discipline.search([("user_id", "=", self.fin_clerk.id)])
        self.assertEqual(records.mapped("source"), ["complaint"] * 3)
        # Upholding again raises nothing twice.
        complaints[0].with_user(self.manager).upheld = False
        complaints[0].with_user(self.manager).upheld = True
        self.assertEqual(
            Discipline.search_count([("user_id", "=", self.fin_clerk.id)]), 3
        )

    def test_ladder_counts_twelve_rolling_months(self):
        with freeze_time("2025-10-01"):
            old = self._file(self.rep_a, self.finance)
            old.with_user(self.manager).upheld = True
        with freeze_time("2026-11-02"):
            recent = self._file(self.rep_a, self.finance)
            recent.with_user(self.manager).upheld = True
        raised = self.env["stm.discipline"].search(
            [("origin", "=", f"stm.complaint:{recent.id}")]
        )
        self.assertEqual(
            raised.kind, "warning", "the 2025 complaint is out of the window"
        )

    def test_only_managers_and_hr_uphold(self):
        complaint = self._file(self.rep_a, self.hr_department)
        with self.assertRaises(AccessError):
            complaint.with_user(self.sales_admin).upheld = True
        with self.assertRaises(AccessError):
            complaint.with_user(self.rep_a).upheld = True
        complaint.with_user(self.hr_officer).upheld = True
        self.assertTrue(complaint.upheld)

    def test_hr_overdue_cron_warns_once(self):
        with freeze_time("2026-11-02"):
            hr_case = self._file(self.rep_a, self.hr_department)
            finance_case = self._file(self.rep_a, self.finance)
        Complaint = self.env["stm.complaint"]
        with freeze_time("2026-11-17"):
            Complaint._cron_check_deadlines()
        self.assertFalse(hr_case.sla_breached, "15 days are not over yet")
        self.assertTrue(finance_case.sla_breached)
        for _run in range(2):
            with freeze_time("2026-11-18"):
                Complaint._cron_check_deadlines()
        self.assertTrue(hr_case.sla_breached)
        warnings = self.env["stm.discipline"].search([("source", "=", "sla")])
        self.assertEqual(len(warnings), 1)
        self.assertEqual(
            (warnings.kind, warnings.user_id), ("warning", self.hr_officer)
        )
        # HR sees complaints against HR, not the others.
        visible = Complaint.with_user(self.hr_officer).search([])
        self.assertIn(hr_case, visible)
        self.assertNotIn(finance_case, visible)
