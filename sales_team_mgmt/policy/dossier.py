"""A registered project's dossier (项目档案, seed 001): when it is due and
where it stands."""

from dateutil.relativedelta import relativedelta

DEFAULT_DEADLINE_MONTHS = 3


def deadline(registered_on, months):
    """The day the dossier is due: so many months after registration."""
    if not registered_on:
        return None
    return registered_on + relativedelta(months=months)


def state(registered, complete, due, today):
    """'complete', 'overdue', 'incomplete', or None for a lead that is not a
    registered project. A dossier due today is not yet overdue."""
    if not registered:
        return None
    if complete:
        return "complete"
    if due and due < today:
        return "overdue"
    return "incomplete"
