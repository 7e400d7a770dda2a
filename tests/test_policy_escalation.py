from datetime import date, datetime

from policy.escalation import (
    breached,
    deadline,
    default_sla_days,
    upheld_consequence,
    window_start,
)
from policy.marketing import quota_met
from policy.relations import (
    anniversary,
    key_date_days_matching,
    next_revisit,
    reminder_due,
    suggest_class,
)


def test_sla_defaults_and_deadline():
    assert default_sla_days("hr") == 15, "seed 001: HR has 15 days"
    assert default_sla_days("finance") == 3
    assert deadline(date(2026, 11, 2), 15) == date(2026, 11, 17)
    assert deadline(None, 3) is None
    assert not breached(date(2026, 11, 5), date(2026, 11, 5))
    assert breached(date(2026, 11, 5), date(2026, 11, 6))
    assert not breached(
        date(2026, 11, 5), date(2026, 11, 9), closed_on=date(2026, 11, 4)
    )


def test_ladder_one_warning_three_review():
    assert [upheld_consequence(n) for n in range(6)] == [
        None,
        "warning",
        None,
        "review",
        "review",
        "review",
    ]
    assert window_start(date(2026, 11, 23)) == date(2025, 11, 24)


def test_marketing_quota():
    assert quota_met(15, 2, 15, 2)
    assert not quota_met(20, 1, 15, 2)


def test_customer_class():
    thresholds = (1_000_000, 10, 100_000, 2)
    assert suggest_class(2_000_000, 1, *thresholds) == "a"
    assert suggest_class(0, 10, *thresholds) == "a"
    assert suggest_class(150_000, 1, *thresholds) == "b"
    assert suggest_class(10, 1, *thresholds) == "c"
    assert suggest_class(None, 0, *thresholds) == "c"
    assert suggest_class(5, 5, 0, 0, 0, 0) == "c", "zero thresholds are off"


def test_revisits_and_key_dates():
    assert next_revisit(date(2026, 11, 2), 30) == date(2026, 12, 2)
    assert next_revisit(None, 30) is None
    assert anniversary(date(2000, 2, 29), 2027) == date(2027, 2, 28)
    assert anniversary(date(2000, 2, 29), 2028) == date(2028, 2, 29)
    assert key_date_days_matching(date(2027, 2, 28)) == [(2, 28), (2, 29)]
    assert key_date_days_matching(date(2028, 2, 28)) == [(2, 28)]


def test_reminder_due_after_the_grace():
    fired = datetime(2026, 11, 24, 5, 30)
    assert not reminder_due(fired, 10, datetime(2026, 11, 24, 5, 39))
    assert reminder_due(fired, 10, datetime(2026, 11, 24, 5, 40))
    assert not reminder_due(None, 10, datetime(2026, 11, 24, 5, 40))
