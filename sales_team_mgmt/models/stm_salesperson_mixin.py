from odoo import api, fields, models


class StmSalespersonMixin(models.AbstractModel):
    """A record of one salesperson: the team he sells in (kept when he is in
    none any more) and its leader, who decides on the record."""

    _name = "stm.salesperson.mixin"
    _description = "Salesperson's Record"

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        domain=[("share", "=", False)],
    )
    team_id = fields.Many2one(
        "crm.team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        index=True,
        precompute=True,
        check_company=True,
    )
    manager_id = fields.Many2one(related="team_id.user_id", string="Team Leader")

    @api.depends("user_id")
    def _compute_team_id(self):
        for record in self:
            record.team_id = record.user_id.sale_team_id or record.team_id
