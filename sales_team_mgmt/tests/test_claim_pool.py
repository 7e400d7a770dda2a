from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestClaimPool(StmCase):
    def _claimed_lead(self, name="Omicron Tech"):
        with freeze_time("2026-01-01"):
            return self._lead(self.rep_a, partner_name=name, name=f"{name} deal")

    def _cron(self, day):
        with freeze_time(day):
            self.env["stm.claim"]._cron_expire()

    def test_warning_then_expiry_to_the_pool(self):
        lead = self._claimed_lead()
        claim = lead.stm_claim_id
        self.assertEqual(claim.protected_until, date(2026, 1, 31))
        warning = self.env.ref("mail.mail_activity_data_warning")

        def warnings():
            # (The follow-up ladder adds its own to-dos: not counted here.)
            return claim.activity_ids.filtered(lambda a: a.activity_type_id == warning)

        self._cron("2026-01-27")
        self.assertFalse(warnings(), "4 days before: no warning yet")
        self._cron("2026-01-28")
        self._cron("2026-01-28")
        self.assertEqual(len(warnings()), 1, "warned once, 3 days before")
        self.assertEqual(warnings().user_id, self.rep_a)
        self._cron("2026-01-31")
        self.assertEqual(claim.state, "active", "protected through the last day")
        self._cron("2026-02-01")
        self._cron("2026-02-01")
        self.assertEqual(claim.state, "expired")
        self.assertEqual(lead.stm_claim_state, "pool")
        self.assertFalse(lead.user_id)
        self.assertFalse(claim.sudo().key_ids.filtered("active"))
        self.assertIn(
            lead,
            self.env["crm.lead"]
            .with_user(self.rep_b)
            .search([("stm_claim_state", "=", "pool")]),
        )

    def test_follow_up_keeps_the_customer(self):
        lead = self._claimed_lead()
        with freeze_time("2026-01-20"):
            stage = self.env["crm.stage"].search(
                [("id", "!=", lead.stage_id.id)], limit=1
            )
            lead.with_user(self.rep_a).write({"stage_id": stage.id})
        self.assertEqual(lead.stm_claim_id.last_followup_on, date(2026, 1, 20))
        with freeze_time("2026-02-10"):
            activity = lead.activity_schedule(
                "mail.mail_activity_data_call", user_id=self.rep_a.id
            )
            activity.with_user(self.rep_a).action_done()
        self.assertEqual(lead.stm_claim_id.last_followup_on, date(2026, 2, 10))
        self._cron("2026-02-21")
        self.assertEqual(lead.stm_claim_id.state, "active")

    def test_someone_else_moving_the_stage_is_no_follow_up(self):
        lead = self._claimed_lead()
        with freeze_time("2026-01-20"):
            stage = self.env["crm.stage"].search(
                [("id", "!=", lead.stage_id.id)], limit=1
            )
            lead.with_user(self.manager).write({"stage_id": stage.id})
        self.assertEqual(lead.stm_claim_id.last_followup_on, date(2026, 1, 1))

    def test_claim_from_the_pool_with_cooldown_and_limit(self):
        lead = self._claimed_lead()
        self._cron("2026-02-01")
        with freeze_time("2026-02-03"), self.assertRaisesRegex(UserError, "2026-02-08"):
            lead.with_user(self.rep_a).action_stm_claim()
        self.team_block.stm_max_active_claims = 1
        with freeze_time("2026-01-01"):
            self._lead(self.rep_b, partner_name="Already Held")
        with (
            freeze_time("2026-02-03"),
            self.assertRaisesRegex(UserError, "Release one"),
        ):
            lead.with_user(self.rep_b).action_stm_claim()
        self.team_block.stm_max_active_claims = 0
        with freeze_time("2026-02-03"):
            lead.with_user(self.rep_b).action_stm_claim()
        self.assertEqual(lead.user_id, self.rep_b)
        self.assertEqual(lead.stm_claim_state, "claimed")
        self.assertEqual(lead.stm_claim_id.user_id, self.rep_b)
        with self.assertRaises(UserError):
            self._lead(self.rep_a, partner_name="Omicron Tech")
        # A colleague who clicked Claim on the same card a moment later can
        # no longer read the lead: he is told who took it.
        with (
            freeze_time("2026-02-03"),
            self.assertRaisesRegex(UserError, "Li Na has just claimed it"),
        ):
            lead.with_user(self.rep_c).action_stm_claim()

    def test_pinned_claim_never_expires(self):
        lead = self._claimed_lead()
        with self.assertRaises(UserError):
            lead.stm_claim_id.with_user(self.rep_a).sudo(False).action_pin()
        lead.stm_claim_id.sudo().with_user(self.manager).action_pin()
        self._cron("2027-01-01")
        self.assertEqual(lead.stm_claim_id.state, "active")

    def test_zero_protection_days_never_expire(self):
        self.team_block.stm_claim_protection_days = 0
        lead = self._claimed_lead()
        self.assertFalse(lead.stm_claim_id.protected_until)
        self._cron("2027-01-01")
        self.assertEqual(lead.stm_claim_id.state, "active")

    def test_claims_are_private_to_their_owner(self):
        lead = self._claimed_lead()
        Claim = self.env["stm.claim"]
        self.assertEqual(
            Claim.with_user(self.rep_a).search([("state", "=", "active")]),
            lead.stm_claim_id,
        )
        self.assertFalse(Claim.with_user(self.rep_b).search([("state", "=", "active")]))
        with self.assertRaises(AccessError):
            lead.stm_claim_id.with_user(self.rep_b).read(["name"])
        self.assertEqual(
            Claim.with_user(self.sales_admin).search(
                [("id", "=", lead.stm_claim_id.id)]
            ),
            lead.stm_claim_id,
        )
        with self.assertRaises(AccessError):
            lead.with_user(self.rep_b).read(["name"])

    def test_cron_queries_do_not_grow_with_claims(self):
        with freeze_time("2026-01-01"):
            self._lead(self.rep_a, partner_name="Rho One")
        self._cron("2026-03-01")
        counts = []
        for batch in (2, 6):
            with freeze_time("2026-01-01"):
                for i in range(batch):
                    self._lead(self.rep_b, partner_name=f"Sigma {batch} {i}")
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            self._cron("2026-03-01")
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - start)
        self.assertTrue(counts[1] <= counts[0] + 2 * 4, counts)
