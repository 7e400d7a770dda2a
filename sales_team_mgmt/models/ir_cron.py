from odoo import api, models

from ..compat import cron_progress


class IrCron(models.Model):
    _inherit = "ir.cron"

    @api.model
    def _stm_commit_batch(self, done, processed, remaining):
        """Logs the progress of a long job and keeps the batch it just
        finished. Only when a job runner runs it (scheduled or *Run
        Manually*), never inside a test, whose cursor must not commit."""
        cron_progress(self.env, done, processed, remaining)
