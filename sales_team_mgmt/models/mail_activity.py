from odoo import api, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """A done activity on a lead, by its owner, is a follow-up: the
        customer stays protected (a follow-up resets the protection window)."""
        lead_ids = [
            activity.res_id
            for activity in self
            if activity.res_model == "crm.lead"
            and activity.res_id
            and activity.user_id == self.env.user
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if lead_ids:
            leads = self.env["crm.lead"].sudo().browse(lead_ids).exists()
            leads.filtered(
                lambda lead: lead.user_id == self.env.user
            ).stm_claim_id._touch_followup()
        return result

    @api.model
    def _stm_schedule_batch(self, records, deadline, summary, user_of=None):
        """One to-do per record for its salesperson (``user_of(record)``,
        else ``record.user_id``), created in one go: the crons must not grow
        a query per salesperson. ``deadline`` is a date or a function of the
        record; ``summary(record, env)`` writes the summary with ``env`` in
        the recipient's language."""
        if not records:
            return self.browse()
        model_id = self.env["ir.model"]._get_id(records._name)
        todo = self.env.ref("mail.mail_activity_data_todo").id
        owner = {
            record: user_of(record) if user_of else record.user_id for record in records
        }
        env_of = {user: user._stm_env() for user in set(owner.values())}
        return (
            self.sudo()
            .with_context(mail_activity_quick_update=True)
            .create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": record.id,
                        "activity_type_id": todo,
                        # Written by the system: the step that settles it
                        # marks it done (activity_feedback looks for these).
                        "automated": True,
                        "user_id": owner[record].id,
                        "date_deadline": deadline(record)
                        if callable(deadline)
                        else deadline,
                        "summary": summary(record, env_of[owner[record]]),
                    }
                    for record in records
                ]
            )
        )
