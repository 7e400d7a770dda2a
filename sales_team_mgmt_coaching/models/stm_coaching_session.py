from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import system, typed


class StmCoachingSession(models.Model):
    """A coaching conversation: when, what was said, what comes next."""

    _name = "stm.coaching.session"
    _inherit = ["stm.coaching.line.mixin"]
    _description = "Coaching Session"
    _order = "date desc, id desc"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "stm.coaching.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    notes = fields.Text(required=True)
    next_step = fields.Char()

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "plan_id": typed(),
            "company_id": system(),
            "date": typed(),
            "notes": typed(),
            "next_step": typed(),
        }
