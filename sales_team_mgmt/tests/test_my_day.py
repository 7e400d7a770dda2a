"""*My Day*, a salesperson's home, as his browser reads it over XML-RPC (and
Odoo 19's /json/2): today's visits in his own time zone and the planned
ones left from earlier days, his to-dos due, his board card — his own,
never a colleague's."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from ..policy import quota
from .common import StmRpcCase, over_json2

DAY_FIELDS = ["stm_day_visit_ids", "stm_day_activity_ids", "stm_day_member_ids"]


@tagged("post_install", "-at_install")
class TestMyDayOverRpc(StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.rep_a | cls.rep_b).tz = "Asia/Shanghai"
        today = quota.local_day(fields.Datetime.now(), "Asia/Shanghai")
        cls.today = today
        start, end = quota.utc_bounds(today, today, "Asia/Shanghai")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Huaxin Steel", "is_company": True}
        )
        cls.lead = cls._lead(cls, cls.rep_a, partner_id=cls.customer.id)

        def visit(user, moment, state="planned"):
            record = cls.env["stm.visit"].create(
                {
                    "partner_id": cls.customer.id,
                    "user_id": user.id,
                    "purpose": "Demo",
                    "result": "Met the buyer",
                    "date": moment,
                }
            )
            if state != "planned":
                record.state = state
            return record

        # The first and the last minute of his day (Shanghai time).
        cls.morning = visit(cls.rep_a, start + timedelta(minutes=1))
        cls.evening = visit(cls.rep_a, end - timedelta(minutes=1), "done")
        cls.left_over = visit(cls.rep_a, start - timedelta(days=3))
        cls.old_done = visit(cls.rep_a, start - timedelta(days=3), "done")
        cls.tomorrow = visit(cls.rep_a, end + timedelta(minutes=1))
        cls.colleague = visit(cls.rep_b, start + timedelta(hours=2))

        def todo(user, deadline):
            return cls.env["mail.activity"].create(
                {
                    "res_model_id": cls.env["ir.model"]._get_id("crm.lead"),
                    "res_id": cls.lead.id,
                    "user_id": user.id,
                    "summary": "Call back",
                    "date_deadline": deadline,
                }
            )

        cls.due_today = todo(cls.rep_a, today)
        cls.overdue = todo(cls.rep_a, today - timedelta(days=2))
        cls.later = todo(cls.rep_a, today + timedelta(days=1))
        cls.colleague_todo = todo(cls.rep_b, today)

    def test_his_day(self):
        [day] = self.rpc(self.rep_a, "res.users", "read", [self.rep_a.id], DAY_FIELDS)
        self.assertEqual(
            day["stm_day_visit_ids"],
            (self.left_over | self.morning | self.evening).ids,
            "today's in his time zone, and what is still planned from before",
        )
        self.assertEqual(
            sorted(day["stm_day_activity_ids"]),
            sorted((self.due_today | self.overdue).ids),
        )
        membership = self.team_block.crm_team_member_ids.filtered(
            lambda member: member.user_id == self.rep_a
        )
        self.assertEqual(day["stm_day_member_ids"], membership.ids)

    def test_nobody_reads_a_colleague_day(self):
        [day] = self.rpc(self.rep_a, "res.users", "read", [self.rep_b.id], DAY_FIELDS)
        self.assertEqual([day[name] for name in DAY_FIELDS], [[], [], []])
        [day] = self.rpc(self.manager, "res.users", "read", [self.rep_a.id], DAY_FIELDS)
        self.assertEqual([day[name] for name in DAY_FIELDS], [[], [], []])

    def test_the_home_opens_on_his_own_day(self):
        action = (
            self.env.ref("sales_team_mgmt.res_users_action_my_day")
            .with_user(self.rep_a)
            .run()
        )
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("res.users", self.rep_a.id)
        )
        # The screen loads for him (every field it shows is his to read).
        [view_id] = [view for view, kind in action["views"] if kind == "form"]
        views = self.rpc(self.rep_a, "res.users", "get_views", [[view_id, "form"]])
        self.assertIn("stm_day_visit_ids", str(views))


TestMyDayOverJson2 = over_json2(TestMyDayOverRpc)
