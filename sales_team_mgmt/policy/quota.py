"""Quota windows and the daily compliance verdict (seed 001, 销售人员日常工作).

All windows are in the salesperson's local days and inclusive:
* rolling 30 days on day D: D-29 … D (a visit exactly 30 days ago is out);
* rolling 12 months on day D: the day after D one year earlier … D;
* the weekly minimum looks at the last *complete* ISO week (Monday–Sunday)
  before D, so a Monday is not judged on an empty week.
"""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

DEFAULT_MIN_WEEKLY_VISITS_PER_CUSTOMER = 2
DEFAULT_MIN_FEEDBACK_VISITS_30D = 15
DEFAULT_MIN_REGISTERED_PROJECTS_YEAR = 4
DEFAULT_WARNING_AFTER_DAYS = 30
DEFAULT_REVIEW_AFTER_DAYS = 90
# Reports are for weeks and months people work in; dates outside are typos.
FIRST_WORKING_DAY = datetime(1900, 1, 1).date()
LAST_WORKING_DAY = datetime(2999, 12, 31).date()


def plausible_day(day):
    return day is not None and FIRST_WORKING_DAY <= day <= LAST_WORKING_DAY


def local_day(moment, tz_name):
    """The calendar day of a naive-UTC datetime in the time zone ``tz_name``."""
    if moment is None:
        return None
    try:
        zone = ZoneInfo(tz_name) if tz_name else timezone.utc
    except (KeyError, ValueError):
        zone = timezone.utc
    return moment.replace(tzinfo=timezone.utc).astimezone(zone).date()


def rolling_days(today, days):
    """(first, last) day of the rolling window of ``days`` days ending today."""
    return today - timedelta(days=days - 1), today


def rolling_year(today):
    """(first, last) day of the rolling 12 months ending today."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return year_ago + timedelta(days=1), today


def year_to_date(today):
    """(1 January, today) of ``today``'s year."""
    return today.replace(month=1, day=1), today


def last_complete_iso_week(today):
    """(monday, sunday) of the ISO week before the one holding ``today``."""
    monday = today - timedelta(days=today.weekday()) - timedelta(days=7)
    return monday, monday + timedelta(days=6)


def utc_bounds(first, last, tz_name):
    """Naive-UTC datetimes [start, end) covering local days first … last."""
    try:
        zone = ZoneInfo(tz_name) if tz_name else timezone.utc
    except (KeyError, ValueError):
        zone = timezone.utc

    def to_utc(day):
        local = datetime(day.year, day.month, day.day, tzinfo=zone)
        return local.astimezone(timezone.utc).replace(tzinfo=None)

    return to_utc(first), to_utc(last + timedelta(days=1))


def customers_below_weekly(visits_by_customer, customers, minimum):
    """How many ``customers`` got fewer than ``minimum`` visits
    (``visits_by_customer``: {customer: count})."""
    return sum(
        1 for customer in customers if visits_by_customer.get(customer, 0) < minimum
    )


def passed(
    *,
    feedback_visits,
    feedback_target,
    customers_below,
    registered_projects,
    registered_target,
    dossiers_overdue,
    reports_on_time=True,
):
    """The day's verdict: every quota met, the weekly resource request and the
    monthly forecast handed in on time."""
    return (
        feedback_visits >= feedback_target
        and customers_below == 0
        and registered_projects >= registered_target
        and dossiers_overdue == 0
        and reports_on_time
    )


def failing_since(previous_failing_since, previous_day, today, passed_today):
    """First day of the current failing streak, or None when passing.

    A streak goes on only from yesterday's snapshot; a gap (no snapshot
    yesterday) starts a new streak today.
    """
    if passed_today:
        return None
    if previous_failing_since and previous_day == today - timedelta(days=1):
        return previous_failing_since
    return today


def escalation(streak_start, today, already, warning_after, review_after):
    """Which discipline record a failing streak calls for today, if any:
    ``"review"`` after ``review_after`` days, ``"warning"`` after
    ``warning_after``; ``already`` is the set of kinds this streak has."""
    if streak_start is None:
        return None
    days = (today - streak_start).days + 1
    if days >= review_after and "review" not in already:
        return "review"
    if days >= warning_after and "warning" not in already and "review" not in already:
        return "warning"
    return None
