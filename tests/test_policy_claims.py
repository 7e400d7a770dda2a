from datetime import date

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
