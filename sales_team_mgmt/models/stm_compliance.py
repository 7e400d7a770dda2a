from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from ..access import typed
from ..compat import Constraint
from ..policy import quota


class StmCompliance(models.Model):
    """A salesperson's daily quota snapshot (seed 001): feedback visits,
    weekly visits to project customers, self-developed registered projects,
    dossiers on time. With the appraisal add-on, failing 30 days in a row
    raises a warning, 90 a review."""

    _name = "stm.compliance"
    _inherit = ["stm.access.mixin"]
    _description = "Daily Quota Compliance"
    _order = "date desc, user_id"
    _check_company_auto = True
    _rec_name = "user_id"

    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True, readonly=True
    )
    team_id = fields.Many2one("crm.team", readonly=True, index=True, check_company=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Date(required=True, readonly=True, index=True)
    feedback_visits_30d = fields.Integer(string="Feedback Visits (30 d)", readonly=True)
    feedback_visits_target = fields.Integer(
        string="Feedback Visit Quota", readonly=True, aggregator="max"
    )
    customers_below_weekly = fields.Integer(
        string="Project Customers under-visited",
        readonly=True,
        help="Customers with an open registered project visited fewer times than "
        "the weekly minimum in the last complete week.",
    )
    weekly_visits_target = fields.Integer(
        string="Weekly Visits per Customer", readonly=True, aggregator="max"
    )
    registered_projects_12m = fields.Integer(
        string="Registered Projects (12 m)", readonly=True
    )
    registered_projects_target = fields.Integer(
        string="Registered Project Quota", readonly=True, aggregator="max"
    )
    dossiers_overdue = fields.Integer(
        string="Overdue Dossiers",
        readonly=True,
        help="Registered projects whose dossier is past due: with the project "
        "dossiers add-on; without it no dossier is kept and none is overdue.",
    )
    reports_on_time = fields.Boolean(
        string="Reports on Time",
        readonly=True,
        help="The reports owed to the team leader were handed in on time: with "
        "the forecasts add-on, this week's resource request (due last "
        "Thursday) and this month's forecast (due at the end of last month); "
        "without it nothing is owed.",
    )
    passed = fields.Boolean(readonly=True, aggregator="bool_and")
    failing_since = fields.Date(readonly=True)
    failing_days = fields.Integer(
        string="Days Failing", readonly=True, aggregator="max"
    )

    _user_date_uniq = Constraint(
        "UNIQUE(user_id, date)",
        "One snapshot per day and person.",
    )

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "user_id": typed(),
            "team_id": typed(),
            "company_id": typed(),
            "date": typed(),
            "feedback_visits_30d": typed(),
            "feedback_visits_target": typed(),
            "customers_below_weekly": typed(),
            "weekly_visits_target": typed(),
            "registered_projects_12m": typed(),
            "registered_projects_target": typed(),
            "dossiers_overdue": typed(),
            "reports_on_time": typed(),
            "passed": typed(),
            "failing_since": typed(),
            "failing_days": typed(),
        }

    @api.model
    def _cron_snapshot(self):
        """Today's snapshot of every team member, then the escalations. A
        fixed number of queries per time zone, whatever the number of
        salespeople; running it twice the same day changes nothing."""
        members = self.env["crm.team.member"].search(
            [("crm_team_id.active", "=", True), ("user_id.active", "=", True)]
        )
        team_of = {}
        for member in members:
            team_of.setdefault(member.user_id, member.crm_team_id)
        # One batch per time zone and company: the day is the salesperson's,
        # the records counted are those of the team's company.
        batches = defaultdict(lambda: self.env["res.users"])
        for user, team in team_of.items():
            batches[(user.tz or "UTC", team.company_id or user.company_id)] |= user
        done = 0
        for (tz, company), users in batches.items():
            self._snapshot_users(users, team_of, tz, company)
            done += len(users)
            self.env["ir.cron"]._stm_commit_batch(done, len(users), len(team_of) - done)

    @api.model
    def _snapshot_users(self, users, team_of, tz, company):
        today = quota.local_day(fields.Datetime.now(), tz)
        metrics = self._metrics(users, today, tz, company)
        previous = self._previous_snapshots(users, today)
        existing = {
            snapshot.user_id: snapshot
            for snapshot in self.search(
                [("user_id", "in", users.ids), ("date", "=", today)]
            )
        }
        to_create = []
        for user in users:
            team = team_of[user]
            values = self._verdict(user, team, today, metrics, previous.get(user.id))
            if user in existing:
                snapshot = existing[user]
                changed = {
                    fname: value
                    for fname, value in values.items()
                    if _plain(snapshot[fname]) != _plain(value)
                }
                if changed:
                    snapshot.write(changed)
            else:
                to_create.append(values)
        snapshots = self._insert_snapshots(to_create) | self.browse(
            [s.id for s in existing.values()]
        )
        self._escalate(snapshots.filtered(lambda s: not s.passed), team_of, today)

    @api.model
    def _insert_snapshots(self, values_list):
        """One INSERT for the day's snapshots: the ORM would send one per 100
        rows, and the cron's query count must not grow with the team."""
        if not values_list:
            return self.browse()
        columns = list(values_list[0])
        more_columns, more_values = self._stm_more_columns(columns)
        now = self.env.cr.now()
        self.env.cr.execute(
            SQL(
                "INSERT INTO stm_compliance (%s, create_uid, write_uid, create_date, "
                "write_date%s) VALUES %s RETURNING id",
                SQL(", ").join(SQL.identifier(c) for c in columns),
                more_columns,
                SQL(", ").join(
                    SQL(
                        "(%s, %s, %s, %s, %s%s)",
                        SQL(", ").join(
                            SQL("%s", self._column_value(c, values[c])) for c in columns
                        ),
                        self.env.uid,
                        self.env.uid,
                        now,
                        now,
                        more_values,
                    )
                    for values in values_list
                ),
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _column_value(self, fname, value):
        """Python value → SQL parameter: empty relations and dates are NULL."""
        if self._fields[fname].type in ("many2one", "date") and not value:
            return None
        return value

    @api.model
    def _metrics(self, users, today, tz, company):
        Visit = self.env["stm.visit"].sudo()
        Lead = self.env["crm.lead"].sudo()
        Figures = self.env["stm.figures"]
        feedback = Figures._stm_feedback_visits(
            users, company, *quota.rolling_days(today, 30)
        )
        first_day, last_day = quota.rolling_year(today)
        registered = Figures._stm_registered_projects(
            users, company, first_day, last_day
        )
        overdue = self._stm_dossiers_overdue(users, today, company)
        project_customers = defaultdict(set)
        for user, partner in Lead._read_group(
            [
                ("user_id", "in", users.ids),
                ("company_id", "in", [company.id, False]),
                ("stm_registered", "=", True),
                ("probability", "<", 100),
                ("partner_id", "!=", False),
            ],
            ["user_id", "partner_id"],
        ):
            project_customers[user].add(partner.commercial_partner_id)
        week_start, week_end = quota.utc_bounds(
            *quota.last_complete_iso_week(today), tz
        )
        weekly = defaultdict(dict)
        for user, partner, count in Visit._read_group(
            Figures._stm_visit_domain(users, week_start, week_end, company),
            ["user_id", "partner_id"],
            ["__count"],
        ):
            weekly[user][partner] = count
        return {
            "reports": self._stm_reports_on_time(users, today),
            "feedback": feedback,
            "registered": registered,
            "overdue": overdue,
            "project_customers": project_customers,
            "weekly": weekly,
        }

    @api.model
    def _stm_dossiers_overdue(self, users, today, company):
        """{user: his registered projects whose dossier is past due}. No
        dossier is kept here: the project dossiers add-on counts them."""
        return {}

    @api.model
    def _stm_reports_on_time(self, users, today):
        """{user: the reports he owes the manager came on time}. Nothing is
        owed here: the forecasts add-on asks for the monthly forecast and the
        weekly resource request."""
        return dict.fromkeys(users, True)

    @api.model
    def _previous_snapshots(self, users, today):
        """Latest snapshot before today per user: {user_id: (date, failing_since)}."""
        self.env.cr.execute(
            SQL(
                "SELECT DISTINCT ON (user_id) user_id, date, failing_since "
                "FROM stm_compliance WHERE user_id IN %s AND date < %s "
                "ORDER BY user_id, date DESC",
                tuple(users.ids),
                today,
            )
        )
        return {uid: (day, since) for uid, day, since in self.env.cr.fetchall()}

    @api.model
    def _verdict(self, user, team, today, metrics, previous):
        weekly_min = team.stm_min_weekly_visits_per_customer
        values = {
            "user_id": user.id,
            "team_id": team.id,
            "company_id": team.company_id.id or user.company_id.id,
            "date": today,
            "feedback_visits_30d": metrics["feedback"].get(user, 0),
            "feedback_visits_target": team.stm_min_feedback_visits_30d,
            "customers_below_weekly": quota.customers_below_weekly(
                metrics["weekly"].get(user, {}),
                metrics["project_customers"].get(user, set()),
                weekly_min,
            ),
            "weekly_visits_target": weekly_min,
            "registered_projects_12m": metrics["registered"].get(user, 0),
            "registered_projects_target": team.stm_min_registered_projects_year,
            "dossiers_overdue": metrics["overdue"].get(user, 0),
            "reports_on_time": metrics["reports"][user],
        }
        values["passed"] = quota.passed(
            feedback_visits=values["feedback_visits_30d"],
            feedback_target=values["feedback_visits_target"],
            customers_below=values["customers_below_weekly"],
            registered_projects=values["registered_projects_12m"],
            registered_target=values["registered_projects_target"],
            dossiers_overdue=values["dossiers_overdue"],
            reports_on_time=values["reports_on_time"],
        )
        previous_day, previous_since = previous or (None, None)
        since = quota.failing_since(
            previous_since, previous_day, today, values["passed"]
        )
        values["failing_since"] = since
        values["failing_days"] = (today - since).days + 1 if since else 0
        return values

    @api.model
    def _escalate(self, failing, team_of, today):
        """What a failing streak leads to: nothing here; the appraisal add-on
        raises a warning, then a review, on its discipline records."""
        return None


def _plain(value):
    """Comparable form of a field value (records become ids, empties False)."""
    if isinstance(value, models.BaseModel):
        return value.id or False
    return value if value or value == 0 else False
