import threading

from odoo import api, models


class IrCron(models.Model):
    _inherit = "ir.cron"

    @api.model
    def _stm_commit_batch(self):
        """Keep the batch a long job just finished. Only when a job runner
        runs it (scheduled or *Run Manually*), never inside a test, whose
        cursor must not commit (as ``addons/crm`` does)."""
        if getattr(threading.current_thread(), "testing", False):
            return
        if self.env.context.get("ir_cron_progress_id"):
            self.env.cr.commit()  # pylint: disable=invalid-commit
