from datetime import datetime

from freezegun import freeze_time

from odoo.addons.sales_team_mgmt.compat import PHONE_FIELDS
from odoo.addons.sales_team_mgmt.tests.common import StmCase
from odoo.addons.sms.tests.common import SMSCase
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAppointmentSms(StmCase, SMSCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep_a.partner_id[PHONE_FIELDS[-1]] = "+86 138 0013 8000"
        cls.alarm = cls.env["calendar.alarm"].create(
            {
                "name": "30 min",
                "alarm_type": "notification",
                "duration": 30,
                "interval": "minutes",
            }
        )

    def _meeting(self, user, start="2026-11-24 06:00:00"):
        return (
            self.env["calendar.event"]
            .with_user(user)
            .create(
                {
                    "name": "Demo at Huaxin Steel",
                    "start": start,
                    "stop": "2026-11-24 07:00:00",
                    "user_id": user.id,
                    "alarm_ids": [(6, 0, self.alarm.ids)],
                }
            )
            .with_env(self.env)
        )

    def _run_cron(self, moment):
        with freeze_time(moment), self.mockSMSGateway():
            self.env["calendar.event"]._cron_stm_escalate_reminders()

    def test_unacknowledged_reminder_sends_one_sms(self):
        event = self._meeting(self.rep_a)
        # The reminder fires at 05:30; the SMS waits 10 minutes more.
        self._run_cron(datetime(2026, 11, 24, 5, 39))
        self.assertFalse(event.stm_sms_sent_on)
        self.assertFalse(self._new_sms)
        with freeze_time(datetime(2026, 11, 24, 5, 41)), self.mockSMSGateway():
            self.env["calendar.event"]._cron_stm_escalate_reminders()
            self.assertSMSOutgoing(
                self.rep_a.partner_id, None, content="Demo at Huaxin Steel"
            )
        self.assertTrue(event.stm_sms_sent_on)
        with freeze_time(datetime(2026, 11, 24, 5, 50)), self.mockSMSGateway():
            self.env["calendar.event"]._cron_stm_escalate_reminders()
            self.assertFalse(self._new_sms, "once")

    def test_acknowledged_reminder_sends_nothing(self):
        event = self._meeting(self.rep_a)
        with freeze_time(datetime(2026, 11, 24, 5, 32)):
            event.with_user(self.rep_a).action_stm_acknowledge()
        with self.assertRaises(AccessError):
            event.with_user(self.rep_b).action_stm_acknowledge()
        with freeze_time(datetime(2026, 11, 24, 5, 45)), self.mockSMSGateway():
            self.env["calendar.event"]._cron_stm_escalate_reminders()
            self.assertFalse(self._new_sms)

    def test_only_salespeople_and_only_with_a_reminder(self):
        outsider = new_test_user(
            self.env, "stm_acc", groups="base.group_user", name="Accountant"
        )
        outsider.partner_id[PHONE_FIELDS[-1]] = "+86 139 0000 0000"
        self._meeting(outsider)
        quiet = self._meeting(self.rep_a)
        quiet.alarm_ids = False
        with freeze_time(datetime(2026, 11, 24, 5, 45)), self.mockSMSGateway():
            self.env["calendar.event"]._cron_stm_escalate_reminders()
            self.assertFalse(self._new_sms)
