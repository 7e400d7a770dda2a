from policy.forecast import (
    diagnose_funnel,
    effective_count,
    is_reliable,
    moves_to_unpile,
    weighted_forecast,
)


def seed_49_wan():
    """Seed 002 §6: every deal worth 1万; 40, 30, 20 and 10 customers at
    25, 50, 75 and 90 % (100 effective customers, 100万 in theory)."""
    return [(1.0, 25)] * 40 + [(1.0, 50)] * 30 + [(1.0, 75)] * 20 + [(1.0, 90)] * 10


def test_seed_example_forecast_is_49_wan():
    deals = seed_49_wan()
    assert len(deals) == 100
    assert round(weighted_forecast(deals), 6) == 49.0
    # The boss's "20 % more" target of the example.
    assert round(weighted_forecast(deals) * 1.2) == 59


def test_early_stages_add_nothing_or_little():
    assert weighted_forecast([(10.0, 0)]) == 0
    assert weighted_forecast([(10.0, 10)]) == 1.0


def test_reliability_needs_14_effective_opportunities():
    probabilities = [25] * 7 + [90] * 6 + [10] * 30 + [100] * 5
    assert effective_count(probabilities) == 13
    assert not is_reliable(probabilities)
    assert is_reliable([*probabilities, 50])


def test_seed_example_salesperson_jia():
    """Seed 002 §7, salesperson 甲: 10, 50, 60, 10, 20, 40 customers at 0, 10,
    25, 50, 75, 90 %: too few at the top, 25 % must move to 50 %, 90 % is
    piling up before the win. The handbook moves 20 and 30 customers."""
    counts = [(0, 10), (10, 50), (25, 60), (50, 10), (75, 20), (90, 40), (100, 0)]
    advice = diagnose_funnel(counts)
    kinds = [(kind, p, q) for kind, p, q, __ in advice]
    assert kinds == [
        ("prospect", 0, 25),
        ("push", 25, 50),
        ("push", 90, 100),
    ]
    minimum = {(p, q): n for kind, p, q, n in advice if kind == "push"}
    assert minimum == {(25, 50): 14, (90, 100): 14}
    # The handbook's own moves (20 and 30) are enough: no pile-up after them.
    after = [(0, 10), (10, 50), (25, 40), (50, 30), (75, 20), (90, 10), (100, 30)]
    assert diagnose_funnel(after) == []
    assert moves_to_unpile(60 - 20, 10 + 20) == 0
    assert moves_to_unpile(40 - 30, 0 + 30) == 0


def test_healthy_funnel_needs_no_advice():
    counts = [(0, 80), (10, 60), (25, 40), (50, 30), (75, 20), (90, 10), (100, 5)]
    assert diagnose_funnel(counts) == []
