from datetime import datetime, time, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import StmCase


@tagged("post_install", "-at_install")
class TestPoolRules(StmCase):
    def _customer(self, name, klass=None):
        return self.env["res.partner"].create(
            {"name": name, "is_company": True, "stm_customer_class_manual": klass}
        )

    # ------------------------------------------------------------------
    # Protection by customer class
    # ------------------------------------------------------------------

    def test_protection_follows_the_customer_class(self):
        customer = self._customer("Tau Cranes", "a")
        lead = self._lead(self.rep_a, partner_id=customer.id)
        claim = lead.stm_claim_id
        start = claim.last_followup_on
        self.assertEqual(claim.protected_until, start + timedelta(days=60))
        customer.stm_customer_class_manual = "c"
        self.assertEqual(claim.protected_until, start + timedelta(days=15))
        customer.stm_customer_class_manual = False
        self.assertEqual(claim.protected_until, start + timedelta(days=30), "no class")
        self.team_block.stm_protection_days_c = 20
        customer.stm_customer_class_manual = "c"
        self.assertEqual(claim.protected_until, start + timedelta(days=20))

    # ------------------------------------------------------------------
    # The follow-up ladder
    # ------------------------------------------------------------------

    def test_the_ladder_climbs_once_per_gap(self):
        with freeze_time("2026-11-02"):
            lead = self._lead(self.rep_a, partner_name="Upsilon Pumps")
        claim = lead.stm_claim_id
        Claim = self.env["stm.claim"]

        def to_dos(user):
            return claim.activity_ids.filtered(lambda a: a.user_id == user)

        with freeze_time("2026-11-04"):
            Claim._cron_followup_ladder()
        self.assertEqual(claim.followup_step, 0)
        for _run in range(2):
            with freeze_time("2026-11-05"):
                Claim._cron_followup_ladder()
        self.assertEqual(claim.followup_step, 1)
        self.assertEqual(len(to_dos(self.rep_a)), 1, "once")
        self.assertFalse(to_dos(self.manager))
        with freeze_time("2026-11-07"):
            Claim._cron_followup_ladder()
        self.assertEqual(len(to_dos(self.manager)), 1, "the leader is told")
        with freeze_time("2026-11-09"):
            Claim._cron_followup_ladder()
        self.assertTrue(claim.at_risk)
        member = self.team_block.crm_team_member_ids.filtered(
            lambda m: m.user_id == self.rep_a
        )
        self.assertEqual(member.with_user(self.manager).stm_board_at_risk, 1)
        at_risk = self.env.ref("sales_team_mgmt.stm_claim_action_at_risk")
        self.assertIn(
            claim, Claim.with_user(self.manager).search(safe_eval(at_risk.domain))
        )
        # A follow-up clears the ladder; the next gap climbs it again.
        with freeze_time("2026-11-10"):
            claim._touch_followup()
        self.assertEqual((claim.followup_step, claim.at_risk), (0, False))
        with freeze_time("2026-11-13"):
            Claim._cron_followup_ladder()
        self.assertEqual(claim.followup_step, 1)

    def test_the_ladder_costs_the_same_for_more_salespeople(self):
        """A night's ladder writes thousands of to-dos for hundreds of
        salespeople: its queries must not grow with them, and each still
        follows his customer (the to-do shows in his activities and the
        claim's news reaches him)."""
        Claim = self.env["stm.claim"]
        counts = []
        for size in (2, 6):
            people = [
                self._salesperson(f"stm_ladder_{size}_{n}", f"Ladder {size} {n}")
                for n in range(size)
            ]
            self.team_block.crm_team_member_ids = [
                (0, 0, {"user_id": user.id}) for user in people
            ]
            with freeze_time("2026-11-02"):
                claims = Claim.browse()
                for n, user in enumerate(people):
                    claims |= self._lead(
                        user, partner_name=f"Ladder Customer {size} {n}"
                    ).stm_claim_id
            claims.message_unsubscribe(partner_ids=claims.user_id.partner_id.ids)
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            with freeze_time("2026-11-07"):  # the owner's and the leader's step
                Claim._cron_followup_ladder()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - start)
            for claim in claims:
                self.assertEqual(claim.followup_step, 2)
                self.assertEqual(
                    set(claim.activity_ids.user_id), {claim.user_id, self.manager}
                )
                self.assertLessEqual(
                    (claim.user_id | self.manager).partner_id,
                    claim.message_partner_ids,
                )
        # (The first round also fills caches: it may only cost more.)
        self.assertLessEqual(counts[1], counts[0], counts)

    def test_a_long_silence_climbs_every_step_at_once(self):
        with freeze_time("2026-10-01"):
            lead = self._lead(self.rep_a, partner_name="Phi Boilers")
        with freeze_time("2026-10-20"):
            self.env["stm.claim"]._cron_followup_ladder()
        claim = lead.stm_claim_id
        self.assertEqual(claim.followup_step, 3)
        self.assertEqual(len(claim.activity_ids), 2, "owner and leader")

    def test_bad_settings_are_refused(self):
        for values in (
            {"stm_followup_owner_days": 5, "stm_followup_manager_days": 3},
            {"stm_followup_owner_days": 0},
        ):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.team_block.write(values)
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.team_block.write({"stm_protection_days_a": -5})
            self.env.flush_all()
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.team_block.write({"stm_pool_daily_limit": -1})
            self.env.flush_all()

    # ------------------------------------------------------------------
    # Pool limits and the team's own pool
    # ------------------------------------------------------------------

    def _pool_lead(self, name, owner=None, team=None):
        lead = self._lead(owner or self.rep_b, team, partner_name=name)
        lead.stm_claim_id._send_to_pool("expired")
        return lead

    def test_daily_limit_of_pool_claims(self):
        self.team_block.stm_pool_daily_limit = 1
        first = self._pool_lead("Chi Valves")
        second = self._pool_lead("Psi Valves")
        first.with_user(self.rep_a).action_stm_claim()
        with self.assertRaisesRegex(UserError, "today"):
            second.with_user(self.rep_a).action_stm_claim()
        # The limit counts the rep's own day: noon of his next day, whatever
        # the hour in UTC while the test runs.
        his_today = fields.Date.context_today(second.with_user(self.rep_a))
        with freeze_time(datetime.combine(his_today + timedelta(days=1), time(12))):
            second.with_user(self.rep_a).action_stm_claim()
        self.assertEqual(second.stm_claim_id.user_id, self.rep_a)

    def test_a_team_keeps_its_expired_customers_first(self):
        self.team_dispute.write({"stm_pool_scope": "team", "stm_team_pool_days": 7})
        lead = self._pool_lead("Omega Looms", self.rep_c, self.team_dispute)
        self.assertEqual(lead.stm_pool_team_id, self.team_dispute)
        self.assertFalse(
            self.env["crm.lead"].with_user(self.rep_a).search([("id", "=", lead.id)])
        )
        with self.assertRaises(AccessError):
            lead.with_user(self.rep_a).action_stm_claim()
        colleague = new_test_user(
            self.env,
            "stm_south_colleague",
            groups="base.group_user,sales_team.group_sale_salesman",
            name="South Colleague",
        )
        self.team_dispute.crm_team_member_ids = [(0, 0, {"user_id": colleague.id})]
        self.assertTrue(
            self.env["crm.lead"].with_user(colleague).search([("id", "=", lead.id)])
        )
        last_team_day = lead.stm_claim_id.pool_team_until
        with freeze_time(datetime.combine(last_team_day, time(12))):
            self.env["stm.claim"]._cron_team_pools()
        self.assertEqual(lead.stm_pool_team_id, self.team_dispute)
        with freeze_time(datetime.combine(last_team_day + timedelta(days=1), time(12))):
            self.env["stm.claim"]._cron_team_pools()
        self.assertFalse(lead.stm_pool_team_id)
        lead.with_user(self.rep_a).action_stm_claim()
        self.assertEqual(lead.stm_claim_id.user_id, self.rep_a)


