"""Targets, commission, bonus and honours (seeds 000 ch.3, 003 §6, 004 ch.1.2
and ch.4: 目标分解, 提成, 奖金, 津贴, 荣誉激励).

Targets: a yearly target is split into twelve months, evenly or by the
team's monthly weights; a quarter or a year is the sum of its months, a team
the sum of its members. A salesperson who joins or leaves in the middle of a
month carries the share of that month he spent in the team: from the day he
joined to the day before he left.

Commission: tiers of attainment (won revenue ÷ target), each with a rate of
won revenue. *Flat*: the tier reached applies to all the revenue. *Marginal*:
each tier's rate applies to the slice of revenue inside it, as tax brackets.
Tiers start at 0 % and may not overlap or leave gaps, which thresholds in
increasing order guarantee. Without a target nothing is attained: the first
tier's rate applies and no bonus is paid.

Adjustments: a deal counted in an approved statement and changed since (lost,
reopened, re-valued, won late) is settled in the next statement at the
effective rate of the statement that counted it; an approved statement is
never recomputed.
"""

from calendar import monthrange
from datetime import date, timedelta

MONTHS = 12
DEFAULT_TIERS = ((0.0, 1.0), (80.0, 2.0), (100.0, 3.0))
DEFAULT_NEWCOMER_MONTHS = 3


# ----------------------------------------------------------------------
# Targets
# ----------------------------------------------------------------------


def weights_problem(weights):
    """Why twelve monthly weights cannot split a target, or None."""
    weights = list(weights)
    if len(weights) != MONTHS:
        return "twelve"
    if any(weight is None or weight < 0 for weight in weights):
        return "negative"
    if not any(weights):
        return "all_zero"
    return None


def monthly_split(yearly, weights=None):
    """Twelve monthly amounts summing to ``yearly``: evenly, or in proportion
    to ``weights``. Not rounded: a quarter or a year, the sum of its months,
    is rounded once, so that an even quarter is exactly a quarter."""
    yearly = yearly or 0.0
    if not weights or weights_problem(weights):
        weights = [1.0] * MONTHS
    total = float(sum(weights))
    return [yearly * weight / total for weight in weights]


def month_presence(year, month, joined_on=None, left_on=None, first=None, last=None):
    """The share (0–1) of a month's days spent in the team: from
    ``joined_on`` (counted) to ``left_on`` (the day he left, not counted;
    None = open), and only between ``first`` and ``last`` when given."""
    days = monthrange(year, month)[1]
    start, end = date(year, month, 1), date(year, month, days)
    for bound in (joined_on, first):
        if bound:
            start = max(start, bound)
    for bound in (left_on and left_on - timedelta(days=1), last):
        if bound:
            end = min(end, bound)
    if end < start:
        return 0.0
    return ((end - start).days + 1) / days


def range_target(yearly, weights, first, last, joined_on=None, left_on=None):
    """The target of the days ``first`` … ``last``: each month's share of
    the split, for the days of it inside the range and spent in the team."""
    months = monthly_split(yearly, weights)
    total = 0.0
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        total += months[month - 1] * month_presence(
            year, month, joined_on, left_on, first, last
        )
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return round(total, 2)


def _attained(won, target):
    """Unrounded attainment in %: tiers and the bonus are decided on it, so
    that 99.999 % does not round into the next tier."""
    if not target or target <= 0:
        return None
    return 100.0 * (won or 0.0) / target


def attainment_pct(won, target):
    """Won revenue against target in %, to show, or None without a target."""
    attained = _attained(won, target)
    return None if attained is None else round(attained, 2)


# ----------------------------------------------------------------------
# Commission
# ----------------------------------------------------------------------


def tiers_problem(tiers):
    """Why ``[(threshold_pct, rate_pct), ...]`` is not a usable ladder, or
    None: the first tier starts at 0 % (no gap below), thresholds strictly
    increase (no overlap), rates lie within 0–100 %."""
    tiers = list(tiers)
    if not tiers:
        return "empty"
    if any(rate is None or not 0 <= rate <= 100 for _threshold, rate in tiers):
        return "rate"
    thresholds = [threshold for threshold, _rate in tiers]
    if any(threshold is None or threshold < 0 for threshold in thresholds):
        return "negative"
    if sorted(thresholds)[0] != 0:
        return "gap"
    if len(set(thresholds)) != len(thresholds):
        return "overlap"
    return None


def _sorted_tiers(tiers):
    return sorted(tiers, key=lambda tier: tier[0])


def tier_rate(attainment, tiers):
    """The rate of the highest tier whose threshold ``attainment`` reaches
    (exactly 80 % is in the 80 % tier); the first tier without a target."""
    ordered = _sorted_tiers(tiers)
    rate = ordered[0][1]
    if attainment is None:
        return rate
    for threshold, tier_rate_pct in ordered:
        if attainment >= threshold:
            rate = tier_rate_pct
    return rate


