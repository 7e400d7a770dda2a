from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system
from odoo.addons.sales_team_mgmt.policy import incentive, training


class CrmTeamMember(models.Model):
    """A newcomer's board card lists the team's required courses he has
    not completed yet."""

    _inherit = "crm.team.member"

    stm_board_courses_todo = fields.Char(
        string="Required Courses to Take",
        compute="_compute_stm_board_courses_todo",
        help="Shown to a newcomer: the team's required courses he has not "
        "completed yet.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_board_courses_todo": system(read="sales_team.group_sale_salesman"),
        }

    @api.depends_context("uid")
    def _compute_stm_board_courses_todo(self):
        today = fields.Date.context_today(self)
        courses = self.crm_team_id.sudo().stm_required_course_ids
        done = self.env["stm.figures"]._stm_courses_done(self.user_id, courses)
        for member in self:
            team = member.crm_team_id
            if not incentive.is_newcomer(
                member.stm_joined_on, today, team.stm_newcomer_months
            ):
                member.stm_board_courses_todo = False
                continue
            todo = training.courses_to_do(
                list(team.sudo().stm_required_course_ids),
                done.get(member.user_id, ()),
            )
            member.stm_board_courses_todo = ", ".join(c.name for c in todo) or False
