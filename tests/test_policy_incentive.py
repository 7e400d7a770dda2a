from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy.incentive import (
    DEFAULT_TIERS,
    adjustments,
    attainment_pct,
    best_newcomers,
    best_service,
    bonus,
    champions,
    commission,
    commission_slices,
    effective_rate,
    is_newcomer,
    month_presence,
    monthly_split,
    range_target,
    statement_totals,
    tier_rate,
    tiers_problem,
    weights_problem,
)
from policy.periods import period_bounds, previous_period

SEASONAL = [2, 2, 4, 8, 12, 16, 16, 12, 10, 8, 6, 4]


def period_target(yearly, weights, period, day, joined_on=None, left_on=None):
    """The target of the month, quarter or year holding ``day``."""
    return range_target(
        yearly, weights, *period_bounds(period, day), joined_on, left_on
    )


# Targets ---------------------------------------------------------------


def test_even_split_gives_every_month_its_twelfth():
    assert monthly_split(120_000) == [10_000.0] * 12
    assert period_target(400_000, None, "quarter", date(2026, 5, 1)) == 100_000


def test_split_by_weights_follows_the_season():
    months = monthly_split(100_000, SEASONAL)
    assert months[5] == pytest.approx(16_000)
    assert months[0] == pytest.approx(2_000)
    assert max(months) == months[5] == months[6]


@given(
    st.floats(min_value=0, max_value=1e9, allow_nan=False),
    st.lists(st.integers(min_value=0, max_value=50), min_size=12, max_size=12),
)
def test_months_always_sum_to_the_year(yearly, weights):
    assert sum(monthly_split(yearly, weights)) == pytest.approx(yearly, abs=0.01)


def test_bad_weights_are_named():
    assert weights_problem([1] * 11) == "twelve"
    assert weights_problem([1] * 11 + [-1]) == "negative"
    assert weights_problem([0] * 12) == "all_zero"
    assert weights_problem(SEASONAL) is None
    # Unusable weights never split unevenly by accident.
    assert monthly_split(1200, [0] * 12) == [100.0] * 12


def test_quarter_and_year_are_sums_of_months():
    months = monthly_split(100_000, SEASONAL)
    assert period_target(100_000, SEASONAL, "quarter", date(2026, 5, 9)) == (
        pytest.approx(sum(months[3:6]))
    )
    assert period_target(100_000, SEASONAL, "year", date(2026, 5, 9)) == 100_000
    assert period_target(120_000, None, "month", date(2026, 2, 1)) == 10_000


def test_period_bounds_and_the_period_before():
    assert period_bounds("quarter", date(2026, 11, 30)) == (
        date(2026, 10, 1),
        date(2026, 12, 31),
    )
    assert previous_period("month", date(2026, 1, 1)) == (
        date(2025, 12, 1),
        date(2025, 12, 31),
    )
    assert previous_period("quarter", date(2026, 4, 1)) == (
        date(2026, 1, 1),
        date(2026, 3, 31),
    )
    assert previous_period("year", date(2026, 1, 1)) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
    )


def test_changing_team_mid_period_splits_the_target():
    """Moved from team A to team B on 16 November: each team carries the
    days he spent in it; together they make the whole month."""
    day = date(2026, 11, 1)
    in_a = period_target(120_000, None, "month", day, left_on=date(2026, 11, 16))
    in_b = period_target(120_000, None, "month", day, joined_on=date(2026, 11, 16))
    assert in_a == pytest.approx(5_000)
    assert in_b == pytest.approx(5_000)
    # A quarter: October whole in A, half of November, nothing of December.
    quarter_a = period_target(120_000, None, "quarter", day, left_on=date(2026, 11, 16))
    assert quarter_a == pytest.approx(15_000)


def test_presence_outside_the_month_is_nothing():
    assert month_presence(2026, 11, joined_on=date(2026, 12, 1)) == 0.0
    assert month_presence(2026, 11, left_on=date(2026, 11, 1)) == 0.0
    # Joined and left the same day: never in the team.
    assert month_presence(2026, 11, date(2026, 11, 9), date(2026, 11, 9)) == 0.0
    assert month_presence(2026, 2, joined_on=date(2026, 2, 15)) == pytest.approx(
        14 / 28
    )


