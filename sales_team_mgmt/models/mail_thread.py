from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        """Activities created in a batch by the system have their people
        subscribed already, in one insert (``mail.activity._stm_create_batch``):
        Odoo's per-person subscription after the create is skipped. It saves
        queries and grants nothing: only the superuser's batches skip it."""
        if self.env.su and self.env.context.get("stm_followers_added"):
            return True
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )
