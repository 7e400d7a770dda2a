from collections import defaultdict

from odoo import fields, models
from odoo.addons.sales_team_mgmt.policy import appraisal as appraisal_policy
from odoo.addons.sales_team_mgmt.policy import voices


class StmAppraisal(models.Model):
    """Criteria measured by the system: one grouped query per figure and
    period, whatever the number of salespeople appraised."""

    _inherit = "stm.appraisal"

    def action_fill_kpis(self):
        self._stm_check_appraiser()
        by_period = defaultdict(lambda: self.browse())
        for record in self.filtered(lambda r: r.state in ("draft", "review")):
            by_period[(record.date_from, record.date_to, record.company_id)] |= record
        for (date_from, date_to, __), records in by_period.items():
            figures = records._stm_kpi_figures(date_from, date_to)
            records._stm_write_kpis(figures)
        self.sudo().write({"kpis_filled_on": fields.Datetime.now()})
        self._stm_update_ranks()
        return True

    def _stm_kpi_figures(self, date_from, date_to):
        """{kpi: {user: (actual, target)}} for these appraisals' salespeople
        (all of one period), counted in their company. Integration add-ons
        add their own criteria."""
        users, companies = self.user_id, self.company_id
        Figures = self.env["stm.figures"]
        revenue = Figures._stm_won_revenue(users, companies, date_from, date_to)
        visits = Figures._stm_feedback_visits(users, companies, date_from, date_to)
        projects = Figures._stm_registered_projects(
            users, companies, date_from, date_to
        )
        checked, passed = self._stm_compliance_days(date_from, date_to)
        complaints = Figures._stm_upheld_complaints(
            users, companies, date_from, date_to
        )
        targets = self._stm_revenue_targets()
        peers = Figures._stm_peer_ratings(
            [(r.user_id, r.team_id, r.date_from, r.date_to) for r in self]
        )
        days = (date_to - date_from).days + 1
        figures = defaultdict(dict)
        for record in self:
            user, team = record.user_id, record.team_id
            figures["revenue"][user] = (revenue.get(user, 0.0), targets[record])
            figures["visits"][user] = (
                visits.get(user, 0),
                appraisal_policy.visits_target(team.stm_min_feedback_visits_30d, days),
            )
            figures["projects"][user] = (
                projects.get(user, 0),
                appraisal_policy.projects_target(
                    team.stm_min_registered_projects_year, record.period
                ),
            )
            figures["compliance"][user] = appraisal_policy.compliance_rate(
                passed.get(user, 0), checked.get(user, 0)
            )
            figures["complaints"][user] = (complaints.get(user, 0), 0.0)
            figures["peer_review"][user] = (
                peers.get((user, team, record.date_from, record.date_to), (None,))[0],
                float(voices.RATING_MAX),
            )
        return figures

    def _stm_compliance_days(self, date_from, date_to):
        """({user: days checked}, {user: days in compliance}) in the period."""
        Compliance = self.env["stm.compliance"].sudo()
        domain = [
            ("user_id", "in", self.user_id.ids),
            ("company_id", "in", [*self.company_id.ids, False]),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
        checked = dict(Compliance._read_group(domain, ["user_id"], ["__count"]))
        passed = dict(
            Compliance._read_group(
                [*domain, ("passed", "=", True)], ["user_id"], ["__count"]
            )
        )
        return checked, passed

    def _stm_revenue_targets(self):
        """{appraisal: revenue target of its period}: the memberships of the
        salesperson in the team, each for the days he was in it (one that
        ended during the period counts for its days)."""
        memberships = (
            self.env["crm.team.member"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("user_id", "in", self.user_id.ids),
                    ("crm_team_id", "in", self.team_id.ids),
                ]
            )
        )
        return {
            record: round(
                sum(
                    member._stm_range_target(record.date_from, record.date_to)
                    for member in memberships
                    if member.user_id == record.user_id
                    and member.crm_team_id == record.team_id
                ),
                2,
            )
            for record in self
        }

    def _stm_kpi_score(self, kpi, actual, target):
        """The 0–100 score of a measured criterion, or None when there is
        nothing to measure (the line is then left out of the total)."""
        if actual is None:
            return None
        if kpi == "complaints":
            return appraisal_policy.complaint_score(actual)
        if kpi == "peer_review":
            return voices.rating_to_score(actual)
        return appraisal_policy.ratio_score(actual, target)

    def _stm_write_kpis(self, figures):
        for record in self:
            for line in record.line_ids.filtered(
                lambda line: line.source == "auto" and line.kpi in figures
            ):
                actual, target = figures[line.kpi][record.user_id]
                score = record._stm_kpi_score(line.kpi, actual, target)
                # As superuser: the filling keeps the line measured ("auto");
                # the appraiser was checked once, by the action.
                line.sudo().with_context(stm_filling_kpis=True).write(
                    {
                        "actual": actual or 0.0,
                        "target": target,
                        "score": score or 0.0,
                        "counted": score is not None,
                    }
                )
