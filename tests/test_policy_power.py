from datetime import date

from policy.power import ROLES, decision_power, role_map_completeness, suggest_winner


def test_each_contact_counts_once_with_its_strongest_role():
    assert decision_power([(1, "decider"), (1, "user"), (2, "buyer")]) == 160


def test_highest_power_wins():
    winner = suggest_winner(
        [
            (10, date(2026, 1, 1), [(1, "user"), (2, "initiator")]),
            (20, date(2026, 2, 1), [(3, "decider")]),
        ]
    )
    assert winner == 20


def test_tie_goes_to_the_earliest_claim():
    winner = suggest_winner(
        [
            (20, date(2026, 2, 1), []),
            (10, date(2026, 1, 1), []),
        ]
    )
    assert winner == 10
    assert suggest_winner([]) is None


def test_role_map_completeness():
    assert role_map_completeness([]) == 0
    assert role_map_completeness(["decider", "decider", "buyer"]) == 29
    assert role_map_completeness(list(ROLES)) == 100
