from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.addons.sales_team_mgmt.access import action, system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint, domain_or
from odoo.addons.sales_team_mgmt.policy import appraisal as appraisal_policy
from odoo.addons.sales_team_mgmt.policy import periods, quota
from odoo.exceptions import AccessError, UserError, ValidationError

# What the appraised salesperson may write on their own, published appraisal.
EMPLOYEE_FIELDS = {"employee_comment"}


class StmAppraisal(models.Model):
    """A salesperson's appraisal for a month, quarter, half-year or year:
    criteria from a template, those measured by the system filled from the
    records, the rest scored by the manager, then discussed in an interview.
    The salesperson sees it once it is done."""

    _name = "stm.appraisal"
    _description = "Appraisal"
    _inherit = [
        "stm.access.mixin",
        "stm.salesperson.mixin",
        "stm.period.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_from desc, team_id, rank_in_team, id"
    _check_company_auto = True
    _rec_names_search = ["user_id.name", "employee_id.name"]

    # Not stored: it is written in the reader's language.
    name = fields.Char(compute="_compute_name")
    user_id = fields.Many2one(tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", compute="_compute_employee_id", store=True, readonly=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period = fields.Selection(
        periods.PERIODS,
        required=True,
        default="quarter",
    )
    template_id = fields.Many2one(
        "stm.appraisal.template",
        required=True,
        default=lambda self: self.env["stm.appraisal.template"].search(
            [("company_id", "in", [False, self.env.company.id])], limit=1
        ),
        check_company=True,
    )
    line_ids = fields.One2many("stm.appraisal.line", "appraisal_id", string="Criteria")
    total_score = fields.Float(
        compute="_compute_total_score", store=True, aggregator="avg", tracking=True
    )
    grade = fields.Selection(
        [
            ("excellent", "Excellent"),
            ("good", "Good"),
            ("pass", "Pass"),
            ("fail", "Fail"),
        ],
        compute="_compute_total_score",
        store=True,
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("review", "Manager Review"),
            ("interview", "Interview"),
            ("done", "Done"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    manager_feedback = fields.Html()
    improvement_plan = fields.Html()
    employee_comment = fields.Text()
    rank_in_team = fields.Integer(string="Rank in Team", readonly=True, aggregator=None)
    team_size = fields.Integer(readonly=True, aggregator=None)
    is_bottom = fields.Boolean(
        string="Bottom of the Ranking",
        readonly=True,
        help="Among the team's last places for this period (末位).",
    )
    kpis_filled_on = fields.Datetime(string="Figures Filled On", readonly=True)
    interview_on = fields.Datetime(
        string="Interview",
        help="When the manager and the salesperson discuss the appraisal; "
        "Plan Interview puts it in both calendars.",
    )
    interview_event_id = fields.Many2one(
        "calendar.event", string="Interview Meeting", readonly=True, copy=False
    )

    _user_period_uniq = Constraint(
        "UNIQUE(user_id, period, date_from)",
        "This salesperson already has an appraisal for this period.",
    )
    _dates_ordered = Constraint(
        "CHECK(date_from <= date_to)",
        "The period ends before it starts.",
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        if any(
            not (quota.plausible_day(r.date_from) and quota.plausible_day(r.date_to))
            for r in self
        ):
            raise ValidationError(
                self.env._("An appraisal period lies between the years 1900 and 2999.")
            )

    @api.depends("user_id.name", "period", "date_from")
    def _compute_name(self):
        labels = dict(self._fields["period"]._description_selection(self.env))
        for record in self:
            record.name = self.env._(
                "%(person)s — %(period)s from %(start)s",
                person=record.user_id.name or "",
                period=labels.get(record.period, ""),
                start=record.date_from or "",
            )

    @api.depends("user_id")
    def _compute_employee_id(self):
        by_user = self.user_id._stm_employee_by_user()
        for record in self:
            record.employee_id = by_user.get(record.user_id, record.employee_id)

    @api.depends(
        "line_ids.weight",
        "line_ids.score",
        "line_ids.counted",
        "template_id.excellent_min",
        "template_id.good_min",
        "template_id.pass_min",
    )
    def _compute_total_score(self):
        for record in self:
            record.total_score = appraisal_policy.total_score(
                [(line.weight, line.score) for line in record.line_ids if line.counted]
            )
            template = record.template_id
            record.grade = appraisal_policy.grade(
                record.total_score,
                template.excellent_min,
                template.good_min,
                template.pass_min,
            )

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.state == "draft":
            self.line_ids = [
                Command.clear(),
                *self._stm_template_lines(self.template_id),
            ]

    @api.model
    def _stm_template_lines(self, template):
        return [
            Command.create(
                {
                    "sequence": line.sequence,
                    "name": line.name,
                    "weight": line.weight,
                    "kpi": line.source,
                    "source": "manual" if line.source == "manual" else "auto",
                }
            )
            for line in template.line_ids
        ]

    def _stm_access(self):
        steps = action(
            self.env._(
                "the buttons Fill from the Records, Start Review, Plan Interview, "
                "Publish and Back to Draft"
            )
        )
        return {
            **super()._stm_access(),
            "user_id": typed(),
            "employee_id": typed(),
            "team_id": typed(),
            "company_id": typed(),
            "period": typed(),
            "date_from": typed(),
            "date_to": typed(),
            "template_id": typed(),
            "line_ids": typed(),
            "total_score": system(),
            "grade": system(),
            "state": steps,
            "manager_feedback": typed(),
            "improvement_plan": typed(),
            "employee_comment": typed(),
            "rank_in_team": steps,
            "team_size": steps,
            "is_bottom": steps,
            "kpis_filled_on": steps,
            "interview_on": typed(),
            "interview_event_id": steps,
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_done": "the appraiser (sales manager)",
            "action_fill_kpis": "the appraiser (sales manager)",
            "action_publish_ranking": "a sales manager",
            "action_reset_draft": "the appraiser (sales manager)",
            "action_to_interview": "the appraiser (sales manager)",
            "action_to_review": "the appraiser (sales manager)",
        }

    @api.model_create_multi
    def create(self, vals_list):
        self.browse()._stm_check_appraiser()
        Template = self.env["stm.appraisal.template"]
        default = None  # searched once, when a record needs it
        for vals in vals_list:
            if not vals.get("line_ids"):
                template = Template.browse(vals.get("template_id"))
                if not template:
                    if default is None:
                        default = Template.search(
                            [("company_id", "in", [False, self.env.company.id])],
                            limit=1,
                        )
                    template = default
                template._stm_check_usable()
                vals["line_ids"] = self._stm_template_lines(template)
        records = super().create(vals_list)
        records._stm_check_appraiser()
        return records

    def write(self, vals):
        if not self._stm_is_appraiser():
            if set(vals) - EMPLOYEE_FIELDS or self.filtered(
                lambda record: record.user_id != self.env.user or record.state != "done"
            ):
                raise AccessError(
                    self.env._(
                        "Only a sales manager scores appraisals; you may add "
                        "your comment to your own appraisal once it is done."
                    )
                )
        return super().write(vals)

    def _stm_is_appraiser(self):
        """Appraising belongs to the team's leader (see res.users)."""
        return self.env["res.users"]._stm_decides_for(
            [record.team_id.user_id for record in self]
        )

    def _stm_check_appraiser(self):
        if not self.env["res.users"]._stm_is_sales_manager():
            raise AccessError(self.env._("Only a sales manager can appraise."))
        self.env["res.users"]._stm_check_decides_for(
            [record.team_id.user_id for record in self]
        )

    def _stm_check_state(self, allowed):
        if self.filtered(lambda record: record.state not in allowed):
            raise UserError(self.env._("This step does not apply to these appraisals."))

    def action_to_review(self):
        self._stm_check_appraiser()
        self._stm_check_state({"draft"})
        self.action_fill_kpis()
        self.sudo().write({"state": "review"})
        return True

    def action_to_interview(self):
        self._stm_check_appraiser()
        self._stm_check_state({"review"})
        missing = self.filtered(lambda record: not record.interview_on)
        if missing:
            raise UserError(
                self.env._(
                    "Set the interview's date and time for %s first.",
                    ", ".join(missing.mapped("name")),
                )
            )
        self.sudo().write({"state": "interview"})
        self._stm_plan_interviews()
        self._stm_update_ranks()
        return True

    def _stm_plan_interviews(self):
        """The interview in the calendars of the salesperson and the team's
        leader (an hour), titled in the salesperson's language."""
        Event = self.env["calendar.event"].sudo()
        for record in self:
            attendees = record.user_id.partner_id | self.env.user.partner_id
            event = Event.create(
                {
                    "name": record.user_id._stm_env()._(
                        "Appraisal interview: %s", record.name
                    ),
                    "start": record.interview_on,
                    "stop": record.interview_on + timedelta(hours=1),
                    "user_id": self.env.user.id,
                    "partner_ids": [Command.set(attendees.ids)],
                    "res_model_id": self.env["ir.model"]._get_id(record._name),
                    "res_id": record.id,
                }
            )
            record.sudo().interview_event_id = event

    def action_done(self):
        """Publish to the salesperson, rank the team and, for yearly
        appraisals, open a review when the yearly target was missed."""
        self._stm_check_appraiser()
        self._stm_check_state({"interview"})
        self.sudo().write({"state": "done"})
        self._stm_update_ranks()
        self._stm_review_missed_targets()
        for record in self:
            record.message_subscribe(partner_ids=record.user_id.partner_id.ids)
            env = record.user_id._stm_env()
            grades = dict(record._fields["grade"]._description_selection(env))
            record.message_post(
                body=env._(
                    "Your appraisal is ready: %(grade)s.",
                    grade=grades.get(record.grade, ""),
                ),
                partner_ids=record.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_reset_draft(self):
        self._stm_check_appraiser()
        self._stm_check_state({"review", "interview"})
        self.sudo().write({"state": "draft"})
        return True

    def _stm_update_ranks(self):
        """Rank every appraisal sharing a team and period with these ones."""
        groups = {(r.team_id.id, r.period, r.date_from) for r in self if r.team_id}
        if not groups:
            return
        siblings = self.sudo().search(
            domain_or(
                [
                    [
                        ("team_id", "=", team_id),
                        ("period", "=", period),
                        ("date_from", "=", date_from),
                    ]
                    for team_id, period, date_from in groups
                ]
            )
        )
        by_group = {}
        for record in siblings:
            key = (record.team_id, record.period, record.date_from)
            by_group.setdefault(key, {})[record] = record.total_score
        for (team, _period, _start), scores in by_group.items():
            ranks = appraisal_policy.competition_ranks(scores)
            bottom = appraisal_policy.bottom_keys(ranks, team.stm_bottom_rank_count)
            for record, rank in ranks.items():
                values = {
                    "rank_in_team": rank,
                    "team_size": len(ranks),
                    "is_bottom": record in bottom,
                }
                if any(record[name] != value for name, value in values.items()):
                    record.write(values)

    def _stm_review_missed_targets(self):
        """Seed 001: a salesperson who misses the year's target faces a
        review (调岗或离职)."""
        to_create = []
        for record in self.filtered(lambda r: r.period == "year"):
            revenue = record.line_ids.filtered(lambda line: line.kpi == "revenue")[:1]
            if revenue and revenue.target > 0 and revenue.actual < revenue.target:
                to_create.append(
                    {
                        "user_id": record.user_id.id,
                        "employee_id": record.employee_id.id,
                        "company_id": record.company_id.id,
                        "kind": "review",
                        "source": "target",
                        "origin": f"stm.appraisal:{record.id}",
                        "reason": self.env._(
                            "Yearly revenue target missed: %(actual)s won of "
                            "%(target)s (%(period)s).",
                            actual=revenue.actual,
                            target=revenue.target,
                            period=record.name,
                        ),
                    }
                )
        self.env["stm.discipline"]._stm_raise(to_create)
