from odoo import Command, api, models


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
        return self._stm_create_batch(
            records._name,
            [
                {
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "activity_type_id": todo,
                    # Written by the system: the step that settles it marks
                    # it done (activity_feedback looks for these).
                    "automated": True,
                    "user_id": owner[record].id,
                    "date_deadline": deadline(record)
                    if callable(deadline)
                    else deadline,
                    "summary": summary(record, env_of[owner[record]]),
                }
                for record in records
            ],
        )

    @api.model
    def _stm_create_batch(self, model, vals_list):
        """Activities on records of ``model`` for many people, as the system,
        in a fixed number of queries: each person follows his records first,
        in one insert, and Odoo's create is told so (it would subscribe them
        one person at a time: thousands of queries for a night's ladder)."""
        Followers = self.env["mail.followers"].sudo()
        partner_of = {
            user.id: user.partner_id.id
            for user in self.env["res.users"].browse(
                {vals["user_id"] for vals in vals_list}
            )
        }
        wanted = {(vals["res_id"], partner_of[vals["user_id"]]) for vals in vals_list}
        existing = Followers.search_fetch(
            [
                ("res_model", "=", model),
                ("res_id", "in", list({res_id for res_id, __ in wanted})),
                ("partner_id", "in", list(set(partner_of.values()))),
            ],
            ["res_id", "partner_id"],
        )
        wanted -= {(f.res_id, f.partner_id.id) for f in existing}
        # Salespeople and their leaders are employees: the default subtypes.
        default = self.env["mail.message.subtype"].default_subtypes(model)[0]
        Followers.create(
            [
                {
                    "res_model": model,
                    "res_id": res_id,
                    "partner_id": partner_id,
                    "subtype_ids": [Command.set(default.ids)],
                }
                for res_id, partner_id in sorted(wanted)
            ]
        )
        return (
            self.sudo()
            .with_context(mail_activity_quick_update=True, stm_followers_added=True)
            .create(vals_list)
        )
