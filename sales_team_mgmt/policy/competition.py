"""Competitors (seed 003 ch. 8): what the deals they competed in say."""


def win_rate(won, lost):
    """Win rate in percent: deals won over those decided (won or lost) —
    a salesperson's in a period, or ours against a competitor (won where it
    competed, lost to it). None while nothing is decided: no measure, not a
    zero."""
    decided = won + lost
    if decided <= 0:
        return None
    return round(100.0 * won / decided, 1)
