import pytest
from policy import credit


@pytest.mark.parametrize(
    ("receivable", "overdue", "limit", "expected"),
    [
        (0.0, 0.0, None, "none"),
        (500.0, 0.0, None, "none"),
        (500.0, 100.0, None, "overdue"),
        (500.0, 100.0, 0.0, "overdue"),
        # Exactly at the limit is within it; a cent over is over.
        (1000.0, 0.0, 1000.0, "none"),
        (1000.01, 0.0, 1000.0, "over_limit"),
        # Over the limit weighs more than overdue.
        (1500.0, 200.0, 1000.0, "over_limit"),
        # Rounding dust is no risk.
        (10.0, 0.004, None, "none"),
    ],
)
def test_credit_risk(receivable, overdue, limit, expected):
    assert credit.credit_risk(receivable, overdue, limit) == expected


def test_risks_are_ordered_by_weight():
    assert credit.RISK_ORDER.index("over_limit") > credit.RISK_ORDER.index("overdue")
