"""Customer credit risk (seed 003 ch. 11): what the receivables say."""

RISK_ORDER = ("none", "overdue", "over_limit")


def credit_risk(receivable, overdue, limit):
    """``over_limit`` when the customer owes more than its credit limit
    (``limit`` None or 0: no limit), else ``overdue`` when part of it is past
    its due date, else ``none``. Amounts in the company's currency; a cent
    is not a risk."""
    if limit and limit > 0 and round((receivable or 0.0) - limit, 2) > 0:
        return "over_limit"
    if round(overdue or 0.0, 2) > 0:
        return "overdue"
    return "none"