def test_attainment_without_target_is_unknown():
    assert attainment_pct(50_000, 0) is None
    assert attainment_pct(50_000, 100_000) == 50.0


# Commission ------------------------------------------------------------


def test_exactly_80_percent_is_in_the_80_tier():
    assert tier_rate(80.0, DEFAULT_TIERS) == 2.0
    assert tier_rate(79.99, DEFAULT_TIERS) == 1.0
    assert commission(80_000, 100_000, DEFAULT_TIERS, "flat") == 1_600.0
    assert commission(79_999, 100_000, DEFAULT_TIERS, "flat") == 799.99


def test_exactly_100_percent_is_in_the_top_tier_and_earns_the_bonus():
    assert commission(100_000, 100_000, DEFAULT_TIERS, "flat") == 3_000.0
    assert bonus(100_000, 100_000, 5_000, 1) == 6_000.0
    assert bonus(99_999, 100_000, 5_000, 1) == 0.0


def test_marginal_tiers_rate_each_slice():
    # 0–80k at 1 %, 80–100k at 2 %, 100–120k at 3 %.
    assert commission(120_000, 100_000, DEFAULT_TIERS, "marginal") == 800 + 400 + 600
    assert commission(80_000, 100_000, DEFAULT_TIERS, "marginal") == 800.0
    assert commission(50_000, 100_000, DEFAULT_TIERS, "marginal") == 500.0


@given(
    st.floats(min_value=0, max_value=1e8, allow_nan=False),
    st.floats(min_value=1, max_value=1e8, allow_nan=False),
)
def test_marginal_never_pays_more_than_flat(won, target):
    """Rates rise with the tiers: a slice-by-slice commission never exceeds
    the top reached rate on everything."""
    assert commission(won, target, DEFAULT_TIERS, "marginal") <= (
        commission(won, target, DEFAULT_TIERS, "flat") + 0.01
    )


def test_zero_target_pays_the_first_rate_and_no_bonus():
    assert commission(10_000, 0, DEFAULT_TIERS, "flat") == 100.0
    assert commission(10_000, 0, DEFAULT_TIERS, "marginal") == 100.0
    assert bonus(10_000, 0, 5_000, 0) == 0.0


def test_a_month_with_no_deals_pays_allowances_only():
    totals = statement_totals(
        0, 100_000, DEFAULT_TIERS, "flat", 5_000, 0, [300, 200], []
    )
    slices = totals.pop("commission_slices")
    assert [piece["amount"] for piece in slices] == [0.0]
    assert totals == {
        "attainment_pct": 0.0,
        "commission": 0.0,
        "adjustment_commission": 0.0,
        "bonus": 0.0,
        "allowances": 500.0,
        "total": 500.0,
    }


def test_tier_ladders_with_gaps_overlaps_or_bad_rates_are_refused():
    assert tiers_problem(DEFAULT_TIERS) is None
    assert tiers_problem([]) == "empty"
    assert tiers_problem([(10, 1), (80, 2)]) == "gap"
    assert tiers_problem([(0, 1), (80, 2), (80, 3)]) == "overlap"
    assert tiers_problem([(0, 1), (80, 120)]) == "rate"
    assert tiers_problem([(0, -1)]) == "rate"
    assert tiers_problem([(0, 1), (-5, 2)]) == "negative"


# Adjustments -----------------------------------------------------------


def test_a_lost_deal_comes_back_as_a_negative_adjustment():
    assert adjustments({"A": 50_000, "B": 20_000}, {"A": 50_000}) == {"B": -20_000}


def test_revalued_and_late_deals_are_differences():
    assert adjustments({"A": 50_000}, {"A": 45_000, "C": 10_000}) == {
        "A": -5_000,
        "C": 10_000,
    }
    assert adjustments({"A": 50_000}, {"A": 50_000}) == {}


