from datetime import date

from policy.dossier import DEFAULT_DEADLINE_MONTHS, deadline, state


def test_the_dossier_is_due_months_after_registration():
    assert DEFAULT_DEADLINE_MONTHS == 3
    assert deadline(date(2026, 1, 15), 3) == date(2026, 4, 15)
    # The end of a longer month falls on the end of a shorter one.
    assert deadline(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert deadline(None, 3) is None


def test_the_dossier_state():
    today = date(2026, 4, 16)
    assert state(False, False, date(2026, 1, 1), today) is None
    assert state(True, True, date(2026, 1, 1), today) == "complete"
    assert state(True, False, date(2026, 4, 15), today) == "overdue"
    assert state(True, False, today, today) == "incomplete", "due today, not late"
    assert state(True, False, None, today) == "incomplete"
