from odoo import api, models

from .stm_guarded_mixin import check_client_values


class CrmLead(models.Model):
    """What a client sends to a lead is checked (values that fit their fields)
    and its claim, hand-over and project fields change through their buttons
    only (see ``stm.guarded.mixin``). Loaded after the other lead extensions,
    so that the checks see the values the client sent."""

    _inherit = "crm.lead"

    def _stm_guarded_fields(self):
        claim = self.env._(
            "the buttons Claim, Release to Pool and Settle, or a sales manager "
            "assigning the lead to someone else"
        )
        handover = self.env._("a sales manager's assignment of the lead")
        project = self.env._("the Register Project button")
        return {
            "stm_claim_id": claim,
            "stm_claim_state": claim,
            "stm_claim_user_id": claim,
            "stm_claim_protected_until": claim,
            "stm_pool_team_id": claim,
            "stm_marketing_user_id": handover,
            "stm_handed_over_on": handover,
            "stm_self_developed": handover,
            "stm_registered": project,
            "stm_registered_on": project,
        }

    def _stm_guard_exempt_fields(self):
        if self._stm_is_manager():
            return {"stm_self_developed", "stm_registered", "stm_registered_on"}
        return set()

    def _stm_guard_create_fields(self):
        return set()

    @api.model_create_multi
    def create(self, vals_list):
        check_client_values(self, vals_list, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_client_values(self, [vals])
        return super().write(vals)
