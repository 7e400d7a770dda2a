from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system


class CrmTeamMember(models.Model):
    """The honours on a salesperson's board card (and the office screen)."""

    _inherit = "crm.team.member"

    stm_board_honour_ids = fields.Many2many(
        "stm.honour",
        string="Honours",
        compute="_compute_stm_board_honour_ids",
        help="Titles awarded this month (for last month) and this year's.",
    )

    def _stm_access(self):
        # Public within sales, as the board's sales figures are.
        return {
            **super()._stm_access(),
            "stm_board_honour_ids": system(read="sales_team.group_sale_salesman"),
        }

    @api.depends_context("uid", "company", "tz")
    def _compute_stm_board_honour_ids(self):
        honours = self.env["stm.honour"]._stm_current(
            self.user_id,
            self._stm_board_companies(),
            fields.Date.context_today(self),
        )
        for member in self:
            member.stm_board_honour_ids = honours.get(
                member.user_id, self.env["stm.honour"]
            )
