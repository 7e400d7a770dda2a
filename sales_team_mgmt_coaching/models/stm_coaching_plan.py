from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import action, system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import periods
from odoo.exceptions import AccessError, UserError


class StmCoachingPlan(models.Model):
    """Coaching after a weak result (辅导, seed 004 ch.6.2, seed 002 §4.3):
    a coach, goals (some measured from the records), sessions, an outcome.
    Opened from a discipline record decided "coaching", from an appraisal
    graded fail, or by hand. Private like discipline: the coachee, the
    coach, his managers and HR."""

    _name = "stm.coaching.plan"
    _description = "Coaching Plan"
    _inherit = ["stm.access.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "state, date_start desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["coachee_id.name"]

    name = fields.Char(compute="_compute_name")
    coachee_id = fields.Many2one(
        "res.users",
        string="Coachee",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    coach_id = fields.Many2one(
        "res.users",
        string="Coach",
        required=True,
        index=True,
        tracking=True,
        compute="_compute_coach_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('share', '=', False)]",
    )
    employee_id = fields.Many2one(
        "hr.employee", compute="_compute_employee_id", store=True, check_company=True
    )
    manager_id = fields.Many2one(
        "res.users",
        compute="_compute_manager_id",
        store=True,
        index="btree_not_null",
        help="Leader of the coachee's sales team, or his manager in the "
        "organisation chart.",
    )
    employee_parent_user_id = fields.Many2one(
        "res.users", related="employee_id.parent_id.user_id", store=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    discipline_id = fields.Many2one(
        "stm.discipline", string="Discipline Record", check_company=True, index=True
    )
    appraisal_id = fields.Many2one(
        "stm.appraisal", string="Appraisal", check_company=True, index=True
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="Review On")
    goal_ids = fields.One2many("stm.coaching.goal", "plan_id", string="Goals")
    session_ids = fields.One2many("stm.coaching.session", "plan_id", string="Sessions")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
    )
    outcome = fields.Selection(
        [
            ("improved", "Improved"),
            ("partly", "Partly Improved"),
            ("not_improved", "Not Improved"),
        ],
        tracking=True,
    )
    outcome_note = fields.Text(string="Outcome Notes")
    progress = fields.Float(
        string="Goals Reached (%)", compute="_compute_progress", aggregator="avg"
    )
    in_charge = fields.Boolean(
        compute="_compute_in_charge",
        help="Whether the reader runs the plan (the coach, a manager, HR): the "
        "coachee reads it.",
    )

    _stm_coaching_dates = Constraint(
        "CHECK(date_end IS NULL OR date_end >= date_start)",
        "A plan is reviewed after it starts.",
    )

    @api.depends("coachee_id")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._("Coaching: %s", plan.coachee_id.name or "")

    @api.depends("coachee_id")
    def _compute_coach_id(self):
        for plan in self:
            if not plan.coach_id:
                leader = plan.coachee_id.sale_team_id.user_id
                plan.coach_id = leader if leader != plan.coachee_id else False

    @api.depends("coachee_id")
    def _compute_employee_id(self):
        by_user = self.coachee_id._stm_employee_by_user()
        for plan in self:
            plan.employee_id = by_user.get(plan.coachee_id, plan.employee_id)

    @api.depends("coachee_id.sale_team_id.user_id", "employee_id.parent_id.user_id")
    def _compute_manager_id(self):
        for plan in self:
            leader = plan.coachee_id.sale_team_id.user_id
            if leader == plan.coachee_id:
                leader = leader.browse()
            plan.manager_id = leader or plan.employee_id.parent_id.user_id

    @api.depends("goal_ids.progress")
    def _compute_progress(self):
        for plan in self:
            goals = plan.goal_ids
            plan.progress = (
                round(sum(goals.mapped("progress")) / len(goals), 1) if goals else 0.0
            )

    # ------------------------------------------------------------------
    # Who may do what
    # ------------------------------------------------------------------

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "coachee_id": typed(),
            "coach_id": typed(),
            "employee_id": system(),
            "manager_id": system(),
            "employee_parent_user_id": system(),
            "company_id": typed(),
            "discipline_id": typed(),
            "appraisal_id": typed(),
            "date_start": typed(),
            "date_end": typed(),
            "goal_ids": typed(),
            "session_ids": typed(),
            "state": action(self.env._("Start, Done and Cancel")),
            "outcome": typed(),
            "outcome_note": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_cancel": "the coach, a sales manager or HR",
            "action_done": "the coach, a sales manager or HR",
            "action_start": "the coach, a sales manager or HR",
        }

    @api.depends_context("uid")
    @api.depends("coach_id")
    def _compute_in_charge(self):
        user = self.env.user
        everyone = self.env["res.users"]._stm_is_manager_or_hr()
        for plan in self:
            plan.in_charge = everyone or plan.coach_id == user

    def _stm_check_in_charge(self):
        """The coach, the coachee's managers and HR run the plan."""
        user = self.env.user
        if self.env.su or self.env["res.users"]._stm_is_manager_or_hr():
            return
        if any(plan.coach_id != user for plan in self):
            raise AccessError(
                self.env._(
                    "Only the coach, a manager or HR can change a coaching plan."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env["res.users"]._stm_is_manager_or_hr():
            raise AccessError(self.env._("A manager or HR opens a coaching plan."))
        return super().create(vals_list)

    def write(self, vals):
        self._stm_check_in_charge()
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _stm_move(self, allowed, state):
        self._stm_check_in_charge()
        if any(plan.state not in allowed for plan in self):
            raise UserError(self.env._("This step does not apply to these plans."))
        self.sudo().write({"state": state})
        return True

    def action_start(self):
        """The plan starts: the coachee is told and follows it."""
        if any(not plan.goal_ids for plan in self):
            raise UserError(self.env._("Give the plan at least one goal first."))
        result = self._stm_move({"draft"}, "active")
        for plan in self:
            plan.message_subscribe(partner_ids=plan.coachee_id.partner_id.ids)
            env = plan.coachee_id._stm_env()
            plan.message_post(
                body=env._(
                    "%(coach)s coaches you from today: the goals are in this plan.",
                    coach=plan.coach_id.name,
                ),
                partner_ids=plan.coachee_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return result

    def action_done(self):
        if any(not plan.outcome for plan in self):
            raise UserError(self.env._("Say how it went (the outcome) first."))
        return self._stm_move({"active"}, "done")

    def action_cancel(self):
        return self._stm_move({"draft", "active"}, "cancelled")

    # ------------------------------------------------------------------
    # Opened from a discipline record or a failed appraisal
    # ------------------------------------------------------------------

    @api.model
    def _stm_open_for(self, coachee, origin_values, goals):
        """The plan of ``coachee`` for this origin (existing, else new), as
        an action on its form."""
        plan = self.search(
            [(k, "=", v) for k, v in origin_values.items()]
            + [("state", "in", ("draft", "active"))],
            limit=1,
        )
        if not plan:
            plan = self.create(
                {
                    "coachee_id": coachee.id,
                    **origin_values,
                    "goal_ids": [(0, 0, goal) for goal in goals],
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": plan.id,
            "view_mode": "form",
        }

    @api.model
    def _stm_default_goals(self, coachee, months=3):
        """Goals a weak result calls for: the team's visit and project
        quotas and the revenue target, over the next months."""
        team = coachee.sale_team_id
        today = fields.Date.context_today(self)
        due = periods.period_bounds("quarter", today)[1]
        env = coachee._stm_env()
        return [
            {
                "name": env._("Visits with the customer's feedback"),
                "measure": "feedback_visits",
                "target": (team.stm_min_feedback_visits_30d or 15) * months,
                "due_date": due,
            },
            {
                "name": env._("Registered projects"),
                "measure": "registered_projects",
                "target": max(
                    round((team.stm_min_registered_projects_year or 4) * months / 12), 1
                ),
                "due_date": due,
            },
            {
                "name": env._("Target reached"),
                "measure": "attainment",
                "target": 100.0,
                "due_date": due,
            },
        ]

    # ------------------------------------------------------------------
    # The weekly digest to coaches and mentors
    # ------------------------------------------------------------------

    @api.model
    def _cron_weekly_digest(self):
        """Weekly: each coach gets his coachee's visits of the week and the
        progress on the goals; each mentor his newcomer's visits. One grouped
        read of the week's visits for everyone, one message each."""
        today = fields.Date.context_today(self)
        plans = self.sudo().search([("state", "=", "active")])
        mentees = self.env["crm.team.member"]._stm_mentees(today)
        users = plans.coachee_id | mentees.user_id
        # A team without a company counts its newcomer's own company.
        companies = (
            plans.company_id
            | mentees.crm_team_id.company_id
            | mentees.filtered(
                lambda m: not m.crm_team_id.company_id
            ).user_id.company_id
        )
        week = self._stm_week_summary(users, companies, today)
        for plan in plans:
            env = plan.coach_id._stm_env()
            count, customers = week[plan.coachee_id]
            summary = env._(
                "This week %(coachee)s made %(visits)s visits (%(customers)s).",
                coachee=plan.coachee_id.name,
                visits=count,
                customers=customers or "—",
            )
            goals = Markup("").join(
                Markup("<li>%s: %s / %s</li>")
                % (goal.name, round(goal.actual, 1), round(goal.target, 1))
                for goal in plan.goal_ids
            )
            plan.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>") % (summary, goals),
                partner_ids=plan.coach_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        for member in mentees:
            env = member.stm_mentor_id._stm_env()
            count, customers = week[member.user_id]
            member.sudo().message_post(
                body=env._(
                    "Your newcomer %(user)s made %(visits)s visits this week "
                    "(%(customers)s).",
                    user=member.user_id.name,
                    visits=count,
                    customers=customers or "—",
                ),
                partner_ids=member.stm_mentor_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    @api.model
    def _stm_week_summary(self, users, companies, today):
        """{user: (done visits in the 7 days before today, "customer, …")},
        one grouped read, in ``companies``."""
        counts, names = defaultdict(int), defaultdict(list)
        end = fields.Datetime.to_datetime(today)
        for user, partner, count in (
            self.env["stm.visit"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", users.ids),
                    ("company_id", "in", companies.ids),
                    ("state", "=", "done"),
                    ("date", ">=", end - timedelta(days=7)),
                    ("date", "<", end),
                ],
                ["user_id", "partner_id"],
                ["__count"],
            )
        ):
            counts[user] += count
            names[user].append(partner.name)
        result = defaultdict(lambda: (0, ""))
        for user, count in counts.items():
            result[user] = (count, ", ".join(sorted(names[user])))
        return result