@tagged("post_install", "-at_install")
class TestHandover(StmCase):
    def setUp(self):
        super().setUp()
        self.customer = self.env["res.partner"].create(
            {"name": "Kappa Mills", "is_company": True}
        )
        self.contact = self.env["res.partner"].create(
            {
                "name": "Mr Kappa",
                "parent_id": self.customer.id,
                "user_id": self.rep_b.id,
            }
        )
        self.kept = self._lead(self.rep_b, partner_id=self.customer.id)
        self.dropped = self._lead(self.rep_b, partner_name="Lambda Foods")
        self.visit = self.env["stm.visit"].create(
            {
                "user_id": self.rep_b.id,
                "partner_id": self.customer.id,
                "purpose": "Contract renewal",
            }
        )
        self.to_do = self.kept.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.rep_b.id, summary="Call back"
        )

    def test_leaving_salesperson_leaves_nothing_behind(self):
        self.rep_b.active = False
        handover = self.env["stm.handover"].search([("user_id", "=", self.rep_b.id)])
        self.assertEqual(len(handover.line_ids), 2)
        to_do = self.env["mail.activity"].search(
            [("res_model", "=", "stm.handover"), ("res_id", "=", handover.id)]
        )
        self.assertEqual(to_do.user_id, self.manager, "the leader hands over")
        as_manager = handover.with_user(self.manager)
        as_manager.heir_id = self.rep_a
        as_manager.line_ids.filtered(
            lambda line: line.claim_id == self.dropped.stm_claim_id
        ).destination = "pool"
        self.assertTrue(as_manager.action_confirm())
        self.assertEqual(self.kept.user_id, self.rep_a)
        self.assertEqual(self.kept.stm_claim_id.user_id, self.rep_a)
        self.assertEqual(self.visit.user_id, self.rep_a)
        self.assertEqual(self.to_do.user_id, self.rep_a)
        self.assertEqual(self.contact.user_id, self.rep_a)
        self.assertEqual(self.dropped.stm_claim_state, "pool")
        self.assertFalse(
            self.env["stm.claim"].search(
                [("user_id", "=", self.rep_b.id), ("state", "=", "active")]
            ),
            "nothing stays with the archived user",
        )
        self.assertIn("left", self.kept.stm_claim_id.message_ids[0].body)

    def test_heirs_limit_shown_and_bad_heirs_refused(self):
        self.team_block.stm_max_active_claims = 1
        self._lead(self.rep_a, partner_name="Nu Gears")
        self.rep_b.active = False
        handover = self.env["stm.handover"].search([("user_id", "=", self.rep_b.id)])
        handover.heir_id = self.rep_a
        self.assertEqual(handover.heir_over_limit, 2, "shown, not enforced")
        other_company = self.env["res.company"].create({"name": "Elsewhere"})
        stranger = new_test_user(
            self.env,
            "stm_stranger",
            groups="base.group_user,sales_team.group_sale_salesman",
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        for heir in (self.rep_b, stranger):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                handover.heir_id = heir
                handover.flush_recordset()
            self.env.invalidate_all()
        with self.assertRaises(UserError):
            handover.with_user(self.rep_a).action_confirm()

    def test_the_heir_is_a_salesperson_and_the_deals_stay_in_their_team(self):
        clerk = new_test_user(
            self.env, "stm_heir_clerk", groups="base.group_user", name="Clerk Wu"
        )
        # Archived from the user form as the web client does: it says where
        # the customers wait.
        action = self.rep_b.with_user(self.manager).sudo().action_archive()
        handover = self.env["stm.handover"].search([("user_id", "=", self.rep_b.id)])
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("stm.handover", handover.id)
        )
        # The picker offers salespeople of the company, not the clerk.
        as_manager = handover.with_user(self.manager)
        domain = as_manager._fields["heir_id"].domain
        offered = (
            self.env["res.users"]
            .with_user(self.manager)
            .search(safe_eval(domain, {"company_id": handover.company_id.id}))
        )
        self.assertIn(self.rep_c, offered)
        self.assertNotIn(clerk, offered)
        with (
            self.assertRaisesRegex(UserError, "not a salesperson"),
            self.env.cr.savepoint(),
        ):
            as_manager.heir_id = clerk
            as_manager.flush_recordset()
        self.env.invalidate_all()
        # Rep C works in the other team: the deal follows its customer there.
        as_manager.heir_id = self.rep_c
        as_manager.line_ids.filtered(
            lambda line: line.claim_id == self.dropped.stm_claim_id
        ).destination = "pool"
        self.assertEqual(
            as_manager.move_summary,
            "To Chen Jie: 1 customers with 1 open opportunities. "
            "To the pool: 1 customers.",
        )
        as_manager.action_confirm()
        self.assertEqual(self.kept.user_id, self.rep_c)
        self.assertEqual(self.kept.team_id, self.kept.stm_claim_id.team_id)

    def test_daily_check_opens_a_handover_for_anyone_left_over(self):
        # Archived without the hook (an import, a script as superuser).
        self.env.cr.execute(
            "UPDATE res_users SET active = false WHERE id = %s", [self.rep_b.id]
        )
        self.env.invalidate_all()
        self.env["stm.handover"]._cron_check_leavers()
        self.env["stm.handover"]._cron_check_leavers()
        handovers = self.env["stm.handover"].search([("user_id", "=", self.rep_b.id)])
        self.assertEqual(len(handovers), 1, "once")
