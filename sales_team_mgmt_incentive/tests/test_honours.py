"""Honours awarded on the 1st, announced in the team's channel, shown on
the board; the service honour weighs the figures other add-ons answer."""

from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.tests import tagged


class HonoursCase(StmCase):
    """A team with targets, a newcomer, and the helpers to win deals, visit
    and award."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for member in cls.team_block.crm_team_member_ids:
            member.stm_revenue_target = 120_000
        cls.member_b = cls.team_block.crm_team_member_ids.filtered(
            lambda m: m.user_id == cls.rep_b
        )
        cls.member_b.stm_joined_on = "2026-09-15"
        cls.customer = cls.env["res.partner"].create(
            {"name": "Kappa Foods", "is_company": True}
        )
        cls.Honour = cls.env["stm.honour"]

    def _feedback_visits(self, user, count, when):
        visits = self.env["stm.visit"].create(
            [
                {
                    "user_id": user.id,
                    "partner_id": self.customer.id,
                    "purpose": "Follow-up",
                    "result": "Happy",
                    "date": when,
                }
                for __ in range(count)
            ]
        )
        visits.write({"state": "done"})

    def _award(self, day="2026-11-01"):
        with freeze_time(f"{day} 01:00:00"):
            self.Honour._cron_award()
        return self.Honour.search([("team_id", "=", self.team_block.id)])


@tagged("post_install", "-at_install")
class TestHonours(HonoursCase):
    def test_titles_of_the_month(self):
        self._won_on(self.rep_a, 50_000, datetime(2026, 10, 5, 3, 0))
        self._won_on(self.rep_b, 9_000, datetime(2026, 10, 6, 3, 0))
        self._feedback_visits(self.rep_a, 3, datetime(2026, 10, 7, 3, 0))
        self._feedback_visits(self.rep_b, 5, datetime(2026, 10, 8, 3, 0))
        honours = self._award()
        by_kind = {honour.kind: honour.user_id for honour in honours}
        self.assertEqual(by_kind["champion"], self.rep_a)
        # Joined on 15 September: a newcomer, the only one.
        self.assertEqual(by_kind["newcomer"], self.rep_b)
        # Li Na made the most feedback visits (and no complaint was upheld).
        self.assertEqual(by_kind["service"], self.rep_b)
        champion = honours.filtered(lambda h: h.kind == "champion")
        self.assertEqual(champion.won_amount, 50_000)
        self.assertEqual(champion.date_from, date(2026, 10, 1))
        # Announced once in the team's channel.
        channel = self.team_block.stm_channel_id
        self.assertTrue(channel)
        self.assertIn(self.rep_a.partner_id, channel.channel_member_ids.partner_id)
        announcement = channel.message_ids.filtered(lambda m: "Honours" in m.body)
        self.assertEqual(len(announcement), 1)
        self.assertIn(self.rep_a.name, announcement.body)
        # Idempotent: the job runs every day.
        self.assertEqual(self._award("2026-11-02"), honours)
        self.assertEqual(
            len(channel.message_ids.filtered(lambda m: "Honours" in m.body)), 1
        )
        # On the board this month, for everyone in sales.
        with freeze_time("2026-11-15 04:00:00"):
            card = self.team_block.crm_team_member_ids.filtered(
                lambda m: m.user_id == self.rep_a
            ).with_user(self.rep_b)
            self.assertEqual(
                set(card.stm_board_honour_ids.mapped("kind")), {"champion"}
            )
        with freeze_time("2026-12-15 04:00:00"):
            card.invalidate_recordset()
            self.assertFalse(card.stm_board_honour_ids, "November shows October's")

    def test_nobody_is_champion_of_an_empty_month(self):
        self.assertFalse(self._award())

    def test_titles_speak_the_leaders_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.manager.lang = "zh_CN"
        self._won_on(self.rep_a, 50_000, datetime(2026, 10, 5, 3, 0))
        self._award()
        body = self.team_block.stm_channel_id.message_ids[:1].body
        self.assertIn("2026年10月", body)

    # Upheld complaints (counted by the complaints add-on) and satisfaction
    # (measured by the survey add-on) are figures the core asks for and
    # answers with nothing; here they are answered as those add-ons do.

    def _service_honour(self, upheld=None, satisfaction=None):
        self._feedback_visits(self.rep_a, 3, datetime(2026, 10, 7, 3, 0))
        self._feedback_visits(self.rep_b, 5, datetime(2026, 10, 8, 3, 0))
        Figures = type(self.env["stm.figures"])
        with (
            patch.object(Figures, "_stm_upheld_complaints", lambda *a: upheld or {}),
            patch.object(Figures, "_stm_satisfaction", lambda *a: satisfaction or {}),
        ):
            return self._award().filtered(lambda h: h.kind == "service").user_id

    def test_an_upheld_complaint_costs_the_service_honour(self):
        # Li Na made more feedback visits (she wins without the complaint, as
        # in test_titles_of_the_month), but a complaint against her was upheld.
        self.assertEqual(self._service_honour(upheld={self.rep_b: 1}), self.rep_a)

    def test_satisfaction_decides_the_service_honour(self):
        self.assertEqual(
            self._service_honour(
                upheld={self.rep_b: 1},
                satisfaction={self.rep_a: 60.0, self.rep_b: 90.0},
            ),
            self.rep_b,
        )
