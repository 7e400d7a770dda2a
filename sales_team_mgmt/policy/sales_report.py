"""Periodic sales reports (seed 003 ch. 9): a team's totals and ranks from
the lines of its salespeople."""

from . import appraisal, competition, incentive

# What a team's total is the plain sum of.
SUMMED = (
    "won_amount",
    "won_count",
    "target_amount",
    "lost_count",
    "lost_amount",
    "weighted_pipeline",
    "visit_count",
    "feedback_visit_count",
    "project_count",
    "new_customer_count",
)

# A salesperson's figures in a report, and the team's.
FIGURES = (*SUMMED, "attainment_pct", "win_rate")

REPORT_PERIODS = ("month", "quarter", "year")


def sales_ranks(won_by_key):
    """{key: place} by revenue won, equal revenue equal place; nobody is
    ranked before winning something (a row of people at zero all "#1" tells
    nothing)."""
    return appraisal.competition_ranks(
        {key: won for key, won in won_by_key.items() if won and won > 0}
    )


def team_totals(rows):
    """The team's line from its salespeople's: sums, then the attainment
    and win rate of those sums (not an average of percentages)."""
    totals = {name: sum(row.get(name) or 0 for row in rows) for name in SUMMED}
    totals["attainment_pct"] = incentive.attainment_pct(
        totals["won_amount"], totals["target_amount"]
    )
    totals["win_rate"] = competition.win_rate(totals["won_count"], totals["lost_count"])
    return totals


def line_rates(row):
    """A salesperson's attainment and win rate (None: nothing to measure)."""
    return {
        "attainment_pct": incentive.attainment_pct(
            row.get("won_amount"), row.get("target_amount")
        ),
        "win_rate": competition.win_rate(
            row.get("won_count") or 0, row.get("lost_count") or 0
        ),
    }
