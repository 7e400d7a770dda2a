from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import PHONE_FIELDS, USER_ALL_GROUPS
from odoo.addons.sales_team_mgmt.policy import relations
from odoo.exceptions import AccessError

# Escalate only appointments still ahead or just started, not old ones.
LOOKBACK = timedelta(hours=2)
LOOKAHEAD = timedelta(days=31)


class CalendarEvent(models.Model):
    """Appointment escalation (seed 002 §3): a salesperson who does not
    acknowledge an appointment's reminder within 10 minutes gets one SMS."""

    _name = "calendar.event"
    _inherit = ["stm.access.mixin", "calendar.event"]

    stm_acknowledged_on = fields.Datetime(string="Acknowledged On", copy=False)
    stm_sms_sent_on = fields.Datetime(string="Reminder SMS Sent On", copy=False)

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_acknowledged_on": typed(),
            "stm_sms_sent_on": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_stm_acknowledge": "the attendee the reminder is for",
        }

    def action_stm_acknowledge(self):
        if not self.env.su and self.filtered(
            lambda event: (
                event.user_id != self.env.user
                and self.env.user.partner_id not in event.partner_ids
            )
        ):
            raise AccessError(self.env._("Only the attendees acknowledge a reminder."))
        self.filtered(lambda event: not event.stm_acknowledged_on).sudo().write(
            {"stm_acknowledged_on": fields.Datetime.now()}
        )
        return True

    def _stm_reminder_at(self):
        """When the earliest reminder of the event fires (None without one)."""
        minutes = self.alarm_ids.mapped("duration_minutes")
        return self.start - timedelta(minutes=max(minutes)) if minutes else None

    @api.model
    def _cron_stm_escalate_reminders(self):
        now = fields.Datetime.now()
        events = self.sudo().search(
            [
                ("alarm_ids", "!=", False),
                ("stm_acknowledged_on", "=", False),
                ("stm_sms_sent_on", "=", False),
                ("start", ">=", now - LOOKBACK),
                ("start", "<=", now + LOOKAHEAD),
                (
                    f"user_id.{USER_ALL_GROUPS}",
                    "in",
                    self.env.ref("sales_team.group_sale_salesman").ids,
                ),
            ]
        )
        # Each salesperson's company sets the delay.
        due = events.filtered(
            lambda event: (
                relations.reminder_due(
                    event._stm_reminder_at(),
                    event.user_id.company_id.stm_appointment_ack_minutes,
                    now,
                )
                and event.stop > now
            )
        )
        sms_values, sent = [], self.browse()
        for event in due:
            partner = event.user_id.partner_id
            # The mobile number first, where the series has one.
            number = next(
                (partner[name] for name in reversed(PHONE_FIELDS) if partner[name]),
                False,
            )
            if not number:
                continue
            sms_values.append(
                {
                    "partner_id": partner.id,
                    "number": partner._phone_format(number=number) or number,
                    "body": event.user_id._stm_env()._(
                        "Reminder: %(event)s at %(start)s. Please acknowledge it "
                        "in Odoo.",
                        event=event.name,
                        start=fields.Datetime.context_timestamp(
                            event.with_context(tz=event.user_id.tz or "UTC"),
                            event.start,
                        ).strftime("%Y-%m-%d %H:%M"),
                    ),
                }
            )
            sent |= event
        if sms_values:
            self.env["sms.sms"].sudo().create(sms_values)
            sent.write({"stm_sms_sent_on": now})
            for event in sent:
                event.message_post(
                    body=event.user_id._stm_env()._(
                        "Reminder not acknowledged: SMS sent to the salesperson."
                    ),
                    subtype_xmlid="mail.mt_note",
                )
