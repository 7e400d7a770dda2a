"""Claim lifetime rules (README, "Customer claim"): protection window, expiry
warnings, who may take a customer from the pool, and what a conflict does."""

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
    taken_today=0,
    daily_limit=0,
):
    """Why ``user_id`` may not take a pool customer now, or None if they may.

    Returns a ``(reason, detail)`` pair: ``("limit", max_active_claims)``,
    ``("daily", daily_limit)`` or ``("cooldown", first_day_allowed)``.
    """
    if max_active_claims and active_claims >= max_active_claims:
        return ("limit", max_active_claims)
    if daily_limit and daily_limit > 0 and taken_today >= daily_limit:
        return ("daily", daily_limit)
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


# --- Pool rules companies ask for --------------------------------------------

DEFAULT_PROTECTION_DAYS_BY_CLASS = {"a": 60, "b": 30, "c": 15}
DEFAULT_LADDER = (3, 5, 7)  # owner's to-do, manager told, at risk
# Beyond ten years a number of days is a typo, not a policy.
MAX_DAYS = 3650


def protection_days_for_class(customer_class, days_by_class, default_days):
    """Days of protection of a customer of ``customer_class`` (a/b/c or
    None): the team's days for that class, else the team's general days."""
    if customer_class in days_by_class and days_by_class[customer_class] is not None:
        return days_by_class[customer_class]
    return default_days


def ladder_problem(owner_days, manager_days, risk_days):
    """Why a follow-up ladder is unusable, or None: three steps, each after
    at least one day without follow-up, in order (owner, manager, at risk)."""
    steps = (owner_days, manager_days, risk_days)
    if any(step is None or step < 1 or step > MAX_DAYS for step in steps):
        return "range"
    if not owner_days < manager_days < risk_days:
        return "order"
    return None


def ladder_step(last_followup_on, today, ladder=DEFAULT_LADDER):
    """How many steps of the ladder are due: 0 (none) to 3 (at risk), after
    ``today - last_followup_on`` days without follow-up."""
    if last_followup_on is None:
        return 0
    idle = (today - last_followup_on).days
    return sum(1 for days in ladder if idle >= days)


def team_pool_until(sent_on, team_pool_days):
    """Last day a customer stays in its team's pool before the company's."""
    return sent_on + timedelta(days=max(team_pool_days or 0, 0))


def handover_plan(claim_ids, heir_active_claims, heir_limit, to_pool=()):
    """Where each claim of a leaving salesperson goes: ``{claim: "heir" |
    "pool"}`` (those in ``to_pool`` to the pool, the rest to the heir), and by
    how many claims the heir ends over his limit (0 when within it, or when
    he has none)."""
    plan = {
        claim_id: "pool" if claim_id in set(to_pool) else "heir"
        for claim_id in claim_ids
    }
    inherited = sum(1 for destination in plan.values() if destination == "heir")
    over = 0
    if heir_limit:
        over = max(0, heir_active_claims + inherited - heir_limit)
    return plan, over
