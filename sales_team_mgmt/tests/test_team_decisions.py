from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestDecisionsBelongToTheTeam(StmCase):
    """Settling a dispute, closing an alarm: the team's leader's, not any
    sales manager's of the company. Other
    managers read; administrators of the database stand above the teams."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_manager = cls._other_team_leader()
        cls.lead = cls._lead_cls(cls.rep_a, "Lambda Tools")

    @classmethod
    def _lead_cls(cls, user, customer, team=None):
        return (
            cls.env["crm.lead"]
            .with_user(user)
            .create(
                {
                    "name": f"{customer} deal",
                    "type": "opportunity",
                    "partner_name": customer,
                    "user_id": user.id,
                    "team_id": (team or cls.team_block).id,
                }
            )
            .with_env(cls.env)
        )

    def test_a_dispute_is_settled_by_its_team_leader(self):
        self._lead_cls(self.rep_c, "Lambda Tools", self.team_dispute)
        dispute = self.env["stm.claim.dispute"].search(
            [("claim_id", "=", self.lead.stm_claim_id.id)]
        )
        self.assertEqual(dispute.manager_id, self.manager)
        as_other = dispute.with_user(self.other_manager)
        self.assertEqual(as_other.name, dispute.name, "other managers read")
        with self.assertRaisesRegex(UserError, "Manager Liu"):
            as_other.action_resolve()
        with self.assertRaisesRegex(UserError, "Settle"):
            as_other.write({"winner_user_id": self.rep_c.id})
        admin = self.env.ref("base.user_admin")
        dispute.with_user(admin).action_resolve()
        self.assertEqual(dispute.state, "resolved")

    def test_an_alarm_is_closed_by_the_leader_of_the_leads_team(self):
        alarm = (
            self.env["stm.difficulty.alarm"]
            .with_user(self.rep_a)
            .create({"lead_id": self.lead.id, "reason": "Budget frozen"})
        )
        with self.assertRaises(UserError):
            alarm.with_user(self.other_manager).action_acknowledge()
        with self.assertRaises(UserError):
            alarm.with_user(self.other_manager).write({"outcome": "abandon"})
        alarm.with_user(self.manager).write({"outcome": "abandon"})
        self.assertTrue(alarm.with_user(self.manager).action_close())


@tagged("post_install", "-at_install")
class TestTextsInTheReadersLanguage(StmCase):
    """What is written for someone is in their language, whoever (or
    whatever job) writes it."""

    def test_to_dos_speak_the_readers_language(self):
        if not self.env["res.lang"]._lang_get("zh_CN"):
            self.skipTest("zh_CN is not loaded in this database")
        self.manager.lang = "zh_CN"
        lead = self._lead(self.rep_a, partner_name="Mu Sensors")
        self._lead(self.rep_c, self.team_dispute, partner_name="Mu Sensors")
        dispute = self.env["stm.claim.dispute"].search([("name", "=", "Mu Sensors")])
        self.assertIn("裁定", dispute.activity_ids.summary)
        self.assertFalse(
            dispute.message_ids.filtered(lambda m: "created" in (m.body or "")),
            "no English creation line in the chatter",
        )
        alarm = (
            self.env["stm.difficulty.alarm"]
            .with_user(self.rep_a)
            .create({"lead_id": lead.id, "reason": "Stuck"})
        )
        self.assertIn("困难报警", alarm.activity_ids.summary)
