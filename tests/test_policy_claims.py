from datetime import date, timedelta

import pytest
from policy import claims
from policy.claims import (
    conflict_outcome,
    is_expired,
    needs_warning,
    pool_claim_refusal,
    protected_until,
)


def test_protection_window():
    assert protected_until(date(2026, 1, 1), 30) == date(2026, 1, 31)
    assert protected_until(date(2026, 1, 1), 0) is None
    assert protected_until(date(2026, 1, 1), 30, pinned=True) is None
    assert not is_expired(date(2026, 1, 31), date(2026, 1, 31))
    assert is_expired(date(2026, 1, 31), date(2026, 2, 1))
    assert not is_expired(None, date(2099, 1, 1))


def test_warning_window():
    end = date(2026, 1, 31)
    assert not needs_warning(end, date(2026, 1, 27))
    assert needs_warning(end, date(2026, 1, 28))
    assert needs_warning(end, date(2026, 1, 31))
    assert not needs_warning(end, date(2026, 2, 1))
    assert not needs_warning(None, date(2026, 1, 30))


def test_pool_claim_refusals():
    base = {
        "user_id": 7,
        "active_claims": 3,
        "max_active_claims": 0,
        "last_owner_id": 7,
        "released_on": date(2026, 2, 1),
        "today": date(2026, 2, 3),
    }
    assert pool_claim_refusal(**base) == ("cooldown", date(2026, 2, 8))
    assert pool_claim_refusal(**dict(base, today=date(2026, 2, 8))) is None
    assert pool_claim_refusal(**dict(base, user_id=8)) is None
    assert pool_claim_refusal(**dict(base, user_id=8, max_active_claims=3)) == (
        "limit",
        3,
    )
    assert pool_claim_refusal(**dict(base, cooldown_days=0)) is None


def test_conflict_outcome():
    assert conflict_outcome("block", same_owner=True) == "attach"
    assert conflict_outcome("dispute", same_owner=True) == "attach"
    assert conflict_outcome("block", same_owner=False) == "block"
    assert conflict_outcome("dispute", same_owner=False) == "dispute"


# --- Pool rules ---------------------------------------------------------------


def test_protection_by_class_falls_back_to_the_team():
    by_class = {"a": 60, "b": 30, "c": 15}
    assert claims.protection_days_for_class("a", by_class, 30) == 60
    assert claims.protection_days_for_class("c", by_class, 30) == 15
    assert claims.protection_days_for_class(None, by_class, 45) == 45
    assert claims.protection_days_for_class("a", {"a": None}, 45) == 45
    assert claims.protection_days_for_class("b", {"b": 0}, 45) == 0, "0: never"


@pytest.mark.parametrize(
    ("idle_days", "step"),
    [(0, 0), (2, 0), (3, 1), (4, 1), (5, 2), (6, 2), (7, 3), (400, 3)],
)
def test_ladder_steps(idle_days, step):
    today = date(2026, 11, 30)
    last = today - timedelta(days=idle_days)
    assert claims.ladder_step(last, today, (3, 5, 7)) == step


def test_ladder_without_follow_up_date_is_quiet():
    assert claims.ladder_step(None, date(2026, 11, 30)) == 0


@pytest.mark.parametrize(
    ("ladder", "problem"),
    [
        ((3, 5, 7), None),
        ((1, 2, 3), None),
        ((5, 3, 7), "order"),
        ((3, 3, 7), "order"),
        ((0, 5, 7), "range"),
        ((-1, 5, 7), "range"),
        ((3, 5, 99999), "range"),
    ],
)
def test_ladder_problems(ladder, problem):
    assert claims.ladder_problem(*ladder) == problem


def test_daily_pool_limit():
    refusal = claims.pool_claim_refusal(
        user_id=1,
        active_claims=3,
        max_active_claims=0,
        last_owner_id=None,
        released_on=None,
        today=date(2026, 11, 30),
        taken_today=2,
        daily_limit=2,
    )
    assert refusal == ("daily", 2)
    assert (
        claims.pool_claim_refusal(
            user_id=1,
            active_claims=3,
            max_active_claims=0,
            last_owner_id=None,
            released_on=None,
            today=date(2026, 11, 30),
            taken_today=1,
            daily_limit=2,
        )
        is None
    )


def test_team_pool_until():
    assert claims.team_pool_until(date(2026, 11, 30), 7) == date(2026, 12, 7)
    assert claims.team_pool_until(date(2026, 11, 30), None) == date(2026, 11, 30)


def test_handover_plan_shows_the_heirs_excess():
    plan, over = claims.handover_plan([1, 2, 3, 4], 48, 50, to_pool=[4])
    assert plan == {1: "heir", 2: "heir", 3: "heir", 4: "pool"}
    assert over == 1
    assert claims.handover_plan([1, 2], 10, 0)[1] == 0, "no limit"
