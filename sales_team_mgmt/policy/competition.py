"""Competitors (seed 003 ch. 8): what the deals they competed in say."""


def win_rate(won, lost_to_it):
    """Our win rate against a competitor, in percent: deals we won where it
    competed, over those decided between us (won, or lost to it). None while
    nothing is decided: no measure, not a zero."""
    decided = won + lost_to_it
    if decided <= 0:
        return None
    return round(100.0 * won / decided, 1)
