"""Forecasts computed instead of guessed (seed 002 §6–7).

The seven-stage pipeline 0/10/25/50/75/90/100 %: a month's forecast is the sum
of each open opportunity's expected revenue times its stage probability; it
is only reliable when enough opportunities sit in the middle stages (25–90 %,
the "effective customers" of the handbook, 14 by default). The funnel
diagnosis says where to work: a thin top means prospecting, a stage holding
more than twice the next one means pushing it forward.
"""

from itertools import pairwise

SEVEN_STAGES = (0, 10, 25, 50, 75, 90, 100)
DEFAULT_MIN_EFFECTIVE = 14
DEFAULT_PILE_RATIO = 2.0
EFFECTIVE_RANGE = (25, 90)


def weighted_forecast(opportunities):
    """Σ amount × probability / 100 over ``(amount, probability)`` pairs."""
    return sum(amount * probability / 100.0 for amount, probability in opportunities)


def effective_count(probabilities, low=EFFECTIVE_RANGE[0], high=EFFECTIVE_RANGE[1]):
    """How many opportunities sit in the 25–90 % stages."""
    return sum(1 for probability in probabilities if low <= probability <= high)


def is_reliable(probabilities, minimum=DEFAULT_MIN_EFFECTIVE):
    """Fewer than ``minimum`` effective opportunities: the forecast is a guess."""
    return effective_count(probabilities) >= minimum


def diagnose_funnel(counts, ratio=DEFAULT_PILE_RATIO):
    """Advice for one salesperson's funnel.

    ``counts``: list of ``(probability, count)`` in pipeline order, won stage
    last. Returns a list of ``(kind, probability, next_probability, how_many)``:
    ``("prospect", p, next_p, n)``: the top is thinner than the stage after
    it, find ``n`` new prospects; ``("push", p, next_p, n)``: stage ``p``
    holds more than ``ratio`` times stage ``next_p``, move ``n`` forward (what
    brings the two stages level).
    """
    advice = []
    if len(counts) < 2:
        return advice
    open_stages = counts[:-1]
    top = [count for probability, count in open_stages if probability <= 10]
    after_top = next(
        ((p, c) for p, c in open_stages if p > 10),
        None,
    )
    if top and after_top and top[-1] < after_top[1]:
        advice.append(
            ("prospect", open_stages[0][0], after_top[0], after_top[1] - top[-1])
        )
    for (probability, count), (next_probability, next_count) in pairwise(counts):
        if probability < EFFECTIVE_RANGE[0] or probability >= 100:
            continue
        if count > ratio * next_count:
            advice.append(
                (
                    "push",
                    probability,
                    next_probability,
                    moves_to_unpile(count, next_count, ratio),
                )
            )
    return advice


def moves_to_unpile(count, next_count, ratio=DEFAULT_PILE_RATIO):
    """Fewest customers to move from a stage to the next so that it no longer
    holds more than ``ratio`` times the next: (count - n) <= ratio × (next + n)."""
    needed = (count - ratio * next_count) / (1 + ratio)
    return max(0, -int(-needed // 1))
