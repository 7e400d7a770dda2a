from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import STAGE_TEAMS, Constraint, stage_teams


class CrmStage(models.Model):
    _name = "crm.stage"
    _inherit = ["stm.access.mixin", "crm.stage"]

    stm_probability = fields.Float(
        string="Stage Probability (%)",
        help="Chance of winning an opportunity in this stage (seed 002 §6: "
        "0/10/25/50/75/90/100 %). Used by the weighted forecast, and as the "
        "opportunity's probability in teams that opt in.",
    )

    # One name for "the stage's team" on both series (Odoo 19 lets a stage
    # serve several teams): the first of them; searching finds any.
    stm_team_id = fields.Many2one(
        "crm.team",
        string="Sales Team (first)",
        compute="_compute_stm_team_id",
        search="_search_stm_team_id",
    )

    _stm_probability_range = Constraint(
        "CHECK(stm_probability >= 0 AND stm_probability <= 100)",
        "A stage probability lies between 0 and 100 %.",
    )

    def _compute_stm_team_id(self):
        for stage in self:
            stage.stm_team_id = stage_teams(stage)[:1]

    def _search_stm_team_id(self, operator, value):
        return [(STAGE_TEAMS, operator, value)]

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_probability": typed(),
        }

    @api.model
    def _stm_probability_of(self, stage):
        return 100.0 if stage.is_won else stage.stm_probability
