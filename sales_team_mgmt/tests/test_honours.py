"""Honours awarded on the 1st, announced in the team's channel, shown on
the board."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import StmCase


class HonoursCase(StmCase):
    """A team with targets, a newcomer, and the helpers to win deals, visit
    and award (the complaints add-on's honours tests build on it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.won_stage = cls.env.ref("crm.stage_lead4")
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

    def _won(self, user, amount, when):
        return self.env["crm.lead"].create(
            {
                "name": f"Deal {amount}",
                "type": "opportunity",
                "user_id": user.id,
                "team_id": self.team_block.id,
                "expected_revenue": amount,
                "stage_id": self.won_stage.id,
                "date_closed": when,
            }
        )

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
        self._won(self.rep_a, 50_000, datetime(2026, 10, 5, 3, 0))
        self._won(self.rep_b, 9_000, datetime(2026, 10, 6, 3, 0))
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
        self._won(self.rep_a, 50_000, datetime(2026, 10, 5, 3, 0))
        self._award()
        body = self.team_block.stm_channel_id.message_ids[:1].body
        self.assertIn("2026年10月", body)
