from odoo import api, fields, models

from ..compat import Constraint
from .stm_access_mixin import typed


class CrmStage(models.Model):
    _name = "crm.stage"
    _inherit = ["stm.access.mixin", "crm.stage"]

    stm_probability = fields.Float(
        string="Stage Probability (%)",
        help="Chance of winning an opportunity in this stage (seed 002 §6: "
        "0/10/25/50/75/90/100 %). Used by the weighted forecast, and as the "
        "opportunity's probability in teams that opt in.",
    )

    _stm_probability_range = Constraint(
        "CHECK(stm_probability >= 0 AND stm_probability <= 100)",
        "A stage probability lies between 0 and 100 %.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_probability": typed(),
        }

    @api.model
    def _stm_probability_of(self, stage):
        return 100.0 if stage.is_won else stage.stm_probability
