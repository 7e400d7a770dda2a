"""Claim lifetime rules (DESIGN §2): protection window, expiry warnings, who may
take a customer from the pool, and what a conflict does."""

from datetime import timedelta

DEFAULT_PROTECTION_DAYS = 30
DEFAULT_WARNING_DAYS = 3
DEFAULT_RECLAIM_COOLDOWN_DAYS = 7


def protected_until(last_followup_on, protection_days, pinned=False):
    """Last day the claim is protected, or None when it never expires
    (pinned by a manager, or a team protection of 0 days)."""
    if pinned or not protection_days or protection_days <= 0 or not last_followup_on:
        return None
    return last_followup_on + timedelta(days=protection_days)


def is_expired(protected_until_day, today):
    """A claim expires the day after its protection ends."""
    return protected_until_day is not None and protected_until_day < today


def needs_warning(protected_until_day, today, warning_days=DEFAULT_WARNING_DAYS):
    """True from ``warning_days`` before the end of protection until it ends."""
    if protected_until_day is None or protected_until_day < today:
        return False
    return (protected_until_day - today).days <= warning_days


def pool_claim_refusal(
    *,
    user_id,
    active_claims,
    max_active_claims,
    last_owner_id,
    released_on,
    today,
    cooldown_days=DEFAULT_RECLAIM_COOLDOWN_DAYS,
):
    """Why ``user_id`` may not take a pool customer now, or None if they may.

    Returns a ``(reason, detail)`` pair: ``("limit", max_active_claims)`` or
    ``("cooldown", first_day_allowed)``.
    """
    if max_active_claims and active_claims >= max_active_claims:
        return ("limit", max_active_claims)
    if (
        last_owner_id
        and last_owner_id == user_id
        and released_on
        and cooldown_days
        and cooldown_days > 0
    ):
        first_day = released_on + timedelta(days=cooldown_days)
        if today < first_day:
            return ("cooldown", first_day)
    return None


def conflict_outcome(mode, same_owner):
    """What a registration that meets an existing claim does:
    ``attach`` (same owner), ``block`` or ``dispute``."""
    if same_owner:
        return "attach"
    return "dispute" if mode == "dispute" else "block"
