from collections import defaultdict

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import incentive, periods


class StmHonour(models.Model):
    """A title awarded to a salesperson for a month or a year in a team,
    with the figures that won it. Written by the monthly job only; public
    to the company, as honours are (seed 000 ch.3)."""

    _name = "stm.honour"
    _inherit = ["stm.access.mixin"]
    _description = "Honour"
    _order = "date_from desc, title_id, id"
    _check_company_auto = True

    title_id = fields.Many2one(
        "stm.honour.title", required=True, ondelete="restrict", index=True
    )
    name = fields.Char(related="title_id.name")
    kind = fields.Selection(related="title_id.kind", store=True)
    period = fields.Selection(related="title_id.period", store=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True
    )
    team_id = fields.Many2one("crm.team", required=True, index=True, check_company=True)
    company_id = fields.Many2one("res.company", required=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="From", required=True, index=True)
    date_to = fields.Date(string="To", required=True)
    won_amount = fields.Monetary(string="Won Revenue")
    attainment_pct = fields.Float(string="Target Reached (%)")
    feedback_visits = fields.Integer()
    upheld_complaints = fields.Integer()

    _stm_honour_once = Constraint(
        "UNIQUE(title_id, team_id, user_id, date_from)",
        "A title is awarded once per salesperson, team and period.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "title_id": typed(),
            "kind": system(),
            "period": system(),
            "user_id": typed(),
            "team_id": typed(),
            "company_id": typed(),
            "date_from": typed(),
            "date_to": typed(),
            "won_amount": typed(),
            "attainment_pct": typed(),
            "feedback_visits": typed(),
            "upheld_complaints": typed(),
        }

    @api.depends("title_id", "user_id", "date_from")
    def _compute_display_name(self):
        for honour in self:
            honour.display_name = f"{honour.title_id.name} — {honour.user_id.name}"

    # ------------------------------------------------------------------
    # Shown on the board: this month's honours (for last month) and this
    # year's (for last year)
    # ------------------------------------------------------------------

    @api.model
    def _stm_current(self, users, companies, today):
        """{user: honours} shown now."""
        if not users:
            return {}
        last_month = periods.previous_period("month", today)[0]
        last_year = periods.previous_period("year", today)[0]
        honours = self.sudo().search(
            [
                ("user_id", "in", users.ids),
                ("company_id", "in", companies.ids),
                "|",
                "&",
                ("period", "=", "month"),
                ("date_from", "=", last_month),
                "&",
                ("period", "=", "year"),
                ("date_from", "=", last_year),
            ]
        )
        result = defaultdict(lambda: self.browse())
        for honour in honours:
            result[honour.user_id] |= honour.with_env(self.env)
        return result

    # ------------------------------------------------------------------
    # Awarding
    # ------------------------------------------------------------------

    @api.model
    def _cron_award(self):
        """Daily, acts on the 1st (and catches up after a missed day): award
        the past month's titles, and in January the past year's, in every
        team not awarded yet. Idempotent; a fixed number of grouped queries
        per period, whatever the number of teams and salespeople."""
        today = fields.Date.context_today(self)
        for period in ("month", "year"):
            first, last = periods.previous_period(period, today)
            self._stm_award_period(period, first, last)
        return True

    @api.model
    def _stm_award_period(self, period, first, last):
        titles = self.env["stm.honour.title"].sudo().search([("period", "=", period)])
        if not titles:
            return self.browse()
        done = {
            (honour.title_id, honour.team_id)
            for honour in self.sudo().search([("date_from", "=", first)])
        }
        memberships = self.env["crm.team.member"]._stm_members_between(first, last)
        rows = self._stm_rows(memberships, first, last)
        values = []
        for team, members in memberships.grouped("crm_team_id").items():
            team_rows = [rows[member] for member in members]
            for title in titles:
                if (title, team) in done or (
                    title.company_id and title.company_id != team.company_id
                ):
                    continue
                for row in team_rows:
                    if row["user"] in self._stm_winners(title, team_rows, last):
                        values.append(
                            {
                                "title_id": title.id,
                                "user_id": row["user"],
                                "team_id": team.id,
                                "company_id": (team.company_id or self.env.company).id,
                                "date_from": first,
                                "date_to": last,
                                "won_amount": row["won"],
                                "attainment_pct": row["attainment"] or 0.0,
                                "feedback_visits": row["feedback_visits"],
                                "upheld_complaints": row["upheld"],
                            }
                        )
        honours = self.sudo().create(values)
        for team, awarded in honours.grouped("team_id").items():
            team._stm_announce_honours(awarded)
        return honours

    @api.model
    def _stm_winners(self, title, rows, last):
        if title.kind == "champion":
            return incentive.champions(rows)
        if title.kind == "newcomer":
            team = self.env["crm.team"].browse(rows[0]["team"]) if rows else None
            months = team.stm_newcomer_months if team else 0
            return incentive.best_newcomers(rows, last, months)
        return incentive.best_service(rows)

    @api.model
    def _stm_rows(self, memberships, first, last):
        """{membership: the figures the rules compare} over the days of the
        period it spent in its team."""
        Figures = self.env["stm.figures"]
        companies = memberships.crm_team_id.company_id | self.env.companies
        windows = defaultdict(lambda: self.env["crm.team.member"])
        for member in memberships:
            windows[member._stm_window(first, last)] |= member
        upheld = Figures._stm_upheld_complaints(
            memberships.user_id, companies, first, last
        )
        satisfaction = Figures._stm_satisfaction(
            memberships.user_id, companies, first, last
        )
        rows = {}
        for (start, end), members in windows.items():
            users = members.user_id
            won = Figures._stm_won_revenue(users, companies, start, end)
            visits = Figures._stm_feedback_visits(users, companies, start, end)
            for member in members:
                user = member.user_id
                target = member._stm_range_target(first, last)
                rows[member] = {
                    "user": user.id,
                    "team": member.crm_team_id.id,
                    "won": won.get(user, 0.0),
                    "attainment": incentive.attainment_pct(won.get(user, 0.0), target),
                    "joined_on": member.stm_joined_on,
                    "feedback_visits": visits.get(user, 0),
                    "upheld": upheld.get(user, 0),
                    "satisfaction": satisfaction.get(user),
                }
        return rows