def test_negative_adjustments_take_back_at_the_rate_paid():
    """A 20,000 deal paid at 3 % is lost after approval: the next statement
    takes back 600, whatever tier that month reaches."""
    rate = effective_rate(3_000, 100_000)
    totals = statement_totals(
        10_000, 100_000, DEFAULT_TIERS, "flat", 0, 0, [], [(-20_000, rate)]
    )
    assert totals["commission"] == 100.0
    assert totals["adjustment_commission"] == -600.0
    assert totals["total"] == -500.0
    assert effective_rate(0, 0) == 0.0


# Honours ---------------------------------------------------------------


def test_champion_is_the_top_revenue_and_ties_share():
    rows = [
        {"user": "li", "won": 90_000},
        {"user": "wang", "won": 120_000},
        {"user": "zhao", "won": 120_000},
    ]
    assert champions(rows) == ["wang", "zhao"]
    assert champions([{"user": "li", "won": 0}]) == []


def test_newcomer_is_counted_from_joining():
    day = date(2026, 11, 30)
    assert is_newcomer(date(2026, 9, 1), day, 3)
    assert not is_newcomer(date(2026, 8, 30), day, 3)
    assert not is_newcomer(date(2026, 12, 1), day, 3)
    assert not is_newcomer(None, day, 3)
    rows = [
        {"user": "old", "joined_on": date(2024, 1, 1), "attainment": 150},
        {"user": "new", "joined_on": date(2026, 10, 1), "attainment": 90},
        {"user": "newer", "joined_on": date(2026, 11, 1), "attainment": 0},
    ]
    assert best_newcomers(rows, day, 3) == ["new"]


def test_service_prefers_fewer_complaints_then_more_visits():
    rows = [
        {"user": "li", "upheld": 1, "feedback_visits": 30},
        {"user": "wang", "upheld": 0, "feedback_visits": 12},
        {"user": "zhao", "upheld": 0, "feedback_visits": 15},
        {"user": "qian", "upheld": 0, "feedback_visits": 0},
    ]
    assert best_service(rows) == ["zhao"]
    rows.append({"user": "sun", "upheld": 2, "feedback_visits": 1, "satisfaction": 95})
    assert best_service(rows) == ["sun"]


def test_a_half_year_target_follows_the_months_and_the_membership():
    assert range_target(120_000, None, date(2026, 1, 1), date(2026, 6, 30)) == 60_000
    # Joined on 1 April: only April to June count.
    assert range_target(
        120_000, None, date(2026, 1, 1), date(2026, 6, 30), date(2026, 4, 1)
    ) == pytest.approx(30_000)
    # Half of a month when the range itself stops in its middle.
    assert range_target(
        120_000, None, date(2026, 11, 1), date(2026, 11, 15)
    ) == pytest.approx(5_000)


def test_the_slices_say_which_tier_and_rate_applied():
    tiers = [(0, 1), (80, 2), (100, 3)]
    # Flat: one slice, the tier reached, all the revenue at its rate.
    assert commission_slices(8_500, 10_000, tiers) == [
        {"from_pct": 80, "to_pct": 100, "rate": 2, "base": 8_500, "amount": 170.0}
    ]
    # Marginal: each tier's part at its own rate, the last one open.
    pieces = commission_slices(12_000, 10_000, tiers, "marginal")
    assert [(p["from_pct"], p["to_pct"], p["base"]) for p in pieces] == [
        (0, 80, 8_000),
        (80, 100, 2_000),
        (100, None, 2_000),
    ]
    # No target: the first tier.
    assert commission_slices(500, 0, tiers)[0]["rate"] == 1


@given(
    st.floats(min_value=0, max_value=1e8, allow_nan=False),
    st.floats(min_value=0, max_value=1e8, allow_nan=False),
    st.sampled_from(["flat", "marginal"]),
)
def test_the_commission_is_the_sum_of_its_slices(won, target, mode):
    tiers = [(0, 1), (60, 1.5), (80, 2), (100, 3)]
    pieces = commission_slices(won, target, tiers, mode)
    assert commission(won, target, tiers, mode) == round(
        sum(p["amount"] for p in pieces), 2
    )
    assert sum(p["base"] for p in pieces) == pytest.approx(won)
