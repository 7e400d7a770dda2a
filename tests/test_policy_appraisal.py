import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy.appraisal import (
    bottom_keys,
    competition_ranks,
    complaint_score,
    compliance_rate,
    grade,
    projects_target,
    ratio_score,
    total_score,
    visits_target,
    weights_ok,
)
from policy.periods import period_bounds

TEMPLATE_XML = (
    Path(__file__).parents[1]
    / "sales_team_mgmt_appraisal"
    / "data"
    / "stm_appraisal_template_data.xml"
)


def test_weights_must_make_100():
    assert weights_ok([40, 20, 20, 10, 10])
    assert not weights_ok([40, 20, 20, 10])
    assert not weights_ok([110, -10])
    assert not weights_ok([])


def test_default_template_follows_the_handbook():
    """Seed 002: targets 40, teamwork 20, innovation 20, skills 10, leadership 10."""
    weights, sources = [], []
    for record in ET.parse(TEMPLATE_XML).getroot().iter("record"):
        fields = {f.get("name"): f.text for f in record.iter("field")}
        if record.get("model") == "stm.appraisal.template.line":
            weights.append(float(fields["weight"]))
            sources.append(fields["source"])
    assert weights_ok(weights)
    teamwork = ("complaints", "peer_review")
    measured = sum(
        w
        for w, s in zip(weights, sources, strict=True)
        if s != "manual" and s not in teamwork
    )
    assert measured == 40, "the targets part"
    assert sum(w for w, s in zip(weights, sources, strict=True) if s in teamwork) == 20
    assert sorted(weights[-3:]) == [10, 10, 20]


def test_scores_and_grades():
    assert ratio_score(60000, 100000) == 60
    assert ratio_score(150, 100) == 100, "capped"
    assert ratio_score(5, 0) == 100, "no target: met"
    assert ratio_score(-5, 10) == 0
    assert complaint_score(0) == 100
    assert complaint_score(2) == 50
    assert complaint_score(9) == 0
    assert total_score([(40, 100), (60, 50)]) == 70
    assert total_score([(50, 130), (50, -20)]) == 50, "scores clamp to 0–100"
    assert [grade(s) for s in (90, 89.99, 75, 60, 59.9)] == [
        "excellent",
        "good",
        "good",
        "pass",
        "fail",
    ]


def test_ranking_shares_places_and_lists_the_bottom():
    ranks = competition_ranks({"a": 90, "b": 75, "c": 75, "d": 50})
    assert ranks == {"a": 1, "b": 2, "c": 2, "d": 4}
    assert bottom_keys(ranks, 1) == {"d"}
    assert bottom_keys(ranks, 2) == {"d", "b", "c"}, "ties at the cut-off go together"
    assert bottom_keys({"a": 1}, 1) == set(), "a team of one has no bottom"
    assert bottom_keys(ranks, 0) == set()


@pytest.mark.parametrize(
    ("period", "day", "bounds"),
    [
        ("month", date(2028, 2, 10), (date(2028, 2, 1), date(2028, 2, 29))),
        ("quarter", date(2026, 5, 10), (date(2026, 4, 1), date(2026, 6, 30))),
        ("half", date(2026, 7, 1), (date(2026, 7, 1), date(2026, 12, 31))),
        ("year", date(2026, 12, 31), (date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_period_bounds(period, day, bounds):
    assert period_bounds(period, day) == bounds


@given(st.dictionaries(st.text(max_size=3), st.floats(0, 100), max_size=12))
def test_ranks_are_consistent_with_scores(scores):
    ranks = competition_ranks(scores)
    for a in scores:
        for b in scores:
            if scores[a] > scores[b]:
                assert ranks[a] < ranks[b]
            if scores[a] == scores[b]:
                assert ranks[a] == ranks[b]


def test_quota_targets_follow_the_period():
    assert visits_target(15, 91) == 45.5, "a quarter at 15 per 30 days"
    assert visits_target(15, 30) == 15
    assert visits_target(None, 30) == 0
    assert projects_target(4, "quarter") == 1
    assert projects_target(4, "year") == 4
    assert projects_target(5, "month") == 0.4


def test_compliance_rate_counts_checked_days_only():
    assert compliance_rate(20, 25) == (80.0, 100.0)
    assert compliance_rate(0, 0) == (0.0, 0.0), "nothing checked, nothing to meet"
    assert compliance_rate(2, 3) == (66.7, 100.0)
