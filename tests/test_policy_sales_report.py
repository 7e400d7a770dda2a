"""Sales reports: a team's totals and ranks from its salespeople's lines."""

from policy import sales_report


def test_nobody_is_ranked_before_winning():
    assert sales_report.sales_ranks({"a": 50.0, "b": 0.0, "c": 50.0, "d": 80.0}) == {
        "d": 1,
        "a": 2,
        "c": 2,
    }
    assert sales_report.sales_ranks({"a": 0.0, "b": None}) == {}


def test_team_rates_come_from_the_sums_not_an_average():
    rows = [
        {"won_amount": 90.0, "target_amount": 100.0, "won_count": 3, "lost_count": 0},
        {"won_amount": 10.0, "target_amount": 100.0, "won_count": 1, "lost_count": 4},
    ]
    totals = sales_report.team_totals(rows)
    assert totals["won_amount"] == 100.0
    assert totals["attainment_pct"] == 50.0
    # 4 won of 8 decided, not the average of 100 % and 20 %.
    assert totals["win_rate"] == 50.0
    assert totals["visit_count"] == 0


def test_nothing_to_measure_is_none():
    assert sales_report.line_rates({"won_amount": 10.0}) == {
        "attainment_pct": None,
        "win_rate": None,
    }
    assert sales_report.team_totals([]) == {
        **dict.fromkeys(sales_report.SUMMED, 0),
        "attainment_pct": None,
        "win_rate": None,
    }
