from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import Form, tagged

from ..compat import web_read_group
from .common import StmCase

BOARD_FIELDS = [
    "user_id",
    "stm_board_revenue",
    "stm_board_revenue_pct",
    "stm_board_visits_30d",
    "stm_board_projects_12m",
    "stm_board_compliance",
    "stm_board_failing_days",
    "stm_board_disputes",
    "stm_board_alarms",
]


@tagged("post_install", "-at_install")
class TestTeamBoard(StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.member_a = cls.team_block.crm_team_member_ids.filtered(
            lambda m: m.user_id == cls.rep_a
        )
        cls.member_a.stm_revenue_target = 1000000

    def _board(self, members):
        return members.with_user(self.manager).read(BOARD_FIELDS)

    @freeze_time("2026-11-20 08:00:00")
    def test_card_figures(self):
        won = self._lead(self.rep_a, expected_revenue=250000, partner_name="Won Co")
        won.sudo().write({"stage_id": self.won_stage.id})
        lead = self._lead(self.rep_a, partner_name="Visit Co")
        visits = self.env["stm.visit"].create(
            [
                {
                    "user_id": self.rep_a.id,
                    "partner_id": lead.stm_claim_id.partner_id.id
                    or self.env["res.partner"].create({"name": "Visit Co"}).id,
                    "purpose": "Demo",
                    "result": "Liked it",
                    "date": datetime(2026, 11, 18, 2, 0),
                }
                for _i in range(3)
            ]
        )
        visits.write({"state": "done"})
        lead.sudo().write(
            {"stm_registered": True, "stm_registered_on": date(2026, 6, 1)}
        )
        self.env["stm.difficulty.alarm"].create(
            {"lead_id": lead.id, "user_id": self.rep_a.id, "reason": "Budget frozen"}
        )
        card = self._board(self.member_a)[0]
        self.assertEqual(card["stm_board_revenue"], 250000)
        # Ranked by this month's deals; colleagues at ¥0 are not ranked.
        ranks = {
            member.user_id: member.stm_board_rank
            for member in self.team_block.crm_team_member_ids.with_user(self.manager)
        }
        self.assertEqual(ranks[self.rep_a], 1)
        self.assertEqual(ranks[self.rep_b], 0)
        self.assertEqual(card["stm_board_revenue_pct"], 25.0)
        self.assertEqual(card["stm_board_visits_30d"], 3)
        self.assertEqual(card["stm_board_projects_12m"], 1)
        self.assertEqual(card["stm_board_alarms"], 1)
        self.assertEqual(card["stm_board_compliance"], "unknown")
        self.env["stm.compliance"]._cron_snapshot()
        self.member_a.invalidate_recordset()
        card = self._board(self.member_a)[0]
        self.assertEqual(card["stm_board_compliance"], "failing")
        self.assertEqual(card["stm_board_failing_days"], 1)
        action = self.member_a.with_user(self.manager).action_stm_board_visits()
        self.assertEqual(self.env["stm.visit"].search(action["domain"]), visits)

    def test_board_columns_are_the_teams_with_people(self):
        empty = self.env["crm.team"].create({"name": "Empty (board)"})
        Member = self.env["crm.team.member"].with_user(self.rep_a)
        domain = [("user_id.active", "=", True)]

        def columns(groupby, **context):
            groups = web_read_group(Member.with_context(**context), domain, [groupby])
            return {group[groupby][0] for group in groups if group[groupby]}

        board = columns("stm_board_team_id")
        self.assertIn(self.team_block.id, board)
        self.assertNotIn(empty.id, board)
        # Odoo's own member views still show every team, and no context key
        # a client sends changes either.
        self.assertIn(empty.id, columns("crm_team_id"))
        self.assertIn(empty.id, columns("crm_team_id", stm_board=True))
        self.assertEqual(columns("stm_board_team_id", stm_board=False), board)

    def test_the_board_opens_on_my_teams(self):
        """On a phone the first column is all one sees: the board opens on
        the reader's teams, and on every team for whoever is in none."""
        action = self.env.ref("sales_team_mgmt.crm_team_member_action_board")
        self.assertIn("'search_default_my_teams': 1", action.context)
        base = [("user_id.active", "=", True), ("stm_board_my_teams", "=", True)]

        def teams(user):
            members = self.env["crm.team.member"].with_user(user).search(base)
            return members.crm_team_id

        self.assertEqual(teams(self.rep_c), self.team_dispute)
        self.assertEqual(teams(self.rep_a), self.team_block)
        self.assertEqual(teams(self.manager), self.team_block | self.team_dispute)
        self.assertLessEqual(
            self.team_block | self.team_dispute, teams(self.sales_admin)
        )

    def test_board_queries_do_not_grow_with_salespeople(self):
        counts = []
        for extra in (0, 6):
            for i in range(extra):
                user = self._salesperson(f"stm_board_{i}", f"Board {i}")
                self.team_block.crm_team_member_ids = [
                    Command.create({"user_id": user.id})
                ]
            members = self.env["crm.team.member"].search([])
            self.env.invalidate_all()
            self._board(members)  # warm caches emptied by the new users
            members.invalidate_model()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            self._board(members)
            counts.append(self.env.cr.sql_log_count - start)
        self.assertEqual(counts[0], counts[1], counts)
        # 25: the figures read each salesperson's time zone (their windows
        # are local days) and the viewer's groups (the private side); one
        # more for the customers at risk; won revenue of the month and the
        # quarter, the honours and the teams' monthly split, six more; the
        # targets' currency, two.
        self.assertLessEqual(counts[1], 25, "the board budget")


@tagged("post_install", "-at_install")
class TestScreensBudget(StmCase):
    def test_lead_form_query_budget(self):
        lead = self._lead(self.rep_a, partner_name="Budget Co", expected_revenue=1000)
        Form(lead.with_user(self.rep_a))  # warm the view and ACL caches
        self.env.invalidate_all()
        # Opening the lead form (record, onchange, related records) as its owner:
        # 16 in the core alone; five more where the dossier add-on reads the
        # dossier and lists its progress; five more where the role map add-on
        # lists the seven roles, knows the customer company for the contact
        # picker and reads the roles' record rules; one more where the survey
        # add-on shows the customer's satisfaction, one more where the
        # competitor add-on lists who competes for the deal.
        with self.assertQueryCount(28):
            Form(lead.with_user(self.rep_a))
