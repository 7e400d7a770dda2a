from datetime import date, datetime

from policy.quota import (
    customers_below_weekly,
    escalation,
    failing_since,
    last_complete_iso_week,
    local_day,
    passed,
    rolling_days,
    rolling_year,
    utc_bounds,
)


def test_rolling_30_days_edges():
    first, last = rolling_days(date(2026, 3, 31), 30)
    assert (first, last) == (date(2026, 3, 2), date(2026, 3, 31))
    exactly_30_days_ago = date(2026, 3, 1)
    assert not first <= exactly_30_days_ago <= last


def test_rolling_year_and_leap_day():
    assert rolling_year(date(2026, 5, 10)) == (date(2025, 5, 11), date(2026, 5, 10))
    assert rolling_year(date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))


def test_last_complete_iso_week():
    # Monday 2026-11-23 → the week of 16–22 November.
    assert last_complete_iso_week(date(2026, 11, 23)) == (
        date(2026, 11, 16),
        date(2026, 11, 22),
    )
    # Sunday 2026-11-22 belongs to that week: judge the one before.
    assert last_complete_iso_week(date(2026, 11, 22)) == (
        date(2026, 11, 9),
        date(2026, 11, 15),
    )
    # ISO week 1 of 2027 starts on Monday 2027-01-04.
    assert last_complete_iso_week(date(2027, 1, 5)) == (
        date(2026, 12, 28),
        date(2027, 1, 3),
    )


def test_local_day_follows_the_users_time_zone():
    late_utc = datetime(2026, 3, 1, 17, 30)  # 01:30 on 2 March in Shanghai
    assert local_day(late_utc, "Asia/Shanghai") == date(2026, 3, 2)
    assert local_day(late_utc, "UTC") == date(2026, 3, 1)
    assert local_day(late_utc, None) == date(2026, 3, 1)
    assert local_day(late_utc, "Not/AZone") == date(2026, 3, 1)


def test_utc_bounds_of_local_days():
    start, end = utc_bounds(date(2026, 3, 2), date(2026, 3, 2), "Asia/Shanghai")
    assert start == datetime(2026, 3, 1, 16, 0)
    assert end == datetime(2026, 3, 2, 16, 0)


def test_customers_below_weekly():
    assert customers_below_weekly({1: 2, 2: 1}, [1, 2, 3], 2) == 2


OK = {
    "feedback_visits": 15,
    "feedback_target": 15,
    "customers_below": 0,
    "registered_projects": 4,
    "registered_target": 4,
    "dossiers_overdue": 0,
}


def test_verdict():
    ok = OK
    assert passed(**ok)
    assert not passed(**dict(ok, feedback_visits=14))
    assert not passed(**dict(ok, customers_below=1))
    assert not passed(**dict(ok, dossiers_overdue=1))


def test_failing_streak():
    today = date(2026, 4, 10)
    assert failing_since(None, None, today, passed_today=False) == today
    assert failing_since(
        date(2026, 3, 1), date(2026, 4, 9), today, passed_today=False
    ) == date(2026, 3, 1)
    assert failing_since(date(2026, 3, 1), date(2026, 4, 9), today, True) is None
    # A missing day starts a new streak.
    assert failing_since(date(2026, 3, 1), date(2026, 4, 7), today, False) == today


def test_escalation_ladder():
    start = date(2026, 1, 1)
    assert escalation(start, date(2026, 1, 29), set(), 30, 90) is None
    assert escalation(start, date(2026, 1, 30), set(), 30, 90) == "warning"
    assert escalation(start, date(2026, 1, 31), {"warning"}, 30, 90) is None
    assert escalation(start, date(2026, 3, 31), {"warning"}, 30, 90) == "review"
    assert escalation(start, date(2026, 4, 1), {"warning", "review"}, 30, 90) is None
    assert escalation(None, date(2026, 4, 1), set(), 30, 90) is None


def test_late_reports_fail_the_day():
    ok = OK
    assert passed(**ok, reports_on_time=True)
    assert not passed(**ok, reports_on_time=False)
