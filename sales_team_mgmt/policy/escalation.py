"""The complaint ladder between sales and the support departments
(seed 001, 企业各部门人员配合).

Finance, technical (pre- and after-sales) and admin staff: one upheld
complaint is a warning, three or more are a review (调岗或离职). HR must
handle its cases within 15 days; an HR complaint still open after that is a
warning for whoever handles it.
"""

from datetime import date, timedelta

from .quota import rolling_year

DEFAULT_SLA_DAYS = 3
DEFAULT_HR_SLA_DAYS = 15
REVIEW_FROM = 3


def default_sla_days(service):
    return DEFAULT_HR_SLA_DAYS if service == "hr" else DEFAULT_SLA_DAYS


def deadline(filed_on, sla_days):
    """Last day to answer: the filing day plus the department's SLA."""
    if not filed_on:
        return None
    try:
        return filed_on + timedelta(days=max(sla_days or 0, 0))
    except OverflowError:  # a deadline past year 9999 is no deadline
        return date.max


def breached(deadline_day, today, closed_on=None):
    """An SLA is breached when the answer came (or is still missing) after
    the deadline day."""
    if not deadline_day:
        return False
    return (closed_on or today) > deadline_day


def upheld_consequence(upheld_count):
    """What the n-th upheld complaint in the rolling 12 months raises:
    the first a warning, the third and every one after a review."""
    if upheld_count >= REVIEW_FROM:
        return "review"
    if upheld_count == 1:
        return "warning"
    return None


def window_start(today):
    """First day of the rolling 12 months ending ``today`` (inclusive)."""
    return rolling_year(today)[0]
