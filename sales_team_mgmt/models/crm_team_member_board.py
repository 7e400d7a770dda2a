from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models

from ..access import system
from ..policy import incentive, periods, sales_report


class CrmTeamMember(models.Model):
    """The team board (业绩看板): one card per salesperson with the month's,
    quarter's and year's won revenue against target, the rank in the team,
    the visit and project quotas, today's compliance and what waits for the
    manager (and, with the incentives add-on, honours). Sales figures are for
    everyone in sales; the discipline side only for the person, his leader,
    sales admins and HR. A fixed number of grouped queries, whatever the
    number of cards."""

    _inherit = "crm.team.member"

    # The board's columns: the teams that have people (Odoo's own member
    # views keep crm_team_id, which shows every team, empty ones included).
    stm_board_team_id = fields.Many2one(
        related="crm_team_id", string="Team", store=True, index=True
    )
    stm_board_revenue = fields.Monetary(
        string="Won This Year",
        currency_field="stm_currency_id",
        compute="_compute_stm_board",
    )
    stm_board_revenue_pct = fields.Float(
        string="Target Reached This Year (%)", compute="_compute_stm_board"
    )
    stm_board_target_year = fields.Monetary(
        string="Target This Year",
        currency_field="stm_currency_id",
        compute="_compute_stm_board",
    )
    stm_board_won_month = fields.Monetary(
        string="Won This Month",
        currency_field="stm_currency_id",
        compute="_compute_stm_board",
    )
    stm_board_target_month = fields.Monetary(
        string="Target This Month",
        currency_field="stm_currency_id",
        compute="_compute_stm_board",
    )
    stm_board_pct_month = fields.Float(
        string="Target Reached This Month (%)", compute="_compute_stm_board"
    )
    stm_board_won_quarter = fields.Monetary(
        string="Won This Quarter",
        currency_field="stm_currency_id",
        compute="_compute_stm_board",
    )
    stm_board_target_quarter = fields.Monetary(
        string="Target This Quarter",
        currency_field="stm_currency_id",
        compute="_compute_stm_board",
    )
    stm_board_pct_quarter = fields.Float(
        string="Target Reached This Quarter (%)", compute="_compute_stm_board"
    )
    stm_board_rank = fields.Integer(
        string="Rank This Month",
        compute="_compute_stm_board",
        help="Place in the team by revenue won this month (equal revenue, "
        "equal place); 0 until something is won this month.",
    )
    stm_board_mentor_id = fields.Many2one(
        "res.users",
        string="Mentor (newcomer)",
        compute="_compute_stm_board",
        help="The mentor of a salesperson who is still new in the team.",
    )
    stm_board_is_mine = fields.Boolean(
        string="Mine or My Team's",
        compute="_compute_stm_board",
        help="Whether the reader may open the records behind the card: his "
        "own, or those of a team he leads or administers.",
    )
    stm_board_my_teams = fields.Boolean(
        string="My Teams",
        compute="_compute_stm_board_my_teams",
        search="_search_stm_board_my_teams",
        help="The teams the reader works in or leads; everybody's for whoever "
        "is in no team (a sales admin, a manager above the teams).",
    )
    stm_board_visits_30d = fields.Integer(
        string="Feedback Visits (30 d)", compute="_compute_stm_board"
    )
    stm_board_visits_quota = fields.Integer(
        related="crm_team_id.stm_min_feedback_visits_30d"
    )
    stm_board_projects_12m = fields.Integer(
        string="Registered Projects (12 months)", compute="_compute_stm_board"
    )
    stm_board_projects_quota = fields.Integer(
        related="crm_team_id.stm_min_registered_projects_year"
    )
    stm_board_compliance = fields.Selection(
        [
            ("passed", "On Track"),
            ("failing", "Failing"),
            ("unknown", "Not Checked Yet"),
        ],
        string="Compliance",
        compute="_compute_stm_board",
    )
    stm_board_failing_days = fields.Integer(
        string="Failing for (days)", compute="_compute_stm_board"
    )
    stm_board_disputes = fields.Integer(
        string="Open Disputes", compute="_compute_stm_board"
    )
    stm_board_alarms = fields.Integer(
        string="Open Alarms", compute="_compute_stm_board"
    )
    stm_board_at_risk = fields.Integer(
        string="Customers at Risk",
        compute="_compute_stm_board",
        help="Customers not followed up for the team's number of days.",
    )

    def _stm_my_board_teams(self):
        user = self.env.user
        return user.crm_team_ids | self.env["crm.team"].search(
            [("user_id", "=", user.id)]
        )

    @api.depends_context("uid")
    def _compute_stm_board_my_teams(self):
        teams = self._stm_my_board_teams()
        for member in self:
            member.stm_board_my_teams = not teams or member.crm_team_id in teams

    def _search_stm_board_my_teams(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        teams = self._stm_my_board_teams()
        if not teams:
            return [] if (operator == "=") == value else [("id", "=", False)]
        return [
            ("crm_team_id", "in" if (operator == "=") == value else "not in", teams.ids)
        ]

    def _stm_access(self):
        # The board is the sales force's: figures for sales, the discipline
        # side (compliance, failing days, disputes, alarms, customers at risk)
        # for the person and those in charge of him, blanked otherwise.
        board = system(read="sales_team.group_sale_salesman")
        return {
            **super()._stm_access(),
            "stm_board_at_risk": board,
            "stm_board_alarms": board,
            "stm_board_disputes": board,
            "stm_board_failing_days": board,
            "stm_board_compliance": board,
            "stm_board_projects_quota": board,
            "stm_board_projects_12m": board,
            "stm_board_visits_quota": board,
            "stm_board_visits_30d": board,
            "stm_board_is_mine": board,
            "stm_board_mentor_id": board,
            "stm_board_rank": board,
            "stm_board_pct_quarter": board,
            "stm_board_target_quarter": board,
            "stm_board_won_quarter": board,
            "stm_board_pct_month": board,
            "stm_board_target_month": board,
            "stm_board_won_month": board,
            "stm_board_target_year": board,
            "stm_board_revenue_pct": board,
            "stm_board_revenue": board,
            "stm_board_team_id": system(),
            "stm_board_my_teams": system(),
        }

    def _stm_actions(self):
        # The records behind a card open for whoever may read them (others
        # see no figures to open).
        opens = "the salesperson, his team leader and sales admins"
        return {
            **super()._stm_actions(),
            **dict.fromkeys(
                (
                    "action_stm_board_alarms",
                    "action_stm_board_at_risk",
                    "action_stm_board_compliance",
                    "action_stm_board_disputes",
                    "action_stm_board_projects",
                    "action_stm_board_revenue",
                    "action_stm_board_visits",
                ),
                opens,
            ),
        }

    def _stm_board_companies(self):
        """The companies whose records the board counts: its teams'."""
        companies = self.crm_team_id.company_id
        if any(not team.company_id for team in self.crm_team_id):
            companies |= self.env.companies
        return companies

    def _stm_sees_discipline(self):
        """{member: whether the current user may see the discipline side of
        the card}: the person, the team leader and the sales admins (and HR,
        through the Employees bridge)."""
        user = self.env.user
        everyone = self.env.su or user.has_group(
            "sales_team_mgmt.group_stm_sales_admin"
        )
        return {
            member: everyone or user in (member.user_id, member.crm_team_id.user_id)
            for member in self
        }

    @api.depends_context("uid", "company", "tz")
    def _compute_stm_board(self):
        users = self.user_id
        companies = self._stm_board_companies()
        today = fields.Date.context_today(self)
        Figures = self.env["stm.figures"]
        revenue = Figures._stm_won_revenue(users, companies)
        won_month = Figures._stm_won_revenue(
            users, companies, *periods.period_bounds("month", today)
        )
        won_quarter = Figures._stm_won_revenue(
            users, companies, *periods.period_bounds("quarter", today)
        )
        visits = Figures._stm_feedback_visits(users, companies)
        projects = Figures._stm_registered_projects(users, companies)
        # The latest daily check (today's, or yesterday's before the job ran).
        latest = (
            self.env["stm.compliance"]._previous_snapshots(
                users, today + timedelta(days=1)
            )
            if users
            else {}
        )
        disputes, alarms, at_risk = self._stm_board_watch_counts(users, companies)
        sees_discipline = self._stm_sees_discipline()
        ranks = {}
        for _team, cards in self.grouped("crm_team_id").items():
            ranks.update(
                sales_report.sales_ranks(
                    {card: won_month.get(card.user_id, 0.0) for card in cards}
                )
            )
        for member in self:
            user = member.user_id
            for period, won_of, won_field, pct_field in (
                ("month", won_month, "stm_board_won_month", "stm_board_pct_month"),
                (
                    "quarter",
                    won_quarter,
                    "stm_board_won_quarter",
                    "stm_board_pct_quarter",
                ),
                ("year", revenue, "stm_board_revenue", "stm_board_revenue_pct"),
            ):
                won = won_of.get(user, 0.0)
                target = member._stm_period_target(period, today)
                member[won_field] = won
                member[f"stm_board_target_{period}"] = target
                member[pct_field] = incentive.attainment_pct(won, target) or 0.0
            member.stm_board_rank = ranks.get(member, 0)
            member.stm_board_is_mine = sees_discipline[member]
            member.stm_board_mentor_id = (
                member.stm_mentor_id
                if incentive.is_newcomer(
                    member.stm_joined_on, today, member.crm_team_id.stm_newcomer_months
                )
                else False
            )
            member.stm_board_visits_30d = visits.get(user, 0)
            member.stm_board_projects_12m = projects.get(user, 0)
            member._stm_board_set_discipline(
                sees_discipline[member],
                latest.get(user.id, (None, None)),
                today,
                disputes.get(user, 0),
                alarms.get(user, 0),
                at_risk.get(user, 0),
            )

    def _stm_board_set_discipline(
        self, visible, latest, today, disputes, alarms, at_risk
    ):
        """The card's discipline side: shown to the person and those in
        charge of him only (``visible``); ``latest`` is the last daily
        check's (day, failing since)."""
        if not visible:
            self.stm_board_compliance = False
            self.stm_board_failing_days = 0
            self.stm_board_disputes = 0
            self.stm_board_alarms = 0
            self.stm_board_at_risk = 0
            return
        checked_on, failing_since = latest
        if not checked_on:
            self.stm_board_compliance = "unknown"
        else:
            self.stm_board_compliance = "failing" if failing_since else "passed"
        self.stm_board_failing_days = (
            (today - failing_since).days + 1 if failing_since else 0
        )
        self.stm_board_disputes = disputes
        self.stm_board_alarms = alarms
        self.stm_board_at_risk = at_risk

    def _stm_board_watch_counts(self, users, companies):
        """({user: open disputes}, {user: open alarms}, {user: customers at
        risk}), each one grouped query, counted as superuser in the board's
        companies."""
        disputes = defaultdict(int)
        for holder, rival, count in (
            self.env["stm.claim.dispute"]
            .sudo()
            ._read_group(
                [
                    ("state", "=", "open"),
                    ("company_id", "in", [*companies.ids, False]),
                    "|",
                    ("holder_user_id", "in", users.ids),
                    ("rival_user_id", "in", users.ids),
                ],
                ["holder_user_id", "rival_user_id"],
                ["__count"],
            )
        ):
            disputes[holder] += count
            if rival != holder:
                disputes[rival] += count
        alarms = dict(
            self.env["stm.difficulty.alarm"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", users.ids),
                    ("company_id", "in", [*companies.ids, False]),
                    ("state", "!=", "closed"),
                ],
                ["user_id"],
                ["__count"],
            )
        )
        at_risk = dict(
            self.env["stm.claim"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", users.ids),
                    ("company_id", "in", companies.ids),
                    ("state", "=", "active"),
                    ("at_risk", "=", True),
                ],
                ["user_id"],
                ["__count"],
            )
        )
        return disputes, alarms, at_risk

    def _stm_open(self, model, name, domain, view_mode="list,form"):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": f"{name} — {self.user_id.name}",
            "res_model": model,
            "view_mode": view_mode,
            "domain": domain,
        }

    # The click-throughs list exactly what the card counts.
    @api.readonly
    def action_stm_board_revenue(self):
        Figures = self.env["stm.figures"]
        return self._stm_open(
            "crm.lead",
            self.env._("Won This Year"),
            Figures._stm_won_domain(
                self.user_id,
                *Figures._stm_window_year(self.user_id),
                self._stm_board_companies(),
            ),
        )

    @api.readonly
    def action_stm_board_visits(self):
        Figures = self.env["stm.figures"]
        return self._stm_open(
            "stm.visit",
            self.env._("Visits with Feedback (30 Days)"),
            Figures._stm_feedback_domain(
                self.user_id,
                *Figures._stm_window_30d(self.user_id),
                self._stm_board_companies(),
            ),
        )

    @api.readonly
    def action_stm_board_projects(self):
        Figures = self.env["stm.figures"]
        return self._stm_open(
            "crm.lead",
            self.env._("Registered Projects (12 Months)"),
            Figures._stm_registered_domain(
                self.user_id,
                *Figures._stm_days_12m(self.user_id),
                self._stm_board_companies(),
            ),
        )

    @api.readonly
    def action_stm_board_compliance(self):
        return self._stm_open(
            "stm.compliance",
            self.env._("Compliance"),
            domain=[("user_id", "=", self.user_id.id)],
        )

    @api.readonly
    def action_stm_board_disputes(self):
        uid = self.user_id.id
        return self._stm_open(
            "stm.claim.dispute",
            self.env._("Open Disputes"),
            domain=[
                ("state", "=", "open"),
                "|",
                ("holder_user_id", "=", uid),
                ("rival_user_id", "=", uid),
            ],
        )

    @api.readonly
    def action_stm_board_at_risk(self):
        return self._stm_open(
            "stm.claim",
            self.env._("Customers at Risk"),
            domain=[
                ("user_id", "=", self.user_id.id),
                ("state", "=", "active"),
                ("at_risk", "=", True),
            ],
        )

    @api.readonly
    def action_stm_board_alarms(self):
        return self._stm_open(
            "stm.difficulty.alarm",
            self.env._("Open Alarms"),
            domain=[("user_id", "=", self.user_id.id), ("state", "!=", "closed")],
        )
