"""Voices about a salesperson and the coaching that follows (seed 004 ch.6,
seed 000 ch.2/6/8, seed 002 §4.3: 客户满意度, 互评, 辅导, 导师).

Scores that feed an appraisal run from 0 to 100. A peer rating is 1–5 (1 is
0, 5 is 100, linearly); fewer than the minimum number of ratings is no
measure at all, as is a satisfaction period without any answer: the
criterion is then left out of the total, not scored zero.
"""

RATING_MIN = 1
RATING_MAX = 5
DEFAULT_MIN_PEER_RATINGS = 3
DEFAULT_SATISFACTION_THRESHOLD = 60


def rating_problem(score):
    """Why ``score`` is not a peer rating, or None: a whole number 1–5."""
    if isinstance(score, bool) or not isinstance(score, int):
        return "not_whole"
    if not RATING_MIN <= score <= RATING_MAX:
        return "range"
    return None


def rating_to_score(average):
    """A 1–5 average on the 0–100 scale of appraisals."""
    return round((average - RATING_MIN) / (RATING_MAX - RATING_MIN) * 100.0, 2)


def peer_measure(ratings, minimum=DEFAULT_MIN_PEER_RATINGS):
    """(average 1–5, score 0–100) of the ratings a colleague received, or
    None when fewer than ``minimum`` colleagues rated him."""
    ratings = list(ratings)
    if len(ratings) < max(minimum, 1):
        return None
    average = round(sum(ratings) / len(ratings), 2)
    return average, rating_to_score(average)


def satisfaction_measure(scores):
    """The average 0–100 satisfaction of the answered surveys, or None
    without any answer (an unanswered survey is no measure, not a zero)."""
    scores = [min(max(score, 0.0), 100.0) for score in scores if score is not None]
    if not scores:
        return None
    return round(sum(scores) / len(scores), 2)


def is_low(score, threshold=DEFAULT_SATISFACTION_THRESHOLD):
    """Whether a satisfaction score calls for the manager."""
    return score is not None and score < threshold


def goal_progress(actual, target):
    """0–100 % of a coaching goal reached; a goal without a target is met."""
    if not target or target <= 0:
        return 100.0
    return round(min(max(actual or 0.0, 0.0) / target, 1.0) * 100.0, 1)


# A contact asked less than this many days ago is not asked again after a
# visit (a won deal always asks): nobody answers a survey every week.
SURVEY_MIN_GAP_DAYS = 30


def may_ask_again(last_asked_on, today, gap_days=SURVEY_MIN_GAP_DAYS):
    """Whether a contact last asked on ``last_asked_on`` (a date or None)
    may be asked again ``today``."""
    return last_asked_on is None or (today - last_asked_on).days >= gap_days
