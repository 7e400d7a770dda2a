from odoo import models
from odoo.exceptions import UserError


class StmDiscipline(models.Model):
    """A decision to coach leads to a coaching plan."""

    _inherit = "stm.discipline"

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_stm_coaching_plan": "a sales manager or HR",
        }

    def action_stm_coaching_plan(self):
        """The coaching plan this decision calls for (opened once)."""
        self.ensure_one()
        if self.decision != "coaching" or not self.user_id:
            raise UserError(
                self.env._("A coaching plan follows a decision to coach a user.")
            )
        Plan = self.env["stm.coaching.plan"]
        return Plan._stm_open_for(
            self.user_id,
            {"discipline_id": self.id},
            Plan._stm_default_goals(self.user_id),
        )
