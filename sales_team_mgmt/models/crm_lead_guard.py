from odoo import api, models


class CrmLead(models.Model):
    """Claim, hand-over and project fields of a lead change through their
    buttons only, whatever the client (loaded after the other lead
    extensions, so the guard sees the values the client sent)."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "stm.guarded.mixin"]

    def _stm_guarded_fields(self):
        claim = self.env._(
            "the buttons Claim, Release to Pool and Settle, or a sales manager "
            "assigning the lead to someone else"
        )
        handover = self.env._("a sales manager's assignment of the lead")
        project = self.env._("the Register Project button")
        return dict(
            super()._stm_guarded_fields(),
            stm_claim_id=claim,
            stm_claim_state=claim,
            stm_claim_user_id=claim,
            stm_claim_protected_until=claim,
            stm_marketing_user_id=handover,
            stm_handed_over_on=handover,
            stm_self_developed=handover,
            stm_registered=project,
            stm_registered_on=project,
        )

    def _stm_guard_exempt_fields(self):
        if self._stm_is_manager():
            return {"stm_self_developed", "stm_registered", "stm_registered_on"}
        return super()._stm_guard_exempt_fields()

    @api.model_create_multi
    def create(self, vals_list):
        self._stm_guard(vals_list, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        self._stm_guard([vals])
        return super().write(vals)
