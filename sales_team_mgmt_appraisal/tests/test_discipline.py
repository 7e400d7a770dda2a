from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDisciplineAccess(StmCase):
    """Discipline records: the person concerned, their managers and HR;
    nobody else — not a colleague, not the sales admin, not another team's
    manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_manager = new_test_user(
            cls.env,
            "stm_other_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            name="Manager Sarah",
        )
        cls.team_block.user_id = cls.manager
        cls.team_dispute.user_id = cls.other_manager
        cls.hr_officer = new_test_user(
            cls.env,
            "stm_hr_officer",
            groups="base.group_user,hr.group_hr_user",
            name="HR Wu",
        )
        cls.record = cls.env["stm.discipline"].create(
            {"user_id": cls.rep_a.id, "kind": "warning", "reason": "Late reports"}
        )

    def test_who_reads(self):
        self.assertEqual(self.record.manager_id, self.manager)
        for reader in (self.rep_a, self.manager, self.hr_officer):
            self.assertTrue(self.record.with_user(reader).read(["reason"]), reader.name)
        for outsider in (self.rep_b, self.rep_c, self.sales_admin, self.other_manager):
            with self.assertRaises(AccessError, msg=outsider.name):
                self.record.with_user(outsider).read(["reason"])
            self.assertFalse(
                self.env["stm.discipline"].with_user(outsider).search([]), outsider.name
            )

    def test_line_manager_in_org_chart_reads(self):
        boss = new_test_user(
            self.env, "stm_boss", groups="base.group_user", name="Boss Ma"
        )
        boss_employee = self.env["hr.employee"].create(
            {"name": "Boss Ma", "user_id": boss.id}
        )
        self.env["hr.employee"].create(
            {
                "name": "Zhang Wei",
                "user_id": self.rep_b.id,
                "parent_id": boss_employee.id,
            }
        )
        record = self.env["stm.discipline"].create(
            {"user_id": self.rep_b.id, "kind": "warning", "reason": "Missed visits"}
        )
        self.assertTrue(record.with_user(boss).read(["reason"]))

    def test_person_acknowledges_but_cannot_decide(self):
        mine = self.record.with_user(self.rep_a)
        with self.assertRaises(AccessError):
            mine.write({"decision": "cleared"})
        with self.assertRaises(AccessError):
            mine.action_close()
        mine.action_acknowledge()
        self.assertEqual(self.record.state, "acknowledged")
        with self.assertRaises(AccessError):
            self.record.with_user(self.rep_b).action_acknowledge()

    def test_manager_and_hr_decide(self):
        self.record.with_user(self.manager).write({"decision": "coaching"})
        self.record.with_user(self.hr_officer).action_close()
        self.assertEqual(
            (self.record.decision, self.record.state), ("coaching", "closed")
        )
        with self.assertRaises(AccessError):
            self.record.with_user(self.other_manager).write({"decision": "dismiss"})

    def test_manager_cannot_file_against_another_team(self):
        Discipline = self.env["stm.discipline"]
        Discipline.with_user(self.manager).create(
            {"user_id": self.rep_b.id, "kind": "warning", "reason": "No reports"}
        )
        with self.assertRaises(AccessError):
            Discipline.with_user(self.manager).create(
                {"user_id": self.rep_c.id, "kind": "warning", "reason": "Not mine"}
            )
        with self.assertRaises(AccessError):
            Discipline.with_user(self.rep_a).create(
                {"user_id": self.rep_b.id, "kind": "warning", "reason": "Colleague"}
            )
