from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestAlarmAndLockedFacts(StmCase):
    def setUp(self):
        super().setUp()
        self.lead = self._lead(
            self.rep_a,
            name="Phi ERP",
            partner_name="Phi Electronics",
            contact_name="Mr Phi",
            email_from="phi@phi-elec.com",
        )
        self.lead_as_rep = self.lead.with_user(self.rep_a)

    def _alarm(self):
        with Form(
            self.env["stm.difficulty.alarm"]
            .with_user(self.rep_a)
            .with_context(default_lead_id=self.lead.id)
        ) as form:
            form.reason = "The buyer stopped answering"
            form.help_needed = "Call their GM"
        return form.record

    def test_lost_archive_release_need_an_abandon_alarm(self):
        with self.assertRaisesRegex(UserError, "difficulty alarm"):
            self.lead_as_rep.action_set_lost()
        with self.assertRaisesRegex(UserError, "difficulty alarm"):
            self.lead_as_rep.action_archive()
        with self.assertRaisesRegex(UserError, "difficulty alarm"):
            self.lead.stm_claim_id.with_user(self.rep_a).action_release()
        alarm = self._alarm()
        self.assertEqual(alarm.manager_id, self.manager)
        self.assertTrue(
            alarm.activity_ids.filtered(lambda a: a.user_id == self.manager)
        )
        # The salesperson cannot decide alone.
        with self.assertRaises(UserError):
            alarm.write({"outcome": "abandon"})
        with self.assertRaises(UserError):
            alarm.action_close()
        alarm_as_manager = alarm.with_user(self.manager)
        alarm_as_manager.action_acknowledge()
        alarm_as_manager.outcome = "continue"
        alarm_as_manager.action_close()
        with self.assertRaisesRegex(UserError, "difficulty alarm"):
            self.lead_as_rep.action_set_lost()
        second = self._alarm()
        second.with_user(self.manager).write({"outcome": "abandon"})
        second.with_user(self.manager).action_close()
        self.lead_as_rep.action_set_lost()
        self.assertFalse(self.lead.active)

    def test_manager_may_close_a_lead_without_alarm(self):
        self.lead.with_user(self.manager).action_set_lost()
        self.assertFalse(self.lead.active)

    def test_release_after_abandon_sends_to_pool(self):
        alarm = self._alarm()
        alarm.with_user(self.manager).write({"outcome": "abandon"})
        alarm.with_user(self.manager).action_close()
        self.lead.stm_claim_id.with_user(self.rep_a).action_release()
        self.assertEqual(self.lead.stm_claim_state, "pool")
        self.assertEqual(self.lead.stm_claim_id.last_owner_id, self.rep_a)

    def test_salesperson_cannot_rewrite_registered_facts(self):
        with self.assertRaisesRegex(UserError, "only a sales manager"):
            self.lead_as_rep.write({"partner_name": "Phi Holdings"})
        with self.assertRaises(UserError):
            self.lead_as_rep.write({"email_from": False})
        # Filling in what was missing is fine.
        self.lead_as_rep.write({"phone": "+86 21 6000 1234", "city": "上海"})
        self.assertEqual(self.lead.city, "上海")
        with self.assertRaises(UserError):
            self.lead_as_rep.write({"city": "北京"})

    def test_manager_change_is_tracked(self):
        lead = (
            self.env["crm.lead"]
            .with_context(tracking_disable=False)
            .with_user(self.rep_a)
            .create(
                {
                    "name": "Chi deal",
                    "partner_name": "Chi Instruments",
                    "user_id": self.rep_a.id,
                    "team_id": self.team_block.id,
                }
            )
        )
        # Changes made in the creating transaction are not tracked: "commit"
        # the creation first.
        self.env.flush_all()
        self.env.cr.precommit.run()
        lead.with_user(self.manager).write({"partner_name": "Chi Instruments Group"})
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = lead.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "partner_name"
        )
        self.assertEqual(tracked.old_value_char, "Chi Instruments")
        self.assertEqual(tracked.new_value_char, "Chi Instruments Group")

    def test_only_managers_delete(self):
        with self.assertRaises(UserError):
            self.lead_as_rep.unlink()
        with self.assertRaises(UserError):
            self.lead.stm_claim_id.with_user(self.sales_admin).unlink()
        self.lead.with_user(self.manager).unlink()
        self.assertFalse(self.lead.exists())

    def test_salesperson_cannot_hand_the_customer_over(self):
        with self.assertRaises(UserError):
            self.lead_as_rep.write({"user_id": self.rep_b.id})
        self.lead.with_user(self.manager).write({"user_id": self.rep_b.id})
        self.assertEqual(self.lead.user_id, self.rep_b)
