"""Calendar periods: the month, quarter, half and year that hold a day. One
definition for targets, statements, appraisals and ratings."""

from calendar import monthrange
from datetime import date, timedelta

PERIOD_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}
# The periods as offered to users (appraisals, published rankings,
# colleagues' ratings; sales reports offer three of them).
PERIODS = [
    ("month", "Month"),
    ("quarter", "Quarter"),
    ("half", "Half-year"),
    ("year", "Year"),
]


def period_months(period, day):
    """The calendar months (1–12) of the period holding ``day``."""
    size = PERIOD_MONTHS[period]
    first = (day.month - 1) // size * size + 1
    return list(range(first, first + size))


def period_bounds(period, day):
    """(first, last) day of the calendar month, quarter, half or year that
    holds ``day``."""
    months = period_months(period, day)
    last = months[-1]
    return (
        date(day.year, months[0], 1),
        date(day.year, last, monthrange(day.year, last)[1]),
    )


def previous_period(period, day):
    """(first, last) day of the period before the one holding ``day``."""
    first, _last = period_bounds(period, day)
    return period_bounds(period, first - timedelta(days=1))
