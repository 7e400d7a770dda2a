"""Appraisal scoring, grades and ranking (考核, seeds 002 and 004).

A template is a list of lines whose weights add up to 100. Each line is
scored 0–100; the total is the weighted mean. The grade bands and the
bottom-of-the-ranking rule (末位淘汰) are plain functions of those numbers.
"""

from .periods import PERIOD_MONTHS

TOTAL_WEIGHT = 100
DEFAULT_EXCELLENT_MIN = 90
DEFAULT_GOOD_MIN = 75
DEFAULT_PASS_MIN = 60
DEFAULT_BOTTOM_RANK_COUNT = 1
# Each upheld complaint against the person costs this much of the line.
COMPLAINT_PENALTY = 25


def weights_ok(weights):
    """Whether the template's weights make exactly 100 with none negative."""
    weights = list(weights)
    return (
        bool(weights)
        and all(w >= 0 for w in weights)
        and abs(sum(weights) - TOTAL_WEIGHT) < 1e-6
    )


def ratio_score(actual, target):
    """0–100 for reaching ``target``; a missing or zero target counts as met."""
    if not target or target <= 0:
        return 100.0
    actual = max(actual or 0.0, 0.0)
    return round(min(actual / target, 1.0) * 100.0, 2)


def complaint_score(upheld_count, penalty=COMPLAINT_PENALTY):
    return float(max(0, 100 - penalty * max(upheld_count, 0)))


def visits_target(per_30_days, days):
    """Feedback visits expected over ``days`` days at a quota given per 30
    days (a quarter of 91 days at 15 per 30 days: 45.5)."""
    return round((per_30_days or 0) * days / 30.0, 1)


def projects_target(per_year, period):
    """Registered projects expected in a month, quarter, half or year at a
    yearly quota."""
    return round((per_year or 0) * PERIOD_MONTHS[period] / 12.0, 1)


def compliance_rate(passed_days, checked_days):
    """(actual %, target %) of the days in compliance among the days
    checked; no day checked: nothing to meet (0 of 0)."""
    if not checked_days:
        return 0.0, 0.0
    return round(100.0 * passed_days / checked_days, 1), 100.0


def clamp_score(score):
    return min(max(score or 0.0, 0.0), 100.0)


def total_score(lines):
    """Weighted mean of ``[(weight, score), ...]`` on 0–100."""
    weight_sum = sum(weight for weight, _score in lines)
    if not weight_sum:
        return 0.0
    weighted = sum(weight * clamp_score(score) for weight, score in lines)
    return round(weighted / weight_sum, 2)


def grade(
    score,
    excellent_min=DEFAULT_EXCELLENT_MIN,
    good_min=DEFAULT_GOOD_MIN,
    pass_min=DEFAULT_PASS_MIN,
):
    if score >= excellent_min:
        return "excellent"
    if score >= good_min:
        return "good"
    if score >= pass_min:
        return "pass"
    return "fail"


def competition_ranks(scores):
    """Rank ``{key: score}`` highest first; equal scores share a rank and the
    next rank skips (1, 2, 2, 4), as on any league table."""
    ordered = sorted(scores.items(), key=lambda item: -item[1])
    ranks = {}
    previous_score, previous_rank = None, 0
    for position, (key, score) in enumerate(ordered, start=1):
        if score != previous_score:
            previous_rank, previous_score = position, score
        ranks[key] = previous_rank
    return ranks


def bottom_keys(ranks, count):
    """The last ``count`` places of a ranking (everyone tied with them too);
    nobody when the group is not larger than ``count``."""
    if count <= 0 or len(ranks) <= count:
        return set()
    cutoff = sorted(ranks.values())[len(ranks) - count]
    return {key for key, rank in ranks.items() if rank >= cutoff}


# What an appraisal criterion can be measured by (the selection of the
# template line and of the appraisal line; add-ons add their own).
KPI_SOURCES = [
    ("manual", "Scored by the Manager"),
    ("revenue", "Won Revenue vs Target"),
    ("visits", "Feedback Visits vs Quota"),
    ("projects", "Registered Projects vs Quota"),
    ("compliance", "Days in Compliance"),
    ("complaints", "Upheld Complaints"),
    ("peer_review", "Colleagues' Ratings"),
]
