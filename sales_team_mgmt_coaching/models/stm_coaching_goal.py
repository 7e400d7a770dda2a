from collections import defaultdict

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import incentive, voices


class StmCoachingGoal(models.Model):
    """A goal of a coaching plan: a measure, a target, a due date. Measured
    goals count from the records between the plan's start and the due date
    (or today), with the same definitions as the board."""

    _name = "stm.coaching.goal"
    _inherit = ["stm.coaching.line.mixin"]
    _description = "Coaching Goal"
    _order = "plan_id, due_date, id"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "stm.coaching.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    name = fields.Char(required=True)
    measure = fields.Selection(
        [
            ("manual", "Noted by the Coach"),
            ("feedback_visits", "Visits with Feedback"),
            ("registered_projects", "Registered Projects"),
            ("attainment", "Target Reached (%)"),
        ],
        required=True,
        default="manual",
    )
    target = fields.Float(required=True, default=1.0)
    due_date = fields.Date(string="Due")
    manual_actual = fields.Float(string="Reached (noted)")
    actual = fields.Float(string="Reached", compute="_compute_actual")
    progress = fields.Float(string="Progress (%)", compute="_compute_actual")

    _stm_coaching_goal_target = Constraint(
        "CHECK(target >= 0)",
        "A target is not negative.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "plan_id": typed(),
            "company_id": system(),
            "name": typed(),
            "measure": typed(),
            "target": typed(),
            "due_date": typed(),
            "manual_actual": typed(),
        }

    @api.depends("measure", "manual_actual", "target", "due_date", "plan_id.date_start")
    def _compute_actual(self):
        today = fields.Date.context_today(self)
        Figures = self.env["stm.figures"]
        windows = defaultdict(lambda: self.browse())
        for goal in self:
            if goal.measure != "manual" and goal.plan_id.date_start:
                end = min(goal.due_date or today, today)
                windows[(goal.measure, goal.plan_id.date_start, end)] |= goal
        measured = {}
        for (measure, first, last), goals in windows.items():
            users = goals.plan_id.coachee_id
            companies = goals.company_id
            if last < first:
                values = {}
            elif measure == "feedback_visits":
                values = Figures._stm_feedback_visits(users, companies, first, last)
            elif measure == "registered_projects":
                values = Figures._stm_registered_projects(users, companies, first, last)
            else:
                won = Figures._stm_won_revenue(users, companies, first, last)
                values = {}
                for goal in goals:
                    user = goal.plan_id.coachee_id
                    member = user.sale_team_id.crm_team_member_ids.filtered(
                        lambda m, user=user: m.user_id == user
                    )[:1]
                    target = member._stm_range_target(first, last) if member else 0.0
                    values[user] = (
                        incentive.attainment_pct(won.get(user, 0.0), target) or 0.0
                    )
            for goal in goals:
                measured[goal] = values.get(goal.plan_id.coachee_id, 0)
        for goal in self:
            goal.actual = measured.get(goal, goal.manual_actual)
            goal.progress = voices.goal_progress(goal.actual, goal.target)
