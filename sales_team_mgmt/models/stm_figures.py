from collections import defaultdict

import babel.dates

from odoo import api, fields, models
from odoo.tools.misc import babel_locale_parse, get_lang

from ..policy import quota


class StmFigures(models.AbstractModel):
    """The figures shown everywhere, each defined once: won revenue, visits
    with feedback in the last 30 days, self-developed projects registered in
    the last 12 months. Windows are the salesperson's own local days, so the
    board, the daily compliance, the appraisal and their click-throughs
    agree. Counted as superuser (colleagues' records) within ``companies``."""

    _name = "stm.figures"
    _description = "Sales Figures"

    # ------------------------------------------------------------------
    # Windows (naive UTC bounds [start, end) of the salesperson's local days)
    # ------------------------------------------------------------------

    @api.model
    def _stm_today(self, user):
        return quota.local_day(fields.Datetime.now(), user.tz)

    @api.model
    def _stm_window_30d(self, user):
        first, last = quota.rolling_days(self._stm_today(user), 30)
        return quota.utc_bounds(first, last, user.tz)

    @api.model
    def _stm_window_year(self, user):
        first, last = quota.year_to_date(self._stm_today(user))
        return quota.utc_bounds(first, last, user.tz)

    @api.model
    def _stm_days_12m(self, user):
        return quota.rolling_year(self._stm_today(user))

    # ------------------------------------------------------------------
    # Domains (counts and click-throughs use the same)
    # ------------------------------------------------------------------

    @api.model
    def _stm_won_domain(self, users, start, end, companies):
        """Won deals closed in [start, end); a deal put in a won stage without
        a closing date (imported, created won) counts from its stage date."""
        return [
            ("user_id", "in", users.ids),
            ("company_id", "in", [*companies.ids, False]),
            ("stage_id.is_won", "=", True),
            "|",
            "&",
            ("date_closed", ">=", start),
            ("date_closed", "<", end),
            "&",
            "&",
            ("date_closed", "=", False),
            ("date_last_stage_update", ">=", start),
            ("date_last_stage_update", "<", end),
        ]

    @api.model
    def _stm_lost_domain(self, users, start, end, companies):
        """Opportunities lost in [start, end) (Odoo archives a lost deal at
        probability 0 and stamps its closing date); search it with
        ``active_test=False``."""
        return [
            ("user_id", "in", users.ids),
            ("company_id", "in", [*companies.ids, False]),
            ("type", "=", "opportunity"),
            ("active", "=", False),
            ("probability", "=", 0),
            ("date_closed", ">=", start),
            ("date_closed", "<", end),
        ]

    @api.model
    def _stm_visit_domain(self, users, start, end, companies):
        """Visits done in [start, end); a flagged check-in counts once the
        manager accepts it, here as everywhere."""
        return [
            ("user_id", "in", users.ids),
            ("company_id", "in", [*companies.ids, False]),
            ("state", "=", "done"),
            ("exception_state", "in", ("none", "accepted")),
            ("date", ">=", start),
            ("date", "<", end),
        ]

    @api.model
    def _stm_feedback_domain(self, users, start, end, companies):
        return [
            *self._stm_visit_domain(users, start, end, companies),
            ("has_feedback", "=", True),
        ]

    @api.model
    def _stm_registered_domain(self, users, first_day, last_day, companies):
        """Self-developed registered projects, archived leads included."""
        return [
            ("user_id", "in", users.ids),
            ("company_id", "in", [*companies.ids, False]),
            ("stm_registered", "=", True),
            ("stm_self_developed", "=", True),
            ("stm_registered_on", ">=", first_day),
            ("stm_registered_on", "<=", last_day),
        ]

    # ------------------------------------------------------------------
    # Figures: {user: value}, one grouped query per time zone of the users
    # ------------------------------------------------------------------

    @api.model
    def _stm_won_revenue(self, users, companies, first_day=None, last_day=None):
        """Won revenue of the local days first … last, or this year to date."""
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        return self._stm_per_window(
            users,
            self._stm_days_of(first_day, last_day) if first_day else self._stm_year_of,
            lambda group, bounds: Lead._read_group(
                [
                    *self._stm_won_domain(group, *bounds, companies),
                    ("active", "=", True),
                ],
                ["user_id"],
                ["expected_revenue:sum"],
            ),
        )

    @api.model
    def _stm_won_deals(self, users, companies, first_day, last_day):
        """The deals behind :meth:`_stm_won_revenue` for the local days
        first … last: {user: leads}, one search per time zone."""
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        ids = defaultdict(list)
        window_of = self._stm_days_of(first_day, last_day)
        for group in self._stm_by_tz(users):
            for lead in Lead.search_fetch(
                [
                    *self._stm_won_domain(group, *window_of(group), companies),
                    ("active", "=", True),
                ],
                ["user_id", "expected_revenue", "name", "date_closed"],
                order="id",
            ):
                ids[lead.user_id].append(lead.id)
        return {user: Lead.browse(lead_ids) for user, lead_ids in ids.items()}

    @api.model
    def _stm_feedback_visits(self, users, companies, first_day=None, last_day=None):
        """Done visits with feedback on the local days first … last, or in the
        last 30 days."""
        Visit = self.env["stm.visit"].sudo()
        return self._stm_per_window(
            users,
            self._stm_days_of(first_day, last_day) if first_day else self._stm_30d_of,
            lambda group, bounds: Visit._read_group(
                self._stm_feedback_domain(group, *bounds, companies),
                ["user_id"],
                ["__count"],
            ),
        )

    @api.model
    def _stm_registered_projects(self, users, companies, first_day=None, last_day=None):
        """Self-developed projects registered between the two days, or in
        the last 12 months."""
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        return self._stm_per_window(
            users,
            (lambda group: (first_day, last_day)) if first_day else self._stm_12m_of,
            lambda group, bounds: Lead._read_group(
                self._stm_registered_domain(group, *bounds, companies),
                ["user_id"],
                ["__count"],
            ),
        )

    @api.model
    def _stm_upheld_complaints(self, users, companies, first_day, last_day):
        """{user: complaints upheld against him dated first … last}. None here:
        the complaints add-on counts them (appraisals and honours ask)."""
        return {}

    @api.model
    def _stm_satisfaction(self, users, companies, first_day, last_day):
        """{user: customers' satisfaction 0–100} on the local days first …
        last. None here: the survey add-on measures it (appraisals and
        honours ask; a salesperson nobody answered about is left out)."""
        return {}

    @api.model
    def _stm_revenue_lost_to(self, users, companies, first_day, last_day):
        """{user: [(competitor, revenue), …]}, largest first, of the deals
        he lost on the local days first … last. None here: the competitors
        add-on knows who won them (the sales reports ask)."""
        return {}

    @api.model
    def _stm_peer_ratings(self, keys):
        """{(user, team, first day, last day): (average, …)} of the
        colleagues' ratings for each key. None here: the coaching add-on
        collects them (a criterion nobody measured is left out)."""
        return {}

    @api.model
    def _stm_days_of(self, first_day, last_day):
        """The window of these local days, in the time zone of each group."""
        return lambda users: quota.utc_bounds(first_day, last_day, users[:1].tz)

    @api.model
    def _stm_year_of(self, users):
        return self._stm_window_year(users[:1])

    @api.model
    def _stm_30d_of(self, users):
        return self._stm_window_30d(users[:1])

    @api.model
    def _stm_12m_of(self, users):
        return self._stm_days_12m(users[:1])

    @api.model
    def _stm_per_window(self, users, window_of, read):
        """Run ``read(users, window)`` once per time zone of ``users``."""
        result = {}
        for group in self._stm_by_tz(users):
            result.update(dict(read(group, window_of(group))))
        return result

    @api.model
    def _stm_by_tz(self, users):
        """``users`` in groups sharing a time zone."""
        by_tz = defaultdict(lambda: self.env["res.users"])
        for user in users:
            by_tz[user.tz or "UTC"] |= user
        return list(by_tz.values())

    @api.model
    def _stm_period_label(self, period, first_day):
        """ "October 2026", "Q4 2026", "2026" in the environment's language
        (2026年10月, 2026年第4季度 …)."""
        skeleton = {"month": "yMMMM", "quarter": "yQQQ", "year": "y"}[period]
        locale = babel_locale_parse(get_lang(self.env).code)
        return babel.dates.format_skeleton(skeleton, first_day, locale=locale)
