from odoo import api, models


class StmCoachingLineMixin(models.AbstractModel):
    """Goals and sessions of a coaching plan: the plan's coach, the managers
    and HR write them; the coachee reads."""

    _name = "stm.coaching.line.mixin"
    _inherit = ["stm.access.mixin"]
    _description = "Coaching Plan Line"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.plan_id._stm_check_in_charge()
        return records

    def write(self, vals):
        self.plan_id._stm_check_in_charge()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_in_charge(self):
        self.plan_id._stm_check_in_charge()
