from collections import defaultdict

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.policy import periods, sales_report
from odoo.tools import format_amount

# Reports sent (and their PDFs rendered) between two commits of the job.
SEND_BATCH = 20


class StmSalesReport(models.Model):
    """Preparing and counting reports: a fixed number of grouped queries per
    period and company, whatever the number of teams and salespeople."""

    _inherit = "stm.sales.report"

    @api.model
    def _cron_prepare(self):
        """Daily: the reports of every month, quarter and year that is over
        and has none yet are prepared and sent. Idempotent."""
        today = fields.Date.context_today(self)
        created = self.browse()
        for period in sales_report.REPORT_PERIODS:
            created |= self._stm_prepare(
                period, *periods.previous_period(period, today)
            )
        # Just counted: sent as they are, a batch at a time (each renders
        # its PDF), kept between batches when a job runner runs this.
        created = created.sudo()
        for start in range(0, len(created), SEND_BATCH):
            batch = created[start : start + SEND_BATCH]
            batch._stm_send()
            self.env["ir.cron"]._stm_commit_batch(
                start + len(batch), len(batch), len(created) - start - len(batch)
            )
        return True

    @api.model
    def _stm_prepare(self, period, first, last, teams=None):
        """Create (and count) the missing reports of ``period`` first … last:
        one per team that had salespeople in it."""
        members = self.env["crm.team.member"]._stm_members_between(first, last, teams)
        teams = members.crm_team_id.filtered("active")
        existing = (
            self.sudo()
            .search(
                [
                    ("team_id", "in", teams.ids),
                    ("period", "=", period),
                    ("date_from", "=", first),
                ]
            )
            .team_id
        )
        return (
            self.sudo()
            .create(
                [
                    {
                        "team_id": team.id,
                        "company_id": (team.company_id or self.env.company).id,
                        "period": period,
                        "date_from": first,
                    }
                    for team in teams - existing
                ]
            )
            .sudo(False)
        )

    def _stm_fill(self):
        """Count (again) the lines and totals of these draft reports."""
        reports = self.filtered(lambda r: r.state == "draft")
        if not reports:
            return
        members = self.env["crm.team.member"]._stm_members_between(
            min(reports.mapped("date_from")),
            max(reports.mapped("date_to")),
            reports.team_id,
        )
        by_team = members.grouped("crm_team_id")
        people = {}
        for report in reports:
            targets = defaultdict(float)
            for member in by_team.get(report.team_id, members.browse()):
                first, last = member._stm_window(report.date_from, report.date_to)
                if first <= last:
                    targets[member.user_id] += member._stm_range_target(
                        report.date_from, report.date_to
                    )
            people[report] = targets
        figures = {}
        for (first, last, company), batch in reports.grouped(
            lambda r: (r.date_from, r.date_to, r.company_id)
        ).items():
            users = self.env["res.users"].union(*(u for r in batch for u in people[r]))
            figures[(first, last, company)] = self._stm_figures_of(
                users, company, first, last
            )
        reports.line_ids.unlink()
        line_values = []
        for report in reports:
            figure = figures[(report.date_from, report.date_to, report.company_id)]
            rows = {
                user: dict(figure(user), target_amount=round(target, 2))
                for user, target in people[report].items()
            }
            ranks = sales_report.sales_ranks(
                {user: row["won_amount"] for user, row in rows.items()}
            )
            team_lost_to = defaultdict(float)
            for user, row in rows.items():
                lost_to = row.pop("lost_to")
                for name, revenue in lost_to:
                    team_lost_to[name] += revenue
                line_values.append(
                    {
                        **row,
                        **_or_zero(sales_report.line_rates(row)),
                        "report_id": report.id,
                        "user_id": user.id,
                        "rank": ranks.get(user, 0),
                        "lost_to": report._stm_lost_to_text(lost_to),
                    }
                )
            report.write(
                {
                    **_or_zero(sales_report.team_totals(list(rows.values()))),
                    "lost_to": report._stm_lost_to_text(
                        sorted(team_lost_to.items(), key=lambda item: -item[1])
                    ),
                    "prepared_on": fields.Datetime.now(),
                }
            )
        self.env["stm.sales.report.line"].create(line_values)

    @api.model
    def _stm_figures_of(self, users, company, first, last):
        """user -> {figure: value} for the local days first … last, every
        figure counted once for all ``users``."""
        Figures = self.env["stm.figures"]
        won = Figures._stm_won_revenue(users, company, first, last)
        won_deals = Figures._stm_won_deals(users, company, first, last)
        lost = Figures._stm_lost_deals(users, company, first, last)
        visits = Figures._stm_done_visits(users, company, first, last)
        feedback = Figures._stm_feedback_visits(users, company, first, last)
        projects = Figures._stm_registered_projects(users, company, first, last)
        new_customers = Figures._stm_new_customers(
            users, company, first, last, won=won_deals
        )
        pipeline = Figures._stm_open_pipeline(users, company)
        lost_to = Figures._stm_revenue_lost_to(users, company, first, last)

        def figure(user):
            lost_count, lost_amount = lost.get(user, (0, 0.0))
            return {
                "won_amount": won.get(user, 0.0),
                "won_count": len(won_deals.get(user, ())),
                "lost_count": lost_count,
                "lost_amount": lost_amount,
                "visit_count": visits.get(user, 0),
                "feedback_visit_count": feedback.get(user, 0),
                "project_count": projects.get(user, 0),
                "new_customer_count": new_customers.get(user, 0),
                "weighted_pipeline": pipeline.get(user, 0.0),
                "lost_to": lost_to.get(user, []),
            }

        return figure

    def _stm_lost_to_text(self, lost_to):
        """ "Rival A ¥120,000 · Rival B ¥30,000" (the three largest)."""
        self.ensure_one()
        return " · ".join(
            f"{name} {format_amount(self.env, revenue, self.currency_id)}"
            for name, revenue in lost_to[:3]
        )


def _or_zero(values):
    """A rate nobody can measure (no target, nothing decided) is shown 0."""
    return {name: value or 0 for name, value in values.items()}
