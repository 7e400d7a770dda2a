from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import typed


class CrmLeadLost(models.TransientModel):
    """Odoo's *Lost* dialog also asks which competitor won the deal."""

    _name = "crm.lead.lost"
    _inherit = ["stm.access.mixin", "crm.lead.lost"]

    stm_lost_to_id = fields.Many2one("stm.competitor", string="Lost To")

    def _stm_access(self):
        return {**super()._stm_access(), "stm_lost_to_id": typed()}

    def action_lost_reason_apply(self):
        if self.stm_lost_to_id:
            self.lead_ids.write({"stm_lost_to_id": self.stm_lost_to_id.id})
        # Odoo 19 answers None, which XML-RPC cannot carry.
        return super().action_lost_reason_apply() or True
