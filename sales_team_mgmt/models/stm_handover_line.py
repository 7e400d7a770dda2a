from odoo import fields, models

from ..access import once, system, typed


class StmHandoverLine(models.Model):
    _name = "stm.handover.line"
    _inherit = ["stm.access.mixin"]
    _description = "Customer Hand-over Line"
    _order = "handover_id, id"

    handover_id = fields.Many2one(
        "stm.handover", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="handover_id.company_id", store=True)
    claim_id = fields.Many2one("stm.claim", string="Customer", required=True)
    destination = fields.Selection(
        [("heir", "To the Heir"), ("pool", "To the Pool")],
        default="heir",
        required=True,
    )
    lead_count = fields.Integer(related="claim_id.lead_count", string="Opportunities")
    protected_until = fields.Date(related="claim_id.protected_until")

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "handover_id": once(),
            "company_id": system(),
            "claim_id": typed(frozen="_stm_frozen_done"),
            "destination": typed(frozen="_stm_frozen_done"),
        }

    def _stm_frozen_done(self, fname, value=None):
        return self.handover_id._stm_frozen_done(fname, value)[0].line_ids & self, (
            self.env._("the hand-over is done.")
        )
