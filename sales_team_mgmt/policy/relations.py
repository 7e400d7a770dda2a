"""Customer classes, revisits and key dates (seed 002 §2–3, 客户分级与回访).

A customer is important (A), general (B) or potential (C) by what it has
bought: won revenue or number of won deals, whichever reaches the higher
class. Each class has its own revisit rhythm.
"""

from calendar import isleap
from datetime import date, timedelta

DEFAULT_CLASS_A_REVENUE = 1_000_000
DEFAULT_CLASS_A_ORDERS = 10
DEFAULT_CLASS_B_REVENUE = 100_000
DEFAULT_CLASS_B_ORDERS = 2
REVISIT_DAYS = {"a": 7, "b": 30, "c": 90}
DEFAULT_KEY_DATE_NOTICE_DAYS = 2
DEFAULT_APPOINTMENT_ACK_MINUTES = 10


def suggest_class(revenue, orders, a_revenue, a_orders, b_revenue, b_orders):
    """'a', 'b' or 'c' from won revenue and won deals; a zero threshold is
    never reached (so it switches that criterion off)."""

    def reached(value, threshold):
        return threshold > 0 and (value or 0) >= threshold

    if reached(revenue, a_revenue) or reached(orders, a_orders):
        return "a"
    if reached(revenue, b_revenue) or reached(orders, b_orders):
        return "b"
    return "c"


def next_revisit(last_visit, interval_days):
    if not last_visit or not interval_days or interval_days <= 0:
        return None
    return last_visit + timedelta(days=interval_days)


def anniversary(key_date, year):
    """The day ``key_date`` comes back in ``year``; 29 February is kept on
    28 February in common years."""
    if key_date.month == 2 and key_date.day == 29 and not isleap(year):
        return date(year, 2, 28)
    return key_date.replace(year=year)


def key_date_days_matching(target):
    """(month, day) pairs whose anniversary falls on ``target``: on 28
    February of a common year, people born on the 29th too."""
    days = [(target.month, target.day)]
    if target.month == 2 and target.day == 28 and not isleap(target.year):
        days.append((2, 29))
    return days


def reminder_due(reminder_at, ack_minutes, now):
    """Whether an unacknowledged reminder has waited long enough for the
    SMS escalation."""
    return reminder_at is not None and now >= reminder_at + timedelta(
        minutes=max(ack_minutes or 0, 0)
    )
