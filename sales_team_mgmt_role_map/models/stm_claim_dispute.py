from odoo import api, models


class StmClaimDispute(models.Model):
    _inherit = "stm.claim.dispute"

    # The suggestion follows the roles mapped on either side's leads.
    @api.depends(
        "claim_id.lead_ids.stm_buying_role_ids.role",
        "claim_id.lead_ids.stm_buying_role_ids.partner_id",
        "rival_claim_id.lead_ids.stm_buying_role_ids.role",
        "rival_claim_id.lead_ids.stm_buying_role_ids.partner_id",
    )
    def _compute_suggested_user_id(self):
        return super()._compute_suggested_user_id()

    def _stm_mapped_roles(self, claim):
        return [
            (role.partner_id.id, role.role)
            for role in claim.lead_ids.stm_buying_role_ids
        ]
