from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """A done activity on a lead, by its owner, is a follow-up: the
        customer stays protected (DESIGN §2)."""
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