def commission_slices(won, target, tiers, mode="flat"):
    """How the commission is reached, slice by slice: dicts of ``from_pct``
    and ``to_pct`` (shares of the target the tier spans; None: no end),
    ``rate`` (%), ``base`` (the revenue paid at that rate) and ``amount``.
    Flat: one slice, the tier reached, all the revenue at its rate (the
    first tier without a target); marginal: each tier's part of the revenue
    at its own rate."""
    won = won or 0.0
    attained = _attained(won, target)
    ordered = _sorted_tiers(tiers)
    spans = [
        (low, ordered[index + 1][0] if index + 1 < len(ordered) else None, rate)
        for index, (low, rate) in enumerate(ordered)
    ]
    if mode != "marginal" or attained is None or won <= 0:
        reached = spans[0]
        for span in spans:
            if attained is not None and attained >= span[0]:
                reached = span
        rate = tier_rate(attained, tiers)
        return [_slice(reached[0], reached[1], rate, won)]
    slices = []
    for low_pct, high_pct, rate in spans:
        low = target * low_pct / 100.0
        high = target * high_pct / 100.0 if high_pct is not None else float("inf")
        if won <= low:
            break
        slices.append(_slice(low_pct, high_pct, rate, min(won, high) - low))
    return slices


def _slice(from_pct, to_pct, rate, base):
    return {
        "from_pct": from_pct,
        "to_pct": to_pct,
        "rate": rate,
        "base": base,
        "amount": base * rate / 100.0,
    }


def commission(won, target, tiers, mode="flat"):
    """Commission on ``won`` revenue for ``target`` under ``tiers``: the sum
    of its slices (``commission_slices``)."""
    return round(
        sum(piece["amount"] for piece in commission_slices(won, target, tiers, mode)),
        2,
    )


def effective_rate(commission_amount, won):
    """Commission paid per unit of revenue counted (0 when nothing was won)."""
    if not won:
        return 0.0
    return commission_amount / won


def bonus(won, target, bonus_amount=0.0, bonus_pct=0.0):
    """The bonus for reaching the target (at least 100 %); none without one."""
    attained = _attained(won, target)
    if attained is None or attained < 100:
        return 0.0
    return round((bonus_amount or 0.0) + (won or 0.0) * (bonus_pct or 0.0) / 100.0, 2)


def adjustments(counted, current):
    """What changed since approval: ``counted`` and ``current`` map a deal
    to its amount (counted by approved statements so far, and won in their
    period now; a deal no longer won is absent from ``current``). Returns
    ``{deal: difference}`` without zeros."""
    changes = {}
    for deal in set(counted) | set(current):
        difference = round(current.get(deal, 0.0) - counted.get(deal, 0.0), 2)
        if difference:
            changes[deal] = difference
    return changes


def statement_totals(
    won, target, tiers, mode, bonus_amount, bonus_pct, allowances, adjusted
):
    """Everything a statement shows. ``adjusted``: [(amount, effective rate
    of the statement that counted the deal)]."""
    slices = commission_slices(won, target, tiers, mode)
    period_commission = round(sum(piece["amount"] for piece in slices), 2)
    adjustment_commission = round(sum(amount * rate for amount, rate in adjusted), 2)
    period_bonus = bonus(won, target, bonus_amount, bonus_pct)
    allowance_total = round(sum(allowances), 2)
    return {
        "attainment_pct": attainment_pct(won, target) or 0.0,
        "commission": period_commission,
        "commission_slices": slices,
        "adjustment_commission": adjustment_commission,
        "bonus": period_bonus,
        "allowances": allowance_total,
        "total": round(
            period_commission + adjustment_commission + period_bonus + allowance_total,
            2,
        ),
    }


# ----------------------------------------------------------------------
# Honours
# ----------------------------------------------------------------------


def _best(candidates, key):
    """Everyone tied for the best ``key`` (largest first)."""
    if not candidates:
        return []
    top = max(key(row) for row in candidates)
    return sorted(row["user"] for row in candidates if key(row) == top)


def champions(rows):
    """Sales champion (销售冠军): the highest won revenue, ties share the
    title; nobody when nobody won anything. ``rows``: dicts with ``user``,
    ``won``."""
    return _best([row for row in rows if (row.get("won") or 0) > 0], lambda r: r["won"])


def is_newcomer(joined_on, day, months=DEFAULT_NEWCOMER_MONTHS):
    """Whether someone who joined on ``joined_on`` is still new on ``day``:
    joined within the ``months`` months before it."""
    if not joined_on:
        return False
    year, month = day.year, day.month - months
    while month <= 0:
        month += 12
        year -= 1
    since = date(year, month, min(day.day, monthrange(year, month)[1]))
    return since < joined_on <= day


def best_newcomers(rows, day, months=DEFAULT_NEWCOMER_MONTHS):
    """Best newcomer (最佳新人): among those who joined in the last
    ``months`` months before ``day``, the best attainment above zero.
    ``rows``: dicts with ``user``, ``joined_on``, ``attainment``."""
    return _best(
        [
            row
            for row in rows
            if is_newcomer(row.get("joined_on"), day, months)
            and (row.get("attainment") or 0) > 0
        ],
        lambda r: r["attainment"],
    )


def best_service(rows):
    """Best customer service (最佳客户服务奖): the best satisfaction score
    where there is one; otherwise the fewest upheld complaints, then the most
    feedback visits; at least one feedback visit. ``rows``: dicts with
    ``user``, ``upheld``, ``feedback_visits`` and optional ``satisfaction``."""
    scored = [row for row in rows if row.get("satisfaction") is not None]
    if scored:
        return _best(scored, lambda r: r["satisfaction"])
    return _best(
        [row for row in rows if (row.get("feedback_visits") or 0) > 0],
        lambda r: (-(r.get("upheld") or 0), r["feedback_visits"]),
    )
