from odoo import api, fields, models
from odoo.exceptions import UserError


class StmAppraisal(models.Model):
    """What colleagues said, as the person rated may read it: the average
    and the comments, never who wrote them."""

    _inherit = "stm.appraisal"

    peer_average = fields.Float(
        string="Colleagues' Average (1–5)", compute="_compute_peer", digits=(3, 2)
    )
    peer_count = fields.Integer(string="Colleagues' Ratings", compute="_compute_peer")
    peer_comments = fields.Text(string="Colleagues' Comments", compute="_compute_peer")

    @api.depends("user_id", "team_id", "date_from", "date_to")
    def _compute_peer(self):
        measures = self.env["stm.peer.review"]._stm_measures(
            [(r.user_id, r.team_id, r.date_from, r.date_to) for r in self]
        )
        for record in self:
            average, __, count, comments = measures.get(
                (record.user_id, record.team_id, record.date_from, record.date_to),
                (None, None, 0, []),
            )
            record.peer_average = average or 0.0
            record.peer_count = count
            record.peer_comments = "\n".join(f"• {comment}" for comment in comments)

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_stm_coaching_plan": "a sales manager or HR",
        }

    def action_stm_coaching_plan(self):
        """A failed appraisal leads to a coaching plan (opened once)."""
        self.ensure_one()
        if self.state != "done" or self.grade != "fail":
            raise UserError(
                self.env._("A coaching plan follows an appraisal graded Fail.")
            )
        Plan = self.env["stm.coaching.plan"]
        return Plan._stm_open_for(
            self.user_id,
            {"appraisal_id": self.id},
            Plan._stm_default_goals(self.user_id),
        )
