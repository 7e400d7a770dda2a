from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import system, typed


class StmProgressEntry(models.Model):
    """A dated step of a registered project (项目进展), part of its dossier."""

    _name = "stm.progress.entry"
    _inherit = ["stm.access.mixin"]
    _description = "Project Progress Entry"
    _order = "date desc, id desc"
    _check_company_auto = True

    lead_id = fields.Many2one(
        "crm.lead", string="Project", required=True, ondelete="cascade", index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    summary = fields.Text(required=True)
    next_step = fields.Char()
    next_date = fields.Date()
    user_id = fields.Many2one(
        "res.users", string="Author", default=lambda self: self.env.user
    )
    company_id = fields.Many2one(related="lead_id.company_id", store=True)

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "lead_id": typed(),
            "date": typed(),
            "summary": typed(),
            "next_step": typed(),
            "next_date": typed(),
            "user_id": typed(),
            "company_id": system(),
        }
